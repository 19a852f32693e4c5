"""Lint the roadmap's Markdown and exercises: `python -m scripts.content.lint [PATH ...]`
(default: docs/ and exercises/).

Prints one `file:line: message (hint: ...)` per problem and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import yaml

from scripts.content.chapter_map import ChapterSpec, build_graph, chapter_specs
from scripts.content.chapters import chapter_problems
from scripts.content.entries import Document, Problem, arxiv_year, markdown_files, normalize_url, parse_paths, strip_inline_code
from scripts.content.progress_slots import problems as slot_problems
from scripts.content.project import allowed_tags, chapters
from scripts.content.quiz import quiz_problems
from scripts.content.quiz_bank import copy_problems
from scripts.exercises.catalog import load as load_exercises
from scripts.exercises.rules import chapter_exercise_problems
from scripts.paths import DOCS, EXERCISES, display

HTTP_ALLOWLIST = Path(__file__).with_name("http-allowlist.txt")

TRACKING_PARAMETERS = ("fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid")
TRACKING_PREFIXES = ("utm_",)
URL_SHORTENERS = (
    "bit.ly",
    "buff.ly",
    "cutt.ly",
    "goo.gl",
    "is.gd",
    "lnkd.in",
    "ow.ly",
    "rebrand.ly",
    "shorturl.at",
    "t.co",
    "t.ly",
    "tiny.cc",
    "tinyurl.com",
    "youtu.be",
)
UNSAFE_HTML = (
    (re.compile(r"<\s*script\b", re.IGNORECASE), "raw <script> tag", "remove it: pages may not run their own scripts"),
    (re.compile(r"<\s*iframe\b", re.IGNORECASE), "raw <iframe> tag", "link to the page instead of embedding it"),
    (
        re.compile(r"<[a-zA-Z][^>]*\s(on[a-zA-Z]+)\s*=", re.IGNORECASE),
        "inline event handler attribute",
        "remove the on…= attribute: pages may not run their own scripts",
    ),
)
FRONT_MATTER_KEYS = ("title", "description")


@dataclass(frozen=True)
class AllowedHttp:
    url: str
    reason: str


def load_http_allowlist(path: Path = HTTP_ALLOWLIST) -> tuple[dict[str, AllowedHttp], list[Problem]]:
    """Read `URL  reason` lines; a line without a reason is a problem of its own."""
    allowed: dict[str, AllowedHttp] = {}
    problems: list[Problem] = []
    if not path.exists():
        return allowed, problems
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        url, _, reason = line.partition(" ")
        if not url.startswith("http://"):
            problems.append(Problem(display(path), number, f"allowlist entry is not an http:// URL: {url}", "list only http:// URLs here"))
        elif not reason.strip():
            problems.append(Problem(display(path), number, f"allowlist entry has no reason: {url}", "write the reason after the URL, on the same line"))
        else:
            allowed[url] = AllowedHttp(url, reason.strip())
    return allowed, problems



def check_url(url: str, allowed_http: dict[str, AllowedHttp]) -> Iterator[tuple[str, str]]:
    """Problems with a single link target, as (message, hint)."""
    lowered = url.strip().lower()
    if lowered.startswith("javascript:"):
        yield "javascript: link", "link to a page, not to script"
        return
    if lowered.startswith("data:"):
        yield "data: link", "ship the file in docs/assets/ and link to it"
        return
    if lowered.startswith("http://") and url not in allowed_http:
        yield (
            f"insecure http:// link: {url}",
            f"use https://, or list the URL with a reason in {display(HTTP_ALLOWLIST)}",
        )
    if not lowered.startswith(("http://", "https://")):
        return
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host in URL_SHORTENERS:
        yield f"URL shortener: {url}", "link to the full address the short link leads to"
    if host == "arxiv.org" and parts.path.startswith("/pdf/"):
        paper = parts.path.removeprefix("/pdf/").removesuffix(".pdf")
        yield f"arXiv PDF link: {url}", f"link the abstract page, https://arxiv.org/abs/{paper}"
    for key, _ in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in TRACKING_PARAMETERS or key.lower().startswith(TRACKING_PREFIXES):
            yield f"tracking parameter '{key}' in {url}", f"remove '{key}=…' from the URL"


def link_problems(document: Document, allowed_http: dict[str, AllowedHttp]) -> Iterator[Problem]:
    for link in document.links():
        for message, hint in check_url(link.url, allowed_http):
            yield Problem(document.path, link.line, message, hint)


def year_problems(document: Document, today: datetime.date) -> Iterator[Problem]:
    for resource in document.resources:
        from_id = arxiv_year(resource.url)
        if resource.year and resource.year > today.year:
            yield Problem(document.path, resource.line, f"year {resource.year} is in the future", "write the year the source states")
        elif from_id and resource.year is None:
            yield Problem(document.path, resource.line, "arXiv entry without its year", f"write ' ({from_id})' after the author: the year its id encodes")
        elif from_id and resource.year != from_id:
            yield Problem(
                document.path, resource.line, f"year {resource.year} disagrees with the arXiv id", f"the id encodes {from_id}: write ' ({from_id})'"
            )


def html_problems(document: Document) -> Iterator[Problem]:
    for line in document.lines:
        text = strip_inline_code(line.text)
        for pattern, message, hint in UNSAFE_HTML:
            if pattern.search(text):
                yield Problem(document.path, line.number, message, hint)


def front_matter_problems(document: Document, tags: tuple[str, ...]) -> Iterator[Problem]:
    if not document.front_matter and not document.lines:
        return
    try:
        meta = yaml.safe_load(document.front_matter) if document.front_matter else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or "cannot be read"
        yield Problem(
            document.path,
            line,
            f"front matter is not valid YAML: {problem}",
            "put double quotes around a value that contains ': ' or starts with a special character",
        )
        return
    if not isinstance(meta, dict):
        yield Problem(document.path, 1, "page has no front matter", "start the file with ---, title:, description:, ---")
        return
    lines = document.front_matter.split("\n")
    for key in FRONT_MATTER_KEYS:
        if not str(meta.get(key) or "").strip():
            yield Problem(document.path, 1, f"front matter lacks '{key}'", f"add '{key}: …' between the --- lines")
    for tag in meta.get("tags") or []:
        if tag not in tags:
            line = next((i + 2 for i, text in enumerate(lines) if re.search(rf"\b{re.escape(str(tag))}\b", text)), 1)
            yield Problem(document.path, line, f"tag '{tag}' is not in the allowed list", f"use one of: {', '.join(tags)}")


def duplicate_problems(documents: Iterable[Document]) -> Iterator[Problem]:
    first_seen: dict[str, tuple[str, int]] = {}
    for document in documents:
        for resource in document.resources:
            key = normalize_url(resource.url)
            if key in first_seen:
                where = "{}:{}".format(*first_seen[key])
                yield Problem(
                    document.path,
                    resource.line,
                    f"duplicate URL {resource.url} (already listed at {where})",
                    "keep one entry per resource: remove this one or merge the two",
                )
            else:
                first_seen[key] = (document.path, resource.line)


def inside_docs(path: Path | str) -> bool:
    return Path(path).resolve().is_relative_to(DOCS.resolve())


def with_map_problems(problems: list[Problem], wanted: set[str], specs: list[ChapterSpec]) -> list[Problem]:
    """The map's rules over all chapters (a prerequisite that is no chapter or closes a cycle),
    for the files being linted; such a line then gets that one message, not also "not earlier"."""
    graph_problems = [p for p in build_graph(specs)[1] if p.path in wanted]
    blamed = {(p.path, p.line) for p in graph_problems}
    kept = [p for p in problems if not (p.message.startswith("prerequisite ") and (p.path, p.line) in blamed)]
    return kept + graph_problems


def inside_exercises(path: Path | str) -> bool:
    return Path(path).resolve().is_relative_to(EXERCISES.resolve())


def exercise_problems(paths: list[Path | str], universe: list[Document]) -> list[Problem]:
    """The exercises' format, and their rules against the chapters, for the files being linted."""
    nav = chapters()
    exercises, problems = load_exercises(chapters=tuple(c.slug for c in nav))
    by_path = {d.path: d for d in universe}
    documents = {c.slug: by_path[display(c.source)] for c in nav if display(c.source) in by_path}
    problems += chapter_exercise_problems(exercises, documents)
    wanted = [Path(display(p)) for p in paths]
    return [p for p in problems if any(Path(p.path) == w or w in Path(p.path).parents for w in wanted)]


