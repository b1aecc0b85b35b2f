"""Writing parsed question notes into the library: raw SQL on the connection, because an
import of 100,000 files must not pay an ORM's cost per row. The caller owns the
transaction. A file that changes nothing, or is refused, is found so before anything is
written, so it changes nothing.

With ``index_directly`` the caller has suspended the full-text triggers (in the same
transaction) and this class keeps the index in step itself (index_in_step.py), in
``flush_index`` before the commit."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from notegui.core import domain
from notegui.core.domain import Changes, title_key
from notegui.core.formats import question_note
from notegui.core.formats.question_note import ParsedNote
from notegui.store.db import inserted_id
from notegui.store.importing import staged_citations
from notegui.store.importing.index_in_step import PendingIndex
from notegui.store.schema import is_stub_sql


class Unchanged(Exception):
    """The file changes nothing in the library."""


class _Known(NamedTuple):
    id: int
    title: str
    summary: str
    is_stub: bool


@dataclass
class Row:
    """A note's row as an import reads it."""

    id: int
    title: str
    description: str
    summary: str
    body: str
    updated: str

    @property
    def is_stub(self) -> bool:
        return domain.is_stub(self.description, self.body)


_FIND = ("SELECT id, title, description, summary, body, updated FROM note "
         "WHERE title_key = ? AND path = ''")
