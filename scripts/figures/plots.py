"""The matplotlib plots: activations, gradient descent, overfitting and grokking, embeddings, scaling law."""

from __future__ import annotations

import io
import math
import re
from xml.sax.saxutils import escape

from scripts.figures.catalog import FIGURES
from scripts.figures.palette import BLUE, GREEN, MUTED, ORANGE, PLOT_FONT_STACK, PURPLE, RED, TEAL

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


# matplotlib names clip paths and markers by hashing their full-precision coordinates, so a
# difference in the last bit of a float (one CPU's BLAS against another's) changes the id even
# where every drawn coordinate is the same: number them in order of appearance instead.
HASHED_ID_RE = re.compile(r"\b(?P<kind>[pm])(?P<hash>[0-9a-f]{10})\b")
ID_KINDS = {"p": "clip", "m": "marker"}


def sequential_ids(svg: str, name: str) -> str:
    """Replace matplotlib's hashed `id="p…"`/`id="m…"` (and their references) with `{name}-clip-1`, …"""
    renamed: dict[str, str] = {}
    counts = dict.fromkeys(ID_KINDS.values(), 0)
    for match in re.finditer(r'id="(?P<id>[pm][0-9a-f]{10})"', svg):
        kind = ID_KINDS[match.group("id")[0]]
        counts[kind] += 1
        renamed[match.group("id")] = f"{name}-{kind}-{counts[kind]}"
    return HASHED_ID_RE.sub(lambda m: renamed.get(m.group(0), m.group(0)), svg)


def round_noise(values):  # noqa: ANN001, ANN201 - numpy arrays, imported lazily
    """Results of linear algebra, cut to a precision every CPU agrees on.

    BLAS kernels (and numpy's SIMD reductions) differ in their last bits between x86-64 and
    ARM, AVX2 and AVX-512; six decimals is far below what a plot can show and far above that noise."""
    import numpy as np

    return np.round(values, 6) + 0.0  # + 0.0 turns -0.0 into 0.0


def _finish_matplotlib_svg(svg: str, name: str) -> str:
    """Give matplotlib's SVG a title and description, a font fallback, and drop comments."""
    figure = FIGURES[name]
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)  # its DTD address is the only URL matplotlib writes
    svg = sequential_ids(svg, name)
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


def toy_vectors() -> tuple[list[str], list[str], object]:
    """Toy 50-d word vectors with shared offsets (gender, royalty, youth, capital-of): names, groups, vectors."""
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
    return names, [words[w][1] for w in names], vectors


def project_2d(names: list[str], vectors):  # noqa: ANN001, ANN201 - numpy arrays, imported lazily
    """The vectors' first two principal components, signs fixed so the picture never flips."""
    import numpy as np

    centred = vectors - vectors.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    projected = round_noise(centred @ components[:2].T)
    # Fix the sign of each axis so the picture never flips.
    for axis in range(2):
        if projected[names.index("man"), axis] > 0:
            projected[:, axis] *= -1
    return projected


def toy_embeddings() -> tuple[list[str], list[str], object]:
    names, groups, vectors = toy_vectors()
    return names, groups, project_2d(names, vectors)


def draw_embeddings(embedded: tuple[list[str], list[str], object] | None = None) -> str:
    import matplotlib

    plt = _plt()
    names, groups, points = embedded or toy_embeddings()
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
