"""The "Start here" page: three ordered paths whose chapters exist and whose totals add up."""

from __future__ import annotations

import re

import pytest

from scripts.content.learning_paths import LearningPath, Step, learning_paths
from scripts.content.project import chapters, page_meta, prerequisites
from scripts.paths import DOCS

PAGE = DOCS / "start-here.md"
PATHS = ("Practitioner's fast track", "The full path", "Researcher's path")
TOTAL_RE = re.compile(r"^\*\*Total: about (?P<hours>\d+) hours\.\*\*$")


def sections() -> dict[str, list[str]]:
    """The page's paths and their lines, read by the one path parser."""
    return {path.title: list(path.lines) for path in learning_paths()}


def steps(lines: list[str]) -> list[Step]:
    path = next(p for p in learning_paths() if list(p.lines) == lines)
    rows = [line for line in lines if line.startswith("| ") and "](" in line]
    assert len(rows) == len(path.steps), "a table row does not read | n | [Chapter](file.md) | Take/Skim | hours |"
    return list(path.steps)


def test_front_matter() -> None:
    meta = page_meta(PAGE)
    assert meta["title"] == "Start here"
    assert meta["description"].strip()


def test_three_paths_in_order() -> None:
    assert list(sections()) == list(PATHS)
    assert [p.key for p in learning_paths()] == ["practitioners-fast-track", "the-full-path", "researchers-path"]
    assert isinstance(learning_paths()[0], LearningPath) and learning_paths()[0].steps[0].slug == "python"


@pytest.mark.parametrize("path", PATHS)
def test_path_is_ordered_and_adds_up(path: str) -> None:
    lines = sections()[path]
    path_steps = steps(lines)
    assert len(path_steps) >= 8
    assert [s.number for s in path_steps] == list(range(1, len(path_steps) + 1))
    totals = [TOTAL_RE.match(line) for line in lines if line.startswith("**Total")]
    assert len(totals) == 1 and totals[0], "one line '**Total: about N hours.**' per path"
    assert int(totals[0]["hours"]) == sum(s.hours for s in path_steps)
    assert all(1 <= s.hours <= 40 for s in path_steps)
    assert len({s.target for s in path_steps}) == len(path_steps), "a chapter appears twice"


@pytest.mark.parametrize("path", PATHS)
def test_links_are_chapters_with_their_titles(path: str) -> None:
    nav = {c.path for c in chapters()}
    for step in steps(sections()[path]):
        assert step.target in nav, f"{step.target} is not a chapter"
        source = DOCS / step.target
        assert source.is_file(), f"docs/{step.target} does not exist"
        assert step.title == page_meta(source)["title"]


def test_full_path_takes_every_chapter_in_reading_order() -> None:
    full = steps(sections()["The full path"])
    assert [s.target for s in full] == [c.path for c in chapters()]
    assert {s.how for s in full} == {"Take"}


def test_shorter_paths_skim_some_and_cost_less() -> None:
    totals = {p: sum(s.hours for s in steps(sections()[p])) for p in PATHS}
    for path in ("Practitioner's fast track", "Researcher's path"):
        hows = {s.how for s in steps(sections()[path])}
        assert hows == {"Take", "Skim"}
        assert totals[path] < totals["The full path"]
    assert totals["Practitioner's fast track"] < totals["Researcher's path"]


@pytest.mark.parametrize("path", PATHS)
def test_no_chapter_comes_before_a_prerequisite_in_the_same_path(path: str) -> None:
    order = [step.target for step in steps(sections()[path])]
    late = [
        f"{target} (step {order.index(target) + 1}) needs {needed.target} (step {order.index(needed.target) + 1})"
        for target in order
        for needed in prerequisites((DOCS / target).read_text(encoding="utf-8"))
        if needed.target in order and order.index(needed.target) > order.index(target)
    ]
    assert late == []


def test_prerequisites_are_read_from_the_section_only() -> None:
    text = "# T\n\nSee [RAG](rag.md).\n\n## Prerequisites\n\n- [Evaluation](evaluation.md#metrics): why.\n- Plain text.\n\n## High-level resources\n"
    assert [(p.target, p.line) for p in prerequisites(text)] == [("evaluation.md", 7)]
