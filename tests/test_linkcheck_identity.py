"""Links that lead where their entries say: each identity case gets the right verdict from the
right service with the right requests, on loopback stand-ins that answer like arXiv's export
API, YouTube's oEmbed, GitHub's REST API and the Wayback Machine (scripts/testing/service_fixtures.py).

The arXiv, YouTube and GitHub URLs below are never requested themselves: only their services are.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from scripts.linkcheck import cli
from scripts.linkcheck.cache import Cache, Entry
from scripts.linkcheck.engine import Checker
from scripts.linkcheck.identity import Expected, page_identity, paper_identity, site, words
from scripts.linkcheck.model import Result, Trace
from scripts.linkcheck.policy import HostRule, Policy, Services, Settings
from scripts.linkcheck.report import Checked, Location, as_row
from scripts.testing.fixture_server import FixtureServer
from scripts.testing.service_fixtures import EMPTY_ENTRY, Catalog, video

pytestmark = pytest.mark.slow  # loopback servers and politeness intervals

API_HOST, PAGES, PARKED, LOGIN = "127.0.0.70", "127.0.0.71", "127.0.0.72", "127.0.0.73"
FAST = Settings(retries=2, backoff=0.01, backoff_cap=0.05, retry_after_cap=2.0, connect_timeout=1.0, attempt_timeout=1.0, deadline=5.0)
API_INTERVAL = 0.2  # arXiv asks for 3 s between API requests; the tests keep the shape, not the wait
VIDEO = "https://www.youtube.com/watch?v=kCc8FmEb1nY"


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    fixture = FixtureServer().start()
    yield fixture
    fixture.stop()


@pytest.fixture(scope="module")
def api(server: FixtureServer) -> str:
    return server.listen(API_HOST)


@pytest.fixture
def catalog(server: FixtureServer) -> Catalog:
    server.clear()
    server.catalog = Catalog()  # what the stand-in services know, fresh for each test
    return server.catalog


def policy(api: str, **hosts: HostRule) -> Policy:
    services = Services(f"{api}/svc/arxiv", f"{api}/svc/oembed", f"{api}/svc/github", f"{api}/svc/wayback")
    rules = {API_HOST: HostRule(host=API_HOST, per_host=1, interval=API_INTERVAL), **hosts}
    return Policy(FAST, rules, services)


def check(urls: list[str], chosen: Policy, expected: dict[str, Expected] | None = None) -> list[Result]:
    async def go() -> list[Result]:
        async with Checker(chosen, expected=expected) as checker:
            return await checker.check_all(urls)

    return asyncio.run(go())


def api_requests(server: FixtureServer, api: str, service: str) -> list[str]:
    return [r.path for r in server.requests(api, f"/svc/{service}")]


# The judgement itself ------------------------------------------------------------------------


def test_significant_words_ignore_filler_case_accents_and_plurals() -> None:
    assert words("The Illustrated Transformers | Blog") == {"illustrated", "transformer"}
    assert words("Café déjà vu") == {"cafe", "deja", "vu"}


def test_a_paper_title_must_hold_most_of_the_entrys_words() -> None:
    assert paper_identity("Attention Is All You Need", "Attention is all you need", 0.5) == "match"
    assert paper_identity("Attention Is All You Need", "Language Models are Few-Shot Learners", 0.5) == "drift"
    assert paper_identity("Attention Is All You Need", "", 0.5) == "unknown"


def test_one_shared_word_is_enough_for_a_page() -> None:
    entry = Expected("The Illustrated Transformer", "Jay Alammar")
    assert page_identity(entry, "The Illustrated Transformer – Jay Alammar – Visualizing machine learning") == "match"
    assert page_identity(entry, "", "", "Jay Alammar") == "match"  # the author's name in the heading
    assert page_identity(entry, "Buy this domain") == "drift"
    assert page_identity(entry, "", "", "") == "unknown"  # no title shown: never called drift


def test_sites_are_registrable_domains() -> None:
    assert site("blog.example.co.uk") == site("www.example.co.uk") == "example.co.uk"
    assert site("alice.github.io") != site("bob.github.io")  # a public suffix: separate sites
    assert site("127.0.0.2") == "127.0.0.2"


# arXiv ---------------------------------------------------------------------------------------


def test_arxiv_identity_cases_from_one_api_request(server: FixtureServer, api: str, catalog: Catalog) -> None:
    catalog.papers.update({
        "1706.03762": "Attention Is All You Need",
        "2005.14165": "Language Models are Few-Shot Learners",
        "2401.00003": "A paper its authors withdrew",
        "2401.00004": EMPTY_ENTRY,
    })
    catalog.withdrawn.add("2401.00003")
    urls = {
        "right": "https://arxiv.org/abs/1706.03762",
        "typo": "https://arxiv.org/abs/2005.14165",  # the entry means another paper
        "missing": "https://arxiv.org/abs/2401.00002",
        "withdrawn": "https://arxiv.org/pdf/2401.00003v1",
        "empty entry": "https://arxiv.org/abs/2401.00004",
        "malformed": "https://arxiv.org/abs/not-an-id",
    }
    expected = {
        urls["right"]: Expected("Attention Is All You Need", "Ashish Vaswani et al."),
        urls["typo"]: Expected("Attention Is All You Need", "Ashish Vaswani et al."),
        urls["withdrawn"]: Expected("A paper its authors withdrew", "Someone"),
    }
    results = dict(zip(urls, check(list(urls.values()), policy(api), expected)))
    assert [results[name].verdict for name in urls] == ["ok", "warn", "broken", "warn", "broken", "broken"]
    assert results["right"].identity == "match" and results["right"].title_found == "Attention Is All You Need"
    assert results["typo"].identity == "drift"
    assert results["typo"].reason == (
        "title drift: entry says 'Attention Is All You Need', arXiv says 'Language Models are Few-Shot Learners'"
    )
    assert "arXiv has no paper 2401.00002" in results["missing"].reason
    assert "withdrawn" in results["withdrawn"].reason
    assert "not an arXiv identifier" in results["malformed"].reason
    [query] = api_requests(server, api, "arxiv")  # one request for all of them; the malformed id never sent
    assert parse_qs(urlsplit(query).query) == {
        "id_list": ["1706.03762,2005.14165,2401.00002,2401.00003v1,2401.00004"], "max_results": ["5"]
    }


def test_150_arxiv_ids_take_two_batches_at_the_apis_pace(server: FixtureServer, api: str, catalog: Catalog) -> None:
    ids = [f"2402.{n:05d}" for n in range(150)]
    catalog.papers.update({i: f"Paper number {n}" for n, i in enumerate(ids)})
    results = check([f"https://arxiv.org/abs/{i}" for i in ids], policy(api))
    assert {r.verdict for r in results} == {"ok"} and {r.identity for r in results} == {"unknown"}  # no titles given
    batches = [r for r in server.requests(api, "/svc/arxiv")]
    sizes = [len(parse_qs(urlsplit(r.path).query)["id_list"][0].split(",")) for r in batches]
    assert sizes == [100, 50]
    assert batches[1].started - batches[0].started >= API_INTERVAL * 0.95


def test_arxiv_api_unusable_falls_back_to_the_page(server: FixtureServer, api: str, catalog: Catalog) -> None:
    pages = server.listen(PAGES)
    broken_api = Services(f"{api}/status/503/arxiv", f"{api}/svc/oembed", f"{api}/svc/github", f"{api}/svc/wayback")
    chosen = Policy(FAST, {API_HOST: HostRule(host=API_HOST, per_host=1)}, broken_api)

    async def go() -> Result:
        async with Checker(chosen) as checker:
            checker.ask_arxiv(["https://arxiv.org/abs/2401.00009"])
            answers = await checker.arxiv  # type: ignore[misc]
            assert answers == {"2401.00009": None}  # no answer: nothing is concluded from the API
            return await checker.follow(f"{pages}/ok/page", Trace())  # what the checker does instead

    assert asyncio.run(go()).verdict == "ok"
    assert len(server.requests(api, "/status/503/arxiv")) == FAST.retries + 1


# YouTube -------------------------------------------------------------------------------------


def test_youtube_cases_by_oembed_without_requesting_the_watch_page(server: FixtureServer, api: str, catalog: Catalog) -> None:
    urls = {
        "public": VIDEO,
        "removed": "https://www.youtube.com/watch?v=removed0001",  # its watch page says 200 "Video unavailable"
        "embedding disabled": "https://youtu.be/noembed0001",
        "private": "https://www.youtube.com/watch?v=private0001",
        "invalid": "https://www.youtube.com/playlist?list=PLbad",
        "another video": "https://www.youtube.com/watch?v=another0001",
    }
    catalog.videos.update({
        urls["public"]: video("Let's build GPT: from scratch, in code, spelled out.", "Andrej Karpathy"),
        urls["embedding disabled"]: (401, "Unauthorized"),
        urls["private"]: (200, "Forbidden"),
        urls["invalid"]: (400, "Bad Request"),
        urls["another video"]: video("Cooking pasta at home", "Chef"),
    })
    expected = {
        urls["public"]: Expected("Let's build GPT: from scratch, in code, spelled out", "Andrej Karpathy"),
        urls["another video"]: Expected("Let's build GPT: from scratch, in code, spelled out", "Andrej Karpathy"),
    }
    results = dict(zip(urls, check(list(urls.values()), policy(api), expected)))
    assert {name: r.verdict for name, r in results.items()} == {
        "public": "ok", "removed": "broken", "embedding disabled": "ok", "private": "broken", "invalid": "broken",
        "another video": "warn",
    }
    assert results["public"].identity == "match" and results["another video"].identity == "drift"
    assert "removed, private or invalid" in results["removed"].reason
    asked = [parse_qs(urlsplit(path).query) for path in api_requests(server, api, "oembed")]
    assert sorted(q["url"][0] for q in asked) == sorted(urls.values()) and {q["format"][0] for q in asked} == {"json"}
    assert all(r.attempts == 1 for r in results.values())  # one oEmbed request each, nothing else


# GitHub --------------------------------------------------------------------------------------


def test_github_repository_cases_by_the_rest_api(server: FixtureServer, api: str, catalog: Catalog) -> None:
    catalog.repositories.update({
        "karpathy/nanoGPT": {"id": 1, "full_name": "karpathy/nanoGPT", "html_url": "https://github.com/karpathy/nanoGPT", "archived": False},
        "new-org/tool": {"id": 2, "full_name": "new-org/tool", "html_url": "https://github.com/new-org/tool", "archived": False},
        "old/frozen": {"id": 3, "full_name": "old/frozen", "html_url": "https://github.com/old/frozen", "archived": True},
    })
    catalog.renamed["old-org/tool"] = "new-org/tool"
    urls = ["https://github.com/karpathy/nanoGPT", "https://github.com/old-org/tool", "https://github.com/old/frozen",
            "https://github.com/gone/away"]
    fine, renamed, archived, missing = check(urls, policy(api))
    assert (fine.verdict, renamed.verdict, archived.verdict, missing.verdict) == ("ok", "ok", "warn", "broken")
    assert renamed.permanent_redirect == "https://github.com/new-org/tool" and "renamed or transferred" in renamed.reason
    assert archived.reason.startswith("archived (read-only)")
    assert sorted(api_requests(server, api, "github")) == sorted([
        "/svc/github/repos/karpathy/nanoGPT", "/svc/github/repos/old-org/tool", "/svc/github/repositories/2",
        "/svc/github/repos/old/frozen", "/svc/github/repos/gone/away",
    ])


def test_an_exhausted_github_rate_limit_is_never_broken(server: FixtureServer, api: str, catalog: Catalog) -> None:
    catalog.rate_limited = True
    [result] = check(["https://github.com/gone/away"], policy(api))
    assert result.verdict == "warn" and "rate limit" in result.reason
    assert len(api_requests(server, api, "github")) == 1  # a 403 with no requests left is not retried


# Other pages ---------------------------------------------------------------------------------


def titled(base: str, title: str) -> str:
    return f"{base}/svc/page?title={quote(title)}"


def test_pages_that_lead_elsewhere(server: FixtureServer, api: str, catalog: Catalog) -> None:
    pages, parked, login = server.listen(PAGES), server.listen(PARKED), server.listen(LOGIN)
    entry = Expected("The Illustrated Transformer", "Jay Alammar")
    urls = {
        "same page, site suffix": titled(pages, "The Illustrated Transformer – Jay Alammar – Visualizing machine learning"),
        "parked domain": f"{pages}/to/x?url={quote(titled(parked, 'This domain may be for sale! Buy now'), safe='')}",
        "login wall": f"{pages}/to/y?url={quote(titled(login, 'Sign in to continue'), safe='')}",
        "another page": titled(pages, "Cooking pasta at home"),
        "no title": f"{pages}/svc/page",
        "og:title only": f"{pages}/svc/page?og={quote('Illustrated Transformer')}",
    }
    results = dict(zip(urls, check(list(urls.values()), policy(api), {url: entry for url in urls.values()})))
    assert {name: (r.verdict, r.identity) for name, r in results.items()} == {
        "same page, site suffix": ("ok", "match"),
        "parked domain": ("warn", "drift"),
        "login wall": ("warn", "drift"),
        "another page": ("warn", "drift"),
        "no title": ("ok", "unknown"),
        "og:title only": ("ok", "match"),
    }
    assert results["parked domain"].reason.startswith(f"moved off-site to {parked}/svc/page")
    assert results["another page"].reason == "title drift: entry says 'The Illustrated Transformer', the page says 'Cooking pasta at home'"


def test_a_move_the_policy_expects_is_not_reported(server: FixtureServer, api: str, catalog: Catalog) -> None:
    pages, other = server.listen(PAGES), server.listen(PARKED)
    url = f"{pages}/to/z?url={quote(titled(other, 'The Illustrated Transformer'), safe='')}"
    chosen = policy(api, **{PAGES: HostRule(host=PAGES, moves_to=PARKED)})
    [result] = check([url], chosen, {url: Expected("The Illustrated Transformer")})
    assert result.verdict == "ok" and result.permanent_redirect  # still says where the entry should point


# Archived copies -----------------------------------------------------------------------------


def test_broken_links_get_the_snapshot_from_when_they_last_worked(server: FixtureServer, api: str, catalog: Catalog, tmp_path: Path) -> None:
    pages = server.listen(PAGES)
    archived, unarchived = f"{pages}/status/404/archived", f"{pages}/status/404/never-archived"
    catalog.snapshots[archived] = "20250301120000"
    last_worked = 1740787200.0  # 2025-03-01
    cache = Cache(tmp_path / "cache.json", {archived: Entry("ok", 200, archived, "", last_worked, last_ok=last_worked)})
    targets = {archived: [Location("docs/x.md", 3)], unarchived: [Location("docs/x.md", 4)]}
    checked, requests = asyncio.run(cli.check(targets, policy(api), cache, max_age_days=0))
    copy, none = (c.result for c in checked)
    assert (copy.verdict, none.verdict) == ("broken", "broken")
    assert copy.archived_url == f"https://web.archive.org/web/20250301120000/{archived}" and none.archived_url == ""
    asked = {parse_qs(urlsplit(p).query)["url"][0]: parse_qs(urlsplit(p).query).get("timestamp") for p in api_requests(server, api, "wayback")}
    assert asked[archived] == ["20250301"]  # the day it last worked, from the cache
    assert requests == 4  # two pages, two archive lookups
    assert cache.last_ok(archived) == last_worked  # a failure does not erase when it last worked


# One URL's verdict does not depend on its neighbours -----------------------------------------


def test_neighbours_on_one_host_never_change_a_verdict(server: FixtureServer, api: str, catalog: Catalog) -> None:
    """36 URLs on one host: one asks for an hour's wait, one for longer than the deadline (within
    the cap), one fails once with 502. Waits for politeness do not count against a deadline."""
    host = server.listen("127.0.0.74")
    urls = [f"{host}/ok/{n}" for n in range(33)]
    urls += [f"{host}/429-forever/hour?after=3600", f"{host}/429-once/pause?after=1.2", f"{host}/502-once/flaky"]
    chosen = policy(api).with_settings(deadline=1.0)
    runs = []
    for _ in range(5):
        server.clear()
        runs.append([r.verdict for r in check(urls, chosen)])
    assert all(run == runs[0] for run in runs)
    assert runs[0] == ["ok"] * 33 + ["warn", "ok", "ok"]


def test_the_json_carries_identity_title_and_time(server: FixtureServer, api: str, catalog: Catalog) -> None:
    pages = server.listen(PAGES)
    url = titled(pages, "The Illustrated Transformer")
    [result] = check([url], policy(api), {url: Expected("The Illustrated Transformer")})
    row = as_row(Checked(result, (Location("docs/x.md", 1),)))
    assert row["identity"] == "match" and row["title_found"] == "The Illustrated Transformer" and row["archived_url"] == ""
    assert time.strptime(row["checked_at"], "%Y-%m-%dT%H:%M:%SZ")
