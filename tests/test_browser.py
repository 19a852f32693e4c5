"""The reader's features, proven in headless Chromium over a loopback server and from disk."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from scripts.content.entries import parse_file
from scripts.content.project import chapters
from tests.conftest import ROOT, Build

CHAPTERS = chapters()
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SEARCHES = {"LoRA": "Supervised fine-tuning", "attention": "Transformer architecture", "Chinchilla": "Pre-training"}


class Requests:
    """Every URL a browser context asked for."""

    def __init__(self, context: BrowserContext) -> None:
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def foreign(self, allowed: tuple[str, ...]) -> list[str]:
        return [u for u in self.urls if not u.startswith(allowed) and not u.startswith(("data:", "blob:", "about:"))]


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield created
    created.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def chapter_url(server, chapter) -> str:
    return server.url + chapter.slug + "/"


def expect_search_finds(page: Page, query: str, chapter_title: str) -> None:
    """Type the query and wait until the chapter is among the results. Each keystroke runs a
    search of its own, so results for a shorter prefix can show first: wait for the final ones."""
    field = page.locator(".md-search__input")
    field.click()
    field.fill("")
    field.press_sequentially(query)
    titles = page.locator(".md-search-result__item .md-search-result__article h1")
    expect(titles.filter(has_text=chapter_title).first).to_be_visible(timeout=30_000)  # file:// search indexes on the main thread


def axe_findings(page: Page, scope: str = "document", impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations on the page as it stands, "id (impact)", of the impacts asked for."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(f"axe.run({scope}, {{resultTypes: ['violations']}})")
    return [f"{v['id']} ({v['impact']})" for v in result["violations"] if v["impact"] in impacts]


# ---------- online ----------


def test_navigation_from_home_card_to_chapter_and_back(page: Page, server) -> None:
    requests = Requests(page.context)
    page.goto(server.url)
    page.locator(".rm-card__link", has_text="Transformer architecture").click()
    expect(page.locator("article h1")).to_contain_text("Transformer architecture")
    assert page.url == server.url + "transformer/"
    page.locator(".md-footer__link--next").click()
    expect(page.locator("article h1")).to_contain_text("Pre-training")
    assert requests.foreign((server.url,)) == []


@pytest.mark.parametrize("query, chapter_title", SEARCHES.items())
def test_search_online_finds_the_right_chapter(page: Page, server, query: str, chapter_title: str) -> None:
    page.goto(server.url)
    expect_search_finds(page, query, chapter_title)
    highlighted = page.locator(".md-search-result mark")
    assert query.lower() in [t.lower() for t in highlighted.all_inner_texts()]


def test_progress_persists_across_reloads_and_pages(page: Page, server) -> None:
    transformer = next(c for c in CHAPTERS if c.slug == "transformer")
    total = len(parse_file(transformer.source).resources)
    page.goto(chapter_url(server, transformer))
    boxes = page.locator("input.rm-done")
    expect(boxes).to_have_count(total)
    expect(page.locator(".rm-progress__label")).to_have_text(f"0 of {total} done")
    boxes.nth(0).check()
    boxes.nth(2).press("Space")  # keyboard operable
    expect(page.locator(".rm-progress__label")).to_have_text(f"2 of {total} done")
    page.reload()
    expect(page.locator(".rm-progress__label")).to_have_text(f"2 of {total} done")
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    page.goto(server.url)
    card = page.locator(f'[data-rm-chapter="{transformer.slug}/"]')
    expect(card.locator(".rm-card__progress")).to_have_text(f"2 of {total} done")
    expect(page.locator(".rm-progress-panel__total")).to_contain_text("You have done 2 of")


def test_progress_ignores_removed_resources(page: Page, server) -> None:
    page.goto(server.url)
    stale = {"format": "llm-roadmap-progress", "version": 1, "done": {"r0000000000": "2026-01-01T00:00:00Z"}}
    page.evaluate("value => localStorage.setItem('llm-roadmap.progress.v1', value)", json.dumps(stale))
    page.reload()
    expect(page.locator(".rm-progress-panel__total")).to_contain_text("You have done 0 of")


def test_checkboxes_are_labelled(page: Page, server) -> None:
    page.goto(server.url + "rag/")
    first = parse_file(next(c for c in CHAPTERS if c.slug == "rag").source).resources[0]
    expect(page.get_by_role("checkbox", name=f"Mark \u201c{first.title}\u201d as done")).to_have_count(1)


def test_export_reset_import_round_trip(page: Page, server, tmp_path: Path) -> None:
    page.goto(server.url + "agents/")
    page.locator("input.rm-done").nth(1).check()
    page.goto(server.url)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download_info.value.save_as(exported)
    saved = json.loads(exported.read_text(encoding="utf-8"))
    assert saved["format"] == "llm-roadmap-progress" and len(saved["done"]) == 1

    page.get_by_role("button", name="Reset progress", exact=True).click()
    page.get_by_role("button", name="Reset everything").click()
    expect(page.locator(".rm-progress-panel__total")).to_contain_text("You have done 0 of")

    page.locator(".rm-progress-panel input[type=file]").set_input_files(str(exported))
    expect(page.locator(".rm-progress-panel__status")).to_have_text("Imported 1 completed resources, 0 quiz answers and 0 passed exercises.")
    page.goto(server.url + "agents/")
    assert page.locator("input.rm-done").nth(1).is_checked()


def test_import_rejects_a_foreign_file(page: Page, server, tmp_path: Path) -> None:
    page.goto(server.url)
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"hello": "world"}', encoding="utf-8")
    page.locator(".rm-progress-panel input[type=file]").set_input_files(str(bogus))
    expect(page.locator(".rm-progress-panel__status")).to_contain_text("not an LLM Roadmap progress export")


def visible_types_and_levels(page: Page) -> set[tuple[str, str]]:
    entries = page.locator("li.rm-entry:visible")
    return {(e.get_attribute("data-rm-type"), e.get_attribute("data-rm-level")) for e in entries.all()}


def test_filters_combine_and_live_in_the_url(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    page.locator('[data-rm-filter="type:paper"]').click()
    assert {t for t, _ in visible_types_and_levels(page)} == {"paper"}
    assert urlsplit(page.url).query == "type=paper"
    page.locator('[data-rm-filter="type:video"]').click()
    page.locator('[data-rm-filter="level:in-depth"]').click()
    shown = visible_types_and_levels(page)
    assert shown and {t for t, _ in shown} <= {"paper", "video"} and {lvl for _, lvl in shown} == {"in-depth"}
    assert urlsplit(page.url).query == "type=paper,video&level=in-depth"
    expect(page.locator(".rm-filters__summary")).to_contain_text(f"Showing {len(page.locator('li.rm-entry:visible').all())} of")

    shared = server.url + "transformer/?type=video&level=high-level"
    page.goto(shared)
    assert visible_types_and_levels(page) == {("video", "high-level")}
    expect(page.locator('[data-rm-filter="type:video"]')).to_have_attribute("aria-pressed", "true")


def visible_years(page: Page) -> list[str]:
    return page.eval_on_selector_all("li.rm-entry:not([hidden])", "els => els.map(e => e.getAttribute('data-rm-year') || '')")


def test_published_since_filter_combines_with_type_and_lives_in_the_url(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    every = visible_years(page)
    assert "" in every and any(year and year < "2025" for year in every), "the chapter mixes old, recent and undated entries"
    page.locator('[data-rm-filter="since:2025"]').click()
    recent = visible_years(page)
    assert recent and all(year == "" or year >= "2025" for year in recent) and len(recent) < len(every)
    assert urlsplit(page.url).query == "since=2025"
    expect(page.locator(".rm-filters__summary")).to_contain_text("Undated ones")
    page.locator('[data-rm-filter="type:video"]').click()
    assert urlsplit(page.url).query == "type=video&since=2025"
    assert {t for t, _ in visible_types_and_levels(page)} == {"video"}

    page.goto(server.url + "transformer/?since=2025&type=video")
    assert visible_years(page) and all(year == "" or year >= "2025" for year in visible_years(page))
    expect(page.locator('[data-rm-filter="since:2025"]')).to_have_attribute("aria-pressed", "true")
    page.locator('[data-rm-filter="since:2026"]').click()  # one year at a time
    expect(page.locator('[data-rm-filter="since:2025"]')).to_have_attribute("aria-pressed", "false")
    page.locator('[data-rm-filter="since:2026"]').click()  # pressed again: off
    assert urlsplit(page.url).query == "type=video"


def test_what_was_added_since_the_last_visit_is_marked(context: BrowserContext, server) -> None:
    """A reader who last came on 1 November 2026 sees marks on entries added after that day, on
    the chapter and counted on the home page; the next visit compares against today."""
    context.add_init_script("if (!sessionStorage.getItem('seeded')) { localStorage.setItem('llm-roadmap.last-visit.v1', '2026-11-01'); sessionStorage.setItem('seeded', '1'); }")
    page = context.new_page()
    page.goto(server.url + "reasoning-models/")
    added = page.eval_on_selector_all("li.rm-entry", "els => els.map(e => e.getAttribute('data-rm-added') || '')")
    expected = sum(1 for day in added if day > "2026-11-01")
    assert expected > 0, "entries of a chapter added after the first release carry the day they were added"
    expect(page.locator(".rm-since-visit")).to_have_count(expected)
    page.goto(server.url)
    expect(page.locator(".rm-since-visit-banner__count")).to_contain_text("added since your last visit on 2026-11-01")
    card = page.locator('[data-rm-chapter="reasoning-models/"] .rm-card__since-visit')
    expect(card).to_have_text(f"{expected} added since your last visit")
    assert page.evaluate("localStorage.getItem('llm-roadmap.last-visit.v1')") > "2026-11-01"

    fresh = context.browser.new_context()  # a first visit: nothing to compare against
    first = fresh.new_page()
    first.goto(server.url + "reasoning-models/")
    expect(first.locator("li.rm-entry").first).to_be_visible()
    expect(first.locator(".rm-since-visit")).to_have_count(0)
    fresh.close()


def test_without_javascript_every_resource_is_visible(browser: Browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "transformer/?type=video")
    total = len(parse_file(next(c for c in CHAPTERS if c.slug == "transformer").source).resources)
    expect(page.locator("li.rm-entry:visible")).to_have_count(total)
    assert page.locator(".rm-filters, input.rm-done").count() == 0
    context.close()


def test_dark_mode_toggle_persists(page: Page, server) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(server.url)
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    assert scheme() == "default"
    for _ in range(2):  # system -> light -> dark
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert scheme() == "slate"
    page.goto(server.url + "rag/")
    assert scheme() == "slate"
    page.reload()
    assert scheme() == "slate"


def styled(page: Page) -> bool:
    return page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).position === 'sticky' && "
        "getComputedStyle(document.querySelector('.md-header')).backgroundColor !== 'rgba(0, 0, 0, 0)'"
    )


def test_404_page_is_styled_and_searches_from_the_server_at_any_depth(page: Page, server) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" and "404" not in message.text else None)
    failed: list[str] = []
    missing = server.url + "a/b/"
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 and response.url != missing else None)
    response = page.goto(missing)
    assert response is not None and response.status == 404
    expect(page.locator("article h1")).to_contain_text("Page not found")
    assert styled(page)
    expect_search_finds(page, "attention", "Transformer architecture")
    assert errors == [] and failed == []
    page.keyboard.press("Escape")
    page.get_by_role("link", name="Go to the home page").click()
    expect(page.locator("#rm-hero-title")).to_be_visible()


def test_print_hides_controls_and_prints_link_addresses(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    page.emulate_media(media="print")
    assert page.locator("input.rm-done").first.is_hidden()
    assert page.locator(".rm-filters").is_hidden()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('li.rm-entry a[href^=\"http\"]'), '::after').content"
    )
    assert "attr(href)" in after or "http" in after


def test_whole_roadmap_prints_to_a_pdf_with_every_chapter(page: Page, server) -> None:
    from pypdf import PdfReader

    page.goto(server.url + "whole-roadmap/")
    pdf = page.pdf(format="A4", print_background=False)
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    text = re.sub(r"\s+", " ", text)
    titles = [parse_title(c.source) for c in CHAPTERS]
    assert [t for t in titles if t not in text] == []
    assert "Mark \u201c" not in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_whole_roadmap_pdf_opens_with_its_contents_linked_to_every_chapter(page: Page, server, paper: str) -> None:
    """The first page is the title and the contents, every chapter numbered as on the map; each
    entry is a link inside the PDF to the page where its chapter starts, and the first chapter
    starts on page 2."""
    from pypdf import PdfReader

    page.goto(server.url + "whole-roadmap/")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=False)))
    texts = [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]
    titles = [parse_title(c.source) for c in CHAPTERS]
    assert "Contents" in texts[0]
    listed = re.findall(r"(\d+)\. ", texts[0].split("Contents", 1)[1])
    assert listed == [str(n) for n in range(1, len(titles) + 1)]  # every chapter on page 1, none spilled over
    assert [t for t in titles if t not in texts[0]] == []
    assert texts[1].startswith(titles[0])
    links = [a.get_object() for a in reader.pages[0].get("/Annots") or []]
    destinations = reader.named_destinations
    landing = [reader.get_destination_page_number(destinations[link["/Dest"]]) for link in links if "/Dest" in link]
    assert len(landing) == len(titles)
    assert [texts[n].startswith(title) for n, title in zip(landing, titles, strict=True)] == [True] * len(titles)
    assert landing == sorted(landing) and landing[0] == 1


def parse_title(path: Path) -> str:
    return re.search(r"^title: (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1).strip('"')


# ---------- offline, from disk ----------


def test_offline_download_works_under_the_local_server(browser: Browser, tmp_path: Path) -> None:
    """scripts/serve.sh, as the README runs it: the home page's "Download for offline reading"
    gives the offline copy (built on that first download, not at start-up), naming the published
    site rather than the loopback address; a second download is the cached zip."""
    import os
    import signal
    import socket
    import subprocess
    import time
    import urllib.request
    import zipfile

    from scripts.content.project import mkdocs_config

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url, cache = f"http://127.0.0.1:{port}/", tmp_path / "cache"
    env = {**os.environ, "SITE_URL": url, "OFFLINE_ZIP_CACHE": str(cache)}
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            ["bash", "scripts/serve.sh", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8")
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                time.sleep(0.5)
        assert not cache.exists()  # start-up built no zip
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.goto(url)
        downloads = []
        for attempt in range(2):
            with page.expect_download(timeout=180_000) as started:
                page.get_by_role("link", name="Download for offline reading").click()
            assert started.value.failure() is None, log.read_text(encoding="utf-8")
            downloads.append(tmp_path / f"download-{attempt}.zip")
            started.value.save_as(downloads[-1])
            if attempt == 0:
                first_build = (cache / "llm-roadmap-offline.zip").stat().st_ino
        context.close()
        assert (cache / "llm-roadmap-offline.zip").stat().st_ino == first_build  # the second came from the cache
        assert downloads[0].read_bytes() == downloads[1].read_bytes()
        with zipfile.ZipFile(downloads[0]) as archive:
            home = archive.read("llm-roadmap/index.html").decode()
        assert 'href="start-here.html"' in home  # the offline build: plain .html links, for file://
        assert f'<link rel="canonical" href="{mkdocs_config()["site_url"]}index.html">' in home and url not in home
    finally:
        os.killpg(server.pid, signal.SIGINT)  # serve.sh execs ProperDocs, which stops and removes its temporary site on Ctrl+C
        server.wait(timeout=30)


def test_offline_copy_navigates_searches_and_shows_figures_with_no_network(browser: Browser, offline_site: Build) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = Requests(context)
    page = context.new_page()
    page.goto((offline_site.site / "index.html").as_uri())
    page.locator(".rm-card__link", has_text="Retrieval-augmented generation").click()
    expect(page.locator("article h1")).to_contain_text("Retrieval-augmented generation")
    assert page.url.endswith("/rag.html")
    for query, chapter_title in SEARCHES.items():
        expect_search_finds(page, query, chapter_title), query
    for html in sorted(offline_site.site.glob("*.html")):
        page.goto(html.as_uri())
        # Figures load lazily: ask for every image now, then look for any that failed.
        broken = page.evaluate(
            "Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().catch(() => null); }))"
            ".then(() => [...document.images].filter(i => i.naturalWidth === 0).map(i => i.src))"
        )
        assert broken == [], html.name
    page.goto((offline_site.site / "404.html").as_uri())
    assert styled(page)
    assert requests.foreign(("file://",)) == []
    outside = [u for u in requests.urls if u.startswith("file://") and not u.startswith(offline_site.site.as_uri())]
    assert outside == []  # nothing asked from outside the unzipped folder
    context.close()


def test_offline_progress_works_from_disk(browser: Browser, offline_site: Build) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_site.site / "agents.html").as_uri())
    page.locator("input.rm-done").first.check()
    page.reload()
    assert page.locator("input.rm-done").first.is_checked()
    context.close()


# ---------- every page: accessibility and third parties ----------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_and_no_third_party_request(browser: Browser, site: Build, server, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    requests = Requests(context)
    page = context.new_page()
    pages = sorted({p.relative_to(site.site).as_posix().removesuffix("index.html") for p in site.site.rglob("*.html")})
    assert len(pages) >= 25
    problems: dict[str, list[str]] = {}
    for path in pages:
        page.goto(server.url + path)
        serious = axe_findings(page)
        if serious:
            problems[path] = serious
    assert problems == {}
    assert requests.foreign((server.url.split("/llm-roadmap")[0] + "/",)) == []
    context.close()


# ---------- the map ----------


def test_a_map_node_opens_its_chapter_online_and_from_disk(browser: Browser, server, offline_site: Build) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests = Requests(context)
    page = context.new_page()
    page.goto(server.url)
    page.locator('.rm-map__node[data-rm-map-chapter="rag"]').click()
    expect(page.locator("article h1")).to_contain_text("Retrieval-augmented generation")
    assert page.url == server.url + "rag/"
    page.goto(server.url + "map/")
    page.locator('.rm-map__node[data-rm-map-chapter="agents"]').click()
    assert page.url == server.url + "agents/"
    page.goto((offline_site.site / "index.html").as_uri())
    page.locator('.rm-map__node[data-rm-map-chapter="transformer"]').click()
    expect(page.locator("article h1")).to_contain_text("Transformer architecture")
    assert page.url.endswith("/transformer.html")
    assert requests.foreign((server.url, "file://")) == []
    context.close()


def test_ticking_a_resource_fills_its_chapters_node(page: Page, server) -> None:
    page.goto(server.url + "nlp/")
    page.locator("input.rm-done").first.check()
    total = len(parse_file(next(c for c in CHAPTERS if c.slug == "nlp").source).resources)
    for url in (server.url, server.url + "map/"):
        page.goto(url)
        node = page.locator('.rm-map__node[data-rm-map-chapter="nlp"]')
        expect(node).to_have_class(re.compile(r"rm-map__node--started"))
        assert int(node.locator(".rm-map__bar").get_attribute("width") or "0") > 0
        expect(node.locator("desc")).to_have_text(re.compile(rf" 1 of {total} resources done\.$"))
        untouched = page.locator('.rm-map__node[data-rm-map-chapter="agents"]')
        assert untouched.locator(".rm-map__bar").get_attribute("width") == "0"


def test_keyboard_reaches_every_node_with_a_visible_ring(page: Page, server) -> None:
    page.goto(server.url + "map/")
    nodes = page.locator(".rm-map__node")
    expect(nodes).to_have_count(len(CHAPTERS))
    page.locator(".rm-map__route").last.focus()  # the control just before the drawing
    reached = []
    for _ in range(len(CHAPTERS)):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('data-rm-map-chapter')"))
        ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('.rm-map__box')).strokeWidth")
        assert float(ring.removesuffix("px")) >= 3, ring  # thicker than the 1.5 of a box at rest
    assert reached == [c.slug for c in CHAPTERS]
    page.keyboard.press("Enter")
    expect(page.locator("article h1")).to_contain_text("Agents")


def test_choosing_a_path_highlights_its_route(page: Page, server) -> None:
    page.goto(server.url + "map/")
    button = page.locator(".rm-map__route", has_text="Practitioner's fast track")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    on_route = page.locator(".rm-map__node.is-on-route")
    route = button.get_attribute("data-rm-route-chapters").split()
    expect(on_route).to_have_count(len(route))
    assert "python" in route and "mathematics" not in route
    expect(page.locator('.rm-map__node[data-rm-map-chapter="python"]')).to_have_class(re.compile("is-skimmed"))
    # The route follows the drawn arrows; where the path skips a chapter (Pre-training, between the
    # Transformer and Supervised fine-tuning), it shows its own dashed connection, and only then.
    from scripts.content.chapter_map import build_graph, chapter_specs, route_links, transitive_reduction

    graph, _ = build_graph(chapter_specs())
    links = route_links(graph, route)
    lit = page.eval_on_selector_all(".rm-map__edges path.is-on-route", "els => els.map(e => [e.dataset.rmFrom, e.dataset.rmTo])")
    assert sorted(map(tuple, lit)) == sorted(links)
    skip = page.locator('.rm-map__skip[data-rm-from="transformer"][data-rm-to="fine-tuning"]')
    assert ("transformer", "fine-tuning") in links and ("transformer", "fine-tuning") not in transitive_reduction(graph)
    expect(skip).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.rm-map__skip.is-on-route')).strokeDasharray") != "none"
    button.click()  # off again
    expect(page.locator(".rm-map--route")).to_have_count(0)
    expect(skip).to_be_hidden()
    page.locator(".rm-map__route", has_text="The full path").click()  # takes every chapter: nothing to skip
    expect(page.locator(".rm-map__skip.is-on-route")).to_have_count(0)
    expect(page.locator(".rm-map__edges path.is-on-route")).to_have_count(len(transitive_reduction(graph)))


def test_the_map_prints_in_black_and_white(page: Page, server) -> None:
    page.goto(server.url + "map/")
    page.emulate_media(media="print")
    fill = page.evaluate("getComputedStyle(document.querySelector('.rm-map__node--part2 .rm-map__box')).fill")
    stroke = page.evaluate("getComputedStyle(document.querySelector('.rm-map__box')).stroke")
    assert fill == "rgb(255, 255, 255)" and stroke == "rgb(0, 0, 0)"
    assert page.locator(".rm-map__routes").is_hidden()
    assert page.locator(".rm-map__list").is_visible()  # the list prints even though its <details> is closed


# ---------- quizzes and progress that travels ----------


def answer(page: Page, question: int, right: bool, root: str = ".rm-quiz") -> None:
    item = page.locator(f"{root} .rm-quiz__question").nth(question)
    correct = int(item.get_attribute("data-rm-answer") or "0")
    item.locator("input[type=radio]").nth(correct if right else (correct + 1) % 3).check()


def test_a_self_check_scores_explains_and_persists(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    questions = page.locator(".rm-quiz__question")
    total = questions.count()
    assert 5 <= total <= 8
    answer(page, 0, right=True)
    answer(page, 1, right=False)
    expect(questions.nth(0).locator(".rm-quiz__feedback")).to_have_text("Right.")
    expect(questions.nth(1).locator(".rm-quiz__feedback")).to_contain_text("Not quite: the answer is")
    assert questions.nth(1).locator("details").get_attribute("open") is not None  # the explanation opens
    expect(page.locator(".rm-quiz__score")).to_have_text(f"1 of {total} right (2 of {total} answered)")
    page.reload()
    expect(page.locator(".rm-quiz__score")).to_have_text(f"1 of {total} right (2 of {total} answered)")
    assert questions.nth(0).locator("input[type=radio]:checked").count() == 1
    page.goto(server.url)
    expect(page.locator('[data-rm-quiz-key="transformer"] .rm-card__quiz')).to_have_text(f"Self-check: 1 of {total} right")


def test_every_question_works_from_the_keyboard(page: Page, server) -> None:
    page.goto(server.url + "nlp/")
    questions = page.locator(".rm-quiz__question")
    for index in range(questions.count()):
        questions.nth(index).locator("input[type=radio]").first.focus()
        page.keyboard.press("ArrowDown")  # moves between options: not an answer yet
        expect(questions.nth(index).locator(".rm-quiz__feedback")).to_have_text("")
        page.keyboard.press("Space" if index % 2 else "Enter")  # answers
        expect(questions.nth(index).locator(".rm-quiz__feedback")).not_to_have_text("")
    expect(page.locator(".rm-quiz__score")).to_contain_text(f"of {questions.count()} right")
    assert "answered" not in page.locator(".rm-quiz__score").inner_text()


def test_a_score_keeps_the_first_answer_and_later_choices_are_practice(page: Page, server) -> None:
    page.goto(server.url + "alignment/")
    questions = page.locator(".rm-quiz__question")
    total = questions.count()
    answer(page, 0, right=False)
    expect(page.locator(".rm-quiz__score")).to_have_text(f"0 of {total} right (1 of {total} answered)")
    answer(page, 0, right=True)  # after the answer was shown: practice
    expect(questions.nth(0).locator(".rm-quiz__feedback")).to_contain_text("Practice: right. Your scored answer stays")
    expect(page.locator(".rm-quiz__score")).to_have_text(f"0 of {total} right (1 of {total} answered)")
    page.goto(server.url)
    expect(page.locator('[data-rm-quiz-key="alignment"] .rm-card__quiz')).to_have_text(f"Self-check: 0 of {total} right")
    page.goto(server.url + "alignment/")
    page.get_by_role("button", name="Try again").click()
    expect(page.locator(".rm-quiz__score")).to_contain_text("A new attempt")
    answer(page, 0, right=True)
    expect(page.locator(".rm-quiz__score")).to_have_text(f"1 of {total} right (1 of {total} answered)")


def test_the_placement_quiz_recommends_a_path_and_marks_chapters_to_skim(page: Page, server) -> None:
    page.goto(server.url + "start-here/")
    questions = page.locator(".rm-quiz--placement .rm-quiz__question")
    chapters_asked = [questions.nth(i).get_attribute("data-rm-quiz-chapter") for i in range(questions.count())]
    for index, chapter in enumerate(chapters_asked):
        answer(page, index, right=chapter != "mathematics", root=".rm-quiz--placement")  # weak in maths only
    outcome = page.locator(".rm-quiz__outcome")
    expect(outcome).to_contain_text("Suggested path: ")
    # 6 of 8 foundation answers right, every core answer right: the researcher's path.
    expect(outcome.locator("a")).to_have_text("Researcher's path")
    expect(outcome).to_contain_text("You may skim: Python")
    assert "Mathematics" not in outcome.inner_text()
    expect(page.locator("tr", has=page.locator('a[href$="python/"]')).locator(".rm-skim-mark").first).to_be_visible()
    page.goto(server.url)
    expect(page.locator('[data-rm-quiz-key="python"] .rm-card__skim')).to_be_visible()
    expect(page.locator('[data-rm-quiz-key="mathematics"] .rm-card__skim')).to_be_hidden()
    expect(page.locator('.rm-map__node[data-rm-map-chapter="python"]')).to_have_class(re.compile("is-skim-suggested"))
    page.goto(server.url + "start-here/")
    page.get_by_role("button", name="Retake the placement quiz").click()
    expect(outcome).to_be_hidden()
    assert page.locator(".rm-skim-mark").count() == 0


def share_link(page: Page, server) -> str:
    page.goto(server.url)
    page.get_by_role("button", name="Continue on another device").click()
    expect(page.locator(".rm-share__qr svg")).to_be_visible()
    return page.locator("#rm-share-link").input_value()


@pytest.mark.parametrize("choice", ["merge", "replace"])
def test_the_share_link_carries_progress_and_quiz_results_to_a_fresh_browser(browser: Browser, server, choice: str) -> None:
    sender = browser.new_context()
    requests = Requests(sender)
    page = sender.new_page()
    page.goto(server.url + "agents/")
    page.locator("input.rm-done").nth(0).check()
    page.goto(server.url + "rag/")
    answer(page, 0, right=True)
    link = share_link(page, server)
    assert "#progress=" in link and link.startswith(server.url)
    assert requests.foreign((server.url,)) == []  # the QR code is drawn with no request to anyone
    sender.close()

    receiver = browser.new_context()  # a fresh profile, like another device
    other = receiver.new_page()
    other.goto(server.url + "python/")
    other.locator("input.rm-done").nth(2).check()  # progress of its own, which replace drops and merge keeps
    other.goto(link)
    expect(other.locator(".rm-shared")).to_contain_text("1 resource done, 1 quiz answers and")
    other.locator(f"[data-rm-action=shared-{choice}]").click()
    expect(other.locator(".rm-shared")).to_contain_text("Merged" if choice == "merge" else "Replaced")
    assert "#progress=" not in other.url
    expect(other.locator('[data-rm-quiz-key="rag"] .rm-card__quiz')).to_contain_text("Self-check: 1 of")
    expect(other.locator('[data-rm-chapter="agents/"] .rm-card__progress')).to_contain_text("1 of")
    expect(other.locator('[data-rm-chapter="python/"] .rm-card__progress')).to_contain_text("1 of" if choice == "merge" else "0 of")
    receiver.close()


def test_progress_from_older_versions_is_kept_and_counted(page: Page, server) -> None:
    page.goto(server.url)
    page.evaluate("""() => {
        const progress = {format: "llm-roadmap-progress", version: 1, done: {"r0000000000": "2026-01-01T00:00:00Z"}};
        localStorage.setItem("llm-roadmap.progress.v1", JSON.stringify(progress));
    }""")
    page.reload()
    expect(page.locator(".rm-progress-panel__older")).to_have_text("1 item from older versions of the roadmap is kept with your progress.")
    page.goto(server.url + "agents/")
    page.locator("input.rm-done").first.check()
    stored = page.evaluate("JSON.parse(localStorage.getItem('llm-roadmap.progress.v1')).done")
    assert "r0000000000" in stored  # never dropped silently


def test_quiz_print_view_has_an_answer_key(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    page.emulate_media(media="print")
    expect(page.locator(".rm-quiz__key")).to_be_visible()
    expect(page.locator(".rm-quiz__key")).to_contain_text("Answer key: 1")
    assert page.locator("details.rm-quiz__answer").first.is_hidden()
    page.goto(server.url + "whole-roadmap/")
    keys = page.locator(".rm-quiz__key")
    expect(keys).to_have_count(len(CHAPTERS))


def test_quizzes_work_from_disk(browser: Browser, offline_site: Build) -> None:
    context = browser.new_context()
    requests = Requests(context)
    page = context.new_page()
    page.goto((offline_site.site / "agents.html").as_uri())
    answer(page, 0, right=True)
    page.reload()
    expect(page.locator(".rm-quiz__score")).to_contain_text("1 of")
    page.goto((offline_site.site / "index.html").as_uri())
    expect(page.locator('[data-rm-quiz-key="agents"] .rm-card__quiz')).to_contain_text("Self-check: 1 of")
    page.get_by_role("button", name="Continue on another device").click()
    expect(page.locator(".rm-share__qr svg")).to_be_visible()
    assert requests.foreign(("file://",)) == []
    context.close()


def test_progress_follows_a_renamed_resource(page: Page, server, site: Build) -> None:
    """Ids of entries whose URL changed come from git history (window.rmAliases); with no rename
    in the history the test supplies one, and the same code runs."""
    home = (site.site / "index.html").read_text(encoding="utf-8")
    found = re.search(r"window\.rmAliases = (\{.*?\});</script>", home)
    aliases = json.loads(found.group(1)) if found else {"ids": {"r0000000001": "r0000000002"}}
    if not found:
        page.add_init_script(f"window.rmAliases = {json.dumps(aliases)};")
    old, new = next(iter(aliases["ids"].items()))
    page.goto(server.url)
    page.evaluate(f"""() => localStorage.setItem("llm-roadmap.progress.v1", JSON.stringify(
        {{format: "llm-roadmap-progress", version: 1, done: {{"{old}": "2026-01-01T00:00:00Z"}}}}))""")
    page.reload()
    page.get_by_role("button", name="Export progress")  # the panel is ready
    done = page.evaluate("window.rmProgress.load().done")
    assert done == {new: "2026-01-01T00:00:00Z"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_is_clean_with_answered_quizzes_and_the_share_panel_open(browser: Browser, server, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()

    page.goto(server.url + "start-here/")
    for index in range(page.locator(".rm-quiz--placement .rm-quiz__question").count()):
        answer(page, index, right=index % 2 == 0, root=".rm-quiz--placement")
    expect(page.locator(".rm-quiz__outcome")).to_be_visible()
    assert axe_findings(page) == []
    page.goto(server.url)
    page.get_by_role("button", name="Continue on another device").click()
    expect(page.locator(".rm-share__qr svg")).to_be_visible()
    assert axe_findings(page) == []
    context.close()


# ---------- Practice: exercises run in the page ----------

from scripts.exercises.catalog import load as load_exercises  # noqa: E402 - with the tests that use it

ATTENTION = next(e for e in load_exercises()[0] if e.id == "transformer/attention")


def first_exercise(page: Page):
    """The first exercise, with its editor: practice.js loads as the section comes near."""
    exercise = page.locator('.rm-exercise[data-rm-exercise="transformer/attention"]')
    page.locator("#practice").scroll_into_view_if_needed()
    expect(exercise.locator("textarea")).to_be_attached()
    return exercise


def run_and_wait(exercise, text: str) -> None:
    exercise.get_by_role("button", name="Run tests").click()
    expect(exercise.locator(".rm-exercise__status")).to_contain_text(text, timeout=60_000)  # the first run loads Python


def test_a_correct_solution_passes_every_test_and_counts_as_progress(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    exercise = first_exercise(page)
    exercise.locator("textarea").fill(ATTENTION.solution.text)
    run_and_wait(exercise, f"All {len(ATTENTION.test_names)} tests pass")
    expect(exercise.locator(".rm-exercise__test--passed")).to_have_count(len(ATTENTION.test_names))
    expect(exercise.locator(".rm-exercise__passed")).to_contain_text("Passed on")
    page.reload()  # the draft and the result stay
    expect(first_exercise(page).locator("textarea")).to_have_value(ATTENTION.solution.text)
    expect(first_exercise(page).locator(".rm-exercise__passed")).to_contain_text("Passed on")
    page.goto(server.url)
    in_chapter = sum(e.chapter == "transformer" for e in load_exercises()[0])
    expect(page.locator('[data-rm-quiz-key="transformer"] .rm-card__practice')).to_have_text(f"Practice: 1 of {in_chapter} passed")


def test_the_editor_loads_only_when_practice_comes_near(page: Page, server) -> None:
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.url.endswith("practice.js") else None)
    page.goto(server.url + "transformer/")
    page.wait_for_load_state("networkidle")
    assert scripts == []  # not on the first load
    first_exercise(page)
    assert len(scripts) == 1
    page.goto(server.url)  # a page without Practice
    page.wait_for_load_state("networkidle")
    assert len(scripts) == 1


def test_a_wrong_solution_shows_the_failing_test_and_its_message(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    exercise = first_exercise(page)
    exercise.locator("textarea").fill(ATTENTION.mistakes[0].code.text)  # forgets the 1/sqrt(d) scale
    run_and_wait(exercise, f"{len(ATTENTION.test_names) - 1} of {len(ATTENTION.test_names)} tests pass")
    failed = exercise.locator(".rm-exercise__test--failed")
    expect(failed).to_have_count(1)
    expect(failed).to_contain_text("test_scores_are_scaled_by_sqrt_d")
    expect(failed).to_contain_text("divide the scores by sqrt(d)")
    expect(exercise.locator(".rm-exercise__passed")).to_be_hidden()


def test_a_loop_that_never_ends_is_stopped_and_the_page_keeps_working(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    exercise = first_exercise(page)
    exercise.locator("textarea").fill("def softmax(scores):\n    while True:\n        pass\n\n\ndef attention(q, k, v, causal=False):\n    return softmax(q)\n")
    run_and_wait(exercise, "Stopped after 10 seconds")
    assert page.evaluate("1 + 1") == 2  # the page's thread answers
    exercise.locator("textarea").fill(ATTENTION.solution.text)
    run_and_wait(exercise, "All")  # a new worker took the stopped one's place
    exercise.locator("textarea").fill("def softmax(scores):\n    while True:\n        pass\n")
    exercise.get_by_role("button", name="Run tests").click()
    exercise.get_by_role("button", name="Stop").click()
    expect(exercise.locator(".rm-exercise__status")).to_have_text("Stopped.")
    expect(exercise.get_by_role("button", name="Run tests")).to_be_enabled()


def test_the_editor_works_from_the_keyboard(page: Page, server) -> None:
    page.goto(server.url + "transformer/")
    editor = first_exercise(page).get_by_label(re.compile("Your code for"))
    editor.fill("")
    editor.press("Tab")
    editor.press_sequentially("x")
    expect(editor).to_have_value("    x")
    editor.press("Escape")
    expect(first_exercise(page).get_by_role("button", name="Run tests")).to_be_focused()


def test_practice_from_disk_explains_the_two_ways_that_work(browser: Browser, offline_site: Build) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_site.site / "transformer.html").as_uri())
    exercise = first_exercise(page)
    exercise.get_by_role("button", name="Run tests").click()
    status = exercise.locator(".rm-exercise__status")
    expect(status).to_contain_text("Browsers do not run Python from a page opened from disk")
    expect(status).to_contain_text("python -m http.server")
    expect(status.get_by_role("link", name="download attention.py")).to_have_attribute("download", "attention.py")
    context.close()


def test_without_javascript_the_statement_starter_and_download_are_there(browser: Browser, server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "transformer/")
    exercise = page.locator('.rm-exercise[data-rm-exercise="transformer/attention"]')
    expect(exercise.locator("pre.rm-exercise__starter")).to_contain_text("def attention(")
    expect(exercise.get_by_role("link", name="Download attention.py")).to_be_visible()
    expect(exercise).to_contain_text("A decoder-only model")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_practice_after_a_run(browser: Browser, server, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server.url + "transformer/")
    exercise = first_exercise(page)
    exercise.locator("textarea").fill(ATTENTION.mistakes[0].code.text)
    run_and_wait(exercise, "tests pass")
    # Material's copy button sits in an unnamed <nav> on every code block (a moderate
    # landmark-unique finding on any page with two); it is the theme's, not Practice's.
    every = ("critical", "serious", "moderate", "minor")
    assert axe_findings(page, "{include: [['.rm-exercise']], exclude: [['.md-code__nav']]}", every) == []
    context.close()


# ---------- untrusted progress: links, a corrupt store, storage that refuses ----------


def fragment(payload: dict) -> str:
    import base64

    return "j." + base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def test_a_malformed_progress_link_changes_nothing_and_says_so(page: Page, server) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "rag/")
    answer(page, 0, right=True)
    before = page.evaluate("localStorage.getItem('llm-roadmap.progress.v1')")
    bad = {"d": ["zzzzzzz", {"x": 1}], "q": {"rag": "boom", "transformer": {"answers": "x"}}, "p": {"skim": "everything"}}
    page.goto(server.url + "#progress=" + fragment(bad))
    expect(page.locator(".rm-shared")).to_have_text("This link's progress could not be read; nothing was changed.")
    assert "#" not in page.url  # a reload does not ask again
    assert page.evaluate("localStorage.getItem('llm-roadmap.progress.v1')") == before
    page.goto(server.url + "transformer/")
    expect(page.locator(".rm-quiz__question").first).to_be_visible()
    page.goto(server.url + "rag/")
    expect(page.locator(".rm-quiz__score")).to_contain_text("1 of")
    assert errors == []


def test_a_corrupt_store_is_set_aside_once_and_can_be_exported(page: Page, server) -> None:
    page.goto(server.url)
    corrupt = json.dumps({"format": "llm-roadmap-progress", "version": 1, "done": {"r0123456789": 5}, "quiz": {"rag": "boom"}})
    page.evaluate("value => localStorage.setItem('llm-roadmap.progress.v1', value)", corrupt)
    page.reload()
    expect(page.locator('[data-rm-storage="corrupt"]')).to_contain_text("could not be read, so this browser starts afresh")
    assert page.evaluate("localStorage.getItem('llm-roadmap.progress.v1.backup')") == corrupt
    assert page.evaluate("localStorage.getItem('llm-roadmap.progress.v1')") is None
    with page.expect_download() as download:
        page.get_by_role("button", name="Export the unreadable copy").click()
    assert download.value.suggested_filename == "llm-roadmap-progress-unreadable.json"
    page.goto(server.url + "rag/")
    page.locator("input.rm-done").first.check()
    page.reload()
    expect(page.locator("input.rm-done").first).to_be_checked()
    expect(page.locator("[data-rm-storage]")).to_have_count(0)  # said once


def test_storage_that_refuses_to_write_keeps_the_page_working_and_loses_nothing(browser: Browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "rag/")
    page.locator("input.rm-done").first.check()
    saved = page.evaluate("localStorage.getItem('llm-roadmap.progress.v1')")
    page.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };""")
    page.reload()
    page.locator("input.rm-done").nth(1).check()
    expect(page.locator('[data-rm-storage="unavailable"]')).to_contain_text("cannot save your progress")
    expect(page.locator("input.rm-done").nth(1)).to_be_checked()
    expect(page.locator(".rm-progress__label")).to_contain_text("2 of")  # the page counts it while open
    assert page.evaluate("localStorage.getItem('llm-roadmap.progress.v1')") == saved  # what was stored is intact
    context.close()


