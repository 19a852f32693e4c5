"""The What's new page and its Atom feed, written from the roadmap's history (scripts.content.history).

Both are generated at build time and never committed. Everything they show comes from commits,
so two builds of the same repository give the same page and the same feed.
"""

from __future__ import annotations

import datetime
from xml.sax.saxutils import escape, quoteattr

from scripts.content.history import Change, History

PAGE = "whats-new.md"
FEED = "feed.xml"
# Atom requires an <updated>; a copy without history has nothing to date, so it says "never".
NEVER = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def month_title(month: str) -> str:
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


def day(when: datetime.datetime) -> str:
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def change_line(change: Change, titles: dict[str, str]) -> str:
    chapter = titles.get(change.chapter, change.chapter)
    where = f"[{chapter}]({change.chapter})" if change.chapter in titles else chapter
    title = change.title.replace("[", "\\[").replace("]", "\\]")
    if change.kind == "removed":
        return f"- {title}, from {where} ({day(change.when)})"
    return f"- [{title}]({change.url}) in {where} ({day(change.when)})"


def page_markdown(history: History, titles: dict[str, str]) -> str:
    """The page's Markdown; `titles` maps each chapter's path to its title."""
    lines = [
        "---",
        "title: What's new",
        "description: Resources added to and removed from the roadmap, month by month, read from its history.",
        "---",
        "",
        "# What's new",
        "",
        "The roadmap changes as the field does. This page lists every resource added or removed, month by month, "
        f"newest first, from the project's history; [subscribe to the feed]({FEED}) to hear of changes in a feed reader.",
        "",
    ]
    if history.note:
        return "\n".join([*lines, f"!!! note \"No history in this copy\"\n    {history.note}", ""])
    for month, changes in history.months():
        added = [c for c in changes if c.kind == "added"]
        removed = [c for c in changes if c.kind == "removed"]
        lines += [f"## {month_title(month)}", "", f"{len(added)} added, {len(removed)} removed.", ""]
        if added:
            lines += ["### Added", "", *(change_line(c, titles) for c in added), ""]
        if removed:
            lines += ["### Removed", "", *(change_line(c, titles) for c in removed), ""]
    if history.first_release:
        lines += [
            f"## First release, {month_title(history.first_release.strftime('%Y-%m'))}",
            "",
            f"The roadmap was first published with {history.resources_at_first_release} resources; "
            "the months above list what has changed since.",
            "",
        ]
    return "\n".join(lines)


def hosted_url(base: str, path: str) -> str:
    """A page's address on the site, in the hosted form (directory URLs): agents.md -> base/agents/.
    A feed is read away from the site, so each of its links is absolute."""
    stem = path.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return base + (stem + "/" if stem else "")


def feed_item(change: Change, titles: dict[str, str], base: str) -> str:
    """One change as an HTML list item: the resource linked to its address when added, and its
    chapter by name, linked to the chapter. A removed resource is named without a link, as on
    the page: the roadmap no longer recommends it, and its address is often gone or moved. A
    chapter that has left the roadmap keeps its file name, with nothing to link to."""
    if change.chapter in titles:
        where = f"<a href={quoteattr(hosted_url(base, change.chapter))}>{escape(titles[change.chapter])}</a>"
    else:
        where = escape(change.chapter)
    if change.kind == "removed":
        return f"<li>Removed: {escape(change.title)}, from {where}</li>"
    return f"<li>Added: <a href={quoteattr(change.url)}>{escape(change.title)}</a> in {where}</li>"


def atom_feed(history: History, titles: dict[str, str], site_url: str, title: str) -> str:
    """An Atom 1.0 feed with one entry per month of changes, newest first; `titles` maps each
    chapter's path to its title, as for the page."""
    base = site_url.rstrip("/") + "/"
    page = hosted_url(base, PAGE)
    months = list(history.months())
    updated = max((c.when for c in history.changes), default=history.first_release or NEVER)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(title)}: what's new</title>",
        f"  <id>{escape(page)}</id>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(page)}/>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(base + FEED)}/>",
        f"  <updated>{updated.isoformat()}</updated>",
        f"  <author><name>{escape(title)}</name></author>",
    ]
    for month, changes in months:
        added = [c for c in changes if c.kind == "added"]
        removed = [c for c in changes if c.kind == "removed"]
        items = "".join(feed_item(c, titles, base) for c in changes)
        anchor = month_title(month).lower().replace(" ", "-")
        parts += [
            "  <entry>",
            f"    <title>{month_title(month)}: {len(added)} added, {len(removed)} removed</title>",
            f"    <id>{escape(page)}#{anchor}</id>",
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(page + '#' + anchor)}/>",
            f"    <updated>{max(c.when for c in changes).isoformat()}</updated>",
            f"    <content type=\"html\">{escape('<ul>' + items + '</ul>')}</content>",
            "  </entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"
