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

import argparse
import io
import math
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from scripts.paths import DOCS, ROOT

OUT = DOCS / "assets" / "figures"
SITE_PATH = "assets/figures"  # where the figures sit relative to docs/

# ---------------------------------------------------------------------------------------------
# Palette
# ---------------------------------------------------------------------------------------------

LIGHT_BACKGROUND = "#ffffff"
DARK_BACKGROUND = "#1e2129"  # Material's slate scheme

MUTED = "#7a808c"  # neutral ink: axes, captions on the page, the residual stream
BLUE = "#6674cc"
ORANGE = "#c2610f"
GREEN = "#27956a"
PURPLE = "#a05ad0"
RED = "#d14d4d"
TEAL = "#3a8fcf"
INKS: tuple[str, ...] = (MUTED, BLUE, ORANGE, GREEN, PURPLE, RED, TEAL)

PAPER = "#ffffff"
BLUE_TINT = "#e6e9f8"
ORANGE_TINT = "#fbe9dc"
GREEN_TINT = "#dff3ea"
PURPLE_TINT = "#f0e5fa"
RED_TINT = "#fbe3e3"
TEAL_TINT = "#e0eefa"
GREY_TINT = "#eceef2"
TINTS: tuple[str, ...] = (PAPER, BLUE_TINT, ORANGE_TINT, GREEN_TINT, PURPLE_TINT, RED_TINT, TEAL_TINT, GREY_TINT)
INK_ON_TINT = "#1f2430"  # text inside boxes only

PALETTE: frozenset[str] = frozenset((*INKS, *TINTS, INK_ON_TINT))

