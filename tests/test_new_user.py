"""A newcomer's first contribution, from a fresh clone: add a resource with the helper, see the
checks go green, then make each common mistake once and get a precise `file:line` message from
both the linter and the pre-commit hook."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.content.entries import parse_file
from tests.conftest import ROOT

CHAPTER = "rag"
PAGE = f"docs/{CHAPTER}.md"
ENTRY = {
    "url": "https://example.org/rag-from-scratch",
    "chapter": CHAPTER,
    "level": "high-level",
    "type": "tutorial",
    "title": "RAG from Scratch",
    "author": "Jane Doe",
    "description": "Builds a retrieval-augmented question answerer in one notebook, from chunking to the final prompt.",
}


@dataclass
class Clone:
    path: Path
    env: dict[str, str]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=self.path, env=self.env, capture_output=True, text=True, timeout=120)

    def python(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(".venv/bin/python", *args)

    def page(self) -> Path:
        return self.path / PAGE


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def overlay_uncommitted_work(clone: Path) -> None:
    """Make the clone what HEAD will be once the working tree is committed: in CI the tree is clean
    and this does nothing; on a developer's machine it lets the test see the work in progress."""
    changed = git("diff", "-z", "--name-only", "--no-renames", "HEAD") + git("ls-files", "-z", "--others", "--exclude-standard")
    for name in filter(None, changed.split("\0")):
        source, target = ROOT / name, clone / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
        elif target.exists():
            target.unlink()  # deleted in the working tree


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clone]:
    home = tmp_path_factory.mktemp("newcomer")
    path = home / "llm-roadmap"
    git("clone", "--quiet", str(ROOT), str(path), cwd=home)
    overlay_uncommitted_work(path)
    # The packages the README's commands install; reused rather than installed again.
    (path / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home / "pre-commit-cache"), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    yield Clone(path, env)


@pytest.fixture(scope="module")
def added(clone: Clone) -> int:
    """Add the resource with the helper; return the line it landed on."""
    result = clone.python("-m", "scripts.content.add", *(f"--{name}={value}" for name, value in ENTRY.items()))
    assert result.returncode == 0, result.stderr
    assert f"+- [{ENTRY['title']}]({ENTRY['url']}) by {ENTRY['author']}" in result.stdout
    [resource] = [r for r in parse_file(clone.page()).resources if r.url == ENTRY["url"]]
    return resource.line


def test_the_added_resource_passes_every_check(clone: Clone, added: int) -> None:
    lint = clone.python("-m", "scripts.content.lint", PAGE)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    hooks = clone.python("-m", "pre_commit", "run", "--files", PAGE)
    assert hooks.returncode == 0, hooks.stdout + hooks.stderr
    assert "roadmap linter" in hooks.stdout and "Passed" in hooks.stdout


def test_the_helper_refuses_to_add_it_twice(clone: Clone, added: int) -> None:
    again = {**ENTRY, "chapter": "agents", "url": ENTRY["url"] + "/"}
    result = clone.python("-m", "scripts.content.add", *(f"--{name}={value}" for name, value in again.items()))
    assert result.returncode == 1
    assert f"duplicate URL {again['url']} (already listed at {PAGE}:{added})" in result.stderr


def an_existing_url_in_an_earlier_page() -> tuple[str, str]:
    resource = parse_file(ROOT / "docs" / "agents.md").resources[0]
    return resource.url, f"docs/agents.md:{resource.line}"


def mistakes(line: int) -> dict[str, tuple[str, str, str]]:
    """Each common mistake: (the mistaken line, where it goes, the exact message it gets)."""
    good = f"- [{ENTRY['title']}]({ENTRY['url']}) by {ENTRY['author']} · {ENTRY['type']} — {ENTRY['description']}"
    url, where = an_existing_url_in_an_earlier_page()
    return {
        "bad format": (
            good.replace(" — ", " - "),
            "replace",
            f"{PAGE}:{line}: resource entry's type and description are not separated by ' — ' (hint: write ' — ' "
            "(an em dash, U+2014, with a space each side) between the type and the description)",
        ),
        "duplicate": (
            good.replace(ENTRY["url"], url),
            "replace",
            f"{PAGE}:{line}: duplicate URL {url} (already listed at {where}) "
            "(hint: keep one entry per resource: remove this one or merge the two)",
        ),
        "unknown type": (
            good.replace(" · tutorial — ", " · blog — "),
            "replace",
            f"{PAGE}:{line}: unknown resource type 'blog' (hint: use one of: video, article, book, paper, course, tutorial, code, interactive)",
        ),
        "tracking parameter": (
            good.replace(ENTRY["url"], ENTRY["url"] + "?utm_source=twitter"),
            "replace",
            f"{PAGE}:{line}: tracking parameter 'utm_source' in {ENTRY['url']}?utm_source=twitter (hint: remove 'utm_source=…' from the URL)",
        ),
        "arXiv PDF link": (
            f"- [A Paper](https://arxiv.org/pdf/2005.11401) by {ENTRY['author']} · paper — {ENTRY['description']}",
            "after",
            f"{PAGE}:{line + 1}: arXiv PDF link: https://arxiv.org/pdf/2005.11401 (hint: link the abstract page, https://arxiv.org/abs/2005.11401)",
        ),
        "raw <script>": (
            '<script src="https://example.org/widget.js"></script>',
            "after",
            f"{PAGE}:{line + 1}: raw <script> tag (hint: remove it: pages may not run their own scripts)",
        ),
    }


MISTAKES = list(mistakes(0))


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_mistake_gets_a_precise_message_from_the_linter_and_the_hook(clone: Clone, added: int, mistake: str) -> None:
    text, placement, message = mistakes(added)[mistake]
    page = clone.page()
    good = page.read_text(encoding="utf-8")
    lines = good.split("\n")
    if placement == "replace":
        lines[added - 1] = text
    else:
        lines.insert(added, text)
    page.write_text("\n".join(lines), encoding="utf-8")
    try:
        lint = clone.python("-m", "scripts.content.lint", PAGE)
        hooks = clone.python("-m", "pre_commit", "run", "--files", PAGE)
    finally:
        page.write_text(good, encoding="utf-8")
    assert lint.returncode == 1 and message in lint.stdout.splitlines(), lint.stdout
    assert hooks.returncode == 1 and message in hooks.stdout.splitlines(), hooks.stdout
    assert "- hook id: lint" in hooks.stdout



def test_the_other_hooks_point_at_file_and_line_too(clone: Clone, added: int) -> None:
    page, config, script = clone.page(), clone.path / "mkdocs.yml", clone.path / "scripts" / "example.py"
    originals = {path: path.read_text(encoding="utf-8") for path in (page, config)}
    page.write_text(originals[page] + "\nThe chapter ends teh way it began.\n", encoding="utf-8")
    config.write_text(originals[config] + "strict: false\n", encoding="utf-8")
    script.write_text("import os\n", encoding="utf-8")
    try:
        hooks = clone.python("-m", "pre_commit", "run", "--files", PAGE, "mkdocs.yml", "scripts/example.py")
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        script.unlink()
    spelling_line = originals[page].count("\n") + 2
    yaml_line = originals[config].count("\n") + 1
    assert hooks.returncode == 1
    assert f"{PAGE}:{spelling_line}: teh ==> the" in hooks.stdout
    assert "scripts/example.py:1:8: F401 [*] `os` imported but unused" in hooks.stdout
    assert f'mkdocs.yml:{yaml_line}:1: [error] duplication of key "strict" in mapping (key-duplicates)' in hooks.stdout
