"""The library's own notes as a sync finds them by title (sync/sync_round.py): the file
names they were last synced with (for the wikilinks of the notes citing them), and a note
of the same title as another library's, which becomes that note (``adopt``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from notegui.store.transaction import Transaction

_CHUNK = 500  # keys a statement (under SQLite's variable limit)


def own_paths(connection: sqlite3.Connection, title_keys: Iterable[str]) -> dict[str, str]:
    """Title key -> path in the repository, for the library's own notes of those titles
    that were synced."""
    keys = sorted(set(title_keys))
    found: dict[str, str] = {}
    for start in range(0, len(keys), _CHUNK):
        part = keys[start:start + _CHUNK]
        found.update(connection.execute(
            "SELECT n.title_key, s.path FROM note AS n JOIN sync_note AS s ON s.note_id = n.id"
            f" WHERE n.path = '' AND n.title_key IN ({','.join('?' * len(part))})",
            part).fetchall())
    return found


def own_notes(connection: sqlite3.Connection, note_ids: Iterable[int],
              ) -> list[tuple[int, str, str, str]]:
    """(note id, uid, title, path as last synced or '') of the library's own notes among
    ``note_ids`` that are not in the Trash, by id."""
    ids = sorted(set(note_ids))
    found: list[tuple[int, str, str, str]] = []
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        found.extend(connection.execute(
            "SELECT n.id, i.uid, n.title, coalesce(s.path, '') FROM note AS n "
            "JOIN sync_id AS i ON i.note_id = n.id LEFT JOIN sync_note AS s ON s.uid = i.uid "
            f"WHERE n.path = '' AND n.id IN ({','.join('?' * len(part))}) "
            "AND n.id NOT IN (SELECT note_id FROM trash) ORDER BY n.id", part).fetchall())
    return found


def own_by_titles(connection: sqlite3.Connection, title_keys: Iterable[str],
                  ) -> dict[str, tuple[int, str]]:
    """Title key -> (note id, uid) of the library's own notes of those titles (not in the
    Trash) that have a uid."""
    keys = sorted(set(title_keys))
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(keys), _CHUNK):
        part = keys[start:start + _CHUNK]
        for key, note_id, uid in connection.execute(
                "SELECT n.title_key, n.id, i.uid FROM note AS n JOIN sync_id AS i "
                "ON i.note_id = n.id WHERE n.path = '' AND n.title_key IN "
                f"({','.join('?' * len(part))}) AND n.id NOT IN (SELECT note_id FROM trash)",
                part):
            found[key] = (note_id, uid)
    return found


def adopt(connection: sqlite3.Connection, note_id: int, uid: str) -> None:
    """Note ``note_id`` is known by ``uid`` from now on (another library's note of its title:
    the two are one note), and marked for the sync to look at. In a transaction of its own."""
    with Transaction(connection):
        connection.execute("UPDATE sync_id SET uid = ? WHERE note_id = ?", (uid, note_id))
        connection.execute(
            "INSERT OR REPLACE INTO sync_dirty (note_id, mark) VALUES "
            "(?, (SELECT coalesce(max(mark), 0) + 1 FROM sync_dirty))", (note_id,))
