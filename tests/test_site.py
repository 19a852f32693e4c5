"""The built site: strict, complete, decorated, and free of third-party requests."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from scripts.content.entries import normalize_url, parse_file
from scripts.content.project import chapters, mkdocs_config, page_meta, plugin_config
from scripts.paths import DOCS, ROOT
from tests.conftest import Build, build_site, small_project

CHAPTERS = chapters()


class Tags(HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(path: Path) -> Tags:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_html(site: Build, chapter_path: str) -> Path:
    return site.site / Path(chapter_path).with_suffix("") / "index.html"


def test_strict_build_prints_no_warning(site: Build) -> None:
    assert not re.search(r"^(WARNING|ERROR)\b", site.log, re.MULTILINE), site.log


def test_every_page_is_rendered_by_properdocs_and_no_notice_is_printed(site: Build) -> None:
    """ProperDocs builds the site: Material's generator tag names the engine on every page
    ("mkdocs-1.6.1" under MkDocs), and the build, run without the variables that silence them,
    prints neither Material's end-of-life notice nor ProperDocs' "MkDocs 2.0" one."""
    version = re.search(r"^properdocs==(\S+)$", (ROOT / "requirements.txt").read_text(encoding="utf-8"), re.MULTILINE)[1]
    from scripts.site.published_urls import is_redirect

    pages = sorted(page for page in site.site.rglob("*.html") if not is_redirect(page))  # stubs carry no tag
    generators = {
        page.relative_to(site.site).as_posix(): re.findall(r'<meta name="generator" content="([^"]*)">', page.read_text(encoding="utf-8"))
        for page in pages
    }
    assert len(pages) > len(CHAPTERS)
    assert {name: found for name, found in generators.items() if len(found) != 1 or not found[0].startswith(f"mkdocs-ProperDocs {version},")} == {}
    assert "end of life" not in site.log and "MkDocs may break support" not in site.log, site.log


def test_every_chapter_is_built(site: Build) -> None:
    assert len(CHAPTERS) == 23
    for chapter in CHAPTERS:
        assert page_html(site, chapter.path).is_file(), chapter.path


ASSET_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src", "embed": "src"}


def third_party_assets(html: Path, own_host: str) -> list[str]:
    found = []
    for tag, attrs in parse_html(html).tags:
        url = attrs.get(ASSET_ATTRIBUTES.get(tag, ""), "")
        if tag == "link" and set(attrs.get("rel", "").split()) & {"stylesheet", "preload", "modulepreload", "icon", "manifest"}:
            url = attrs.get("href", "")
        host = urlsplit(url).hostname if url.startswith(("http:", "https:", "//")) else None
        if host and host != own_host:
            found.append(f"<{tag}> {url}")
    return found


def test_no_page_loads_anything_from_a_third_party_host(site: Build) -> None:
    own_host = urlsplit(mkdocs_config()["site_url"]).hostname
    from scripts.site.published_urls import is_redirect

    pages = sorted(page for page in site.site.rglob("*.html") if not is_redirect(page))  # stubs carry no tag
    assert len(pages) >= 24
    offenders = {str(p.relative_to(site.site)): third_party_assets(p, own_host) for p in pages}
    assert {k: v for k, v in offenders.items() if v} == {}
    for stylesheet in site.site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", stylesheet.read_text(encoding="utf-8")), stylesheet


def test_the_guard_catches_a_hot_linked_image(tmp_path: Path) -> None:
    """The privacy plugin, configured as in mkdocs.yml, turns an external asset into a warning,
    so the strict build fails."""
    privacy = {"privacy": plugin_config("privacy")}
    config = yaml.safe_dump({"site_name": "Guard", "theme": {"name": "material", "font": False}, "plugins": [privacy]})
    page = "# Page\n\n![chart](https://example.org/chart.png)\n"
    project = small_project(tmp_path / "project", config, {"index.md": page})
    built = build_site(tmp_path / "site", project / "mkdocs.yml")
    assert built.returncode != 0
    assert "example.org/chart.png" in built.log


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_entries_render_with_badge_author_description_and_data_attributes(site: Build, chapter) -> None:
    resources = parse_file(chapter.source).resources
    html = parse_html(page_html(site, chapter.path))
    entries = [attrs for tag, attrs in html.tags if tag == "li" and "rm-entry" in attrs.get("class", "")]
    assert [(e["data-rm-id"], e["data-rm-type"], e["data-rm-level"]) for e in entries] == [
        (r.id, r.type, r.level) for r in resources
    ]
    badges = [attrs["class"] for tag, attrs in html.tags if tag == "span" and "rm-type " in attrs.get("class", "") + " "]
    assert badges == [f"rm-type rm-type--{r.type}" for r in resources]
    text = re.sub(r"\s+", " ", "".join(html.text))
    for resource in resources:
        assert resource.author in text and re.sub(r"\s+", " ", resource.description) in text


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_meta_description_and_edit_link(site: Build, chapter) -> None:
    meta = page_meta(chapter.source)
    tags = parse_html(page_html(site, chapter.path)).tags
    descriptions = [a["content"] for t, a in tags if t == "meta" and a.get("name") == "description"]
    assert descriptions == [meta["description"]]
    edit = f"{mkdocs_config()['repo_url']}/edit/main/docs/{chapter.path}"
    assert any(t == "a" and a.get("href") == edit for t, a in tags), edit


def test_home_page_shows_every_chapter_as_a_card_in_reading_order(site: Build) -> None:
    html = parse_html(site.site / "index.html")
    cards = [a["data-rm-chapter"] for t, a in html.tags if t == "li" and "data-rm-chapter" in a]
    assert cards == [f"{c.slug}/" for c in CHAPTERS]
    text = re.sub(r"\s+", " ", " ".join(html.text))
    for chapter in CHAPTERS:
        count = len(parse_file(chapter.source).resources)
        meta = page_meta(chapter.source)
        assert f"{meta['title']} {meta['description']} {count} resource" in text
    assert "Part 1: Foundations" in text and "Part 2: Large Language Models" in text


def local_assets(page: Path) -> list[str]:
    tags = parse_html(page).tags
    assets = [a.get("href") or a.get("src") for t, a in tags if t in ("link", "script") and (a.get("href") or a.get("src"))]
    return [u for u in assets if not u.startswith(("http:", "https:"))]


def test_404_page_loads_its_assets_from_the_site_root_online_and_beside_it_offline(site: Build, offline_site: Build) -> None:
    """GitHub Pages serves 404.html for a missing path at any depth: only root-path URLs resolve
    there (and Material reads its search index from the same base). The offline copy's 404.html,
    opened from disk beside index.html, needs relative ones."""
    site_path = urlsplit(mkdocs_config()["site_url"]).path
    online = local_assets(site.site / "404.html")
    assert online and all(u.startswith(site_path) for u in online), online
    assert f'"base": "{site_path}"' in (site.site / "404.html").read_text(encoding="utf-8")
    offline = local_assets(offline_site.site / "404.html")
    assert offline and all(not u.startswith("/") for u in offline), offline
    assert "base" not in [t for t, _ in parse_html(offline_site.site / "404.html").tags]


def test_pages_read_correctly_without_the_hook(tmp_path: Path) -> None:
    """The hook only decorates: without it an entry still shows title, author, type, description."""
    resources = parse_file(DOCS / "transformer.md").resources[:3]
    page = "# Chapter\n\n## High-level resources\n\n" + "\n".join(r.entry() for r in resources) + "\n"
    project = small_project(tmp_path / "project", "site_name: No hook\ntheme: mkdocs\n", {"index.md": page})
    built = build_site(tmp_path / "site", project / "mkdocs.yml")
    assert built.returncode == 0, built.log
    html = re.sub(r' (target|rel)="[^"]*"', "", (built.site / "index.html").read_text(encoding="utf-8"))
    assert "rm-entry" not in html
    for resource in resources:
        dated = f"{resource.author} ({resource.year})" if resource.year else resource.author
        assert html.count(f'<a href="{resource.url}">{resource.title}</a> by {dated} · {resource.type} — ') == 1


def test_every_entry_is_shown_as_a_link_and_a_missing_one_is_named(site: Build, tmp_path: Path) -> None:
    """The check the Zensical CI job runs on its build, proved here on ours."""
    from scripts.site.entries_shown import missing

    assert missing(site.site) == []
    chapter = CHAPTERS[0]
    resource = parse_file(chapter.source).resources[0]
    page = tmp_path / Path(chapter.path).with_suffix("") / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(page_html(site, chapter.path).read_text(encoding="utf-8").replace(f'href="{html.escape(resource.url)}"', 'href="#gone"'), encoding="utf-8")
    problems = missing(tmp_path)
    assert f"{chapter.path}:{resource.line}: {resource.url} is not shown as a link titled {resource.title!r}" in problems
    assert f"{CHAPTERS[1].path}: no page at {Path(CHAPTERS[1].path).with_suffix('')}/index.html" in problems


def test_whats_new_page_feed_and_new_marks_follow_the_history(site: Build) -> None:
    import datetime
    import xml.etree.ElementTree as ET

    from scripts.content.history import configured_history, new_since

    history = configured_history(str(DOCS.parent / "mkdocs.yml"), mkdocs_config()["extra"])
    page = (site.site / "whats-new" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="whats-new">What\'s new' in page
    feed = ET.parse(site.site / "feed.xml").getroot()
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == len(list(history.months()))
    # Entries name chapters, not files, and link every chapter and every added resource.
    content = "".join(e.findtext("{http://www.w3.org/2005/Atom}content") for e in feed.iter("{http://www.w3.org/2005/Atom}entry"))
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    assert re.findall(r"[\w-]+\.md\b", content) == [] and re.findall(r">[^<]*[\w-]+\.md\b", article) == []
    site_url = mkdocs_config()["site_url"]
    chapter_links = re.findall(r' (?:in|from) <a href="' + re.escape(site_url) + r'([\w-]+)/">', content)
    assert len(chapter_links) == len(history.changes) and {f"{c}.md" for c in chapter_links} <= {c.path for c in CHAPTERS}
    added = [c.url for _, changes in history.months() for c in changes if c.kind == "added"]
    assert [html.unescape(u) for u in re.findall(r'<li>Added: <a href="([^"]+)">', content)] == added
    home = (site.site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in home and "feed.xml" in home

    added, since = history.added_on(), new_since(history)
    for chapter in CHAPTERS:
        tags = parse_html(page_html(site, chapter.path)).tags
        marked = {a["data-rm-id"]: a.get("data-rm-added") for t, a in tags if t == "li" and "rm-entry" in a.get("class", "")}
        for resource in parse_file(chapter.source).resources:
            when = added.get(normalize_url(resource.url))
            assert marked[resource.id] == (when and f"{when:%Y-%m-%d}"), resource.url
        news = [a for t, a in tags if t == "span" and a.get("class") == "rm-new"]
        expected = [r for r in parse_file(chapter.source).resources if (w := added.get(normalize_url(r.url))) and since and w >= since]
        assert len(news) == len(expected), chapter.slug
    assert isinstance(history.first_release, datetime.datetime) or history.note
