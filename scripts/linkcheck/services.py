"""The services that know more about a link than its page does: arXiv's export API, YouTube's
oEmbed endpoint, GitHub's REST API and the Wayback Machine's availability API.

This module knows which URLs each service answers for, how to ask it, and how to read what it
says, in the formats the services document. It sends nothing: the engine sends the requests,
with its politeness and retries, to the endpoints the policy's `[services]` table names
(`Services` in scripts/linkcheck/policy.py).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode, urlsplit

# arXiv identifiers: 2301.12345 (since 2007, 4 or 5 digits after the dot) and hep-th/9901001 (before).
ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?/\d{7})"
ARXIV_URL_RE = re.compile(rf"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?P<id>{ARXIV_ID})(?P<version>v\d+)?(?:\.pdf)?/?$")
ARXIV_ANY_RE = re.compile(r"^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?P<id>[^?#]+?)(?:\.pdf)?/?$")
ARXIV_BATCH = 100  # ids per request; the pause arXiv asks for between requests is export.arxiv.org's interval in policy.toml
ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV_NS = "{http://arxiv.org/schemas/atom}"
WITHDRAWN_RE = re.compile(r"\bwithdrawn\b", re.IGNORECASE)

YOUTUBE_HOSTS = frozenset({"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"})
# Paths under github.com/<name>/ that are GitHub's own pages, not an owner's repository.
GITHUB_RESERVED = frozenset(
    "about apps collections customer-stories enterprise events explore features issues login marketplace new "
    "notifications orgs pricing pulls search security settings sponsors team topics trending users".split()
)


class ServiceError(ValueError):
    """A service answered, but not in its documented format."""


def json_object(text: str) -> dict:
    """A JSON service's answer, which is always an object."""
    try:
        data = json.loads(text)
    except ValueError:
        raise ServiceError(f"not JSON: {text[:40]!r}") from None
    if not isinstance(data, dict):
        raise ServiceError("not a JSON object")
    return data


# arXiv ---------------------------------------------------------------------------------------


def arxiv_id(url: str) -> str | None:
    """The identifier an arXiv /abs/ or /pdf/ URL names, version included ("2106.09685v2"), or None.
    A URL on arXiv whose identifier is malformed gives "" (no request can find it)."""
    match = ARXIV_URL_RE.match(url)
    if match:
        return match.group("id") + (match.group("version") or "")
    return "" if ARXIV_ANY_RE.match(url) else None


def without_version(identifier: str) -> str:
    return re.sub(r"v\d+$", "", identifier)


def arxiv_query(endpoint: str, ids: list[str]) -> str:
    return f"{endpoint}?{urlencode({'id_list': ','.join(ids), 'max_results': len(ids)})}"


@dataclass(frozen=True)
class Paper:
    title: str
    withdrawn: bool


def read_arxiv_feed(text: str) -> dict[str, Paper]:
    """The papers in an export API answer, keyed by identifier with and without version.
    arXiv answers a bad query with HTTP 200 and one entry titled "Error": that is a ServiceError.
    An id arXiv does not have is left out of the feed, or (as it has also answered) given an
    entry with no id or title: either way it is absent from the result."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ServiceError(f"not an Atom feed ({error})") from None
    if root.tag != f"{ATOM}feed":
        raise ServiceError("not an Atom feed")
    papers: dict[str, Paper] = {}
    for entry in root.iter(f"{ATOM}entry"):
        link = (entry.findtext(f"{ATOM}id") or "").strip()
        title = " ".join((entry.findtext(f"{ATOM}title") or "").split())
        if "/api/errors" in link or title == "Error":
            raise ServiceError(" ".join((entry.findtext(f"{ATOM}summary") or "error").split()))
        if "/abs/" not in link or not title:
            continue
        identifier = link.split("/abs/", 1)[1]
        notes = f"{entry.findtext(f'{ARXIV_NS}comment') or ''} {entry.findtext(f'{ATOM}summary') or ''}"
        paper = Paper(title, bool(WITHDRAWN_RE.search(notes)))
        papers[identifier] = papers[without_version(identifier)] = paper
    return papers


# YouTube -------------------------------------------------------------------------------------


def is_youtube(url: str) -> bool:
    """A video or playlist, which oEmbed describes (a channel page is not one)."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() not in YOUTUBE_HOSTS:
        return False
    if parts.hostname == "youtu.be":
        return bool(parts.path.strip("/"))
    query = parse_qs(parts.query)
    return (parts.path == "/watch" and "v" in query) or (parts.path == "/playlist" and "list" in query) or parts.path.startswith("/shorts/")


def oembed_query(endpoint: str, url: str) -> str:
    return f"{endpoint}?url={quote(url, safe='')}&format=json"


@dataclass(frozen=True)
class Video:
    title: str
    channel: str


def read_oembed(text: str) -> Video:
    """YouTube has answered a private video with 200 and the text "Forbidden": not JSON, no video."""
    data = json_object(text)
    if not isinstance(data.get("title"), str):
        raise ServiceError("no title in the answer")
    return Video(data["title"], str(data.get("author_name", "")))


# GitHub --------------------------------------------------------------------------------------


def github_repository(url: str) -> tuple[str, str] | None:
    """(owner, name) for a repository's own page, github.com/OWNER/NAME; None for anything deeper,
    whose page is checked as a page."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() not in ("github.com", "www.github.com") or parts.query or parts.fragment:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) != 2 or segments[0].lower() in GITHUB_RESERVED:
        return None
    return segments[0], segments[1].removesuffix(".git")


def github_query(endpoint: str, owner: str, name: str) -> str:
    return f"{endpoint}/repos/{quote(owner)}/{quote(name)}"


@dataclass(frozen=True)
class Repository:
    full_name: str
    html_url: str
    archived: bool


def read_repository(text: str) -> Repository:
    data = json_object(text)
    if not isinstance(data.get("full_name"), str):
        raise ServiceError("no full_name in the answer")
    return Repository(data["full_name"], str(data.get("html_url") or f"https://github.com/{data['full_name']}"), bool(data.get("archived")))


def rate_limited(status: int, headers: dict[str, str]) -> bool:
    """GitHub's exhausted rate limit: 403 or 429 with x-ratelimit-remaining: 0 (or a Retry-After)."""
    return status in (403, 429) and (headers.get("x-ratelimit-remaining") == "0" or "retry-after" in headers)


# Wayback Machine -----------------------------------------------------------------------------


def wayback_query(endpoint: str, url: str, timestamp: str) -> str:
    query = f"url={quote(url, safe='')}" + (f"&timestamp={timestamp}" if timestamp else "")
    return f"{endpoint}?{query}"


def read_wayback(text: str) -> str:
    """The closest snapshot's URL, or "" when the archive has none."""
    closest = (json_object(text).get("archived_snapshots") or {}).get("closest")
    if not isinstance(closest, dict) or not closest.get("available") or not isinstance(closest.get("url"), str):
        return ""
    return closest["url"].replace("http://web.archive.org/", "https://web.archive.org/", 1)
