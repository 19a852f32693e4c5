"""Add one resource to a chapter: `python -m scripts.content.add --url URL --chapter SLUG --level LEVEL
--type TYPE --title TITLE --author AUTHOR --description TEXT` (asks for what is missing when run
in a terminal).

It writes the entry line, checks it exactly as the linter would (format, URL rules, raw HTML,
and that the URL is not already listed anywhere in docs/), inserts it at the end of the
chapter's section for that level, and prints the diff. Nothing is written if a check fails:
each problem is printed as `file:line: message (hint: ...)`, the line being where the entry
would have gone.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.content.entries import (
    LEVEL_SECTIONS,
    LEVELS,
    RESOURCE_TYPES,
    Problem,
    arxiv_year,
    format_entry,
    parse_markdown,
    parse_paths,
    prose_lines,
)
from scripts.content.lint import duplicate_problems, html_problems, link_problems, load_http_allowlist
from scripts.content.project import chapters
from scripts.paths import DOCS, display

# An empty resource section holds this admonition (tests/test_chapters.py); the first entry replaces it.
CONTRIBUTIONS_WANTED = '!!! note "Contributions wanted"'
FIELDS = ("url", "chapter", "level", "type", "title", "author", "description")


@dataclass(frozen=True)
class Suggestion:
    url: str
    chapter: str
    level: str
    type: str
    title: str
    author: str
    description: str

    year: int | None = None

    def entry(self) -> str:
        # An arXiv id encodes its year, so the helper writes it when none is given.
        return format_entry(self.title, self.url, self.author, self.type, self.description, self.year or arxiv_year(self.url))


class Refused(Exception):
    """The suggestion cannot be added; the message says why and what to do."""


def section_heading(level: str) -> str:
    return next(heading for heading, value in LEVEL_SECTIONS.items() if value == level)


def insert_entry(text: str, path: str, level: str, entry: str) -> tuple[str, int]:
    """The page with `entry` at the end of its level's section, and the entry's line number."""
    heading = section_heading(level)
    lines = text.split("\n")
    section = [line for line in prose_lines(text) if line.section == heading]
    if not section:
        raise Refused(f"{path}: no '## {heading}' section (hint: add the heading, then run this again)")
    entries = [r.line for r in parse_markdown(text, path).resources if r.level == level]
    if entries:
        index = max(entries)  # 0-based index of the line after the last entry
        return "\n".join([*lines[:index], entry, *lines[index:]]), index + 1
    wanted = next((line.number for line in section if line.text.strip() == CONTRIBUTIONS_WANTED), None)
    if wanted is None:  # an empty section without the admonition: right under the heading
        index = section[0].number
        return "\n".join([*lines[:index], "", entry, *lines[index:]]), index + 2
    end = wanted  # the admonition's body is its indented lines
    while end < len(lines) and lines[end].startswith((" ", "\t")):
        end += 1
    return "\n".join([*lines[: wanted - 1], entry, *lines[end:]]), wanted


def problems_with(new_text: str, path: str, line: int, docs: Path) -> list[Problem]:
    """The linter's verdict on the new line: entry format, URL rules, raw HTML, duplicates."""
    document = parse_markdown(new_text, path)
    allowed_http, _ = load_http_allowlist()
    found = [*document.problems, *link_problems(document, allowed_http), *html_problems(document)]
    # The new page goes after every page as it is now, so a duplicate is reported on the new
    # line, naming where the URL is already listed.
    found += duplicate_problems([*parse_paths([display(docs)]), document])
    return sorted({p for p in found if p.path == path and p.line == line}, key=lambda p: p.message)


def add(suggestion: Suggestion, docs: Path = DOCS, write: bool = True) -> str:
    """Insert the suggestion into docs/<chapter>.md; return the unified diff."""
    page = docs / f"{suggestion.chapter}.md"
    if suggestion.chapter not in [c.slug for c in chapters()] or not page.is_file():
        raise Refused(f"unknown chapter '{suggestion.chapter}' (hint: use one of: {', '.join(c.slug for c in chapters())})")
    if suggestion.level not in LEVELS:
        raise Refused(f"unknown level '{suggestion.level}' (hint: use one of: {', '.join(LEVELS)})")
    path = display(page)
    old_text = page.read_text(encoding="utf-8")
    new_text, line = insert_entry(old_text, path, suggestion.level, suggestion.entry())
    problems = problems_with(new_text, path, line, docs)
    if problems:
        raise Refused("\n".join(map(str, problems)))
    if write:
        page.write_text(new_text, encoding="utf-8")
    # git's a/ and b/ prefixes for a path in the project, so the diff applies with `git apply`.
    before, after = (path, path) if Path(path).is_absolute() else (f"a/{path}", f"b/{path}")
    diff = difflib.unified_diff(old_text.splitlines(keepends=True), new_text.splitlines(keepends=True), before, after)
    return "".join(diff)


def ask(field: str, choices: Sequence[str]) -> str:
    """Prompt until the answer is non-empty and, if there are choices, one of them."""
    shown = f" ({', '.join(choices)})" if choices else ""
    while True:
        answer = input(f"{field}{shown}: ").strip()
        if answer and (not choices or answer in choices):
            return answer


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.content.add", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--url", help="the resource's own https:// address")
    parser.add_argument("--chapter", help="the chapter's file name in docs/ without .md, e.g. transformer")
    parser.add_argument("--level", help=f"one of: {', '.join(LEVELS)}")
    parser.add_argument("--type", help=f"one of: {', '.join(RESOURCE_TYPES)}")
    parser.add_argument("--title", help="the resource's exact title")
    parser.add_argument("--author", help="the person (up to two names, else 'First Author et al.') or the organisation")
    parser.add_argument("--description", help="one or two sentences on what the learner gets")
    parser.add_argument("--year", type=int, help="the year the source states (leave out for undated living pages)")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs folder (default: docs/)")
    parser.add_argument("--dry-run", action="store_true", help="print the diff without writing the file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    choices = {"chapter": [c.slug for c in chapters()], "level": list(LEVELS), "type": list(RESOURCE_TYPES)}
    missing = [name for name in FIELDS if not (getattr(args, name) or "").strip()]
    if missing and not sys.stdin.isatty():
        print(f"missing: {', '.join('--' + name for name in missing)} (run it in a terminal to be asked)", file=sys.stderr)
        return 2
    values = {name: (getattr(args, name) or "").strip() or ask(name, choices.get(name, ())) for name in FIELDS}
    try:
        diff = add(Suggestion(**values, year=args.year), args.docs, write=not args.dry_run)
    except Refused as refusal:
        print(refusal, file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    print(diff, end="")
    if not args.dry_run:
        if Path(args.docs).resolve() == DOCS.resolve():  # the new entry's slot in share links
            from scripts.content.progress_slots import append_missing

            append_missing()
        print("added; now run: bash scripts/test.sh (or .venv/bin/python -m scripts.content.lint for the quick check)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
