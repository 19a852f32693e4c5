"""The add-resource helper, on a temporary copy of docs/."""

from __future__ import annotations

import dataclasses
import shutil
import sys
from pathlib import Path

import pytest

from scripts.content import add as helper
from scripts.content.add import CONTRIBUTIONS_WANTED, Refused, Suggestion
from scripts.content.entries import parse_file
from scripts.content.lint import lint
from scripts.paths import DOCS, display

GOOD = Suggestion(
    url="https://example.org/attention-explained",
    chapter="transformer",
    level="high-level",
    type="article",
    title="Attention, Explained",
    author="Jane Doe",
    description="Derives scaled dot-product attention step by step with small numeric examples.",
)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


def flags(suggestion: Suggestion, docs: Path) -> list[str]:
    values = dataclasses.asdict(suggestion)
    return [*(f"--{name}={value}" for name, value in values.items() if value is not None), f"--docs={docs}"]


def test_adds_the_entry_at_the_end_of_its_section_and_prints_the_diff(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = docs / "transformer.md"
    before = [r for r in parse_file(page).resources if r.level == "high-level"]
    assert helper.main(flags(GOOD, docs)) == 0
    after = [r for r in parse_file(page).resources if r.level == "high-level"]
    assert after[:-1] == before
    added = after[-1]
    assert (added.url, added.title, added.author, added.type, added.description) == (
        GOOD.url, GOOD.title, GOOD.author, GOOD.type, GOOD.description
    )
    assert added.line == before[-1].line + 1
    out = capsys.readouterr().out
    assert f"+{GOOD.entry()}\n" in out and out.startswith(f"--- {display(page)}")
    assert lint([page]) == []


def test_dry_run_writes_nothing(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = (docs / "transformer.md").read_text(encoding="utf-8")
    assert helper.main([*flags(GOOD, docs), "--dry-run"]) == 0
    assert (docs / "transformer.md").read_text(encoding="utf-8") == original
    assert f"+{GOOD.entry()}" in capsys.readouterr().out


def test_refuses_a_duplicate_naming_where_it_is_listed(docs: Path) -> None:
    existing = parse_file(docs / "agents.md").resources[0]
    # The same resource written another way: with or without www., and a trailing slash.
    www = existing.url.replace("://www.", "://", 1) if "://www." in existing.url else existing.url.replace("://", "://www.", 1)
    variant = www.rstrip("/") + "/"
    original = (docs / "mathematics.md").read_text(encoding="utf-8")
    with pytest.raises(Refused) as refused:
        helper.add(dataclasses.replace(GOOD, url=variant, chapter="mathematics", level="in-depth"), docs)
    message = str(refused.value)
    assert f"duplicate URL {variant} (already listed at {display(docs / 'agents.md')}:{existing.line})" in message
    line = max(r.line for r in parse_file(docs / "mathematics.md").resources if r.level == "in-depth") + 1
    assert message.startswith(f"{display(docs / 'mathematics.md')}:{line}: ")
    assert (docs / "mathematics.md").read_text(encoding="utf-8") == original


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"type": "blog"}, "unknown resource type 'blog' (hint: use one of: video, article, book"),
        ({"url": "https://example.org/page?utm_source=newsletter"}, "tracking parameter 'utm_source' in https://example.org/page"),
        ({"url": "https://bit.ly/3abc"}, "URL shortener: https://bit.ly/3abc"),
        ({"url": "http://example.org/page"}, "insecure http:// link: http://example.org/page"),
        ({"description": "Runs <script>alert(1)</script> in the page."}, "raw <script> tag"),
        ({"title": " "}, "resource entry has an empty title"),
    ],
)
def test_refuses_what_the_linter_rejects_with_file_and_line(docs: Path, change: dict[str, str], expected: str) -> None:
    page = docs / "transformer.md"
    original = page.read_text(encoding="utf-8")
    line = max(r.line for r in parse_file(page).resources if r.level == "high-level") + 1
    with pytest.raises(Refused) as refused:
        helper.add(dataclasses.replace(GOOD, **change), docs)
    assert f"{display(page)}:{line}: {expected}" in str(refused.value)
    assert page.read_text(encoding="utf-8") == original


def test_refuses_an_unknown_chapter_or_level(docs: Path) -> None:
    with pytest.raises(Refused, match=r"unknown chapter 'transformers' \(hint: use one of: mathematics, python"):
        helper.add(dataclasses.replace(GOOD, chapter="transformers"), docs)
    with pytest.raises(Refused, match=r"unknown level 'beginner' \(hint: use one of: high-level, in-depth\)"):
        helper.add(dataclasses.replace(GOOD, level="beginner"), docs)


def test_the_first_entry_of_an_empty_section_replaces_the_contributions_wanted_note(docs: Path) -> None:
    page = docs / "agents.md"
    text = page.read_text(encoding="utf-8")
    head, _, rest = text.partition("## In-depth resources\n")
    empty = f"{head}## In-depth resources\n\n{CONTRIBUTIONS_WANTED}\n    Nothing here yet: see [Contributing](contributing.md).\n"
    page.write_text(empty, encoding="utf-8")
    helper.add(dataclasses.replace(GOOD, chapter="agents", level="in-depth"), docs)
    assert page.read_text(encoding="utf-8") == f"{head}## In-depth resources\n\n{GOOD.entry()}\n"


def test_without_a_terminal_missing_flags_are_named(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert helper.main(["--url", GOOD.url, f"--docs={docs}"]) == 2
    assert "missing: --chapter, --level, --type, --title, --author, --description" in capsys.readouterr().err


def test_in_a_terminal_it_asks_and_asks_again_for_a_valid_choice(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["transformers", "transformer", "high-level", "article", GOOD.title, GOOD.author, GOOD.description])
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    assert helper.main(["--url", GOOD.url, f"--docs={docs}"]) == 0
    assert asked[0].startswith("chapter (mathematics, python,") and asked[1] == asked[0]
    assert any(r.url == GOOD.url for r in parse_file(docs / "transformer.md").resources)


def test_a_year_goes_after_the_author_and_is_read_back(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dated = dataclasses.replace(GOOD, url="https://example.net/dated", year=2025)
    assert helper.main(flags(dated, docs)) == 0
    assert f"+- [{GOOD.title}](https://example.net/dated) by {GOOD.author} (2025) · {GOOD.type} — " in capsys.readouterr().out
    [resource] = [r for r in parse_file(docs / f"{GOOD.chapter}.md").resources if r.url == "https://example.net/dated"]
    assert (resource.author, resource.year) == (GOOD.author, 2025)
