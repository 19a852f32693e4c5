"""The exercise format: one reader for every exercise, with the rules the linter applies.

An exercise is two files in exercises/<chapter>/, where <chapter> is a chapter's page name:

    <name>.py   the learner's file, self-contained, standard library only. A docstring whose
                first line is the title and the rest the statement; then the imports; then

                    # ---- Your code ----...   the function(s) to complete (the starter)
                    # ---- Tests ----...       unittest tests, then `unittest.main(...)`

                The page's editor holds the starter; every run (page, CLI, CI) puts the code
                to grade between the file's own imports and its own tests.
    <name>.md   what stays beside it: front matter (title, level, minutes, order, concept,
                source, source_url), then "## Hints" (a numbered list), "## Solution" (one
                python block) and "## Mistakes" ("### What goes wrong", a python block each).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.content.entries import HEADING_RE, Problem, split_front_matter
from scripts.exercises.harness import TESTS, YOUR_CODE, join, split
from scripts.paths import EXERCISES, display

HARNESS = Path(__file__).with_name("harness.py")
LEVELS = ("core", "stretch")
META_KEYS = ("title", "level", "minutes", "order", "concept", "source", "source_url")
MIN_TESTS, HINTS = 4, (1, 3)
TIME_LIMIT = 10.0  # seconds, as in the page: a run past it is stopped
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
FENCE_OPEN_RE, FENCE_CLOSE = re.compile(r"^```(?P<lang>\w*)\s*$"), "```"
HINT_RE = re.compile(r"^\d+\.\s+(?P<text>.+)$")


@dataclass(frozen=True)
class Code:
    text: str
    line: int  # of the fence that opens it


@dataclass(frozen=True)
class Mistake:
    title: str
    code: Code


@dataclass(frozen=True)
class Exercise:
    chapter: str
    name: str
    title: str
    level: str
    minutes: int
    order: int
    concept: str
    source: str
    source_url: str
    statement: str
    prelude: str  # the learner's file up to the "Your code" marker
    starter: str
    tests: str  # from the "Tests" marker to the end
    test_names: tuple[str, ...]
    hints: tuple[str, ...]
    solution: Code
    mistakes: tuple[Mistake, ...]

    @property
    def id(self) -> str:
        """Progress is stored under it: stable while the files keep their place and name."""
        return f"{self.chapter}/{self.name}"

    @property
    def path(self) -> str:
        return f"exercises/{self.chapter}/{self.name}.py"

    @property
    def meta_path(self) -> str:
        return f"exercises/{self.chapter}/{self.name}.md"

    def program(self, code: str) -> str:
        """A runnable file: the exercise's imports, the code to grade, the exercise's tests."""
        return join(self.prelude, code, self.tests)

    @property
    def source_text(self) -> str:
        return self.prelude + self.starter + self.tests


def test_names(tests: str) -> tuple[str, ...]:
    """Test methods of the unittest classes in the tests part (empty if it does not parse)."""
    try:
        tree = ast.parse(tests)
    except SyntaxError:
        return ()
    return tuple(
        f.name
        for node in tree.body
        if isinstance(node, ast.ClassDef)
        for f in node.body
        if isinstance(f, ast.FunctionDef) and f.name.startswith("test")
    )


def defined_functions(code: str) -> set[str]:
    try:
        return {n.name for n in ast.parse(code).body if isinstance(n, ast.FunctionDef)}
    except SyntaxError:
        return set()


def read_blocks(lines: list[str], first: int, path: str) -> tuple[dict[str, Any], list[Problem]]:
    """The sidecar's sections: hints (text, line), the solution and the mistakes, with their lines."""
    problems: list[Problem] = []
    found: dict[str, Any] = {"Hints": [], "Solution": [], "Mistakes": []}
    section, mistake, fence_lines, fence_at = None, None, None, 0
    for offset, raw in enumerate(lines):
        number = first + offset
        if fence_lines is not None:
            if raw.strip() == FENCE_CLOSE:
                code = Code("\n".join(fence_lines) + "\n", fence_at)
                if section == "Solution":
                    found["Solution"].append(code)
                elif section == "Mistakes" and mistake is not None:
                    found["Mistakes"].append(Mistake(mistake[0], code))
                    mistake = None
                else:
                    problems.append(Problem(path, fence_at, "a code block outside Solution or a mistake", "put code under '## Solution' or a '### mistake' heading"))
                fence_lines = None
            else:
                fence_lines.append(raw)
            continue
        if opening := FENCE_OPEN_RE.match(raw):
            if opening["lang"] != "python":
                problems.append(Problem(path, number, "a code block that is not python", "open it with ```python"))
            fence_lines, fence_at = [], number
        elif (heading := HEADING_RE.match(raw)) and len(heading["hashes"]) in (2, 3):
            if len(heading["hashes"]) == 2:
                section, mistake = heading["text"], None
                if section not in found:
                    problems.append(Problem(path, number, f"unknown section '{section}'", "the sections are ## Hints, ## Solution, ## Mistakes"))
            elif section == "Mistakes":
                if mistake is not None:
                    problems.append(Problem(path, mistake[1], f"mistake '{mistake[0]}' has no code", "add a ```python block with the wrong solution"))
                mistake = (heading["text"], number)
            else:
                problems.append(Problem(path, number, "a ### heading outside Mistakes", "only mistakes have ### headings"))
        elif section == "Hints" and (hint := HINT_RE.match(raw.strip())):
            found["Hints"].append((hint["text"], number))
        elif section == "Hints" and raw.strip() and found["Hints"] and raw.startswith("   "):
            text, at = found["Hints"][-1]
            found["Hints"][-1] = (f"{text} {raw.strip()}", at)  # a hint wrapped over several lines
        elif raw.strip() and section != "Mistakes":
            problems.append(Problem(path, number, "a line that is no hint, heading or code", "hints are '1. …' lines; code goes in ```python blocks"))
    if fence_lines is not None:
        problems.append(Problem(path, fence_at, "a code block that never closes", "end it with ```"))
    if mistake is not None:
        problems.append(Problem(path, mistake[1], f"mistake '{mistake[0]}' has no code", "add a ```python block with the wrong solution"))
    return found, problems


