"""Crawl a built site's internal links with LinkChecker: `python -m scripts.crawl_site [DIR]` (default: site/).

The site is served on a loopback port for the duration, so links resolve as they will on
GitHub Pages (directory URLs, redirect stubs) rather than as files. LinkChecker is configured so
that what matters fails and noise does not: a missing #anchor is a warning without a name in
LinkChecker, so no warning is ignored wholesale; only the named notices that are normal on a
MkDocs site (redirects, e.g. `/page` → `/page/`) are. External links are not followed here:
`python -m scripts.linkcheck` checks those, politely.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scripts.paths import ROOT
from scripts.serve_static import SiteServer

# Named LinkChecker warnings that are normal on a static site and say nothing about broken links.
IGNORED_WARNINGS = ("http-redirected", "url-effective-url", "http-empty-content", "url-content-size-zero")
# Linked from the site but written by a later step (scripts/offline_zip.py), not by `mkdocs build`.
BUILT_SEPARATELY = (r"/llm-roadmap-offline\.zip$",)
# The one-page roadmap repeats every chapter, so its anchors are the chapters' own headings,
# checked on the chapter pages (and by MkDocs' anchor validation). LinkChecker re-parses a page
# for every #anchor URL, and this page is the largest: skipping its anchors halves the crawl.
REPEATED_ANCHORS = (r"/whole-roadmap/#",)
# Printed by LinkChecker itself, not about any link: dropped from the output we show.
NOISE = ("Running as root user; dropping privileges", "Checking intern URLs only")

CONFIG_TEMPLATE = """\
[checking]
threads=10
timeout=20
maxrequestspersecond=1000
recursionlevel=-1

[filtering]
checkextern=0
ignorewarnings={ignored}
ignore=
{built_separately}

[output]
log=text
status=0
verbose=0
warnings=1

[text]
parts=url,parenturl,line,column,result,warning

[AnchorCheck]
"""


@dataclass(frozen=True)
class Crawl:
    returncode: int
    output: str


# LinkChecker drops its per-host throttle (0.1–0.6 s a request) for servers that send this
# header: fair, since the server is ours and on loopback.
UNTHROTTLED = {"LinkChecker": "unthrottled"}


def linkchecker_command() -> list[str]:
    """The LinkChecker installed next to this Python (the project's venv)."""
    script = Path(sys.executable).with_name("linkchecker")
    return [str(script)] if script.exists() else [sys.executable, "-m", "linkcheck"]


def run_crawl(site: Path) -> Crawl:
    if not (site / "index.html").is_file():
        return Crawl(2, f"{site}: no index.html here; build the site first (mkdocs build)")
    with tempfile.TemporaryDirectory(prefix="crawl-site-") as scratch:
        # Run as root, LinkChecker switches to `nobody` after reading its config: let it read it.
        os.chmod(scratch, 0o755)
        config = Path(scratch) / "linkcheckerrc"
        settings = CONFIG_TEMPLATE.format(
            ignored=",".join(IGNORED_WARNINGS), built_separately="\n".join(f"  {p}" for p in BUILT_SEPARATELY + REPEATED_ANCHORS)
        )
        config.write_text(settings, encoding="utf-8")
        config.chmod(0o644)
        with SiteServer(site, headers=UNTHROTTLED) as server:
            done = subprocess.run(
                [*linkchecker_command(), "--config", str(config), "--no-status", server.url],
                capture_output=True,
                text=True,
                timeout=600,
                cwd=scratch,
                env={**os.environ, "HOME": scratch},  # no user linkcheckerrc can change the rules
            )
    output = "\n".join(
        line for line in (done.stdout + done.stderr).splitlines() if not any(noise in line for noise in NOISE)
    )
    return Crawl(done.returncode, output.strip())


def crawl(site: Path) -> int:
    result = run_crawl(site)
    print(result.output)
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.crawl_site", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    return crawl(parser.parse_args(argv).site)


if __name__ == "__main__":
    sys.exit(main())
