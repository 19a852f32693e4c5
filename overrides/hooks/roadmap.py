"""ProperDocs hook: decorates resource entries (type badge, data attributes, a "new" mark for recent
additions, and what the weekly link check found when its results are given) and counts them.

It only decorates. Every page reads correctly without it: an entry still renders as
"Title by Author · type — description". The entry format itself lives in scripts/content/entries.py.
"""

from __future__ import annotations

import datetime
import html
from pathlib import Path
from typing import Any

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.exceptions import PluginError
from properdocs.structure.files import Files
from properdocs.structure.pages import Page

from scripts.content.entries import RESOURCE_TYPES, Resource, format_entry, normalize_url, parse_markdown, resource_id
from scripts.content.history import configured_history, new_since
from scripts.linkcheck.contract import ContractError, ResultJSON, read_results

TYPE_ICONS: dict[str, str] = {
    "video": "material-play-box-outline",
    "article": "material-newspaper-variant-outline",
    "book": "material-book-open-variant",
    "paper": "material-file-document-outline",
    "course": "material-school-outline",
    "tutorial": "material-human-male-board",
    "code": "material-code-braces",
    "interactive": "material-gesture-tap",
}
assert set(TYPE_ICONS) == set(RESOURCE_TYPES), "every resource type needs an icon"


def checked_day(health: ResultJSON) -> str:
    """The check's date as readers write it: "23 Nov 2026" (month names fixed, not from the locale)."""
    day = datetime.date.fromisoformat(health["checked_at"][:10])
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def health_mark(health: ResultJSON | None) -> str:
    """A small mark of the last link check: a tick with the date on hover, or a visible warning with
    the archived copy when the link is broken. Unsure results (a bot wall, a slow server) read as checked."""
    if not health or not health["checked_at"]:
        return ""
    day = checked_day(health)
    if health["verdict"] == "broken":
        archived = health["archived_url"]
        copy = f' <a class="rm-archived" href="{html.escape(archived)}">archived copy</a>' if archived else ""
        return f' <span class="rm-health rm-health--broken">link broken on {day}</span>{copy}'
    return (
        f' <span class="rm-health" title="Link checked on {day}">:material-link-variant:'
        f'<span class="rm-visually-hidden">link checked on {day}</span></span>'
    )


def decorated_entry(
    resource: Resource,
    added: datetime.datetime | None = None,
    new_since: datetime.datetime | None = None,
    health: ResultJSON | None = None,
) -> str:
    """The entry with its type badge, data attributes, a "new" mark if it was added recently, and
    the link check's mark when results are given."""
    badge = f'<span class="rm-type rm-type--{resource.type}">:{TYPE_ICONS[resource.type]}: {resource.type}</span>'
    if added and new_since and added >= new_since:
        badge += f' <span class="rm-new" title="Added on {added:%Y-%m-%d}">new</span>'
    badge += health_mark(health)
    author = f'<span class="rm-author">{resource.author}</span>'
    data = {
        "id": resource.id,
        "type": resource.type,
        "level": resource.level,
        "year": resource.year,
        "added": added and f"{added:%Y-%m-%d}",
        "checked": health and health["checked_at"][:10],
        "link": health and health["verdict"] == "broken" and "broken",
    }
    attributes = " ".join(f'data-rm-{name}="{value}"' for name, value in data.items() if value)
    return format_entry(resource.title, resource.url, author, badge, resource.description, resource.year) + f"\n    {{ .rm-entry {attributes} }}"


_link_health: dict[str, ResultJSON] = {}


def progress_aliases(config: ProperDocsConfig) -> dict[str, dict[str, str]]:
    """What a reader's stored progress must follow: resource ids whose entry changed its URL (from
    git history) and self-check keys of pages the redirects map moved (mkdocs-redirects)."""
    history = configured_history(config.config_file_path, config.extra)
    ids = {resource_id(old): resource_id(new) for old, new in history.renamed().items()}
    redirects = (config.plugins.get("redirects").config.get("redirect_maps") or {}) if "redirects" in config.plugins else {}
    quiz = {Path(old).with_suffix("").as_posix(): Path(new).with_suffix("").as_posix() for old, new in redirects.items() if new.endswith(".md")}
    return {name: table for name, table in (("ids", ids), ("quiz", quiz)) if table}


def on_config(config: ProperDocsConfig) -> ProperDocsConfig:
    """Read the link check's results once per build, if the build was given any; note the aliases
    progress must follow (overrides/main.html hands them to the reader's browser)."""
    config.extra["progress_aliases"] = progress_aliases(config)
    _link_health.clear()
    source = str(config.extra.get("link_health") or "")
    if source:
        path = Path(source)
        try:
            rows = read_results(path.read_text(encoding="utf-8"))
        except (OSError, ContractError) as error:
            raise PluginError(f"extra.link_health ({source}): {error}") from None
        _link_health.update({row["url"]: row for row in rows})
    return config


def on_page_markdown(markdown: str, page: Page, config: ProperDocsConfig, files: Files) -> str:
    document = parse_markdown(markdown, page.file.src_uri)
    page.meta["resource_count"] = len(document.resources)
    page.meta["resource_ids"] = [resource.id for resource in document.resources]
    if not document.resources:
        return markdown
    history = configured_history(config.config_file_path, config.extra)
    added, since = history.added_on(), new_since(history)
    page.meta["resource_added"] = sorted(f"{added[key]:%Y-%m-%d}" for r in document.resources if (key := normalize_url(r.url)) in added)
    lines = markdown.split("\n")
    for resource in document.resources:
        lines[resource.line - 1] = decorated_entry(
            resource, added.get(normalize_url(resource.url)), since, _link_health.get(resource.url)
        )
    return "\n".join(lines)


def on_template_context(context: dict[str, Any], template_name: str, config: ProperDocsConfig) -> dict[str, Any]:
    # MkDocs 1.x, and so ProperDocs, gives error pages asset URLs from the site's root path, which
    # is what a server needs: GitHub Pages serves 404.html for a missing path at any depth, and
    # Material's scripts resolve the search index from its base. Opened from disk (the offline
    # copy, whose 404.html sits beside index.html) only relative URLs work.
    if template_name == "404.html" and config.extra.get("offline"):
        context["base_url"] = ""
    return context
