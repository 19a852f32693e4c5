"""Pages without the indentation between their tags, run on the built site.

The theme's templates indent every tag, and the indentation reaches readers in every page. Here
whitespace that stands alone between two tags and holds a line break becomes one line break:
the browser treats both the same (such a run shows as at most one space), so the page renders as
before. Text is never touched, nor anything inside <pre>, <textarea>, <script>, <style>, <code>
or <kbd>, where spaces can matter.
"""

from __future__ import annotations

import re
from pathlib import Path

KEEP = re.compile(r"<(pre|textarea|script|style|code|kbd)\b.*?</\1\s*>", re.S | re.I)
BETWEEN_TAGS = re.compile(r">[ \t\r\f]*\n\s*<")


def _between(text: str, after_tag: bool, before_tag: bool) -> str:
    """Squeeze `text`, which the regions kept as they are may border: they start and end with a tag."""
    squeezed = BETWEEN_TAGS.sub(">\n<", (">" if after_tag else "") + text + ("<" if before_tag else ""))
    return squeezed[1 if after_tag else 0 : len(squeezed) - (1 if before_tag else 0)]


def squeeze(html: str) -> str:
    out, start = [], 0
    for kept in KEEP.finditer(html):
        out.append(_between(html[start : kept.start()], start > 0, True))
        out.append(kept.group(0))
        start = kept.end()
    out.append(_between(html[start:], start > 0, False))
    return "".join(out)


def squeeze_site(site: Path) -> int:
    """Squeeze every page of the built site in place; returns the bytes saved."""
    saved = 0
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        squeezed = squeeze(html)
        if squeezed != html:
            page.write_text(squeezed, encoding="utf-8")
            saved += len(html.encode()) - len(squeezed.encode())
    return saved
