"""Bytes are deterministic, so the first-load budget is a test, not a benchmark."""

from __future__ import annotations

from scripts.site.page_weight import BUDGET_BYTES, PRINT_PAGE, budget, first_load, search_index_size
from tests.conftest import Build


def test_first_load_of_every_page_fits_the_budget(site: Build) -> None:
    pages = sorted(site.site.rglob("*.html"))
    weights = [first_load(site.site, page) for page in pages]
    assert len(weights) >= 25
    over = {w.page: w.total for w in weights if w.total > budget(w.page)}
    assert over == {}
    assert max(w.total for w in weights if w.page != PRINT_PAGE) <= BUDGET_BYTES < budget(PRINT_PAGE)
    home = next(w for w in weights if w.page == "index.html")
    # The budget covers the page and what it loads: the theme's bundle must be counted.
    assert any(name.startswith("assets/javascripts/bundle.") for name in home.files)
    assert any(name.startswith("assets/stylesheets/main.") for name in home.files)


def test_search_index_is_measured(site: Build) -> None:
    raw, compressed = search_index_size(site.site)
    assert 0 < compressed < raw


def test_our_scripts_reach_readers_minified(site: Build) -> None:
    from scripts.paths import DOCS

    sources = sorted((DOCS / "assets" / "javascripts").glob("*.js"))
    assert len(sources) >= 6
    for source in sources:
        shipped = (site.site / "assets" / "javascripts" / source.name).read_text(encoding="utf-8")
        assert "/*" not in shipped and len(shipped) < 0.8 * len(source.read_text(encoding="utf-8")), source.name
