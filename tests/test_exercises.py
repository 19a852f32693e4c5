"""Exercises: the format's rules at file:line, the grader, the command line, and the proof of every
exercise: its solution passes, its starter and each listed mistake fail (CPython here; Pyodide
and the built site in the slow layer)."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from scripts.content.lint import lint
from scripts.content.project import chapters
from scripts.exercises.__main__ import main as exercises_main
from scripts.exercises.catalog import Exercise, defects, load, passed, run
from scripts.exercises.harness import grade
from scripts.exercises.render import PRACTICE
from scripts.exercises.rules import LADDER_CHAPTERS
from scripts.paths import EXERCISES, ROOT

CHAPTERS = chapters()
EXERCISES_FOUND, PROBLEMS = load(chapters=tuple(c.slug for c in CHAPTERS))
IDS = [e.id for e in EXERCISES_FOUND]

GOOD_PY = '''"""Add two numbers

Write `add`, which returns the sum of its arguments.

Run this file (`python add.py`) to test your code.
"""

import unittest

# ---- Your code ----


def add(a: int, b: int) -> int:
    """a + b"""
    raise NotImplementedError("write add")


# ---- Tests ----


class AddTest(unittest.TestCase):
    def test_small(self):
        self.assertEqual(add(1, 2), 3)

    def test_zero(self):
        self.assertEqual(add(0, 0), 0)

    def test_negative(self):
        self.assertEqual(add(-1, -2), -3, msg="negative numbers add too")

    def test_order(self):
        self.assertEqual(add(2, 5), add(5, 2))


if __name__ == "__main__":
    unittest.main(verbosity=2)
'''

GOOD_MD = """---
title: Add two numbers
level: core
minutes: 5
order: 1
concept: Tokenization
source: "Arithmetic, section 1"
source_url: https://example.org/arithmetic
---

## Hints

1. Use `+`.

## Solution

```python
def add(a: int, b: int) -> int:
    return a + b
```

## Mistakes

### Subtracts

