"""Crawl a built site's internal links with LinkChecker: `python -m scripts.linkcheck.crawl [DIR]` (default: site/).

The site is served on a loopback port for the duration, so links resolve as they will on
GitHub Pages (directory URLs, redirect stubs) rather than as files. LinkChecker is configured so
that what matters fails and noise does not: a missing #anchor is a warning without a name in
LinkChecker, so no warning is ignored wholesale; only the named notices that are normal on a
MkDocs site (redirects, e.g. `/page` → `/page/`) are. External links are not followed here:
`python -m scripts.linkcheck` checks those, politely.
"""

from __future__ import annotations

import argparse
import configparser
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.paths import ROOT
from scripts.site.serve import SiteServer

# Named LinkChecker warnings that are normal on a static site and say nothing about broken links.
IGNORED_WARNINGS = ("http-redirected", "url-effective-url", "http-empty-content", "url-content-size-zero")
# Linked from the site but written by a later step (scripts/site/offline_zip.py), not by `properdocs build`.
BUILT_SEPARATELY = (r"/llm-roadmap-offline\.zip$",)
# Pages whose anchors are only their own headings: the one-page roadmap (every chapter's headings
# again, and the chapter sections its contents list links to, which tests/test_browser.py follows
# in the PDF), the glossary (a heading per term) and the tags index (a heading per tag). The toc
# extension writes those anchors from the headings, and a Markdown link into them is checked by
# MkDocs' anchor validation in the strict build. LinkChecker re-parses a page for every #anchor
# URL, and these three pages hold most of the site's anchors: skipping them cuts the crawl by half.
REPEATED_ANCHORS = (r"/whole-roadmap/#", r"/glossary/#", r"/tags/#")
# Printed by LinkChecker itself, not about any link: dropped from the output we show.
NOISE = ("Checking intern URLs only",)

# Every setting the crawl needs, written with configparser (LinkChecker reads an INI file).
SETTINGS: dict[str, dict[str, str]] = {
    "checking": {"threads": "10", "timeout": "20", "maxrequestspersecond": "1000", "recursionlevel": "-1"},
    "filtering": {
        "checkextern": "0",
        "ignorewarnings": ",".join(IGNORED_WARNINGS),
        "ignore": "\n" + "\n".join(BUILT_SEPARATELY + REPEATED_ANCHORS),
    },
    "output": {"log": "text", "status": "0", "verbose": "0", "warnings": "1"},
    "text": {"parts": "url,parenturl,line,column,result,warning"},
    "AnchorCheck": {},
}

# Run as root, LinkChecker's command line switches to `nobody` before it loads its plugins; when
# the virtual environment sits in a directory `nobody` cannot read (a checkout in a mode-700
# folder), AnchorCheck silently fails to load and missing anchors pass. The crawl reads only our
# own build over loopback, so there is nothing to protect by dropping privileges: run the same
# command without that step, whoever runs it.
LINKCHECKER = (
    sys.executable,
    "-c",
    "import sys; from linkcheck.command import linkchecker as cli; cli.drop_privileges = lambda: None; sys.exit(cli.linkchecker())",
)

# A page served next to the site with a link to an anchor it does not have: if LinkChecker does not
# report it, the anchor check is not running and the crawl proves nothing about anchors.
CANARY_PATH = "__anchor-check-canary__/"
CANARY_PAGE = b'<!doctype html><html><head><title>canary</title></head><body><a href="#no-such-anchor">x</a></body></html>'
ANCHOR_CHECK_INACTIVE = (
    "the anchor check is not active: LinkChecker did not report the missing anchor on the canary page, "
    "so broken #anchors would pass unseen (is LinkChecker's AnchorCheck plugin loaded? As root, LinkChecker's "
    "own command line drops to `nobody`, which cannot load plugins from a virtual environment it cannot read)"
)


@dataclass(frozen=True)
class Crawl:
    returncode: int
    output: str


# LinkChecker drops its per-host throttle (0.1–0.6 s a request) for servers that send this
# header: fair, since the server is ours and on loopback.
UNTHROTTLED = {"LinkChecker": "unthrottled"}


def write_settings(path: Path) -> None:
    config = configparser.ConfigParser(interpolation=None)
    config.read_dict(SETTINGS)
    with path.open("w", encoding="utf-8") as handle:
        config.write(handle)


def without_canary(output: str) -> tuple[str, bool]:
    """The crawl's report with the canary's block taken out, and whether that block was there."""
    blocks = output.split("\n\n")
    kept = [block for block in blocks if CANARY_PATH not in block]
    return "\n\n".join(kept).strip(), len(kept) < len(blocks)


def run_crawl(site: Path, linkchecker: Sequence[str] = LINKCHECKER) -> Crawl:
    if not (site / "index.html").is_file():
        build = f".venv/bin/python -m properdocs build --config-file mkdocs.yml --site-dir {site}"
        return Crawl(2, f"{site}: no index.html here; build the site first ({build})")
    with tempfile.TemporaryDirectory(prefix="crawl-site-") as scratch:
        config = Path(scratch) / "linkcheckerrc"
        write_settings(config)
        with SiteServer(site, headers=UNTHROTTLED, pages={CANARY_PATH: CANARY_PAGE}) as server:
            done = subprocess.run(
                [*linkchecker, "--config", str(config), "--no-status", server.url, server.url + CANARY_PATH],
                capture_output=True,
                text=True,
                timeout=600,
                cwd=scratch,
                env={**os.environ, "HOME": scratch},  # no user linkcheckerrc can change the rules
            )
    output = "\n".join(
        line for line in (done.stdout + done.stderr).splitlines() if not any(noise in line for noise in NOISE)
    )
    output, canary_reported = without_canary(output.strip())
    if done.returncode not in (0, 1):
        return Crawl(done.returncode, output)
    if not canary_reported:
        return Crawl(2, "\n\n".join(filter(None, [output, f"error: {ANCHOR_CHECK_INACTIVE}"])))
    return Crawl(1 if output else 0, output)


def crawl(site: Path) -> int:
    result = run_crawl(site)
    print(result.output)
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.linkcheck.crawl", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    return crawl(parser.parse_args(argv).site)


if __name__ == "__main__":
    sys.exit(main())