PLOT_FONT_STACK = "'DejaVu Sans', system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours (1 to 21)."""
    darker, lighter = sorted((relative_luminance(first), relative_luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


# ---------------------------------------------------------------------------------------------
# Alt text, captions and target chapters
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    alt: str  # one line: what the picture shows, for someone who cannot see it
    caption: str  # what to notice, shown under the figure
    chapter: str  # slug of the chapter the figure belongs to (docs/<slug>.md)

    def __iter__(self):  # lets callers unpack (alt, caption, chapter)
        return iter((self.alt, self.caption, self.chapter))


FIGURES: dict[str, Figure] = {
    "neuron": Figure(
        "Three inputs x1, x2, x3 are multiplied by weights w1, w2, w3, summed with a bias b, and passed through an activation function φ to give the output y.",
        "An artificial neuron: a weighted sum of the inputs plus a bias, followed by a non-linear activation.",
        "neural-networks",
    ),
    "activations": Figure(
        "Four small plots of common activation functions between −4 and 4: sigmoid, tanh, ReLU and GELU.",
        "Common activation functions. Sigmoid and tanh saturate at both ends; ReLU is zero for negative inputs; GELU is a smooth version of ReLU used in most transformers.",
        "neural-networks",
    ),
    "gradient-descent": Figure(
        "Contour lines of an elongated bowl-shaped loss over two weights, with two gradient-descent paths to the minimum: a small learning rate that moves steadily and a large one that zig-zags across the valley.",
        "Gradient descent on a loss surface: each step moves against the gradient, which is perpendicular to the contour lines. Too large a learning rate overshoots and zig-zags across the narrow valley. Illustrative quadratic loss.",
        "mathematics",
    ),
    "overfitting-grokking": Figure(
        "Two plots. Left: training loss keeps falling while validation loss falls, then rises again after a marked best checkpoint. Right: on a logarithmic step axis, training accuracy reaches 100% early while validation accuracy stays low and only jumps to near 100% about a hundred times later.",
        "Left: overfitting, where validation loss turns upward while training loss keeps falling, which is why we keep the best checkpoint (early stopping). Right: grokking, the delayed generalisation reported by Power et al. (2022) on small algorithmic tasks. Illustrative curves, not measured data.",
        "neural-networks",
    ),
    "embeddings-2d": Figure(
        "Scatter plot of words in three clusters (people and royalty, animals, countries and capitals); arrows show that man to woman is parallel to king to queen, cat to kitten parallel to dog to puppy, and each country to its capital points the same way.",
        "Word embeddings projected to two dimensions with PCA: related words cluster, and consistent relations become roughly parallel offsets. Toy 50-dimensional vectors built for this figure, not taken from a trained model.",
        "nlp",
    ),
    "rnn-unrolled": Figure(
        "A recurrent cell with a loop, shown as equal to the same cell unrolled over four time steps: each step reads input x_t and the previous hidden state h_(t−1), and emits hidden state h_t and output y_t.",
        "A recurrent neural network unrolled in time: one cell, with the same weights U, W and V, applied at every step, passing its hidden state forward.",
        "nlp",
    ),
    "transformer-block": Figure(
        "A pre-LN decoder block: token embeddings plus positions enter a residual stream; a LayerNorm then masked multi-head self-attention branch is added back to the stream, then a LayerNorm then feed-forward branch is added back; after N blocks a final LayerNorm, linear layer and softmax give next-token probabilities.",
        "A pre-LN transformer decoder block, as in GPT-style models: layer normalization (not batch normalization) comes before each sub-layer, and each sub-layer's output is added to the residual stream.",
        "transformer",
    ),
    "multi-head-attention": Figure(
        "Input X is projected into queries, keys and values for each of h heads; each head computes softmax(QKᵀ/√d_k)V; the head outputs are concatenated and projected by W^O. A small grid shows one head's attention weights with a causal mask.",
        "Multi-head attention: h heads attend in parallel on smaller projections of the same input, then their outputs are concatenated and mixed by one linear layer. In a decoder the causal mask hides future tokens.",
        "transformer",
    ),
    "scaling-law": Figure(
        "Log-log plot of loss against training compute: one curve per model size from 10 million to 100 billion parameters, each flattening out, with a dashed line along their lower envelope labelled compute-efficient frontier.",
        "Scaling laws: each model size stops improving once it is too small for its compute budget, but choosing the best size for each budget makes loss fall smoothly and predictably, as a power law in compute towards an irreducible floor. Illustrative curves of the form L = E + A/N^α + B/D^β with made-up constants, not measured data.",
        "pre-training",
    ),
    "rag-pipeline": Figure(
        "Two rows. Indexing: documents are chunked, embedded and stored in a vector index. Answering: the question is embedded, the top-k chunks are retrieved from the index and reranked, and a prompt holding the question and the chunks goes to the LLM, which answers with citations.",
        "A retrieval-augmented generation pipeline: documents are indexed once ahead of time; each question then retrieves the most relevant chunks, which the model reads before answering.",
        "rag",
    ),
    "agent-loop": Figure(
        "A cycle: the LLM reasons and picks an action, the action calls a tool, the tool runs in the environment, and its observation returns to the LLM; a goal enters the loop, memory sits in the middle, and a final answer leaves when the task is done.",
        "The agent loop: the model reasons, acts through a tool, reads the observation and repeats until it can give a final answer or hits a step limit.",
        "agents",
    ),
}


def figure_markdown(name: str) -> str:
    """The Markdown to paste into docs/<chapter>.md: image with alt text, plus caption.

    Lazy and asynchronous: Chromium rasterises SVG images on the main thread, and drawing the
    figures during page load was most of a chapter's Lighthouse blocking time. The intrinsic
    size, from the SVG's viewBox, reserves the space so nothing shifts when they appear."""
    figure = FIGURES[name]
    box = re.search(r'viewBox="([\d. ]+)"', (OUT / f"{name}.svg").read_text(encoding="utf-8"))
    width, height = (round(float(v)) for v in box.group(1).split()[2:]) if box else (0, 0)
    size = f" width={width} height={height}" if width and height else ""
    return (
        '<figure markdown="span">\n'
        f"![{figure.alt}]({SITE_PATH}/{name}.svg){{ loading=lazy decoding=async{size} }}\n"
        f"<figcaption>{escape(figure.caption)}</figcaption>\n"
        "</figure>\n"
    )


def figures_for_chapter(slug: str) -> list[str]:
    return [name for name, figure in FIGURES.items() if figure.chapter == slug]


# ---------------------------------------------------------------------------------------------
# Hand-written SVG
# ---------------------------------------------------------------------------------------------


def num(value: float) -> str:
    """Numbers with at most two decimals and no trailing zeros, so output is stable and small."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


SCRIPT_RE = re.compile(r"([_^])(\{[^}]*\}|.)")


def rich_text(text: str, size: float) -> str:
    """Escape text, turning x_1 / h_{t-1} into subscripts and W^O into superscripts."""
    parts: list[str] = []
    position = 0
    shift = 0.0  # current vertical offset, undone before normal text resumes
    small = num(size * 0.72)
    for match in SCRIPT_RE.finditer(text):
        plain = text[position : match.start()]
        if plain:
            if shift:
                parts.append(f'<tspan dy="{num(-shift)}">{escape(plain)}</tspan>')
                shift = 0.0
            else:
                parts.append(escape(plain))
        content = match.group(2).strip("{}")
        offset = size * 0.3 if match.group(1) == "_" else -size * 0.4
        parts.append(f'<tspan dy="{num(offset - shift)}" font-size="{small}">{escape(content)}</tspan>')
        shift = offset
        position = match.end()
    rest = text[position:]
    if rest:
        if shift:
            parts.append(f'<tspan dy="{num(-shift)}">{escape(rest)}</tspan>')
        else:
            parts.append(escape(rest))
    return "".join(parts)


class Drawing:
    """A tiny SVG writer: shapes in a list, rendered with fixed number formatting."""

    def __init__(self, name: str, width: int, height: int) -> None:
        self.name = name
        self.width = width
        self.height = height
        self.items: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, stroke: str, fill: str = PAPER, rx: float = 8, width: float = 1.6, dash: str | None = None) -> None:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self.items.append(
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" rx="{num(rx)}" fill="{fill}" stroke="{stroke}" stroke-width="{num(width)}"{dashed}/>'
        )

    def circle(self, cx: float, cy: float, r: float, stroke: str, fill: str = PAPER, width: float = 1.6) -> None:
        self.items.append(f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}" fill="{fill}" stroke="{stroke}" stroke-width="{num(width)}"/>')

    def text(self, x: float, y: float, content: str, fill: str = MUTED, size: float = 14, anchor: str = "middle", weight: str | None = None, italic: bool = False, rotate: float | None = None) -> None:
        attributes = [f'x="{num(x)}"', f'y="{num(y)}"', f'fill="{fill}"', f'font-size="{num(size)}"', f'text-anchor="{anchor}"']
        if weight:
            attributes.append(f'font-weight="{weight}"')
        if italic:
            attributes.append('font-style="italic"')
        if rotate is not None:
            attributes.append(f'transform="rotate({num(rotate)} {num(x)} {num(y)})"')
        self.items.append(f"<text {' '.join(attributes)}>{rich_text(content, size)}</text>")

    def label(self, x: float, y: float, lines: Iterable[str], size: float = 14, fill: str = INK_ON_TINT, weight: str | None = None, gap: float = 1.25) -> None:
        """Several centred lines of text, vertically centred on y."""
        lines = list(lines)
        first = y - (len(lines) - 1) * size * gap / 2 + size * 0.35
        for index, line in enumerate(lines):
            self.text(x, first + index * size * gap, line, fill=fill, size=size, weight=weight if index == 0 else None)

    def box(self, cx: float, cy: float, w: float, h: float, lines: Iterable[str], stroke: str, fill: str, size: float = 14, dash: str | None = None, bold_first: bool = True) -> None:
        self.rect(cx - w / 2, cy - h / 2, w, h, stroke, fill, dash=dash)
        self.label(cx, cy, lines, size=size, weight="600" if bold_first else None)

    def line(self, points: Iterable[tuple[float, float]], stroke: str = MUTED, width: float = 1.8, dash: str | None = None) -> None:
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self.items.append(f'<polyline points="{coords}" fill="none" stroke="{stroke}" stroke-width="{num(width)}" stroke-linejoin="round" stroke-linecap="round"{dashed}/>')

    def head(self, tip: tuple[float, float], towards: tuple[float, float], colour: str, size: float = 9) -> None:
        """A filled arrowhead at `tip`, pointing away from `towards`."""
        dx, dy = tip[0] - towards[0], tip[1] - towards[1]
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        base = (tip[0] - ux * size, tip[1] - uy * size)
        left = (base[0] - uy * size * 0.5, base[1] + ux * size * 0.5)
        right = (base[0] + uy * size * 0.5, base[1] - ux * size * 0.5)
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in (tip, left, right))
        self.items.append(f'<polygon points="{coords}" fill="{colour}"/>')

    def arrow(self, points: list[tuple[float, float]], stroke: str = MUTED, width: float = 1.8, dash: str | None = None, both: bool = False, size: float = 9) -> None:
        # Stop the shaft short of the tip so the line does not poke through the arrowhead.
        *start, before, tip = points
        dx, dy = tip[0] - before[0], tip[1] - before[1]
        length = math.hypot(dx, dy) or 1.0
        shaft_end = (tip[0] - dx / length * size * 0.8, tip[1] - dy / length * size * 0.8)
        shaft = [*start, before, shaft_end]
        if both:
            first, second = points[0], points[1]
            ex, ey = first[0] - second[0], first[1] - second[1]
            elength = math.hypot(ex, ey) or 1.0
            shaft[0] = (first[0] - ex / elength * size * 0.8, first[1] - ey / elength * size * 0.8)
            self.head(first, second, stroke, size)
        self.line(shaft, stroke, width, dash)
        self.head(tip, before, stroke, size)

    def curve(self, start: tuple[float, float], control: tuple[float, float], end: tuple[float, float], stroke: str = MUTED, width: float = 1.8, dash: str | None = None, size: float = 9) -> None:
        """A quadratic Bézier arrow from start to end."""
        dx, dy = end[0] - control[0], end[1] - control[1]
        length = math.hypot(dx, dy) or 1.0
        shaft_end = (end[0] - dx / length * size * 0.8, end[1] - dy / length * size * 0.8)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self.items.append(
            f'<path d="M{num(start[0])},{num(start[1])} Q{num(control[0])},{num(control[1])} {num(shaft_end[0])},{num(shaft_end[1])}" fill="none" stroke="{stroke}" stroke-width="{num(width)}" stroke-linecap="round"{dashed}/>'
        )
        self.head(end, control, stroke, size)

    def path(self, d: str, stroke: str, fill: str = "none", width: float = 1.6) -> None:
        self.items.append(f'<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{num(width)}"/>')

    def render(self) -> str:
        figure = FIGURES[self.name]
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}" role="img" aria-labelledby="{self.name}-title {self.name}-desc" '
            f"font-family={quoteattr(FONT_STACK)}>"
        )
        lines = [
            head,
            f'<title id="{self.name}-title">{escape(figure.alt)}</title>',
            f'<desc id="{self.name}-desc">{escape(figure.caption)}</desc>',
            *self.items,
            "</svg>",
        ]
        return "\n".join(lines) + "\n"


def draw_neuron() -> str:
    d = Drawing("neuron", 760, 320)
    d.text(380, 34, "y = φ(w_1x_1 + w_2x_2 + w_3x_3 + b)", fill=BLUE, size=18, weight="600")
    sum_x, sum_y, sum_r = 350, 170, 44
    for index, y in enumerate((90, 170, 250), start=1):
        d.circle(80, y, 26, BLUE, BLUE_TINT)
        d.text(80, y + 6, f"x_{index}", fill=INK_ON_TINT, size=17, weight="600")
        # arrow from the input to the edge of the summation node
        angle = math.atan2(sum_y - y, sum_x - 80)
        start = (80 + 26 * math.cos(angle), y + 26 * math.sin(angle))
        end = (sum_x - sum_r * math.cos(angle), sum_y - sum_r * math.sin(angle))
        d.arrow([start, end], stroke=BLUE, width=2)
        mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2 - 14)
        d.text(mid[0], mid[1], f"w_{index}", fill=BLUE, size=16, weight="600")
    d.circle(sum_x, sum_y, sum_r, ORANGE, ORANGE_TINT)
    d.text(sum_x, sum_y + 3, "Σ", fill=INK_ON_TINT, size=26, weight="600")
    d.text(sum_x, sum_y + 24, "+ b", fill=INK_ON_TINT, size=13)
    d.box(530, sum_y, 110, 70, ["φ", "activation"], GREEN, GREEN_TINT, size=15)
    d.arrow([(sum_x + sum_r, sum_y), (475, sum_y)], stroke=ORANGE, width=2)
    d.text(420, sum_y - 12, "z", fill=ORANGE, size=16, weight="600")
    d.circle(680, sum_y, 26, PURPLE, PURPLE_TINT)
    d.text(680, sum_y + 6, "y", fill=INK_ON_TINT, size=17, weight="600")
    d.arrow([(585, sum_y), (654, sum_y)], stroke=GREEN, width=2)
    for x, caption in ((80, "inputs"), (215, "weights"), (350, "weighted sum"), (530, "non-linearity"), (680, "output")):
        d.text(x, 300, caption, size=14, weight="600")
    return d.render()


def draw_rnn() -> str:
    d = Drawing("rnn-unrolled", 900, 340)
    # folded cell
    cx, cy = 95, 170
    d.box(cx, cy, 90, 56, ["h_t"], BLUE, BLUE_TINT, size=17)
    d.circle(cx, 290, 22, TEAL, TEAL_TINT)
    d.text(cx, 296, "x_t", fill=INK_ON_TINT, size=15, weight="600")
    d.circle(cx, 50, 22, PURPLE, PURPLE_TINT)
    d.text(cx, 56, "y_t", fill=INK_ON_TINT, size=15, weight="600")
    d.arrow([(cx, 268), (cx, cy + 28)], stroke=TEAL, width=2)
    d.arrow([(cx, cy - 28), (cx, 72)], stroke=PURPLE, width=2)
    # self-loop on the right of the folded cell
    d.line([(cx + 45, cy - 12), (cx + 75, cy - 12), (cx + 75, cy + 48), (cx + 30, cy + 48)], stroke=ORANGE, width=2)
    d.arrow([(cx + 30, cy + 48), (cx + 20, cy + 48), (cx + 20, cy + 28)], stroke=ORANGE, width=2)
    d.text(cx + 88, cy + 24, "W", fill=ORANGE, size=15, weight="600", anchor="start")
    d.text(cx - 10, 235, "U", fill=TEAL, size=14, weight="600", anchor="end")
    d.text(cx - 10, 112, "V", fill=PURPLE, size=14, weight="600", anchor="end")
    d.text(230, cy + 10, "=", size=34, weight="600")
    d.text(230, cy + 40, "unroll", size=13, weight="600")
    # unrolled steps
    xs = [360, 500, 640, 780]
    labels = ["1", "2", "3", "t"]
    d.text(285, cy - 14, "h_0", fill=ORANGE, size=15, weight="600")
    d.arrow([(275, cy), (xs[0] - 45, cy)], stroke=ORANGE, width=2)
    for index, (x, step) in enumerate(zip(xs, labels, strict=True)):
        d.box(x, cy, 90, 56, [f"h_{step}"], BLUE, BLUE_TINT, size=17)
        d.circle(x, 290, 22, TEAL, TEAL_TINT)
        d.text(x, 296, f"x_{step}", fill=INK_ON_TINT, size=15, weight="600")
        d.circle(x, 50, 22, PURPLE, PURPLE_TINT)
        d.text(x, 56, f"y_{step}", fill=INK_ON_TINT, size=15, weight="600")
        d.arrow([(x, 268), (x, cy + 28)], stroke=TEAL, width=2)
        d.arrow([(x, cy - 28), (x, 72)], stroke=PURPLE, width=2)
        d.text(x + 8, 235, "U", fill=TEAL, size=13, weight="600", anchor="start")
        d.text(x + 8, 112, "V", fill=PURPLE, size=13, weight="600", anchor="start")
        if index + 1 < len(xs):
            end = xs[index + 1] - 45
            skipped = index + 2 == len(xs)  # from step 3 to step t: steps in between left out
            d.arrow([(x + 45, cy), (end, cy)], stroke=ORANGE, width=2, dash="3 4" if skipped else None)
            d.text((x + 45 + end) / 2, cy - 10, "W …" if skipped else "W", fill=ORANGE, size=14, weight="600")
    d.text(570, 332, "the same weights U, W, V are reused at every time step", size=14, weight="600")
    return d.render()


def draw_transformer_block() -> str:
    d = Drawing("transformer-block", 640, 740)
    stream_x, branch_x = 190, 430
    # outputs
    d.text(stream_x, 22, "probabilities for the next token", fill=PURPLE, size=14, weight="600")
    d.box(stream_x, 78, 300, 56, ["Final LayerNorm → linear", "→ softmax over the vocabulary"], PURPLE, PURPLE_TINT, size=14, bold_first=False)
    d.arrow([(stream_x, 50), (stream_x, 30)], stroke=PURPLE, width=2)
    # the repeated block
    d.rect(30, 140, 580, 462, MUTED, "none", rx=14, width=1.6, dash="7 6")
    d.text(596, 166, "decoder block (pre-LN) × N", size=15, weight="600", anchor="end")
    # residual stream
    d.arrow([(stream_x, 640), (stream_x, 416)], stroke=MUTED, width=3)
    d.arrow([(stream_x, 386), (stream_x, 226)], stroke=MUTED, width=3)
    d.arrow([(stream_x, 196), (stream_x, 108)], stroke=MUTED, width=3)
    d.text(stream_x - 20, 480, "residual stream", size=14, weight="600", rotate=-90)
    for y in (401, 211):
        d.circle(stream_x, y, 15, MUTED, PAPER, width=2)
        d.line([(stream_x - 8, y), (stream_x + 8, y)], stroke=INK_ON_TINT, width=2.2)
        d.line([(stream_x, y - 8), (stream_x, y + 8)], stroke=INK_ON_TINT, width=2.2)
        d.text(stream_x - 24, y + 5, "add", size=13, weight="600", anchor="end")

    def sublayer(fork: int, join: int, lines: list[str], colour: str, tint: str) -> None:
        """Leaves the stream at `fork`, goes through LayerNorm and `lines`, adds back at `join`."""
        d.line([(stream_x, fork), (branch_x, fork), (branch_x, fork - 14)], stroke=colour, width=2)
        d.head((branch_x, fork - 22), (branch_x, fork - 2), colour)
        d.box(branch_x, fork - 41, 220, 38, ["LayerNorm"], GREEN, GREEN_TINT)
        d.arrow([(branch_x, fork - 60), (branch_x, fork - 78)], stroke=colour, width=2)
        d.box(branch_x, fork - 107, 260, 58, lines, colour, tint)
        d.arrow([(branch_x, fork - 136), (branch_x, join), (stream_x + 15, join)], stroke=colour, width=2)

    sublayer(562, 401, ["Masked multi-head", "self-attention"], BLUE, BLUE_TINT)
    sublayer(366, 211, ["Feed-forward network", "(MLP, e.g. GELU)"], ORANGE, ORANGE_TINT)
    # inputs
    d.box(stream_x, 668, 300, 52, ["Token embeddings", "+ position information"], TEAL, TEAL_TINT, size=14)
    d.text(stream_x, 732, "input tokens", fill=TEAL, size=14, weight="600")
    d.arrow([(stream_x, 716), (stream_x, 696)], stroke=TEAL, width=2)
    return d.render()


def draw_multi_head_attention() -> str:
    d = Drawing("multi-head-attention", 960, 500)
    mid = 195
    d.box(75, mid, 110, 70, ["X", "n × d_{model}"], TEAL, TEAL_TINT, size=15)

    def stack(cx: float, cy: float, w: float, h: float, lines: list[str], stroke: str, fill: str, size: float = 14) -> None:
        for depth in (2, 1):
            d.rect(cx - w / 2 + 8 * depth, cy - h / 2 - 8 * depth, w, h, stroke, fill)
        d.box(cx, cy, w, h, lines, stroke, fill, size=size)

    rows = ((mid - 75, "Q_i = XW^Q_i", BLUE, BLUE_TINT), (mid, "K_i = XW^K_i", ORANGE, ORANGE_TINT), (mid + 75, "V_i = XW^V_i", GREEN, GREEN_TINT))
    for y, text, stroke, fill in rows:
        stack(265, y, 130, 48, [text], stroke, fill, size=15)
        d.arrow([(130, mid), (160, mid), (160, y), (193, y)], stroke=stroke, width=2)
    d.text(265, 24, "linear projections", size=14, weight="600")
    d.text(265, 42, "for each head i = 1 … h", size=13, weight="600")
    attention_x = 520
    stack(attention_x, mid, 210, 92, ["Scaled dot-product", "attention", "softmax(Q_iK_i^T / √d_k) V_i"], PURPLE, PURPLE_TINT, size=14)
    for y, _, stroke, _ in rows:
        d.arrow([(330, y), (370, y), (370, mid + (y - mid) * 0.3), (415, mid + (y - mid) * 0.3)], stroke=stroke, width=2)
    d.text(attention_x + 16, mid - 78, "h heads in parallel", fill=PURPLE, size=14, weight="600")
    d.box(705, mid, 70, 150, ["Concat"], MUTED, GREY_TINT, size=14)
    d.arrow([(625, mid), (670, mid)], stroke=PURPLE, width=2)
    d.box(810, mid, 80, 70, ["Linear", "W^O"], MUTED, GREY_TINT, size=15)
    d.arrow([(740, mid), (770, mid)], stroke=MUTED, width=2)
    d.box(912, mid, 76, 70, ["output", "n × d_{model}"], TEAL, TEAL_TINT, size=13)
    d.arrow([(850, mid), (874, mid)], stroke=MUTED, width=2)
    # one head's attention weights, causal mask
    tokens = ["The", "cat", "sat", "on", "it"]
    size, left, top = 30, 450, 325
    weights = [
        [1.0],
        [0.35, 0.65],
        [0.15, 0.6, 0.25],
        [0.1, 0.2, 0.5, 0.2],
        [0.05, 0.55, 0.1, 0.1, 0.2],
    ]
    d.text(left + size * 2.5, top - 12, "one head's attention weights (causal mask)", size=13, weight="600")
    for row, token in enumerate(tokens):
        d.text(left - 8, top + row * size + size * 0.65, token, size=12, weight="600", anchor="end")
        d.text(left + row * size + size / 2, top + 5 * size + 17, token, size=11.5, weight="600")
        for column in range(5):
            x, y = left + column * size, top + row * size
            if column <= row:
                # white underlay, so the shades read the same on a light or a dark page
                d.items.append(f'<rect x="{num(x)}" y="{num(y)}" width="{size}" height="{size}" fill="{PAPER}"/>')
                opacity = num(0.12 + 0.88 * weights[row][column])
                d.items.append(f'<rect x="{num(x)}" y="{num(y)}" width="{size}" height="{size}" fill="{BLUE}" fill-opacity="{opacity}" stroke="{MUTED}" stroke-width="0.8"/>')
            else:
                d.items.append(f'<rect x="{num(x)}" y="{num(y)}" width="{size}" height="{size}" fill="none" stroke="{MUTED}" stroke-width="0.8" stroke-dasharray="2 3"/>')
    d.text(left + size * 5 + 12, top + size * 1.2, "rows: each token as query", size=12, weight="600", anchor="start")
    d.text(left + size * 5 + 12, top + size * 2.2, "columns: tokens it can attend to", size=12, weight="600", anchor="start")
    d.text(left + size * 5 + 12, top + size * 3.2, "darker = more weight; each row sums to 1", size=12, weight="600", anchor="start")
    d.text(left + size * 5 + 12, top + size * 4.2, "dashed cells: future tokens, masked out", size=12, weight="600", anchor="start")
    d.line([(attention_x, mid + 54), (attention_x, top - 30)], stroke=PURPLE, width=1.4, dash="4 4")
    return d.render()


def cylinder(d: Drawing, cx: float, cy: float, w: float, h: float, lines: list[str], stroke: str, fill: str) -> None:
    rx, ry = w / 2, 9
    top, bottom = cy - h / 2 + ry, cy + h / 2 - ry
    d.path(
        f"M{num(cx - rx)},{num(top)} L{num(cx - rx)},{num(bottom)} A{num(rx)},{num(ry)} 0 0 0 {num(cx + rx)},{num(bottom)} "
        f"L{num(cx + rx)},{num(top)} A{num(rx)},{num(ry)} 0 0 0 {num(cx - rx)},{num(top)} Z",
        stroke,
        fill,
    )
    d.path(f"M{num(cx - rx)},{num(top)} A{num(rx)},{num(ry)} 0 0 0 {num(cx + rx)},{num(top)}", stroke)
    d.label(cx, cy + ry / 2, lines, size=13, weight="600")


def draw_rag_pipeline() -> str:
    d = Drawing("rag-pipeline", 980, 420)
    step, w, h = 120, 104, 62

    def cx(column: int) -> float:
        return 20 + step * column + w / 2

    top, bottom = 110, 290
    d.text(20, 48, "Indexing: once, ahead of time", fill=TEAL, size=16, weight="600", anchor="start")
    d.text(510, 228, "Answering: for every question", fill=BLUE, size=16, weight="600", anchor="start")
    for column, lines in enumerate((["Documents"], ["Chunking"], ["Embedding", "model"])):
        d.box(cx(column), top, w, h, lines, TEAL, TEAL_TINT, size=13)
        if column:
            d.arrow([(cx(column - 1) + w / 2, top), (cx(column) - w / 2, top)], stroke=TEAL, width=2)
    cylinder(d, cx(3), top, w + 6, h + 14, ["Vector", "index"], TEAL, TEAL_TINT)
    d.arrow([(cx(2) + w / 2, top), (cx(3) - w / 2 - 3, top)], stroke=TEAL, width=2)
    d.text((cx(2) + cx(3)) / 2, top - 46, "chunk vectors", fill=TEAL, size=12, weight="600")
    answering = (
        (0, ["Question"], BLUE, BLUE_TINT),
        (1, ["Embed the", "question"], BLUE, BLUE_TINT),
        (3, ["Retrieve", "top-k chunks"], BLUE, BLUE_TINT),
        (4, ["Rerank"], BLUE, BLUE_TINT),
        (5, ["Prompt:", "question +", "chunks"], ORANGE, ORANGE_TINT),
        (6, ["LLM"], PURPLE, PURPLE_TINT),
        (7, ["Answer with", "citations"], GREEN, GREEN_TINT),
    )
    previous = None
    for column, lines, stroke, fill in answering:
        d.box(cx(column), bottom, w, h + (14 if len(lines) == 3 else 0), lines, stroke, fill, size=13)
        if previous is not None:
            d.arrow([(cx(previous) + w / 2, bottom), (cx(column) - w / 2, bottom)], stroke=stroke if stroke != GREEN else PURPLE, width=2)
        previous = column
    d.text((cx(1) + cx(3)) / 2, bottom - 10, "query vector", fill=BLUE, size=12, weight="600")
    # the index feeds retrieval
    d.arrow([(cx(3), top + h / 2 + 7), (cx(3), bottom - h / 2)], stroke=TEAL, width=2)
    d.text(cx(3) + 8, (top + bottom) / 2 + 4, "nearest vectors", fill=TEAL, size=12, weight="600", anchor="start")
    # the same embedding model on both sides
    d.line([(cx(2), top + h / 2), (cx(1) + 10, bottom - h / 2)], stroke=MUTED, width=1.6, dash="5 5")
    d.text((cx(1) + cx(2)) / 2 - 28, (top + bottom) / 2 + 4, "same model", size=12, weight="600", anchor="end")
    # the question itself goes into the prompt
    d.arrow([(cx(0), bottom + h / 2), (cx(0), 380), (cx(5), 380), (cx(5), bottom + h / 2 + 7)], stroke=BLUE, width=1.8, dash="6 5")
    d.text((cx(0) + cx(5)) / 2, 402, "the question itself also goes into the prompt", fill=BLUE, size=13, weight="600")
    return d.render()


def draw_agent_loop() -> str:
    d = Drawing("agent-loop", 860, 500)
    cx, cy = 430, 260
    nodes = {
        "llm": (cx, 90),
        "action": (cx + 240, cy),
        "tools": (cx, 430),
        "observation": (cx - 240, cy),
    }
    d.box(*nodes["llm"], 200, 64, ["LLM", "reasons and plans"], PURPLE, PURPLE_TINT)
    d.box(*nodes["action"], 190, 64, ["Action", "a tool call with arguments"], ORANGE, ORANGE_TINT, size=13)
    d.box(*nodes["tools"], 230, 64, ["Environment and tools", "search, code, APIs, files"], TEAL, TEAL_TINT, size=13)
    d.box(*nodes["observation"], 190, 64, ["Observation", "the tool's result"], GREEN, GREEN_TINT, size=13)
    d.box(cx, cy, 200, 70, ["Memory", "history, scratchpad, notes"], MUTED, GREY_TINT, size=13, dash="6 4")
    d.curve((cx + 100, 90), (cx + 240, 90), (cx + 240, cy - 32), stroke=ORANGE, width=2.2)
    d.curve((cx + 240, cy + 32), (cx + 240, 430), (cx + 115, 430), stroke=TEAL, width=2.2)
    d.curve((cx - 115, 430), (cx - 240, 430), (cx - 240, cy + 32), stroke=GREEN, width=2.2)
    d.curve((cx - 240, cy - 32), (cx - 240, 90), (cx - 100, 90), stroke=PURPLE, width=2.2)
    d.text(cx + 218, 128, "decides", fill=ORANGE, size=13, weight="600", anchor="start")
    d.text(cx + 218, 402, "executes", fill=TEAL, size=13, weight="600", anchor="start")
    d.text(cx - 218, 402, "returns", fill=GREEN, size=13, weight="600", anchor="end")
    d.text(cx - 218, 128, "feeds back", fill=PURPLE, size=13, weight="600", anchor="end")
    d.arrow([(cx, 225), (cx, 122)], stroke=MUTED, width=1.6, dash="4 4", both=True, size=8)
    # entry and exit
    d.box(95, 38, 150, 50, ["Goal", "from the user"], BLUE, BLUE_TINT, size=13)
    d.arrow([(95, 63), (95, 90), (cx - 100, 90)], stroke=BLUE, width=2)
    d.box(765, 38, 150, 50, ["Final answer"], GREEN, GREEN_TINT, size=13)
    d.arrow([(cx + 100, 72), (690, 38)], stroke=GREEN, width=2)
    d.text(610, 42, "done?", fill=GREEN, size=13, weight="600")
    return d.render()


# ---------------------------------------------------------------------------------------------
# matplotlib plots
# ---------------------------------------------------------------------------------------------

SEED = 20240611
# Picked from the first 3,000 seeds as the one whose projection keeps labels apart and offsets long.
EMBEDDING_SEED = 449


def _rc() -> dict[str, object]:
    return {
        "svg.hashsalt": "llm-roadmap-figures",
        "svg.fonttype": "none",
        "svg.id": None,
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans"],
        "font.size": 11,
        "text.color": MUTED,
        "axes.labelcolor": MUTED,
        "axes.edgecolor": MUTED,
        "axes.titlecolor": MUTED,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "axes.labelweight": "bold",
        "axes.labelsize": 11,
        "axes.facecolor": "none",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.linewidth": 1.2,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelcolor": MUTED,
        "ytick.labelcolor": MUTED,
        "figure.facecolor": "none",
        "figure.edgecolor": "none",
        "savefig.facecolor": "none",
        "savefig.edgecolor": "none",
        "savefig.transparent": True,
        "legend.frameon": False,
        "legend.labelcolor": MUTED,
        "lines.linewidth": 2.2,
        "path.simplify": True,
        "axes.unicode_minus": True,
        "mathtext.default": "regular",
    }


def _svg_from_figure(figure, name: str) -> str:  # noqa: ANN001 - matplotlib Figure
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    plt.close(figure)
    return _finish_matplotlib_svg(buffer.getvalue(), name)


def _finish_matplotlib_svg(svg: str, name: str) -> str:
    """Give matplotlib's SVG a title and description, a font fallback, and drop comments."""
    figure = FIGURES[name]
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)  # its DTD address is the only URL matplotlib writes
    # matplotlib measured the text with DejaVu Sans; keep it first and fall back to system fonts.
    svg = svg.replace("font-family: 'DejaVu Sans', sans-serif", f"font-family: {PLOT_FONT_STACK}")
    opening = re.search(r"<svg\b[^>]*>", svg)
    assert opening, "matplotlib wrote no <svg> element"
    tag = opening.group(0)
    labelled = tag[:-1] + f' role="img" aria-labelledby="{name}-title {name}-desc">'
    header = f'\n<title id="{name}-title">{escape(figure.alt)}</title>\n<desc id="{name}-desc">{escape(figure.caption)}</desc>'
    svg = svg[: opening.start()] + labelled + header + svg[opening.end() :]
    return svg if svg.endswith("\n") else svg + "\n"


def _plt():
    import matplotlib

    matplotlib.use("svg", force=True)
    import matplotlib.pyplot as plt

    return plt


def draw_activations() -> str:
    import matplotlib
    import numpy as np

    plt = _plt()
    with matplotlib.rc_context(_rc()):
        x = np.linspace(-4, 4, 161)
        gelu = 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
        curves = (
            ("Sigmoid  σ(x) = 1 / (1 + e⁻ˣ)", 1 / (1 + np.exp(-x)), BLUE),
            ("Tanh  tanh(x)", np.tanh(x), ORANGE),
            ("ReLU  max(0, x)", np.maximum(0, x), GREEN),
            ("GELU  x·Φ(x)", gelu, PURPLE),
        )
        figure, axes = plt.subplots(2, 2, figsize=(7.2, 5.2), sharex=True)
        for ax, (title, y, colour) in zip(axes.flat, curves, strict=True):
            ax.axhline(0, color=MUTED, linewidth=0.8, alpha=0.6)
            ax.axvline(0, color=MUTED, linewidth=0.8, alpha=0.6)
            ax.plot(x, y, color=colour, linewidth=2.6)
            ax.set_title(title, loc="left", color=colour)
            ax.set_xlim(-4, 4)
            ax.set_ylim(-1.25, 4.1 if "ReLU" in title or "GELU" in title else 1.25)
        for ax in axes[1]:
            ax.set_xlabel("input x")
        for ax in axes[:, 0]:
            ax.set_ylabel("output")
        figure.tight_layout()
        return _svg_from_figure(figure, "activations")


def draw_gradient_descent() -> str:
    import matplotlib
    import numpy as np

    plt = _plt()
    with matplotlib.rc_context(_rc()):
        # An elongated bowl, rotated a little: loss = ½ (a u² + b v²) in rotated coordinates.
        angle = math.radians(25)
        rotation = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
        hessian = rotation @ np.diag([1.0, 9.0]) @ rotation.T
        minimum = np.array([1.0, 0.5])

        def loss(points: np.ndarray) -> np.ndarray:
            delta = points - minimum
            return 0.5 * np.einsum("...i,ij,...j->...", delta, hessian, delta)

        def descend(start: np.ndarray, rate: float, steps: int) -> np.ndarray:
            path = [start]
            for _ in range(steps):
                path.append(path[-1] - rate * hessian @ (path[-1] - minimum))
            return np.array(path)

        grid_x, grid_y = np.meshgrid(np.linspace(-3.2, 3.6, 241), np.linspace(-2.2, 3.0, 241))
        values = loss(np.stack([grid_x, grid_y], axis=-1))
        start = np.array([-2.4, 0.25])
        figure, ax = plt.subplots(figsize=(7.2, 5.4))
        levels = 0.25 * 2.0 ** np.arange(0, 8)
        ax.contour(grid_x, grid_y, values, levels=levels, colors=MUTED, linewidths=1.0)
        slow = descend(start, 0.05, 40)
        fast = descend(start, 0.2, 14)
        ax.plot(slow[:, 0], slow[:, 1], "-o", color=BLUE, markersize=3.5, linewidth=2, label="learning rate 0.05: steady")
        ax.plot(fast[:, 0], fast[:, 1], "-o", color=ORANGE, markersize=4, linewidth=2, label="learning rate 0.2: zig-zags")
        ax.plot(*start, "s", color=RED, markersize=9, label="start")
        ax.plot(*minimum, "*", color=GREEN, markersize=17, label="minimum")
        ax.set_xlabel("weight w₁")
        ax.set_ylabel("weight w₂")
        ax.set_title("Gradient descent on a loss surface (illustrative)", loc="left")
        ax.set_aspect("equal")
        ax.set_xlim(-3.2, 3.6)
        ax.set_ylim(-2.2, 3.0)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, fontsize=10)
        figure.tight_layout()
        return _svg_from_figure(figure, "gradient-descent")


