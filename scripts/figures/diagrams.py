"""The hand-drawn diagrams: neuron, RNN, transformer block, attention, RAG pipeline, agent loop."""

from __future__ import annotations

import math

from scripts.figures.palette import (
    BLUE,
    BLUE_TINT,
    GREEN,
    GREEN_TINT,
    GREY_TINT,
    INK_ON_TINT,
    MUTED,
    ORANGE,
    ORANGE_TINT,
    PAPER,
    PURPLE,
    PURPLE_TINT,
    RED,
    TEAL,
    TEAL_TINT,
)
from scripts.figures.svg import Drawing, num


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


def draw_rlvr_grpo() -> str:
    d = Drawing("rlvr-grpo", 960, 450)
    d.text(20, 36, "Reinforcement learning with verifiable rewards, trained with GRPO", fill=PURPLE, size=16, weight="600", anchor="start")
    row = 200
    d.box(95, row, 150, 70, ["Prompt", "What is 17 × 24?"], BLUE, BLUE_TINT, size=13)
    d.box(285, row, 150, 70, ["Policy model", "current weights"], PURPLE, PURPLE_TINT, size=13)
    d.arrow([(170, row), (210, row)], stroke=BLUE, width=2)
    # GRPO as published (DeepSeekMath): advantage = (reward - group mean) / group standard deviation.
    # Rewards 1, 0, 1, 0 have mean 0.5 and (population) standard deviation 0.5, so the advantages are +1 and -1.
    answers = (("Answer 1: 408", 1, "+1", GREEN), ("Answer 2: 398", 0, "−1", RED), ("Answer 3: 408", 1, "+1", GREEN), ("Answer 4: 418", 0, "−1", RED))
    card_x, card_w, card_h = 485, 150, 40
    d.text(card_x, 92, "sample a group of answers", fill=ORANGE, size=13, weight="600")
    for index, (label, reward, advantage, colour) in enumerate(answers):
        y = 125 + index * 50
        d.box(card_x, y, card_w, card_h, [label], ORANGE, ORANGE_TINT, size=13, bold_first=False)
        d.arrow([(360, row), (card_x - card_w / 2, y)], stroke=PURPLE, width=1.6, size=8)
        d.arrow([(card_x + card_w / 2, y), (605, row)], stroke=ORANGE, width=1.6, size=8)
        d.text(810, y + 5, f"reward {reward}", fill=TEAL, size=13, weight="600", anchor="end")
        d.text(830, y + 5, "→", size=13)
        d.text(850, y + 5, advantage, fill=colour, size=14, weight="600", anchor="start")
    d.box(675, row, 130, 84, ["Verifier", "checks the answer", "or runs the tests"], TEAL, TEAL_TINT, size=12)
    d.arrow([(740, row), (760, row)], stroke=TEAL, width=1.6, size=8)
    d.text(850, 92, "advantage", fill=GREEN, size=13, weight="600")
    d.text(850, 306, "= (reward − group mean)", size=12, anchor="middle")
    d.text(850, 324, "÷ group standard deviation", size=12, anchor="middle")
    d.arrow([(850, 335), (850, 385), (285, 385), (285, row + 37)], stroke=PURPLE, width=2.2)
    d.text(567, 408, "policy update: make above-average answers more likely and the rest less likely", fill=PURPLE, size=13, weight="600")
    d.text(567, 436, "no value model: the group itself is the baseline", size=12, italic=True)
    return d.render()


def draw_sparse_autoencoder() -> str:
    d = Drawing("sparse-autoencoder", 900, 470)
    cell, dense_x, wide_x, out_x = 28, 110, 410, 770
    dense_top, wide_top = 140, 60
    d.text(dense_x, 92, "Residual stream", fill=BLUE, size=14, weight="600")
    d.text(dense_x, 112, "one token, one layer", size=12)
    d.text(out_x, 92, "Reconstruction x̂", fill=GREEN, size=14, weight="600")
    d.text(out_x, 112, "close to the input", size=12)
    for index in range(8):
        y = dense_top + index * cell
        d.rect(dense_x - cell / 2, y, cell, cell, BLUE, BLUE_TINT, rx=2, width=1.2)
        d.rect(out_x - cell / 2, y, cell, cell, GREEN, GREEN_TINT, rx=2, width=1.2)
    d.text(wide_x, 40, "Features: a much wider layer", fill=ORANGE, size=14, weight="600")
    active = {2: "Golden Gate Bridge", 6: "Python code", 10: "French text", 13: "negation"}
    for index in range(14):
        y = wide_top + index * (cell - 4)
        stroke, fill = (ORANGE, ORANGE_TINT) if index in active else (MUTED, PAPER)
        d.rect(wide_x - cell / 2, y, cell, cell - 4, stroke, fill, rx=2, width=1.2)
        if index in active:
            d.text(wide_x + 24, y + 17, active[index], fill=ORANGE, size=13, weight="600", anchor="start")
    middle = dense_top + 4 * cell
    d.box(255, middle - 60, 110, 50, ["Encoder", "ReLU(W x + b)"], BLUE, BLUE_TINT, size=12)
    d.arrow([(dense_x + cell / 2 + 6, middle), (wide_x - cell / 2 - 6, middle)], stroke=BLUE, width=2)
    d.box(650, middle - 60, 110, 50, ["Decoder", "W f + b"], GREEN, GREEN_TINT, size=12)
    d.arrow([(590, middle), (out_x - cell / 2 - 6, middle)], stroke=GREEN, width=2)
    d.text(wide_x, 420, "only a few features are active for this token", fill=ORANGE, size=13, weight="600")
    d.text(450, 452, "trained to keep ‖x − x̂‖² small while keeping the features sparse", size=13)
    return d.render()
