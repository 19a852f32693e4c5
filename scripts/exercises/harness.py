"""Grades an exercise: puts the code to grade between the exercise file's markers, runs the
file's unittest tests and reports each one as {"name", "status", "message"}.

Standard library only, and importing nothing of this project: the same file grades a learner's
code under CPython (the `check` command and CI, as `python harness.py < program.py`) and in
Pyodide (the page's Run button, which loads it into the browser's Python).
"""

from __future__ import annotations

import json
import sys
import traceback
import types
import unittest

PASSED, FAILED, ERROR = "passed", "failed", "error"
# The learner's file: its imports, then these two marker lines, the code above the second and
# the tests below it. The code to grade replaces what stands between them.
YOUR_CODE, TESTS = "# ---- Your code", "# ---- Tests"


def split(text: str) -> tuple[str, str, str] | None:
    """(prelude up to the first marker, code, tests from the second), or None without them."""
    lines = text.splitlines(keepends=True)
    code_at, tests_at = (next((i for i, line in enumerate(lines) if line.startswith(marker)), -1) for marker in (YOUR_CODE, TESTS))
    if code_at < 0 or tests_at < code_at:
        return None
    return "".join(lines[: code_at + 1]), "".join(lines[code_at + 1 : tests_at]), "".join(lines[tests_at:])


def join(prelude: str, code: str, tests: str) -> str:
    return f"{prelude}{code.rstrip()}\n\n\n{tests}"


def describe(error: BaseException, filename: str, offset: int = 0) -> str:
    """The error's type and message, with the line of the learner's code it came from (counted
    from the top of what the learner sees: `offset` lines of the program come before it)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename and (f.lineno or 0) > offset]
    where = f" (line {frames[-1].lineno - offset})" if frames else ""
    text = str(error).strip()
    if isinstance(error, AssertionError):
        return text or "assertion failed"
    return f"{type(error).__name__}{where}: {text}" if text else f"{type(error).__name__}{where}"


class Outcomes(unittest.TestResult):
    """Collects one outcome per test, in the order the tests ran."""

    def __init__(self, filename: str, offset: int) -> None:
        super().__init__()
        self.filename, self.offset = filename, offset
        self.outcomes: list[dict[str, str]] = []

    def record(self, test: unittest.TestCase, status: str, message: str = "") -> None:
        name = test.id().rsplit(".", 1)[-1]
        self.outcomes.append({"name": name, "status": status, "message": message})

    def addSuccess(self, test: unittest.TestCase) -> None:  # noqa: N802 (unittest's names)
        self.record(test, PASSED)

    def addFailure(self, test: unittest.TestCase, err) -> None:  # noqa: N802
        self.record(test, FAILED, describe(err[1], self.filename, self.offset))

    def addError(self, test: unittest.TestCase, err) -> None:  # noqa: N802
        self.record(test, ERROR, describe(err[1], self.filename, self.offset))

    def addSubTest(self, test, subtest, err) -> None:  # noqa: N802
        if err is not None:
            self.record(test, FAILED if issubclass(err[0], AssertionError) else ERROR, describe(err[1], self.filename, self.offset))


def grade(program: str, filename: str = "exercise.py", offset: int = 0) -> list[dict[str, str]]:
    """Every test's outcome; a program that cannot even load is one outcome named 'load'.
    Line numbers in messages count from line `offset` + 1 of the program (the page's editor)."""
    module = types.ModuleType("exercise")
    module.__file__ = filename
    try:
        exec(compile(program, filename, "exec"), module.__dict__)
    except BaseException as error:  # noqa: BLE001 (a learner's code may raise anything, even SystemExit)
        if isinstance(error, SyntaxError) and error.lineno:
            error.lineno -= offset
        return [{"name": "load", "status": ERROR, "message": describe(error, filename, offset)}]
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    outcomes = Outcomes(filename, offset)
    suite.run(outcomes)
    if not outcomes.outcomes:
        return [{"name": "load", "status": ERROR, "message": "no tests found"}]
    # A subtest that failed records the failure; its test then also reports success: keep the failure.
    failed = {o["name"] for o in outcomes.outcomes if o["status"] != PASSED}
    return [o for o in outcomes.outcomes if o["status"] != PASSED or o["name"] not in failed]


def grade_json(program: str, filename: str = "exercise.py", offset: int = 0) -> str:
    return json.dumps(grade(program, filename, offset))


def grade_exercise_json(source: str, code: str, filename: str = "exercise.py") -> str:
    """The page's Run: `code` (the editor's text) graded with the tests of `source` (the
    exercise's file), messages counting lines as the editor does."""
    parts = split(source)
    if parts is None:
        return json.dumps([{"name": "load", "status": ERROR, "message": "the exercise's file has lost its markers"}])
    prelude, _, tests = parts
    return grade_json(join(prelude, code, tests), filename, prelude.count("\n"))


if __name__ == "__main__":
    # On a line of its own, last: whatever the learner's code printed comes before it.
    sys.stdout.write("\n" + grade_json(sys.stdin.read(), sys.argv[1] if len(sys.argv) > 1 else "exercise.py") + "\n")
