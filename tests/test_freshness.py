"""The freshness report: per-chapter counts from the entries' years, and the flag for a part-2
chapter that has not moved without a review note saying why."""

from __future__ import annotations

import datetime
from pathlib import Path

from scripts.content import freshness
from scripts.content.project import PARTS, Chapter

TODAY = datetime.date(2026, 11, 27)
ENTRIES = [
    "- [A](https://example.org/a) by Ada (2026) · article — One.",
    "- [B](https://example.org/b) by Ada (2024) · article — Two.",  # within 24 months of Nov 2026
    "- [C](https://example.org/c) by Ada (2019) · paper — Three.",
    "- [D](https://example.org/d) by Ada · code — Undated.",
]


def chapter(tmp_path: Path, name: str, note: str = "", part: str = PARTS[-1]) -> Chapter:
    front = f"---\ntitle: {name}\ndescription: A chapter.\nlast_reviewed: 2026-11-20\n" + (f"review_note: {note}\n" if note else "") + "---\n"
    (tmp_path / f"{name}.md").write_text(front + "\n# T\n\n## High-level resources\n\n" + "\n".join(ENTRIES) + "\n", encoding="utf-8")
    return Chapter(part, str(tmp_path / f"{name}.md"), name)  # an absolute path: its source is that file


def test_counts_newest_and_recent_share(tmp_path: Path) -> None:
    row = freshness.measure(chapter(tmp_path, "one"), TODAY)
    assert (row.last_reviewed, row.resources, row.newest, row.recent, row.last_two_years) == ("2026-11-20", 4, 2026, 2, 1)
    assert row.flagged  # one resource from 2025-2026, in part 2, and no note
    noted = freshness.measure(chapter(tmp_path, "two", note="The field has not moved."), TODAY)
    assert not noted.flagged
    foundation = freshness.measure(chapter(tmp_path, "three", part=PARTS[0]), TODAY)
    assert not foundation.flagged
    text = freshness.report([row, noted], TODAY)
    assert "one                        2026-11-20          4   2026       2    50%  <- fewer than 2" in text
    assert "- two: The field has not moved." in text
