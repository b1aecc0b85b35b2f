"""Annotations: stored apart from the note text, with the selectors of core.anchoring."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from notegui.core.domain import HIGHLIGHT_COLORS, Annotation
from notegui.core.errors import LibraryError
from notegui.core.search_query import parse_query
from notegui.store import schema
from notegui.store import search as search_sql
from notegui.store.db import inserted_id

_COLUMNS = (
    "n.title, a.exact, a.prefix, a.suffix, a.start, a.\"end\", a.comment, a.color, a.created,"
    f" a.updated, a.id, a.note_id, a.detached, n.path, {search_sql.shared_sql('n')}"
)
_FROM = "FROM annotation AS a JOIN note AS n ON n.id = a.note_id"


def _annotation(row: tuple[Any, ...]) -> Annotation:
    (title, exact, prefix, suffix, start, end, comment, color, created, updated, annotation_id,
     note_id, detached, path, shared) = row
    return Annotation(title, exact, prefix, suffix, start, end, comment, color, created,
                      updated, annotation_id, note_id, bool(detached), path, bool(shared))


def _check_color(color: str) -> str:
    if color not in HIGHLIGHT_COLORS:
        raise LibraryError(f"colour: {color!r} is not one of {', '.join(HIGHLIGHT_COLORS)}")
    return color


def of_note(connection: sqlite3.Connection, note_id: int) -> list[Annotation]:
    rows = connection.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE a.note_id = ? ORDER BY a.start, a.id", (note_id,))
    return [_annotation(row) for row in rows]


def one(connection: sqlite3.Connection, annotation_id: int) -> Annotation:
    row = connection.execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.id = ?",
                             (annotation_id,)).fetchone()
    if row is None:
        raise LibraryError(f"annotation {annotation_id} no longer exists")
    return _annotation(row)


def browse(connection: sqlite3.Connection, words: str = "", color: str = "",
           note_id: int = 0) -> list[Annotation]:
    """Every annotation of the library (not of notes in the Trash), by note title and
    place; ``words`` match the quote, the comment or the note's title."""
    where = [search_sql.IN_LIBRARY]
    params: list[object] = []
    if color:
        where.append("a.color = ?")
        params.append(color)
    if note_id:
        where.append("a.note_id = ?")
        params.append(note_id)
    query = parse_query(words)
    if query.words:
        where.append(
            "(a.id IN (SELECT rowid FROM annotation_fts WHERE annotation_fts MATCH ?)"
            " OR a.note_id IN (SELECT rowid FROM title_fts WHERE title_fts MATCH ?))")
        params += [query.fts, query.fts]
    rows = connection.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE {' AND '.join(where)} "
        "ORDER BY n.title_key, a.start, a.id", params)
    return [_annotation(row) for row in rows]


def add(connection: sqlite3.Connection, note_id: int, exact: str, prefix: str, suffix: str,
        start: int, end: int, color: str, comment: str, stamp: str) -> int:
    if not exact.strip():
        raise LibraryError("annotation: select some text to annotate")
    if not 0 <= start < end:
        raise LibraryError(f"annotation: {start} to {end} is not a span of text")
    if connection.execute("SELECT 1 FROM note WHERE id = ?", (note_id,)).fetchone() is None:
        raise LibraryError(f"note {note_id} no longer exists")
    annotation = Annotation("", exact, prefix, suffix, start, end, comment.strip(),
                            _check_color(color), stamp, stamp)
    return insert(connection, note_id, annotation, stamp, stamp)


def insert(connection: sqlite3.Connection, note_id: int, annotation: Annotation,
           created: str, updated: str) -> int:
    """Write one annotation as it is (``add`` checks a reader's new one first)."""
    a = annotation
    return inserted_id(connection.execute(
        "INSERT INTO annotation (note_id, exact, prefix, suffix, start, \"end\", comment, color,"
        " created, updated, detached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (note_id, a.exact, a.prefix, a.suffix, a.start, a.end, a.comment, a.color, created,
         updated, int(a.detached)),
    ))


def insert_many(connection: sqlite3.Connection, annotations: list[tuple[int, Annotation]],
                stamp: str) -> None:
    """Write annotations as they are, onto their notes' ids (an import's), inside the
    caller's transaction. In one statement, and their words indexed by one more: through
    the index's trigger, each row was indexed by a statement of its own (50,000
    annotations: 1.5 s of CPU, 0.34 s this way). A missing time is ``stamp``."""
    if not annotations:
        return
    top = connection.execute("SELECT coalesce(max(id), 0) FROM annotation").fetchone()[0]
    saved = schema.suspend_triggers(connection, ("annotation_fts_insert",))
    connection.executemany(
        "INSERT INTO annotation (note_id, exact, prefix, suffix, start, \"end\", comment, color,"
        " created, updated, detached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(note_id, a.exact, a.prefix, a.suffix, a.start, a.end, a.comment, a.color,
          a.created or stamp, a.updated or stamp, int(a.detached))
         for note_id, a in annotations],
    )
    connection.execute("INSERT INTO annotation_fts (rowid, exact, comment) "
                       "SELECT id, exact, comment FROM annotation WHERE id > ?", (top,))
    schema.restore_triggers(connection, saved)


def update(connection: sqlite3.Connection, annotation_id: int, color: str | None,
           comment: str | None, stamp: str) -> None:
    current = one(connection, annotation_id)
    connection.execute(
        "UPDATE annotation SET color = ?, comment = ?, updated = ? WHERE id = ?",
        (_check_color(color) if color is not None else current.color,
         comment.strip() if comment is not None else current.comment, stamp, annotation_id))


def move(connection: sqlite3.Connection, moved: Iterable[Annotation]) -> None:
    """Store where re-anchoring found each annotation (or that it is detached)."""
    connection.executemany(
        "UPDATE annotation SET exact = ?, prefix = ?, suffix = ?, start = ?, \"end\" = ?,"
        " detached = ? WHERE id = ?",
        [(a.exact, a.prefix, a.suffix, a.start, a.end, int(a.detached), a.id) for a in moved],
    )


def delete(connection: sqlite3.Connection, annotation_id: int) -> int:
    """Remove one; returns its note's id."""
    note_id = one(connection, annotation_id).note_id
    connection.execute("DELETE FROM annotation WHERE id = ?", (annotation_id,))
    return note_id
