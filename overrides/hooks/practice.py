"""ProperDocs hook: each chapter's Practice section, before "Check yourself", from exercises/
(scripts/exercises/catalog.py reads them, render.py writes the section); the learner's files as
downloads; and what the page's Run button needs, served from the site itself: the grader
(harness.py) and the Pyodide runtime from the pinned npm package.

An exercise that breaks the format is a warning (so the strict build fails) with file and line.
"""

from __future__ import annotations

import logging
from pathlib import Path

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.exceptions import PluginError
from properdocs.structure.files import File, Files
from properdocs.structure.pages import Page

from scripts.content.entries import sections
from scripts.content.project import chapters
from scripts.content.quiz import SELF_CHECK
from scripts.exercises.catalog import HARNESS, Exercise, load
from scripts.exercises.render import render
from scripts.paths import ROOT

log = logging.getLogger("properdocs.hooks.practice")

PYODIDE = ROOT / "node_modules" / "pyodide"
# What loadPyodide() fetches for the standard library alone (no packages from its lock file's index).
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
RUNTIME_DIR, HARNESS_URI = "assets/pyodide", "assets/javascripts/practice/harness.py"

by_chapter: dict[str, list[Exercise]] = {}


def on_config(config: ProperDocsConfig) -> ProperDocsConfig:
    exercises, problems = load(chapters=tuple(c.slug for c in chapters({"nav": config.nav})))
    for problem in problems:
        log.warning(str(problem))
    by_chapter.clear()
    for exercise in exercises:
        by_chapter.setdefault(exercise.chapter, []).append(exercise)
    return config


def on_files(files: Files, config: ProperDocsConfig) -> Files:
    missing = [name for name in RUNTIME if not (PYODIDE / name).is_file()]
    if missing:
        raise PluginError(f"{PYODIDE}: {', '.join(missing)} missing; run `npm ci` (scripts/setup.sh does) to install Pyodide")
    for name in RUNTIME:
        files.append(File.generated(config, f"{RUNTIME_DIR}/{name}", abs_src_path=str(PYODIDE / name)))
    files.append(File.generated(config, HARNESS_URI, abs_src_path=str(HARNESS)))
    for exercise in (e for chapter in by_chapter.values() for e in chapter):
        files.append(File.generated(config, exercise.path, content=exercise.source_text))
    return files


def on_page_markdown(markdown: str, page: Page, config: ProperDocsConfig, files: Files) -> str:
    exercises = by_chapter.get(Path(page.file.src_uri).stem)
    if not exercises:
        return markdown
    check = next((s for s in sections(markdown) if s.title == SELF_CHECK), None)
    if check is None:
        log.warning(f"docs/{page.file.src_uri}: exercises but no '## {SELF_CHECK}' section to put Practice before")
        return markdown
    page.meta["exercise_ids"] = [e.id for e in exercises]  # the home page's cards count what passed
    lines = markdown.split("\n")
    at = check.line - 1  # the heading's index
    return "\n".join([*lines[:at], render(exercises), "", *lines[at:]])
