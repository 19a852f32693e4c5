"""Every chapter is one a learner can follow: enough, varied, well-described resources."""

from __future__ import annotations

import re

from scripts.content.entries import normalize_url, parse_paths
from scripts.paths import DOCS


def test_site_has_at_least_200_distinct_resources() -> None:
    urls = {normalize_url(r.url) for d in parse_paths([DOCS]) for r in d.resources}
    assert len(urls) >= 200, len(urls)


def test_every_figure_is_shown_in_its_chapter_with_alt_text() -> None:
    from scripts.figures import FIGURES

    for name, figure in FIGURES.items():
        chapter = DOCS / f"{figure[2] if isinstance(figure, tuple) else figure.chapter}.md"
        images = re.findall(r"!\[([^\]]*)\]\(assets/figures/" + re.escape(name) + r"\.svg\)", chapter.read_text(encoding="utf-8"))
        assert len(images) == 1 and len(images[0].split()) >= 5, f"{name} in {chapter.name}"
