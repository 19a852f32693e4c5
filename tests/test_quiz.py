"""The question format: the parser, the linter's file:line messages, the HTML it becomes, and
the self-check every chapter ends with."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.content.entries import parse_file, sections
from scripts.content.learning_paths import START_HERE
from scripts.content.project import chapters
from scripts.content.quiz import PLACEMENT, SELF_CHECK, find_quiz, parse_quiz, quiz_problems, render

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


def test_the_html_folds_answers_and_ends_with_a_key() -> None:
    quiz, _ = parse_quiz(find_quiz(sections(page(*five()))), "docs/t.md")  # type: ignore[arg-type]
    html = render(quiz, "t")
    assert html.count('<details class="rm-quiz__answer" markdown>') == 5  # readable without JavaScript, answers folded
    assert 'data-rm-answer="1"' in html and 'id="t-1"' in html and 'data-rm-quiz-count="5"' in html
    assert "<strong>B.</strong> Each layer reads it" in html
    assert '<p class="rm-quiz__key"><strong>Answer key:</strong> 1&nbsp;B · 2&nbsp;B · 3&nbsp;B · 4&nbsp;B · 5&nbsp;B</p>' in html


@pytest.mark.parametrize("chapter", chapters(), ids=lambda c: c.slug)
def test_every_chapter_ends_with_a_self_check_that_passes(chapter) -> None:  # type: ignore[no-untyped-def]
    text = chapter.source.read_text(encoding="utf-8")
    page_sections = sections(text)
    quiz, problems = parse_quiz(find_quiz(page_sections), str(chapter.source))  # type: ignore[arg-type]
    assert page_sections[-1].title == SELF_CHECK and problems == []
    assert 5 <= len(quiz.questions) <= 8
    urls = [r.url for r in parse_file(chapter.source).resources]
    assert quiz_problems(str(chapter.source), page_sections, urls, chapter.source.parent) == []
    assert len({q.answer for q in quiz.questions}) >= 2  # the right answer is not always the same letter


def test_the_placement_quiz_covers_foundations_and_core_chapters() -> None:
    quiz, problems = parse_quiz(find_quiz(sections(START_HERE.read_text(encoding="utf-8"))), "docs/start-here.md")  # type: ignore[arg-type]
    assert problems == [] and 12 <= len(quiz.questions) <= 16
    about = [Path(q.chapter).stem for q in quiz.questions]
    assert {"mathematics", "python", "neural-networks", "nlp"} <= set(about) and "transformer" in about
    titles = {c.slug: c for c in chapters()}
    assert all(slug in titles for slug in about)
