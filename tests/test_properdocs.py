"""The site is built, served and tested with ProperDocs (the maintained continuation of MkDocs
1.x): builds go through it, nothing of ours calls or imports the `mkdocs` package (installed
only because Material and mkdocs-redirects require it), and no notice needs silencing. Also the
report the Zensical CI job prints (scripts/site/engine_diff.py)."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.site.engine_diff import marks, report
from tests.conftest import ROOT, build_site, small_project


def pinned(package: str) -> str:
    [version] = re.findall(rf"^{re.escape(package)}==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.MULTILINE)
    return version


def test_the_tests_build_with_properdocs_and_no_mkdocs_2_notice_shows(tmp_path: Path) -> None:
    """The builds every site test reads come from conftest's build_site. Material's generator tag
    names the engine that rendered the page: "mkdocs-1.6.1" from MkDocs, "mkdocs-ProperDocs 1.6.7"
    from ProperDocs. build_site runs without the variables that silence Material's end-of-life
    notice and ProperDocs' "MkDocs 2.0" notice, and neither is printed."""
    project = small_project(tmp_path / "project", "site_name: Engine\ntheme: {name: material, font: false}\n", {"index.md": "# Home\n"})
    built = build_site(tmp_path / "site", project / "mkdocs.yml")
    assert built.returncode == 0, built.log
    [generator] = re.findall(r'<meta name="generator" content="([^"]*)">', (built.site / "index.html").read_text(encoding="utf-8"))
    assert generator.startswith(f"mkdocs-ProperDocs {pinned('properdocs')}, mkdocs-material-"), generator
    for notice in ("end of life", "MkDocs may break support", "NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING"):
        assert notice not in built.log, built.log


# What would run the `mkdocs` package: its CLI, or an import (outside ProperDocs' own `mkdocs.*`
# alias, an import gets the abandoned package, whose classes are not the build's).
MKDOCS_CLI = re.compile(r"-m\s+mkdocs\b|\bbin/mkdocs\b|(?<![\w./-])mkdocs\s+(?:build|serve|gh-deploy|get-deps)\b")
MKDOCS_IMPORT = re.compile(r"^\s*(?:from\s+mkdocs[.\s]|import\s+mkdocs\b)", re.MULTILINE)
NOTICE_SWITCH = re.compile(r"\b(?:NO|DISABLE)_MKDOCS_2_WARNING\b")


def our_files() -> list[Path]:
    patterns = ["scripts/**/*.py", "scripts/**/*.sh", "overrides/**/*.py", "overrides/**/*.html", "tests/**/*.py", ".github/workflows/*.yml"]
    files = [path for pattern in patterns for path in ROOT.glob(pattern)]
    files += [ROOT / name for name in (".ci/run", "README.md", "CONTRIBUTING.md", "pyproject.toml", ".pre-commit-config.yaml")]
    return sorted(path for path in files if path.is_file() and path != Path(__file__).resolve())


def test_nothing_of_ours_runs_the_mkdocs_package_or_silences_its_notices() -> None:
    found: list[str] = []
    for path in our_files():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        found += [f"{name}: runs `{m[0]}`" for m in MKDOCS_CLI.finditer(text)]
        found += [f"{name}: imports `{m[0].strip()}`" for m in MKDOCS_IMPORT.finditer(text)]
        if name != "tests/conftest.py":  # it names the switches to build without them
            found += [f"{name}: sets {m[0]}" for m in NOTICE_SWITCH.finditer(text)]
    assert found == []


def test_the_scan_finds_what_it_looks_for() -> None:
    assert MKDOCS_CLI.search(".venv/bin/python -m mkdocs build --strict") and MKDOCS_CLI.search("run `mkdocs serve` first")
    assert not MKDOCS_CLI.search(".venv/bin/python -m properdocs build --config-file mkdocs.yml")
    assert MKDOCS_IMPORT.search("from mkdocs.config.defaults import MkDocsConfig") and MKDOCS_IMPORT.search("    import mkdocs\n")
    assert not MKDOCS_IMPORT.search("from properdocs.structure.pages import Page")


def test_properdocs_is_the_engine_the_requirements_name_first() -> None:
    lines = [line for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert lines[0] == f"properdocs=={pinned('properdocs')}"


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_engine_diff_names_missing_pages_and_features() -> None:
    assert marks('<li class="rm-entry md-x" data-rm-id="a" data-rm-quiz-count="3"><p class="rm-quiz__answer">') == {
        "rm-entry", "rm-quiz", "data-rm-id", "data-rm-quiz",
    }


def test_engine_diff_reports_pages_and_marks_that_differ(tmp_path: Path) -> None:
    ours = write_site(tmp_path / "ours", {
        "index.html": '<ul><li class="rm-entry" data-rm-id="a">A</li></ul>',
        "whats-new/index.html": "<p>news</p>",
        "map/index.html": '<svg class="rm-map__svg"></svg>',
    })
    other = write_site(tmp_path / "other", {"index.html": "<ul><li>A</li></ul>", "map/index.html": '<svg class="rm-map"></svg>'})
    lines = report(ours, other)
    assert lines[0] == "## How the Zensical build differs from the ProperDocs build"
    assert "- Pages only ProperDocs writes (1): `whats-new/index.html`" in lines
    assert "- Pages only Zensical writes (0): none" in lines
    assert "- Site features on the 2 pages both wrote: 2 differ" in lines
    assert "  - `rm-entry`: on 1 page(s) with ProperDocs, 0 with Zensical" in lines
    assert "  - `data-rm-id`: on 1 page(s) with ProperDocs, 0 with Zensical" in lines
    assert not any("rm-map" in line for line in lines)  # the same feature on both builds' map page
    assert report(ours, ours)[-1] == "- Site features on the 3 pages both wrote: the same marks on the same number of pages"
