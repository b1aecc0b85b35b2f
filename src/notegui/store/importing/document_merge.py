"""A whole-library document's notes, links and tags written into the library a chunk of
notes at a time (documents.merge runs it in the caller's transaction).

Written one note at a time through peewee, a note cost three queries, and building their
SQL cost more than running them (20,000 notes: 27 s of 59). Here a chunk's notes are read
with one query, its new notes inserted with one executemany, its links and tags read and
compared at once; raw SQL on the connection, as the batch import of files does.

The library it leaves is the one writing one note at a time left (tests/test_json_merge.py
compares the two): first every note, in document order (new notes take their ids in that
order; a changed note that is not a stub is kept as a revision, with the links it has,
the notes they cite named as they are called at that moment); then, note after note,
its links, a cited title that no note has made into a stub (ids in the order first
cited) with the first Sources line said for it, an existing note without a summary line
given the first one a citation says, and its tags.

Memory: besides the document, a title key and an id for each note it names, and for each
note its links cite."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from notegui.core.domain import title_key
from notegui.core.formats.document import NoteRecord
from notegui.store import schema, tags
from notegui.store.importing.index_in_step import PendingIndex
from notegui.store.importing.note_import import NoteImporter, Row
from notegui.store.importing.staged_import import last_id

CHUNK = 500  # notes a chunk; also keys a query, under SQLite's variable limit
# Notes whose index changes wait, at most: each flush costs (20,000 notes: flushed every
# 500, 12.0 s; once, 10.2 s), and a note rewritten keeps its old text in memory until then.
_INDEX_EVERY = 10_000

_ROWS = ("SELECT title_key, id, title, description, summary, body, updated FROM note "
         "WHERE path = '' AND title_key IN ({})")
_CITED = ("SELECT l.source_id, t.title_key, t.title, l.summary, t.id FROM link AS l "
          "JOIN note AS t ON t.id = l.target_id WHERE l.source_id IN ({}) "
          "ORDER BY l.source_id, l.ordinal")
_LINKS = ("SELECT source_id, target_id, summary FROM link WHERE source_id IN ({}) "
          "ORDER BY source_id, ordinal")
_KNOWN = "SELECT title_key, id, summary != '' FROM note WHERE path = '' AND title_key IN ({})"
_INSERT_NOTE = (
    "INSERT INTO note (id, title, title_key, description, summary, body, created, updated) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_NOTE = ("UPDATE note SET title = ?, description = ?, summary = ?, body = ?, "
                "updated = ? WHERE id = ?")
_SET_SUMMARY = "UPDATE note SET summary = ? WHERE id = ?"
_TEXTS = "SELECT id, title, description, summary, body FROM note WHERE id IN ({})"
_DELETE_LINKS = "DELETE FROM link WHERE source_id = ?"
_INSERT_LINK = "INSERT INTO link (source_id, target_id, ordinal, summary) VALUES (?, ?, ?, ?)"


def chunks(records: Sequence[NoteRecord]) -> Iterator[Sequence[NoteRecord]]:
    for start in range(0, len(records), CHUNK):
        yield records[start : start + CHUNK]


def _select(connection: sqlite3.Connection, sql: str,
            values: Sequence[object]) -> Iterator[tuple]:
    """The rows of ``sql`` (its ``IN ({})`` given a mark a value), CHUNK values a query."""
    for start in range(0, len(values), CHUNK):
        part = values[start : start + CHUNK]
        yield from connection.execute(sql.format(",".join("?" * len(part))), part)


class DocumentWriter:
    """Call ``write_notes`` for each chunk of the document's notes, in order, then
    ``write_links_and_tags`` for each, then ``end``; ``changed`` then says whether anything
    changed. Meanwhile the full-text triggers are suspended and the writer keeps the
    index in step itself, ``_INDEX_EVERY`` notes at a time (index_in_step.py): through the
    triggers, FTS5 wrote its index out at every note (73,000 notes: 16 s of 18)."""

    def __init__(self, connection: sqlite3.Connection, importer: NoteImporter,
                 stamp: str) -> None:
        self.connection = connection
        self.importer = importer  # (counts the notes made; keeps revisions)
        self.stamp = stamp
        self.changed = False
        self.ids: dict[str, int] = {}  # title key of each note of the document -> its id
        self._new: set[int] = set()  # the notes inserted (they have no links nor tags yet)
        # Title key of a note cited from outside the document -> its id, whether it has a
        # summary line.
        self._cited: dict[str, tuple[int, bool]] = {}
        self._next_id = last_id(connection) + 1  # (what SQLite would give: max(id) + 1)
        self._index = PendingIndex()
        self._triggers = schema.suspend_triggers(connection, schema.FTS_WRITE_TRIGGERS)

    def end(self) -> None:
        """The triggers back (the caller's rollback puts them back if it fails before)."""
        self._index.flush(self.connection)
        schema.restore_triggers(self.connection, self._triggers)

    def write_notes(self, records: Sequence[NoteRecord]) -> None:
        """Insert the new notes of ``records`` and update the changed ones."""
        stamp = self.stamp
        keys = [title_key(record.title) for record in records]
        found = {key: Row(*rest) for key, *rest in _select(self.connection, _ROWS, keys)}
        revised = [row.id for key, record in zip(keys, records, strict=True)
                   if (row := found.get(key)) is not None and not row.is_stub
                   and _text(row) != _text(record)]
        cited: dict[int, list[tuple[str, str, str | None, int]]] = {}
        for source, *link in _select(self.connection, _CITED, revised):
            cited.setdefault(source, []).append((link[0], link[1], link[2], link[3]))
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        revisions: list[tuple[Row, list[tuple[str, str, str | None, int]]]] = []
        # Notes renamed earlier in the chunk: a revision names the notes its links cite as
        # they are called then (written one at a time, they had been renamed already).
        renamed: dict[int, str] = {}
        for key, record in zip(keys, records, strict=True):
            row = found.get(key)
            if row is None:
                note_id = self._next_id
                self._next_id += 1
                inserts.append((note_id, record.title, key, record.description,
                                record.summary, record.body, record.created or stamp,
                                record.updated or stamp))
                self._new.add(note_id)
                self._index.add(note_id, *_text(record))
                self.importer.created += 1
                self.changed = True
            else:
                note_id = row.id
                if _text(row) != _text(record):
                    if not row.is_stub:
                        revisions.append((row, [
                            (k, renamed.get(target, title), summary, target)
                            for k, title, summary, target in cited.get(row.id, [])]))
                    updates.append((*_text(record), record.updated or stamp, row.id))
                    self._index.remove(row.id, *_text(row))
                    self._index.add(row.id, *_text(record))
                    if record.title != row.title:
                        renamed[row.id] = record.title
                    self.changed = True
            self.ids[key] = note_id
        self.importer.keep_revisions(revisions, stamp, "import")
        self.connection.executemany(_UPDATE_NOTE, updates)
        self.connection.executemany(_INSERT_NOTE, inserts)
        self._flush_index()

    def _flush_index(self) -> None:
        if len(self._index) >= _INDEX_EVERY:
            self._index.flush(self.connection)

    def write_links_and_tags(self, records: Sequence[NoteRecord]) -> None:
        """The links of ``records`` (the stubs they need made first) and their tags, where
        they differ from the library's."""
        cited_keys = [[title_key(title) for title in record.links] for record in records]
        self._look_up({key for keys in cited_keys for key in keys
                       if key not in self.ids and key not in self._cited})
        stubs: dict[int, tuple[str, str, str]] = {}  # new stub -> title, key, summary
        summaries: list[tuple[str, int]] = []
        wanted: list[tuple[int, list[tuple[int, str | None]]]] = []
        for record, keys in zip(records, cited_keys, strict=True):
            links = []
            for (title, summary), key in zip(zip(record.links, record.sources, strict=True),
                                             keys, strict=True):
                target = self.ids.get(key)
                if target is None:
                    target = self._target(title, key, summary, stubs, summaries)
                links.append((target, summary))
            wanted.append((self.ids[title_key(record.title)], links))
        self._write_stubs(stubs, summaries)  # (first: a link must find its note)
        old = [note_id for note_id, _ in wanted if note_id not in self._new]
        self._write_links(wanted, old)
        self._write_tags(records, wanted, old)

    def _write_stubs(self, stubs: dict[int, tuple[str, str, str]],
                     summaries: list[tuple[str, int]]) -> None:
        """The new stubs, and the summary lines given to notes that had none."""
        stamp = self.stamp
        self.connection.executemany(_INSERT_NOTE, [
            (note_id, title, key, "", summary, "", stamp, stamp)
            for note_id, (title, key, summary) in stubs.items()])
        for note_id, (title, _, summary) in stubs.items():
            self._index.add(note_id, title, "", summary, "")
        given = {note_id: summary for summary, note_id in summaries}
        for note_id, title, description, summary, body in _select(
                self.connection, _TEXTS, list(given)):
            self._index.remove(note_id, title, description, summary, body)
            self._index.add(note_id, title, description, given[note_id], body)
        self.connection.executemany(_SET_SUMMARY, summaries)
        self._flush_index()

    def _look_up(self, keys: Iterable[str]) -> None:
        for key, note_id, has_summary in _select(self.connection, _KNOWN, list(keys)):
            self._cited[key] = (note_id, bool(has_summary))

    def _target(self, title: str, key: str, summary: str | None,
                stubs: dict[int, tuple[str, str, str]],
                summaries: list[tuple[str, int]]) -> int:
        """NoteImporter.target's note: existing (given ``summary`` if it has none), or a
        new stub."""
        known = self._cited.get(key)
        if known is None:
            note_id = self._next_id
            self._next_id += 1
            stubs[note_id] = (title, key, summary or "")
            self._cited[key] = (note_id, bool(summary))
            self.importer.created += 1
            return note_id
        note_id, has_summary = known
        if summary and not has_summary:
            if note_id in stubs:  # (not written yet: written with it)
                stubs[note_id] = (*stubs[note_id][:2], summary)
            else:
                summaries.append((summary, note_id))
            self._cited[key] = (note_id, True)
        return note_id

    def _write_links(self, wanted: list[tuple[int, list[tuple[int, str | None]]]],
                     old: list[int]) -> None:
        current: dict[int, list[tuple[int, str | None]]] = {}
        for source, target, summary in _select(self.connection, _LINKS, old):
            current.setdefault(source, []).append((target, summary))
        adding: list[tuple[int, int, int, str | None]] = []
        for note_id, links in wanted:
            if links == current.get(note_id, []):
                continue
            self.changed = True
            if note_id in current:
                # (what is pending first: its links take the ids they took one note at a time)
                self.connection.executemany(_INSERT_LINK, adding)
                adding.clear()
                self.connection.execute(_DELETE_LINKS, (note_id,))
            adding.extend((note_id, target, ordinal, summary)
                          for ordinal, (target, summary) in enumerate(links, start=1))
        self.connection.executemany(_INSERT_LINK, adding)

    def _write_tags(self, records: Sequence[NoteRecord],
                    wanted: list[tuple[int, list[tuple[int, str | None]]]],
                    old: list[int]) -> None:
        current = tags.of_notes(self.connection, old) if old else {}
        changing: list[tuple[int, set[str]]] = []
        for record, (note_id, _) in zip(records, wanted, strict=True):
            names = tags.wanted(record.tags)
            if {name.casefold() for name in names} != current.get(note_id, set()):
                changing.append((note_id, names))
        if changing:
            tags.write_many(self.connection, changing)
            self.changed = True


def _text(note: Row | NoteRecord) -> tuple[str, str, str, str]:
    return note.title, note.description, note.summary, note.body
