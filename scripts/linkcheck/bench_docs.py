"""The benchmark on our real workload: `python -m scripts.linkcheck.bench --workload docs`.

Every URL the docs hold, with its real host mix, is served on loopback: each real host gets an
address of its own (127.0.1.N) answering after that host's emulated latency with a page titled as
the entry says, and arXiv's export API, YouTube's oEmbed and GitHub's REST API have stand-ins
(scripts/testing/service_fixtures.py) that know every paper, video and repository the docs name.
arXiv's politeness is applied to every tool: its pages one at a time, one a second, and its API
one request every three seconds. Rows: ours cold, ours with a warm cache, lychee with the same
per-host limits, LinkChecker (whose only rate knob is global). Not a test: it prints a table.
"""

from __future__ import annotations

import asyncio
import hashlib
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from scripts.linkcheck import cli
from scripts.linkcheck.cache import Cache
from scripts.linkcheck.engine import Checker
from scripts.linkcheck.identity import Expected
from scripts.linkcheck.model import Reply, Trace
from scripts.linkcheck.policy import HostRule, Policy, Services, load_policy
from scripts.linkcheck.services import arxiv_id, github_repository, is_youtube, without_version
from scripts.paths import DOCS
from scripts.testing.fixture_server import FixtureServer
from scripts.testing.service_fixtures import video

ARXIV_API_ADDRESS, SERVICES_ADDRESS = "127.0.2.1", "127.0.2.2"  # arXiv's API paces alone; the others do not share its gate
ARXIV_HOSTS = ("arxiv.org", "www.arxiv.org")
PER_HOST = 4
PEER_CAP = 300.0  # seconds a peer may take before it is stopped and reported as slower than that


def latency(host: str) -> float:
    """An emulated round trip per host, 60-240 ms, the same on every run (a hash, not a random draw)."""
    return 0.06 + int(hashlib.sha256(host.encode()).hexdigest()[:4], 16) % 181 / 1000


@dataclass
class Workload:
    urls: list[str]
    expected: dict[str, Expected]
    routes: dict[str, str]  # real URL -> its loopback stand-in
    arxiv_api: str
    services: str
    server: FixtureServer

    def arxiv_urls(self) -> int:
        return sum(1 for url in self.urls if arxiv_id(url))


def build(server: FixtureServer) -> Workload:
    expected: dict[str, Expected] = {}
    targets = cli.targets_from_docs([DOCS], expected)
    urls = list(targets)
    hosts = sorted({(urlsplit(url).hostname or "").lower() for url in urls})
    bases = {host: server.listen(f"127.0.1.{index + 1}") for index, host in enumerate(hosts)}
    arxiv_api, services = server.listen(ARXIV_API_ADDRESS), server.listen(SERVICES_ADDRESS)
    routes = {}
    for url in urls:
        host = (urlsplit(url).hostname or "").lower()
        title = expected[url].title if url in expected else "A page"
        digest = hashlib.sha256(url.encode()).hexdigest()[:10]
        routes[url] = f"{bases[host]}/svc/page?title={quote(title)}&delay={latency(host):.3f}&u={digest}"
        if (identifier := arxiv_id(url)) and url in expected:
            server.catalog.papers[without_version(identifier)] = expected[url].title
        elif is_youtube(url) and url in expected:
            server.catalog.videos[url] = video(expected[url].title, expected[url].author)
        elif repository := github_repository(url):
            name = "/".join(repository)
            server.catalog.repositories[name] = {"id": len(server.catalog.repositories) + 1, "full_name": name,
                                                 "html_url": f"https://github.com/{name}", "archived": False}
    return Workload(urls, expected, routes, arxiv_api, services, server)


