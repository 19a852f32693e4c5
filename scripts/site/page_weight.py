"""What a reader downloads on the first load of a page, measured on the built site.

    python -m scripts.site.page_weight [--site site]

prints each page's first load against its budget, and what the heaviest page loads.

Counts the page's HTML and every stylesheet, script, font and icon it references, each as
gzip compresses it (GitHub Pages serves them compressed). The search index is reported on
its own: it is fetched in the background, after the page is usable.
"""

from __future__ import annotations

import gzip
import posixpath
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

KB = 1000

# First-load budgets (gzip bytes) by kind of page. A reader's first visit is a chapter or the
# home page, and most of it is the theme's bundle, stylesheet and search worker (about 63 KB).
BUDGETS: dict[str, int] = {
    "home": 95 * KB,
    "chapter": 95 * KB,
    "reference": 100 * KB,  # long pages read in parts: the glossary (every term), Contributing
    "page": 95 * KB,  # Start here, Map, What's new, Topics, 404
    # Every chapter's self-check, hidden until the review schedule asks for it.
    "review": 130 * KB,
    # The whole roadmap on one page, for print: every chapter with its self-check and answer key,
    # so it grows with the roadmap; it is opened to print, not to browse.
    "print": 320 * KB,
}
# Chapters allowed over the chapter budget for now, each held to what it weighs (rounded up to
# the next half kilobyte); none since quiz.js loads after the first paint. The test fails when one
# listed here fits the chapter budget again, so that its entry is removed and the budget holds.
OVER_BUDGET: dict[str, int] = {}


def kind(page: str) -> str:
    """The kind of a built page, from its path in the site ("rag/index.html", or "rag.html" offline)."""
    from scripts.content.project import chapters

    name = page.removesuffix("index.html").removesuffix(".html").strip("/")
    if name in ("", "index"):
        return "home"
    if name in {chapter.slug for chapter in chapters()}:
        return "chapter"
    if name in ("glossary", "contributing"):
        return "reference"
    return "review" if name == "review" else "print" if name == "whole-roadmap" else "page"


def budget(page: str) -> int:
    name = page.removesuffix("index.html").removesuffix(".html").strip("/")
    return OVER_BUDGET.get(name, BUDGETS[kind(page)])


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        rel = set((found.get("rel") or "").split())
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"] or "")
        elif tag == "link" and rel & {"stylesheet", "icon", "preload", "modulepreload"} and found.get("href"):
            self.urls.append(found["href"] or "")


@dataclass(frozen=True)
class Weight:
    page: str
    files: dict[str, int]  # site-relative path -> gzip size in bytes

    @property
    def total(self) -> int:
        return sum(self.files.values())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def first_load(site: Path, page: Path, root: str | None = None) -> Weight:
    """The gzip bytes of `page` and of the local assets it loads. `root` is the site's path on its
    host ("/llm-roadmap/", from site_url): the 404 page links its assets from there, as it must
    work at any depth."""
    if root is None:
        from scripts.content.project import mkdocs_config

        root = urlsplit(mkdocs_config()["site_url"]).path or "/"
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    files = {page.relative_to(site).as_posix(): gzip_size(page)}
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            continue  # a third-party asset is a failure of its own, tested elsewhere
        if parts.path.startswith("/"):
            asset = (site / posixpath.normpath(parts.path.removeprefix(root.rstrip("/"))).lstrip("/")).resolve()
        else:
            asset = (page.parent / posixpath.normpath(parts.path)).resolve()
        if asset.is_file():
            files[asset.relative_to(site.resolve()).as_posix()] = gzip_size(asset)
    # Material starts its search worker on every page load; its script counts, the index not.
    for worker in sorted(site.glob("assets/javascripts/workers/search.*.min.js")):
        files[worker.relative_to(site).as_posix()] = gzip_size(worker)
    return Weight(page.relative_to(site).as_posix(), files)


def search_index_size(site: Path) -> tuple[int, int]:
    """(raw, gzip) bytes of the search index."""
    index = site / "search" / "search_index.json"
    return index.stat().st_size, gzip_size(index)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from scripts.paths import ROOT

    parser = argparse.ArgumentParser(prog="python -m scripts.site.page_weight", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    site: Path = parser.parse_args(argv).site
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here", file=sys.stderr)
        return 2
    weights = [first_load(site, page) for page in sorted(site.rglob("*.html"))]
    print("| page | kind | first load (gzip) | budget |\n| --- | --- | ---: | ---: |")
    for w in weights:
        mark = " **over**" if w.total > budget(w.page) else ""
        print(f"| {w.page} | {kind(w.page)} | {w.total / KB:.1f} KB{mark} | {budget(w.page) / KB:.1f} KB |")
    heaviest = max((w for w in weights if kind(w.page) in ("home", "chapter")), key=lambda w: w.total)
    print(f"\n{heaviest.page}, file by file:")
    for name, size in sorted(heaviest.files.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {size / KB:6.1f} KB  {name}")
    return 1 if any(w.total > budget(w.page) for w in weights) else 0


if __name__ == "__main__":
    sys.exit(main())
