"""The benchmark is not a test, but its judging is: a wrong accuracy column would mislead."""

from __future__ import annotations

import re

import pytest

from scripts.linkcheck import bench

pytestmark = pytest.mark.slow  # runs every peer link checker against loopback servers

CASES = {
    "http://127.0.0.2:1/ok/page": "ok",
    "http://127.0.0.2:1/status/404/x": "broken",
    "http://127.0.0.2:1/botwall/x": "warn",
    "http://127.0.0.2:1/drip/x": "warn",
}


def test_a_pass_fail_peer_is_right_to_fail_only_broken_and_a_hang_is_never_right() -> None:
    outcomes = {
        "http://127.0.0.2:1/ok/page": "pass",
        "http://127.0.0.2:1/status/404/x": "broken",
        "http://127.0.0.2:1/botwall/x": "broken",  # crying wolf
        "http://127.0.0.2:1/drip/x": bench.HUNG,
    }
    right, wrong = bench.accuracy("lychee", outcomes, CASES)
    assert right == 2 and wrong == ["botwall/x", "drip/x (hung)"]


def test_ours_must_give_the_exact_verdict() -> None:
    outcomes = {**CASES, "http://127.0.0.2:1/botwall/x": "broken"}
    assert bench.accuracy("ours", outcomes, CASES) == (3, ["botwall/x"])


def test_benchmark_run_prints_one_row_per_tool_with_requests_and_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    code = bench.main(["--urls", "40", "--hosts", "2", "--latency-ms", "10", "--runs", "1", "--tools", "ours-in-process"])
    out = capsys.readouterr().out
    assert code == 0
    assert "40 URLs × 2 hosts × 10 ms, 4 per host at once: ideal bound 0.05 s; failure-mode set of 27 URLs" in out
    row = next(line for line in out.splitlines() if line.startswith("| ours-in-process"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[3] == "40" and cells[4] == "27/27 100%" and cells[5] == "-"
    assert re.search(r"Start-up floor: .* takes \d+\.\d\d s \(median\)", out)


def test_the_docs_workload_asks_arxiv_a_few_times_and_a_warm_cache_asks_nothing() -> None:
    """The docs' own URLs on loopback stand-ins: every entry's link leads to its resource, arXiv's
    papers cost at most one API request per 100, and a second run answers from the cache."""
    from scripts.linkcheck import bench_docs
    from scripts.linkcheck.cache import Cache
    from scripts.testing.fixture_server import FixtureServer

    server = FixtureServer(latency=0.01).start()
    try:
        work = bench_docs.build(server)
        cache = Cache(None)
        _, requests, verdicts = bench_docs.run_ours(work, cache)
        arxiv_requests = server.requests(work.arxiv_api, "/svc/arxiv")
        assert verdicts == {"ok": len(work.urls)}
        assert len(arxiv_requests) == -(-work.arxiv_urls() // 100) <= 5
        assert requests == len(work.urls) - work.arxiv_urls() + len(arxiv_requests)  # one request per other URL
        server.clear()
        _, requests, verdicts = bench_docs.run_ours(work, cache)
        assert requests == 0 and verdicts == {"ok": len(work.urls)}
    finally:
        server.stop()
