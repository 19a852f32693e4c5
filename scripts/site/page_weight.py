"""What a reader downloads on the first load of a page, measured on the built site.

Counts the page's HTML and every stylesheet, script, font and icon it references, each as
gzip compresses it (GitHub Pages serves them compressed). The search index is reported on
its own: it is fetched in the background, after the page is usable.
"""

from __future__ import annotations

import gzip
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

BUDGET_BYTES = 200_000
# The whole roadmap on one page, for print: every chapter with its self-check and answer key,
# so it grows with the roadmap; it is opened to print, not to browse.
PRINT_PAGE, PRINT_BUDGET_BYTES = "whole-roadmap/index.html", 320_000


def budget(page: str) -> int:
    return PRINT_BUDGET_BYTES if page in (PRINT_PAGE, "whole-roadmap.html") else BUDGET_BYTES


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


def first_load(site: Path, page: Path) -> Weight:
    """The gzip bytes of `page` and of the local assets it loads."""
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    files = {page.relative_to(site).as_posix(): gzip_size(page)}
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            continue  # a third-party asset is a failure of its own, tested elsewhere
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
