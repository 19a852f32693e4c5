"""The question format: the parser, the linter's file:line messages, the HTML it becomes, and
the self-check every chapter ends with."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from scripts.content.entries import parse_file, sections
from scripts.content.learning_paths import START_HERE
from scripts.content.project import chapters
from scripts.content.quiz import LETTERS, PLACEMENT, SELF_CHECK, Option, Question, find_quiz, parse_quiz, quiz_problems, render

QUESTION = """**{n}. What does the residual stream carry?**

- [ ] Only the input tokens.
- [x] The sum every layer reads from and adds to.
- [ ] The attention weights alone.

Why: Each layer reads it and adds its output; see [Key concepts](#key-concepts)."""


def page(*questions: str, title: str = SELF_CHECK) -> str:
    return "# T\n\n## Key concepts\n\n- **A**: b.\n\n## " + title + "\n\n" + "\n\n".join(questions) + "\n"


def messages(text: str, urls: tuple[str, ...] = (), docs: Path = Path("docs")) -> list[str]:
    return [f"{p.line}: {p.message}" for p in quiz_problems("docs/t.md", sections(text), urls, docs)]


def five(*replaced: str) -> list[str]:
    questions = [QUESTION.format(n=n) for n in range(1, 6)]
    return [*replaced, *questions[len(replaced):]]


def line_of(text: str, needle: str, after: int = 0) -> int:
    lines = text.split("\n")
    return next(i + 1 for i, line in enumerate(lines) if i + 1 > after and line == needle)


def test_a_well_formed_quiz_parses_with_its_answers() -> None:
    text = page(*five())
    quiz, problems = parse_quiz(find_quiz(sections(text)), "docs/t.md")  # type: ignore[arg-type]
    assert problems == [] and messages(text) == []
    assert [q.number for q in quiz.questions] == [1, 2, 3, 4, 5]
    assert quiz.questions[0].answer == 1 and quiz.questions[0].options[1].right
    assert quiz.questions[0].id == quiz.questions[1].id  # the id follows the wording, not the position


def test_no_right_answer_two_right_answers_and_no_explanation() -> None:
    none = QUESTION.format(n=1).replace("- [x]", "- [ ]")
    two = QUESTION.format(n=2).replace("- [ ] Only", "- [x] Only")
    silent = QUESTION.format(n=3).split("\n\nWhy:")[0]
    text = page(*five(none, two, silent))
    assert messages(text) == [
        f"{line_of(text, '**1. What does the residual stream carry?**')}: question 1 has no right answer",
        f"{line_of(text, '- [x] The sum every layer reads from and adds to.', after=line_of(text, '**2. What does the residual stream carry?**'))}: question 2 has 2 right answers",
        f"{line_of(text, '**3. What does the residual stream carry?**')}: question 3 has no explanation",
        f"{line_of(text, '## Check yourself')}: 2 questions",
    ]


def test_dead_links_in_explanations() -> None:
    anchor = QUESTION.format(n=1).replace("(#key-concepts)", "(#no-such-heading)")
    foreign = QUESTION.format(n=2).replace("[Key concepts](#key-concepts)", "[Elsewhere](https://example.org/not-an-entry)")
    page_missing = QUESTION.format(n=3).replace("(#key-concepts)", "(missing.md#key-concepts)")
    bare = QUESTION.format(n=4).replace("; see [Key concepts](#key-concepts)", "")
    text = page(*five(anchor, foreign, page_missing, bare))
    why = [i + 1 for i, line in enumerate(text.split("\n")) if line.startswith("Why:")]
    assert messages(text) == [
        f"{why[0]}: question 1 links #no-such-heading, which is no heading of this page",
        f"{why[1]}: question 2 links https://example.org/not-an-entry, which is no resource of this chapter",
        f"{why[2]}: question 3 links missing.md, which does not exist",
        f"{why[3]}: question 4's explanation links nothing",
    ]
    assert messages(text.replace("not-an-entry", "entry"), urls=("https://example.org/entry",))[:1] == [
        f"{why[0]}: question 1 links #no-such-heading, which is no heading of this page"
    ]


def test_stray_lines_numbering_and_option_counts() -> None:
    stray = QUESTION.format(n=1).replace("- [ ] Only the input tokens.", "* Only the input tokens.")
    text = page("Read this first.", *five(stray).__iter__())
    found = messages(text)
    assert f"{line_of(text, 'Read this first.')}: text before the first question" in found
    assert f"{line_of(text, '* Only the input tokens.')}: a quiz line is a question, an option, 'Why: …' or 'Chapter: …'" in found
    assert f"{line_of(text, '**1. What does the residual stream carry?**')}: question 1 has 2 options" in found
    renumbered = page(*[QUESTION.format(n=n) for n in (1, 2, 4, 5, 6)])
    assert f"{line_of(renumbered, '## Check yourself')}: questions are numbered [1, 2, 4, 5, 6]" in messages(renumbered)


def test_a_placement_question_names_its_chapter() -> None:
    about = QUESTION.format(n=1).replace("\n\n- [ ]", "\n\nChapter: [Transformer architecture](transformer.md)\n\n- [ ]", 1)
    text = page(about, *[QUESTION.format(n=n) for n in range(2, 13)], title=PLACEMENT)
    assert messages(text.replace("(#key-concepts)", "(transformer.md#key-concepts)")) == [
        f"{line_of(text, f'**{n}. What does the residual stream carry?**')}: question {n} names no chapter" for n in range(2, 13)
    ]


def numbered(n: int) -> str:
    """QUESTION with its own wording, so each question has its own id and its own shuffle."""
    return QUESTION.format(n=n).replace("carry?**", f"carry at layer {n}?**")


def rendered_options(html: str) -> list[list[str]]:
    """Each question's options in the order the HTML lists them."""
    return [re.findall(r'<li markdown="span">(.*?)</li>', block) for block in html.split('<div class="rm-quiz__question"')[1:]]


def test_the_html_folds_answers_and_ends_with_a_key_that_follow_the_shuffle() -> None:
    quiz, _ = parse_quiz(find_quiz(sections(page(*[numbered(n) for n in range(1, 6)]))), "docs/t.md")  # type: ignore[arg-type]
    html = render(quiz, "t")
    assert html.count('<details class="rm-quiz__answer question" markdown>') == 5  # readable without JavaScript, answers folded
    assert 'id="t-1"' in html and 'data-rm-quiz-count="5"' in html
    shown = re.findall(r'data-rm-answer="(\d)"', html)
    letters = re.findall(r"<strong>([A-D])\.</strong> Each layer reads it", html)
    key = re.search(r"<strong>Answer key:</strong> (.*)</p>", html)
    assert key is not None and len(shown) == len(letters) == 5
    for q, options, at, letter in zip(quiz.questions, rendered_options(html), shown, letters):
        assert sorted(options) == sorted(o.text for o in q.options)  # every option, once
        assert options[int(at)] == "The sum every layer reads from and adds to."  # data-rm-answer is the key as shown
        assert letter == LETTERS[int(at)] and f"{q.number}&nbsp;{letter}" in key[1]  # the folded letter and the printed key follow
    assert len({tuple(o) for o in rendered_options(html)}) > 1  # the five questions are not all in one order


def test_the_shuffle_is_a_permutation_fixed_by_the_salt_and_the_wording() -> None:
    quiz, _ = parse_quiz(find_quiz(sections(page(*[numbered(n) for n in range(1, 6)]))), "docs/t.md")  # type: ignore[arg-type]
    q = quiz.questions[0]
    assert sorted(q.order()) == [0, 1, 2] and q.order() == q.order()
    assert [o.text for o in q.shown()] == [q.options[i].text for i in q.order()]
    assert q.shown()[q.position()].right
    # The order is sha256 of "salt:id" read as one big integer, digit by digit in bases 3, 2:
    # worked out by hand here so a change of hash, seed or algorithm cannot pass unnoticed.
    seed = int.from_bytes(hashlib.sha256(f"salt:{q.id}".encode()).digest(), "big")
    first = [0, 1, 2]
    seed, j = divmod(seed, 3)
    first[2], first[j] = first[j], first[2]
    seed, j = divmod(seed, 2)
    first[1], first[j] = first[j], first[1]
    assert q.order("salt") == tuple(first)
    assert len({q.order(str(salt)) for salt in range(40)}) == 6  # salts reach all six orders of three


def test_the_shuffle_is_the_same_in_another_process() -> None:
    """Same bytes on every machine: nothing depends on Python's per-process string hashing."""
    code = (
        "from scripts.content.entries import sections; from scripts.content.quiz import find_quiz, parse_quiz; import sys; "
        "q = parse_quiz(find_quiz(sections(sys.stdin.read())), 't')[0]; print([x.order() for x in q.questions])"
    )
    text = page(*[numbered(n) for n in range(1, 6)])
    runs = {
        subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    quiz, _ = parse_quiz(find_quiz(sections(text)), "t")  # type: ignore[arg-type]
    assert runs == {f"{[q.order() for q in quiz.questions]}\n"}


def test_shuffled_positions_are_about_uniform_over_many_questions() -> None:
    """The hash spreads keys evenly: 4,000 made-up four-option questions, keys written first."""
    made_up = [
        Question(n, f"Made-up question {n}?", tuple(Option(t, i == 0, 0) for i, t in enumerate("wxyz")), "w", 0, 0) for n in range(4000)
    ]
    counts = Counter(q.position() for q in made_up)
    assert sorted(counts) == [0, 1, 2, 3] and all(900 <= n <= 1100 for n in counts.values())  # 1,000 each, sd about 27


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("why", "Why: Option B confuses dropout with weight decay; see [Key concepts](#key-concepts)."),
        ("why", "Why: Answers A and C describe the encoder; see [Key concepts](#key-concepts)."),
        ("why", "Why: The first option describes stemming; see [Key concepts](#key-concepts)."),
        ("why", "Why: Unlike (C), it keeps the weights; see [Key concepts](#key-concepts)."),
        ("option", "- [ ] All of the above."),
        ("option", "- [ ] Both of the other answers."),
    ],
)
def test_text_that_points_at_an_option_by_letter_or_place_is_reported(where: str, text: str) -> None:
    one = QUESTION.format(n=1)
    if where == "why":
        one = one[: one.index("Why:")] + text
    else:
        one = one.replace("- [ ] The attention weights alone.", text)
    found = messages(page(*five(one)))
    at = line_of(page(*five(one)), text)
    assert [m.split(" (")[0] for m in found] == [f"{at}: question 1 points at an option by its letter or place"]


