"""A tiny SVG writer for the hand-drawn diagrams: fixed number formatting, so output is the same bytes everywhere."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from scripts.figures.catalog import FIGURES
from scripts.figures.palette import FONT_STACK, INK_ON_TINT, MUTED, PAPER


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
