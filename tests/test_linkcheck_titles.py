"""The link checker's title rules on real titles, without a server: the paper rule on real arXiv
titles of roadmap entries (tests/data/arxiv-titles.tsv, gathered for issue 24 from public copies
of each paper's title), and the home-page rule on the title conventions of real site generators.

The old paper rule (before issue 24) is reproduced here to measure what the new one changed: it
counted only the entry's words found in the paper's title, split version numbers at their dots,
and accepted half. The test prints both rules' acceptance of wrong pairings on every run.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path
from unittest import mock

import pytest

from scripts.linkcheck import identity
from scripts.linkcheck.identity import may_show_home_page, paper_identity, shows_home_page
from scripts.linkcheck.policy import Settings, load_policy

FIXTURE = Path(__file__).parent / "data" / "arxiv-titles.tsv"
THRESHOLD = Settings().title_agreement


@dataclass(frozen=True)
class Paper:
    arxiv_id: str
    where: str
    entry_title: str
    real_title: str
    source: str


def papers() -> list[Paper]:
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Paper(**row) for row in rows]


def old_rule_accepts(entry: str, found: str) -> bool:
    """paper_identity before issue 24: the share of the entry's words in the paper's title, at 0.5."""
    with mock.patch.object(identity, "WORD_RE", re.compile(r"[a-z0-9]+")):
        return identity.share(entry, found) >= 0.5


def new_rule_accepts(entry: str, found: str) -> bool:
    return paper_identity(entry, found, THRESHOLD) == "match"


def wrong_pairings() -> list[tuple[Paper, Paper]]:
    """Every entry's title against every other paper's real title (an entry linking the wrong paper)."""
    return list(permutations(papers(), 2))


def test_the_fixture_is_real_titles_of_roadmap_arxiv_entries_each_with_its_source() -> None:
    rows = papers()
    assert len(rows) >= 40 and len({p.arxiv_id for p in rows}) == len(rows)
    for paper in rows:
        assert re.fullmatch(r"\d{4}\.\d{4,5}", paper.arxiv_id), paper
        assert re.fullmatch(r"docs/[a-z-]+\.md:\d+", paper.where), paper
        assert paper.source.startswith(("code: find_string", "pages: https://")), paper
    assert THRESHOLD == load_policy().settings.title_agreement == 0.8  # the shipped policy keeps the default


def test_every_entry_matches_its_papers_real_title() -> None:
    mismatched = [(p.where, p.entry_title, p.real_title) for p in papers() if not new_rule_accepts(p.entry_title, p.real_title)]
    assert mismatched == []


def test_every_wrong_pairing_the_old_rule_accepted_is_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    pairs = wrong_pairings()
    old = [(entry, other) for entry, other in pairs if old_rule_accepts(entry.entry_title, other.real_title)]
    new = [(entry, other) for entry, other in pairs if new_rule_accepts(entry.entry_title, other.real_title)]
    with capsys.disabled():
        print(f"\nwrong pairings accepted among {len(papers())} papers: old rule {len(old)} of {len(pairs)}, new rule {len(new)}")
    # The cases issue 24 named are among those the old rule let through.
    named = {(e.entry_title, o.real_title) for e, o in old}
    assert ("Qwen3 Technical Report", "Qwen3-VL Technical Report") in named
    assert ("Layer Normalization", "Root Mean Square Layer Normalization") in named
    assert sum(e.entry_title == "Large Language Diffusion Models" for e, _ in old) >= 10
    still = [(e.entry_title, o.real_title) for e, o in old if new_rule_accepts(e.entry_title, o.real_title)]
    assert still == []
    assert new == []  # nor does the new rule accept any the old one refused


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        # A subtitle word gained or lost, on titles long enough for one word to be a fifth or less.
        ("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", "Mamba: Linear-Time Sequence Modeling with Selective State Spaces and Hardware"),
        ("Efficient Memory Management for Large Language Model Serving with PagedAttention", "Efficient Memory Management for Language Model Serving with PagedAttention"),
        # Case and punctuation.
        ("RAGAS: Automated Evaluation of Retrieval Augmented Generation", "Ragas: automated evaluation of retrieval-augmented generation"),
        ("Sentence-BERT: Sentence Embeddings using Siamese BERT-Networks", "Sentence-BERT — sentence embeddings using Siamese BERT networks"),
        ("LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale", "LLM.int8: 8-Bit Matrix Multiplication for Transformers at Scale"),
        ("Qwen2.5-VL Technical Report", "Qwen2.5-VL technical report"),
    ],
)
def test_rewordings_of_the_same_title_stay_quiet(entry: str, found: str) -> None:
    assert paper_identity(entry, found, THRESHOLD) == "match"


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        ("Qwen2.5-VL Technical Report", "Qwen2.5-Omni Technical Report"),  # 3 of 4 words: a version is one word
        ("Qwen3 Technical Report", "Qwen3-VL Technical Report"),
        ("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", "Mamba-3: Improved Sequence Modeling using State Space Principles"),
        ("Attention Is All You Need", "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness"),
    ],
)
def test_a_paper_of_the_same_family_is_drift(entry: str, found: str) -> None:
    assert paper_identity(entry, found, THRESHOLD) == "drift"


# The home page --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Convention:
    """How a real site generator titles a deep page and its site's home page: (<title>, og:title, <h1>)."""

    name: str
    source: str
    page: tuple[str, str, str]
    home: tuple[str, str, str]
    entry_title: str


