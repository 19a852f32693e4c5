"""The share link's slots: a published, append-only list of everything a reader's progress can
hold (resources, self-check and placement questions, exercises, chapters to skim, learning paths),
so a link carries progress as bits over it and stays a few hundred characters long.

A slot never moves and is never removed: a link made today decodes the same after resources are
added or removed (a removed resource keeps its slot, and its progress travels like any other).
`python -m scripts.content.progress_slots` appends what is missing; `--check` says what is, with
file and line (the test command runs it through the linter).

    progress-slots.txt, one slot a line:   r <resource id> | q <chapter or placement> <question id>
                                           | e <chapter>/<exercise> | c <chapter> | p <path key>
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.content.entries import Document, Problem, parse_file
from scripts.content.learning_paths import START_HERE, learning_paths
from scripts.content.project import chapters
from scripts.content.quiz import find_quiz, parse_quiz
from scripts.exercises.catalog import load as load_exercises
from scripts.paths import display

REGISTRY = Path(__file__).with_name("progress-slots.txt")
KINDS = ("r", "q", "e", "c", "p")
HEADER = (
    "# The share link's slots (scripts/content/progress_slots.py): append-only, never reorder or remove.\n"
    "# r <resource id> | q <chapter or placement> <question id> | e <exercise id> | c <chapter> | p <learning path>\n"
)


@dataclass(frozen=True)
class Slot:
    text: str  # as the registry writes it, e.g. "q rag q0123456789"
    path: str  # where it comes from, for messages
    line: int


def current_slots(parsed: dict[str, Document] | None = None) -> list[Slot]:
    """Every slot the roadmap has today, in reading order. `parsed`: pages already parsed, by
    path (the linter's), so they are not read again."""
    found: list[Slot] = []
    nav = chapters()

    def document_of(source: Path) -> Document:
        return (parsed or {}).get(display(source)) or parse_file(source)

    for chapter in nav:
        document = document_of(chapter.source)
        found += [Slot(f"r {r.id}", document.path, r.line) for r in document.resources]
    for source, key in [*((c.source, c.slug) for c in nav), (START_HERE, "placement")]:
        document = document_of(source)
        section = find_quiz(document.sections())
        if section is not None:
            quiz, _ = parse_quiz(section, document.path)
            found += [Slot(f"q {key} {q.id}", document.path, q.line) for q in quiz.questions]
    exercises, _ = load_exercises(chapters=tuple(c.slug for c in nav))
    found += [Slot(f"e {e.id}", e.path, 1) for e in exercises]
    found += [Slot(f"c {c.slug}", display(c.source), 1) for c in nav]
    found += [Slot(f"p {p.key}", display(START_HERE), 1) for p in learning_paths()]
    return found


def registered(registry: Path = REGISTRY) -> list[str]:
    if not registry.is_file():
        return []
    return [line.strip() for line in registry.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def missing(registry: Path = REGISTRY, parsed: dict[str, Document] | None = None) -> list[Slot]:
    known = set(registered(registry))
    return [slot for slot in current_slots(parsed) if slot.text not in known]


def problems(registry: Path = REGISTRY, parsed: dict[str, Document] | None = None) -> list[Problem]:
    hint = "run python -m scripts.content.progress_slots to give it a slot in share links"
    return [Problem(slot.path, slot.line, f"'{slot.text}' has no share-link slot", hint) for slot in missing(registry, parsed)]


def append_missing(registry: Path = REGISTRY) -> list[Slot]:
    added = missing(registry)
    if added or not registry.is_file():
        text = registry.read_text(encoding="utf-8") if registry.is_file() else HEADER
        registry.write_text(text + "".join(f"{slot.text}\n" for slot in added), encoding="utf-8")
    return added


def slots_script(registry: Path = REGISTRY) -> str:
    """What the site serves (assets/javascripts/progress-slots.js): the registry, then any slot
    not registered yet, so today's links hold everything (such slots may move until registered)."""
    import json

    slots = registered(registry)
    slots += [slot.text for slot in missing(registry)]
    return "window.rmSlots = " + json.dumps(slots, separators=(",", ":")) + ";\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.content.progress_slots", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list what has no slot, and exit 1 if anything")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for problem in found:
            print(problem)
        return 1 if found else 0
    added = append_missing()
    print(f"{display(REGISTRY)}: {len(added)} slot(s) added, {len(registered())} in all", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
