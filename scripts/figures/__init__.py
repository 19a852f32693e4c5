"""Draw the roadmap's figures: `python -m scripts.figures [--out DIR] [--markdown [NAME ...]]`.

Every figure is an original SVG written into docs/assets/figures/ (or DIR), byte for byte the
same on every run: plots come from matplotlib with a fixed hash salt, no date and fixed random
seeds; diagrams are SVG text built here by hand. `tests/test_figures.py` regenerates them all and
compares bytes with the committed files, so after changing a drawing run this script and commit
its output.

Light and dark mode. Material's dark mode is a toggle on the page, not the reader's system
setting, so a figure cannot switch colours itself. Every figure therefore has a transparent
background and uses one palette that reads on both white and Material's near-black (#1e2129):

* INKS (lines, arrows, curves, and text that sits directly on the page) are mid-tone colours
  with a contrast ratio of at least 3.4:1 against both backgrounds (no colour can reach 4.5:1
  on both, the best possible is about 4:1);
* TINTS (box fills) are light, and text inside a box is always the dark INK_ON_TINT.

The test checks that every colour in every SVG comes from this palette.

Alt text and captions live in FIGURES, next to the drawings; `figure_markdown(name)` gives the
snippet to paste into a chapter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from scripts.figures import diagrams, plots
from scripts.figures.catalog import FIGURES, OUT, Figure, figure_markdown, figures_for_chapter

__all__ = ["DRAWERS", "FIGURES", "OUT", "Figure", "figure_markdown", "figures_for_chapter", "generate", "render"]

DRAWERS: dict[str, Callable[[], str]] = {
    "neuron": diagrams.draw_neuron,
    "activations": plots.draw_activations,
    "gradient-descent": plots.draw_gradient_descent,
    "overfitting-grokking": plots.draw_overfitting_grokking,
    "embeddings-2d": plots.draw_embeddings,
    "rnn-unrolled": diagrams.draw_rnn,
    "transformer-block": diagrams.draw_transformer_block,
    "multi-head-attention": diagrams.draw_multi_head_attention,
    "scaling-law": plots.draw_scaling_law,
    "rag-pipeline": diagrams.draw_rag_pipeline,
    "agent-loop": diagrams.draw_agent_loop,
    "rlvr-grpo": diagrams.draw_rlvr_grpo,
    "sparse-autoencoder": diagrams.draw_sparse_autoencoder,
}
assert set(DRAWERS) == set(FIGURES), "every figure needs a drawer and alt text"


def render(name: str) -> str:
    return DRAWERS[name]()


def generate(out: Path = OUT, names: Iterable[str] | None = None) -> list[Path]:
    """Write the figures into `out` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names or DRAWERS:
        path = out / f"{name}.svg"
        path.write_bytes(render(name).encode("utf-8"))
        written.append(path)
    return written
