"""Every figure's alt text, caption and chapter, and the Markdown that shows it in the chapter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from scripts.paths import DOCS

OUT = DOCS / "assets" / "figures"
SITE_PATH = "assets/figures"  # where the figures sit relative to docs/

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
    "rlvr-grpo": Figure(
        "A loop: a prompt goes to the policy model, which samples a group of four answers; a verifier gives each answer a reward of 1 or 0; each reward minus the group mean, divided by the group's standard deviation, becomes an advantage of +1 or −1; and the policy is updated towards the better-than-average answers.",
        "Reinforcement learning with verifiable rewards, trained with GRPO: an automatic check scores each sampled answer, and each answer is judged against the others sampled for the same prompt, so no separate value model is needed. The advantages follow GRPO as published in DeepSeekMath, standardised by the group's mean and standard deviation; Dr. GRPO leaves out the division, which would give ±0.5 here. Illustrative numbers.",
        "reasoning-models",
    ),
    "sparse-autoencoder": Figure(
        "A dense residual-stream vector is mapped by an encoder to a much wider feature layer in which only a few features, labelled Golden Gate Bridge, Python code, French text and negation, are active; a decoder maps them back to a reconstruction of the vector.",
        "A sparse autoencoder rewrites one dense activation as a few active features out of a large dictionary, then rebuilds the activation from them; training trades reconstruction error against sparsity. The feature labels are illustrative, not read from a model.",
        "interpretability",
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
