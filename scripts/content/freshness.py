"""How current each chapter is: `python -m scripts.content.freshness [--today YYYY-MM-DD]`.

A report, not a check: per chapter, when it was last reviewed, how many resources it lists, the
newest year among them, and the share dated within the last 24 months. A chapter of part 2 with
fewer than two resources from the last two calendar years is flagged unless its front matter
carries a `review_note` saying why the field has not moved.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass

from scripts.content.entries import parse_file
from scripts.content.project import PARTS, Chapter, chapters, page_meta

RECENT_MONTHS = 24
MIN_RECENT = 2


@dataclass(frozen=True)
class Freshness:
    chapter: Chapter
    last_reviewed: str
    resources: int
    newest: int | None
    recent: int  # dated within the last RECENT_MONTHS
    last_two_years: int  # dated this calendar year or the one before
    review_note: str

    @property
    def flagged(self) -> bool:
        return self.chapter.part == PARTS[-1] and self.last_two_years < MIN_RECENT and not self.review_note


def measure(chapter: Chapter, today: datetime.date) -> Freshness:
    meta = page_meta(chapter.source)
    years = [r.year for r in parse_file(chapter.source).resources]
    dated = [y for y in years if y]
    # A year counts as recent when any of it falls within the window.
    cutoff = (today.year * 12 + today.month - 1 - RECENT_MONTHS) // 12
    return Freshness(
        chapter,
        str(meta.get("last_reviewed") or "never"),
        len(years),
        max(dated, default=None),
        sum(1 for y in dated if y >= cutoff),
        sum(1 for y in dated if y >= today.year - 1),
        str(meta.get("review_note") or ""),
    )


def report(rows: list[Freshness], today: datetime.date) -> str:
    lines = [
        f"Freshness of the roadmap as of {today.isoformat()} (recent: dated within {RECENT_MONTHS} months)",
        "",
        f"{'chapter':<26} {'reviewed':<11} {'resources':>9} {'newest':>6} {'recent':>7} {'share':>6}",
    ]
    for row in rows:
        share = f"{row.recent / row.resources:.0%}" if row.resources else "-"
        mark = "  <- fewer than 2 from the last two years, and no review_note" if row.flagged else ""
        lines.append(
            f"{row.chapter.slug:<26} {row.last_reviewed:<11} {row.resources:>9} {row.newest or '-':>6} {row.recent:>7} {share:>6}{mark}"
        )
    total = sum(r.resources for r in rows)
    recent = sum(r.recent for r in rows)
    lines += ["", f"{len(rows)} chapters, {total} resources, {recent} recent ({recent / max(total, 1):.0%})"]
    notes = [r for r in rows if r.review_note]
    if notes:
        lines += ["", "Review notes:", *(f"- {r.chapter.slug}: {r.review_note}" for r in notes)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.content.freshness", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today(), help="the day to measure from")
    today = parser.parse_args(argv).today
    print(report([measure(chapter, today) for chapter in chapters()], today))
    return 0


if __name__ == "__main__":
    sys.exit(main())
