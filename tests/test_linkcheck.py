"""The link checker against a misbehaving loopback server: every failure mode gets the right
verdict with the right requests (how many, which method), politeness holds under load, and the
cache, --changed-since, policy errors and output formats do what the CLI promises.

Only 127.0.0.0/8 is ever contacted; `.invalid` names fail before any DNS query (RFC 6761).
"""

from __future__ import annotations

import asyncio
import json
import re
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import trustme

from scripts.linkcheck import cli as linkcheck
from scripts.linkcheck.cache import Cache, Entry
from scripts.linkcheck.contract import ResultJSON, read_results
from scripts.linkcheck.engine import Checker, Result
from scripts.linkcheck.policy import HostRule, Policy, Settings
from scripts.testing.fixture_server import FixtureServer, Request, refusing_port

pytestmark = pytest.mark.slow  # loopback servers on 20 addresses, 1,000-URL politeness runs, retries that wait

# Fast enough for a test, shaped like production: 3 tries, short backoff, tight deadlines.
FAST = Settings(
    concurrency=40,
    per_host=4,
    retries=2,
    backoff=0.01,
    backoff_cap=0.05,
    retry_after_cap=2.0,
    connect_timeout=1.0,
    attempt_timeout=0.4,
    deadline=5.0,
)
HEAD_HOST, WALLED_HOST, EXCLUDED_HOST = "127.0.0.50", "127.0.0.51", "127.0.0.52"
POLICY = Policy(
    FAST,
    {
        HEAD_HOST: HostRule(host=HEAD_HOST, method="head"),
        WALLED_HOST: HostRule(host=WALLED_HOST, bot_wall=True),
        EXCLUDED_HOST: HostRule(host=EXCLUDED_HOST, exclude=True),
    },
)


@dataclass(frozen=True)
class Tls:
    trusted: ssl.SSLContext  # the checker's client context: trusts `ca` only
    good: ssl.SSLContext  # server: a certificate from the trusted CA
    untrusted: ssl.SSLContext  # server: a certificate from a self-signed CA nobody trusts


@pytest.fixture(scope="session")
def tls() -> Tls:
    ca, stranger = trustme.CA(), trustme.CA()
    good = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(good)
    untrusted = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    stranger.issue_cert("127.0.0.1").configure_cert(untrusted)
    trusted = ssl.create_default_context()
    ca.configure_trust(trusted)
    return Tls(trusted, good, untrusted)


@pytest.fixture(scope="session")
def server() -> Iterator[FixtureServer]:
    fixture = FixtureServer().start()
    yield fixture
    fixture.stop()


def run_checks(urls: list[str], policy: Policy = POLICY, ssl_context: ssl.SSLContext | None = None) -> list[Result]:
    async def go() -> list[Result]:
        async with Checker(policy, ssl_context) as checker:
            return await checker.check_all(urls)

    return asyncio.run(go())


@dataclass(frozen=True)
class Case:
    name: str
    verdict: str
    methods: tuple[str, ...]  # the requests the server must have seen, in order
    path: str = ""  # on a fresh listener of its own (so one case's 429 cannot slow another)
    url: str = ""  # or a full URL, for cases that need a special listener
    host: str = "127.0.0.1"
    tls: str = ""  # "good" / "untrusted": serve this case over HTTPS
    unanswered: int = 0  # attempts that never reached HTTP (refused, DNS, TLS handshake)


