"""The resource-entry parser: the one place that knows the format."""

from __future__ import annotations

from scripts.content.entries import (
    Resource,
    extract_urls,
    normalize_url,
    parse_markdown,
    resource_id,
)

PAGE = """---
title: T
description: D.
---

# T

## High-level resources

- [Parenthesised](https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)) by Wikipedia editors · article — Has brackets in its URL.
- [Query](https://www.youtube.com/watch?v=abc&list=xyz) by Some One · video — Keeps the whole query.
- [Non-ASCII](https://example.org/études/naïve) by Zoë Ødegård · book — Unicode path and author.
- [Dots · and — dashes](https://example.org/d) by A · paper — A description · with — separators.

## In-depth resources

```markdown
- [Inside a fence](https://example.org/fenced) by A · paper — Never parsed.
```

- [Deep](https://example.org/deep) by B · course — Under the second heading.
"""


def test_entries_are_parsed_with_file_line_and_level() -> None:
    document = parse_markdown(PAGE, "docs/t.md")
    assert document.problems == []
    assert [(r.title, r.url, r.line, r.level) for r in document.resources] == [
        ("Parenthesised", "https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)", 10, "high-level"),
        ("Query", "https://www.youtube.com/watch?v=abc&list=xyz", 11, "high-level"),
        ("Non-ASCII", "https://example.org/études/naïve", 12, "high-level"),
        ("Dots · and — dashes", "https://example.org/d", 13, "high-level"),
        ("Deep", "https://example.org/deep", 21, "in-depth"),
    ]
    assert document.resources[2] == Resource(
        "Non-ASCII", "https://example.org/études/naïve", "Zoë Ødegård", "book", "Unicode path and author.", "high-level", "docs/t.md", 12
    )
    assert document.resources[3].description == "A description · with — separators."


def test_normalization_ignores_scheme_www_case_slash_and_fragment() -> None:
    variants = [
        "https://example.org/a/b",
        "http://www.EXAMPLE.org/a/b/",
        "https://Example.org/a/b#section",
    ]
    assert {normalize_url(v) for v in variants} == {"example.org/a/b"}
    assert normalize_url("https://example.org/a?x=1") != normalize_url("https://example.org/a?x=2")
    assert normalize_url("https://example.org/A") != normalize_url("https://example.org/a")


def test_resource_id_is_stable_and_follows_normalization() -> None:
    assert resource_id("https://example.org/a") == resource_id("http://www.example.org/a/")
    assert resource_id("https://example.org/a") != resource_id("https://example.org/b")
    # The id is stored in readers' browsers: it must never change for a given URL.
    assert resource_id("https://jalammar.github.io/illustrated-transformer/") == "rf7f0e2f7f4"  # sha256("jalammar.github.io/illustrated-transformer")[:10]


def test_extract_urls_finds_links_autolinks_and_html_attributes_outside_code() -> None:
    line = 'See [a](https://a.org/x_(y)), <https://b.org>, <img src="https://c.org/i.png"> and `[d](https://d.org)`.'
    assert extract_urls(line) == ["https://a.org/x_(y)", "https://b.org", "https://c.org/i.png"]


def test_line_numbers_count_front_matter() -> None:
    text = "---\ntitle: x\n---\n\n## In-depth resources\n\n- [A](https://a.org) by B · paper — C."
    assert parse_markdown(text, "x.md").resources[0].line == 7
