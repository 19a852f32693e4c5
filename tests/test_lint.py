"""Every linter rule: a bad input gives one exact `file:line: message`, good input passes."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.content.lint import lint, main
from tests.conftest import ROOT

GOOD_ENTRY = "- [A Good Resource](https://example.org/good) by Ada Lovelace · article — Explains one idea clearly."

PAGE = """---
title: Fixture chapter
description: A chapter used by the linter's tests.
tags:
  - foundations
---

# Fixture chapter

Some introduction.

## High-level resources

{entry}

## In-depth resources

- [Another Resource](https://example.org/other/{stem}) by Alan Turing · paper — Shows the method in detail.
"""
ENTRY_LINE = 14  # the line {entry} lands on in PAGE


def write_page(directory: Path, entry: str, name: str = "chapter.md") -> Path:
    path = directory / name
    path.write_text(PAGE.format(entry=entry, stem=path.stem), encoding="utf-8")
    return path


def messages(paths: list[Path], allowlist: Path | None = None) -> list[str]:
    problems = lint(paths, allowlist) if allowlist else lint(paths)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in problems]


def test_good_page_has_no_problems(tmp_path: Path) -> None:
    assert messages([write_page(tmp_path, GOOD_ENTRY)]) == []


ENTRY_CASES = {
    "malformed": ("- [Title](https://example.org/x by Ada · video — Missing bracket.", "malformed resource entry"),
    "space-before-url": ("- [Title] (https://example.org/x) by Ada · video — Not a link.", "malformed resource entry"),
    "list-item-without-link": ("- Title by Ada · video — No link at all.", "malformed resource entry"),
    "bullet": ("* [Title](https://example.org/x) by Ada · video — Star bullet.", "resource entry must be a list item starting with '- '"),
    "no-bullet": ("[Title](https://example.org/x) by Ada · video — No bullet.", "resource entry must be a list item starting with '- '"),
    "empty-title": ("- [ ](https://example.org/x) by Ada · video — Empty title.", "resource entry has an empty title"),
    "author": ("- [Title](https://example.org/x) · video — No author.", "resource entry is missing its author"),
    "type": ("- [Title](https://example.org/x) by Ada — No type.", "resource entry is missing its type"),
    "unknown-type": ("- [Title](https://example.org/x) by Ada · blog — Unknown type.", "unknown resource type 'blog'"),
    "separator": ("- [Title](https://example.org/x) by Ada · video - Hyphen, not em dash.", "resource entry's type and description are not separated by ' — '"),
    "description": ("- [Title](https://example.org/x) by Ada · video", "resource entry is missing its description"),
    "tracking-utm": ("- [Title](https://example.org/x?utm_source=news) by Ada · video — Tracked.", "tracking parameter 'utm_source' in https://example.org/x?utm_source=news"),
    "tracking-fbclid": ("- [Title](https://example.org/x?fbclid=abc) by Ada · video — Tracked.", "tracking parameter 'fbclid' in https://example.org/x?fbclid=abc"),
    "tracking-gclid": ("- [Title](https://example.org/x?a=1&gclid=abc) by Ada · video — Tracked.", "tracking parameter 'gclid' in https://example.org/x?a=1&gclid=abc"),
    "shortener": ("- [Title](https://bit.ly/abc) by Ada · video — Shortened.", "URL shortener: https://bit.ly/abc"),
    "youtu.be": ("- [Title](https://youtu.be/abc) by Ada · video — Shortened.", "URL shortener: https://youtu.be/abc"),
    "http": ("- [Title](http://example.org/x) by Ada · video — Insecure.", "insecure http:// link: http://example.org/x"),
    "javascript": ("- [Title](javascript:alert(1)) by Ada · video — Script link.", "javascript: link"),
    "data": ("- [Title](data:text/html,hi) by Ada · video — Data link.", "data: link"),
}


@pytest.mark.parametrize("entry, expected", ENTRY_CASES.values(), ids=ENTRY_CASES.keys())
def test_entry_rule(tmp_path: Path, entry: str, expected: str) -> None:
    assert messages([write_page(tmp_path, entry)]) == [f"chapter.md:{ENTRY_LINE}: {expected}"]


PROSE_CASES = {
    "script": ('<script src="https://example.org/x.js"></script>', "raw <script> tag"),
    "iframe": ('<iframe title="x"></iframe>', "raw <iframe> tag"),
    "event-handler": ('<span onclick="steal()">Click</span>', "inline event handler attribute"),
    "outside-section": (f"\n## Key concepts\n\n{GOOD_ENTRY}", "resource line outside a resource section"),
    "javascript-in-prose": ("Read [this](javascript:void(0)) first.", "javascript: link"),
}


@pytest.mark.parametrize("prose, expected", PROSE_CASES.values(), ids=PROSE_CASES.keys())
def test_prose_rule(tmp_path: Path, prose: str, expected: str) -> None:
    page = write_page(tmp_path, GOOD_ENTRY)
    text = page.read_text(encoding="utf-8").replace("Some introduction.", f"Some introduction.\n{prose}")
    page.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.split("\n"), start=1) if t and t in prose.split("\n"))
    if expected == "resource line outside a resource section":
        line = next(i for i, t in enumerate(text.split("\n"), start=1) if t == GOOD_ENTRY)
    assert messages([page]) == [f"chapter.md:{line}: {expected}"]


def test_code_is_not_linted(tmp_path: Path) -> None:
    page = write_page(tmp_path, GOOD_ENTRY)
    text = page.read_text(encoding="utf-8").replace(
        "Some introduction.", "Write `<script>` never.\n\n```html\n<script>alert(1)</script>\n- [x](http://bit.ly/y?utm_source=z)\n```"
    )
    page.write_text(text, encoding="utf-8")
    assert messages([page]) == []


def test_duplicate_url_across_files_after_normalization(tmp_path: Path) -> None:
    first = write_page(tmp_path, GOOD_ENTRY, "a.md")
    variant = GOOD_ENTRY.replace("https://example.org/good", "http://WWW.Example.org/good/#part").replace("http://", "https://")
    write_page(tmp_path, variant, "b.md")
    assert messages([tmp_path]) == [
        f"b.md:{ENTRY_LINE}: duplicate URL https://WWW.Example.org/good/#part (already listed at {first}:{ENTRY_LINE})"
    ]


def test_http_allowlist_accepts_listed_url_and_rejects_reasonless_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write_page(docs, "- [Old Site](http://old.example.org/) by Ada · article — Has no HTTPS.")
    allowlist = tmp_path / "http-allowlist.txt"
    allowlist.write_text("# comment\nhttp://old.example.org/ The site has no HTTPS version.\n", encoding="utf-8")
    assert messages([docs], allowlist) == []
    allowlist.write_text("# comment\n\nhttp://old.example.org/\n", encoding="utf-8")
    assert messages([docs], allowlist) == [
        f"chapter.md:{ENTRY_LINE}: insecure http:// link: http://old.example.org/",
        "http-allowlist.txt:3: allowlist entry has no reason: http://old.example.org/",
    ]


def test_front_matter_rules(tmp_path: Path) -> None:
    page = write_page(tmp_path, GOOD_ENTRY)
    text = page.read_text(encoding="utf-8").replace("  - foundations", "  - cooking").replace(
        "description: A chapter used by the linter's tests.\n", ""
    )
    page.write_text(text, encoding="utf-8")
    assert messages([page]) == ["chapter.md:1: front matter lacks 'description'", "chapter.md:4: tag 'cooking' is not in the allowed list"]


def test_every_problem_has_a_hint(tmp_path: Path) -> None:
    for index, (entry, _) in enumerate(ENTRY_CASES.values()):
        write_page(tmp_path, entry, f"case{index}.md")
    problems = lint([tmp_path])
    assert problems and all(p.hint for p in problems)


def test_cli_prints_file_line_and_exits_1(tmp_path: Path) -> None:
    page = write_page(tmp_path, "- [Title](https://example.org/x) by Ada · blog — Unknown type.")
    result = subprocess.run([sys.executable, "-m", "scripts.content.lint", str(page)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{page}:{ENTRY_LINE}: unknown resource type 'blog' (hint: use one of: video, article, book, paper, course, tutorial, code, interactive)"
    ]
    assert "1 problem(s) in 1 file(s)" in result.stderr


def test_cli_passes_on_good_input_and_rejects_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(write_page(tmp_path, GOOD_ENTRY))]) == 0
    assert main([str(tmp_path / "nope.md")]) == 2
    assert "nope.md: no such file or folder" in capsys.readouterr().err


def test_site_docs_pass_the_linter() -> None:
    assert [str(p) for p in lint([ROOT / "docs"])] == []


def test_invalid_front_matter_names_the_line(tmp_path: Path) -> None:
    page = write_page(tmp_path, GOOD_ENTRY)
    text = page.read_text(encoding="utf-8").replace(
        "description: A chapter used by the linter's tests.", "description: Read it: then act."
    )
    page.write_text(text, encoding="utf-8")
    assert messages([page]) == ["chapter.md:3: front matter is not valid YAML: mapping values are not allowed here"]


def test_linting_one_page_reports_a_duplicate_found_in_a_later_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import scripts.content.lint

    monkeypatch.setattr(scripts.content.lint, "DOCS", tmp_path)
    write_page(tmp_path, GOOD_ENTRY, "b-later.md")
    first = write_page(tmp_path, GOOD_ENTRY, "a-first.md")
    assert messages([first]) == [f"a-first.md:{ENTRY_LINE}: duplicate URL https://example.org/good (already listed at {tmp_path / 'b-later.md'}:{ENTRY_LINE})"]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("- [P](https://arxiv.org/abs/2401.00001) by Ada · paper — Shows it.", "arXiv entry without its year"),
        ("- [P](https://arxiv.org/abs/2401.00001) by Ada (2023) · paper — Shows it.", "year 2023 disagrees with the arXiv id"),
        ("- [P](https://example.org/p) by Ada (2031) · article — Shows it.", "year 2031 is in the future"),
    ],
)
def test_years_are_checked(tmp_path: Path, entry: str, expected: str) -> None:
    problems = lint([write_page(tmp_path, entry)], today=datetime.date(2026, 11, 27))
    assert [(p.line, p.message) for p in problems] == [(ENTRY_LINE, expected)]
    assert problems[0].hint


def test_a_year_is_read_apart_from_the_author(tmp_path: Path) -> None:
    from scripts.content.entries import parse_file

    page = write_page(tmp_path, "- [P](https://arxiv.org/abs/2401.00001) by Ada Lovelace et al. (2024) · paper — Shows it.")
    [resource, _] = parse_file(page).resources
    assert (resource.author, resource.year) == ("Ada Lovelace et al.", 2024)
    assert lint([page]) == []
