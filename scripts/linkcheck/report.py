"""The link checker's output: text for people, JSON for tools, Markdown for a job summary,
and GitHub annotations that put each failure on the line of the entry that needs fixing."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from scripts.linkcheck.contract import VERDICTS, ResultJSON
from scripts.linkcheck.model import Result


@dataclass(frozen=True)
class Location:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Checked:
    """A result with every place in the docs that uses its URL."""

    result: Result
    locations: tuple[Location, ...]


def ordered(checked: Sequence[Checked]) -> list[Checked]:
    """Worst first, then by where they are written."""
    return sorted(checked, key=lambda c: (VERDICTS.index(c.result.verdict), [str(l) for l in c.locations], c.result.url))


def as_row(checked: Checked) -> ResultJSON:
    result = checked.result
    return {
        "url": result.url,
        "verdict": result.verdict,
        "status": result.status,
        "final_url": result.final_url,
        "reason": result.reason,
        "attempts": result.attempts,
        "elapsed_ms": result.elapsed_ms,
        "permanent_redirect": result.permanent_redirect,
        "cached": result.cached,
        "title_found": result.title_found,
        "identity": result.identity,
        "archived_url": result.archived_url,
        "checked_at": result.checked_at,
        "locations": [{"path": l.path, "line": l.line} for l in checked.locations],
    }


def as_json(checked: Sequence[Checked]) -> str:
    """A JSON array with one result per line (the contract in scripts/linkcheck/contract.py):
    greppable, and encoded by json's fast C path, which an indented dump does not take."""
    return "[\n" + ",\n".join(json.dumps(as_row(c), ensure_ascii=False) for c in ordered(checked)) + "\n]"


def summary_rows(checked: Sequence[Checked], requests: int, seconds: float) -> list[tuple[str, str]]:
    counts = Counter(c.result.verdict for c in checked)
    rows = [(verdict, str(counts[verdict])) for verdict in ("ok", "warn", "broken", "excluded")]
    rows.append(("from cache", str(sum(c.result.cached for c in checked))))
    rows.append(("moved permanently", str(sum(bool(c.result.permanent_redirect) for c in checked))))
    rows.append(("title drift", str(sum(c.result.identity == "drift" for c in checked))))
    rows.append(("archived copy found", str(sum(bool(c.result.archived_url) for c in checked))))
    rows.append(("requests sent", str(requests)))
    rows.append(("time", f"{seconds:.1f} s"))
    return rows


def as_text(checked: Sequence[Checked], requests: int, seconds: float) -> str:
    lines: list[str] = []
    for item in ordered(checked):
        result = item.result
        where = [str(l) for l in item.locations] or ["-"]
        if result.verdict in ("broken", "warn"):
            status = f" [{result.status}]" if result.status else ""
            archived = f" (archived copy: {result.archived_url})" if result.archived_url else ""
            lines += [f"{w}: {result.verdict}{status} {result.url} — {result.reason}{archived}" for w in where]
        elif result.permanent_redirect:
            lines += [f"{w}: moved {result.url} → {result.permanent_redirect}" for w in where]
    rows = summary_rows(checked, requests, seconds)
    width = max(len(name) for name, _ in rows)
    if lines:
        lines.append("")
    lines.append(f"{len(checked)} URL(s) checked")
    lines += [f"  {name:<{width}}  {value:>7}" for name, value in rows]
    return "\n".join(lines)


def as_markdown(checked: Sequence[Checked], requests: int, seconds: float) -> str:
    lines = ["### Link check", "", "| | count |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in summary_rows(checked, requests, seconds)]
    problems = [c for c in ordered(checked) if c.result.verdict in ("broken", "warn") or c.result.permanent_redirect]
    if problems:
        lines += ["", "| verdict | URL | status | reason | archived copy | where |", "|---|---|---:|---|---|---|"]
        for item in problems:
            result = item.result
            verdict = result.verdict if result.verdict != "ok" else "moved"
            reason = (result.reason or "").replace("|", "\\|")
            where = "<br>".join(f"`{l}`" for l in item.locations)
            archived = f"<{result.archived_url}>" if result.archived_url else ""
            lines.append(f"| {verdict} | <{result.url}> | {result.status or ''} | {reason} | {archived} | {where} |")
    return "\n".join(lines)


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(checked: Sequence[Checked]) -> list[str]:
    """`::error file=…,line=…::` for broken, `::warning` for warn and moved entries."""
    found: list[str] = []
    for item in ordered(checked):
        result = item.result
        if result.verdict == "broken":
            level, message = "error", f"broken link {result.url}: {result.reason}"
        elif result.verdict == "warn":
            level, message = "warning", f"link may be broken {result.url}: {result.reason}"
        elif result.permanent_redirect:
            level, message = "warning", f"link moved permanently: {result.url} → {result.permanent_redirect}"
        else:
            continue
        for location in item.locations:
            properties = f"file={escape_property(location.path)},line={location.line},title=Link check"
            found.append(f"::{level} {properties}::{escape_data(message)}")
    return found


class Progress:
    """A one-line progress bar on a terminal; silent otherwise (logs stay readable)."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = stream.isatty() and total > 0

    def advance(self, _: Result) -> None:
        self.done += 1
        if self.enabled:
            filled = round(30 * self.done / self.total)
            self.stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} URLs")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()