```python
def add(a: int, b: int) -> int:
    return a - b
```
"""


def write_exercise(root: Path, py: str = GOOD_PY, md: str | None = GOOD_MD, chapter: str = "nlp", name: str = "add") -> Path:
    folder = root / chapter
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(py, encoding="utf-8")
    if md is not None:
        (folder / f"{name}.md").write_text(md, encoding="utf-8")
    return folder / f"{name}.py"


def problems_of(root: Path) -> list[str]:
    return [str(p).split("/", 1)[-1] if str(p).startswith("/") else str(p) for p in load(root, chapters=("nlp",))[1]]


# ---------- the format ----------


def test_a_good_exercise_reads_whole(tmp_path: Path) -> None:
    write_exercise(tmp_path)
    exercises, problems = load(tmp_path, chapters=("nlp",))
    assert problems == []
    (exercise,) = exercises
    assert (exercise.id, exercise.title, exercise.level, exercise.minutes) == ("nlp/add", "Add two numbers", "core", 5)
    assert exercise.test_names == ("test_small", "test_zero", "test_negative", "test_order")
    assert exercise.hints == ("Use `+`.",)
    assert exercise.solution.line == 17
    assert [m.title for m in exercise.mistakes] == ["Subtracts"]
    assert exercise.statement.startswith("Write `add`")
    assert exercise.source_text == GOOD_PY


@pytest.mark.parametrize(
    "py, md, expected",
    [
        (GOOD_PY.replace("# ---- Your code ----", "# your code"), GOOD_MD, "add.py:1: the markers are missing or out of order"),
        (GOOD_PY.replace("    def test_order(self):\n        self.assertEqual(add(2, 5), add(5, 2))\n", ""), GOOD_MD, "add.py:18: 3 tests"),
        (GOOD_PY.replace('"""Add two numbers', '"""Add numbers'), GOOD_MD, "add.py:1: the docstring's first line 'Add numbers' is not the title"),
        (GOOD_PY.replace("    unittest.main(verbosity=2)", "    pass"), GOOD_MD, "add.py:18: the file does not run its tests"),
        (GOOD_PY, None, "add.py:1: no add.md beside it"),
        (GOOD_PY, GOOD_MD.replace("level: core", "level: easy"), "add.md:3: level 'easy'"),
        (GOOD_PY, GOOD_MD.replace("minutes: 5", "minutes: soon"), "add.md:4: minutes is 'soon'"),
        (GOOD_PY, GOOD_MD.replace("source_url: https://", "source_url: http://"), "add.md:8: source_url is not https"),
        (GOOD_PY, GOOD_MD.replace("order: 1\n", "order: 1\ncolour: red\n"), "add.md:6: unknown key 'colour'"),
        (GOOD_PY, GOOD_MD.replace("1. Use `+`.\n", ""), "add.md:1: 0 hints"),
        (GOOD_PY, GOOD_MD.replace("    return a + b", "    return b + a").replace("def add(a: int, b: int) -> int:\n    return b + a", "def plus(a, b):\n    return a + b"), "add.md:17: the solution does not define add"),
        (GOOD_PY, GOOD_MD.split("## Mistakes")[0], "add.md:1: no common mistake"),
        (GOOD_PY, GOOD_MD.replace("### Subtracts\n\n```python\ndef add(a: int, b: int) -> int:\n    return a - b\n```\n", "### Subtracts\n"), "add.md:24: mistake 'Subtracts' has no code"),
        (GOOD_PY, GOOD_MD.replace("1. Use `+`.", "Use plus."), "add.md:13: a line that is no hint, heading or code"),
        (GOOD_PY, GOOD_MD.replace("```python\ndef add(a: int, b: int) -> int:\n    return a + b", "```js\ndef add(a: int, b: int) -> int:\n    return a + b"), "add.md:17: a code block that is not python"),
    ],
)
def test_each_rule_points_at_its_line(tmp_path: Path, py: str, md: str | None, expected: str) -> None:
    write_exercise(tmp_path, py, md)
    found = [str(p) for p in load(tmp_path, chapters=("nlp",))[1]]
    assert any(expected in p for p in found), found


def test_a_folder_that_names_no_chapter_is_reported(tmp_path: Path) -> None:
    write_exercise(tmp_path, chapter="cooking")
    assert any("'cooking' is no chapter" in str(p) for p in load(tmp_path, chapters=("nlp",))[1])


def test_two_exercises_of_a_chapter_need_their_own_order(tmp_path: Path) -> None:
    write_exercise(tmp_path)
    write_exercise(tmp_path, GOOD_PY, GOOD_MD, name="add_again")
    assert any("order 1 is also" in str(p) for p in load(tmp_path, chapters=("nlp",))[1])


# ---------- the grader ----------


def test_the_grader_reports_each_test_with_its_message() -> None:
    exercise = load_good(Path("."))
    outcomes = grade(exercise.program("def add(a, b):\n    return a - b\n"))
    by_name = {o["name"]: o for o in outcomes}
    assert by_name["test_zero"]["status"] == "passed"
    assert by_name["test_negative"] == {"name": "test_negative", "status": "failed", "message": "1 != -3 : negative numbers add too"}


def test_errors_name_the_line_the_learner_sees() -> None:
    program = "import unittest\n# ---- Your code\ndef add(a, b):\n    return a / 0\n# ---- Tests\nclass T(unittest.TestCase):\n    def test_a(self):\n        add(1, 2)\n"
    (outcome,) = grade(program, "exercise.py", offset=2)
    assert outcome == {"name": "test_a", "status": "error", "message": "ZeroDivisionError (line 2): division by zero"}
    (broken,) = grade("import unittest\n# ---- Your code\ndef add(a, b:\n", "exercise.py", offset=2)
    assert broken["name"] == "load" and "line 1" in broken["message"]


def test_a_run_that_never_ends_is_stopped() -> None:
    outcomes = run("while True:\n    pass\n", timeout=1)
    assert outcomes == [{"name": "time limit", "status": "error", "message": "stopped after 1 s: look for a loop that never ends"}]


def load_good(root: Path) -> Exercise:
    """The good exercise, read from a fresh temporary folder."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        write_exercise(Path(folder))
        return load(Path(folder), chapters=("nlp",))[0][0]


# ---------- the command line ----------


def test_check_grades_a_learners_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exercise = EXERCISES_FOUND[0]
    copy = tmp_path / f"{exercise.name}.py"
    copy.write_text(exercise.source_text.replace(exercise.starter, "\n\n" + exercise.solution.text + "\n\n"), encoding="utf-8")
    assert exercises_main(["check", exercise.id, str(copy)]) == 0
    out = capsys.readouterr().out
    assert f"{exercise.id}: {len(exercise.test_names)} of {len(exercise.test_names)} tests pass - well done!" in out
    assert exercises_main(["check", exercise.id]) == 1  # the starter
    out = capsys.readouterr().out
    assert "ERR " in out and f"0 of {len(exercise.test_names)} tests pass" in out
    assert exercises_main(["check", "nowhere/nothing"]) == 2


