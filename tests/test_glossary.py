"""The glossary: each term defined once, linked to its chapter, and the hover file generated from it."""

from __future__ import annotations

import re

import markdown
import pytest

from scripts.content import glossary
from scripts.content.project import chapters, page_meta
from scripts.paths import DOCS
from tests.conftest import ROOT

REQUIRED_TERMS = (
    "Token", "Tokenizer", "Embedding", "Logits", "Softmax", "Perplexity", "Attention", "Self-attention",
    "Multi-head attention", "Positional encoding", "Layer normalization", "Residual connection", "Transformer",
    "Encoder", "Decoder", "Pre-training", "Fine-tuning", "SFT", "Instruction tuning", "RLHF", "Reward model", "PPO",
    "DPO", "LoRA", "QLoRA", "PEFT", "Quantization", "Distillation", "Pruning", "KV cache", "FlashAttention",
    "Speculative decoding", "Context window", "Temperature", "Top-k sampling", "Top-p sampling", "Beam search",
    "Hallucination", "RAG", "Vector database", "Chunking", "Reranker", "BM25", "Knowledge graph", "Agent", "Tool use",
    "Function calling", "ReAct", "Chain-of-thought", "Few-shot prompting", "Zero-shot prompting", "In-context learning",
    "Prompt injection", "Jailbreak", "Red teaming", "Benchmark", "MMLU", "LLM-as-a-judge", "Scaling laws", "Chinchilla",
    "Mixture of experts", "State-space model", "Mamba", "RWKV", "ViT", "CLIP", "Multimodal model", "Gradient descent",
    "Backpropagation", "Overfitting", "Grokking", "Dropout", "Cross-entropy", "PCA", "t-SNE", "UMAP", "BPE",
)


@pytest.fixture(scope="module")
def terms() -> list[glossary.Term]:
    return glossary.load()


def chapter_titles() -> dict[str, str]:
    """Chapter file (as linked from docs/) -> the title in its front matter."""
    titles = {}
    for chapter in chapters():
        if chapter.source.exists():
            titles[chapter.path] = page_meta(chapter.source).get("title", "")
    return titles


def test_committed_abbreviations_match_the_glossary(terms: list[glossary.Term]) -> None:
    committed = glossary.ABBREVIATIONS.read_text(encoding="utf-8")
    assert committed == glossary.abbreviations(terms), "run: python -m scripts.content.glossary"
    assert glossary.main(["--check"]) == 0


def test_enough_terms(terms: list[glossary.Term]) -> None:
    assert len(terms) >= 60


def test_required_terms_are_defined(terms: list[glossary.Term]) -> None:
    names = {t.name.casefold() for t in terms}
    assert [t for t in REQUIRED_TERMS if t.casefold() not in names] == []


def test_every_term_is_defined_exactly_once(terms: list[glossary.Term]) -> None:
    seen: dict[str, int] = {}
    for term in terms:
        key = term.name.casefold()
        assert key not in seen, f"'{term.name}' defined at lines {seen[key]} and {term.line}"
        seen[key] = term.line
    # and nowhere else: no other heading level or definition list defines a glossary term again
    text = (DOCS / "glossary.md").read_text(encoding="utf-8")
    other_headings = re.findall(r"^#{3,6} (.+)$", text, flags=re.MULTILINE)
    assert not {h.strip().casefold() for h in other_headings} & set(seen)


def test_terms_are_alphabetical(terms: list[glossary.Term]) -> None:
    names = [t.name for t in terms]
    assert names == sorted(names, key=str.casefold)


def test_definitions_are_short_and_plain(terms: list[glossary.Term]) -> None:
    for term in terms:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"(])", term.definition) if s]
        assert 1 <= len(sentences) <= 3, f"{term.name}: {len(sentences)} sentences"
        assert term.definition.endswith("."), term.name
        assert "http" not in term.definition, f"{term.name}: definitions link to chapters, not to the web"


def test_every_term_links_to_an_existing_chapter(terms: list[glossary.Term]) -> None:
    titles = chapter_titles()
    nav_chapters = {c.path for c in chapters()}
    for term in terms:
        assert term.chapter in nav_chapters, f"{term.name}: {term.chapter} is not a chapter in mkdocs.yml"
        assert (DOCS / term.chapter).is_file(), f"{term.name}: docs/{term.chapter} does not exist"
        assert term.chapter_title == titles[term.chapter], f"{term.name}: link text should be the chapter title '{titles[term.chapter]}'"


def test_every_chapter_is_reachable_from_the_glossary(terms: list[glossary.Term]) -> None:
    linked = {t.chapter for t in terms}
    assert [c.path for c in chapters() if c.path not in linked] == []


def test_glossary_page_has_front_matter() -> None:
    meta = page_meta(DOCS / "glossary.md")
    assert meta["title"] == "Glossary"
    assert meta["description"].strip().endswith(".") and meta["description"].count(". ") == 0


def test_hover_terms_are_glossary_terms_and_not_common_words(terms: list[glossary.Term]) -> None:
    names = {t.name for t in terms}
    assert set(glossary.HOVER) <= names
    assert len(glossary.HOVER) >= 30
    spellings = [s for forms in glossary.HOVER.values() for s in forms]
    assert len(spellings) == len(set(spellings))
    assert not set(spellings) & glossary.TOO_COMMON
    assert not {"Agent", "Token", "Benchmark", "Attention", "Transformer"} & set(glossary.HOVER)


def test_each_abbreviation_appears_once() -> None:
    text = glossary.ABBREVIATIONS.read_text(encoding="utf-8")
    keys = re.findall(r"^\*\[([^\]]+)\]:", text, flags=re.MULTILINE)
    assert len(keys) == len(set(keys)) >= 30
    assert all("](" not in line for line in text.splitlines()[1:]), "tooltips are plain text"


def test_parser_rejects_broken_entries() -> None:
    with pytest.raises(glossary.GlossaryError, match="exactly one line"):
        glossary.parse("## LoRA\n\nA definition.\n")
    with pytest.raises(glossary.GlossaryError, match="no definition"):
        glossary.parse("## LoRA\n\nChapter: [Supervised fine-tuning](fine-tuning.md)\n")
    with pytest.raises(glossary.GlossaryError, match="exactly one line"):
        glossary.parse("## LoRA\n\nText.\n\nChapter: [A](a.md)\n\nChapter: [B](b.md)\n")
    with pytest.raises(glossary.GlossaryError, match="does not define"):
        glossary.abbreviations(glossary.parse("## LoRA\n\nText.\n\nChapter: [A](a.md)\n"), {"QLoRA": ("QLoRA",)})
    with pytest.raises(glossary.GlossaryError, match="too common"):
        glossary.abbreviations(glossary.parse("## Agent\n\nText.\n\nChapter: [A](a.md)\n"), {"Agent": ("agent",)})


def test_abbreviations_render_as_hover_definitions() -> None:
    """The include works with the site's own Markdown extensions, the way mkdocs.yml wires it."""
    html = markdown.markdown(
        "We fine-tune with LoRA, cache keys in a KV cache and ask an agent.",
        extensions=["abbr", "pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "auto_append": ["includes/abbreviations.md"], "check_paths": True}},
    )
    assert re.search(r'<abbr title="Low-rank adaptation: [^"]+">LoRA</abbr>', html)
    assert '<abbr title="The stored keys and values' in html
    assert "<abbr" not in html.split("ask an")[1], "common words are not underlined"
    assert "Generated by" not in html, "the header comment must not show on pages"
