"""Where the project's files are, and how to name one in a message.

Kept free of third-party imports: the link checker's command line starts by importing this,
and its start-up time is part of every run.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
EXERCISES = ROOT / "exercises"  # one folder per chapter: <name>.py for the learner, <name>.md beside it


def display(path: Path | str) -> str:
    """Paths relative to the project when inside it, so messages are short and clickable."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(ROOT))
    except ValueError:
        return str(path)
