"""MkDocs hook: decorates resource entries (type badge, data attributes) and counts them.

It only decorates. Every page reads correctly without it: an entry still renders as
"Title by Author · type — description". The entry format itself lives in scripts/content/entries.py.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from scripts.content.entries import RESOURCE_TYPES, Resource, format_entry, parse_markdown

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


def decorated_entry(resource: Resource) -> str:
    badge = f'<span class="rm-type rm-type--{resource.type}">:{TYPE_ICONS[resource.type]}: {resource.type}</span>'
    author = f'<span class="rm-author">{resource.author}</span>'
    attributes = (
        f'{{ .rm-entry data-rm-id="{resource.id}" data-rm-type="{resource.type}" data-rm-level="{resource.level}" }}'
    )
    return format_entry(resource.title, resource.url, author, badge, resource.description, resource.year) + f"\n    {attributes}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    document = parse_markdown(markdown, page.file.src_uri)
    page.meta["resource_count"] = len(document.resources)
    page.meta["resource_ids"] = [resource.id for resource in document.resources]
    if not document.resources:
        return markdown
    lines = markdown.split("\n")
    for resource in document.resources:
        lines[resource.line - 1] = decorated_entry(resource)
    return "\n".join(lines)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    # MkDocs gives error pages absolute asset URLs, which break when 404.html is opened from
    # disk; relative URLs plus the <base> element in overrides/404.html work in both places.
    if template_name == "404.html":
        context["base_url"] = ""
        context["site_path"] = urlsplit(config.site_url or "/").path or "/"
    return context
