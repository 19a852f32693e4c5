"""The pre-commit hooks: local only, running the project's own tools, and green on the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

CONFIG = ROOT / ".pre-commit-config.yaml"


def test_hooks_are_local_and_run_tools_from_the_projects_venv() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "nothing may be fetched from a Git host"
    hooks = config["repos"][0]["hooks"]
    assert [hook["id"] for hook in hooks] == ["lint", "codespell", "ruff", "yamllint"]
    for hook in hooks:
        assert hook["language"] == "unsupported" and hook["entry"].startswith(".venv/bin/")


def test_every_hook_passes_on_the_whole_project(tmp_path: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    files = [name for name in listed.stdout.split("\0") if name and (ROOT / name).is_file()]
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--files", *files], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
