"""The map of the chapters: the graph builder on small fixture chapters, its linter messages,
and the drawing's guarantees (only the arrows no chain implies, every one flowing down, at most
3 crossings, no line behind a box, nothing overlapping, the same bytes twice)."""

from __future__ import annotations

import re
from fractions import Fraction

from scripts.content.chapter_map import (
    NODE_HEIGHT,
    NODE_WIDTH,
    WRAP,
    ChapterSpec,
    Layout,
    build_graph,
    chapter_specs,
    figure,
    layout,
    render_svg,
    route_links,
    shortcuts,
    text_alternative,
    transitive_reduction,
    wrap,
)
from scripts.content.entries import Problem
from scripts.content.learning_paths import learning_paths
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


CHAIN = [spec("a", part=1), spec("b", "a"), spec("c", "a", "b")]  # a → b → c, and a → c declared too


def our_paths() -> list[list[str]]:
    return [[step.slug for step in path.steps] for path in learning_paths()]


def test_an_arrow_a_chain_implies_is_not_drawn_but_still_listed() -> None:
    graph, _ = build_graph(CHAIN)
    assert transitive_reduction(graph) == (("a", "b"), ("b", "c"))
    svg = render_svg(graph, layout(graph), lambda slug: f"{slug}/")
    assert re.findall(r'data-rm-from="(\w)" data-rm-to="(\w)"', svg) == [("a", "b"), ("b", "c")]  # 2 arrows, not 3
    assert 'data-rm-map-chapter="c"><desc>Builds on A, B.</desc>' in svg  # the tooltip names every prerequisite
    listed = text_alternative(graph, lambda slug: f"{slug}/")
    assert listed.count('<a href="a/">A</a>') == 3  # c's entry names a again


def test_the_reduction_keeps_what_no_chain_implies() -> None:
    graph, _ = build_graph(DIAMOND)
    assert transitive_reduction(graph) == (("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"))
    ours, _ = build_graph(chapter_specs())
    reduced = transitive_reduction(ours)
    assert set(reduced) < set(ours.edges)
    for source, target in set(ours.edges) - set(reduced):  # each one left out is implied by a chain of drawn arrows
        reach, frontier = set(), [source]
        while frontier:
            node = frontier.pop()
            frontier += [t for s, t in reduced if s == node and t not in reach and not (s == source and t == target)]
            reach.update(t for s, t in reduced if s == node)
        assert target in reach, (source, target)


def test_a_path_that_skips_a_chapter_connects_the_chapters_either_side() -> None:
    graph, _ = build_graph(CHAIN)
    assert route_links(graph, ["a", "b", "c"]) == [("a", "b"), ("b", "c")]  # the drawn arrows
    assert route_links(graph, ["a", "c"]) == [("a", "c")]
    assert shortcuts(graph, [["a", "b", "c"], ["a", "c"]]) == [("a", "c")]
    drawn = layout(graph, [("a", "c")])
    html = figure(graph, drawn, lambda slug: f"{slug}/", [("all", "All", ["a", "b", "c"], []), ("quick", "Quick", ["a", "c"], ["a"])])
    assert html.count('class="rm-map__skip"') == 1 and 'data-rm-from="a" data-rm-to="c" data-rm-routes="quick"' in html
    assert drawn.crossings == 0 and len(drawn.routes) == 2


def test_chapters_of_one_layer_read_left_to_right() -> None:
    graph, _ = build_graph([spec("a", part=1), spec("b", "a"), spec("c", "a"), spec("d", "a"), spec("e", "d", "b")])
    drawn = layout(graph)
    assert sorted(["b", "c", "d"], key=lambda slug: drawn.boxes[slug][0]) == ["b", "c", "d"]


def crossings_drawn(drawn: Layout) -> int:
    """Crossings counted on the drawing itself: between two layers every line runs from the bottom
    of one to the top of the next, and two lines there cross when their left-right order swaps."""
    spans: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for _, _, points in drawn.routes:
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            if x1 != x2 or (y2 - y1) != NODE_HEIGHT:  # a line's straight run through a layer is no crossing
                spans.setdefault((y1, y2), set()).add((x1, x2))
    return sum(1 for lines in spans.values() for a in lines for b in lines if a < b and (a[0] - b[0]) * (a[1] - b[1]) < 0)


def test_our_chapters_draw_at_most_three_crossings() -> None:
    graph, _ = build_graph(chapter_specs())
    drawn = layout(graph, shortcuts(graph, our_paths()))
    assert len(drawn.routes) == len(transitive_reduction(graph)) < len(graph.edges)
    assert crossings_drawn(drawn) == drawn.crossings <= 3