# ---------- what a new reader stumbles on ----------


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", rgb)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


FOCUSABLE = {  # kind of control -> (page, selector)
    "done checkbox": ("rag/", "input.rm-done"),
    "quiz option": ("rag/", ".rm-quiz__options input[type=radio]"),
    "filter chip": ("rag/", ".rm-chip"),
    "answer summary": ("rag/", "details.rm-quiz__answer summary"),
    "button": ("", ".rm-progress-panel .md-button"),
    "exercise editor": ("transformer/", "textarea.rm-exercise__editor"),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_is_visible_on_every_kind_of_control(browser: Browser, server, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    measured = {}
    for kind, (path, selector) in FOCUSABLE.items():
        page.goto(server.url + path)
        if kind == "exercise editor":
            first_exercise(page)
        control = page.locator(selector).first
        control.scroll_into_view_if_needed()
        page.keyboard.press("Shift")  # the last input was the keyboard: focus is shown as for Tab
        control.focus()
        style = control.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert style[0] != "none" and float(style[1].removesuffix("px")) >= 2, (kind, style)
        measured[kind] = round(contrast(style[2], background), 1)
    print(scheme, measured)  # the closing note quotes these (pytest -s)
    assert {kind: ratio for kind, ratio in measured.items() if ratio < 3} == {}
    context.close()


def test_an_empty_progress_bar_looks_empty_in_dark_mode(browser: Browser, server) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server.url + "rag/")
    bar = page.locator(".rm-progress__bar")
    expect(bar).to_be_visible()
    shot = bar.screenshot()
    from PIL import Image

    image = Image.open(io.BytesIO(shot)).convert("L")
    background = luminance(page.evaluate("getComputedStyle(document.body).backgroundColor")) * 255
    # Most of an empty bar is its faint track: close to the page's own darkness, never a light fill.
    histogram = image.histogram()
    light = sum(histogram[161:]) / sum(histogram)
    assert light < 0.05, f"{light:.0%} of the empty bar is light (page luminance {background:.0f})"
    context.close()


def test_a_share_link_made_offline_opens_the_hosted_site(browser: Browser, offline_site: Build) -> None:
    from scripts.content.project import mkdocs_config

    context = browser.new_context()
    page = context.new_page()
    page.goto((offline_site.site / "rag.html").as_uri())
    page.locator("input.rm-done").first.check()
    page.goto((offline_site.site / "index.html").as_uri())
    page.get_by_role("button", name="Continue on another device").click()
    link = page.locator(".rm-share__link")
    expect(link).to_have_value(re.compile("^" + re.escape(mkdocs_config()["site_url"]) + "#progress="))
    expect(page.locator(".rm-progress-panel__status")).to_contain_text("opens the hosted site")
    context.close()


def test_reset_says_what_goes_and_can_keep_quiz_results(page: Page, server) -> None:
    page.goto(server.url + "rag/")
    page.locator("input.rm-done").first.check()
    answer(page, 0, right=True)
    page.goto(server.url)
    page.get_by_role("button", name="Reset progress", exact=True).click()
    expect(page.locator(".rm-reset__what")).to_have_text(
        "Progress only: 1 resource marked done and 0 passed exercises. Everything: also 1 quiz answer. What do you want to reset?"
    )
    page.get_by_role("button", name="Reset progress only").click()
    expect(page.locator(".rm-progress-panel__total")).to_contain_text("You have done 0 of")
    expect(page.locator('[data-rm-quiz-key="rag"] .rm-card__quiz')).to_contain_text("Self-check: 1 of")
    page.get_by_role("button", name="Reset progress", exact=True).click()
    page.get_by_role("button", name="Reset everything").click()
    expect(page.locator('[data-rm-quiz-key="rag"] .rm-card__quiz')).to_be_hidden()


def test_the_home_page_says_where_to_start_and_follows_the_reader(page: Page, server) -> None:
    page.goto(server.url)
    expect(page.locator(".rm-hero__start").get_by_role("link", name="a placement quiz")).to_have_attribute("href", re.compile("start-here/#placement-quiz$"))
    go = page.locator(".rm-hero__go")
    expect(go).to_have_text("Start with Mathematics")
    page.get_by_role("link", name="See every chapter").click()
    assert page.evaluate("Math.abs(document.getElementById('part-1').getBoundingClientRect().top)") < 200  # the cards, not the map
    # The placement quiz suggested the fast track and said Python may be skimmed.
    page.evaluate("""() => {
        const p = window.rmProgress.load();
        p.placement = {answers: {}, path: "practitioners-fast-track", skim: ["python"]};
        window.rmProgress.save(p);
    }""")
    page.reload()
    expect(go).to_have_text("Start with Neural networks")
    expect(page.locator(".rm-hero__next")).to_contain_text("Your suggested path, from the placement quiz:")
    page.goto(server.url + "neural-networks/")
    for index in range(page.locator(".rm-quiz__question").count()):
        answer(page, index, right=True)
    page.goto(server.url)
    expect(go).to_have_text("Continue with Natural language processing")
    go.click()
    expect(page.locator("article h1")).to_contain_text("Natural language processing")


def test_folded_answers_and_the_map_list_carry_fitting_icons_not_the_edit_pencil(page: Page, server) -> None:
    def icon(selector: str) -> str:
        return page.locator(selector).first.evaluate("e => getComputedStyle(e, '::before').webkitMaskImage || getComputedStyle(e, '::before').maskImage")

    page.goto(server.url + "transformer/")
    pencil = page.evaluate("""() => {
        const d = document.createElement('details'); d.innerHTML = '<summary>x</summary>';
        document.querySelector('.md-typeset').appendChild(d);
        const s = d.querySelector('summary'); const st = getComputedStyle(s, '::before');
        return st.webkitMaskImage || st.maskImage; }""")
    assert "url(" in pencil
    assert icon("details.rm-quiz__answer summary") not in (pencil, "none")
    first_exercise(page)
    assert icon("details.rm-exercise__hints summary") not in (pencil, "none")
    page.goto(server.url + "map/")
    assert icon("details.rm-map__alt summary") not in (pencil, "none")


def test_on_a_phone_the_hero_buttons_share_one_width_and_the_skim_mark_is_a_badge(browser: Browser, server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server.url)
    widths = page.locator(".rm-hero__actions .md-button").evaluate_all("buttons => buttons.map(b => Math.round(b.getBoundingClientRect().width))")
    assert len(widths) >= 3 and len(set(widths)) == 1, widths
    page.evaluate("""() => { const p = window.rmProgress.load();
        p.placement = {answers: {}, path: "the-full-path", skim: ["python"]}; window.rmProgress.save(p); }""")
    page.reload()
    skim = page.locator('[data-rm-quiz-key="python"] .rm-card__skim')
    expect(skim).to_be_visible()
    style = skim.evaluate("e => { const s = getComputedStyle(e); return [s.borderTopStyle, s.backgroundColor]; }")
    assert style[0] in ("none", "solid") and style[1] not in ("rgba(0, 0, 0, 0)", "transparent"), style
    context.close()


def test_filters_that_match_nothing_say_so_and_hide_empty_headings(page: Page, server) -> None:
    page.goto(server.url + "rag/")
    # A type and a level that no entry of the page has together, read from the page itself.
    query = page.evaluate("""() => {
        const entries = [...document.querySelectorAll('li.rm-entry')].map(e => [e.dataset.rmType, e.dataset.rmLevel]);
        const types = [...new Set(entries.map(e => e[0]))], levels = [...new Set(entries.map(e => e[1]))];
        for (const t of types) for (const l of levels)
            if (!entries.some(e => e[0] === t && e[1] === l)) return `?type=${t}&level=${l}`;
        return null; }""")
    assert query, "every type appears at every level on this page: pick another chapter"
    page.goto(server.url + "rag/" + query)
    assert page.locator("li.rm-entry:visible").count() == 0
    expect(page.locator(".rm-filters__empty")).to_contain_text("Nothing matches these filters.")
    expect(page.locator("#high-level-resources")).to_be_hidden()
    expect(page.locator("#in-depth-resources")).to_be_hidden()
    page.get_by_role("button", name="Clear the filters").click()
    expect(page.locator("#in-depth-resources")).to_be_visible()
    expect(page.locator(".rm-filters__empty")).to_be_hidden()
    assert "type=" not in page.url and page.locator('.rm-filters [aria-pressed="true"]').count() == 0


def test_a_share_link_with_everything_done_stays_short_and_its_qr_code_scannable(browser: Browser, server) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url)
    # Everything done and every question answered, straight into the store, over the site's slot list.
    page.evaluate("""() => window.rmSite.loadScript("javascripts/progress-slots.js").then(() => {
        const p = window.rmProgress.load(), now = "2026-12-05T00:00:00.000Z";
        p.quiz = {}; p.exercises = {}; p.placement = {answers: {}, path: "researchers-path", skim: ["python"]};
        window.rmSlots.forEach((slot, i) => {
            const [kind, a, b] = slot.split(" ");
            if (kind === "r") p.done[a] = now;
            if (kind === "e") p.exercises[a] = now;
            if (kind === "q" && a === "placement") p.placement.answers[b] = {choice: i % 4, right: i % 3 === 0};
            else if (kind === "q") (p.quiz[a] = p.quiz[a] || {})[b] = {choice: i % 4, right: i % 3 === 0};
        });
        window.rmProgress.save(p);
    })""")
    page.reload()
    page.get_by_role("button", name="Continue on another device").click()
    expect(page.locator(".rm-share__qr svg")).to_be_visible()
    link = page.locator(".rm-share__link").input_value()
    module = page.locator(".rm-share__qr svg").evaluate(
        "svg => svg.getBoundingClientRect().width * 4 / svg.viewBox.baseVal.width"  # cellSize 4 in share.js
    )
    print(f"everything done: {len(link)} characters, QR modules {module:.1f} px")  # for the closing note (pytest -s)
    assert len(link) <= 400 and module >= 3
    before = page.evaluate("window.rmProgress.load()")
    other = browser.new_context()
    fresh = other.new_page()
    fresh.goto(link)
    fresh.get_by_role("button", name="Replace mine").click()
    after = fresh.evaluate("window.rmProgress.load()")
    assert set(after["done"]) == set(before["done"]) and after["quiz"] == before["quiz"]
    assert after["placement"] == before["placement"] and set(after["exercises"]) == set(before["exercises"])
    other.close()
    context.close()