def draw_overfitting_grokking() -> str:
    import matplotlib
    import numpy as np

    plt = _plt()
    with matplotlib.rc_context(_rc()):
        figure, (left, right) = plt.subplots(1, 2, figsize=(9.6, 4.2))
        epochs = np.linspace(0, 100, 201)
        train = 2.2 * np.exp(-epochs / 16) + 0.06
        validation = 2.2 * np.exp(-epochs / 16) + 0.32 + 0.00016 * np.maximum(0, epochs - 22) ** 2
        best = epochs[np.argmin(validation)]
        left.axvspan(best, 100, color=RED, alpha=0.1, linewidth=0)
        left.plot(epochs, train, color=BLUE, label="training loss")
        left.plot(epochs, validation, color=ORANGE, label="validation loss")
        left.axvline(best, color=GREEN, linestyle="--", linewidth=1.6)
        left.text(best - 2, 2.05, "best checkpoint\n(early stopping)", color=GREEN, fontsize=10, fontweight="bold", va="top", ha="right")
        left.text(97, 1.55, "overfitting:\nvalidation loss rises", color=RED, fontsize=10, fontweight="bold", ha="right")
        left.set_xlim(0, 100)
        left.set_ylim(0, 2.4)
        left.set_xlabel("training epochs")
        left.set_ylabel("loss")
        left.set_title("Overfitting", loc="left")
        left.legend(loc="upper right", fontsize=10)

        steps = np.logspace(1, 5.3, 300)
        log_steps = np.log10(steps)
        train_accuracy = 100 / (1 + np.exp(-(log_steps - 2.5) * 6))
        validation_accuracy = 3 + 96 / (1 + np.exp(-(log_steps - 4.4) * 7))
        right.plot(steps, train_accuracy, color=BLUE, label="training accuracy")
        right.plot(steps, validation_accuracy, color=ORANGE, label="validation accuracy")
        right.set_xscale("log")
        right.set_xlim(10, 10**5.3)
        right.set_ylim(-3, 108)
        right.annotate("memorised the\ntraining set", xy=(10**3.05, 96), xytext=(10**1.1, 76), color=BLUE, fontsize=10, fontweight="bold",
                       arrowprops={"arrowstyle": "->", "color": BLUE, "linewidth": 1.4})
        right.annotate("generalises\nmuch later", xy=(10**4.4, 50), xytext=(10**3.05, 25), color=ORANGE, fontsize=10, fontweight="bold",
                       arrowprops={"arrowstyle": "->", "color": ORANGE, "linewidth": 1.4})
        right.set_xlabel("optimisation steps (log scale)")
        right.set_ylabel("accuracy (%)")
        right.set_title("Grokking: delayed generalisation", loc="left")
        right.legend(loc="center left", bbox_to_anchor=(0.0, 0.4), fontsize=10)
        figure.text(0.995, 0.01, "illustrative curves, not measured data", ha="right", va="bottom", fontsize=9, color=MUTED)
        figure.tight_layout(rect=(0, 0.03, 1, 1))
        return _svg_from_figure(figure, "overfitting-grokking")


