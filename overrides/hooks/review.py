"""ProperDocs hook: the Review page (docs/review.md) carries every chapter's self-check, rendered
by the one question writer (scripts/content/quiz.py) and kept hidden; review.js shows the
questions the reader's schedule says are due. Links to a chapter's own headings are rewritten
to point into that chapter.
"""

from __future__ import annotations

import re

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.structure.files import Files
from properdocs.structure.pages import Page

from scripts.content.entries import parse_file
from scripts.content.project import chapters, page_meta
from scripts.content.quiz import find_quiz, parse_quiz, render

REVIEW_PAGE = "review.md"
OWN_ANCHOR = re.compile(r"\]\(#")


def bank(config: ProperDocsConfig) -> str:
    out = ['<div class="rm-review__bank" hidden markdown>', ""]
    for chapter in chapters({"nav": config.nav}):
        document = parse_file(chapter.source)
        section = find_quiz(document.sections())
        if section is None:
            continue
        quiz, _ = parse_quiz(section, document.path)  # the chapter's own build reports its problems
        title = page_meta(chapter.source).get("title", chapter.slug)
        out += [
            f'<section class="rm-review__chapter" data-rm-chapter="{chapter.slug}" markdown>',
            "",
            f'<p class="rm-review__from" markdown="span">From [{title}]({chapter.path}#check-yourself)</p>',
            "",
            OWN_ANCHOR.sub(f"]({chapter.path}#", render(quiz, chapter.slug)),
            "",
            "</section>",
            "",
        ]
    return "\n".join([*out, "</div>"])


def on_page_markdown(markdown: str, page: Page, config: ProperDocsConfig, files: Files) -> str:
    if page.file.src_uri != REVIEW_PAGE:
        return markdown
    return f"{markdown}\n\n{bank(config)}\n"
