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

from scripts.linkcheck import cli, issue
from scripts.linkcheck.cache import Cache, Entry
from scripts.linkcheck.contract import read_results
from scripts.linkcheck.engine import Checker
from scripts.linkcheck.identity import Expected, page_identity, paper_identity, site, words
from scripts.linkcheck.model import Result, Trace
from scripts.linkcheck.policy import HostRule, Policy, Services, Settings
from scripts.linkcheck.report import Checked, Location, as_json, as_row
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


def test_a_paper_title_and_its_entrys_must_agree_both_ways() -> None:
    assert paper_identity("Attention Is All You Need", "Attention is all you need", 0.8) == "match"
    assert paper_identity("Attention Is All You Need", "Language Models are Few-Shot Learners", 0.8) == "drift"
    assert paper_identity("Attention Is All You Need", "", 0.8) == "unknown"
    # The entry's words are all in the paper's title, but the paper's are not all in the entry's.
    assert paper_identity("Layer Normalization", "Root Mean Square Layer Normalization", 0.8) == "drift"
    assert paper_identity("Root Mean Square Layer Normalization", "Layer Normalization", 0.8) == "drift"


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


def test_a_retitled_paper_is_title_drift_naming_both_titles_and_rewordings_stay_quiet(server: FixtureServer, api: str, catalog: Catalog) -> None:
    """The symmetric rule on arXiv's answers: another paper of the same family is drift; a title
    that gained or lost a subtitle word, or changed case and punctuation, is the same paper."""
    entry = "Mamba: Linear-Time Sequence Modeling with Selective State Spaces"
    catalog.papers.update({
        "2505.09388": "Qwen3-VL Technical Report",  # what a wrong or retitled link would show
        "2312.00752": entry + " and Hardware",  # gained a word
        "2312.00753": "Mamba: Linear-Time Sequence Modeling with State Spaces",  # lost one
        "2312.00754": "MAMBA — linear time sequence modeling with selective state-spaces",
    })
    urls = [f"https://arxiv.org/abs/{i}" for i in ("2505.09388", "2312.00752", "2312.00753", "2312.00754")]
    expected = {urls[0]: Expected("Qwen3 Technical Report"), **{url: Expected(entry) for url in urls[1:]}}
    retitled, gained, lost, recased = check(urls, policy(api), expected)
    assert (retitled.verdict, retitled.identity) == ("warn", "drift")
    assert retitled.reason == "title drift: entry says 'Qwen3 Technical Report', arXiv says 'Qwen3-VL Technical Report'"
    assert [(r.verdict, r.identity) for r in (gained, lost, recased)] == [("ok", "match")] * 3
    # The threshold is the policy's: at 0.75 the family member passes, as one of four words differs.
    [lenient] = check(urls[:1], policy(api).with_settings(title_agreement=0.75), expected)
    assert (lenient.verdict, lenient.identity) == ("ok", "match")


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


def test_a_moved_repository_lands_in_the_weekly_issues_moved_rows(server: FixtureServer, api: str, catalog: Catalog, tmp_path: Path) -> None:
    """A renamed or transferred repository passes the check, so only the weekly issue gets its entry
    updated: the checker's JSON carries the new address, and the issue is opened for it alone."""
    catalog.repositories["vibrantlabsai/ragas"] = {
        "id": 7, "full_name": "vibrantlabsai/ragas", "html_url": "https://github.com/vibrantlabsai/ragas", "archived": False,
    }
    catalog.renamed["explodinggradients/ragas"] = "vibrantlabsai/ragas"
    url = "https://github.com/explodinggradients/ragas"
    targets = {url: [Location("docs/rag.md", 66)]}
    checked, _ = asyncio.run(cli.check(targets, policy(api), Cache(None), max_age_days=0))
    items = read_results(as_json(checked))
    assert [item["verdict"] for item in items] == ["ok"] and issue.needed(items)
    [row] = [line for line in issue.report(items).splitlines() if line.startswith("| `")]
    assert row.startswith(f"| `docs/rag.md:66` | <{url}> | moved | 200 | renamed or transferred to vibrantlabsai/ragas")
    assert row.endswith("| Point the entry to <https://github.com/vibrantlabsai/ragas> |")


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


# Pages that fell back to their site's home page ----------------------------------------------

# A Sphinx site's home page (Sphinx titles a page "<page> — <project> documentation"); the
# project is made up. rag.md:52's link to sbert.net showed its site's home page this way (issue 24).
HOME = {"title": "Rerankit Documentation — Rerankit 1.0 documentation", "h1": "Rerankit Documentation"}


def home_requests(server: FixtureServer, base: str) -> int:
    return sum(1 for r in server.requests(base) if urlsplit(r.path).path == "/")


