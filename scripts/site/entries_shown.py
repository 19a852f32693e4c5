"""Check that a build of the site shows every chapter with its resources as links:
`python -m scripts.site.entries_shown SITE_DIR`.

It reads only the built HTML, so it judges any engine's build the same way: MkDocs with our hook,
or Zensical, which ignores hooks (the CI job that hedges against Material's end of life runs it).
Prints one line per missing page or entry and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from scripts.content.entries import parse_file
from scripts.content.project import chapters


def page_file(site: Path, chapter_path: str) -> Path:
    return site / Path(chapter_path).with_suffix("") / "index.html"


LINK_RE = re.compile(r'<a\s[^>]*?href="(?P<href>[^"]*)"[^>]*>(?P<inner>.*?)</a>', re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")


def link_texts(page: str) -> dict[str, set[str]]:
    """Each link target on a page with the text its links show (markup such as <abbr> removed)."""
    found: dict[str, set[str]] = {}
    for match in LINK_RE.finditer(page):
        text = " ".join(html.unescape(TAG_RE.sub("", match["inner"])).split())
        found.setdefault(html.unescape(match["href"]), set()).add(text)
    return found


def missing(site: Path) -> list[str]:
    """What a reader would not find: a chapter page, or an entry's link with its title."""
    problems: list[str] = []
    for chapter in chapters():
        page = page_file(site, chapter.path)
        if not page.is_file():
            problems.append(f"{chapter.path}: no page at {page.relative_to(site)}")
            continue
        links = link_texts(page.read_text(encoding="utf-8"))
        for resource in parse_file(chapter.source).resources:
            if " ".join(resource.title.split()) not in links.get(resource.url, ()):
                problems.append(f"{chapter.path}:{resource.line}: {resource.url} is not shown as a link titled {resource.title!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.entries_shown", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site")
    problems = missing(parser.parse_args(argv).site)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "every chapter shows every entry as a link", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