# ---------- spaced review ----------


def test_spaced_review_brings_questions_back_on_schedule(browser: Browser, server) -> None:
    import datetime

    context = browser.new_context(timezone_id="UTC")
    page = context.new_page()
    day = datetime.datetime(2026, 12, 5, 10, 0, tzinfo=datetime.UTC)
    page.clock.set_fixed_time(day)
    page.goto(server.url + "rag/")
    answer(page, 0, right=True)
    answer(page, 1, right=False)
    page.goto(server.url)
    expect(page.locator(".rm-hero__review")).to_be_hidden()  # nothing due on the day they were answered
    page.goto(server.url + "review/")
    expect(page.locator(".rm-review__status")).to_have_text("Nothing is due today. The next question comes back on 2026-12-06.")

    page.clock.set_fixed_time(day + datetime.timedelta(days=1))
    page.goto(server.url)
    expect(page.locator(".rm-hero__review")).to_have_text("2 questions are due for review")
    page.locator(".rm-hero__review a").click()
    expect(page.locator(".rm-review__status")).to_have_text("2 questions due today.")
    expect(page.locator(".rm-review__stage .rm-review__from")).to_contain_text("From Retrieval-augmented generation")
    # From the keyboard: arrows move, Enter answers, the next button takes focus.
    first = page.locator(".rm-review__stage input[type=radio]").first
    expect(first).to_be_focused()
    correct = int(page.locator(".rm-review__stage .rm-quiz__question").get_attribute("data-rm-answer"))
    for _ in range(correct):
        page.keyboard.press("ArrowDown")
    expect(page.locator(".rm-review__stage .rm-quiz__feedback")).to_have_text("")
    page.keyboard.press("Enter")
    expect(page.locator(".rm-review__stage .rm-quiz__feedback")).to_have_text(re.compile(r"^Right\. It comes back on 2026-12-09\.$"))
    expect(page.get_by_role("button", name="Next question")).to_be_focused()
    page.keyboard.press("Enter")
    wrong = (int(page.locator(".rm-review__stage .rm-quiz__question").get_attribute("data-rm-answer")) + 1) % 3
    page.locator(".rm-review__stage input[type=radio]").nth(wrong).check()
    expect(page.locator(".rm-review__stage .rm-quiz__feedback")).to_contain_text("It comes back on 2026-12-07.")
    page.get_by_role("button", name="Finish").click()
    expect(page.locator(".rm-review__status")).to_have_text("Nothing is due today. The next question comes back on 2026-12-07.")
    page.reload()  # kept with progress
    expect(page.locator(".rm-review__status")).to_have_text("Nothing is due today. The next question comes back on 2026-12-07.")
    review = page.evaluate("window.rmProgress.load().review.rag")
    assert sorted((v["box"], v["due"]) for v in review.values()) == [(0, "2026-12-07"), (2, "2026-12-09")]
    assert axe_findings(page) == []
    context.close()