GET, HEAD = "GET", "HEAD"
CASES = [
    Case("200", "ok", (GET,), "/ok/page"),
    Case("301→302→200 chain", "ok", (GET, GET, GET), "/chain/c"),
    Case("redirect loop", "broken", (GET, GET), "/loop/a/l"),
    Case("10 redirects are followed", "ok", (GET,) * 11, "/hops/10/h"),
    Case("11 redirects are too many", "broken", (GET,) * 11, "/hops/11/h"),
    Case("404", "broken", (GET,), "/status/404/x"),
    Case("410", "broken", (GET,), "/status/410/x"),
    Case("500", "broken", (GET,), "/status/500/x"),
    Case("429 with Retry-After forever", "warn", (GET,) * 3, "/429-forever/x"),
    Case("429 once then 200", "ok", (GET, GET), "/429-once/x"),
    Case("503 once then 200", "ok", (GET, GET), "/503-once/x"),
    Case("503 forever", "warn", (GET,) * 3, "/503-forever/x"),
    Case("HEAD 405, GET 200", "ok", (HEAD, GET), "/head405/x", host=HEAD_HOST),
    Case("HEAD 404, GET 200", "ok", (HEAD, GET), "/head404/x", host=HEAD_HOST),
    Case("HEAD 200 is enough", "ok", (HEAD,), "/ok/h", host=HEAD_HOST),
    Case("no response within the deadline", "warn", (GET,) * 3, "/hang/x"),
    Case("slow drip", "warn", (GET,) * 3, "/drip/x"),
    Case("connection refused", "broken", (), unanswered=1, url=f"http://127.0.0.1:{refusing_port()}/ok/x"),
    Case("DNS failure (.invalid)", "broken", (), unanswered=1, url="http://no-such-host.invalid/page"),
    Case("HTTPS with a trusted certificate", "ok", (GET,), "/ok/tls", tls="good"),
    Case("self-signed TLS", "broken", (), "/ok/tls", tls="untrusted", unanswered=1),
    Case("http→https redirect to a bad certificate", "broken", (GET,), "/to/x", unanswered=1),
    Case("20 MB body", "ok", (GET,), "/big/x"),
    Case("missing #fragment", "broken", (GET,), "/anchors/x#nowhere"),
    Case("#fragment by id", "ok", (GET,), "/anchors/x#intro"),
    Case("#fragment by name=", "ok", (GET,), "/anchors/x#legacy"),
    Case("soft 404: 200 'Page not found'", "warn", (GET,), "/soft404/x"),
    Case("soft 404: redirected to an error page", "warn", (GET, GET), "/redirect/302/ok/404"),
    Case("403 from a bot wall (cloudflare)", "warn", (GET,), "/botwall/x"),
    Case("403 from a host the policy calls bot-walled", "warn", (GET,), "/status/403/x", host=WALLED_HOST),
    Case("403 elsewhere", "broken", (GET,), "/status/403/x"),
    Case("999", "warn", (GET,), "/status/999/x"),
    Case("401", "warn", (GET,), "/status/401/x"),
    Case("204", "ok", (GET,), "/status/204/x"),
    Case("excluded host", "excluded", (), "/ok/x", host=EXCLUDED_HOST),
]


@dataclass(frozen=True)
class Outcome:
    result: Result
    requests: list[Request]


