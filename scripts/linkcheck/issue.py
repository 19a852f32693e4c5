"""Turn the link checker's JSON into the body of the "Broken links" issue:
`python -m scripts.linkcheck.issue REPORT.json [--run-url URL]`.

The table has one row per place a problem URL is written, so each row is one edit: broken and
doubtful links, and links that moved permanently (a page's permanent redirect, or a GitHub
repository renamed or transferred). Each row suggests the fix: the new address of a page that
moved, or the Wayback Machine's copy of a page that is gone (the snapshot closest to when the
link last worked, when the checker found one; else the archive's list of copies).

`--check` prints nothing and says by its exit status whether the issue is needed: 0 while a link
is broken or moved (an entry must change), 1 when none is. A moved link alone is reason enough,
or a renamed repository's entry would never be updated: it passes the check.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from scripts.linkcheck.contract import ContractError, ResultJSON, read_results

WAYBACK = "https://web.archive.org/web/*/"
# Worst first, as the checker orders them; "moved" is an ok link whose address should change.
SHOWN_VERDICTS = ("broken", "warn", "moved")


def verdict(item: ResultJSON) -> str:
    return "moved" if item["verdict"] == "ok" and item["permanent_redirect"] else item["verdict"]


def suggestion(item: ResultJSON) -> str:
    if item["permanent_redirect"]:
        return f"Point the entry to <{item['permanent_redirect']}>"
    if item["archived_url"]:
        return f"Find where it went, or link the [archived copy](<{item['archived_url']}>)"
    if item["verdict"] == "broken":
        return f"Find where it went, or link an [archived copy](<{WAYBACK}{item['url']}>)"
    return f"Open it in a browser; if it is gone, link an [archived copy](<{WAYBACK}{item['url']}>)"


def cell(text: object) -> str:
    """Table cells may not hold a pipe or a line break."""
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def rows(items: Iterable[ResultJSON]) -> list[str]:
    shown = [item for item in items if verdict(item) in SHOWN_VERDICTS]
    shown.sort(key=lambda item: SHOWN_VERDICTS.index(verdict(item)))
    lines: list[str] = []
    for item in shown:
        for where in item["locations"] or [{"path": "?", "line": 0}]:
            lines.append(
                f"| `{where['path']}:{where['line']}` | <{item['url']}> | {verdict(item)} | {cell(item['status'])} "
                f"| {cell(item['reason'])} | {suggestion(item)} |"
            )
    return lines


def needed(items: Iterable[ResultJSON]) -> bool:
    """An entry must change: a link is broken, or it moved (its new address goes in the entry)."""
    return any(verdict(item) == "broken" or item["permanent_redirect"] for item in items)


def report(items: list[ResultJSON], run_url: str = "") -> str:
    table = rows(items)
    broken = sum(1 for item in items if item["verdict"] == "broken")
    moved = sum(1 for item in items if verdict(item) == "moved")
    check = f"[weekly link check]({run_url})" if run_url else "weekly link check"
    lines = [
        f"The {check} found {broken} broken link(s) and {moved} moved link(s) among the {len(items)} URLs it checked.",
        "",
        "Fix each row in the file and line it names, then run `.venv/bin/python -m scripts.content.lint` "
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
    parser = argparse.ArgumentParser(prog="python -m scripts.linkcheck.issue", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("report", type=Path, help="the JSON written by `python -m scripts.linkcheck --format json`")
    parser.add_argument("--run-url", default="", help="link to the workflow run, shown in the issue")
    parser.add_argument("--check", action="store_true", help="print nothing; exit 0 if a link is broken or moved, 1 if none is")
    args = parser.parse_args(argv)
    try:
        items = read_results(args.report.read_text(encoding="utf-8"))
    except ContractError as error:
        print(f"{args.report}: {error}", file=sys.stderr)
        return 2
    if args.check:
        return 0 if needed(items) else 1
    sys.stdout.write(report(items, args.run_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