def test_the_review_schedule_travels_with_the_share_link_and_works_from_disk(browser: Browser, server, offline_site: Build) -> None:
    import datetime

    context = browser.new_context(timezone_id="UTC")
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=datetime.UTC))
    page.goto(server.url + "agents/")
    answer(page, 0, right=True)
    page.goto(server.url)
    page.get_by_role("button", name="Continue on another device").click()
    expect(page.locator(".rm-share__link")).to_have_value(re.compile("#progress="))
    link = page.locator(".rm-share__link").input_value()
    other = browser.new_context(timezone_id="UTC")
    fresh = other.new_page()
    fresh.clock.set_fixed_time(datetime.datetime(2026, 12, 5, 11, 0, tzinfo=datetime.UTC))
    fresh.goto(link)
    fresh.get_by_role("button", name="Replace mine").click()
    assert list(fresh.evaluate("window.rmProgress.load().review.agents").values()) == [{"box": 1, "due": "2026-12-06"}]
    other.close()
    context.close()
    offline = browser.new_context(timezone_id="UTC")
    page = offline.new_page()
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=datetime.UTC))
    page.goto((offline_site.site / "agents.html").as_uri())
    answer(page, 0, right=False)
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 6, 10, 0, tzinfo=datetime.UTC))
    page.goto((offline_site.site / "review.html").as_uri())
    expect(page.locator(".rm-review__status")).to_have_text("1 question due today.")
    offline.close()


