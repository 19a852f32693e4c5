"""Every chapter exists, follows the skeleton, and carries over the seed's resources."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from scripts.content.entries import parse_paths
from scripts.content.lint import lint
from scripts.content.project import chapters, mkdocs_config
from scripts.content.whats_new import PAGE as WHATS_NEW  # generated at build time
from scripts.paths import DOCS
from tests.conftest import ROOT

CHAPTERS = chapters()
SEED_URLS = ROOT / "tests" / "data" / "seed-urls.txt"


def nav_files(items: list) -> list[str]:
    found: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_files(value) if isinstance(value, list) else [value]
    return found


def test_the_nav_lists_23_chapters_in_two_parts_in_reading_order() -> None:
    assert [c.part for c in CHAPTERS] == ["Foundations"] * 4 + ["Large Language Models"] * 19
    assert [c.slug for c in CHAPTERS][:5] == ["mathematics", "python", "neural-networks", "nlp", "transformer"]
    assert CHAPTERS[-1].slug == "agents"


def test_every_nav_entry_exists_and_slugs_are_short_lowercase_hyphenated() -> None:
    for path in nav_files(mkdocs_config()["nav"]):
        assert (DOCS / path).is_file() or path == WHATS_NEW, f"nav lists {path}, which does not exist"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", Path(path).name), path
        assert len(Path(path).stem) <= 24, path


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.slug)
def test_chapter_passes_the_linters_chapter_rules(chapter) -> None:
    """Skeleton, front matter, introduction, key concepts, prerequisites and curriculum minimums
    live in the linter (scripts/content/chapters.py), so contributors get them as file:line hints."""
    assert [str(p) for p in lint([chapter.source])] == []


# The seed is the source course, the user's own selection: a resource of it may leave the roadmap
# only when its link is dead with no archived copy, or when its content is wrong (CONTRIBUTING.md).
RETIREMENT_GROUNDS = ("dead, no archived copy:", "wrong:")


def seed_urls() -> list[str]:
    """What each seed URL became on the site; "-" for one retired on one of the two grounds."""
    urls = []
    for line in SEED_URLS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            target, _, reason = line.split("->")[-1].partition("  # ")
            if target.strip() == "-":
                assert reason.strip().startswith(RETIREMENT_GROUNDS), (
                    f"a seed resource stays unless its link is dead with no archived copy, or its content is wrong; "
                    f"start the reason with one of {RETIREMENT_GROUNDS}: {line}"
                )
            urls.append(target.strip())
    return urls


def test_a_seed_resource_is_retired_only_when_dead_without_archive_or_wrong() -> None:
    """Being old, superseded or anonymous is no reason to drop a resource of the source course."""
    seed_urls()  # asserts the ground of every retirement
    rule = re.sub(r"\s+", " ", (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert "dead with no archived copy" in rule and "its content is wrong" in rule, "CONTRIBUTING.md states the seed rule"


def test_every_seed_url_is_listed_exactly_once_or_retired_with_a_reason() -> None:
    listed = Counter(r.url for d in parse_paths([DOCS]) for r in d.resources)
    urls = [url for url in seed_urls() if url != "-"]
    assert len(urls) == len(set(urls)) >= 70
    assert {u: listed[u] for u in urls if listed[u] != 1} == {}
