"""The question bank as a whole: a reader should not score by test-taking tricks (issue 22).
scripts/content/quiz_bank.py measures; these tests prove each measure on small made-up quizzes
and on the bank as it stood before the rewrite (tests/data/quiz-bank-e23e443), then hold the
current bank to every rule."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from scripts.content import quiz_bank
from scripts.content.entries import sections
from scripts.content.quiz import Question, Quiz, find_quiz, parse_quiz
from scripts.content.quiz_bank import (
    Finding,
    absolute,
    absolute_marks,
    chi2_sf,
    findings,
    items,
    key_is_longest,
    longest_wins,
    near_copies,
    positions,
)

BEFORE = Path(__file__).parent / "data" / "quiz-bank-e23e443"


def before_bank() -> list[tuple[str, Quiz]]:
    return quiz_bank.load(sorted(p for p in BEFORE.glob("*.md") if p.stem != "start-here"), BEFORE / "start-here.md")


def quiz(*blocks: str, path: str = "docs/t.md") -> Quiz:
    """A self-check made of question blocks numbered in order; the explanation is a stub."""
    text = "## Check yourself\n\n" + "\n\n".join(f"**{n}. {block}\n\nWhy: x." for n, block in enumerate(blocks, start=1))
    return parse_quiz(find_quiz(sections(text)), path)[0]  # type: ignore[arg-type]


def question(stem: str, key: str, *distractors: str) -> str:
    return "\n".join([f"{stem}**", "", f"- [x] {key}", *(f"- [ ] {d}" for d in distractors)])


def written_order(self: Question, salt: str = "") -> tuple[int, ...]:
    """The options as written, as the site showed them before the shuffle."""
    return tuple(range(len(self.options)))


# ---------- each measure on made-up questions ----------


def test_the_longest_option_by_characters_as_shown() -> None:
    one = quiz(
        question("Which?", "A long and careful right answer.", "Short.", "Also short."),
        question("Which?", "Short key.", "A distractor that is much longer.", "Another one."),
        question("Which?", "Same size!", "[Same sizes](https://example.org)", "Tiny."),  # the link's address is not shown
        question("Which?", "**Bold** key", "Bold one", "No."),
    )
    assert [key_is_longest(q) for q in one.questions] == [True, False, True, True]  # a tie counts: the reader cannot tell
    assert [quiz_bank.key_margin(q) for q in one.questions] == [21, -23, 0, 0]


def test_always_picking_the_longest_follows_the_order_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    tie = quiz(question("Which?", "Same size!", "Same size?", "Tiny."))
    monkeypatch.setattr(Question, "order", written_order)
    assert longest_wins(tie.questions[0])  # the key is first of the tied two
    monkeypatch.setattr(Question, "order", lambda self, salt="": (1, 0, 2))
    assert not longest_wins(tie.questions[0])  # now the other one is first


def test_absolute_words_are_whole_words_in_distractors_and_keys() -> None:
    bank = quiz(
        question("Which?", "It usually helps.", "It always helps.", "It never helps.", "It allows nothing."),
        question("Which?", "Only the last layer.", "Every layer.", "Some layers."),
        question("Which?", "Both.", "Neither.", "One."),
    )
    found = absolute(items([("t", bank)]))
    assert (found.distractors_with, found.distractors, found.keys_with, found.keys) == (3, 7, 1, 3)  # "allows" is no "all"
    assert [absolute_marks(q) for q in bank.questions] == [True, False, False]  # in #2 the key has one too


@pytest.mark.parametrize(("x", "df", "p"), [(3.841, 1, 0.05), (5.991, 2, 0.05), (7.815, 3, 0.05), (9.488, 4, 0.05), (11.070, 5, 0.05), (15.086, 5, 0.01)])
def test_chi_square_tail_matches_the_tables(x: float, df: int, p: float) -> None:
    assert chi2_sf(x, df) == pytest.approx(p, abs=5e-5)
    assert chi2_sf(0, df) == 1.0


def test_positions_count_keys_as_shown_and_repeats_inside_each_quiz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Question, "order", written_order)
    four = [question("Which?", "k", "a", "b", "c")] * 5  # the key written first, so shown at A
    bank = [("p", quiz(*four)), ("q", quiz(*four))]
    found = positions(bank)
    assert found.counts == {4: (10, 0, 0, 0)}
    assert (found.repeats, found.pairs) == (8, 8)  # 4 pairs in each quiz; none across the two
    assert found.expected == pytest.approx(2.0) and found.sd == pytest.approx(math.sqrt(8 * 0.25 * 0.75))
    assert found.chi2 == pytest.approx(30.0) and found.df == 3 and found.p < 0.001
    assert "positions" in [f.rule for f in findings(bank)]


def test_near_copies_share_most_content_words_across_pages(tmp_path: Path) -> None:
    chapter = quiz(
        question(
            "Your training loss keeps falling while your validation loss rises. What is happening?",
            "The model is overfitting the training data.",
            "The model is underfitting.",
            "The learning rate is too small.",
        ),
        question("What does a tokenizer do?", "It splits text into pieces.", "It counts words.", "It embeds words."),
        path="docs/neural-networks.md",
    )
    placement = quiz(
        question("What is the model doing when validation loss rises but training loss keeps falling?", "Overfitting its training data.", "Underfitting.", "Nothing."),
        question("Which optimizer step size is usual for Adam?", "Around 3e-4.", "Around 10.", "Exactly 1."),
        path="docs/start-here.md",
    )
    bank = items([("neural-networks", chapter), ("start-here", placement)])
    placed, between = near_copies(bank)
    assert [(c.first.label, c.second.label) for c in placed] == [("neural-networks #1", "start-here #1")] and between == []
    assert "docs/neural-networks.md:3" in str(placed[0]) and "docs/start-here.md:3" in str(placed[0])
    # A pair a reader judged distinct is not reported; a listed pair that is no near-copy is.
    listed = tmp_path / "distinct.txt"
    listed.write_text("# reviewed\nneural-networks#1 start-here#1  same symptom, asked for another reason\nneural-networks#2 start-here#2  old\n")
    rules = {f.rule: f for f in findings([("neural-networks", chapter), ("start-here", placement)], distinct_path=listed)}
    assert "placement copies" not in rules
    assert rules["distinct pairs"].offenders == ("neural-networks #2 and start-here #2",)
    listed.write_text("neural-networks#1 start-here#1\n")  # no reason
    rules = {f.rule: f for f in findings([("neural-networks", chapter), ("start-here", placement)], distinct_path=listed)}
    assert rules["distinct pairs"].offenders[0].startswith(f"{listed}:1: write 'page#n page#n  reason'")
    assert "placement copies" in rules


def test_the_linter_reports_a_near_copy_at_the_question_being_edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import scripts.content.lint

    monkeypatch.setattr(scripts.content.lint, "DOCS", tmp_path)
    monkeypatch.setattr(quiz_bank, "DISTINCT", tmp_path / "none.txt")
    copied = question(
        "Your training loss keeps falling while your validation loss rises. What is happening?",
        "The model is overfitting its training data.",
        "The model is underfitting.",
        "The learning rate is too small.",
    )
    other = question("What does a tokenizer do?", "It splits text into pieces.", "It counts words.", "It embeds words.")
    chapter = tmp_path / "neural-networks.md"
    chapter.write_text(f"# N\n\n## Check yourself\n\n**1. {other}\n\nWhy: x.\n\n**2. {copied}\n\nWhy: x.\n", encoding="utf-8")
    start = tmp_path / "start-here.md"
    start.write_text(f"# S\n\n## Placement quiz\n\n**1. {copied.replace('What is happening?', 'Why?')}\n\nWhy: x.\n", encoding="utf-8")

    def near(paths: list[Path]) -> list[str]:
        return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in scripts.content.lint.lint(paths) if "near-copy" in p.message]

    line = chapter.read_text(encoding="utf-8").split("\n").index(f"**2. {copied.splitlines()[0]}") + 1
    at_chapter = f"neural-networks.md:{line}: question 2 is a near-copy of start-here #1 ({start}:5)"
    at_start = f"start-here.md:5: question 1 is a near-copy of neural-networks #2 ({chapter}:{line})"
    assert [m.split(": stems")[0] for m in near([chapter])] == [at_chapter]
    assert [m.split(": stems")[0] for m in near([start])] == [at_start]
    assert [m.split(": stems")[0] for m in near([chapter, start])] == [at_start]  # once, on the placement side
    (tmp_path / "none.txt").write_text("neural-networks#2 start-here#1  a reader judged them distinct\n", encoding="utf-8")
    assert near([chapter, start]) == []


# ---------- the bank before issue 22's rewrite: what the issue measured by hand ----------


def test_the_measures_find_what_the_issue_measured_before_the_rewrite(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = before_bank()
    every = items(bank)
    assert len(every) == 152
    assert sum(key_is_longest(i.question) for i in every) == 111  # the issue: 111 of 152
    monkeypatch.setattr(Question, "order", written_order)  # as the site showed them then
    assert sum(longest_wins(i.question) for i in every) == 108  # the issue: always picking the longest scores 108
    found = positions(bank)
    assert (found.repeats, found.pairs) == (0, 128)  # the issue: 0 of 128 adjacent pairs, about 35 expected
    assert round(found.expected) == 34
    rules = [f.rule for f in findings(bank)]
    assert rules == ["longest", "positions", "absolute", "placement copies", "chapter copies"]


def test_the_shuffle_breaks_the_written_pattern_of_the_old_bank() -> None:
    found = positions(before_bank())
    assert found.p >= quiz_bank.POSITIONS_P and abs(found.z) <= quiz_bank.REPEATS_Z


def test_the_chosen_salt_avoids_long_runs_of_one_letter(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = before_bank()
    assert quiz_bank.longest_run([("t", quiz(*[question("Which?", "k", "a", "b")] * 5))], salt="x") == 5  # one wording: one order
    salt = quiz_bank.choose_salt(bank, tries=60)
    assert quiz_bank.longest_run(bank, salt) <= quiz_bank.MAX_RUN
    calmer = [str(n) for n in range(60) if quiz_bank.longest_run(bank, str(n)) <= quiz_bank.MAX_RUN]
    assert quiz_bank.salt_score(bank, salt) == min(quiz_bank.salt_score(bank, s) for s in calmer)
    monkeypatch.setattr(Question, "order", written_order)
    assert quiz_bank.longest_run(bank) == 1  # as written then: never the same letter twice in a row


LISTED_PLACEMENT = {
    ("python #6", "start-here #4"),
    ("python #2", "start-here #3"),
    ("neural-networks #1", "start-here #5"),
    ("neural-networks #4", "start-here #6"),
    ("transformer #1", "start-here #9"),
    ("pre-training #5", "start-here #10"),
    ("fine-tuning #4", "start-here #11"),
    ("alignment #3", "start-here #12"),
    ("prompt-engineering #1", "start-here #13"),
    ("rag #4", "start-here #14"),
}
LISTED_CHAPTERS = {
    frozenset({"prompt-engineering #6", "security #1"}),
    frozenset({"alignment #6", "reasoning-models #3"}),
    frozenset({"agents #6", "evaluation #6"}),
    frozenset({"agents #3", "prompt-engineering #4"}),
    frozenset({"emerging-trends #1", "reasoning-models #1"}),
    frozenset({"emerging-trends #2", "reasoning-models #5"}),
}


def test_the_near_copy_thresholds_catch_the_issues_pairs_and_no_other_chapter_pair() -> None:
    placed, between = near_copies(items(before_bank()))
    pairs = {(c.first.label, c.second.label) for c in placed}
    assert LISTED_PLACEMENT <= pairs
    # Four more placement pairs ask the same concept for the same answer (see quiz_bank.NEAR_ASKED).
    assert pairs - LISTED_PLACEMENT == {
        ("mathematics #6", "start-here #2"),
        ("mathematics #4", "start-here #2"),
        ("nlp #4", "start-here #7"),
        ("mathematics #2", "start-here #1"),
    }
    caught = {c.pair for c in between}
    assert caught <= LISTED_CHAPTERS  # nothing the issue did not list
    assert len(caught) == 3  # the other three ask the same thing in other words


# ---------- the bank today ----------


def test_key_positions_as_shown_look_like_chance() -> None:
    """The build's shuffle places the keys: uniform by chi-square, adjacent repeats near chance."""
    broken = [f for f in findings(quiz_bank.load()) if f.rule == "positions"]
    assert not broken, "\n\n".join(map(str, broken))


def test_the_question_bank_gives_no_test_taking_shortcut() -> None:
    """Every bank rule at once, naming the questions to change: the key is the longest option in
    at most 35% of questions, key positions look like chance, absolute words are no more
    frequent in distractors than in keys, and no two pages ask near-copies of one question."""
    broken: list[Finding] = findings(quiz_bank.load())
    assert not broken, "\n\n".join(map(str, broken))