def toy_embeddings() -> tuple[list[str], list[str], object]:
    """Toy 50-d word vectors with shared offsets (gender, royalty, youth, capital-of), in 2-D by PCA."""
    import numpy as np

    rng = np.random.default_rng(EMBEDDING_SEED)
    dim = 50

    def direction(scale: float) -> np.ndarray:
        vector = rng.normal(size=dim)
        return scale * vector / np.linalg.norm(vector)

    person, animal, place = direction(2.2), direction(2.2), direction(2.2)
    female, royal, young, capital = direction(2.0), direction(2.6), direction(2.2), direction(2.4)
    cat, dog = animal + direction(1.2), animal + direction(1.2)
    france, italy, japan = place + direction(1.4), place + direction(1.4), place + direction(1.4)
    words = {
        "man": (person, "people"),
        "woman": (person + female, "people"),
        "king": (person + royal, "people"),
        "queen": (person + royal + female, "people"),
        "cat": (cat, "animals"),
        "kitten": (cat + young, "animals"),
        "dog": (dog, "animals"),
        "puppy": (dog + young, "animals"),
        "France": (france, "places"),
        "Paris": (france + capital, "places"),
        "Italy": (italy, "places"),
        "Rome": (italy + capital, "places"),
        "Japan": (japan, "places"),
        "Tokyo": (japan + capital, "places"),
    }
    names = list(words)
    vectors = np.array([words[w][0] + rng.normal(scale=0.12, size=dim) for w in names])
    centred = vectors - vectors.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    projected = centred @ components[:2].T
    # Fix the sign of each axis so the picture never flips.
    for axis in range(2):
        if projected[names.index("man"), axis] > 0:
            projected[:, axis] *= -1
    return names, [words[w][1] for w in names], projected


