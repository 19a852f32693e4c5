"""Stylesheets keep every rule a page or script can use, and lose the rest
(scripts/site/css_prune.py, run on every build by overrides/hooks/stylesheets.py)."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.site.css_prune import Known, _Pages, can_match, compact, drop_unread_properties, prune, rules, scripts, split_list
from tests.conftest import Build


def known(html: str = "", js: str = "") -> Known:
    found = Known()
    _Pages(found).feed(html)
    scripts(js, found)
    return found


PAGE = '<html><body class="md-typeset" data-md-color-primary="indigo"><div class="admonition tip" id="top">x</div></body></html>'


def test_a_rule_goes_only_when_something_it_names_is_nowhere() -> None:
    site = known(PAGE)
    assert can_match(".md-typeset .admonition.tip", site) and can_match("#top > a:hover", site)
    assert not can_match(".md-typeset .admonition.note", site)  # no page has a note
    assert not can_match("#nowhere", site) and not can_match("[data-md-color-primary=red] a", site)
    assert can_match("[data-md-color-primary=indigo]", site) and can_match('[data-md-color-primary="indigo"]', site)
    assert can_match("a:not(.nowhere)", site)  # what :not() names is never looked at
    assert can_match("html, body", site)


def test_names_a_script_gives_are_kept_and_those_it_looks_for_are_not() -> None:
    site = known(
        PAGE,
        'el.classList.add("md-tooltip2 is-on"); x.innerHTML = \'<p class="rm-made">\'; '
        'document.querySelector(".tabbed-set"); say("Not quite: the note is wrong"); `md-tag--${kind}`',
    )
    assert can_match(".md-tooltip2.is-on", site) and can_match(".rm-made", site)
    assert can_match(".md-tag--python", site)  # a class built from a template's prefix
    assert not can_match(".tabbed-set", site)  # only looked for
    assert not can_match(".note", site)  # a word of a message


def test_what_material_draws_only_on_demand_goes_unless_a_page_asks_for_it() -> None:
    script = 'x("aside",{class:"md-annotation"}); x("div",{class:"md-version"})'
    config = '<script id="__config" type="application/json">{"annotate": null, "features": ["content.tooltips"]}</script>'
    site = known(PAGE + config, script)
    assert not can_match(".md-annotation", site) and not can_match(".md-version", site)
    asked = known(
        PAGE.replace('"admonition tip"', '"admonition tip annotate"') + config.replace("{", '{"version": {"provider": "mike"}, ', 1), script
    )
    assert can_match(".md-annotation", asked) and can_match(".md-version", asked)
    featured = known(PAGE + config.replace('"content.tooltips"', '"content.code.annotate"'), script)
    assert can_match(".md-annotation", featured)


def test_prune_keeps_order_groups_and_statements_and_drops_empty_groups() -> None:
    css = (
        '@charset "UTF-8";/* a comment */\n.tip { color : red ;\n  margin: 0 }\n.note{color:blue}\n@media (min-width: 10em) { .note { x: 1 } }\n'
        '@media print { .tip, .note { content: "a  b" } }\n@keyframes spin { to { transform: rotate(1turn) } }'
    )
    out = prune(css, known(PAGE))
    assert (
        out
        == '@charset "UTF-8";.tip{color : red;margin: 0}@media print{.tip{content: "a  b"}}@keyframes spin{to{transform: rotate(1turn)}}'
    )


def test_custom_properties_nothing_reads_are_dropped() -> None:
    sheets = {"a.css": ":root{--used:1px;--unused:2px;--chain:3px;--via-chain:var(--chain);--from-js:0}.tip{margin:var(--used)}"}
    out = drop_unread_properties(sheets, known(PAGE, 'el.style.setProperty("--from-js", 1)'))
    assert out == {"a.css": ":root{--used:1px;--from-js:0}.tip{margin:var(--used)}"}


def test_reading_a_stylesheet() -> None:
    assert [r.prelude for r in rules('a{b:"}"}/* } */c{d:e}@import "x.css";')] == ["a", "c", '@import "x.css"']
    assert split_list('a, b:is(c, d), [title="x, y"]') == ["a", "b:is(c, d)", '[title="x, y"]']
    assert compact("  color: red ;  /* why */ content: 'a ; b' ; ") == "color: red;content: 'a ; b'"


# ---------- in the built site ----------


def selectors(css: str) -> set[str]:
    found: set[str] = set()
    for rule in rules(css):
        if rule.body is None:
            continue
        if rule.prelude.startswith("@media") or rule.prelude.startswith("@supports"):
            found |= selectors(rule.body)
        elif not rule.prelude.startswith("@"):
            found |= {" ".join(s.split()) for s in split_list(rule.prelude)}
    return found


def test_every_rule_for_what_the_pages_hold_is_kept(site: Build) -> None:
    """Against Material's own stylesheet: a selector whose classes and ids all occur on a built page
    is still there, and the stylesheet every page loads is at most two thirds of what it was."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    pages = known("".join(p.read_text(encoding="utf-8") for p in sorted(site.site.rglob("*.html"))))
    checked = 0
    for original in sorted(theme.glob("*.min.css")):
        built = site.site / "assets" / "stylesheets" / original.name
        source, shipped = original.read_text(encoding="utf-8"), built.read_text(encoding="utf-8")
        kept = selectors(shipped)
        for selector in selectors(source):
            plain = re.sub(r":(not|is|where|has)\([^)]*\)", "", selector)
            if "[" in plain or "\\" in plain:
                continue
            classes, ids = re.findall(r"\.(-?[A-Za-z_][\w-]*)", plain), re.findall(r"#(-?[A-Za-z_][\w-]*)", plain)
            if set(classes) <= pages.classes and set(ids) <= pages.ids:
                assert " ".join(selector.split()) in kept, (original.name, selector)
                checked += 1
        assert len(shipped) < 0.67 * len(source), original.name
    assert checked >= 100  # the check saw Material's rules for the header, nav, search, typeset...
    ours = (site.site / "assets" / "stylesheets" / "roadmap.css").read_text(encoding="utf-8")
    assert "/*" not in ours and ".rm-done" in ours
