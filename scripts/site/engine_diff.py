"""Say how a build by another engine differs from ours:
`python -m scripts.site.engine_diff OUR_SITE OTHER_SITE [--other-name Zensical]`.

It reads only the built HTML. Every feature the site adds to Material (through our hooks and
templates) is marked with an `rm-` class or a `data-rm-` attribute, so counting the pages that
carry each mark in both builds shows what the other engine leaves out. The CI job that builds
with Zensical prints this (a hedge against Material's end of life); it is a report and always
exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

CLASS_RE = re.compile(r'\bclass="([^"]*)"')
DATA_RE = re.compile(r"\s(data-rm-[a-z0-9-]+)[\s=>]")


def pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def marks(page: str) -> set[str]:
    """The site's own marks on a page, one per feature: `rm-` class blocks (`rm-quiz` for
    `rm-quiz__answer` and `rm-quiz--placement`) and `data-rm-` attribute families
    (`data-rm-quiz` for `data-rm-quiz-count`)."""
    found = {
        name.split("__")[0].split("--")[0] for classes in CLASS_RE.findall(page) for name in classes.split() if name.startswith("rm-")
    }
    return found | {"data-rm-" + name.removeprefix("data-rm-").split("-")[0] for name in DATA_RE.findall(page)}


def report(ours: Path, other: Path, ours_name: str = "ProperDocs", other_name: str = "Zensical") -> list[str]:
    """Lines of Markdown: the pages only one build has, then each mark whose page count differs."""
    ours_pages, other_pages = pages(ours), pages(other)
    lines: list[str] = [f"## How the {other_name} build differs from the {ours_name} build", ""]
    for label, only in ((f"Pages only {ours_name} writes", ours_pages - other_pages), (f"Pages only {other_name} writes", other_pages - ours_pages)):
        lines.append(f"- {label} ({len(only)}): " + (", ".join(f"`{page}`" for page in sorted(only)) or "none"))
    both = sorted(ours_pages & other_pages)
    counts: dict[str, Counter[str]] = {ours_name: Counter(), other_name: Counter()}
    for page in both:
        counts[ours_name].update(marks((ours / page).read_text(encoding="utf-8", errors="replace")))
        counts[other_name].update(marks((other / page).read_text(encoding="utf-8", errors="replace")))
    differing = sorted(name for name in counts[ours_name] | counts[other_name] if counts[ours_name][name] != counts[other_name][name])
    lines.append(f"- Site features on the {len(both)} pages both wrote: " + ("the same marks on the same number of pages" if not differing else f"{len(differing)} differ"))
    lines.extend(
        f"  - `{name}`: on {counts[ours_name][name]} page(s) with {ours_name}, {counts[other_name][name]} with {other_name}"
        for name in differing
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.engine_diff", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("ours", type=Path, help="our build (ProperDocs with Material and our hooks)")
    parser.add_argument("other", type=Path, help="another engine's build of the same mkdocs.yml")
    parser.add_argument("--other-name", default="Zensical")
    args = parser.parse_args(argv)
    for site in (args.ours, args.other):
        if not site.is_dir():
            print(f"{site}: no built site here", file=sys.stderr)
    print("\n".join(report(args.ours, args.other, other_name=args.other_name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
