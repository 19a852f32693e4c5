"""MkDocs hook: decorates resource entries (type badge, data attributes, a "new" mark for recent
additions) and counts them.

It only decorates. Every page reads correctly without it: an entry still renders as
"Title by Author · type — description". The entry format itself lives in scripts/content/entries.py.
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.content.entries import RESOURCE_TYPES, Resource, format_entry, normalize_url, parse_markdown
from scripts.content.history import configured_history, new_since

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


def decorated_entry(resource: Resource, added: datetime.datetime | None = None, new_since: datetime.datetime | None = None) -> str:
    """The entry with its type badge, data attributes, and a "new" mark if it was added recently."""
    badge = f'<span class="rm-type rm-type--{resource.type}">:{TYPE_ICONS[resource.type]}: {resource.type}</span>'
    if added and new_since and added >= new_since:
        badge += f' <span class="rm-new" title="Added on {added:%Y-%m-%d}">new</span>'
    author = f'<span class="rm-author">{resource.author}</span>'
    data = {"id": resource.id, "type": resource.type, "level": resource.level, "year": resource.year, "added": added and f"{added:%Y-%m-%d}"}
    attributes = " ".join(f'data-rm-{name}="{value}"' for name, value in data.items() if value)
    return format_entry(resource.title, resource.url, author, badge, resource.description, resource.year) + f"\n    {{ .rm-entry {attributes} }}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
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
        lines[resource.line - 1] = decorated_entry(resource, added.get(normalize_url(resource.url)), since)
    return "\n".join(lines)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # MkDocs gives error pages absolute asset URLs, which break when 404.html is opened from
    # disk; relative URLs plus the <base> element in overrides/404.html work in both places.
    if template_name == "404.html":
        context["base_url"] = ""
        context["site_path"] = urlsplit(config.site_url or "/").path or "/"
    return context
