"""The offline zip made by the local server: rebuilt exactly when something the build reads has
changed, and naming the published site rather than the loopback address it is served from.
The download itself, under scripts/serve.sh, is proven in tests/test_browser.py."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from scripts.site.offline_zip import ARCHIVE_FOLDER, ZIP_NAME, BuildFailed, cached_zip, inputs_digest, published_environment
from tests.conftest import small_project

CONFIG = 'site_name: Tiny\ntheme: mkdocs\nsite_url: !ENV [SITE_URL, "https://example.org/tiny/"]\nextra:\n  health: !ENV [LINK_HEALTH, ""]\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path / "project", CONFIG, {"index.md": "# Tiny\n\nOne page.\n"})


def test_the_digest_changes_with_what_the_build_reads_and_nothing_else(project: Path) -> None:
    config, docs = project / "mkdocs.yml", project / "docs"
    env = {"SITE_URL": "https://example.org/tiny/"}

    def digest(**changes: str) -> str:
        return inputs_digest([docs], config, {**env, **changes})

    first = digest()
    assert digest() == first  # same inputs, same digest
    assert digest(UNRELATED="1") == first  # a variable mkdocs.yml does not name
    (docs / "__pycache__").mkdir()
    (docs / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert digest() == first
    assert digest(SITE_URL="https://example.org/other/") != first
    (project / "health.json").write_text("{}", encoding="utf-8")
    with_health = digest(LINK_HEALTH="health.json")
    assert with_health != first
    (project / "health.json").write_text('{"checked": 1}', encoding="utf-8")  # the file a variable names
    assert digest(LINK_HEALTH="health.json") != with_health
    (docs / "index.md").write_text("# Tiny\n\nOne page, edited.\n", encoding="utf-8")
    assert digest() != first
    (docs / "index.md").write_text("# Tiny\n\nOne page.\n", encoding="utf-8")
    assert digest() == first  # content, not modification times
    (docs / "new.md").write_text("# New\n", encoding="utf-8")
    assert digest() != first
    config.write_text(CONFIG + "copyright: x\n", encoding="utf-8")
    assert digest() != first


@pytest.mark.parametrize(
    "site_url, kept",
    [
        ("http://127.0.0.1:8000/", False),
        ("http://localhost:8000/docs/", False),
        ("http://[::1]:8000/", False),
        ("https://fork.example.org/llm-roadmap/", True),
        ("http://192.168.1.20:8000/", True),  # reachable from another device on the network
    ],
)
def test_a_loopback_site_url_is_left_out_of_the_copy(site_url: str, kept: bool) -> None:
    env = published_environment({"SITE_URL": site_url, "PATH": "/bin"})
    assert env.get("SITE_URL") == (site_url if kept else None) and env["PATH"] == "/bin"


def test_the_zip_is_built_once_then_reused_until_an_input_changes(project: Path, tmp_path: Path) -> None:
    cache, config = tmp_path / "cache", project / "mkdocs.yml"
    state = {"digest": "a"}
    archive = cached_zip(cache, lambda: state["digest"], config, {})
    with zipfile.ZipFile(archive) as opened:
        assert f"{ARCHIVE_FOLDER}/index.html" in opened.namelist()
        assert "https://example.org/tiny/" in opened.read(f"{ARCHIVE_FOLDER}/index.html").decode()
    assert archive == cache / ZIP_NAME and (cache / "inputs.sha256").read_text(encoding="utf-8") == "a\n"
    built = archive.stat().st_mtime_ns, archive.stat().st_ino
    assert cached_zip(cache, lambda: state["digest"], config, {}) == archive
    assert (archive.stat().st_mtime_ns, archive.stat().st_ino) == built  # reused, not rebuilt
    state["digest"] = "b"
    cached_zip(cache, lambda: state["digest"], config, {})
    assert archive.stat().st_ino != built[1] and (cache / "inputs.sha256").read_text(encoding="utf-8") == "b\n"
    assert sorted(p.name for p in cache.iterdir()) == ["inputs.sha256", ZIP_NAME]  # nothing left behind


def test_a_zip_built_while_inputs_changed_is_served_but_not_kept_as_current(project: Path, tmp_path: Path) -> None:
    answers = iter(["before", "during"])
    archive = cached_zip(tmp_path / "cache", lambda: next(answers), project / "mkdocs.yml", {})
    assert archive.is_file() and not (tmp_path / "cache" / "inputs.sha256").exists()


def test_a_failed_build_says_why(project: Path, tmp_path: Path) -> None:
    (project / "mkdocs.yml").write_text(CONFIG.replace("theme: mkdocs", "theme: no-such-theme"), encoding="utf-8")
    with pytest.raises(BuildFailed, match="no-such-theme"):
        cached_zip(tmp_path / "cache", lambda: "a", project / "mkdocs.yml", {})
    assert not (tmp_path / "cache" / ZIP_NAME).exists()
