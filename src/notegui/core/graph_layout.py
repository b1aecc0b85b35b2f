"""Where each note of a citation graph goes: igraph's Fruchterman-Reingold layout, seeded
with rings (the centre in the middle, each step of depth one ring further out) so that a
note's graph reads from the middle outwards and comes out the same each time. No Qt:
positions are plain numbers, in the scene's units (pixels at zoom 1).

Why igraph (docs/graph.md): its layouts are C, wheels for Linux, Windows and macOS (abi3,
one per platform for every Python), no NumPy; at 500 nodes a layout takes ~10 ms where
rustworkx's spring layout takes ~120 ms and networkx's needs SciPy besides."""

from __future__ import annotations

import math
import random
from statistics import median

from notegui.core.citation_graph import CitationGraph

SPACING = 140.0  # the typical (median) length of a link, in scene units
_ITERATIONS = 100
# From this many nodes the layout uses igraph's grid (repulsion from near nodes only):
# linear rather than quadratic in the nodes, and as good at these sizes. Measured on
# depth-2 graphs of a 100,000-note library (37-199 nodes): median 10 ms, slowest 19 ms,
# where without the grid they took 17 and 54.
_GRID_FROM = 100

Point = tuple[float, float]


def layout(graph: CitationGraph, spacing: float = SPACING) -> dict[int, Point]:
    """A position for each note of ``graph`` (by id); the centre, if any, at (0, 0)."""
    ids = graph.ids()
    if not ids:
        return {}
    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    import igraph  # (here, not at the top: 65 ms to import, which no start should wait for)

    index = {note_id: i for i, note_id in enumerate(ids)}
    # Undirected for the layout: who cites whom changes nothing of where notes sit.
    pairs = sorted({(min(index[a], index[b]), max(index[a], index[b]))
                    for a, b in graph.edges if a != b})
    network = igraph.Graph(n=len(ids), edges=pairs)
    # igraph draws random numbers (nodes that meet are nudged apart) from the generator
    # it is given: a fresh one, seeded alike, makes a graph come out the same every time.
    igraph.set_random_number_generator(random.Random(len(ids)))
    seed = _rings(graph) if graph.centre is not None else _scatter(ids)
    placed = network.layout_fruchterman_reingold(
        seed=seed, niter=_ITERATIONS, grid=len(ids) >= _GRID_FROM)
    points = [(float(x), float(y)) for x, y in placed.coords]
    scale = spacing / _typical_length(points, pairs)
    cx, cy = points[index[graph.centre]] if graph.centre in index else _middle(points)
    return {note_id: ((x - cx) * scale, (y - cy) * scale)
            for note_id, (x, y) in zip(ids, points, strict=True)}


def _rings(graph: CitationGraph) -> list[list[float]]:
    """Each note on the ring of its depth, spread evenly round it in the graph's order."""
    by_depth: dict[int, list[int]] = {}
    for node in graph.nodes:
        by_depth.setdefault(node.depth, []).append(node.ref.id)
    where: dict[int, list[float]] = {}
    for depth, ring in by_depth.items():
        turn = 0.37 * depth  # (rings turned a little each, so no spokes line up)
        for i, note_id in enumerate(ring):
            angle = turn + 2 * math.pi * i / len(ring)
            where[note_id] = [depth * math.cos(angle), depth * math.sin(angle)]
    return [where[note_id] for note_id in graph.ids()]


def _scatter(ids: list[int]) -> list[list[float]]:
    """Each note at a place its id alone decides: the same library view lays out alike."""
    side = math.sqrt(len(ids))
    return [[random.Random(note_id).uniform(-side, side),
             random.Random(~note_id).uniform(-side, side)] for note_id in ids]


def _typical_length(points: list[Point], pairs: list[tuple[int, int]]) -> float:
    """The median link's length, or for a graph without links the median distance from
    the middle; never 0."""
    if pairs:
        lengths = [math.dist(points[a], points[b]) for a, b in pairs]
    else:
        middle = _middle(points)
        lengths = [math.dist(point, middle) for point in points]
    return max(median(lengths), 1e-6)


def _middle(points: list[Point]) -> Point:
    return (sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points))
