"""No published page address is ever lost: each stays a page or becomes a redirect."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.site.published_urls import PUBLISHED, built_pages, is_redirect, lost_urls, page_file, read_list, redirect_advice
from tests.conftest import ROOT, Build, build_site, small_project

RENAMED_FROM, RENAMED_TO = "knowledge-graphs", "llm-knowledge-graphs"


def test_every_published_url_is_a_page_or_a_redirect(site: Build) -> None:
    lost = lost_urls(site.site, read_list())
    assert not lost, "\n".join(map(redirect_advice, lost))


def test_every_page_of_the_build_is_in_the_published_list(site: Build) -> None:
    unlisted = [url for url in built_pages(site.site) if url not in read_list()]
    assert not unlisted, f"add these lines to {PUBLISHED.relative_to(ROOT)}: {', '.join(unlisted)}"


PAGES = {
    "index.md": "# Home\n\nSee [the graph chapter](knowledge-graphs.md).\n",
    "knowledge-graphs.md": "# Knowledge graphs\n\nBack [home](index.md).\n",
    "agents.md": "# Agents\n\nUses [graphs](knowledge-graphs.md#top).\n",
}
CONFIG = "site_name: Fixture\nsite_url: https://example.org/roadmap/\ntheme: mkdocs\nplugins:\n  - redirects:\n      redirect_maps: {}\n"
FIXTURE_PUBLISHED = ["", "agents/", "knowledge-graphs/"]


def rename_chapter(project: Path, old: str, new: str) -> None:
    """What a maintainer would do: move the file and rewrite every link and the nav entry to it."""
    (project / "docs" / f"{old}.md").rename(project / "docs" / f"{new}.md")
    for path in [project / "mkdocs.yml", *(project / "docs").rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"(?<![\w-]){re.escape(old)}\.md", f"{new}.md", text), encoding="utf-8")


def add_redirect(project: Path, old: str, new: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    maps = re.search(r"^(?P<indent> *)redirect_maps:(?P<empty> *\{\})?\n", text, re.MULTILINE)
    assert maps, "mkdocs.yml has no `redirects: redirect_maps:`"
    entry = f"{maps['indent']}  {old}.md: {new}.md\n"
    config.write_text(text[: maps.start()] + f"{maps['indent']}redirect_maps:\n{entry}" + text[maps.end() :], encoding="utf-8")


def test_our_config_has_the_redirect_map_a_rename_needs() -> None:
    assert re.search(r"^ *redirect_maps:", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)


def test_renaming_a_chapter_is_caught_until_a_redirect_is_added(tmp_path: Path) -> None:
    project = small_project(tmp_path / "project", CONFIG, PAGES)
    rename_chapter(project, RENAMED_FROM, RENAMED_TO)
    renamed = build_site(tmp_path / "renamed", project / "mkdocs.yml")
    assert renamed.returncode == 0, renamed.log  # the build alone does not notice
    lost = lost_urls(renamed.site, FIXTURE_PUBLISHED)
    assert lost == [f"{RENAMED_FROM}/"]
    assert f"add `{RENAMED_FROM}.md: <new page>.md` under `redirects: redirect_maps:` in mkdocs.yml" in redirect_advice(lost[0])

    add_redirect(project, RENAMED_FROM, RENAMED_TO)
    redirected = build_site(tmp_path / "redirected", project / "mkdocs.yml")
    assert redirected.returncode == 0, redirected.log
    assert lost_urls(redirected.site, FIXTURE_PUBLISHED) == []
    stub = page_file(redirected.site, f"{RENAMED_FROM}/")
    assert is_redirect(stub) and f"{RENAMED_TO}/" in stub.read_text(encoding="utf-8")