def test_a_deep_link_that_shows_its_sites_home_page_is_reported(server: FixtureServer, api: str, catalog: Catalog) -> None:
    """rag.md:52's case: the documented page moved and the docs server answers with its home page.
    The home page's title is asked for once for the three pages that need it, and not for the two
    whose titles show their entries'."""
    site_ = server.listen("127.0.0.75")
    catalog.home_pages[urlsplit(site_).netloc] = HOME
    entry = Expected("Retrieve & Re-Rank", "Rerankit")
    urls = {
        "served the home page": f"{site_}/fallback/examples/applications/retrieve_rerank",
        "redirected to the home page": f"{site_}/redirect/302/?from=old-page",
        "its own page": titled(site_, "Retrieve & Re-Rank — Rerankit 1.0 documentation"),
        "site name in every title": f"{site_}/svc/page?title={quote('Cross-Encoders — Rerankit 1.0 documentation')}",
        "same title, own heading": f"{site_}/svc/page?title={quote(HOME['title'])}&h1={quote('Cross-Encoders')}",
        "og:title only, the home page's": f"{site_}/svc/page?og={quote(HOME['title'])}&h1={quote(HOME['h1'])}",
        "its own page, og:title": f"{site_}/svc/page?og={quote('Retrieve & Re-Rank')}&h1={quote(HOME['h1'])}",
        "same title, no heading (a script draws it)": f"{site_}/svc/page?title={quote(HOME['title'])}",
    }
    results = dict(zip(urls, check(list(urls.values()), policy(api), {url: entry for url in urls.values()})))
    assert {name: (r.verdict, r.identity) for name, r in results.items()} == {
        "served the home page": ("warn", "drift"),
        "redirected to the home page": ("warn", "drift"),
        "its own page": ("ok", "match"),
        "site name in every title": ("ok", "match"),
        "same title, own heading": ("ok", "match"),
        "og:title only, the home page's": ("warn", "drift"),
        "its own page, og:title": ("ok", "match"),
        "same title, no heading (a script draws it)": ("ok", "match"),
    }
    assert results["served the home page"].reason == (
        f"lands on the site's home page: the page is titled {HOME['title']!r}, as {site_}/ is"
    )
    assert results["redirected to the home page"].reason.startswith(f"lands on the site's home page: redirected to {site_}/")
    assert home_requests(server, site_) == 2  # the redirect's own landing, and the one home-page check for the others


def test_the_home_page_is_asked_for_only_when_a_title_barely_matches(server: FixtureServer, api: str, catalog: Catalog) -> None:
    """Pages whose titles show their entries' cost no request to the home page, and neither do
    links without an entry (a --url-file run) or an entry that links the home page itself."""
    site_ = server.listen("127.0.0.76")
    catalog.home_pages[urlsplit(site_).netloc] = HOME
    entry = Expected("Retrieve & Re-Rank", "Rerankit")
    named = titled(site_, "Retrieve & Re-Rank")
    results = check([named, f"{site_}/fallback/a", f"{site_}/"], policy(api), {named: entry, f"{site_}/": entry})
    assert [r.verdict for r in results] == ["ok", "ok", "ok"]
    assert home_requests(server, site_) == 1  # the entry's own link to "/"; nothing asked on the others' behalf


def test_an_entry_naming_the_page_the_home_page_lands_on_is_not_reported(server: FixtureServer, api: str, catalog: Catalog) -> None:
    """Docs whose "/" redirects to a versioned start page: an entry may link that start page."""
    site_ = server.listen("127.0.0.77")
    host = urlsplit(site_).netloc
    catalog.home_redirects[host] = "/fallback/en/latest/"
    catalog.home_pages[host] = {"title": "Overview — Toolkit 2.1 documentation", "h1": "Overview"}
    start, moved = f"{site_}/fallback/en/latest/", f"{site_}/fallback/en/latest/guide/old"
    expected = {start: Expected("Getting started", "Toolkit"), moved: Expected("Writing plugins", "Toolkit")}
    results = check([start, moved], policy(api), expected)
    assert [(r.verdict, r.identity) for r in results] == [("ok", "match"), ("warn", "drift")]


def test_the_home_page_is_kept_in_the_cache_like_any_other_answer(server: FixtureServer, api: str, catalog: Catalog, tmp_path: Path) -> None:
    site_ = server.listen("127.0.0.78")
    catalog.home_pages[urlsplit(site_).netloc] = HOME
    url = f"{site_}/fallback/examples/applications/retrieve_rerank"
    targets = {url: [Location("docs/rag.md", 52)]}
    cache = Cache(tmp_path / "cache.json")
    expected = {url: Expected("Retrieve & Re-Rank", "Rerankit")}
    for run in range(2):
        server.clear()
        checked, _ = asyncio.run(cli.check(targets, policy(api), cache, max_age_days=7, expected=expected))
        assert [c.result.verdict for c in checked] == ["warn"]  # a warning is checked again on every run
        assert home_requests(server, site_) == (1 if run == 0 else 0)  # the second run reads the home page from the cache
        cache.save()
        cache = Cache.load(tmp_path / "cache.json")
    assert cache.entries[f"{site_}/"].titles == (HOME["title"], "", HOME["h1"])


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
