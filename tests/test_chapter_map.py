"""The map of the chapters: the graph builder on small fixture chapters, its linter messages,
and the drawing's guarantees (every edge flows down, nothing overlaps, the same bytes twice)."""

from __future__ import annotations

import re

from scripts.content.chapter_map import (
    NODE_HEIGHT,
    NODE_WIDTH,
    WRAP,
    ChapterSpec,
    build_graph,
    chapter_specs,
    figure,
    layout,
    render_svg,
    text_alternative,
    wrap,
)
from scripts.content.entries import Problem
from scripts.content.lint import with_map_problems


def spec(slug: str, *needs: str, part: int = 2) -> ChapterSpec:
    return ChapterSpec(slug, slug.title(), part, f"docs/{slug}.md", tuple((n, 10 + i) for i, n in enumerate(needs)))


DIAMOND = [spec("a", part=1), spec("b", "a"), spec("c", "a"), spec("d", "b", "c"), spec("e", "a", "d")]


def test_edges_are_the_declared_prerequisites_in_order() -> None:
    graph, problems = build_graph(DIAMOND)
    assert problems == []
    assert graph.edges == (("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("a", "e"), ("d", "e"))
    assert graph.prerequisites_of("d") == ["b", "c"]


def test_a_missing_chapter_and_a_cycle_are_errors_at_their_lines() -> None:
    specs = [spec("a", part=1), spec("b", "a", "d"), spec("c", "b", "ghost"), spec("d", "c")]
    graph, problems = build_graph(specs)
    assert [(p.path, p.line, p.message) for p in problems] == [
        ("docs/b.md", 11, "prerequisite d.md makes a cycle: d → b → c → d"),  # blamed on the link that points forward
        ("docs/c.md", 11, "prerequisite ghost.md is not a chapter of the roadmap"),
    ]
    assert ("d", "b") not in graph.edges and ("c", "d") in graph.edges
    _, own = build_graph([spec("a", "a", part=1)])
    assert [p.message for p in own] == ["prerequisite a.md makes a cycle: a → a"]


def test_the_linter_gives_one_message_per_bad_line() -> None:
    """A forward link that closes a cycle is reported as the cycle, not also as "not earlier"."""
    specs = [spec("a", part=1), spec("b", "a", "c"), spec("c", "b")]
    earlier = Problem("docs/b.md", 11, "prerequisite c.md is not an earlier chapter", "…")
    other = Problem("docs/b.md", 30, "3 key concepts", "…")
    kept = with_map_problems([earlier, other], {"docs/b.md"}, specs)
    assert [(p.line, p.message) for p in kept] == [(30, "3 key concepts"), (11, "prerequisite c.md makes a cycle: c → b → c")]
    assert with_map_problems([other], {"docs/a.md"}, specs) == [other]  # only the files being linted


def test_every_edge_flows_down_and_no_boxes_overlap() -> None:
    graph, _ = build_graph(chapter_specs())
    drawn = layout(graph)
    for source, target, points in drawn.routes:
        assert all(b[1] > a[1] for a, b in zip(points, points[1:])), (source, target)  # always downwards
        assert points[0][1] == drawn.boxes[source][1] + NODE_HEIGHT and points[-1][1] == drawn.boxes[target][1]
    rows: dict[int, list[int]] = {}
    for x, y in drawn.boxes.values():
        rows.setdefault(y, []).append(x)
    for xs in rows.values():
        xs.sort()
        assert all(b - a >= NODE_WIDTH for a, b in zip(xs, xs[1:]))
    assert all(0 <= x and x + NODE_WIDTH <= drawn.width for x, _ in drawn.boxes.values())


def test_a_diamond_is_drawn_without_crossings() -> None:
    graph, _ = build_graph(DIAMOND)
    assert layout(graph).crossings == 0


def test_the_drawing_is_the_same_bytes_every_time_and_holds_only_integers() -> None:
    graph, _ = build_graph(chapter_specs())
    first = render_svg(graph, layout(graph), lambda slug: f"{slug}/")
    again = render_svg(build_graph(chapter_specs())[0], layout(build_graph(chapter_specs())[0]), lambda slug: f"{slug}/")
    assert first == again
    numbers = re.findall(r' (?:x|y|width|height|d)="([^"]*)"', first)
    assert not any("." in value for value in numbers)  # no floating point to round differently elsewhere


def test_every_title_fits_its_box_in_two_lines() -> None:
    for chapter in chapter_specs():
        lines = wrap(f"23. {chapter.title}")
        assert len(lines) <= 2 and all(len(line) <= WRAP for line in lines), chapter.title


def test_the_figure_links_every_chapter_and_lists_the_same_graph() -> None:
    graph, _ = build_graph(DIAMOND)
    html = figure(graph, layout(graph), lambda slug: f"../{slug}/", [("p", "A path", ["a", "b"], ["a"])], "Caption")
    assert html.count('class="rm-map__node ') == 5 and html.count("data-rm-from=") == 6
    assert 'data-rm-map-chapter="d"><desc>Builds on B, C.</desc>' in html and "<desc>No prerequisites.</desc>" in html
    assert '<tspan x="' in html and '>4. D </tspan>' in html  # the visible text is the link's name
    assert 'data-rm-route-chapters="a b" data-rm-route-skim="a"' in html
    listed = text_alternative(graph, lambda slug: f"../{slug}/")
    assert listed.count("<li>") + listed.count("<li ") == 5 + 6  # a chapter each, and each prerequisite under it


# ---------- in the built site ----------


def test_the_built_home_and_map_pages_draw_every_chapter_and_declared_prerequisite(site) -> None:  # type: ignore[no-untyped-def]
    graph, problems = build_graph(chapter_specs())
    assert problems == []
    declared = sorted((source, s.slug) for s in chapter_specs() for source, _ in s.prerequisites)
    assert len(graph.chapters) == 23 and sorted(graph.edges) == declared  # none left out, none invented
    for page in (site.site / "index.html", site.site / "map" / "index.html"):
        html = page.read_text(encoding="utf-8")
        nodes = re.findall(r'data-rm-map-chapter="([^"]+)"', html)
        edges = sorted(re.findall(r'data-rm-from="([^"]+)" data-rm-to="([^"]+)"', html))
        assert nodes == [s.slug for s in graph.chapters] and edges == declared, page
    home = (site.site / "index.html").read_text(encoding="utf-8")
    assert 'href="transformer/"' in home and 'href="map/"' in home and "data-rm-map-ids" not in home  # the cards hold the ids
    mapped = (site.site / "map" / "index.html").read_text(encoding="utf-8")
    assert 'href="../transformer/"' in mapped and "data-rm-map-ids" in mapped
