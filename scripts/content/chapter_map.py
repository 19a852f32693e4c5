"""The map of the roadmap: chapters as nodes, the prerequisites they declare as edges, laid out
in layers so every edge flows one way (foundations at the top, the frontier at the bottom), and
drawn as an inline SVG at build time.

The graph comes from each chapter's "Prerequisites" section through the parser
(scripts/content/project.py's `prerequisites`). The layout is the layered method (Sugiyama):
a chapter's layer is one below its deepest prerequisite, long edges pass through narrow
waypoints, and the order within each layer is improved by barycentre sweeps, keeping the
order with the fewest crossings. Everything is integer or exact-fraction arithmetic with
reading-order tie-breaks, so the SVG is the same bytes on every machine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from html import escape
from pathlib import Path

import yaml

from scripts.content.entries import Document, Problem

# Geometry, in SVG user units (CSS pixels at scale 1).
NODE_WIDTH, NODE_HEIGHT, WAYPOINT_WIDTH, GAP = 140, 38, 8, 12
LAYER_STEP, MARGIN, LINE_HEIGHT, WRAP = 62, 8, 13, 23
SWEEPS = 12
ONE_WAY = "link only earlier chapters of the nav, so the map flows one way"


@dataclass(frozen=True)
class ChapterSpec:
    """What the map needs to know about one chapter."""

    slug: str
    title: str
    part: int  # 1, 2, ... in the nav's order
    path: str  # the Markdown file, for messages
    prerequisites: tuple[tuple[str, int], ...] = ()  # (slug, line of the link)


@dataclass(frozen=True)
class Graph:
    chapters: tuple[ChapterSpec, ...]
    edges: tuple[tuple[str, str], ...]  # (prerequisite, chapter), in the order declared

    def prerequisites_of(self, slug: str) -> list[str]:
        return [source for source, target in self.edges if target == slug]


def find_cycle(edges: Sequence[tuple[str, str]], start: str, goal: str) -> list[str] | None:
    """A path start → … → goal along the edges (prerequisite → chapter), if one exists."""
    following: dict[str, list[str]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    stack, seen = [[start]], {start}
    while stack:
        path = stack.pop()
        if path[-1] == goal:
            return path
        for nxt in reversed(following.get(path[-1], [])):
            if nxt not in seen:
                seen.add(nxt)
                stack.append([*path, nxt])
    return None


def build_graph(specs: Sequence[ChapterSpec]) -> tuple[Graph, list[Problem]]:
    """The graph of declared prerequisites. A link to a page that is no chapter, or one that would
    close a cycle, is left out and reported at the line that declares it. Links to earlier
    chapters are taken first, so a cycle is blamed on the link that points forward."""
    index = {spec.slug: number for number, spec in enumerate(specs)}
    accepted: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    forward: list[tuple[ChapterSpec, str, int]] = []
    for spec in specs:
        for source, line in spec.prerequisites:
            if source not in index:
                problems.append(Problem(spec.path, line, f"prerequisite {source}.md is not a chapter of the roadmap", ONE_WAY))
            elif index[source] < index[spec.slug]:
                accepted.add((source, spec.slug))
            else:
                forward.append((spec, source, line))
    for spec, source, line in forward:
        loop = [spec.slug] if source == spec.slug else find_cycle(sorted(accepted), spec.slug, source)
        if loop:
            problems.append(Problem(spec.path, line, f"prerequisite {source}.md makes a cycle: {' → '.join([source, *loop])}", ONE_WAY))
        else:
            accepted.add((source, spec.slug))
    edges = tuple((source, spec.slug) for spec in specs for source, _ in spec.prerequisites if (source, spec.slug) in accepted)
    return Graph(tuple(specs), tuple(dict.fromkeys(edges))), sorted(problems, key=lambda p: (p.path, p.line))


# Layout ----------------------------------------------------------------------------------------


def reachable(edges: Sequence[tuple[str, str]]) -> dict[str, set[str]]:
    """For each chapter, every chapter that builds on it, directly or through others."""
    following: dict[str, list[str]] = {}
    for source, target in edges:
        following.setdefault(source, []).append(target)
    found: dict[str, set[str]] = {}
    for start in following:
        seen: set[str] = set()
        stack = list(following[start])
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack += following.get(node, [])
        found[start] = seen
    return found


def transitive_reduction(graph: Graph) -> tuple[tuple[str, str], ...]:
    """The declared prerequisites that no longer chain of them implies, in the order declared:
    Mathematics → Python → Neural networks makes Mathematics → Neural networks redundant in
    the drawing (the tooltips and the list still name it). The graph has no cycle, so this
    reduction is unique."""
    after = reachable(graph.edges)
    return tuple(
        (source, target)
        for source, target in graph.edges
        if not any(target in after.get(middle, set()) for s, middle in graph.edges if s == source and middle != target)
    )


def shortcuts(graph: Graph, routes: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """The connections the paths (each a list of chapters) make that the map draws no arrow for."""
    drawn = set(transitive_reduction(graph))
    return sorted({link for route in routes for link in route_links(graph, route) if link not in drawn})


def route_links(graph: Graph, route: Sequence[str]) -> list[tuple[str, str]]:
    """The connections a path makes between its own chapters: P → C when C builds on P, through
    any chapters, and no other chapter of the path lies between them. A path that skips a chapter
    connects the chapters either side of it, where the map has no arrow of its own."""
    after = reachable(graph.edges)
    on = set(route)
    ordered = [spec.slug for spec in graph.chapters if spec.slug in on]
    return [
        (p, c)
        for p in ordered
        for c in ordered
        if c in after.get(p, set()) and not any(c in after.get(q, set()) for q in ordered if q in after.get(p, set()))
    ]


@dataclass
class Layout:
    width: int
    height: int
    boxes: dict[str, tuple[int, int]]  # slug -> top-left corner of its node
    routes: list[tuple[str, str, list[tuple[int, int]]]]  # (prerequisite, chapter, points from top to bottom), drawn arrows
    crossings: int  # of the drawn arrows
    layers: list[list[str]] = field(default_factory=list)  # node and waypoint ids, per layer, in order
    shortcuts: list[tuple[str, str, list[tuple[int, int]]]] = field(default_factory=list)  # a path's own connections


def layer_of(graph: Graph) -> dict[str, int]:
    """Longest path from a chapter without prerequisites: every edge goes at least one layer down."""
    layers: dict[str, int] = {}
    for spec in graph.chapters:  # reading order is a topological order once cycles are gone
        layers[spec.slug] = 0
    changed = True
    while changed:
        changed = False
        for source, target in graph.edges:
            if layers[target] <= layers[source]:
                layers[target] = layers[source] + 1
                changed = True
    return layers


def count_crossings(upper: list[str], lower: list[str], links: Sequence[tuple[str, str]]) -> int:
    at_upper = {node: index for index, node in enumerate(upper)}
    at_lower = {node: index for index, node in enumerate(lower)}
    pairs = sorted((at_upper[a], at_lower[b]) for a, b in links if a in at_upper and b in at_lower)
    return sum(1 for i in range(len(pairs)) for j in range(i + 1, len(pairs)) if pairs[i][0] < pairs[j][0] and pairs[i][1] > pairs[j][1])


def place(
    order: list[list[str]], width_of: Callable[[str], int], above: dict[str, list[str]], below: dict[str, list[str]]
) -> dict[str, int]:
    """Horizontal centres: each item pulled towards the mean of its neighbours in the layer it was
    just compared with (so a trunk of waypoints runs straight), never closer to the next item
    than the gap; the pulls from the left and from the right are averaged, keeping both the
    order and the spacing. Integers only."""
    centres: dict[str, int] = {}
    for nodes in order:
        x = 0
        for node in nodes:
            centres[node] = x + width_of(node) // 2
            x += width_of(node) + GAP

    def settle(nodes: list[str], wanted: list[int]) -> None:
        def apart(a: str, b: str) -> int:
            return width_of(a) // 2 + GAP + width_of(b) // 2

        forward = list(wanted)
        for i in range(1, len(nodes)):
            forward[i] = max(forward[i], forward[i - 1] + apart(nodes[i - 1], nodes[i]))
        backward = list(wanted)
        for i in range(len(nodes) - 2, -1, -1):
            backward[i] = min(backward[i], backward[i + 1] - apart(nodes[i], nodes[i + 1]))
        for node, a, b in zip(nodes, forward, backward):
            centres[node] = (a + b) // 2

    for _ in range(SWEEPS):
        for indices, neighbours in ((range(1, len(order)), above), (range(len(order) - 2, -1, -1), below)):
            for i in indices:
                wanted = []
                for node in order[i]:
                    near = [centres[n] for n in neighbours.get(node, [])]
                    wanted.append(sum(near) // len(near) if near else centres[node])
                settle(order[i], wanted)
    return centres


def layout(graph: Graph, shortcuts: Sequence[tuple[str, str]] = ()) -> Layout:
    """Lay out the transitive reduction of the graph, and the `shortcuts` (connections a path
    makes across a chapter it skips) in lanes of their own, so no line passes behind a box."""
    drawn = transitive_reduction(graph)
    layer = layer_of(graph)  # a chain is at least as long as the arrow it implies: the same layers
    reading = {spec.slug: index for index, spec in enumerate(graph.chapters)}
    depth = max(layer.values(), default=0) + 1
    layers: list[list[str]] = [[] for _ in range(depth)]
    rank: dict[str, int] = {}
    for spec in graph.chapters:
        layers[layer[spec.slug]].append(spec.slug)
        rank[spec.slug] = reading[spec.slug] * 1000
    # A chapter's arrows to later layers share one trunk of waypoints, one per layer they pass, and
    # branch off where they arrive; a shortcut has a lane of its own, shown only with its path.
    links: list[tuple[str, str]] = []  # drawn, between adjacent layers, waypoints included
    extra: list[tuple[str, str]] = []  # the shortcuts' links
    chains: list[tuple[str, str, list[str]]] = []
    for kind, edges in (("", drawn), (">", [s for s in shortcuts if s not in drawn])):
        for source, target in edges:
            chain = [source]
            for step in range(layer[source] + 1, layer[target]):
                waypoint = f"~{source}~{step}" if not kind else f"~{source}>{target}~{step}"
                if waypoint not in rank:
                    layers[step].append(waypoint)
                    rank[waypoint] = reading[source] * 1000 + (500 if not kind else 600 + reading[target])
                chain.append(waypoint)
            chain.append(target)
            into = extra if kind else links
            into += [link for link in zip(chain, chain[1:]) if link not in into]
            chains.append((kind + source, target, chain))
    for nodes in layers:
        nodes.sort(key=rank.__getitem__)
    above: dict[str, list[str]] = {}
    below: dict[str, list[str]] = {}
    for a, b in links + extra:
        below.setdefault(a, []).append(b)
        above.setdefault(b, []).append(a)

    def cost(order: list[list[str]]) -> tuple[int, int, int]:
        """What a drawing is judged by, in this order: crossings of the arrows, then chapters out
        of reading order within a layer (left to right), then crossings of the shortcuts."""
        between = range(len(order) - 1)
        inversions = 0
        for nodes in order:
            ranks = [rank[n] for n in nodes if not n.startswith("~")]
            inversions += sum(1 for i in range(len(ranks)) for j in range(i + 1, len(ranks)) if ranks[i] > ranks[j])
        return (
            sum(count_crossings(order[i], order[i + 1], links) for i in between),
            inversions,
            sum(count_crossings(order[i], order[i + 1], links + extra) for i in between),
        )

    def barycentre(node: str, where: dict[str, int], current: dict[str, int], neighbours: dict[str, list[str]]) -> tuple[Fraction, int]:
        near = [where[n] for n in neighbours.get(node, []) if n in where]
        return (Fraction(sum(near), len(near)) if near else Fraction(current[node]), rank[node])

    def sweep(order: list[list[str]], indices: range, neighbours: dict[str, list[str]], offset: int) -> None:
        for i in indices:
            where = {node: index for index, node in enumerate(order[i + offset])}
            current = {node: index for index, node in enumerate(order[i])}
            order[i].sort(key=lambda node, w=where, c=current: barycentre(node, w, c, neighbours))

    def trunk(node: str) -> str:
        return node.rsplit("~", 1)[0] if node.startswith("~") else node

    def improve(start: list[list[str]]) -> tuple[tuple[int, int, int], list[list[str]]]:
        best, fewest = [list(nodes) for nodes in start], cost(start)
        order = [list(nodes) for nodes in start]
        for _ in range(SWEEPS):
            sweep(order, range(1, depth), above, -1)
            sweep(order, range(depth - 2, -1, -1), below, 1)
            if cost(order) < fewest:
                best, fewest = [list(nodes) for nodes in order], cost(order)
        # Then move one item, or a whole trunk of waypoints at once, one place left or right while
        # that makes the drawing better: the sweeps can leave a crossing that such a move undoes.
        groups = sorted({trunk(node) for nodes in best for node in nodes})
        improved = True
        while improved:
            improved = False
            for group in groups:
                for step in (-1, 1):
                    trial = [list(nodes) for nodes in best]
                    for nodes in trial:
                        for i in [i for i, node in enumerate(nodes) if trunk(node) == group][::-step]:
                            if 0 <= i + step < len(nodes):
                                nodes[i], nodes[i + step] = nodes[i + step], nodes[i]
                    if cost(trial) < fewest:
                        best, fewest, improved = trial, cost(trial), True
        return fewest, best

    # Several starts, kept if better: waypoints beside their chapter, then all to the right of
    # each layer, then all to the left (a long trunk is rarely moved across a layer a step at a time).
    fewest, best = min(
        (
            improve([sorted(nodes, key=lambda node, side=side: (side * node.startswith("~"), rank[node])) for nodes in layers])
            for side in (0, 1, -1)
        ),
        key=lambda found: found[0],  # the first start wins a tie
    )

    def width_of(node: str) -> int:
        return WAYPOINT_WIDTH if node.startswith("~") else NODE_WIDTH

    centres = place(best, width_of, above, below)
    left = min(centres[n] - width_of(n) // 2 for n in centres)
    right = max(centres[n] + width_of(n) // 2 for n in centres)
    x_of = {node: MARGIN + centre - left for node, centre in centres.items()}
    top = {node: MARGIN + i * LAYER_STEP for i, nodes in enumerate(best) for node in nodes}
    boxes = {node: (x_of[node] - NODE_WIDTH // 2, top[node]) for node in x_of if not node.startswith("~")}
    routes: list[tuple[str, str, list[tuple[int, int]]]] = []
    shortcut_routes: list[tuple[str, str, list[tuple[int, int]]]] = []
    for source, target, chain in chains:
        # From the bottom of the box to the top of the next, and straight down through a layer
        # where the line only passes (its lane is kept free of boxes): a line bends only between layers.
        points = [(x_of[chain[0]], top[chain[0]] + NODE_HEIGHT)]
        for waypoint in chain[1:-1]:
            points += [(x_of[waypoint], top[waypoint]), (x_of[waypoint], top[waypoint] + NODE_HEIGHT)]
        points.append((x_of[target], top[target]))
        (shortcut_routes if source.startswith(">") else routes).append((source.removeprefix(">"), target, points))
    height = MARGIN * 2 + (depth - 1) * LAYER_STEP + NODE_HEIGHT
    return Layout(right - left + 2 * MARGIN, height, boxes, routes, fewest[0], best, shortcut_routes)


# Drawing ---------------------------------------------------------------------------------------


def wrap(text: str, limit: int = WRAP) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def curve(points: list[tuple[int, int]]) -> str:
    """A smooth path through the points, leaving and entering each one vertically."""
    (x, y), rest = points[0], points[1:]
    parts = [f"M{x} {y}"]
    for nx, ny in rest:
        middle = (y + ny) // 2
        parts.append(f"V{ny}" if nx == x else f"C{x} {middle} {nx} {middle} {nx} {ny}")  # straight down: fewer bytes
        x, y = nx, ny
    return "".join(parts)


def render_svg(
    graph: Graph,
    drawn: Layout,
    href: Callable[[str], str],
    data: Callable[[str], dict[str, str]] | None = None,
    skips: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> str:
    """The map as inline SVG: a link per chapter (keyboard-focusable), an arrow per prerequisite
    that no chain of others implies, and each path's own connections across a chapter it skips
    (`skips`: the keys of the paths that make each one), hidden until that path is chosen.
    Links use xlink:href: Material's instant navigation rewrites every element with an `href`
    attribute as if it were an HTML link, which throws on SVG links."""
    number = {spec.slug: index + 1 for index, spec in enumerate(graph.chapters)}
    titles = {spec.slug: spec.title for spec in graph.chapters}
    out = [
        f'<svg class="rm-map__svg" viewBox="0 0 {drawn.width} {drawn.height}" width="{drawn.width}" height="{drawn.height}" '
        'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" aria-labelledby="rm-map-title">',
        '<title id="rm-map-title">Map of the chapters: each arrow leads from a chapter to one that builds on it directly</title>',
        '<defs><marker id="rm-map-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M0 0L8 4L0 8z"/></marker></defs>',
        '<g class="rm-map__edges" aria-hidden="true">',
    ]
    for source, target, points in drawn.routes:
        out.append(f'<path d="{curve(points)}" data-rm-from="{source}" data-rm-to="{target}" marker-end="url(#rm-map-arrow)"/>')
    for source, target, points in drawn.shortcuts:
        keys = " ".join((skips or {}).get((source, target), ()))
        out.append(
            f'<path class="rm-map__skip" d="{curve(points)}" data-rm-from="{source}" data-rm-to="{target}" '
            f'data-rm-routes="{escape(keys)}" marker-end="url(#rm-map-arrow)"/>'
        )
    out.append("</g>")
    out.append('<g class="rm-map__nodes">')
    for spec in graph.chapters:
        x, y = drawn.boxes[spec.slug]
        needs = [titles[s] for s in graph.prerequisites_of(spec.slug)]
        about = f"Builds on {', '.join(needs)}." if needs else "No prerequisites."
        extra = "".join(f' {name}="{escape(value)}"' for name, value in (data(spec.slug) if data else {}).items())
        out.append(
            f'<a xlink:href="{escape(href(spec.slug))}" class="rm-map__node rm-map__node--part{spec.part}" '
            f'data-rm-map-chapter="{spec.slug}"{extra}><desc>{escape(about)}</desc>'
        )
        out.append(f'<rect class="rm-map__box" x="{x}" y="{y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="8"/>')
        lines = wrap(f"{number[spec.slug]}. {spec.title}")
        top = y + NODE_HEIGHT // 2 - (len(lines) - 1) * LINE_HEIGHT // 2 + 4
        # The name is the box's own text; a trailing space keeps wrapped lines apart when read.
        spans = "".join(f'<tspan x="{x + NODE_WIDTH // 2}" y="{top + i * LINE_HEIGHT}">{escape(t)} </tspan>' for i, t in enumerate(lines))
        out.append(f"<text>{spans}</text>")
        out.append("</a>")
    out.append("</g></svg>")
    return "".join(out)


def text_alternative(graph: Graph, href: Callable[[str], str]) -> str:
    """The same graph as a list: each chapter, in reading order, with what it builds on."""
    titles = {spec.slug: spec.title for spec in graph.chapters}
    items = []
    for spec in graph.chapters:
        needs = graph.prerequisites_of(spec.slug)
        inner = "".join(f'<li><a href="{escape(href(s))}">{escape(titles[s])}</a></li>' for s in needs)
        builds = f"<ul>{inner}</ul>" if needs else " (no prerequisites)"
        items.append(f'<li><a href="{escape(href(spec.slug))}">{escape(spec.title)}</a>{":" if needs else ""}{builds}</li>')
    return f'<ol class="rm-map__list">{"".join(items)}</ol>'


# From the docs ---------------------------------------------------------------------------------


def chapter_specs(config: dict | None = None, parsed: Mapping[str, Document] | None = None) -> list[ChapterSpec]:
    """Every chapter in reading order, with its title, part and declared prerequisites; from the
    documents already `parsed` (by path, as "docs/x.md") where given, else read from disk."""
    from scripts.content.entries import parse_file
    from scripts.content.project import PARTS, chapters, prerequisites

    specs = []
    for chapter in chapters(config):
        path = f"docs/{chapter.path}"
        document = (parsed or {}).get(path) or parse_file(chapter.source)
        meta = (yaml.safe_load(document.front_matter) if document.front_matter else None) or {}
        declared = tuple((str(Path(p.target).with_suffix("")), p.line) for p in prerequisites(document.sections()))
        specs.append(ChapterSpec(chapter.slug, str(meta.get("title", chapter.slug)), PARTS.index(chapter.part) + 1, path, declared))
    return specs


def figure(
    graph: Graph,
    drawn: Layout,
    href: Callable[[str], str],
    routes: Sequence[tuple[str, str, Sequence[str], Sequence[str]]] = (),
    caption: str = "",
    data: Callable[[str], dict[str, str]] | None = None,
) -> str:
    """The map as the site shows it: a caption, the path buttons (shown by JavaScript; each route
    is a key, a title, its chapters and those it skims), the SVG in a scrolling frame, and the
    same graph as a list for anyone who cannot use the drawing."""
    buttons = "".join(
        f'<button type="button" class="md-button rm-map__route" aria-pressed="false" data-rm-route="{escape(key)}" '
        f'data-rm-route-chapters="{escape(" ".join(slugs))}" data-rm-route-skim="{escape(" ".join(skims))}">{escape(title)}</button>'
        for key, title, slugs, skims in routes
    )
    chooser = f'<p class="rm-map__routes" hidden><span>Highlight a path:</span> {buttons}</p>' if routes else ""
    skips: dict[tuple[str, str], list[str]] = {}
    for key, _, slugs, _ in routes:
        for link in route_links(graph, slugs):
            skips.setdefault(link, []).append(key)
    return (
        f'<figure class="rm-map" id="the-map" aria-labelledby="rm-map-caption">'
        f'<figcaption id="rm-map-caption">{caption or "The map of the chapters"}</figcaption>{chooser}'
        f'<div class="rm-map__frame">{render_svg(graph, drawn, href, data, skips)}</div>'
        f'<details class="rm-map__alt abstract"><summary>The map as a list</summary>{text_alternative(graph, href)}</details>'
        f"</figure>"
    )