def draw_embeddings() -> str:
    import matplotlib

    plt = _plt()
    names, groups, points = toy_embeddings()
    colours = {"people": BLUE, "animals": GREEN, "places": ORANGE}
    with matplotlib.rc_context(_rc()):
        figure, ax = plt.subplots(figsize=(7.2, 5.6))
        for group, colour in colours.items():
            index = [i for i, g in enumerate(groups) if g == group]
            ax.scatter(points[index, 0], points[index, 1], s=46, color=colour, label=group, zorder=3)
        # label placement, in points from the dot, chosen so no label sits on an arrow
        below, above, right = (0, -16, "center"), (0, 8, "center"), (8, -4, "left")
        placement = {"woman": below, "queen": below, "France": below, "Japan": below, "Rome": above, "dog": right, "cat": right}
        for i, name in enumerate(names):
            dx, dy, align = placement.get(name, (6, 5, "left"))
            ax.annotate(name, points[i], xytext=(dx, dy), textcoords="offset points", ha=align, color=colours[groups[i]], fontsize=11, fontweight="bold")
        pairs = (
            ("man", "woman", BLUE), ("king", "queen", BLUE),
            ("cat", "kitten", GREEN), ("dog", "puppy", GREEN),
            ("France", "Paris", ORANGE), ("Italy", "Rome", ORANGE), ("Japan", "Tokyo", ORANGE),
        )
        for start, end, colour in pairs:
            a, b = points[names.index(start)], points[names.index(end)]
            ax.annotate("", xy=b, xytext=a, arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.6, "shrinkA": 4, "shrinkB": 5}, zorder=2)
        ax.set_xlabel("first principal component")
        ax.set_ylabel("second principal component")
        ax.set_title("Word embeddings in 2-D (toy vectors, PCA)", loc="left")
        ax.legend(loc="best", fontsize=10)
        ax.margins(0.12)
        figure.tight_layout()
        return _svg_from_figure(figure, "embeddings-2d")


