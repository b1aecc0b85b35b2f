"""The full-text indexes kept in step by an import that suspended their triggers (in its
transaction): what it wrote is noted, and ``flush`` writes it before the commit: all
removals in rowid order, then all additions in rowid order. Through triggers FTS5 flushes
its buffer at every statement, and at every removal of a rowid below the last one added:
this way it flushes twice a batch, several times faster."""

from __future__ import annotations

import sqlite3

_Fields = tuple[str, str, str, str]  # title, description, summary, body

_INDEX = "INSERT INTO note_fts (rowid, title, description, summary, body) VALUES (?, ?, ?, ?, ?)"
_UNINDEX = (
    "INSERT INTO note_fts (note_fts, rowid, title, description, summary, body) "
    "VALUES ('delete', ?, ?, ?, ?, ?)"
)
_INDEX_TITLE = "INSERT INTO title_fts (rowid, title) VALUES (?, ?)"
_UNINDEX_TITLE = "INSERT INTO title_fts (title_fts, rowid, title) VALUES ('delete', ?, ?)"


class PendingIndex:
    """What the indexes must lose and gain, by note."""

    def __init__(self) -> None:
        # note id -> (what the index holds for it now, or None; what it must hold, or None)
        self._pending: dict[int, tuple[_Fields | None, _Fields | None]] = {}

    def add(self, note_id: int, title: str, description: str, summary: str,
            body: str) -> None:
        """The note (inserted, or rewritten after ``remove``) holds this now."""
        indexed = self._pending.get(note_id, (None, None))[0]
        self._pending[note_id] = (indexed, (title, description, summary, body))

    def remove(self, note_id: int, title: str, description: str, summary: str,
               body: str) -> None:
        """The note held this before it was rewritten (ignored after the first time)."""
        if note_id not in self._pending:
            self._pending[note_id] = ((title, description, summary, body), None)

    def __len__(self) -> int:
        """How many notes have changes pending."""
        return len(self._pending)

    def flush(self, connection: sqlite3.Connection) -> None:
        """Write what is pending into the indexes."""
        pending = sorted(self._pending.items())
        removed = [(note_id, *old) for note_id, (old, _new) in pending if old is not None]
        added = [(note_id, *new) for note_id, (_old, new) in pending if new is not None]
        connection.executemany(_UNINDEX, removed)
        connection.executemany(_INDEX, added)
        connection.executemany(_UNINDEX_TITLE, [row[:2] for row in removed])
        connection.executemany(_INDEX_TITLE, [row[:2] for row in added])
        self._pending.clear()
