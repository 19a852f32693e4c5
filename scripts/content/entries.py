"""The resource-entry format: the one place that knows how a resource line is written.

A resource entry is one Markdown list item under a "High-level resources" or
"In-depth resources" heading:

    - [Title](https://example.org/page) by Author (2024) · article — What the learner gets.

The year, after the author, is the one the source states; undated sources (living documentation,
most courses and repositories) leave it out. The linter, the site hook, the link checker, the add
helper and the issue forms all read entries through `parse_markdown` and write them with
`format_entry`: nothing else knows the separators.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

RESOURCE_TYPES: tuple[str, ...] = (
    "video",
    "article",
    "book",
    "paper",
    "course",
    "tutorial",
    "code",
    "interactive",
)

# Section heading (H2) -> level of every entry under it.
LEVEL_SECTIONS: dict[str, str] = {
    "High-level resources": "high-level",
    "In-depth resources": "in-depth",
}
LEVELS: tuple[str, ...] = tuple(LEVEL_SECTIONS.values())

AUTHOR_SEPARATOR = " by "
TYPE_SEPARATOR = " · "  # U+00B7 MIDDLE DOT
DESCRIPTION_SEPARATOR = " — "  # U+2014 EM DASH

# A link target may hold balanced parentheses, as Wikipedia URLs do.
URL_PATTERN = r"[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*"
LINK_RE = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>" + URL_PATTERN + r")(?:\s+\"[^\"]*\")?\)")
AUTOLINK_RE = re.compile(r"<(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
HTML_URL_RE = re.compile(r"\b(?:href|src)\s*=\s*[\"']?(?P<url>[^\"'\s>]+)", re.IGNORECASE)

# Any list item (or bare line) that opens with a link to an absolute URL looks like a resource.
CANDIDATE_RE = re.compile(r"^\s*(?:[-*+]\s+)?\[[^\]]*\]\(\s*[a-zA-Z][a-zA-Z0-9+.-]*:")
ENTRY_RE = re.compile(
    r"^- \[(?P<title>[^\]]*\S[^\]]*)\]\((?P<url>" + URL_PATTERN + r")\)"
    + AUTHOR_SEPARATOR + r"(?P<author>\S.*?)(?: \((?P<year>\d{4})\))?"
    + TYPE_SEPARATOR + r"(?P<type>\S+)"
    + DESCRIPTION_SEPARATOR + r"(?P<description>\S.*?)\s*$"
)
LINK_START_RE = re.compile(r"^(?P<bullet>[-*+]\s+)?\[(?P<title>[^\]]*)\]\((?P<url>" + URL_PATTERN + r")\)(?P<after>.*)$")
LIST_ITEM_RE = re.compile(r"^\s*[-*+]\s")
HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
FENCE_RE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")



def format_entry(title: str, url: str, author: str, kind: str, description: str, year: int | None = None) -> str:
    """The one writer of the entry format; `author` and `kind` may carry markup (the site hook's badge)."""
    dated = f"{author} ({year})" if year else author
    return f"- [{title}]({url}){AUTHOR_SEPARATOR}{dated}{TYPE_SEPARATOR}{kind}{DESCRIPTION_SEPARATOR}{description}"


ENTRY_TEMPLATE = format_entry("Title", "https://example.org/page", "Author", "type", "What the learner gets.")


@dataclass(frozen=True)
class Resource:
    """One resource entry, with where it was written."""

    title: str
    url: str
    author: str
    type: str
    description: str
    level: str
    path: str
    line: int
    year: int | None = None  # as the source states it; None when it states none

    @property
    def id(self) -> str:
        return resource_id(self.url)

    def entry(self) -> str:
        return format_entry(self.title, self.url, self.author, self.type, self.description, self.year)


@dataclass(frozen=True)
class Problem:
    """Something wrong at a place in a file, with a hint that tells the fix."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


@dataclass(frozen=True)
class Line:
    """A line of Markdown prose: outside front matter and fenced code."""

    number: int
    text: str
    section: str | None  # the enclosing H2 heading text


@dataclass(frozen=True)
class Link:
    url: str
    path: str
    line: int


@dataclass
class Document:
    """A parsed Markdown file: its entries, the problems in them, and its prose lines."""

    path: str
    resources: list[Resource]
    problems: list[Problem]
    lines: list[Line]
    front_matter: str

    def sections(self) -> list[Section]:
        return group_sections(self.lines)

    def links(self) -> Iterator[Link]:
        for line in self.lines:
            for url in extract_urls(line.text):
                yield Link(url, self.path, line.number)


def normalize_url(url: str) -> str:
    """The identity of a URL: scheme, `www.`, host case, trailing slash and fragment ignored."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port else ""
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{port}{path}{query}"


ARXIV_ID_RE = re.compile(r"^https://arxiv\.org/abs/(?P<yymm>\d{4})\.\d{4,5}$")


def arxiv_year(url: str) -> int | None:
    """The year an arXiv identifier encodes (2401.00001 was submitted in 2024), or None."""
    match = ARXIV_ID_RE.match(url)
    return 2000 + int(match["yymm"][:2]) if match else None


def resource_id(url: str) -> str:
    """A stable id for a resource, derived from its normalized URL."""
    return "r" + hashlib.sha256(normalize_url(url).encode("utf-8")).hexdigest()[:10]


def strip_inline_code(text: str) -> str:
    return INLINE_CODE_RE.sub("", text)


def extract_urls(text: str) -> list[str]:
    """Every link target written in a line of Markdown (links, autolinks, HTML attributes)."""
    text = strip_inline_code(text)
    found = [m.group("url") for m in LINK_RE.finditer(text)]
    found += [m.group("url") for m in AUTOLINK_RE.finditer(text)]
    found += [m.group("url") for m in HTML_URL_RE.finditer(text)]
    return found


def split_front_matter(text: str) -> tuple[str, int]:
    """Return the YAML front matter and the number of lines it spans (0 if none)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return "", 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), index + 1
    return "", 0


def prose_lines(text: str, first_line: int = 1) -> Iterator[Line]:
    """Lines outside front matter and fenced code, each with its enclosing H2 section."""
    _, skip = split_front_matter(text) if first_line == 1 else ("", 0)
    fence: str | None = None
    section: str | None = None
    for offset, raw in enumerate(text.split("\n")):
        if offset < skip:
            continue
        number = first_line + offset
        opening = FENCE_RE.match(raw)
        if fence is not None:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group("fence")
            continue
        heading = HEADING_RE.match(raw)
        if heading and len(heading.group("hashes")) <= 2:
            section = heading.group("text") if len(heading.group("hashes")) == 2 else None
        yield Line(number, raw, section)


@dataclass(frozen=True)
class Section:
    """An H2 section of a page: its heading (None for what comes before the first) and prose lines."""

    title: str | None
    line: int  # the heading's line number (0 for the part before the first heading)
    lines: list[Line]


def sections(text: str) -> list[Section]:
    """A page's prose split at its H2 headings, code fences and front matter respected."""
    return group_sections(prose_lines(text))


def group_sections(lines: Iterable[Line]) -> list[Section]:
    found = [Section(None, 0, [])]
    for line in lines:
        heading = HEADING_RE.match(line.text)
        if heading and len(heading.group("hashes")) == 2:
            found.append(Section(heading.group("text"), line.number, []))
        else:
            found[-1].lines.append(line)
    return found


def parse_entry(text: str, level: str, path: str, line: int) -> Resource | Problem:
    """Parse one candidate line into a Resource, or say precisely what is wrong with it."""
    stripped = text.strip()
    match = ENTRY_RE.match(stripped)
    if match and match.group("type") in RESOURCE_TYPES:
        return Resource(
            match.group("title").strip(),
            match.group("url"),
            match.group("author").strip(),
            match.group("type"),
            match.group("description"),
            level,
            path,
            line,
            int(match.group("year")) if match.group("year") else None,
        )
    message, hint = diagnose_entry(stripped)
    return Problem(path, line, message, hint)


def diagnose_entry(text: str) -> tuple[str, str]:
    """Explain why a line that opens like an entry does not match ENTRY_RE."""
    types = ", ".join(RESOURCE_TYPES)
    start = LINK_START_RE.match(text)
    if start is None:
        return "malformed resource entry", f"write it as: {ENTRY_TEMPLATE}"
    if start.group("bullet") != "- ":
        return "resource entry must be a list item starting with '- '", f"write it as: {ENTRY_TEMPLATE}"
    if not start.group("title").strip():
        return "resource entry has an empty title", "put the resource's exact title inside [ ]"
    after = start.group("after")
    if not after.startswith(AUTHOR_SEPARATOR) or not after[len(AUTHOR_SEPARATOR) :].strip():
        return (
            "resource entry is missing its author",
            "after the link write ' by Author Name' (a person or the publishing organisation)",
        )
    author_and_rest = after[len(AUTHOR_SEPARATOR) :]
    if TYPE_SEPARATOR not in author_and_rest:
        return (
            "resource entry is missing its type",
            f"after the author write ' · type' (a middle dot, U+00B7) with type one of: {types}",
        )
    type_and_rest = author_and_rest.split(TYPE_SEPARATOR, 1)[1]
    kind, separator, description = type_and_rest.partition(DESCRIPTION_SEPARATOR)
    words = kind.split()
    if not words or words[0] not in RESOURCE_TYPES:
        shown = words[0] if words else ""
        return f"unknown resource type '{shown}'", f"use one of: {types}"
    if len(words) > 1 or (not separator and kind != kind.rstrip()):
        return (
            "resource entry's type and description are not separated by ' — '",
            "write ' — ' (an em dash, U+2014, with a space each side) between the type and the description",
        )
    if not description.strip():
        return (
            "resource entry is missing its description",
            "end the line with ' — One or two sentences on what the learner gets.' (an em dash, U+2014)",
        )
    return "malformed resource entry", f"write it as: {ENTRY_TEMPLATE}"


def parse_markdown(text: str, path: str) -> Document:
    """Parse a whole Markdown file (front matter included) into entries and problems."""
    front_matter, _ = split_front_matter(text)
    resources: list[Resource] = []
    problems: list[Problem] = []
    lines = list(prose_lines(text))
    for line in lines:
        level = LEVEL_SECTIONS.get(line.section or "")
        # In a resource section every list item is an entry, so a mistyped link is reported
        # instead of silently rendering as plain text.
        is_list_item = LIST_ITEM_RE.match(line.text) is not None
        if not CANDIDATE_RE.match(line.text) and not (level and is_list_item):
            continue
        if level is None:
            if is_list_item:
                problems.append(
                    Problem(
                        path,
                        line.number,
                        "resource line outside a resource section",
                        f"move it under '## {' or '.join(LEVEL_SECTIONS)}'",
                    )
                )
            continue
        parsed = parse_entry(line.text, level, path, line.number)
        (resources if isinstance(parsed, Resource) else problems).append(parsed)  # type: ignore[arg-type]
    return Document(path, resources, problems, lines, front_matter)


def parse_file(path: Path | str) -> Document:
    path = Path(path)
    return parse_markdown(path.read_text(encoding="utf-8"), str(path))


def markdown_files(paths: Iterable[Path | str]) -> list[Path]:
    """Expand files and directories into a sorted list of Markdown files."""
    found: set[Path] = set()
    for item in map(Path, paths):
        if item.is_dir():
            found.update(p for p in item.rglob("*.md") if p.is_file())
        else:
            found.add(item)
    return sorted(found)


def parse_paths(paths: Iterable[Path | str]) -> list[Document]:
    return [parse_file(p) for p in markdown_files(paths)]