def _power_of_ten(value: float, _position: int) -> str:
    exponent = int(round(math.log10(value)))
    superscript = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{superscript}"


def draw_scaling_law() -> str:
    import matplotlib
    import numpy as np
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

    plt = _plt()
    with matplotlib.rc_context(_rc()):
        # Illustrative constants in the Chinchilla form L(N, D) = E + A/N^a + B/D^b, with C = 6ND.
        E, A, B, a, b = 1.8, 380.0, 420.0, 0.33, 0.29
        compute = np.logspace(18, 24, 400)
        sizes = (("10M parameters", 1e7, TEAL), ("100M", 1e8, BLUE), ("1B", 1e9, PURPLE), ("10B", 1e10, ORANGE), ("100B", 1e11, RED))
        figure, ax = plt.subplots(figsize=(7.2, 4.8))
        curves = []
        for label, n, colour in sizes:
            tokens = compute / (6 * n)
            valid = tokens >= 20 * n / 100  # start each curve once it has seen a little data
            loss = E + A / n**a + B / tokens**b
            curves.append(np.where(valid, loss, np.inf))
            ax.plot(compute[valid], loss[valid], color=colour, linewidth=2.2, label=label)
        envelope = np.min(np.array(curves), axis=0)
        # straight line (power law) fitted to the envelope's reducible part, drawn dashed
        reducible = envelope - E
        slope, intercept = np.polyfit(np.log10(compute), np.log10(reducible), 1)
        frontier = E + 10 ** (intercept + slope * np.log10(compute))
        ax.plot(compute, frontier, "--", color=MUTED, linewidth=1.8, label="compute-efficient frontier")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(1e18, 1e24)
        ax.set_ylim(1.95, 4.7)
        ax.xaxis.set_major_locator(FixedLocator([1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24]))
        ax.xaxis.set_major_formatter(FuncFormatter(_power_of_ten))
        ax.xaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_locator(FixedLocator([2, 2.5, 3, 3.5, 4, 4.5]))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:g}"))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.set_xlabel("training compute (FLOPs, log scale)")
        ax.set_ylabel("loss (log scale)")
        ax.set_title("Scaling law: loss against compute", loc="left")
        ax.text(0.01, 0.02, "illustrative curves, not measured data", transform=ax.transAxes, ha="left", va="bottom", fontsize=9, color=MUTED)
        ax.legend(loc="upper right", fontsize=9.5, ncols=2)
        figure.tight_layout()
        return _svg_from_figure(figure, "scaling-law")


