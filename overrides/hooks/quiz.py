"""ProperDocs hook: renders each page's quiz (a chapter's "Check yourself", Start here's "Placement
quiz") from the question format in scripts/content/quiz.py into HTML: questions, options A-D,
answers folded in <details> (readable without JavaScript), and an answer key for print.

A quiz that breaks the format is a warning (so the strict build fails) with file and line; the
linter reports the same.
"""

from __future__ import annotations

import logging
from pathlib import Path

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.structure.files import Files
from properdocs.structure.pages import Page

from scripts.content.entries import sections
from scripts.content.project import PARTS, chapters
from scripts.content.quiz import PLACEMENT, find_quiz, parse_quiz, render

log = logging.getLogger("properdocs.hooks.quiz")


def on_page_markdown(markdown: str, page: Page, config: ProperDocsConfig, files: Files) -> str:
    page_sections = sections(markdown)
    section = find_quiz(page_sections)
    if section is None:
        return markdown
    quiz, problems = parse_quiz(section, page.file.src_uri)
    for problem in problems:
        log.warning(f"docs/{problem}")
    key = "placement" if section.title == PLACEMENT else Path(page.file.src_uri).stem
    page.meta["quiz_count"] = len(quiz.questions)
    lines = markdown.split("\n")
    first = section.line  # the heading's line; the questions follow it to the section's end
    last = section.lines[-1].number if section.lines else first
    parts = {c.slug: PARTS.index(c.part) + 1 for c in chapters({"nav": config.nav})}
    return "\n".join([*lines[:first], "", render(quiz, key, parts), "", *lines[last:]])
