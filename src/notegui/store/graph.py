"""The citation graph's reads (``core/citation_graph.py``): the notes around one note, to a
depth, and a view of the whole library (its most cited notes, or those a search finds),
each with the links among them and cut at a limit. Sets of ids go to SQLite as one JSON
array (``json_each``): no statement per note, no variable limit to chunk around."""

from __future__ import annotations

import json
from collections.abc import Sequence

from peewee import SqliteDatabase

from notegui.core.citation_graph import MAX_DEPTH, CitationGraph, GraphNode
from notegui.store import search

_IDS = "(SELECT value FROM json_each(?))"

# Both directions at once: what the frontier cites, then what cites it (the link table's
# unique (source_id, ...) index and its link_target index answer each half).
_NEIGHBOURS = (f"SELECT target_id FROM link WHERE source_id IN {_IDS} "
               f"UNION ALL SELECT source_id FROM link WHERE target_id IN {_IDS}")


def neighbourhood(database: SqliteDatabase, note_id: int, depth: int,
                  limit: int) -> CitationGraph:
    """The note ``note_id`` and the notes up to ``depth`` (1-3) citations away from it,
    either way, nearest first, at most ``limit`` of them (``capped`` when more were
    there); notes in the Trash left out (but the centre, which may be one)."""
    depth = max(1, min(MAX_DEPTH, depth))
    trashed = {row[0] for row in database.execute_sql(search.TRASHED)}
    depth_of: dict[int, int] = {note_id: 0}
    frontier = [note_id]
    capped = False
    for step in range(1, depth + 1):
        if not frontier:
            break
        ids = json.dumps(frontier)
        # Read lazily and stopped at the limit: a note cited by 50,000 others costs only
        # the rows that fit.
        cursor = database.execute_sql(_NEIGHBOURS, (ids, ids))
        found: list[int] = []
        try:
            for (other,) in cursor:
                if other in depth_of or other in trashed:
                    continue
                if len(depth_of) >= limit:
                    capped = True
                    break
                depth_of[other] = step
                found.append(other)
        finally:
            cursor.close()
        frontier = found
        if capped:
            break
    return _graph(database, list(depth_of), depth_of, note_id, capped, limit)


def library_graph(database: SqliteDatabase, query: str, limit: int) -> CitationGraph:
    """A view of the whole library: the notes ``query`` finds (the search box's syntax:
    words, tag:NAME, is:stub), best first; with no query, every note when they are at most
    ``limit``, else the ``limit`` most cited. Cut at ``limit`` (``capped``)."""
    query = query.strip()
    total = 0
    if query:
        hits = search.search(database, query, limit + 1, ("", ""), quick=True)
        ids = [hit.note.id for hit in hits]
    else:
        total = database.execute_sql(
            f"SELECT (SELECT count(*) FROM note) - (SELECT count(*) FROM ({search.TRASHED}))"
        ).fetchone()[0]
        if total <= limit:
            ids = [row[0] for row in database.execute_sql(
                f"SELECT n.id FROM note AS n WHERE {search.IN_LIBRARY} ORDER BY n.title_key")]
        else:
            # The most cited first: one pass over the link_target index.
            ids = [row[0] for row in database.execute_sql(
                f"SELECT target_id FROM link WHERE target_id NOT IN ({search.TRASHED}) "
                "GROUP BY target_id ORDER BY count(*) DESC, target_id LIMIT ?", (limit + 1,))]
    capped = len(ids) > limit or (not query and total > limit)
    ids = ids[:limit]
    return _graph(database, ids, dict.fromkeys(ids, 0), None, capped, limit, total, query)


def _graph(database: SqliteDatabase, ids: Sequence[int], depth_of: dict[int, int],
           centre: int | None, capped: bool, limit: int, total: int = 0,
           query: str = "") -> CitationGraph:
    """The graph of the notes ``ids`` (in that order) and every link among them."""
    listed = json.dumps(list(ids))
    refs = {row[0]: search.ref_from_row(row) for row in database.execute_sql(
        f"SELECT {search.REF_COLUMNS} FROM note WHERE id IN {_IDS}", (listed,))}
    edges = tuple(
        (row[0], row[1]) for row in database.execute_sql(
            f"SELECT source_id, target_id FROM link WHERE source_id IN {_IDS} "
            f"AND target_id IN {_IDS} ORDER BY source_id, ordinal", (listed, listed)))
    nodes = tuple(GraphNode(refs[note_id], depth_of[note_id]) for note_id in ids
                  if note_id in refs)
    return CitationGraph(nodes, edges, centre, capped, limit, total, query)
