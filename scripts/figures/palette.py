"""The figures' one palette: inks that read on white and on Material's slate, and light tints for box fills."""

from __future__ import annotations

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
