"""Keep every published page address working: `python -m scripts.site.published_urls SITE [--update]`.

scripts/site/published-urls.txt lists every page URL the site has ever published, relative to the
site's root (`mathematics/`; `./` is the home page). Readers bookmark and link to these, so each
must stay either a page or a redirect stub written by mkdocs-redirects. Checking a build (SITE,
e.g. from `properdocs build --site-dir site`) prints one line per lost address, with the redirect to
add to mkdocs.yml, and exits 1. `--update` adds the build's new pages to the list; it never
removes one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from scripts.paths import ROOT

PUBLISHED = Path(__file__).with_name("published-urls.txt")
HOME = "./"
# mkdocs-redirects writes a stub page that sends the reader on at once.
REDIRECT_STUB = re.compile(r"<meta\s+http-equiv=[\"']refresh[\"']", re.IGNORECASE)


def read_list(path: Path = PUBLISHED) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def page_file(site: Path, url: str) -> Path:
    return site / ("" if url == HOME else url) / "index.html"


def is_redirect(html: Path) -> bool:
    return bool(REDIRECT_STUB.search(html.read_text(encoding="utf-8", errors="replace")))


def built_pages(site: Path) -> list[str]:
    """Every real page of a build (redirect stubs excluded), as a URL relative to the root."""
    found = []
    for html in site.rglob("index.html"):
        if not is_redirect(html):
            relative = html.parent.relative_to(site).as_posix()
            found.append(HOME if relative == "." else f"{relative}/")
    return sorted(found)


def lost_urls(site: Path, published: list[str]) -> list[str]:
    """Published URLs that are neither a page nor a redirect in this build."""
    return [url for url in published if not page_file(site, url).is_file()]


def redirect_advice(url: str) -> str:
    source = "index.md" if url == HOME else url.rstrip("/") + ".md"
    return (
        f"{url}: published, but this build has neither a page nor a redirect there "
        f"(hint: if the page moved, add `{source}: <new page>.md` under `redirects: redirect_maps:` in mkdocs.yml; "
        f"a published address is never removed from {PUBLISHED.relative_to(ROOT)})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.published_urls", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site, e.g. site/")
    parser.add_argument("--update", action="store_true", help="add the build's new pages to the list")
    args = parser.parse_args(argv)
    published = read_list()
    if args.update:
        new = [url for url in built_pages(args.site) if url not in published]
        with PUBLISHED.open("a", encoding="utf-8") as handle:
            handle.writelines(f"{url}\n" for url in new)
        print(f"{len(new)} new page(s) added to {PUBLISHED.relative_to(ROOT)}", file=sys.stderr)
    lost = lost_urls(args.site, published)
    for url in lost:
        print(redirect_advice(url))
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
