"""The learning paths on "Start here" (docs/start-here.md): each H2 section with a table of
steps, `| n | [Chapter](file.md) | Take/Skim | hours |`, read through the parser's sections.
The map highlights a path's route from these; the tests check the paths against the chapters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scripts.content.entries import sections
from scripts.paths import DOCS

START_HERE = DOCS / "start-here.md"
ROW_RE = re.compile(
    r"^\|\s*(?P<step>\d+)\s*\|\s*\[(?P<title>[^\]]+)\]\((?P<target>[^)]+)\)\s*\|\s*(?P<how>Take|Skim)\s*\|\s*(?P<hours>\d+)\s*\|\s*$"
)


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    target: str  # the chapter's file, relative to docs/
    how: str  # "Take" or "Skim"
    hours: int
    line: int

    @property
    def slug(self) -> str:
        return Path(self.target).stem


@dataclass(frozen=True)
class LearningPath:
    title: str
    steps: tuple[Step, ...]
    lines: tuple[str, ...]  # the section's text, for what the table does not hold

    @property
    def key(self) -> str:
        """A stable name for markup: "Practitioner's fast track" -> "practitioners-fast-track"."""
        return "-".join(re.findall(r"[a-z0-9]+", self.title.lower().replace("'", "")))


def learning_paths(path: Path = START_HERE) -> list[LearningPath]:
    """Every H2 section that holds a table of steps, in page order."""
    found = []
    for section in sections(path.read_text(encoding="utf-8"))[1:]:
        rows = [(ROW_RE.match(line.text), line.number) for line in section.lines if line.text.startswith("| ") and "](" in line.text]
        steps = tuple(
            Step(int(m["step"]), m["title"], m["target"], m["how"], int(m["hours"]), number) for m, number in rows if m
        )
        if rows:
            found.append(LearningPath(section.title, steps, tuple(line.text for line in section.lines)))
    return found