def key_line(front: list[str], key: str) -> int:
    """The line of a front-matter key (the file's first line is '---', so keys start at line 2)."""
    return next((i + 2 for i, text in enumerate(front) if text.startswith(f"{key}:")), 1)


def read_meta(text: str, path: str) -> tuple[dict[str, Any], dict[str, Any], list[Problem]]:
    front_text, skip = split_front_matter(text)
    front = front_text.split("\n")
    problems: list[Problem] = []
    try:
        meta = yaml.safe_load(front_text) if skip else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, {}, [Problem(path, mark.line + 2 if mark else 1, "front matter is not valid YAML", "quote a value that contains ': '")]
    if not isinstance(meta, dict):
        return {}, {}, [Problem(path, 1, "no front matter", f"start with ---, then {', '.join(META_KEYS)}, then ---")]
    for key in META_KEYS:
        if meta.get(key) in (None, ""):
            problems.append(Problem(path, 1, f"front matter lacks '{key}'", f"add '{key}: …'"))
    for key in meta:
        if key not in META_KEYS:
            problems.append(Problem(path, key_line(front, str(key)), f"unknown key '{key}'", f"the keys are {', '.join(META_KEYS)}"))
    if meta.get("level") not in (None, *LEVELS):
        problems.append(Problem(path, key_line(front, "level"), f"level '{meta['level']}'", "core or stretch"))
    for key, low, high in (("minutes", 5, 120), ("order", 1, 99)):
        value = meta.get(key)
        if value is not None and not (isinstance(value, int) and low <= value <= high):
            problems.append(Problem(path, key_line(front, key), f"{key} is {value!r}", f"a whole number from {low} to {high}"))
    url = str(meta.get("source_url") or "")
    if url and not url.startswith("https://"):
        problems.append(Problem(path, key_line(front, "source_url"), f"source_url is not https: {url}", "link the source's https:// address"))
    blocks, found = read_blocks(text.split("\n")[skip:], skip + 1, path)
    return meta, blocks, problems + found


