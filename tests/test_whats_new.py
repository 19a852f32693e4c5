"""What's new, read from git history: tested on a temporary repository whose commits have known
dates, so every change, month and feed entry is predictable."""

from __future__ import annotations

import datetime
import os
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.content.history import NO_HISTORY, new_since, read_history
from scripts.content.whats_new import atom_feed, page_markdown

UTC = datetime.UTC
ATOM = "{http://www.w3.org/2005/Atom}"
HEAD = "---\ntitle: Chapter\ndescription: A chapter.\n---\n\n# Chapter\n\n## High-level resources\n\n"
ALPHA = "- [Alpha](https://example.org/alpha) by Ada (2024) · article — First.\n"
BETA = "- [Beta](https://example.org/beta) by Ada · video — Second.\n"
GAMMA = "- [Gamma](https://arxiv.org/abs/2602.00001) by Alan (2026) · paper — Third.\n"
FIRST_RELEASE = datetime.datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def commit(repo: Path, text: str, when: str, message: str) -> None:
    (repo / "docs").mkdir(exist_ok=True)
    (repo / "docs" / "chapter.md").write_text(HEAD + text, encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for args in (["add", "-A"], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """First release with Alpha and Beta; Gamma added in February; Beta removed in March."""
    repo = tmp_path_factory.mktemp("history")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    commit(repo, ALPHA + BETA, "2026-01-05T09:00:00+00:00", "first release")
    (repo / "README.md").write_text("not in docs/", encoding="utf-8")
    commit(repo, ALPHA + BETA + GAMMA, "2026-02-03T10:00:00+00:00", "add Gamma")
    commit(repo, ALPHA + GAMMA, "2026-03-04T11:00:00+00:00", "retire Beta")
    return repo


def test_changes_after_the_first_release_with_their_commit_dates(repo: Path) -> None:
    history = read_history(repo, FIRST_RELEASE)
    assert history.note == "" and history.resources_at_first_release == 2
    assert [(c.kind, c.title, c.chapter, c.when.date().isoformat()) for c in history.changes] == [
        ("added", "Gamma", "chapter.md", "2026-02-03"),
        ("removed", "Beta", "chapter.md", "2026-03-04"),
    ]
    assert [month for month, _ in history.months()] == ["2026-03", "2026-02"]
    assert history.added_on() == {"arxiv.org/abs/2602.00001": datetime.datetime(2026, 2, 3, 10, tzinfo=UTC)}
    assert new_since(history) == datetime.datetime(2026, 1, 3, 11, tzinfo=UTC)  # 60 days before the latest change


def test_the_page_lists_months_newest_first_then_the_first_release(repo: Path) -> None:
    text = page_markdown(read_history(repo, FIRST_RELEASE), {"chapter.md": "Chapter"})
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# What's new", "## March 2026", "### Removed", "## February 2026", "### Added", "## First release, January 2026"]
    assert "- [Gamma](https://arxiv.org/abs/2602.00001) in [Chapter](chapter.md) (3 February 2026)" in text
    assert "- Beta, from [Chapter](chapter.md) (4 March 2026)" in text
    assert "first published with 2 resources" in text
    assert text == page_markdown(read_history(repo, FIRST_RELEASE), {"chapter.md": "Chapter"})  # same history, same bytes


def test_the_feed_is_atom_with_one_entry_per_month(repo: Path) -> None:
    feed = ET.fromstring(atom_feed(read_history(repo, FIRST_RELEASE), {"chapter.md": "Chapter"}, "https://example.org/roadmap/", "Roadmap"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == "https://example.org/roadmap/whats-new/"
    assert feed.findtext(f"{ATOM}updated") == "2026-03-04T11:00:00+00:00"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["March 2026: 0 added, 1 removed", "February 2026: 1 added, 0 removed"]
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "https://example.org/roadmap/whats-new/#march-2026",
        "https://example.org/roadmap/whats-new/#february-2026",
    ]
    assert {link.get("rel") for link in feed.findall(f"{ATOM}link")} == {"alternate", "self"}


def test_feed_entries_name_chapters_and_link_each_added_resource(repo: Path) -> None:
    """Each change names its chapter by title, linked to the chapter on the site (never its file
    name); an added resource links to its address, a removed one is named as on the page."""
    history = read_history(repo, FIRST_RELEASE)
    feed = ET.fromstring(atom_feed(history, {"chapter.md": "Chapter"}, "https://example.org/roadmap/", "Roadmap"))
    march, february = (Items(e.findtext(f"{ATOM}content")) for e in feed.findall(f"{ATOM}entry"))
    chapter = ("Chapter", "https://example.org/roadmap/chapter/")
    assert february.items == ["Added: Gamma in Chapter"]
    assert february.links == [("Gamma", "https://arxiv.org/abs/2602.00001"), chapter]
    assert march.items == ["Removed: Beta, from Chapter"]
    assert march.links == [chapter]
    # A chapter that has left the roadmap has no title or page: it keeps its file name, unlinked.
    gone = ET.fromstring(atom_feed(history, {}, "https://example.org/roadmap/", "Roadmap"))
    assert Items(gone.find(f"{ATOM}entry").findtext(f"{ATOM}content")).items == ["Removed: Beta, from chapter.md"]


class Items(HTMLParser):
    """The list items of an entry's HTML content as text, and its links as (text, href)."""

    def __init__(self, content: str) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.href: str | None = None
        self.feed(content)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.items.append("")
        elif tag == "a":
            self.href = dict(attrs)["href"]
            self.links.append(("", self.href or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.href = None

    def handle_data(self, data: str) -> None:
        self.items[-1] += data
        if self.href is not None:
            self.links[-1] = (self.links[-1][0] + data, self.href)


def test_a_shallow_clone_or_a_folder_without_git_builds_with_a_note(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)], check=True)
    for place in (shallow, tmp_path / "no-git"):
        place.mkdir(exist_ok=True)
        history = read_history(place, FIRST_RELEASE)
        assert history.changes == [] and history.note == NO_HISTORY
        assert "No history in this copy" in page_markdown(history, {})
        ET.fromstring(atom_feed(history, {}, "https://example.org/", "Roadmap"))  # still a valid, empty feed


def test_a_first_release_before_any_commit_is_a_note_not_a_crash(repo: Path) -> None:
    assert read_history(repo, datetime.datetime(2020, 1, 1, tzinfo=UTC)).note == NO_HISTORY


def test_an_entry_whose_address_changed_is_a_rename_that_progress_follows() -> None:
    from scripts.content.history import Change, History

    day = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    later = day + datetime.timedelta(days=3)
    history = History([
        Change(day, "removed", "agents.md", "MCP spec", "https://example.org/spec/v1"),
        Change(day, "added", "agents.md", "MCP spec", "https://example.org/spec/v2"),
        Change(later, "removed", "agents.md", "MCP spec", "https://example.org/spec/v2"),
        Change(later, "added", "agents.md", "MCP spec", "https://example.org/spec/v3"),
        Change(day, "removed", "rag.md", "Gone", "https://example.org/gone"),  # removed, not renamed
        Change(day, "added", "rag.md", "Another title", "https://example.org/other"),
    ])
    assert history.renamed() == {
        "example.org/spec/v1": "https://example.org/spec/v3",  # through the chain
        "example.org/spec/v2": "https://example.org/spec/v3",
    }
