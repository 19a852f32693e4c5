"""Link health on the site: with the weekly check's results, each entry shows when its link was
last checked and a broken one is marked with its archived copy; without them, nothing changes.
The data flows from the scheduled check to the deployment (.github/workflows/links.yml, deploy.yml)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.content.entries import parse_file
from scripts.linkcheck.contract import read_results
from scripts.paths import ROOT
from tests.conftest import LINK_HEALTH, Build, build_site, small_project

HOOK = ROOT / "overrides" / "hooks" / "roadmap.py"
PAGE = """# Chapter

## High-level resources

- [A fine page](https://fine.example.net/) by Someone · article — Works.
- [A lost page](https://lost.example.net/) by Someone · article — Gone since.
- [A lost page, never archived](https://lost.example.net/never) by Someone · article — Gone too.
"""


def row(url: str, verdict: str, archived: str = "") -> dict:
    return {
        "url": url, "verdict": verdict, "status": 404 if verdict == "broken" else 200, "final_url": url, "reason": "",
        "attempts": 1, "elapsed_ms": 1, "permanent_redirect": "", "cached": False, "title_found": "", "identity": "unknown",
        "archived_url": archived, "checked_at": "2026-11-23T05:23:00Z", "locations": [],
    }


def project(tmp_path: Path) -> Path:
    """A one-page project with our hook, and the link check's results wired in as mkdocs.yml does."""
    config = f"""site_name: Health
theme: {{name: material, font: false}}
hooks: ["{HOOK}"]
markdown_extensions:
  - attr_list
  - md_in_html
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
extra:
  link_health: !ENV [LINK_HEALTH, ""]
  whats_new: {{first_release: "2026-11-27T03:28:23+00:00"}}
"""
    return small_project(tmp_path / "project", config, {"index.md": PAGE}) / "mkdocs.yml"


def entries(built: Build) -> list[str]:
    html = (built.site / "index.html").read_text(encoding="utf-8")
    return re.findall(r"<li class=\"rm-entry\".*?</li>", html, re.DOTALL)


def test_results_mark_each_entry_and_a_build_without_them_shows_nothing(tmp_path: Path) -> None:
    config = project(tmp_path)
    results = tmp_path / "linkcheck.json"
    archived = "https://web.archive.org/web/20250301000000/https://lost.example.net/"
    results.write_text(json.dumps([
        row("https://fine.example.net/", "ok"),
        row("https://lost.example.net/", "broken", archived),
        row("https://lost.example.net/never", "broken"),
    ]), encoding="utf-8")
    fine, lost, never = entries(built := build_site(tmp_path / "with", config, LINK_HEALTH=str(results)))
    assert built.returncode == 0, built.log
    assert 'data-rm-checked="2026-11-23"' in fine and 'title="Link checked on 23 Nov 2026"' in fine
    assert "link checked on 23 Nov 2026" in fine and "broken" not in fine  # a screen reader hears the date too
    assert 'data-rm-link="broken"' in lost and "link broken on 23 Nov 2026" in lost
    assert f'<a class="rm-archived" href="{archived}">archived copy</a>' in lost
    assert "link broken on 23 Nov 2026" in never and "rm-archived" not in never

    plain = build_site(tmp_path / "without", config, LINK_HEALTH="")
    assert plain.returncode == 0, plain.log
    assert all("rm-health" not in e and "data-rm-checked" not in e and "rm-archived" not in e for e in entries(plain))


def test_results_that_break_the_contract_stop_the_build_with_one_message(tmp_path: Path) -> None:
    config = project(tmp_path)
    results = tmp_path / "linkcheck.json"
    results.write_text(json.dumps([{**row("https://fine.example.net/", "ok"), "archived_url": "https://evil.example/"}]), encoding="utf-8")
    built = build_site(tmp_path / "site", config, LINK_HEALTH=str(results))
    assert built.returncode != 0
    assert f"extra.link_health ({results}): result 1 (https://fine.example.net/): archived_url must be" in built.log


def test_our_site_carries_the_sample_results_online_and_offline(site: Build, offline_site: Build) -> None:
    sample = {r["url"]: r for r in read_results(LINK_HEALTH.read_text(encoding="utf-8"))}
    resources = {r.url for r in parse_file(ROOT / "docs" / "transformer.md").resources}
    assert set(sample) <= resources  # the sample names real entries
    for page in (site.site / "transformer" / "index.html", offline_site.site / "transformer.html"):  # the offline copy has no folders
        html = page.read_text(encoding="utf-8")
        broken = next(r for r in sample.values() if r["verdict"] == "broken")
        assert f'href="{broken["archived_url"]}">archived copy</a>' in html
        assert html.count('data-rm-checked="') == len(sample)
