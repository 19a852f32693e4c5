"""What the checker reads in a page: its <title>, and whether the anchor a #fragment names is there."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit, urlunsplit

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)


class AnchorFinder(HTMLParser):
    """Reads HTML a chunk at a time, collecting the <title> and noticing when an anchor appears."""

    def __init__(self, fragments: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.fragments = set(fragments)
        self.found = not fragments
        self.title = ""
        self.title_done = False
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self.title_done:
            self._in_title = True
        for name, value in attrs:
            if name in ("id", "name") and value in self.fragments:
                self.found = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title, self.title_done = False, True

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def without_fragment(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(fragment="")), parts.fragment


def fragment_candidates(fragment: str, host: str) -> tuple[str, ...]:
    """The ids that would satisfy `#fragment`; GitHub prefixes rendered headings' ids."""
    decoded = unquote(fragment)
    names = {fragment, decoded}
    if host.endswith("github.com"):
        names |= {f"user-content-{name}" for name in tuple(names)}
    return tuple(sorted(names))
