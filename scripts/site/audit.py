"""Audit the built site: Lighthouse scores, axe findings and page weight, as one table.

    python -m scripts.site.audit [--site site] [--pages "" transformer/] [--no-lighthouse]

Serves the site on 127.0.0.1 with gzip (as GitHub Pages does), runs Lighthouse 12 (mobile
preset) on the chosen pages and axe-core on every page in light and dark mode, then prints a
Markdown table. Needs `npm ci` (Lighthouse, axe-core) and Chromium; it is a report, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from scripts.content.project import mkdocs_config
from scripts.paths import ROOT
from scripts.site.browser import CHROMIUM, CHROMIUM_FLAGS
from scripts.site.page_weight import first_load, kind, search_index_size
from scripts.site.serve import SiteServer

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
IMPACTS = ("critical", "serious", "moderate", "minor")


def lighthouse_median(url: str, runs: int) -> dict[str, object]:
    """Lighthouse's performance score swings by several points between runs: report the median."""
    reports = [lighthouse(url) for _ in range(runs)]
    median = sorted(reports, key=lambda r: r["scores"]["performance"])[runs // 2]
    return {**median, "performance_runs": [r["scores"]["performance"] for r in reports]}


def lighthouse(url: str) -> dict[str, object]:
    """Scores (0-100) per category, and the ids of audits that did not pass."""
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    failing = sorted(
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric")
        and any(ref["id"] == audit_id and ref.get("weight", 0) > 0 for c in CATEGORIES for ref in report["categories"][c]["auditRefs"])
    )
    return {"scores": scores, "failing": failing}


def axe_counts(base_url: str, pages: list[str]) -> dict[str, dict[str, Counter[str]]]:
    """Violations by impact, per page and colour scheme."""
    from playwright.sync_api import sync_playwright

    script = AXE.read_text(encoding="utf-8")
    counts: dict[str, dict[str, Counter[str]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            for path in pages:
                page.goto(base_url + path)
                page.add_script_tag(content=script)
                result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
                counts.setdefault(path, {})[scheme] = Counter(v["impact"] for v in result["violations"])
            context.close()
        browser.close()
    return counts


def site_pages(site: Path) -> list[str]:
    return sorted({p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--pages", nargs="*", default=None, help="pages for Lighthouse (default: home and the largest chapter)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is reported)")
    args = parser.parse_args(argv)
    site: Path = args.site
    if not (site / "index.html").is_file():
        build = f".venv/bin/python -m properdocs build --config-file mkdocs.yml --site-dir {site}"
        print(f"{site}: no built site here; run `{build}` first", file=sys.stderr)
        return 2

    pages = site_pages(site)
    weights = {p: first_load(site, site / (p + "index.html" if not p.endswith(".html") else p)) for p in pages}
    chapters = [p for p in pages if kind(p + "index.html") == "chapter"]
    largest = max(chapters, key=lambda p: weights[p].files[p + "index.html"])
    audited = args.pages if args.pages is not None else ["", largest]

    prefix = urlsplit(mkdocs_config()["site_url"]).path
    with SiteServer(site, prefix) as server:
        axe = axe_counts(server.url, pages)
        scores = {} if args.no_lighthouse else {p: lighthouse_median(server.url + p, args.runs) for p in audited}

    if scores:
        print("| page | performance | accessibility | best practices | SEO | performance, every run | audits not passed |")
        print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
        for page, found in scores.items():
            values = " | ".join(str(found["scores"][c]) for c in CATEGORIES)
            runs = ", ".join(map(str, found["performance_runs"]))
            print(f"| /{page} | {values} | {runs} | {', '.join(found['failing']) or '-'} |")
        print()
    print("| page | first load (gzip) | axe light: " + " / ".join(IMPACTS) + " | axe dark: " + " / ".join(IMPACTS) + " |")
    print("| --- | ---: | --- | --- |")
    for page in pages:
        light, dark = (" / ".join(str(axe[page][s][i]) for i in IMPACTS) for s in ("light", "dark"))
        print(f"| /{page} | {weights[page].total / 1000:.1f} KB | {light} | {dark} |")
    raw, compressed = search_index_size(site)
    print(f"\nSearch index: {raw / 1000:.1f} KB ({compressed / 1000:.1f} KB gzip), fetched after the page is usable.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
