"""The exercises' rules that need the chapters: each exercise names one of its chapter's key
concepts, every chapter has Practice, and the core chapters have a ladder of at least two."""

from __future__ import annotations

from collections.abc import Iterable

from scripts.content.chapters import KEY_CONCEPT_RE
from scripts.content.entries import Document, Problem
from scripts.exercises.catalog import Exercise

# The chapters whose mechanisms a learner should build more than once, from core to stretch.
LADDER_CHAPTERS = (
    "transformer", "pre-training", "fine-tuning", "alignment", "reasoning-models",
    "evaluation", "optimization", "rag", "agents", "interpretability",
)


def key_concepts(document: Document) -> list[str]:
    section = next((s for s in document.sections() if s.title == "Key concepts"), None)
    terms = (KEY_CONCEPT_RE.match(line.text) for line in (section.lines if section else []))
    return [match["term"] for match in terms if match]


def chapter_exercise_problems(exercises: Iterable[Exercise], documents: dict[str, Document]) -> list[Problem]:
    """`documents`: each chapter's parsed page, by its name (transformer, rag, ...)."""
    problems: list[Problem] = []
    exercises = list(exercises)
    for exercise in exercises:
        document = documents.get(exercise.chapter)
        terms = key_concepts(document) if document else []
        if document and exercise.concept not in terms:
            problems.append(Problem(exercise.meta_path, 1, f"concept '{exercise.concept}' is not a key concept of {exercise.chapter}", f"name one of: {', '.join(terms)}"))
    for chapter, document in documents.items():
        own = [e for e in exercises if e.chapter == chapter]
        wanted = 2 if chapter in LADDER_CHAPTERS else 1
        if len(own) < wanted:
            problems.append(Problem(document.path, 1, f"{len(own)} exercise(s) in exercises/{chapter}/", f"this chapter needs at least {wanted}: see CONTRIBUTING.md, 'Add an exercise'"))
        elif wanted == 2 and not {"core", "stretch"} <= {e.level for e in own}:
            problems.append(Problem(document.path, 1, f"the exercises of {chapter} are all {own[0].level}", "build a ladder: at least one core and one stretch"))
    return problems
