"""The citation graph's reads (store/graph.py, through the Library port) and its layout
(core/graph_layout.py): the right notes and links at each depth, stubs marked, the Trash
left out, the limit said; the whole library filtered; a layout that is the same each time."""

from __future__ import annotations

import math
from statistics import median

import pytest

from graph_library import TITLES, letters, make_graph_library
from notegui.core.citation_graph import CitationGraph
from notegui.core.graph_layout import SPACING, layout
from notegui.gui.graph_panel import capped_message


@pytest.fixture
def ids(library):
    return make_graph_library(library)


def edges(graph: CitationGraph, ids: dict[str, int]) -> set[str]:
    by_id = {note_id: letter for letter, note_id in ids.items()}
    return {by_id[a] + by_id[b] for a, b in graph.edges}


def test_depth_one_is_what_the_note_cites_and_what_cites_it(library, ids):
    graph = library.neighbourhood(ids["A"], 1, 100)
    assert letters(ids, graph.ids()) == {"A", "B", "C", "F"}
    assert edges(graph, ids) == {"AB", "AC", "FA"}
    assert graph.centre == ids["A"] and graph.ids()[0] == ids["A"]
    assert {node.ref.id: node.depth for node in graph.nodes}[ids["F"]] == 1
    assert not graph.capped and capped_message(graph) == ""


def test_depth_two_and_three_reach_further_either_way(library, ids):
    two = library.neighbourhood(ids["A"], 2, 100)
    assert letters(ids, two.ids()) == {"A", "B", "C", "F", "D", "S"}
    assert edges(two, ids) == {"AB", "AC", "FA", "BD", "CS"}
    three = library.neighbourhood(ids["A"], 3, 100)
    assert letters(ids, three.ids()) == {"A", "B", "C", "F", "D", "S", "E"}
    assert {node.ref.id: node.depth for node in three.nodes}[ids["E"]] == 3
    # Backwards too: from E, three steps lead back to A through D and B.
    back = library.neighbourhood(ids["E"], 3, 100)
    assert letters(ids, back.ids()) == {"E", "D", "B", "A"}
    assert [node.depth for node in back.nodes] == [0, 1, 2, 3]


def test_stubs_are_marked(library, ids):
    graph = library.neighbourhood(ids["C"], 1, 100)
    stubs = {node.ref.id for node in graph.nodes if node.ref.is_stub}
    assert stubs == {ids["S"]}


def test_a_depth_out_of_range_is_held_to_one_to_three(library, ids):
    assert library.neighbourhood(ids["A"], 0, 100).ids() == \
        library.neighbourhood(ids["A"], 1, 100).ids()
    assert set(library.neighbourhood(ids["F"], 9, 100).ids()) == \
        set(library.neighbourhood(ids["F"], 3, 100).ids())


def test_notes_in_the_trash_are_left_out(library, ids):
    library.trash_note(ids["B"])
    graph = library.neighbourhood(ids["A"], 3, 100)
    assert letters(ids, graph.ids()) == {"A", "C", "F", "S"}
    assert ids["B"] not in {n for edge in graph.edges for n in edge}


def test_the_limit_keeps_the_nearest_and_says_so(library, ids):
    graph = library.neighbourhood(ids["A"], 3, 4)
    assert len(graph.nodes) == 4 and graph.capped
    assert letters(ids, graph.ids()) == {"A", "B", "C", "F"}  # depth one, all of it
    assert all(a in graph.ids() and b in graph.ids() for a, b in graph.edges)
    assert "nearest 4 notes" in capped_message(graph)


def test_the_whole_library_filtered_by_a_search_or_a_tag(library, ids):
    tagged = library.library_graph("tag:core", 100)
    assert letters(ids, tagged.ids()) == {"A", "G"}
    assert tagged.centre is None and tagged.edges == ()
    words = library.library_graph("alone", 100)
    assert letters(ids, words.ids()) == {"G", "H"}
    assert library.library_graph("nothing-like-this-anywhere", 100).nodes == ()


def test_the_whole_library_unfiltered_is_every_note_or_the_most_cited(library, ids):
    everything = library.library_graph("", 100)
    assert letters(ids, everything.ids()) == set(ids)
    assert edges(everything, ids) == {"AB", "AC", "FA", "BD", "CS", "DE"}
    assert not everything.capped
    few = library.library_graph("", 3)
    assert len(few.nodes) == 3 and few.capped and few.total == 9
    assert all(node.ref.id in {ids[x] for x in "ABCDES"} for node in few.nodes)  # cited
    assert "3 most cited notes of 9" in capped_message(few)
    filtered = library.library_graph("is:stub", 100)
    assert letters(ids, filtered.ids()) == {"S"}


def test_the_layout_is_the_same_each_time_with_the_centre_in_the_middle(library, ids):
    graph = library.neighbourhood(ids["A"], 3, 100)
    first, again = layout(graph), layout(graph)
    assert first == again
    assert set(first) == set(graph.ids())
    assert first[ids["A"]] == (0.0, 0.0)
    points = list(first.values())
    assert min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:]) > 10
    lengths = [math.dist(first[a], first[b]) for a, b in graph.edges]
    assert median(lengths) == pytest.approx(SPACING, rel=0.01)


def test_a_layout_of_one_note_or_of_notes_without_links(library, ids):
    alone = library.neighbourhood(ids["G"], 2, 100)
    assert layout(alone) == {ids["G"]: (0.0, 0.0)}
    apart = library.library_graph("alone", 100)
    placed = layout(apart)
    assert set(placed) == {ids["G"], ids["H"]} and placed[ids["G"]] != placed[ids["H"]]
    assert layout(CitationGraph()) == {}


def test_the_titles_are_the_notes(library, ids):
    graph = library.neighbourhood(ids["A"], 1, 100)
    titles = {node.ref.title for node in graph.nodes}
    assert titles == {TITLES[x] for x in "ABCF"}
