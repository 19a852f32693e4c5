"""LinkChecker crawling a built site over loopback: a missing anchor or page fails, the noise of
a normal MkDocs site (redirect stubs, directory redirects, running as root) does not."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from scripts.linkcheck import crawl
from scripts.linkcheck.crawl import ANCHOR_CHECK_INACTIVE, run_crawl
from tests.conftest import Build, build_site

pytestmark = pytest.mark.slow  # runs LinkChecker over fixture sites

FIXTURE_CONFIG = """\
site_name: Fixture
site_url: http://127.0.0.1/
theme: mkdocs
plugins:
  - redirects:
      redirect_maps:
        old.md: page.md
"""
FIXTURE_INDEX = "# Home\n\nSee [the section](page.md#section-two), [the page](page/) and ![a figure](figure.svg).\n"
FIXTURE_PAGE = "# Page\n\n## Section two\n\nText. Back [home](index.md).\n"
FIGURE = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A three-page MkDocs project (with a redirect stub), built once."""
    project = tmp_path_factory.mktemp("fixture-project")
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(FIXTURE_CONFIG, encoding="utf-8")
    (project / "docs" / "index.md").write_text(FIXTURE_INDEX, encoding="utf-8")
    (project / "docs" / "page.md").write_text(FIXTURE_PAGE, encoding="utf-8")
    (project / "docs" / "figure.svg").write_text(FIGURE, encoding="utf-8")
    built = build_site(project / "site", project / "mkdocs.yml")
    assert built.returncode == 0, built.log
    assert (built.site / "old" / "index.html").exists()  # the redirect stub the crawl must follow
    return built.site


BROKEN_LINKS = {
    "page/#nowhere": "Anchor `nowhere' (decoded: `nowhere') not",
    "missing/": "404",
    "figure-gone.svg": "404",
    "../gone/": "404",  # reached through the redirect stub old/, which now points there
}


def broken_copy(site: Path, destination: Path) -> Path:
    """The fixture site with a link to each broken target on its home page, and a stale stub."""
    shutil.copytree(site, destination)
    index = destination / "index.html"
    links = "".join(f'<a href="{link}">x</a>' for link in [*BROKEN_LINKS, "old/"] if link != "../gone/")
    index.write_text(index.read_text(encoding="utf-8").replace("</body>", f"{links}</body>"), encoding="utf-8")
    stub = destination / "old" / "index.html"
    stub.write_text(stub.read_text(encoding="utf-8").replace("../page/", "../gone/"), encoding="utf-8")
    return destination


def test_clean_fixture_site_passes(fixture_site: Path) -> None:
    crawl = run_crawl(fixture_site)
    assert crawl.returncode == 0, crawl.output
    assert crawl.output == ""  # no notice about running as root, redirects or skipped externals


def test_missing_anchor_page_image_and_stub_target_fail(fixture_site: Path, tmp_path: Path) -> None:
    crawl = run_crawl(broken_copy(fixture_site, tmp_path / "site"))
    assert crawl.returncode == 1
    for link, expected in BROKEN_LINKS.items():
        block = next(b for b in crawl.output.split("\n\n") if f"`{link}'" in b)
        assert expected in block, block


def missing_anchor_reported(result: crawl.Crawl) -> bool:
    return any("`page/#nowhere'" in block and BROKEN_LINKS["page/#nowhere"] in block for block in result.output.split("\n\n"))


def test_without_the_anchor_check_the_crawl_fails_and_says_why(fixture_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = {section: values for section, values in crawl.SETTINGS.items() if section != "AnchorCheck"}
    monkeypatch.setattr(crawl, "SETTINGS", settings)
    result = run_crawl(broken_copy(fixture_site, tmp_path / "site"))
    assert result.returncode == 2
    assert result.output.endswith(f"error: {ANCHOR_CHECK_INACTIVE}")
    assert "missing/" in result.output  # what it did find is still shown
    assert crawl.CANARY_PATH not in result.output


@pytest.mark.skipif(os.geteuid() != 0, reason="LinkChecker drops privileges only when run as root")
def test_as_root_with_linkchecker_in_a_private_folder(fixture_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout inside a mode-700 folder, crawled as root: `nobody` cannot read LinkChecker's plugins."""
    import linkcheck

    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    shutil.copytree(Path(linkcheck.__file__).parent, private / "linkcheck")
    monkeypatch.setenv("PYTHONPATH", str(private))
    broken = broken_copy(fixture_site, tmp_path / "site")

    ours = run_crawl(broken)
    assert ours.returncode == 1 and missing_anchor_reported(ours), ours.output

    # LinkChecker's own command line, which switches to `nobody` and silently loses AnchorCheck there:
    # the crawl must not pass quietly.
    dropped = run_crawl(broken, linkchecker=(sys.executable, "-m", "linkcheck"))
    assert not missing_anchor_reported(dropped)
    assert dropped.returncode == 2 and ANCHOR_CHECK_INACTIVE in dropped.output, dropped.output


def test_no_built_site_is_a_clear_error(tmp_path: Path) -> None:
    crawl = run_crawl(tmp_path)
    assert crawl.returncode == 2 and "build the site first" in crawl.output


def test_our_site_has_zero_errors(site: Build) -> None:
    crawl = run_crawl(site.site)
    assert crawl.returncode == 0, crawl.output