def read_exercise(py: Path) -> tuple[Exercise | None, list[Problem]]:
    """One exercise from its learner's file and the sidecar beside it."""
    chapter, name = py.parent.name, py.stem
    path, sidecar = display(py), py.with_suffix(".md")
    problems: list[Problem] = []
    if not NAME_RE.match(name):
        problems.append(Problem(path, 1, f"file name '{py.name}'", "lower-case letters, digits and _ (a Python module name)"))
    if not sidecar.is_file():
        return None, [*problems, Problem(path, 1, f"no {sidecar.name} beside it", "add the metadata, hints, solution and mistakes there")]
    text = py.read_text(encoding="utf-8")
    parts = split(text)
    if parts is None:
        return None, [*problems, Problem(path, 1, "the markers are missing or out of order", f"'{YOUR_CODE} …' above the starter, then '{TESTS} …' above the tests")]
    prelude, starter, tests = parts
    try:
        docstring = ast.get_docstring(ast.parse(text)) or ""
    except SyntaxError as error:
        return None, [*problems, Problem(path, error.lineno or 1, f"not valid Python: {error.msg}", "the learner's file must run as it is")]
    title, _, statement = docstring.partition("\n")
    meta_path = display(sidecar)
    meta, blocks, found = read_meta(sidecar.read_text(encoding="utf-8"), meta_path)
    problems += found
    names = test_names(tests)
    tests_line = text[: text.index(tests)].count("\n") + 1
    if len(names) < MIN_TESTS:
        problems.append(Problem(path, tests_line, f"{len(names)} tests", f"write at least {MIN_TESTS}, edge cases included"))
    if "unittest.main(" not in tests:
        problems.append(Problem(path, tests_line, "the file does not run its tests", "end with: if __name__ == '__main__': unittest.main(verbosity=2)"))
    if meta.get("title") and title.strip() != str(meta["title"]).strip():
        problems.append(Problem(path, 1, f"the docstring's first line '{title.strip()}' is not the title '{meta['title']}'", "start the docstring with the title"))
    if not statement.strip():
        problems.append(Problem(path, 1, "no statement", "say what to build and why, after the title line"))
    hints = blocks.get("Hints", [])
    if not HINTS[0] <= len(hints) <= HINTS[1]:
        problems.append(Problem(meta_path, 1, f"{len(hints)} hints", f"give {HINTS[0]} to {HINTS[1]} under ## Hints"))
    solutions, mistakes = blocks.get("Solution", []), blocks.get("Mistakes", [])
    if len(solutions) != 1:
        problems.append(Problem(meta_path, 1, f"{len(solutions)} solutions", "one ```python block under ## Solution"))
    if not mistakes:
        problems.append(Problem(meta_path, 1, "no common mistake", "add '### What goes wrong' and a ```python block under ## Mistakes"))
    wanted = defined_functions(starter)
    if not wanted:
        problems.append(Problem(path, text[: text.index(starter)].count("\n") + 1 if starter else 1, "the starter defines no function", "give the learner a function to complete"))
    for code, label in [*((s, "the solution") for s in solutions), *((m.code, f"mistake '{m.title}'") for m in mistakes)]:
        missing = wanted - defined_functions(code.text)
        if missing:
            problems.append(Problem(meta_path, code.line, f"{label} does not define {', '.join(sorted(missing))}", "define every function of the starter"))
    if problems or not meta:
        return None, problems
    exercise = Exercise(
        chapter, name, str(meta["title"]), meta["level"], meta["minutes"], meta["order"], str(meta["concept"]),
        str(meta["source"]), str(meta["source_url"]), statement.strip(), prelude, starter, tests, names,
        tuple(h for h, _ in hints), solutions[0], tuple(mistakes),
    )
    return exercise, problems


def load(root: Path = EXERCISES, chapters: tuple[str, ...] | None = None) -> tuple[list[Exercise], list[Problem]]:
    """Every exercise, by chapter then order; a folder that names no chapter is a problem."""
    exercises: list[Exercise] = []
    problems: list[Problem] = []
    if not root.is_dir():
        return exercises, problems
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if chapters is not None and folder.name not in chapters:
            problems.append(Problem(display(folder), 1, f"'{folder.name}' is no chapter", "name the folder after a chapter's page, e.g. transformer"))
            continue
        for md in sorted(folder.glob("*.md")):
            if not md.with_suffix(".py").is_file():
                problems.append(Problem(display(md), 1, f"no {md.stem}.py beside it", "add the learner's file, or remove this one"))
        for py in sorted(folder.glob("*.py")):
            exercise, found = read_exercise(py)
            problems += found
            if exercise:
                exercises.append(exercise)
    orders: dict[tuple[str, int], Exercise] = {}
    for exercise in exercises:
        if (clash := orders.setdefault((exercise.chapter, exercise.order), exercise)) is not exercise:
            problems.append(Problem(exercise.meta_path, 1, f"order {exercise.order} is also {clash.meta_path}'s", "give each exercise of a chapter its own order"))
    return sorted(exercises, key=lambda e: (e.chapter, e.order)), problems


def run(program: str, filename: str = "exercise.py", timeout: float = TIME_LIMIT) -> list[dict[str, str]]:
    """The outcome of each test, graded in a separate Python so a runaway loop can be stopped."""
    try:
        done = subprocess.run(
            [sys.executable, "-I", str(HARNESS), filename], input=program, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return [{"name": "time limit", "status": "error", "message": f"stopped after {timeout:g} s: look for a loop that never ends"}]
    lines = done.stdout.strip().splitlines()
    try:
        return json.loads(lines[-1]) if lines else []
    except json.JSONDecodeError:
        pass
    detail = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return [{"name": "run", "status": "error", "message": f"the program ended without a result: {detail}"}]


def passed(outcomes: list[dict[str, str]]) -> bool:
    return bool(outcomes) and all(o["status"] == "passed" for o in outcomes)


def defects(exercise: Exercise) -> list[str]:
    """What is wrong with an exercise's proof, a file:line message each: a solution that fails,
    a starter or a listed mistake that passes every test."""
    found = []
    outcomes = run(exercise.program(exercise.solution.text))
    if not passed(outcomes):
        failing = "; ".join(f"{o['name']}: {o['message']}" for o in outcomes if o["status"] != "passed")
        found.append(f"{exercise.meta_path}:{exercise.solution.line}: the solution fails: {failing}")
    if passed(run(exercise.program(exercise.starter))):
        found.append(f"{exercise.path}:1: the starter passes every test")
    for mistake in exercise.mistakes:
        if passed(run(exercise.program(mistake.code.text))):
            found.append(f"{exercise.meta_path}:{mistake.code.line}: mistake '{mistake.title}' passes every test")
    return found
