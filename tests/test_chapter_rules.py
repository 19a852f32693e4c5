"""The chapter rules the linter applies to every page in the nav: each broken rule is one
`line: message`, and a well-formed chapter passes."""

from __future__ import annotations

import datetime

import pytest

from scripts.content.chapters import chapter_problems
from scripts.content.entries import parse_markdown
from scripts.content.project import Chapter

TODAY = datetime.date(2026, 11, 27)
EARLIER = [Chapter("Foundations", "first.md", "first")]
INTRO = " ".join(["Words that explain what the chapter is about and why it matters."] * 25)  # 250 words
ENTRIES = {
    "high": [
        "- [Alpha Video](https://example.org/a) by Ada · video — Shows attention heads at work.",
        "- [Beta Post](https://example.org/b) by Ada (2025) · article — Explains the residual stream.",
        "- [Gamma Tool](https://example.org/c) by Ada · interactive — Lets you probe a model.",
        "- [Delta Post](https://example.org/d) by Ada · article — Explains features.",
    ],
    "deep": [
        "- [Epsilon](https://arxiv.org/abs/2401.00001) by Alan · paper — Derives circuits formally.",
        "- [Zeta](https://arxiv.org/abs/2401.00002) by Alan · paper — Measures attention heads.",
        "- [Eta Code](https://example.org/e) by Alan · code — Implements the residual stream view.",
        "- [Theta Book](https://example.org/f) by Alan (2024) · book — Covers features at length.",
    ],
}


QUESTION = """**{n}. What does the residual stream carry?**

- [ ] Only the input tokens.
- [x] The sum every layer reads from and adds to.
- [ ] The attention weights alone.

Why: Each layer reads the stream and adds its output to it; see [Key concepts](#key-concepts)."""


def chapter_text(**changes: str) -> str:
    parts = {
        "front": "---\ntitle: Fixture\ndescription: A fixture chapter for the rules.\ntags:\n  - research\nlast_reviewed: 2026-11-20\n---",
        "h1": "# Fixture",
        "intro": INTRO,
        "concepts": "## Key concepts\n\n- **Attention heads**: one.\n- **Residual stream**: two.\n- **Features**: three.\n- **Circuits**: four.",
        "prereqs": "## Prerequisites\n\n- [First](first.md): the basics.",
        "high": "## High-level resources\n\n" + "\n".join(ENTRIES["high"]),
        "deep": "## In-depth resources\n\n" + "\n".join(ENTRIES["deep"]),
        "quiz": "## Check yourself\n\n" + "\n\n".join(QUESTION.format(n=n) for n in range(1, 6)),
    }
    parts.update(changes)
    return "\n\n".join(part for part in parts.values() if part) + "\n"


def problems(text: str, earlier: list[Chapter] = EARLIER) -> list[str]:
    document = parse_markdown(text, "docs/fixture.md")
    return [f"{p.line}: {p.message}" for p in chapter_problems(document, earlier, TODAY)]


def line_of(text: str, needle: str) -> int:
    return text.split("\n").index(needle) + 1


def test_a_well_formed_chapter_passes() -> None:
    assert problems(chapter_text()) == []


def test_front_matter_rules() -> None:
    text = chapter_text(front="---\ntitle: Fixture\ndescription: Two sentences. Not one.\ntags: []\n---")
    assert problems(text) == [
        "3: a chapter's description is one sentence ending with '.'",
        "1: a chapter needs tags",
        "1: a chapter needs 'last_reviewed: YYYY-MM-DD' in its front matter",
    ]
    future = chapter_text(front=chapter_text().split("\n\n")[0].replace("2026-11-20", "2027-01-01"))
    assert problems(future) == ["6: last_reviewed 2027-01-01 is in the future"]


def test_skeleton_rules() -> None:
    assert problems(chapter_text(h1="# Another title")) == [f"{line_of(chapter_text(), '# Fixture')}: the page starts with an H1 equal to its front-matter title"]
    swapped = chapter_text(concepts=chapter_text().split("\n\n## Prerequisites")[0].split(INTRO + "\n\n")[1].replace("Key concepts", "Concepts"))
    assert f"{line_of(swapped, '## Concepts')}: sections are Concepts, Prerequisites, High-level resources, In-depth resources, Check yourself" in problems(swapped)


def test_introduction_length() -> None:
    text = chapter_text(intro="Too short.")
    assert problems(text) == [f"{line_of(text, '# Fixture')}: the introduction has 2 words"]


def test_key_concepts_count_format_and_coverage() -> None:
    text = chapter_text(concepts="## Key concepts\n\n- **Attention heads**: one.\n- Residual stream: no bold.\n- **Superposition**: not covered.")
    assert problems(text) == [
        f"{line_of(text, '## Key concepts')}: 3 key concepts",
        f"{line_of(text, '- Residual stream: no bold.')}: a key concept reads '- **Term**: explanation'",
        f"{line_of(text, '- **Superposition**: not covered.')}: no resource covers the key concept 'Superposition'",
    ]


def test_prerequisites_must_be_earlier_chapters() -> None:
    text = chapter_text(prereqs="## Prerequisites\n\n- [Later](later.md): not yet written.")
    assert problems(text) == [f"{line_of(text, '- [Later](later.md): not yet written.')}: prerequisite later.md is not an earlier chapter"]
    none = chapter_text(prereqs="## Prerequisites\n\nNothing.")
    assert problems(none) == [f"{line_of(none, '## Prerequisites')}: no prerequisites listed"]
    assert problems(none, earlier=[]) == []  # the first chapter needs none


@pytest.mark.parametrize("level", ["high", "deep"])
def test_resource_minimums(level: str) -> None:
    heading = {"high": "## High-level resources", "deep": "## In-depth resources"}[level]
    text = chapter_text(**{level: heading + "\n\n" + "\n".join(ENTRIES[level][:3])})
    found = problems(text)
    assert f"{line_of(text, heading)}: 3 {'high-level' if level == 'high' else 'in-depth'} resources" in found


def test_types_must_be_mixed() -> None:
    papers = [f"- [Paper {n}](https://arxiv.org/abs/2401.0001{n}) by Alan · paper — Attention heads, residual stream, features and circuits." for n in range(8)]
    text = chapter_text(high="## High-level resources\n\n" + "\n".join(papers[:4]), deep="## In-depth resources\n\n" + "\n".join(papers[4:]))
    line = line_of(text, "## High-level resources")
    assert problems(text) == [f"{line}: resources of 1 type(s) only", f"{line}: 8 of 8 resources are of type paper"]
