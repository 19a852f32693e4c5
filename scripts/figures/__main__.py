"""`python -m scripts.figures`: draw every figure (or the named ones) into docs/assets/figures/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.figures import FIGURES, OUT, figure_markdown, generate
from scripts.paths import ROOT


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