class LoopbackChecker(Checker):
    """Our checker with every real URL's request sent to its loopback stand-in instead. Gates,
    services and verdicts all see the real URL; only the socket address changes."""

    def __init__(self, *args: Any, routes: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.routes = routes

    async def send(self, method: str, url: str, rule: HostRule, fragments: tuple[str, ...], trace: Trace, whole_body: bool = False) -> Reply:
        reply = await super().send(method, self.routes.get(url, url), rule, fragments, trace, whole_body)
        reply.url = url
        return reply


def our_policy(work: Workload) -> Policy:
    shipped = load_policy()
    other = work.services
    services = Services(f"{work.arxiv_api}/svc/arxiv", f"{other}/svc/oembed", f"{other}/svc/github", f"{other}/svc/wayback")
    pace = shipped.rule("export.arxiv.org")
    hosts = {**shipped.hosts, ARXIV_API_ADDRESS: HostRule(host=ARXIV_API_ADDRESS, per_host=pace.per_host, interval=pace.interval)}
    return Policy(shipped.settings, hosts, services)


def run_ours(work: Workload, cache: Cache) -> tuple[float, int, Counter[str]]:
    policy = our_policy(work)
    targets = {url: [] for url in work.urls}
    started = time.monotonic()
    checked, _ = asyncio.run(cli.check(targets, policy, cache, max_age_days=7, expected=work.expected, checker=partial(LoopbackChecker, routes=work.routes)))  # type: ignore[arg-type]
    return time.monotonic() - started, len(work.server.requests()), Counter(c.result.verdict for c in checked)


def lychee_config(work: Workload, directory: Path) -> Path:
    arxiv = {urlsplit(work.routes[url]).hostname for url in work.urls if (urlsplit(url).hostname or "") in ARXIV_HOSTS}
    lines = ["max_concurrency = 64", f"host_concurrency = {PER_HOST}", 'host_request_interval = "0s"', "max_retries = 2", "timeout = 20"]
    for host in sorted(h for h in arxiv if h):
        lines += [f'[hosts."{host}"]', "concurrency = 1", 'request_interval = "1s"']
    path = directory / "lychee.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_peer(command: list[str], cwd: Path, stdin: str | None = None) -> float | None:
    started = time.monotonic()
    try:
        subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=PEER_CAP)
    except subprocess.TimeoutExpired:
        return None
    return time.monotonic() - started


def main(runs_dir: Path | None = None) -> int:
    server = FixtureServer(latency=0.1).start()
    directory = runs_dir or Path(tempfile.mkdtemp(prefix="bench-docs-"))
    rows: list[tuple[str, float | None, int, str]] = []
    try:
        work = build(server)
        floor = work.arxiv_urls() - 1  # arXiv's pages at one a second: per-URL checking cannot go under this
        cache = Cache(None)
        seconds, requests, verdicts = run_ours(work, cache)
        arxiv_requests = len(server.requests(work.arxiv_api, "/svc/arxiv"))
        rows.append(("ours, cold", seconds, requests, f"{dict(sorted(verdicts.items()))}; {arxiv_requests} requests to arXiv"))
        server.clear()
        seconds, requests, verdicts = run_ours(work, cache)
        rows.append(("ours, warm cache", seconds, requests, f"{dict(sorted(verdicts.items()))}"))
        stand_ins = directory / "urls.txt"
        stand_ins.write_text("\n".join(work.routes[url] for url in work.urls) + "\n", encoding="utf-8")
        server.clear()
        venv = Path(sys.executable).parent
        seconds = run_peer([str(venv / "lychee"), "--no-progress", "--config", str(lychee_config(work, directory)), str(stand_ins)], directory)
        rows.append(("lychee 0.24.2", seconds, len(server.requests()), "same per-host limits; arXiv's address 1/s"))
        server.clear()
        config = directory / "linkcheckerrc"
        config.write_text("[checking]\nthreads=64\ntimeout=20\nmaxrequestspersecond=1\n", encoding="utf-8")
        seconds = run_peer([str(venv / "linkchecker"), "--config", str(config), "--no-status", "-r", "0", "-o", "none", "--stdin"],
                           directory, "\n".join(work.routes[url] for url in work.urls))
        rows.append(("LinkChecker 10.6.0", seconds, len(server.requests()), "its one rate knob is global: 1 request/s to every host"))
    finally:
        server.stop()
    print(f"The docs' {len(work.urls)} URLs on {len({urlsplit(u).hostname for u in work.urls})} hosts "
          f"({work.arxiv_urls()} on arXiv), each host's latency emulated on loopback.")
    print(f"Politeness floor of per-URL checking (arXiv's pages at 1/s): {floor} s.")
    print("| tool | wall s | × floor | requests | notes |")
    print("|---|---:|---:|---:|---|")
    for name, seconds, requests, notes in rows:
        wall = f"{seconds:.2f}" if seconds is not None else f"> {PEER_CAP:.0f} (stopped)"
        share = f"{seconds / floor:.2f}" if seconds is not None and floor > 0 else "-"
        print(f"| {name} | {wall} | {share} | {requests} | {notes} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