DRAWERS: dict[str, Callable[[], str]] = {
    "neuron": draw_neuron,
    "activations": draw_activations,
    "gradient-descent": draw_gradient_descent,
    "overfitting-grokking": draw_overfitting_grokking,
    "embeddings-2d": draw_embeddings,
    "rnn-unrolled": draw_rnn,
    "transformer-block": draw_transformer_block,
    "multi-head-attention": draw_multi_head_attention,
    "scaling-law": draw_scaling_law,
    "rag-pipeline": draw_rag_pipeline,
    "agent-loop": draw_agent_loop,
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.figures", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT.relative_to(ROOT)})")
    parser.add_argument("--markdown", nargs="*", metavar="NAME", help="print the Markdown snippet for these figures (all if none) instead of drawing")
    parser.add_argument("names", nargs="*", metavar="NAME", help="figures to draw (default: all)")
    args = parser.parse_args(argv)
    unknown = [n for n in [*args.names, *(args.markdown or [])] if n not in FIGURES]
    if unknown:
        print(f"unknown figure(s): {', '.join(unknown)}; known: {', '.join(FIGURES)}", file=sys.stderr)
        return 2
    if args.markdown is not None:
        for name in args.markdown or FIGURES:
            print(f"<!-- {name}.svg, for docs/{FIGURES[name].chapter}.md -->")
            print(figure_markdown(name))
        return 0
    for path in generate(args.out, args.names or None):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
