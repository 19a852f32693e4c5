"""Facts about the project that several tools need: where things are, and what mkdocs.yml says."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from scripts.content.entries import Section, extract_urls, sections, split_front_matter
from scripts.paths import DOCS, MKDOCS_YML

PARTS: tuple[str, ...] = ("Foundations", "Large Language Models")


@dataclass(frozen=True)
class Chapter:
    part: str
    path: str  # relative to docs/, as written in the nav
    slug: str

    @property
    def source(self) -> Path:
        return DOCS / self.path


@cache
def mkdocs_config(path: Path = MKDOCS_YML) -> dict[str, Any]:
    """mkdocs.yml as ProperDocs, which builds the site, reads it (its YAML loader: !ENV, !relative,
    INHERIT), unvalidated."""
    from properdocs.config.defaults import ProperDocsConfig
    from properdocs.utils.yaml import get_yaml_loader, yaml_load

    with path.open("rb") as handle:
        return yaml_load(handle, get_yaml_loader(config=ProperDocsConfig(config_file_path=str(path))))


def page_meta(path: Path) -> dict[str, Any]:
    """A Markdown page's front matter as a dict (empty when it has none)."""
    front, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return (yaml.safe_load(front) if front else None) or {}


def plugin_config(name: str, config: dict[str, Any] | None = None) -> dict[str, Any]:
    for plugin in (config or mkdocs_config())["plugins"]:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
        if plugin == name:
            return {}
    raise KeyError(f"plugin {name!r} is not configured in mkdocs.yml")


def allowed_tags(config: dict[str, Any] | None = None) -> tuple[str, ...]:
    return tuple(plugin_config("tags", config).get("tags_allowed", ()))


def chapters(config: dict[str, Any] | None = None) -> list[Chapter]:
    """The chapters in reading order, from the nav's parts."""
    found: list[Chapter] = []
    for item in (config or mkdocs_config())["nav"]:
        if not isinstance(item, dict):
            continue
        for part, pages in item.items():
            if part not in PARTS:
                continue
            for page in pages:
                page_path = page if isinstance(page, str) else next(iter(page.values()))
                found.append(Chapter(part, page_path, Path(page_path).stem))
    return found


@dataclass(frozen=True)
class Prerequisite:
    target: str  # the linked page, relative to docs/, without #fragment
    line: int


def prerequisites(page: str | list[Section]) -> list[Prerequisite]:
    """The pages a chapter's "Prerequisites" section links to, in order, with their lines."""
    found: list[Prerequisite] = []
    for section in sections(page) if isinstance(page, str) else page:
        if section.title != "Prerequisites":
            continue
        for line in section.lines:
            if line.text.startswith("- "):
                for url in extract_urls(line.text):
                    target = url.split("#")[0]
                    if target.endswith(".md") and "://" not in target:
                        found.append(Prerequisite(target, line.number))
    return found
