"""The one writer of a chapter's Practice section: Markdown with HTML (md_in_html), so headings
reach the table of contents and search, links are checked by the build, and everything reads
without JavaScript: the statement, the starter code, the download, hints and solution folded.
practice.js turns each starter into an editor with Run and Stop.
"""

from __future__ import annotations

from html import escape

from scripts.exercises.catalog import Exercise

PRACTICE = "Practice"
INTRO = (
    "Build the chapter's mechanisms at toy scale, in plain Python. Write your code in the editor and "
    "run its tests here, or download the file and run `python <file>.py` on your own machine."
)


def anchor(exercise: Exercise) -> str:
    return f"practice-{exercise.name.replace('_', '-')}"


def code_block(code: str, css_class: str) -> str:
    """Code as one raw HTML block, not highlighted: per-line anchors and token spans would
    triple the weight of every chapter page for code that an editor will replace anyway."""
    return f'<pre class="{css_class}"><code class="language-python">{escape(code.strip(chr(10)))}</code></pre>'


def render_exercise(exercise: Exercise) -> list[str]:
    file = f"{exercise.name}.py"
    source = f"[{exercise.source}]({exercise.source_url})"
    hints = [f"{n}. {hint}" for n, hint in enumerate(exercise.hints, start=1)]
    return [
        f"### {exercise.title} {{#{anchor(exercise)}}}",
        "",
        f'<div class="rm-exercise" data-rm-exercise="{escape(exercise.id)}" markdown>',
        "",
        f'<p class="rm-exercise__meta" markdown="span">{exercise.level.capitalize()} · about {exercise.minutes} min · '
        f"key concept: [{exercise.concept}](#key-concepts) · source: {source}</p>",
        "",
        exercise.statement,
        "",
        code_block(exercise.starter, "rm-exercise__starter"),
        "",
        f'<p class="rm-exercise__download" markdown="span">[Download {file}]({exercise.path}){{ download="{file}" }}'
        f" and run `python {file}`: it tests itself.</p>",
        "",
        '<details class="rm-exercise__hints tip" markdown>',
        "<summary>Hints (try it first)</summary>",
        "",
        *hints,
        "",
        "</details>",
        "",
        '<details class="rm-exercise__solution success" markdown>',
        "<summary>Solution (try it first)</summary>",
        "",
        code_block(exercise.solution.text, "rm-exercise__solution-code"),
        "",
        "</details>",
        "",
        "</div>",
        "",
    ]


def render(exercises: list[Exercise]) -> str:
    """The Practice section: its heading, a line on how it works, then each exercise in order."""
    out = [f"## {PRACTICE}", "", INTRO, ""]
    for exercise in exercises:
        out += render_exercise(exercise)
    return "\n".join(out)