def test_the_learners_file_runs_its_own_tests() -> None:
    exercise = EXERCISES_FOUND[0]
    result = subprocess.run([sys.executable, ROOT / exercise.path], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "FAILED (errors=" in result.stderr and exercise.test_names[0] in result.stderr


# ---------- every exercise of the roadmap ----------


def test_every_exercise_reads_without_problems() -> None:
    assert [str(p) for p in PROBLEMS] == []
    assert lint([EXERCISES]) == []


def test_every_chapter_has_practice_and_the_core_chapters_a_ladder() -> None:
    per_chapter = {c.slug: [e for e in EXERCISES_FOUND if e.chapter == c.slug] for c in CHAPTERS}
    assert {slug: len(found) for slug, found in per_chapter.items() if not found} == {}
    assert {slug: len(per_chapter[slug]) for slug in LADDER_CHAPTERS if len(per_chapter[slug]) < 2} == {}
    assert len(EXERCISES_FOUND) >= 40


def test_every_solution_passes_and_every_starter_and_mistake_fails_in_cpython() -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = [d for each in pool.map(defects, EXERCISES_FOUND) for d in each]
    assert found == []


# ---------- slow: Pyodide under Node, and the built site ----------


@pytest.mark.slow
def test_every_exercise_behaves_the_same_in_pyodide() -> None:
    jobs, should_pass = [], {}
    for e in EXERCISES_FOUND:
        jobs += [{"label": f"{e.id}: solution", "program": e.program(e.solution.text)}, {"label": f"{e.id}: starter", "program": e.program(e.starter)}]
        jobs += [{"label": f"{e.id}: mistake {m.title}", "program": e.program(m.code.text)} for m in e.mistakes]
        should_pass[f"{e.id}: solution"] = True
    result = subprocess.run(
        ["node", str(ROOT / "scripts" / "exercises" / "pyodide_run.mjs"), str(ROOT / "scripts" / "exercises" / "harness.py")],
        input=json.dumps(jobs), capture_output=True, text=True, timeout=600, check=False, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    print(result.stderr.strip())  # Pyodide's load and run times, for the record (pytest -s)
    graded = {r["label"]: passed(r["outcomes"]) for r in json.loads(result.stdout)}
    assert len(graded) == len(jobs)
    assert [label for label, ok in graded.items() if ok != should_pass.get(label, False)] == []


def test_every_chapter_page_has_its_practice_and_the_runtime_is_served(site) -> None:
    from scripts.exercises.render import anchor

    for chapter in CHAPTERS:
        html = (site.site / chapter.slug / "index.html").read_text(encoding="utf-8")
        assert f'id="{PRACTICE.lower()}"' in html and html.index(f'id="{PRACTICE.lower()}"') < html.index('id="check-yourself"'), chapter.slug
        for exercise in (e for e in EXERCISES_FOUND if e.chapter == chapter.slug):
            assert f'id="{anchor(exercise)}"' in html
            assert f'href="../{exercise.path}"' in html
            assert (site.site / exercise.path).read_text(encoding="utf-8") == (ROOT / exercise.path).read_text(encoding="utf-8")
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (site.site / "assets" / "pyodide" / name).stat().st_size == (ROOT / "node_modules" / "pyodide" / name).stat().st_size
    assert (site.site / "assets" / "javascripts" / "practice" / "harness.py").read_bytes() == (ROOT / "scripts" / "exercises" / "harness.py").read_bytes()
    home = (site.site / "index.html").read_text(encoding="utf-8")
    assert 'data-rm-exercises="transformer/attention' in home
    assert "practice.js" not in home  # pages without Practice load nothing new


def test_practice_adds_at_most_5_kb_to_a_chapters_first_load(site) -> None:
    """The section's HTML, gzip-compressed in its page, is all a first load gains: the editor's
    script loads when the section comes near (a browser test proves it)."""
    import gzip

    def gz(text: str) -> int:
        return len(gzip.compress(text.encode(), compresslevel=6, mtime=0))

    growth = {}
    for chapter in CHAPTERS:
        html = (site.site / chapter.slug / "index.html").read_text(encoding="utf-8")
        assert "practice.js" not in html
        start, end = html.index(f'<h2 id="{PRACTICE.lower()}"'), html.index('<h2 id="check-yourself"')
        growth[chapter.slug] = gz(html) - gz(html[:start] + html[end:])
    assert max(growth.values()) <= 5_000, growth


def test_exercises_are_listed_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert exercises_main(["list"]) == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == IDS
    assert EXERCISES.is_dir()
