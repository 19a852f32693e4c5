"""Practise on your own machine, and prove every exercise.

    python -m scripts.exercises list                          every exercise, by chapter
    python -m scripts.exercises check transformer/attention [FILE]
                                                              grade your copy (default: the starter)
    python -m scripts.exercises verify [CHAPTER/NAME ...]     every solution passes, every starter
                                                              and listed mistake fails
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.content.project import chapters
from scripts.exercises.catalog import Exercise, defects, load, passed, run
from scripts.exercises.harness import split

MARKS = {"passed": "ok  ", "failed": "FAIL", "error": "ERR "}


def catalog() -> list[Exercise]:
    exercises, problems = load(chapters=tuple(c.slug for c in chapters()))
    for problem in problems:
        print(problem, file=sys.stderr)
    return exercises


def find(exercises: list[Exercise], wanted: str) -> Exercise | None:
    return next((e for e in exercises if e.id == wanted.removesuffix(".py")), None)


def learner_code(path: Path) -> str:
    """The code between the markers of a copy of the learner's file; a file without them is all code."""
    text = path.read_text(encoding="utf-8")
    parts = split(text)
    return parts[1] if parts else text


def check(exercise: Exercise, file: Path | None) -> int:
    code = learner_code(file) if file else exercise.starter
    outcomes = run(exercise.program(code), file.name if file else f"{exercise.name}.py")
    for outcome in outcomes:
        message = f": {outcome['message']}" if outcome["message"] else ""
        print(f"  {MARKS[outcome['status']]} {outcome['name']}{message}")
    good = sum(o["status"] == "passed" for o in outcomes)
    print(f"{exercise.id}: {good} of {len(outcomes)} tests pass" + (" - well done!" if passed(outcomes) else ""))
    return 0 if passed(outcomes) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.exercises", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="every exercise, by chapter")
    check_parser = commands.add_parser("check", help="grade a copy of an exercise with its tests")
    check_parser.add_argument("exercise", help="chapter/name, e.g. transformer/attention")
    check_parser.add_argument("file", nargs="?", type=Path, help="your copy (default: the starter, which fails)")
    verify_parser = commands.add_parser("verify", help="every solution passes; every starter and mistake fails")
    verify_parser.add_argument("exercises", nargs="*", help="chapter/name (default: all)")
    args = parser.parse_args(argv)
    exercises = catalog()
    if args.command == "list":
        for e in exercises:
            print(f"{e.id:45} {e.level:8} {e.minutes:3} min  {e.title}")
        return 0
    if args.command == "check":
        exercise = find(exercises, args.exercise)
        if exercise is None:
            print(f"no exercise '{args.exercise}': see python -m scripts.exercises list", file=sys.stderr)
            return 2
        if args.file and not args.file.is_file():
            print(f"{args.file}: no such file", file=sys.stderr)
            return 2
        return check(exercise, args.file)
    chosen = [e for e in exercises if not args.exercises or e.id in args.exercises]
    found = [d for e in chosen for d in defects(e)]
    for defect in found:
        print(defect)
    mistakes = sum(len(e.mistakes) for e in chosen)
    print(f"{len(chosen)} exercises, {mistakes} mistakes: {len(found)} defect(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
