"""The citation graph as the store hands it over: notes (with how many steps each is from
the note in the middle) and who cites whom. Values only; ``store/graph.py`` reads them,
``core/graph_layout.py`` places them, ``gui/graph_view.py`` draws them."""

from __future__ import annotations

from dataclasses import dataclass

from notegui.core.domain import NoteRef

MAX_DEPTH = 3
# How many notes one graph shows at most. Beyond a few hundred circles a graph is a blot
# to a reader, and the layout and drawing grow with it: the graph says it was cut instead.
LOCAL_LIMIT = 400
LIBRARY_LIMIT = 1500


@dataclass(frozen=True)
class GraphNode:
    ref: NoteRef
    depth: int = 0  # steps from the centre along citations either way (0: the centre)


@dataclass(frozen=True)
class CitationGraph:
    """``edges``: (citing note id, cited note id), both among ``nodes``. ``centre``: the
    note the graph is around (None: a view of the library). ``capped``: more notes were
    there than ``limit``; the nearest (or best matching) were kept. ``total``: how many
    notes the view's selection had, when known (0: not counted)."""

    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[tuple[int, int], ...] = ()
    centre: int | None = None
    capped: bool = False
    limit: int = 0
    total: int = 0
    query: str = ""

    def ids(self) -> list[int]:
        return [node.ref.id for node in self.nodes]


