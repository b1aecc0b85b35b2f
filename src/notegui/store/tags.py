"""Tags: their names, a note's, and setting a note's (inside the caller's transaction)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from notegui.store import models
from notegui.store.db import Database


def names(db: Database) -> list[str]:
    """Every tag name in use, sorted."""
    Tag = models.Tag
    return [tag.name for tag in Tag.select(Tag.name).order_by(Tag.name).bind(db)]


def of_note(db: Database, note_id: int) -> list[str]:
    """A note's tag names, sorted."""
    return [name for (name,) in db.execute_sql(
        "SELECT t.name FROM tag AS t JOIN note_tag AS nt ON nt.tag_id = t.id "
        "WHERE nt.note_id = ? ORDER BY t.name", (note_id,))]


def write(db: Database, note_id: int, names: Iterable[str]) -> bool:
    """A note's tags set to ``names``, inside the caller's transaction; whether they
    changed."""
    Tag, NoteTag = models.Tag, models.NoteTag
    chosen = wanted(names)
    if {name.casefold() for name in chosen} == {t.casefold() for t in of_note(db, note_id)}:
        return False
    NoteTag.delete().where(NoteTag.note == note_id).execute(db)
    for name in sorted(chosen):
        # (not get_or_create: it opens a transaction of its own, and we are in one)
        Tag.insert(name=name).on_conflict_ignore().execute(db)
        tag = Tag.select().where(Tag.name == name).get(db)
        NoteTag.insert(note=note_id, tag=tag.id).on_conflict_ignore().execute(db)
    return True


def of_notes(connection: sqlite3.Connection, note_ids: Sequence[int]) -> dict[int, set[str]]:
    """Each of ``note_ids``'s tag names, casefolded (as ``write`` compares them); at most
    500 ids, under SQLite's variable limit."""
    found: dict[int, set[str]] = {}
    for note_id, name in connection.execute(
            "SELECT nt.note_id, t.name FROM note_tag AS nt JOIN tag AS t ON t.id = nt.tag_id "
            f"WHERE nt.note_id IN ({','.join('?' * len(note_ids))})", note_ids):
        found.setdefault(note_id, set()).add(name.casefold())
    return found


def wanted(names: Iterable[str]) -> set[str]:
    """The tag names a note is given ``names``: stripped, the empty ones left out."""
    return {name.strip() for name in names if name.strip()}


def write_many(connection: sqlite3.Connection, notes: Sequence[tuple[int, set[str]]]) -> None:
    """``write`` for several notes whose tags change (inside the caller's transaction): the
    same statements, grouped, each run over all the notes (three calls, not a few per tag
    and note); new tags get their ids in the same order."""
    connection.executemany("INSERT OR IGNORE INTO tag (name) VALUES (?)",
                           [(name,) for _, names in notes for name in sorted(names)])
    connection.executemany("DELETE FROM note_tag WHERE note_id = ?",
                           [(note_id,) for note_id, _ in notes])
    # (name = ? compares as the column's NOCASE, as write's select did)
    connection.executemany(
        "INSERT OR IGNORE INTO note_tag (note_id, tag_id) "
        "SELECT ?, id FROM tag WHERE name = ? LIMIT 1",
        [(note_id, name) for note_id, names in notes for name in sorted(names)])