_KNOW = f"SELECT id, title, summary, {is_stub_sql()} FROM note WHERE title_key = ? AND path = ''"
_EXISTS = "SELECT 1 FROM note WHERE title_key = ? AND path = ''"
_INSERT_NOTE = (
    "INSERT INTO note (title, title_key, description, summary, body, created, updated) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_FILL_NOTE = "UPDATE note SET title = ?, description = ?, body = ?, updated = ? WHERE id = ?"
_UNTRASH = "DELETE FROM trash WHERE note_id = ?"  # an imported file brings its note back
_SET_SUMMARY = "UPDATE note SET summary = ? WHERE id = ?"
_LINKS = (
    "SELECT t.title_key, t.title, l.summary, t.id FROM link AS l "
    "JOIN note AS t ON t.id = l.target_id WHERE l.source_id = ? ORDER BY l.ordinal"
)
_DELETE_LINKS = "DELETE FROM link WHERE source_id = ?"
_INSERT_LINK = "INSERT INTO link (source_id, target_id, ordinal, summary) VALUES (?, ?, ?, ?)"
_INSERT_REVISION = (
    "INSERT INTO revision (note_id, title, description, summary, body, links, saved, replaced,"
    " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class KnownNotes:
    """Title key -> what an import knows of that note. A title is cited by several files,
    so most look-ups are answered here. The owner clears it when a transaction rolls
    back."""

    LIMIT = 300_000  # bounded memory, however many files an import has

    def __init__(self) -> None:
        # Plain tuples (id, title, summary, is_stub): the garbage collector stops tracking
        # those, so a cache of 100,000 notes does not lengthen its pauses (which stall the
        # window when an import runs in its process).
        self.notes: dict[str, tuple[int, str, str, bool]] = {}

    def get(self, key: str) -> _Known | None:
        found = self.notes.get(key)
        return _Known(*found) if found is not None else None

    def remember(self, key: str, known: _Known) -> None:
        if len(self.notes) >= self.LIMIT:
            self.clear()
        self.notes[key] = (known.id, known.title, known.summary, known.is_stub)

    def clear(self) -> None:
        self.notes.clear()


class NoteImporter:
    """Applies one parsed note at a time; ``created`` counts the notes it made."""

    def __init__(self, connection: sqlite3.Connection, index_directly: bool = False,
                 known: KnownNotes | None = None) -> None:
        self.connection = connection
        self.index_directly = index_directly
        self.created = 0
        self.known = KnownNotes() if known is None else known
        self._pending = PendingIndex()

    def _index(self, note_id: int, title: str, description: str, summary: str,
               body: str) -> None:
        if self.index_directly:
            self._pending.add(note_id, title, description, summary, body)

    def index_new(self, note_id: int, title: str, description: str, summary: str,
                  body: str) -> None:
        """Index a note just inserted, when the batch is flushed."""
        self._index(note_id, title, description, summary, body)

    def _unindex(self, row: Row) -> None:
        if self.index_directly:
            self._pending.remove(row.id, row.title, row.description, row.summary, row.body)

    def unindex(self, row: Row) -> None:
        """Take a note about to be rewritten out of the index, when the batch is flushed."""
        self._unindex(row)

    def forget_index(self) -> None:
        """Drop what is pending (its transaction rolled back)."""
        self._pending = PendingIndex()

    def flush_index(self) -> None:
        """Bring the index in step with what this importer wrote (``index_directly``)."""
        self._pending.flush(self.connection)

    def exists(self, key: str) -> bool:
        return self.connection.execute(_EXISTS, (key,)).fetchone() is not None

    def existing_row(self, key: str) -> Row:
        """The row of a note known to be in the library (LookupError if it is not)."""
        row = self.connection.execute(_FIND, (key,)).fetchone()
        if row is None:
            raise LookupError(f"no note of title key {key!r}")
        return Row(*row)

    def _lookup(self, key: str) -> _Known | None:
        found = self.known.get(key)
        if found is None:
            row = self.connection.execute(_KNOW, (key,)).fetchone()
            if row is not None:
                found = self._remember(key, _Known(row[0], row[1], row[2], bool(row[3])))
        return found

    def _remember(self, key: str, known: _Known) -> _Known:
        self.known.remember(key, known)
        return known

    def _row(self, key: str, known: _Known) -> Row:
        """The whole row; a stub's is all in ``known``."""
        if known.is_stub:
            return Row(known.id, known.title, "", known.summary, "", "")
        return self.existing_row(key)

    def find_own(self, title: str) -> int | None:
        """The id of the library's own note of that title, if there is one (no stub made)."""
        known = self._lookup(title_key(title))
        return known.id if known is not None else None

    def current_links(self, note_id: int) -> list[tuple[str, str, str | None, int]]:
        """A note's links as a revision keeps them (``keep_revisions``)."""
        return self._links(note_id)

    def _links(self, note_id: int) -> list[tuple[str, str, str | None, int]]:
        """(title key, title, Sources line, id) of each note ``note_id`` cites, in order."""
        return self.connection.execute(_LINKS, (note_id,)).fetchall()

    def apply(self, parsed: ParsedNote, stamp: str) -> Changes:
        """Write ``parsed`` (creating, filling or updating its note); Unchanged if the library
        already holds exactly this."""
        key = title_key(parsed.title)
        known = self._lookup(key)
        row = self._row(key, known) if known is not None else None
        # Another import under way may hold this note's citations (staged_citations.py):
        # the note as that import leaves it is what this file is compared with.
        if row is not None and staged_citations.resolve_note(self.connection, row.id, stamp):
            self.known.clear()  # (stubs and summary lines were written past it)
            known = self._lookup(key)
            if known is None:  # (cannot be: resolving writes no note away)
                raise LookupError(f"no note of title key {key!r}")
            row = self._row(key, known)
        if row is not None:
            self.update(row, parsed, stamp)
            note_id = row.id
        else:
            cursor = self.connection.execute(
                _INSERT_NOTE,
                (parsed.title, key, parsed.description, "", parsed.body, stamp, stamp),
            )
            note_id = inserted_id(cursor)
            self._index(note_id, parsed.title, parsed.description, "", parsed.body)
            self.created += 1
        self._remember(key, _Known(note_id, parsed.title, row.summary if row else "",
                                   domain.is_stub(parsed.description, parsed.body)))
        targets = [(self.target(c.title, c.summary, stamp), c.summary) for c in parsed.citations]
        self.replace_links(note_id, targets)
        return Changes(notes=frozenset({note_id, *(t for t, _ in targets)}), links=True)

    def update(self, row: Row, parsed: ParsedNote, stamp: str) -> None:
        """Write ``parsed`` over the note of ``row`` (a stub filled, or a note changed: its
        old text kept as a revision), its links left to the caller; Unchanged if the note
        already holds exactly this."""
        current = self._links(row.id)
        wanted = [(title_key(c.title), c.summary) for c in parsed.citations]
        if (row.title, row.description, row.body) == (
            parsed.title, parsed.description, parsed.body
        ) and [(k, s) for k, _, s, _ in current] == wanted:
            raise Unchanged
        if not row.is_stub and self._changes_text(row, current, parsed):
            self._keep_revision(row, current, stamp, "import")
        self.connection.execute(
            _FILL_NOTE, (parsed.title, parsed.description, parsed.body, stamp, row.id)
        )
        self.connection.execute(_UNTRASH, (row.id,))
        self._unindex(row)
        self._index(row.id, parsed.title, parsed.description, row.summary, parsed.body)

    def replace_links(self, source_id: int, targets: list[tuple[int, str | None]]) -> None:
        """The note's links, in citation order: (cited note id, summary line)."""
        self.connection.execute(_DELETE_LINKS, (source_id,))
        self.connection.executemany(
            _INSERT_LINK,
            [(source_id, target, ordinal, summary)
             for ordinal, (target, summary) in enumerate(targets, start=1)],
        )

    def _changes_text(
        self, row: Row, current: list[tuple[str, str, str | None, int]], parsed: ParsedNote
    ) -> bool:
        old = question_note.write(row.title, row.description, row.body,
                                  [s for _, _, s, _ in current])
        new = question_note.write(
            parsed.title, parsed.description, parsed.body, [c.summary for c in parsed.citations]
        )
        return old != new

    def keep_revision(self, key: str, stamp: str, reason: str) -> None:
        """Keep the note of ``key`` as it is now (text and Sources lines) as a revision."""
        row = self.existing_row(key)
        self._keep_revision(row, self._links(row.id), stamp, reason)

    def keep_revision_of(self, note_id: int, stamp: str, reason: str) -> None:
        """``keep_revision`` of a note found by its id (a vault note: titles repeat)."""
        row = self.connection.execute(
            "SELECT id, title, description, summary, body, updated FROM note WHERE id = ?",
            (note_id,)).fetchone()
        self._keep_revision(Row(*row), self._links(note_id), stamp, reason)

    def _keep_revision(
        self, row: Row, links: list[tuple[str, str, str | None, int]], stamp: str, reason: str
    ) -> None:
        self.keep_revisions([(row, links)], stamp, reason)

    def keep_revisions(
        self, notes: Iterable[tuple[Row, list[tuple[str, str, str | None, int]]]], stamp: str,
        reason: str,
    ) -> None:
        """Keep each note as ``row`` and its links (as ``_links`` reads them) have it, as a
        revision."""
        # [title, Sources line, note id] a cited note: the id lets a restore cite the note
        # by the title it has then (store/note_editor.py), not bring back one it lost since.
        self.connection.executemany(_INSERT_REVISION, [
            (row.id, row.title, row.description, row.summary, row.body,
             json.dumps([[title, summary, target] for _, title, summary, target in links],
                        ensure_ascii=False),
             row.updated, stamp, reason)
            for row, links in notes])

    def target(self, title: str, summary: str | None, stamp: str) -> int:
        """The id of the cited note: existing (its summary filled if it had none: a note's own
        summary is the first line it received), or a new stub."""
        key = title_key(title)
        known = self._lookup(key)
        if known is None:
            self.created += 1
            note_id = inserted_id(self.connection.execute(
                _INSERT_NOTE, (title, key, "", summary or "", "", stamp, stamp)
            ))
            self._index(note_id, title, "", summary or "", "")
            self._remember(key, _Known(note_id, title, summary or "", True))
            return note_id
        if summary and not known.summary:
            row = self._row(key, known)
            self.connection.execute(_SET_SUMMARY, (summary, row.id))
            self._unindex(row)
            self._index(row.id, row.title, row.description, summary, row.body)
            self._remember(key, _Known(known.id, known.title, summary, known.is_stub))
        return known.id