def test_a_hover_term_does_not_fire_inside_a_longer_term(page: Page, server) -> None:
    page.goto(server.url + "reasoning-models/")
    longer = page.locator("abbr", has_text=re.compile(r"^Dr\. GRPO$"))
    expect(longer.first).to_have_attribute("title", re.compile("^\"GRPO done right\""))
    inside = page.evaluate("""() => [...document.querySelectorAll('abbr')].filter(a => a.textContent === 'GRPO'
        && (a.previousSibling?.textContent || '').endsWith('Dr. ')).length""")
    assert inside == 0


def test_on_a_phone_the_map_fits_with_no_cut_label_and_zooms_to_scroll(browser: Browser, server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server.url + "map/")
    frame = page.locator(".rm-map__frame")
    frame.scroll_into_view_if_needed()
    outside = page.evaluate("""() => {
        const f = document.querySelector('.rm-map__frame').getBoundingClientRect();
        return [...document.querySelectorAll('.rm-map__node text')].filter(t => {
            const r = t.getBoundingClientRect();
            return r.left < f.left - 0.5 || r.right > f.right + 0.5 || r.width === 0; }).map(t => t.textContent); }""")
    assert outside == []
    page.get_by_role("button", name="Zoom in").click()
    expect(page.locator(".rm-map__hint")).to_have_text("Scroll sideways to see the whole map.")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth")
    page.get_by_role("button", name="Fit to the screen").click()
    assert frame.evaluate("f => f.scrollWidth <= f.clientWidth")
    context.close()


def test_the_map_starts_on_the_suggested_path_and_marks_quiz_skims_apart_from_path_skims(page: Page, server) -> None:
    page.goto(server.url)
    page.evaluate("""() => { const p = window.rmProgress.load();
        p.placement = {answers: {}, path: "researchers-path", skim: ["mathematics"]}; window.rmProgress.save(p); }""")
    page.reload()
    expect(page.locator('.rm-map__route[data-rm-route="researchers-path"]')).to_have_attribute("aria-pressed", "true")
    quiz_skim = page.locator('.rm-map__node[data-rm-map-chapter="mathematics"] .rm-map__box')
    path_skim = page.locator('.rm-map__node.is-skimmed .rm-map__box').first  # the path only skims it
    mark = "b => { const s = getComputedStyle(b); return [s.fill, s.strokeDasharray]; }"
    quiz_fill, quiz_dash = quiz_skim.evaluate(mark)
    path_fill, path_dash = path_skim.evaluate(mark)
    assert quiz_dash in ("none", "") and path_dash not in ("none", "")
    assert quiz_fill != path_fill
