"""What the checker reads in a page: its titles (<title>, og:title, the first <h1>), and whether
the anchor a #fragment names is there."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit, urlunsplit

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title", re.IGNORECASE | re.DOTALL)
META_RE = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
OG_TITLE_RE = re.compile(r"""property\s*=\s*["']og:title["']""", re.IGNORECASE)
CONTENT_RE = re.compile(r"""content\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
H1_RE = re.compile(r"<h1(?:\s[^>]*)?>(.*?)</h1", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"<[^>]*>")


def clean(text: str) -> str:
    return " ".join(html.unescape(TAG_RE.sub(" ", text)).split())


def page_titles(head: str) -> tuple[str, str, str]:
    """The page's <title>, og:title and first <h1> ("" for each one absent) from its first bytes."""
    title = TITLE_RE.search(head)
    og = next((CONTENT_RE.search(m.group(0)) for m in META_RE.finditer(head) if OG_TITLE_RE.search(m.group(0))), None)
    heading = H1_RE.search(head)
    return (
        clean(title.group(1)) if title else "",
        clean(og.group(1) or og.group(2) or "") if og else "",
        clean(heading.group(1)) if heading else "",
    )


class AnchorFinder(HTMLParser):
    """Reads HTML a chunk at a time, noticing when an anchor a #fragment names appears."""

    def __init__(self, fragments: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.fragments = set(fragments)
        self.found = not fragments

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value in self.fragments:
                self.found = True


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