@pytest.fixture(scope="session")
def outcomes(server: FixtureServer, tls: Tls) -> dict[str, Outcome]:
    """Every case checked at once, each on its own listener, as one real run would."""
    urls: dict[str, str] = {}
    bases: dict[str, str] = {}
    bad_https = server.listen(tls=tls.untrusted)
    for case in CASES:
        if case.url:
            urls[case.name] = case.url
            continue
        base = server.listen(case.host, {"good": tls.good, "untrusted": tls.untrusted}.get(case.tls))
        bases[case.name] = base
        path = case.path
        if case.name.startswith("http→https"):
            path = f"/to/x?url={quote(bad_https + '/ok/x', safe='')}"
        urls[case.name] = base + path
    results = dict(zip(urls, run_checks(list(urls.values()), ssl_context=tls.trusted)))
    return {name: Outcome(results[name], server.requests(bases.get(name, "none"))) for name in urls}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_failure_mode(case: Case, outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes[case.name]
    assert outcome.result.verdict == case.verdict, outcome.result.reason
    assert tuple(r.method for r in outcome.requests) == case.methods
    assert outcome.result.attempts == len(case.methods) + case.unanswered


def test_failure_details(outcomes: dict[str, Outcome]) -> None:
    """The reasons and side facts a maintainer acts on."""
    chain = outcomes["301→302→200 chain"].result
    assert chain.permanent_redirect.endswith("/ok/chained") and "update the entry" in chain.reason
    assert outcomes["20 MB body"].result.body_bytes <= FAST.sniff_bytes
    assert "loop" in outcomes["redirect loop"].result.reason
    assert "DNS" in outcomes["DNS failure (.invalid)"].result.reason
    assert "refused" in outcomes["connection refused"].result.reason
    assert "TLS" in outcomes["self-signed TLS"].result.reason
    assert "TLS" in outcomes["http→https redirect to a bad certificate"].result.reason
    assert "soft 404" in outcomes["soft 404: 200 'Page not found'"].result.reason
    drip = outcomes["slow drip"].result
    assert "timed out" in drip.reason  # cut off by the attempt timeout, not held by the drip


def test_retry_after_is_waited_for(server: FixtureServer) -> None:
    base = server.listen()
    [result] = run_checks([base + "/429-once/gap?after=1"])
    first, second = server.requests(base)
    assert result.verdict == "ok"
    assert second.started - first.started >= 1.0  # the wait the server asked for


def test_retry_after_beyond_the_cap_ends_that_urls_retries_at_once(server: FixtureServer) -> None:
    base = server.listen()
    [result] = run_checks([base + "/429-once/cap?after=3600"], POLICY.with_settings(retry_after_cap=0.3))
    assert len(server.requests(base)) == 1  # no sleeping the cap before each remaining retry
    assert result.verdict == "warn" and result.status == 429
    assert "3600 s" in result.reason and "cap" in result.reason


def test_per_host_limit_holds_for_1000_urls_over_20_hosts(server: FixtureServer) -> None:
    hosts = [f"127.0.0.{n}" for n in range(2, 22)]
    bases = [server.listen(host) for host in hosts]
    urls = [f"{bases[i % 20]}/ok/{i}?delay=0.02" for i in range(1000)]
    # A global limit above 20 × 4, so the per-host limit is the one that binds.
    results = run_checks(urls, POLICY.with_settings(concurrency=100, attempt_timeout=5.0))  # no retry on a busy machine
    assert {r.verdict for r in results} == {"ok"} and [r.url for r in results] == urls
    logged = [r for r in server.requests() if r.host in hosts]
    assert len(logged) == 1000 and {r.method for r in logged} == {"GET"}
    assert max(r.in_flight for r in logged) == FAST.per_host  # the limit was reached, never passed
    assert {server.max_in_flight[host] for host in hosts} <= set(range(1, FAST.per_host + 1))
    assert sum(server.max_in_flight[host] == FAST.per_host for host in hosts) > 1  # the limit was used, not serialised to one


def test_results_keep_the_order_given_whichever_host_answers_first(server: FixtureServer) -> None:
    slow, fast = server.listen("127.0.0.61"), server.listen("127.0.0.62")
    urls = [f"{slow}/ok/{n}?delay=0.2" if n % 2 else f"{fast}/ok/{n}" for n in range(12)]
    results = run_checks(urls)
    assert [r.url for r in results] == urls and {r.verdict for r in results} == {"ok"}


def test_interval_spaces_requests_to_one_host(server: FixtureServer) -> None:
    base = server.listen("127.0.0.60")
    policy = Policy(FAST, {"127.0.0.60": HostRule(host="127.0.0.60", per_host=1, interval=0.1)})
    run_checks([f"{base}/ok/{n}" for n in range(4)], policy)
    starts = sorted(r.started for r in server.requests(base))
    assert len(starts) == 4 and min(b - a for a, b in zip(starts, starts[1:])) >= 0.09


ENTRY = "- [{title}]({url}) by Someone · article — What the learner gets."
PAGE = "---\ntitle: T\ndescription: D\n---\n\n# T\n\n## High-level resources\n\n{entries}\n"


def write_docs(directory: Path, urls: list[str], name: str = "page.md") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    entries = "\n".join(ENTRY.format(title=f"A fine page {n}", url=url) for n, url in enumerate(urls))  # as the fixture titles it
    path = directory / name
    path.write_text(PAGE.format(entries=entries), encoding="utf-8")
    return path


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = linkcheck.main(args, ssl_context=None)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fast_config(tmp_path: Path) -> Path:
    config = tmp_path / "policy.toml"
    config.write_text("[defaults]\nretries = 0\nattempt_timeout = 2.0\ndeadline = 5.0\n", encoding="utf-8")
    return config


def test_markdown_urls_with_parentheses_queries_and_non_ascii(
    server: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = server.listen()
    urls = [f"{base}/ok/Transformer_(machine_learning)", f"{base}/ok/page?q=1&b=2", f"{base}/ok/café"]
    page = write_docs(tmp_path / "docs", urls)
    code, out, _ = run_cli([str(page), "--format", "json", "--no-cache", "--config", str(fast_config(tmp_path))], capsys)
    rows = read_results(out)  # the typed contract its consumers read
    assert code == 0
    assert [(r["url"], r["verdict"], r["locations"][0]["line"]) for r in rows] == sorted(
        [(url, "ok", 10 + n) for n, url in enumerate(urls)], key=lambda row: row[2]
    )
    assert set(rows[0]) == set(ResultJSON.__annotations__)
    assert sorted(r.path for r in server.requests(base)) == sorted(
        ["/ok/Transformer_(machine_learning)", "/ok/page?q=1&b=2", "/ok/caf%C3%A9"]
    )


def test_warm_cache_makes_zero_requests(server: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = server.listen()
    page = write_docs(tmp_path / "docs", [f"{base}/ok/{n}" for n in range(5)])
    args = [str(page), "--cache", str(tmp_path / "cache.json"), "--config", str(fast_config(tmp_path))]
    assert run_cli(args, capsys)[0] == 0
    assert len(server.requests(base)) == 5
    code, out, _ = run_cli(args, capsys)
    assert code == 0 and len(server.requests(base)) == 5  # nothing new was sent
    assert re.search(r"from cache\s+5\n", out) and re.search(r"requests sent\s+0\n", out)
    code, out, _ = run_cli([*args, "--format", "json"], capsys)
    assert [row["cached"] for row in read_results(out)] == [True] * 5
    run_cli([*args, "--max-age", "0"], capsys)
    assert len(server.requests(base)) == 10  # too old: all rechecked
    _, out, _ = run_cli([*args, "--format", "json", "--max-age", "0"], capsys)
    assert [row["cached"] for row in read_results(out)] == [False] * 5


def test_a_cached_permanent_move_still_says_where_to_point(server: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The weekly run starts from the cache: a moved link must stay "moved" for the issue writer."""
    base = server.listen()
    page = write_docs(tmp_path / "docs", [f"{base}/chain/cached"])
    args = [str(page), "--cache", str(tmp_path / "cache.json"), "--config", str(fast_config(tmp_path)), "--format", "json"]
    [fresh] = read_results(run_cli(args, capsys)[1])
    [cached] = read_results(run_cli(args, capsys)[1])
    assert fresh["permanent_redirect"].endswith("/ok/chained") and not fresh["cached"]
    assert cached["cached"] and cached["permanent_redirect"] == fresh["permanent_redirect"]


def test_plan_counts_requests_per_host_and_sends_none(
    server: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = server.listen()
    arxiv = [f"https://arxiv.org/abs/2401.0000{n}" for n in range(3)]
    page = write_docs(tmp_path / "docs", [*(f"{base}/ok/{n}" for n in range(4)), "https://example.com/x", *arxiv])
    cache = tmp_path / "cache.json"
    Cache(cache, {f"{base}/ok/0": Entry("ok", 200, f"{base}/ok/0", "", time.time())}).save()
    code, out, _ = run_cli([str(page), "--plan", "--cache", str(cache)], capsys)  # the shipped policy
    assert code == 0 and server.requests(base) == []
    assert "8 URLs; 1 excluded by the policy, 1 fresh in the cache, 3 arXiv papers asked of arXiv's API in batches of 100." in out
    assert "4 requests to 2 hosts at least" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| host")]
    assert rows == ["| 127.0.0.1 | 3 | 4 | 0 | 0 |", "| export.arxiv.org | 1 | 1 | 3 | 0 |"]  # busiest first when no floor


def test_cache_rechecks_broken_and_warn(tmp_path: Path) -> None:
    now = time.time()
    cache = Cache(tmp_path / "c.json")
    for verdict in ("ok", "broken", "warn"):
        cache.store(verdict, Entry(verdict, 200, verdict, "", now))
    cache.store("old", Entry("ok", 200, "old", "", now - 8 * 86400))
    cache.save()
    loaded = Cache.load(tmp_path / "c.json")
    assert [url for url in ("ok", "broken", "warn", "old") if loaded.fresh(url, 7)] == ["ok"]
    (tmp_path / "c.json").write_text("not json", encoding="utf-8")
    assert Cache.load(tmp_path / "c.json").entries == {}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True)


def test_changed_since_checks_only_added_or_changed_lines(
    server: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = server.listen()
    repo = tmp_path / "repo"
    docs = repo / "docs"
    write_docs(docs, [f"{base}/ok/kept", f"{base}/ok/edited-before"])
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    write_docs(docs, [f"{base}/ok/kept", f"{base}/ok/edited-after", f"{base}/ok/added"])
    write_docs(docs, [f"{base}/ok/in-a-new-file"], name="new.md")
    config = fast_config(tmp_path)
    code, out, _ = run_cli([str(docs), "--changed-since", "HEAD", "--format", "json", "--no-cache", "--config", str(config)], capsys)
    assert code == 0
    assert sorted(r["url"].removeprefix(base) for r in json.loads(out)) == ["/ok/added", "/ok/edited-after", "/ok/in-a-new-file"]
    assert sorted(r.path for r in server.requests(base)) == ["/ok/added", "/ok/edited-after", "/ok/in-a-new-file"]
    code, _, err = run_cli([str(docs), "--changed-since", "no-such-ref", "--config", str(config)], capsys)
    assert code == 2 and "no-such-ref" in err


def test_exit_status_strict_and_formats(
    server: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = server.listen()
    url_file = tmp_path / "urls.txt"
    url_file.write_text(f"# one per line\n{base}/ok/a\n{base}/status/401/b\n", encoding="utf-8")
    common = ["--url-file", str(url_file), "--no-cache", "--config", str(fast_config(tmp_path))]
    assert run_cli(common, capsys)[0] == 0  # warn alone passes
    assert run_cli([*common, "--strict"], capsys)[0] == 1
    code, out, _ = run_cli([*common, "--format", "markdown"], capsys)
    assert out.startswith("### Link check") and "| warn | <" in out
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    url_file.write_text(f"{base}/status/404/c\n", encoding="utf-8")
    code, out, _ = run_cli(common, capsys)
    assert code == 1
    assert f"::error file={str(url_file).replace(':', '%3A')},line=1,title=Link check::broken link {base}/status/404/c" in out
    assert f"{url_file}:1: broken [404] {base}/status/404/c — 404 not found" in out


def test_full_docs_targets_come_from_the_parser() -> None:
    """Every resource entry's URL is a target, located at the entry's own line."""
    from scripts.content.entries import parse_paths
    from scripts.paths import DOCS

    targets = linkcheck.targets_from_docs([DOCS])
    for document in parse_paths([linkcheck.display(DOCS)]):
        for resource in document.resources:
            assert linkcheck.Location(resource.path, resource.line) in targets[resource.url]
