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
# The build shows each question's options in an order drawn from sha256 of this salt and the
# question's id, so where the right answer sits carries no pattern an author left in it. The
# salt was chosen with `python -m scripts.content.quiz_bank --choose-salt` so the positions over
# the whole bank are close to uniform, a key repeats the previous question's position about as
# often as chance would, and no quiz shows one letter more than 3 times in a row. Changing it
# moves every option, and readers' stored choices (indices as shown) would then point elsewhere.
SHUFFLE_SALT = "112"
# An explanation, stem or option that points at an option by letter or place, which the shuffle
# makes wrong: "option B", "answers A and C", "(D)", "the first option", "all of the above".
OPTION_REFERENCE = re.compile(
    r"\b(?i:options?|answers?|choices?)\s+\(?[A-H]\)?(?![\w-])"  # letters stay capitals: "the answer a model gives" is fine
    r"|(?<![\w(])\([A-H]\)(?![\w)])"
    r"|\b(?i:the)\s+(?i:first|second|third|fourth|last|top|bottom|previous|next)\s+(?i:option|answer|choice)s?\b"
    r"|\b(?i:all|none|both|neither)\s+of\s+(?i:the\s+)?"
    r"(?i:above|below|(?:these|those)(?=\s*[.;:,)]|$)|(?:other\s+)?(?:options|answers|choices)|others)\b"
)


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
        """The right option's index as written in the Markdown."""
        return next(i for i, option in enumerate(self.options) if option.right)

    def order(self, salt: str = SHUFFLE_SALT) -> tuple[int, ...]:
        """The written options' indices in the order the site shows them: a Fisher-Yates shuffle
        driven by sha256 of the salt and the id, so the same on every machine and every build."""
        seed = int.from_bytes(hashlib.sha256(f"{salt}:{self.id}".encode()).digest(), "big")
        indices = list(range(len(self.options)))
        for i in range(len(indices) - 1, 0, -1):
            seed, j = divmod(seed, i + 1)  # 256 bits leave no visible bias for 4 options
            indices[i], indices[j] = indices[j], indices[i]
        return tuple(indices)

    def shown(self, salt: str = SHUFFLE_SALT) -> tuple[Option, ...]:
        """The options in the order the site shows them (A, B, C, ...)."""
        return tuple(self.options[i] for i in self.order(salt))

    def position(self, salt: str = SHUFFLE_SALT) -> int:
        """The right option's place as shown: what data-rm-answer, the folded letter, the printed
        answer key and a reader's stored choice refer to."""
        return self.order(salt).index(self.answer)


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
    return problems + link_problems(quiz, page, resource_urls, docs) + reference_problems(quiz)


def reference_problems(quiz: Quiz) -> list[Problem]:
    """The build shuffles each question's options, so no text may point at an option by its
    letter or place: the letter a writer sees in the Markdown is rarely the one a reader sees."""
    problems: list[Problem] = []
    for q in quiz.questions:
        texts = [(q.line, q.text), *((o.line, o.text) for o in q.options), (q.why_line, q.why)]
        for line, text in texts:
            if match := OPTION_REFERENCE.search(text):
                problems.append(
                    Problem(
                        quiz.path,
                        line,
                        f"question {q.number} points at an option by its letter or place ('{match[0]}'), but the build shuffles options",
                        "name the option by what it says, e.g. 'the option about fixed-size blocks'",
                    )
                )
    return problems


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


def render(quiz: Quiz, key: str, parts: Mapping[str, int] | None = None, salt: str = SHUFFLE_SALT) -> str:
    """The questions as HTML with Markdown inside (md_in_html), so links are rewritten and
    checked by MkDocs: options listed A, B, C in the shuffled order (Question.order); each answer
    folded in <details>; an answer key after the questions, which only print shows. `parts`: each
    chapter's part in the nav, which the placement quiz's advice reads (foundations are part 1)."""
    kind = "placement" if quiz.title == PLACEMENT else "self-check"
    out = [f'<div class="rm-quiz rm-quiz--{kind}" data-rm-quiz="{escape(key)}" data-rm-quiz-count="{len(quiz.questions)}" markdown>', ""]
    for q in quiz.questions:
        right = q.position(salt)
        slug = Path(q.chapter).stem
        part = f' data-rm-quiz-part="{parts[slug]}"' if parts and slug in parts else ""
        chapter = f' data-rm-quiz-chapter="{escape(slug)}"{part}' if q.chapter else ""
        out += [
            f'<div class="rm-quiz__question" id="{escape(key)}-{q.number}" data-rm-question="{q.id}" data-rm-answer="{right}"{chapter} markdown>',
            f'<p class="rm-quiz__text" markdown="span"><strong>{q.number}.</strong> {q.text}</p>',
            *([f'<p class="rm-quiz__about" markdown="span">About [{q.chapter_title}]({q.chapter})</p>'] if q.chapter else []),
            '<ol class="rm-quiz__options" type="A" markdown>',
            *(f'<li markdown="span">{o.text}</li>' for o in q.shown(salt)),
            "</ol>",
            '<details class="rm-quiz__answer question" markdown>',  # Material's "question" type: a question-mark icon
            "<summary>Show the answer</summary>",
            f'<p markdown="span"><strong>{LETTERS[right]}.</strong> {q.why}</p>',
            "</details>",
            "</div>",
            "",
        ]
    key_items = " · ".join(f"{q.number}&nbsp;{LETTERS[q.position(salt)]}" for q in quiz.questions)
    out += [f'<p class="rm-quiz__key"><strong>Answer key:</strong> {key_items}</p>', "", "</div>"]
    return "\n".join(out)
