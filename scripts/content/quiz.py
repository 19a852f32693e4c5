"""The question format: one reader for the self-check that ends every chapter ("## Check
yourself") and for the placement quiz on Start here ("## Placement quiz"), with the rules the
linter applies, and the one writer of the HTML the site shows.

A question, as authors write it:

    **1. Why does a transformer add positional information to its inputs?**

    Chapter: [Transformer architecture](transformer.md)      (placement quiz only)

    - [ ] Attention layers cannot run in parallel without it.
    - [x] Attention on its own treats the input as an unordered set of tokens.

    Why: One or two sentences, with a link to the [section](#key-concepts) or resource that teaches it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from markdown.extensions.toc import slugify

from scripts.content.entries import Line, Problem, Section, extract_urls, sections

SELF_CHECK, PLACEMENT = "Check yourself", "Placement quiz"
QUIZ_SECTIONS = {SELF_CHECK: (5, 8), PLACEMENT: (12, 16)}  # title -> (fewest, most) questions
QUESTION_RE = re.compile(r"^\*\*(?P<number>\d+)\.\s+(?P<text>.+?)\*\*$")
OPTION_RE = re.compile(r"^- \[(?P<mark>[ xX])\] (?P<text>.+)$")
WHY_RE = re.compile(r"^Why: (?P<text>.+)$")
CHAPTER_RE = re.compile(r"^Chapter: \[(?P<title>[^\]]+)\]\((?P<target>[^)#]+\.md)\)$")
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Option:
    text: str
    right: bool
    line: int


@dataclass(frozen=True)
class Question:
    number: int
    text: str
    options: tuple[Option, ...]
    why: str
    line: int
    why_line: int
    chapter: str = ""  # placement quiz: the chapter file the question is about
    chapter_title: str = ""

    @property
    def id(self) -> str:
        """Stable while the question's wording is: results are stored under it."""
        return "q" + hashlib.sha256(" ".join(self.text.lower().split()).encode()).hexdigest()[:10]

    @property
    def answer(self) -> int:
        return next(i for i, option in enumerate(self.options) if option.right)


@dataclass(frozen=True)
class Quiz:
    title: str  # SELF_CHECK or PLACEMENT
    path: str
    line: int  # of the section's heading
    questions: tuple[Question, ...]


def find_quiz(page: list[Section]) -> Section | None:
    return next((s for s in page if s.title in QUIZ_SECTIONS), None)


def quiz_problems(path: str, page: list[Section], resource_urls: Iterable[str], docs: Path) -> list[Problem]:
    """Every rule of a page's quiz (none when it has no quiz section)."""
    section = find_quiz(page)
    if section is None:
        return []
    quiz, problems = parse_quiz(section, path)
    return problems + link_problems(quiz, page, resource_urls, docs)


def read_question(header: re.Match[str], at: int, body: list[Line], path: str, placement: bool) -> tuple[Question | None, list[Problem]]:
    """One question from its header line and the lines up to the next; None when it is unusable."""
    number, problems = int(header["number"]), []
    options: list[Option] = []
    why, why_line, chapter, chapter_title = "", 0, "", ""
    for line in body:
        text = line.text.strip()
        if match := OPTION_RE.match(text):
            if why:
                problems.append(Problem(path, line.number, "an option after the explanation", "put 'Why: …' after the last option"))
            options.append(Option(match["text"], match["mark"] != " ", line.number))
        elif match := WHY_RE.match(text):
            why, why_line = match["text"], line.number
        elif match := CHAPTER_RE.match(text):
            chapter, chapter_title = match["target"], match["title"]
        else:
            problems.append(Problem(path, line.number, "a quiz line is a question, an option, 'Why: …' or 'Chapter: …'", "see the format in CONTRIBUTING.md"))
    rights = [o for o in options if o.right]
    if not 3 <= len(options) <= 4:
        problems.append(Problem(path, at, f"question {number} has {len(options)} options", "give 3 or 4 options, '- [ ] wrong' and one '- [x] right'"))
    if not rights:
        problems.append(Problem(path, at, f"question {number} has no right answer", "mark the right option '- [x] …'"))
    elif len(rights) > 1:
        problems.append(Problem(path, rights[1].line, f"question {number} has {len(rights)} right answers", "exactly one option is '- [x]'"))
    if not why:
        problems.append(Problem(path, at, f"question {number} has no explanation", "add 'Why: …' with a link to the section or resource that teaches it"))
    if placement and not chapter:
        problems.append(Problem(path, at, f"question {number} names no chapter", "add 'Chapter: [Title](file.md)' after the question"))
    usable = options and len(rights) == 1 and why
    return (Question(number, header["text"], tuple(options), why, at, why_line, chapter, chapter_title) if usable else None), problems


