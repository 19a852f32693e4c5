"""Turn the link checker's JSON into the body of the "Broken links" issue:
`python -m scripts.broken_links_report REPORT.json [--run-url URL]`.

The table has one row per place a problem URL is written, so each row is one edit: broken and
doubtful links, and links that moved permanently. Each row suggests the fix: the new address of
a page that moved, or the Wayback Machine's copies of a page that is gone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

WAYBACK = "https://web.archive.org/web/*/"
# Worst first, as the checker orders them; "moved" is an ok link whose address should change.
SHOWN_VERDICTS = ("broken", "warn", "moved")


def moved_to(item: dict[str, Any]) -> str:
    """Where a permanently redirected link now points, or "" if it did not move for good."""
    if item.get("permanent_redirect"):
        return str(item["permanent_redirect"])
    # The checker's JSON says a permanent move only in its reason ("moved permanently to …").
    if item["verdict"] == "ok" and str(item.get("reason") or "").startswith("moved permanently"):
        return str(item.get("final_url") or "")
    return ""


def verdict(item: dict[str, Any]) -> str:
    return "moved" if moved_to(item) and item["verdict"] == "ok" else str(item["verdict"])


def suggestion(item: dict[str, Any]) -> str:
    if target := moved_to(item):
        return f"Point the entry to <{target}>"
    if item["verdict"] == "broken":
        return f"Find where it went, or link an [archived copy](<{WAYBACK}{item['url']}>)"
    return f"Open it in a browser; if it is gone, link an [archived copy](<{WAYBACK}{item['url']}>)"


def cell(text: object) -> str:
    """Table cells may not hold a pipe or a line break."""
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def rows(items: Iterable[dict[str, Any]]) -> list[str]:
    shown = [item for item in items if verdict(item) in SHOWN_VERDICTS]
    shown.sort(key=lambda item: SHOWN_VERDICTS.index(verdict(item)))
    lines: list[str] = []
    for item in shown:
        for where in item.get("locations") or [{"path": "?", "line": 0}]:
            lines.append(
                f"| `{where['path']}:{where['line']}` | <{item['url']}> | {verdict(item)} | {cell(item.get('status'))} "
                f"| {cell(item.get('reason'))} | {suggestion(item)} |"
            )
    return lines


def report(items: list[dict[str, Any]], run_url: str = "") -> str:
    table = rows(items)
    broken = sum(1 for item in items if item["verdict"] == "broken")
    check = f"[weekly link check]({run_url})" if run_url else "weekly link check"
    lines = [
        f"The {check} found {broken} broken link(s) among the {len(items)} URLs it checked.",
        "",
        "Fix each row in the file and line it names, then run `.venv/bin/python -m scripts.lint` "
        "and open a pull request. This issue is updated by every run and closes itself once every link passes.",
        "",
        "| Where | URL | Verdict | Status | Reason | Suggestion |",
        "|---|---|---|---:|---|---|",
        *table,
    ]
    if not table:
        lines.append("| | | | | | Nothing to fix. |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.broken_links_report", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("report", type=Path, help="the JSON written by `python -m scripts.linkcheck --format json`")
    parser.add_argument("--run-url", default="", help="link to the workflow run, shown in the issue")
    args = parser.parse_args(argv)
    items = json.loads(args.report.read_text(encoding="utf-8"))
    sys.stdout.write(report(items, args.run_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