# The projects are made up; the forms are the generators'. A site's fallback serves its home page
# as it is, so for each convention "the fallback" is the home page's own titles at a deep address.
CONVENTIONS = [
    Convention(
        "Sphinx: '<page> — <project> documentation' on every page, the home page included",
        "Sphinx's basic layout.html: <title>{{ title|striptags|e }}{{ titlesuffix }}</title> (search tool file ids 28251116858, 4400560713)",
        ("Cross-Encoders — Rerankit 1.0 documentation", "", "Cross-Encoders"),
        ("Rerankit Documentation — Rerankit 1.0 documentation", "", "Rerankit Documentation"),
        "Retrieve & Re-Rank",
    ),
    Convention(
        "MkDocs: the site's name alone on the home page, '<page> - <site>' elsewhere, og:title likewise",
        "an MkDocs theme override: {% if page.is_homepage %}<title>{{ config.site_name }}</title> ... "
        "<title>{{ page.title | striptags }} - {{ config.site_name }}</title> (search tool file ids 66480867169, 49437949464)",
        ("Evaluation - Rerankit", "Evaluation - Rerankit", "Evaluation"),
        ("Rerankit", "Rerankit", "Rerankit"),
        "Measuring retrieval",
    ),
    Convention(
        "the same <title> on every page, each page headed apart in its HTML",
        "a site whose template hard-codes its <title>; the heading is the page's own",
        ("Rerankit", "", "Measuring retrieval"),
        ("Rerankit", "", "Welcome"),
        "How to measure retrieval",
    ),
    Convention(
        "a single-page app: one index.html shell, one <title>, no heading until a script draws it",
        "Vite's React template index.html: <title>Vite + React + TS</title> and an empty <div id=\"root\"> (search tool file ids 54046500129, 35591131494)",
        ("Vite + React + TS", "", ""),
        ("Vite + React + TS", "", ""),
        "Interactive retrieval demo",
    ),
]


@pytest.mark.parametrize("convention", CONVENTIONS, ids=[c.name for c in CONVENTIONS])
def test_a_right_page_is_never_called_its_sites_home_page(convention: Convention) -> None:
    assert not shows_home_page(convention.page, convention.home)


def test_how_often_a_fallback_is_caught_across_title_conventions(capsys: pytest.CaptureFixture[str]) -> None:
    """A deep link served its site's home page, under each convention. Where a site titles every
    page alike with no heading in its HTML (the single-page app), a fallback cannot be told from a
    page: the rule stays quiet there, on purpose, and catches the others."""
    suspected = [c.name for c in CONVENTIONS if may_show_home_page(c.entry_title, c.home)]
    caught = [c.name for c in CONVENTIONS if shows_home_page(c.home, c.home)]
    quiet_on_right_pages = [c.name for c in CONVENTIONS if not shows_home_page(c.page, c.home)]
    with capsys.disabled():
        print(f"\nhome-page rule on {len(CONVENTIONS)} title conventions: fallbacks suspected {len(suspected)}, "
              f"caught {len(caught)}, right pages left quiet {len(quiet_on_right_pages)}")
    assert suspected == [c.name for c in CONVENTIONS]
    assert caught == [c.name for c in CONVENTIONS[:3]]
    assert len(quiet_on_right_pages) == len(CONVENTIONS)


def test_a_page_showing_its_entrys_title_is_not_suspected() -> None:
    assert not may_show_home_page("Retrieve & Re-Rank", ("Retrieve & Re-Rank — Rerankit 1.0 documentation", "", ""))
    assert not may_show_home_page("Retrieve & Re-Rank", ("", "Retrieve and re-rank", ""))
    assert not may_show_home_page("Retrieve & Re-Rank", ("", "", ""))  # no title: nothing to compare
    assert may_show_home_page("Retrieve & Re-Rank", ("Rerankit Documentation — Rerankit 1.0 documentation", "", "Retrieve & Re-Rank"))