def parse_quiz(section: Section, path: str) -> tuple[Quiz, list[Problem]]:
    """Questions in order; a line that fits no part of the format is a problem, never skipped silently."""
    problems: list[Problem] = []
    blocks: list[tuple[re.Match[str], int, list[Line]]] = []  # each question's header, its line, what follows
    for line in section.lines:
        if not line.text.strip():
            continue
        if match := QUESTION_RE.match(line.text.strip()):
            blocks.append((match, line.number, []))
        elif blocks:
            blocks[-1][2].append(line)
        else:
            problems.append(Problem(path, line.number, "text before the first question", "start with '**1. Question?**'"))
    questions: list[Question] = []
    for header, at, body in blocks:
        question, found = read_question(header, at, body, path, section.title == PLACEMENT)
        problems += found
        if question:
            questions.append(question)
    numbers = [int(header["number"]) for header, _, _ in blocks]
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(Problem(path, section.line, f"questions are numbered {numbers}", "number them 1, 2, 3 … in order"))
    fewest, most = QUIZ_SECTIONS[section.title or ""]
    if not fewest <= len(questions) <= most:
        problems.append(Problem(path, section.line, f"{len(questions)} questions", f"a {section.title.lower()} has {fewest} to {most}"))
    return Quiz(section.title or "", path, section.line, tuple(questions)), problems


def anchors(page: list[Section]) -> set[str]:
    """The ids MkDocs gives a page's headings (Python-Markdown's toc slugify)."""
    return {slugify(s.title, "-") for s in page if s.title}


def link_problems(quiz: Quiz, page: list[Section], resource_urls: Iterable[str], docs: Path) -> list[Problem]:
    """Each explanation links where the answer is taught: a heading of this page, a heading of
    another page, or a resource entry of the chapter."""
    problems: list[Problem] = []
    own = anchors(page)
    urls = set(resource_urls)
    for question in quiz.questions:
        links = extract_urls(question.why)
        if not links:
            problems.append(Problem(quiz.path, question.why_line, f"question {question.number}'s explanation links nothing", "link the section or resource that teaches the answer"))
        for link in links:
            if link.startswith(("http://", "https://")):
                if quiz.title == SELF_CHECK and link not in urls:
                    problems.append(Problem(quiz.path, question.why_line, f"question {question.number} links {link}, which is no resource of this chapter", "link a resource entry of this page, or a section as #anchor"))
                continue
            page, _, fragment = link.partition("#")
            target = docs / page if page else None
            if target is not None and not target.is_file():
                problems.append(Problem(quiz.path, question.why_line, f"question {question.number} links {page}, which does not exist", "link an existing page"))
            elif fragment and fragment not in (anchors(sections(target.read_text(encoding="utf-8"))) if target else own):
                problems.append(Problem(quiz.path, question.why_line, f"question {question.number} links #{fragment}, which is no heading of {page or 'this page'}", "link a heading that exists, such as #key-concepts"))
        if question.chapter and not (docs / question.chapter).is_file():
            problems.append(Problem(quiz.path, question.line, f"question {question.number} is about {question.chapter}, which does not exist", "name a chapter file"))
    return problems


def render(quiz: Quiz, key: str, parts: Mapping[str, int] | None = None) -> str:
    """The questions as HTML with Markdown inside (md_in_html), so links are rewritten and
    checked by MkDocs: options listed A, B, C; each answer folded in <details>; an answer key
    after the questions, which only print shows. `parts`: each chapter's part in the nav, which
    the placement quiz's advice reads (foundations are part 1)."""
    kind = "placement" if quiz.title == PLACEMENT else "self-check"
    out = [f'<div class="rm-quiz rm-quiz--{kind}" data-rm-quiz="{escape(key)}" data-rm-quiz-count="{len(quiz.questions)}" markdown>', ""]
    for q in quiz.questions:
        slug = Path(q.chapter).stem
        part = f' data-rm-quiz-part="{parts[slug]}"' if parts and slug in parts else ""
        chapter = f' data-rm-quiz-chapter="{escape(slug)}"{part}' if q.chapter else ""
        out += [
            f'<div class="rm-quiz__question" id="{escape(key)}-{q.number}" data-rm-question="{q.id}" data-rm-answer="{q.answer}"{chapter} markdown>',
            f'<p class="rm-quiz__text" markdown="span"><strong>{q.number}.</strong> {q.text}</p>',
            *([f'<p class="rm-quiz__about" markdown="span">About [{q.chapter_title}]({q.chapter})</p>'] if q.chapter else []),
            '<ol class="rm-quiz__options" type="A" markdown>',
            *(f'<li markdown="span">{o.text}</li>' for o in q.options),
            "</ol>",
            '<details class="rm-quiz__answer" markdown>',
            "<summary>Show the answer</summary>",
            f'<p markdown="span"><strong>{LETTERS[q.answer]}.</strong> {q.why}</p>',
            "</details>",
            "</div>",
            "",
        ]
    key_items = " · ".join(f"{q.number}&nbsp;{LETTERS[q.answer]}" for q in quiz.questions)
    out += [f'<p class="rm-quiz__key"><strong>Answer key:</strong> {key_items}</p>', "", "</div>"]
    return "\n".join(out)
