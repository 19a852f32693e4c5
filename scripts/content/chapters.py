"""The rules a chapter page must meet, as linter problems with `file:line`.

A chapter is a page listed under one of the nav's parts (scripts.content.project.chapters). Its
shape: front matter (title, one-sentence description, tags, last_reviewed), one H1 equal to the
title, an introduction, then exactly the sections in SECTIONS. Its content: enough resources at
each level, of mixed types, covering every key concept, prerequisites that are earlier
chapters only, and a self-check whose every question has one right answer and an explanation
that links where it is taught (scripts/content/quiz.py). The pre-commit hook and CI run these through `python -m scripts.content.lint`, so a
contributor sees the same message the tests would give.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import yaml

from scripts.content.entries import LEVEL_SECTIONS, LINK_RE, Document, Problem, Section
from scripts.content.project import Chapter, prerequisites
from scripts.content.quiz import SELF_CHECK, quiz_problems

SECTIONS = ("Key concepts", "Prerequisites", "High-level resources", "In-depth resources", SELF_CHECK)
INTRO_WORDS = (200, 500)
KEY_CONCEPTS = (4, 8)
MIN_PER_LEVEL = 4
MIN_TYPES = 3
MAX_TYPE_SHARE = 0.7
DESCRIPTION_MAX = 200
KEY_CONCEPT_RE = re.compile(r"^- \*\*(?P<term>[^*]+)\*\*: \S")
SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z]")


def front_matter_line(document: Document, key: str) -> int:
    """The line of `key:` in the front matter (1, the opening ---, when it is absent)."""
    for index, text in enumerate(document.front_matter.split("\n")):
        if text.startswith(f"{key}:"):
            return index + 2
    return 1


def meta_problems(document: Document, meta: dict, today: datetime.date) -> Iterator[Problem]:
    path = document.path
    description = str(meta.get("description") or "").strip()
    where = front_matter_line(document, "description")
    if description and (not description.endswith(".") or len(description) > DESCRIPTION_MAX or SENTENCE_BREAK_RE.search(description)):
        yield Problem(path, where, "a chapter's description is one sentence ending with '.'", f"at most {DESCRIPTION_MAX} characters")
    if not meta.get("tags"):
        yield Problem(path, 1, "a chapter needs tags", "add 'tags:' with one or more of the allowed tags")
    reviewed = meta.get("last_reviewed")
    where = front_matter_line(document, "last_reviewed")
    if not isinstance(reviewed, datetime.date):
        yield Problem(path, where, "a chapter needs 'last_reviewed: YYYY-MM-DD' in its front matter", "the day its content was last checked against its sources")
    elif reviewed > today:
        yield Problem(path, where, f"last_reviewed {reviewed} is in the future", "write the day the review was done")


def skeleton_problems(document: Document, page: list[Section], title: str) -> Iterator[Problem]:
    path = document.path
    headings = [line for line in page[0].lines if line.text.startswith("# ")]
    if not headings or headings[0].text != f"# {title}":
        yield Problem(path, headings[0].number if headings else 1, "the page starts with an H1 equal to its front-matter title", f"write '# {title}'")
    for extra in [line for section in page for line in section.lines if line.text.startswith("# ")][1:]:
        yield Problem(path, extra.number, "a chapter has exactly one H1", "make this heading '## …' or '### …'")
    found = tuple(section.title for section in page[1:])
    if found != SECTIONS:
        line = next((s.line for s, wanted in zip(page[1:], SECTIONS) if s.title != wanted), page[-1].line or 1)
        yield Problem(path, line, f"sections are {', '.join(found) or 'missing'}", f"a chapter has exactly: {', '.join(SECTIONS)}, in this order")


def intro_problems(document: Document, page: list[Section]) -> Iterator[Problem]:
    prose = [line.text for line in page[0].lines if line.text.strip() and not line.text.startswith(("# ", "![", "*", "<"))]
    words = len(LINK_RE.sub(r"\g<text>", " ".join(prose)).split())
    low, high = INTRO_WORDS
    if not low <= words <= high:
        first = next((line.number for line in page[0].lines if line.text.startswith("# ")), 1)
        yield Problem(document.path, first, f"the introduction has {words} words", f"write {low} to {high}: what, why, and what comes next")


def concept_problems(document: Document, section: Section) -> Iterator[Problem]:
    items = [line for line in section.lines if line.text.startswith("- ")]
    low, high = KEY_CONCEPTS
    if not low <= len(items) <= high:
        yield Problem(document.path, section.line, f"{len(items)} key concepts", f"list {low} to {high}")
    covered = " ".join(f"{r.title} {r.description}" for r in document.resources).lower()
    for item in items:
        match = KEY_CONCEPT_RE.match(item.text)
        if not match:
            yield Problem(document.path, item.number, "a key concept reads '- **Term**: explanation'", "bold the term, then a colon")
        elif match["term"].lower() not in covered:
            yield Problem(document.path, item.number, f"no resource covers the key concept '{match['term']}'", "name it in the title or description of a resource that teaches it")


def prerequisite_problems(document: Document, page: list[Section], section: Section, earlier: list[Chapter]) -> Iterator[Problem]:
    allowed = {chapter.path for chapter in earlier}
    declared = prerequisites(page)
    for needed in declared:
        if needed.target not in allowed:
            yield Problem(document.path, needed.line, f"prerequisite {needed.target} is not an earlier chapter", "link only chapters that come before this one in the nav")
    if earlier and not declared:
        yield Problem(document.path, section.line, "no prerequisites listed", "link at least one earlier chapter, as '- [Title](file.md): why'")


def resource_problems(document: Document, page: list[Section]) -> Iterator[Problem]:
    levels = Counter(resource.level for resource in document.resources)
    for section in page:
        level = LEVEL_SECTIONS.get(section.title or "")
        if level and levels[level] < MIN_PER_LEVEL:
            yield Problem(document.path, section.line, f"{levels[level]} {level} resources", f"a chapter needs at least {MIN_PER_LEVEL} at each level")
    types = Counter(resource.type for resource in document.resources)
    total = sum(types.values())
    heading = next((s.line for s in page if s.title in LEVEL_SECTIONS), 1)
    if total and len(types) < MIN_TYPES:
        yield Problem(document.path, heading, f"resources of {len(types)} type(s) only", f"mix at least {MIN_TYPES} types (videos, articles, papers, code, …)")
    if total and max(types.values()) > MAX_TYPE_SHARE * total:
        kind, count = types.most_common(1)[0]
        yield Problem(document.path, heading, f"{count} of {total} resources are of type {kind}", f"no type may exceed {MAX_TYPE_SHARE:.0%}")


def chapter_problems(document: Document, earlier: list[Chapter], today: datetime.date) -> list[Problem]:
    """Every rule of a chapter page; `earlier`: the chapters before it in the nav."""
    try:
        meta = yaml.safe_load(document.front_matter) if document.front_matter else None
    except yaml.YAMLError:
        meta = None
    if not isinstance(meta, dict):
        return []  # the linter's front-matter rules report it
    page = document.sections()
    by_title = {section.title: section for section in page}
    problems = [*meta_problems(document, meta, today), *skeleton_problems(document, page, str(meta.get("title") or ""))]
    problems += intro_problems(document, page)
    if "Key concepts" in by_title:
        problems += concept_problems(document, by_title["Key concepts"])
    if "Prerequisites" in by_title:
        problems += prerequisite_problems(document, page, by_title["Prerequisites"], earlier)
    problems += resource_problems(document, page)
    problems += quiz_problems(document.path, page, [r.url for r in document.resources], Path(document.path).parent)
    return problems
