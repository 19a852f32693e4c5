"""Bytes are deterministic, so the first-load budgets are a test, not a benchmark."""

from __future__ import annotations

from collections import Counter

from scripts.content.project import chapters
from scripts.site.page_weight import BUDGETS, OVER_BUDGET, budget, first_load, kind, search_index_size
from scripts.site.whitespace import squeeze
from tests.conftest import Build


def test_first_load_of_every_page_fits_its_budget(site: Build) -> None:
    weights = {w.page: w for w in (first_load(site.site, page) for page in sorted(site.site.rglob("*.html")))}
    kinds = Counter(kind(page) for page in weights)
    assert kinds["home"] == 1 and kinds["chapter"] == len(chapters()) >= 23 and kinds["reference"] == 2
    over = {page: (w.total, budget(page)) for page, w in weights.items() if w.total > budget(page)}
    assert over == {}
    # An allowance a chapter no longer needs is removed, so the chapter budget holds for it again.
    assert [name for name in OVER_BUDGET if weights[f"{name}/index.html"].total <= BUDGETS["chapter"]] == []
    assert all(kind(f"{name}/index.html") == "chapter" and limit > BUDGETS["chapter"] for name, limit in OVER_BUDGET.items())
    # The budget covers the page and what it loads: the theme's bundle must be counted, on the 404
    # page too, whose links start at the site's root so that it works at any depth.
    for page in ("index.html", "404.html"):
        assert any(name.startswith("assets/javascripts/bundle.") for name in weights[page].files), page
        assert any(name.startswith("assets/stylesheets/main.") for name in weights[page].files), page


def test_budgets_by_kind_of_page() -> None:
    assert kind("index.html") == "home" and kind("rag/index.html") == kind("rag.html") == "chapter"
    assert kind("glossary/index.html") == "reference" and kind("start-here/index.html") == "page"
    assert kind("whole-roadmap/index.html") == "print" and budget("whole-roadmap.html") == BUDGETS["print"]
    assert budget("index.html") <= 95_000 and budget("python/index.html") <= 95_000 and budget("glossary.html") <= 100_000


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


def test_indentation_between_tags_goes_and_nothing_else() -> None:
    html = "<div>\n    <p>a\n   b</p>\n  <i>x</i> <b>y</b>\n<pre>\n  <b>x</b>\n  </pre><code>x\n  </code>\n  <kbd>k\n  </kbd>\n</div>"
    assert (
        squeeze(html) == "<div>\n<p>a\n   b</p>\n<i>x</i> <b>y</b>\n<pre>\n  <b>x</b>\n  </pre><code>x\n  </code>\n<kbd>k\n  </kbd>\n</div>"
    )
    script = "<script>\n  var a = `\n  <b>`;\n</script>"
    assert squeeze(script) == script


def test_built_pages_carry_no_indentation_between_tags(site: Build) -> None:
    pages = sorted(site.site.rglob("*.html"))
    assert [page for page in pages if squeeze(html := page.read_text(encoding="utf-8")) != html] == []
    home = (site.site / "index.html").read_text(encoding="utf-8")
    assert "\n    <" not in home.split("<body", 1)[1].split("<script", 1)[0]