def lint(paths: Iterable[Path | str], http_allowlist: Path = HTTP_ALLOWLIST, today: datetime.date | None = None) -> list[Problem]:
    paths = list(paths)
    exercise_paths = [p for p in paths if inside_exercises(p)]
    paths = [p for p in paths if not inside_exercises(p)]
    if not paths:  # only exercises: their rules still read the chapters
        return sorted(exercise_problems(exercise_paths, parse_paths([display(DOCS)])), key=lambda p: (p.path, p.line, p.message))
    # A URL must be unique across the whole site, even when only one page is being linted: parse
    # all of docs/ once and check the pages asked for.
    in_docs = all(inside_docs(p) for p in paths)
    universe = parse_paths([display(DOCS)]) if in_docs else parse_paths(display(p) for p in paths)
    wanted = {display(f) for f in markdown_files(display(p) for p in paths)}
    documents = [d for d in universe if d.path in wanted]
    allowed_http, problems = load_http_allowlist(http_allowlist)
    tags = allowed_tags()
    nav = chapters()
    for document in documents:
        problems += document.problems
        problems += link_problems(document, allowed_http)
        problems += html_problems(document)
        problems += year_problems(document, today or datetime.date.today())
        problems += front_matter_problems(document, tags)
        chapter = next((c for c in nav if display(c.source) == document.path), None)
        if chapter is not None:
            problems += chapter_problems(document, nav[: nav.index(chapter)], today or datetime.date.today())
        else:  # a quiz outside the chapters: the placement quiz on Start here
            problems += quiz_problems(document.path, document.sections(), [r.url for r in document.resources], Path(document.path).parent)
    problems = with_map_problems(problems, wanted, chapter_specs(parsed={d.path: d for d in universe}))
    problems += copy_problems(universe, wanted)  # questions of two pages that are near-copies: needs every page's quiz
    # Files being linted come last, so a duplicate is reported where the user is looking.
    universe = sorted(universe, key=lambda d: d.path in wanted)
    problems += (p for p in duplicate_problems(universe) if p.path in wanted)
    if in_docs:
        problems += exercise_problems([*exercise_paths, *(Path(w) for w in wanted)], universe)
        problems += (p for p in slot_problems(parsed={d.path: d for d in universe}) if p.path in wanted)
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.content.lint", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown files, exercises or folders (default: docs/ and exercises/)")
    args = parser.parse_args(argv)
    paths = args.paths or [DOCS, EXERCISES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"{path}: no such file or folder", file=sys.stderr)
        return 2
    problems = lint(paths)
    for problem in problems:
        print(problem)
    files = len({p.path for p in problems})
    summary = f"{len(problems)} problem(s) in {files} file(s)" if problems else "no problems found"
    print(summary, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
