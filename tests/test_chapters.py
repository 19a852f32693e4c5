"""Every chapter exists, follows the skeleton, and carries over the seed's resources."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from scripts.content.entries import extract_urls, parse_file, parse_paths, prose_lines
from scripts.content.project import allowed_tags, chapters, mkdocs_config, page_meta
from scripts.paths import DOCS
from tests.conftest import ROOT

SECTIONS = ["Key concepts", "Prerequisites", "High-level resources", "In-depth resources"]
RESOURCE_SECTIONS = SECTIONS[2:]
CONTRIBUTIONS_WANTED = '!!! note "Contributions wanted"'
CHAPTERS = chapters()
SEED_URLS = ROOT / "tests" / "data" / "seed-urls.txt"


def nav_files(items: list) -> list[str]:
    found: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_files(value) if isinstance(value, list) else [value]
    return found


def test_the_nav_lists_21_chapters_in_two_parts_in_reading_order() -> None:
    assert [c.part for c in CHAPTERS] == ["Foundations"] * 4 + ["Large Language Models"] * 17
    assert [c.slug for c in CHAPTERS][:5] == ["mathematics", "python", "neural-networks", "nlp", "transformer"]
    assert CHAPTERS[-1].slug == "agents"


def test_every_nav_entry_exists_and_slugs_are_short_lowercase_hyphenated() -> None:
    for path in nav_files(mkdocs_config()["nav"]):
        assert (DOCS / path).is_file(), f"nav lists {path}, which does not exist"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", Path(path).name), path
        assert len(Path(path).stem) <= 24, path


def sections(path: Path) -> dict[str | None, list[str]]:
    """Prose lines of a chapter grouped by H2 section (None = before the first H2)."""
    grouped: dict[str | None, list[str]] = {}
    for line in prose_lines(path.read_text(encoding="utf-8")):
        if not line.text.startswith("## "):
            grouped.setdefault(line.section, []).append(line.text)
    return grouped


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_chapter_front_matter(chapter) -> None:
    meta = page_meta(chapter.source)
    assert meta["title"].strip()
    description = meta["description"].strip()
    assert description.endswith(".") and len(description) <= 200, description
    assert not re.search(r"[.!?]\s+[A-Z]", description), f"description must be one sentence: {description}"
    assert meta["tags"] and set(meta["tags"]) <= set(allowed_tags()), meta["tags"]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_chapter_skeleton(chapter) -> None:
    text = chapter.source.read_text(encoding="utf-8")
    meta = page_meta(chapter.source)
    headings = [line.text for line in prose_lines(text) if re.match(r"#{1,2} ", line.text)]
    assert headings[0] == f"# {meta['title']}", "the page starts with an H1 equal to its title"
    assert [h for h in headings if h.startswith("# ")] == [headings[0]], "exactly one H1"
    assert [h[3:] for h in headings if h.startswith("## ")] == SECTIONS

    grouped = sections(chapter.source)
    introduction = " ".join(t for t in grouped[None] if t.strip() and not t.startswith("# "))
    assert len(introduction.split()) >= 60, "the introduction says what, why and what next"

    concepts = [t for t in grouped["Key concepts"] if t.startswith("- ")]
    assert 4 <= len(concepts) <= 8
    assert all(re.match(r"- \*\*[^*]+\*\*: \S", t) for t in concepts), concepts


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_prerequisites_link_only_to_earlier_chapters(chapter) -> None:
    earlier = {c.path for c in CHAPTERS[: CHAPTERS.index(chapter)]}
    lines = [t for t in sections(chapter.source)["Prerequisites"] if t.startswith("- ")]
    assert lines, "a Prerequisites list"
    linked = {url.split("#")[0] for t in lines for url in extract_urls(t) if url.split("#")[0].endswith(".md")}
    assert linked <= earlier, f"prerequisites must be earlier chapters: {linked - earlier}"
    if earlier:
        assert linked, "every chapter after the first names at least one earlier chapter"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_empty_resource_sections_ask_for_contributions(chapter) -> None:
    document = parse_file(chapter.source)
    grouped = sections(chapter.source)
    for heading, level in zip(RESOURCE_SECTIONS, ("high-level", "in-depth"), strict=True):
        has_entries = any(r.level == level for r in document.resources)
        asks = any(t.strip() == CONTRIBUTIONS_WANTED for t in grouped[heading])
        assert has_entries != asks, f"{heading}: either resources or the contributions-wanted admonition"
        if asks:
            assert "contributing.md" in "\n".join(grouped[heading])


def seed_urls() -> list[str]:
    urls = []
    for line in SEED_URLS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            urls.append(line.split("#")[0].split("->")[-1].strip())
    return urls


def test_every_seed_url_is_listed_exactly_once() -> None:
    listed = Counter(r.url for d in parse_paths([DOCS]) for r in d.resources)
    urls = seed_urls()
    assert len(urls) == len(set(urls)) >= 70
    assert {u: listed[u] for u in urls if listed[u] != 1} == {}
