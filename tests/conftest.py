"""Shared fixtures: our site is built once per session (plus the offline copy, a build of its own)
and every test reads those builds; a test that needs a changed site builds a small project."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.paths import ROOT

# The variables that silence the "MkDocs 2.0" notices of Material and ProperDocs. Neither notice
# shows under ProperDocs (both only speak when the `mkdocs` command runs), so builds run without
# them, as on a contributor's machine, and a test sees it if a notice comes back.
NOTICE_SWITCHES = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")
# Our site is built as the deployment builds it: with a link check's results (a small sample), so
# the tests, the browser and axe see the marks it adds. Without them a build shows none.
LINK_HEALTH = ROOT / "tests" / "data" / "link-health.json"


@dataclass(frozen=True)
class Build:
    site: Path
    log: str
    returncode: int


def build_site(destination: Path, config: Path = ROOT / "mkdocs.yml", **env: str) -> Build:
    """Run a strict ProperDocs build into `destination` and keep its log."""
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(destination)],
        cwd=config.parent,
        env={**{k: v for k, v in os.environ.items() if k not in NOTICE_SWITCHES}, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(destination, result.stdout + result.stderr, result.returncode)


def small_project(destination: Path, config: str, pages: dict[str, str]) -> Path:
    """A few-page project (mkdocs.yml and docs/) for a test that needs a site other than ours:
    building it takes a fraction of a second, where a changed copy of ours takes half a minute."""
    (destination / "docs").mkdir(parents=True)
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in pages.items():
        (destination / "docs" / name).write_text(text, encoding="utf-8")
    return destination


# A test that reads a build of our site, drives the browser or works in a fresh clone is slow by
# nature; it is marked so without anyone having to remember to.
SLOW_FIXTURES = frozenset({"site", "offline_site", "browser", "page", "clone"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build_site(tmp_path_factory.mktemp("build") / "site", LINK_HEALTH=str(LINK_HEALTH))
    assert built.returncode == 0, f"strict build failed:\n{built.log}"
    return built


# ---------- browser fixtures: one Chromium per module, one server per site ----------

from scripts.site.browser import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402 - with the browser fixtures it serves


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    built = build_site(tmp_path_factory.mktemp("offline") / "site", OFFLINE="true", LINK_HEALTH=str(LINK_HEALTH))
    assert built.returncode == 0, f"offline build failed:\n{built.log}"
    return built


@pytest.fixture(scope="session")
def server(site: Build):
    from urllib.parse import urlsplit

    from scripts.content.project import mkdocs_config
    from scripts.site.serve import SiteServer

    with SiteServer(site.site, urlsplit(mkdocs_config()["site_url"]).path) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    """Module-scoped: Playwright's sync API keeps an asyncio loop running in this thread while
    it lives, and the link checker's tests need to start loops of their own afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