def test_no_line_passes_behind_a_box() -> None:
    graph, _ = build_graph(chapter_specs())
    drawn = layout(graph, shortcuts(graph, our_paths()))
    assert drawn.shortcuts  # a path on Start here skips a chapter: its connection is tested too
    for source, target, points in drawn.routes + drawn.shortcuts:
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            middle = Fraction(y1 + y2, 2)  # the curve drawn by `curve`, sampled exactly
            for k in range(33):
                t = Fraction(k, 32)
                x = x1 + (x2 - x1) * (3 * t * t - 2 * t * t * t)
                y = (1 - t) ** 3 * y1 + 3 * (1 - t) * t * (1 - t) * middle + 3 * (1 - t) * t * t * middle + t**3 * y2
                inside = [s for s, (bx, by) in drawn.boxes.items() if bx < x < bx + NODE_WIDTH and by < y < by + NODE_HEIGHT]
                assert inside == [], (source, target, inside)


def test_every_edge_flows_down_and_no_boxes_overlap() -> None:
    graph, _ = build_graph(chapter_specs())
    drawn = layout(graph, shortcuts(graph, our_paths()))
    for source, target, points in drawn.routes + drawn.shortcuts:
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
    first = render_svg(graph, layout(graph, shortcuts(graph, our_paths())), lambda slug: f"{slug}/")
    again_graph = build_graph(chapter_specs())[0]
    again = render_svg(again_graph, layout(again_graph, shortcuts(again_graph, our_paths())), lambda slug: f"{slug}/")
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
    assert html.count('class="rm-map__node ') == 5 and html.count("data-rm-from=") == 5  # a → e is implied by a → b → d → e
    assert 'data-rm-map-chapter="d"><desc>Builds on B, C.</desc>' in html and "<desc>No prerequisites.</desc>" in html
    assert '<tspan x="' in html and ">4. D </tspan>" in html  # the visible text is the link's name
    assert 'data-rm-route-chapters="a b" data-rm-route-skim="a"' in html
    listed = text_alternative(graph, lambda slug: f"../{slug}/")
    assert listed.count("<li>") + listed.count("<li ") == 5 + 6  # a chapter each, and each prerequisite under it


# ---------- in the built site ----------


def test_the_built_home_and_map_pages_draw_every_chapter_and_list_every_declared_prerequisite(site) -> None:  # type: ignore[no-untyped-def]
    graph, problems = build_graph(chapter_specs())
    assert problems == []
    declared = sorted((source, s.slug) for s in chapter_specs() for source, _ in s.prerequisites)
    assert len(graph.chapters) == 23 and sorted(graph.edges) == declared  # none left out, none invented
    titles = {s.slug: s.title for s in graph.chapters}
    for page in (site.site / "index.html", site.site / "map" / "index.html"):
        html = page.read_text(encoding="utf-8")
        nodes = re.findall(r'data-rm-map-chapter="([^"]+)"', html)
        edges = sorted(re.findall(r'<path d="[^"]+" data-rm-from="([^"]+)" data-rm-to="([^"]+)"', html))
        assert nodes == [s.slug for s in graph.chapters] and edges == sorted(transitive_reduction(graph)), page
        for chapter in graph.chapters:  # each tooltip still names every declared prerequisite
            needs = [titles[s] for s in graph.prerequisites_of(chapter.slug)]
            assert f'data-rm-map-chapter="{chapter.slug}"' in html
            if needs:
                assert re.search(
                    rf'data-rm-map-chapter="{chapter.slug}"[^>]*><desc>Builds on {re.escape(", ".join(needs))}\.</desc>', html
                ), chapter.slug
        listed = html.split('class="rm-map__list"')[1].split("</ol>")[0]
        assert listed.count("<li>") == len(graph.chapters) + len(declared)  # and so does the list: a chapter each, and its prerequisites
    # The map's stylesheet comes with the drawing: on these two pages, and on no other.
    for page in sorted(site.site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert ("stylesheets/map.css" in html) == ('class="rm-map"' in html), page
        assert 'class="rm-map"' not in html or html.index("stylesheets/map.css") < html.index('class="rm-map"'), page
    assert "rm-map" not in (site.site / "assets" / "stylesheets" / "roadmap.css").read_text(encoding="utf-8")
    home = (site.site / "index.html").read_text(encoding="utf-8")
    assert 'href="transformer/"' in home and 'href="map/"' in home and "data-rm-map-ids" not in home  # the cards hold the ids
    mapped = (site.site / "map" / "index.html").read_text(encoding="utf-8")
    assert 'href="../transformer/"' in mapped and "data-rm-map-ids" in mapped
