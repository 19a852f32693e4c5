"""What changed in the roadmap, read from the git history of docs/: every resource added or
removed, with the commit that did it. The What's new page, its Atom feed, the "new" marks on
entries and the freshness report all read it here.

The history starts at the roadmap's first release (`extra.whats_new.first_release` in
mkdocs.yml): what docs/ held then is the starting point, and everything after it is news. A copy
without history (a shallow clone, a downloaded archive) gets `History.note` instead of changes,
so the build still succeeds and says why the list is empty.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from scripts.content.entries import Resource, normalize_url, parse_markdown

Kind = Literal["added", "removed"]
NO_HISTORY = (
    "This copy of the roadmap has no git history (a shallow clone or a downloaded archive), so it "
    "cannot list what changed. The hosted site, built from the full history, shows the list."
)


@dataclass(frozen=True)
class Change:
    when: datetime.datetime  # the commit's date
    kind: Kind
    chapter: str  # the page's path relative to docs/
    title: str
    url: str


@dataclass(frozen=True)
class History:
    changes: list[Change] = field(default_factory=list)
    first_release: datetime.datetime | None = None
    resources_at_first_release: int = 0
    note: str = ""  # why there are no changes to show, when history is missing

    def added_on(self) -> dict[str, datetime.datetime]:
        """When each resource (by normalized URL) was last added after the first release."""
        added: dict[str, datetime.datetime] = {}
        for change in self.changes:
            key = normalize_url(change.url)
            if change.kind == "added":
                added[key] = change.when
            else:
                added.pop(key, None)
        return added

    def renamed(self) -> dict[str, str]:
        """Entries whose address changed: removed and added by one commit in one chapter under one
        title. Old URL (normalized) -> the newest URL, through any chain of renames."""
        groups: dict[tuple[datetime.datetime, str, str], list[Change]] = {}
        for change in self.changes:
            groups.setdefault((change.when, change.chapter, change.title.casefold()), []).append(change)
        moves: dict[str, str] = {}
        for group in groups.values():
            gone = [c for c in group if c.kind == "removed"]
            new = [c for c in group if c.kind == "added"]
            if len(gone) == 1 and len(new) == 1:
                moves[normalize_url(gone[0].url)] = new[0].url
        final: dict[str, str] = {}
        for old, new in moves.items():
            seen = {old}
            while normalize_url(new) in moves and normalize_url(new) not in seen:
                seen.add(normalize_url(new))
                new = moves[normalize_url(new)]
            if normalize_url(new) != old:
                final[old] = new
        return final

    def months(self) -> Iterator[tuple[str, list[Change]]]:
        """Changes grouped by month (YYYY-MM), newest month first, each month in commit order."""
        grouped: dict[str, list[Change]] = {}
        for change in self.changes:
            grouped.setdefault(change.when.strftime("%Y-%m"), []).append(change)
        yield from sorted(grouped.items(), reverse=True)


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise LookupError(done.stderr.strip() or f"git {args[0]} failed")
    return done.stdout


class Blobs:
    """Reads file contents at any commit through one `git cat-file --batch` process."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def read(self, blob: str) -> str:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(f"{blob}\n".encode())
        self.process.stdin.flush()
        header = self.process.stdout.readline().split()
        body = self.process.stdout.read(int(header[2]))
        self.process.stdout.read(1)  # the newline after each object
        return body.decode("utf-8")

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


def resources_at(tree: dict[str, str], blobs: Blobs, parsed: dict[str, list[Resource]]) -> dict[str, Resource]:
    """Every resource in docs/ at one commit, by normalized URL; `parsed` caches by blob id."""
    found: dict[str, Resource] = {}
    for path, blob in sorted(tree.items()):
        if blob not in parsed:
            parsed[blob] = parse_markdown(blobs.read(blob), path).resources
        for resource in parsed[blob]:
            found.setdefault(normalize_url(resource.url), resource)
    return found


def docs_tree(root: Path, commit: str, docs: str) -> dict[str, str]:
    """The Markdown files under docs/ at a commit, path relative to docs/ -> blob id."""
    tree: dict[str, str] = {}
    for line in git(root, "ls-tree", "-r", commit, "--", f"{docs}/").splitlines():
        meta, _, path = line.partition("\t")
        if path.endswith(".md"):
            tree[path.removeprefix(f"{docs}/")] = meta.split()[2]
    return tree


def read_history(root: Path, first_release: datetime.datetime, docs: str = "docs") -> History:
    """Walk the commits that touched docs/, oldest first, and diff the resources each one left."""
    try:
        if git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
            return History(note=NO_HISTORY)
        log = git(root, "log", "--reverse", "--format=%H %cI", "--", f"{docs}/")
    except (LookupError, FileNotFoundError):
        return History(note=NO_HISTORY)
    commits = [(sha, datetime.datetime.fromisoformat(date)) for sha, date in (line.split() for line in log.splitlines())]
    before = [c for c in commits if c[1] <= first_release]
    if not before:
        return History(note=NO_HISTORY)
    blobs, parsed = Blobs(root), {}
    try:
        previous = resources_at(docs_tree(root, before[-1][0], docs), blobs, parsed)
        start = len(previous)
        changes: list[Change] = []
        for sha, when in commits[len(before) :]:
            current = resources_at(docs_tree(root, sha, docs), blobs, parsed)
            for key in current.keys() - previous.keys():
                changes.append(Change(when, "added", current[key].path, current[key].title, current[key].url))
            for key in previous.keys() - current.keys():
                changes.append(Change(when, "removed", previous[key].path, previous[key].title, previous[key].url))
            previous = current
    finally:
        blobs.close()
    changes.sort(key=lambda c: (c.when, c.kind, c.chapter, c.title.casefold()))
    return History(changes, first_release, start)


@cache
def project_history(root: Path, first_release: datetime.datetime) -> History:
    """The project's history, read once per process (the build hooks share it)."""
    return read_history(root, first_release)


NEW_FOR_DAYS = 60


def configured_history(config_file: str, extra: dict) -> History:
    """The history of the project whose mkdocs.yml is `config_file`, from its first release on."""
    settings = (extra or {}).get("whats_new") or {}
    if "first_release" not in settings:
        raise ValueError(f"{config_file}: set extra.whats_new.first_release (an ISO date-time) to build What's new")
    first_release = datetime.datetime.fromisoformat(str(settings["first_release"]))
    return project_history(Path(config_file).resolve().parent, first_release)


def new_since(history: History) -> datetime.datetime | None:
    """Resources added on or after this moment are marked new: NEW_FOR_DAYS before the latest
    change, so two builds of the same history mark the same entries."""
    latest = max((change.when for change in history.changes), default=None)
    return latest - datetime.timedelta(days=NEW_FOR_DAYS) if latest else None
