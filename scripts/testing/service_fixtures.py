"""Loopback stand-ins for the services the link checker asks (arXiv's export API, YouTube's
oEmbed, GitHub's REST API, the Wayback Machine's availability API) and for pages with chosen
titles. Each answers in the format the real service documents; what it knows is in `Catalog`.

Mounted on the fixture server under `/svc/…`:
  /svc/arxiv?id_list=…&max_results=…      Atom feed (unknown ids left out or given an empty entry)
  /svc/oembed?url=…&format=json           JSON, or the status a video's state gives
  /svc/github/repos/OWNER/NAME            JSON; 301 to /svc/github/repositories/ID for a rename
  /svc/wayback?url=…&timestamp=…          {"archived_snapshots": {...}}
  /svc/page?title=…&og=…&h1=…             an HTML page with those titles

A listener's home page ("/") is the page `Catalog.home_pages` gives its "host:port" (404 without
one), or a redirect to the path `Catalog.home_redirects` gives; `/fallback/…` answers with the
home page itself, as a docs server does for a page it no longer has.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from aiohttp import web

EMPTY_ENTRY = "empty-entry"  # a paper id arXiv answers with an entry that has no id or title


@dataclass
class Catalog:
    papers: dict[str, str] = field(default_factory=dict)  # id (no version) -> title, or EMPTY_ENTRY
    withdrawn: set[str] = field(default_factory=set)
    videos: dict[str, tuple[int, str]] = field(default_factory=dict)  # video URL -> (status, body)
    repositories: dict[str, dict] = field(default_factory=dict)  # "owner/name" -> the API's JSON
    renamed: dict[str, str] = field(default_factory=dict)  # old "owner/name" -> new "owner/name"
    rate_limited: bool = False
    snapshots: dict[str, str] = field(default_factory=dict)  # URL -> its closest snapshot's timestamp
    home_pages: dict[str, dict[str, str]] = field(default_factory=dict)  # "host:port" -> {"title"/"og"/"h1": text}
    home_redirects: dict[str, str] = field(default_factory=dict)  # "host:port" -> where "/" redirects


def atom(entries: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:arxiv="http://arxiv.org/schemas/atom"><title>arXiv Query</title>' + "".join(entries) + "</feed>"
    )


def arxiv(request: web.Request, catalog: Catalog) -> web.Response:
    ids = [i for i in request.query.get("id_list", "").split(",") if i]
    if any(not i[:1].isalnum() for i in ids):
        bad = next(i for i in ids if not i[:1].isalnum())
        error = (f"<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_{escape(bad)}</id>"
                 f"<title>Error</title><summary>incorrect id format for {escape(bad)}</summary></entry>")
        return web.Response(text=atom([error]), content_type="application/atom+xml")
    entries = []
    for identifier in ids[: int(request.query.get("max_results", "10"))]:
        base = identifier.split("v")[0] if "." in identifier else identifier
        title = catalog.papers.get(base)
        if title == EMPTY_ENTRY:
            entries.append("<entry><summary></summary></entry>")
        elif title is not None:
            version = identifier[len(base):] or "v2"
            comment = "<arxiv:comment>This paper has been withdrawn by the authors</arxiv:comment>" if base in catalog.withdrawn else ""
            entries.append(f"<entry><id>http://arxiv.org/abs/{base}{version}</id><title>{escape(title)}</title>"
                           f"<summary>An abstract.</summary>{comment}</entry>")
    return web.Response(text=atom(entries), content_type="application/atom+xml")


def oembed(request: web.Request, catalog: Catalog) -> web.Response:
    status, body = catalog.videos.get(request.query.get("url", ""), (404, "Not Found"))
    content_type = "application/json" if body.startswith("{") else "text/html"
    return web.Response(status=status, text=body, content_type=content_type)


def github(request: web.Request, catalog: Catalog, parts: list[str]) -> web.Response:
    if catalog.rate_limited:
        return web.Response(status=403, text='{"message": "API rate limit exceeded"}', content_type="application/json",
                            headers={"x-ratelimit-remaining": "0"})
    if parts[:1] == ["repositories"]:
        name = next(n for n in catalog.repositories if str(catalog.repositories[n]["id"]) == parts[1])
        return web.json_response(catalog.repositories[name])
    name = "/".join(parts[1:3])
    if name in catalog.renamed:
        number = catalog.repositories[catalog.renamed[name]]["id"]
        return web.json_response({"message": "Moved Permanently", "url": f"/svc/github/repositories/{number}"},
                                 status=301, headers={"Location": f"/svc/github/repositories/{number}"})
    if name not in catalog.repositories:
        return web.json_response({"message": "Not Found"}, status=404)
    return web.json_response(catalog.repositories[name])


def wayback(request: web.Request, catalog: Catalog) -> web.Response:
    url = request.query.get("url", "")
    stamp = catalog.snapshots.get(url)
    if not stamp:
        return web.json_response({"url": url, "archived_snapshots": {}})
    closest = {"status": "200", "available": True, "url": f"http://web.archive.org/web/{stamp}/{url}", "timestamp": stamp}
    return web.json_response({"url": url, "archived_snapshots": {"closest": closest}})


def page(request: web.Request) -> web.Response:
    return titled_page(request.query)


def home_page(request: web.Request, catalog: Catalog) -> web.Response:
    """A listener's home page, or the home page served in place of a page it no longer has."""
    if request.path == "/" and request.host in catalog.home_redirects:
        return web.Response(status=302, headers={"Location": catalog.home_redirects[request.host]})
    titles = catalog.home_pages.get(request.host)
    return titled_page(titles) if titles is not None else web.Response(status=404, text="no home page")


def titled_page(query: Mapping[str, str]) -> web.Response:
    og = f'<meta property="og:title" content="{escape(query["og"], {chr(34): "&quot;"})}">' if "og" in query else ""
    title = f"<title>{escape(query['title'])}</title>" if "title" in query else ""
    heading = f"<h1>{escape(query['h1'])}</h1>" if "h1" in query else ""
    return web.Response(text=f"<!doctype html><html><head>{title}{og}</head><body>{heading}<p>Text.</p></body></html>",
                        content_type="text/html")


def respond(request: web.Request, catalog: Catalog) -> web.Response:
    parts = request.path.strip("/").split("/")[1:]  # after "svc"
    kind = parts[0] if parts else ""
    if kind == "arxiv":
        return arxiv(request, catalog)
    if kind == "oembed":
        return oembed(request, catalog)
    if kind == "github":
        return github(request, catalog, parts[1:])
    if kind == "wayback":
        return wayback(request, catalog)
    if kind == "page":
        return page(request)
    return web.Response(status=404, text="no such service")


def video(title: str, channel: str) -> tuple[int, str]:
    """A public video's oEmbed answer."""
    return 200, json.dumps({"title": title, "author_name": channel, "type": "video", "provider_name": "YouTube"})
