"""Verdicts from the services that know a link's resource better than its page: arXiv's export
API (all papers in a few batched requests), YouTube's oEmbed, GitHub's REST API, and the
Wayback Machine for an archived copy of a broken link.

Each lookup sends its requests through the engine's `fetch` (politeness, retries, deadline)
and turns the documented answer into a `Result`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Literal
from urllib.parse import urljoin

from scripts.linkcheck.identity import Expected, page_identity, paper_identity
from scripts.linkcheck.model import Failure, Reply, Result, Trace
from scripts.linkcheck.services import (
    ARXIV_BATCH,
    Paper,
    ServiceError,
    arxiv_query,
    github_query,
    oembed_query,
    rate_limited,
    read_arxiv_feed,
    read_oembed,
    read_repository,
    read_wayback,
    wayback_query,
    without_version,
)

Fetch = Callable[[str, Trace], Awaitable[Reply | Failure]]
Missing = Literal["missing"]
ArxivAnswer = Paper | Missing | None  # None: the API did not answer usefully, so the page is checked instead


async def ask_arxiv(fetch: Fetch, endpoint: str, ids: list[str]) -> dict[str, ArxivAnswer]:
    """Every id's paper, ARXIV_BATCH ids per request, one request after another."""
    answers: dict[str, ArxivAnswer] = {}
    for start in range(0, len(ids), ARXIV_BATCH):
        batch = ids[start : start + ARXIV_BATCH]
        reply = await fetch(arxiv_query(endpoint, batch), Trace())
        papers: dict[str, Paper] | None = None
        if isinstance(reply, Reply) and reply.status == 200:
            try:
                papers = read_arxiv_feed(reply.text)
            except ServiceError:
                papers = None
        for identifier in batch:
            if papers is None:
                answers[identifier] = None
            else:
                answers[identifier] = papers.get(identifier) or papers.get(without_version(identifier)) or "missing"
    return answers


def arxiv_result(url: str, identifier: str, answer: Paper | Missing, expected: Expected | None, agreement: float) -> Result:
    if answer == "missing":
        return Result(url, "broken", 404, url, f"arXiv has no paper {identifier} (checked with arXiv's API)")
    result = Result(url, "ok", 200, url, title_found=answer.title)
    if expected:
        result.identity = paper_identity(expected.title, answer.title, agreement)
    if answer.withdrawn:
        result.verdict, result.reason = "warn", f"withdrawn: arXiv marks {identifier} as withdrawn by its authors"
    elif result.identity == "drift":
        assert expected is not None
        result.verdict, result.reason = "warn", f"title drift: entry says {expected.title!r}, arXiv says {answer.title!r}"
    return result


def failed(url: str, failure: Failure, service: str) -> Result:
    return Result(url, failure.verdict, failure.status, url, f"{service}: {failure.reason}")


async def check_youtube(fetch: Fetch, endpoint: str, url: str, expected: Expected | None, trace: Trace) -> Result:
    """A video or playlist by YouTube's oEmbed answer; the watch page says 200 even for a removed video."""
    reply = await fetch(oembed_query(endpoint, url), trace)
    if isinstance(reply, Failure):
        return failed(url, reply, "YouTube oEmbed")
    if reply.status == 401:
        return Result(url, "ok", 401, url, "public; its owner disabled embedding")
    if reply.status in (400, 403, 404):
        return Result(url, "broken", reply.status, url, f"{reply.status}: YouTube has no public video or playlist here (removed, private or invalid)")
    if reply.status != 200:
        return Result(url, "warn", reply.status, url, f"{reply.status} from YouTube's oEmbed endpoint")
    try:
        video = read_oembed(reply.text)
    except ServiceError as error:
        return Result(url, "broken", 200, url, f"YouTube's oEmbed answered without a video ({error}): private or removed")
    result = Result(url, "ok", 200, url, title_found=video.title)
    if expected:
        result.identity = page_identity(expected, video.title, video.channel)
        if result.identity == "drift":
            result.verdict = "warn"
            result.reason = f"title drift: entry says {expected.title!r}, YouTube says {video.title!r} by {video.channel!r}"
    return result


async def check_github(fetch: Fetch, endpoint: str, url: str, owner: str, name: str, trace: Trace) -> Result:
    """A repository by GitHub's REST API: gone, renamed or transferred (a redirect), archived."""
    query = github_query(endpoint, owner, name)
    reply = await fetch(query, trace)
    moved = False
    if isinstance(reply, Reply) and reply.status in (301, 302, 307, 308) and reply.headers.get("location"):
        moved = True  # GitHub answers a renamed or transferred repository with a redirect to its id
        reply = await fetch(urljoin(query, reply.headers["location"]), trace)
    if isinstance(reply, Failure):
        return failed(url, reply, "GitHub API")
    if rate_limited(reply.status, reply.headers):
        return Result(url, "warn", reply.status, url, "GitHub's API rate limit is exhausted (set GITHUB_TOKEN); not judged")
    if reply.status == 404:
        return Result(url, "broken", 404, url, f"GitHub has no repository {owner}/{name} (deleted, made private, or misspelt)")
    if reply.status != 200:
        return Result(url, "warn", reply.status, url, f"{reply.status} from GitHub's API")
    try:
        repository = read_repository(reply.text)
    except ServiceError as error:
        return Result(url, "warn", 200, url, f"GitHub's API answered oddly: {error}")
    result = Result(url, "ok", 200, repository.html_url, title_found=repository.full_name)
    if moved or repository.full_name.lower() != f"{owner}/{name}".lower():
        result.permanent_redirect = repository.html_url
        result.reason = f"renamed or transferred to {repository.full_name}: update the entry"
    if repository.archived:
        moved_too = f"; {result.reason}" if result.reason else ""  # the new address still goes in the weekly issue
        result.verdict, result.reason = "warn", f"archived (read-only): the repository is no longer maintained{moved_too}"
    return result


async def archived_copy(fetch: Fetch, endpoint: str, url: str, timestamp: str) -> str:
    """The Wayback Machine's snapshot closest to `timestamp` (YYYYMMDD), or "" if none or no answer."""
    reply = await fetch(wayback_query(endpoint, url, timestamp), Trace())
    if isinstance(reply, Failure) or reply.status != 200:
        return ""
    try:
        return read_wayback(reply.text)
    except ServiceError:
        return ""