@pytest.mark.parametrize(
    "text",
    [
        "Why: The answer a model gives depends on its prompt; see [Key concepts](#key-concepts).",
        'Why: An induction head completes "A B ... A → B"; see [Key concepts](#key-concepts).',
        "Why: Model A scores higher than model B on it; see [Key concepts](#key-concepts).",
        "Why: A first option to try is a smaller model; see [Key concepts](#key-concepts).",
    ],
)
def test_letters_and_places_in_ordinary_prose_are_not_reported(text: str) -> None:
    one = QUESTION.format(n=1)
    assert messages(page(*five(one[: one.index("Why:")] + text))) == []


@pytest.mark.parametrize("chapter", chapters(), ids=lambda c: c.slug)
def test_every_chapter_ends_with_a_self_check_that_passes(chapter) -> None:  # type: ignore[no-untyped-def]
    text = chapter.source.read_text(encoding="utf-8")
    page_sections = sections(text)
    quiz, problems = parse_quiz(find_quiz(page_sections), str(chapter.source))  # type: ignore[arg-type]
    assert page_sections[-1].title == SELF_CHECK and problems == []
    assert 5 <= len(quiz.questions) <= 8
    urls = [r.url for r in parse_file(chapter.source).resources]
    assert quiz_problems(str(chapter.source), page_sections, urls, chapter.source.parent) == []
    assert len({q.position() for q in quiz.questions}) >= 2  # the right answer is not always shown at the same letter


def test_the_placement_quiz_covers_foundations_and_core_chapters() -> None:
    quiz, problems = parse_quiz(find_quiz(sections(START_HERE.read_text(encoding="utf-8"))), "docs/start-here.md")  # type: ignore[arg-type]
    assert problems == [] and 12 <= len(quiz.questions) <= 16
    about = [Path(q.chapter).stem for q in quiz.questions]
    assert {"mathematics", "python", "neural-networks", "nlp"} <= set(about) and "transformer" in about
    titles = {c.slug: c for c in chapters()}
    assert all(slug in titles for slug in about)
