"""ProperDocs hook: the map of the chapters (scripts/content/chapter_map.py), drawn once per build
from the chapters' prerequisite sections and handed to the home page and the map page as
`chapter_map`, with links relative to the page (so it works online and from file://).

A prerequisite that is no chapter, or that closes a cycle, is a warning (so the strict build
fails) at the file and line that declares it; the linter reports the same.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.structure.nav import Navigation
from properdocs.structure.pages import Page
from properdocs.utils import get_relative_url

from scripts.content.chapter_map import Graph, Layout, build_graph, chapter_specs, figure, layout, shortcuts
from scripts.content.learning_paths import START_HERE, learning_paths

MAP_PAGES = {"index.md", "map.md"}
MAP_STYLESHEET = "assets/stylesheets/map.css"
log = logging.getLogger("properdocs.hooks.chapter_map")
_drawn: dict[str, Any] = {}


def on_config(config: ProperDocsConfig) -> ProperDocsConfig:
    graph, problems = build_graph(chapter_specs({"nav": config.nav}))
    for problem in problems:
        log.warning(str(problem))
    docs = Path(config.docs_dir)
    paths = learning_paths(docs / START_HERE.name) if (docs / START_HERE.name).is_file() else []
    routes = [(p.key, p.title, [s.slug for s in p.steps], [s.slug for s in p.steps if s.how == "Skim"]) for p in paths]
    _drawn.update(graph=graph, layout=layout(graph, shortcuts(graph, [slugs for _, _, slugs, _ in routes])), routes=routes)
    return config


def on_page_context(context: dict[str, Any], page: Page, config: ProperDocsConfig, nav: Navigation) -> dict[str, Any]:
    if page.file.src_uri not in MAP_PAGES or not _drawn:
        return context
    graph: Graph = _drawn["graph"]
    drawn: Layout = _drawn["layout"]
    urls = {Path(p.file.src_uri).stem: p.url for p in nav.pages}

    def href(slug: str) -> str:
        return get_relative_url(urls[slug], page.url) if slug in urls else f"{slug}.md"

    # The resource ids the entry hook recorded on each chapter page (all pages are read before any
    # is rendered). The home page's cards already carry them; the map page has no cards.
    ids = {Path(p.file.src_uri).stem: " ".join(p.meta.get("resource_ids", [])) for p in nav.pages}

    def data(slug: str) -> dict[str, str]:
        return {"data-rm-chapter-url": urls.get(slug, "")} | ({} if page.is_homepage else {"data-rm-map-ids": ids.get(slug, "")})

    caption = (
        f"The map: {len(graph.chapters)} chapters, from the foundations at the top to the frontier at the bottom. "
        "An arrow leads to each chapter from those it builds on directly; a prerequisite that a chain of arrows "
        "already implies is not drawn again, and the list below names them all."
    )
    if page.is_homepage and "map" in urls:
        caption += f' <a href="{get_relative_url(urls["map"], page.url)}">Open the map on its own page</a>.'
    # The map's own stylesheet comes with the drawing, in the page's content: no other page loads
    # it, and a page that instant navigation swaps in (which keeps the old <head>) still gets it.
    stylesheet = f'<link rel="stylesheet" href="{get_relative_url(MAP_STYLESHEET, page.url)}">'
    context["chapter_map"] = stylesheet + figure(graph, drawn, href, _drawn["routes"], caption, data)
    return context
