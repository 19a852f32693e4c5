"""Every chapter is one a learner can follow: enough, varied, well-described resources."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from scripts.content.entries import LINK_RE, normalize_url, parse_file, parse_paths
from scripts.content.project import chapters
from scripts.paths import DOCS
from tests.test_chapters import CONTRIBUTIONS_WANTED, sections

CHAPTERS = chapters()


def intro_words(chapter) -> int:
    prose = [t for t in sections(chapter.source)[None] if t.strip() and not t.startswith(("# ", "![", "*", "<"))]
    return len(LINK_RE.sub(r"\g<text>", " ".join(prose)).split())


def key_concepts(chapter) -> list[str]:
    return [m.group(1) for t in sections(chapter.source)["Key concepts"] if (m := re.match(r"- \*\*([^*]+)\*\*", t))]


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_chapter_is_complete(chapter) -> None:
    resources = parse_file(chapter.source).resources
    levels = Counter(r.level for r in resources)
    assert levels["high-level"] >= 4 and levels["in-depth"] >= 4, levels
    assert 200 <= intro_words(chapter) <= 500, intro_words(chapter)
    assert CONTRIBUTIONS_WANTED not in chapter.source.read_text(encoding="utf-8")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_types_are_mixed(chapter) -> None:
    types = Counter(r.type for r in parse_file(chapter.source).resources)
    assert len(types) >= 3, types
    assert max(types.values()) <= 0.7 * sum(types.values()), types


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_every_key_concept_is_covered_by_a_resource(chapter) -> None:
    text = " ".join(f"{r.title} {r.description}" for r in parse_file(chapter.source).resources).lower()
    assert [c for c in key_concepts(chapter) if c.lower() not in text] == []


def test_site_has_at_least_200_distinct_resources() -> None:
    urls = {normalize_url(r.url) for d in parse_paths([DOCS]) for r in d.resources}
    assert len(urls) >= 200, len(urls)


def test_arxiv_links_point_to_abstract_pages() -> None:
    bad = [f"{r.path}:{r.line}" for d in parse_paths([DOCS]) for r in d.resources if "arxiv.org/pdf" in r.url]
    assert bad == []


def test_every_figure_is_shown_in_its_chapter_with_alt_text() -> None:
    from scripts.figures import FIGURES

    for name, figure in FIGURES.items():
        chapter = DOCS / f"{figure[2] if isinstance(figure, tuple) else figure.chapter}.md"
        images = re.findall(r"!\[([^\]]*)\]\(assets/figures/" + re.escape(name) + r"\.svg\)", chapter.read_text(encoding="utf-8"))
        assert len(images) == 1 and len(images[0].split()) >= 5, f"{name} in {chapter.name}"
