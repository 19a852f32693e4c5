"""The "Broken links" issue body: one row per place to fix, each with a suggestion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.linkcheck.issue import main, report


def item(
    url: str, verdict: str, status: int | None, reason: str = "", final_url: str = "", *places: tuple[str, int], moved: str = "", archived: str = ""
) -> dict:
    return {
        "url": url,
        "verdict": verdict,
        "status": status,
        "final_url": final_url or url,
        "reason": reason,
        "attempts": 1,
        "elapsed_ms": 10,
        "permanent_redirect": moved,
        "cached": False,
        "title_found": "",
        "identity": "unknown",
        "archived_url": archived,
        "checked_at": "2026-11-23T05:23:00Z",
        "locations": [{"path": path, "line": line} for path, line in places],
    }


ITEMS = [
    item("https://gone.example.net/a", "broken", 404, "404 Not Found", "", ("docs/rag.md", 40), ("docs/nlp.md", 12)),
    item("https://old.example.net/", "ok", 200, "moved permanently to https://new.example.net/: update the entry",
         "https://new.example.net/", ("docs/agents.md", 44), moved="https://new.example.net/"),
    item("https://busy.example.net/", "warn", 503, "unavailable | after 3 retries", "", ("docs/agents.md", 50)),
    item("https://fine.example.net/", "ok", 200, "", "", ("docs/agents.md", 51)),
    item("https://lapsed.example.net/p", "broken", 404, "404 not found", "", ("docs/rag.md", 41),
         archived="https://web.archive.org/web/20250101000000/https://lapsed.example.net/p"),
    item("https://elsewhere.example.net/", "ok", 200, "", "https://elsewhere.example.net/login", ("docs/agents.md", 52)),
]


def table_rows(body: str) -> list[str]:
    return [line for line in body.splitlines() if line.startswith("| `")]


def test_a_row_per_place_worst_first_with_suggestions() -> None:
    rows = table_rows(report(ITEMS, "https://github.com/o/r/actions/runs/7"))
    assert rows == [
        "| `docs/rag.md:40` | <https://gone.example.net/a> | broken | 404 | 404 Not Found | "
        "Find where it went, or link an [archived copy](<https://web.archive.org/web/*/https://gone.example.net/a>) |",
        "| `docs/nlp.md:12` | <https://gone.example.net/a> | broken | 404 | 404 Not Found | "
        "Find where it went, or link an [archived copy](<https://web.archive.org/web/*/https://gone.example.net/a>) |",
        "| `docs/rag.md:41` | <https://lapsed.example.net/p> | broken | 404 | 404 not found | "
        "Find where it went, or link the [archived copy](<https://web.archive.org/web/20250101000000/https://lapsed.example.net/p>) |",
        "| `docs/agents.md:50` | <https://busy.example.net/> | warn | 503 | unavailable \\| after 3 retries | "
        "Open it in a browser; if it is gone, link an [archived copy](<https://web.archive.org/web/*/https://busy.example.net/>) |",
        "| `docs/agents.md:44` | <https://old.example.net/> | moved | 200 | "
        "moved permanently to https://new.example.net/: update the entry | Point the entry to <https://new.example.net/> |",
    ]


def test_the_body_counts_and_links_the_run() -> None:
    body = report(ITEMS, "https://github.com/o/r/actions/runs/7")
    assert body.startswith(
        "The [weekly link check](https://github.com/o/r/actions/runs/7) found 2 broken link(s) and 1 moved link(s) among the 6 URLs"
    )
    assert "| Where | URL | Verdict | Status | Reason | Suggestion |" in body


def test_moved_comes_from_the_field_not_from_the_reasons_wording() -> None:
    reworded = item("https://a.example.net/", "ok", 200, "now lives elsewhere", "", ("docs/rag.md", 3), moved="https://b.example.net/")
    [row] = table_rows(report([reworded]))
    assert row.endswith("| Point the entry to <https://b.example.net/> |")
    prose_only = item("https://c.example.net/", "ok", 200, "moved permanently to https://d.example.net/", "https://d.example.net/", ("docs/rag.md", 4))
    assert table_rows(report([prose_only])) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda row: row.pop("permanent_redirect"), "result 1 (https://gone.example.net/a): missing field 'permanent_redirect'"),
        (lambda row: row.update(verdict="moved"), "verdict 'moved' is not one of broken, warn, ok, excluded"),
        (lambda row: row.update(cached="no"), "field 'cached' is str, expected bool"),
        (lambda row: row.update(attempts=True), "field 'attempts' is bool, expected int"),
        (lambda row: row.update(identity="same"), "identity 'same' is not one of match, drift, unknown"),
        (lambda row: row.update(archived_url="https://evil.example/x"), "archived_url must be a https://web.archive.org/ address"),
        (lambda row: row.update(checked_at="last week"), "checked_at 'last week' is not YYYY-MM-DDTHH:MM:SSZ"),
    ],
)
def test_json_that_breaks_the_contract_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], change, message: str) -> None:
    rows = [dict(ITEMS[0])]
    change(rows[0])
    path = tmp_path / "linkcheck.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert main([str(path)]) == 2
    assert message in capsys.readouterr().err


def test_cli_reads_the_checkers_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "linkcheck.json"
    path.write_text(json.dumps(ITEMS), encoding="utf-8")
    assert main([str(path)]) == 0
    assert len(table_rows(capsys.readouterr().out)) == 5


@pytest.mark.parametrize(
    ("items", "needed"),
    [
        (ITEMS, 0),
        # A renamed repository alone passes the check, but its entry must still get the new address.
        ([ITEMS[1], ITEMS[3]], 0),
        # Doubtful links alone (bot walls, rate limits) would keep the issue open for ever: not enough.
        ([ITEMS[2], ITEMS[3], ITEMS[5]], 1),
    ],
    ids=["broken", "moved only", "warn and ok only"],
)
def test_check_says_whether_the_issue_is_needed(tmp_path: Path, capsys: pytest.CaptureFixture[str], items: list[dict], needed: int) -> None:
    path = tmp_path / "linkcheck.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    assert main([str(path), "--check"]) == needed
    assert capsys.readouterr().out == ""
