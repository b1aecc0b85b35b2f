"""The writer of a large import's batches: each batch inserts its new notes with one
statement and stages their citations in ``import_citation``; ``resolve`` then turns what
is staged into stubs, summary lines and links with three set-based statements.

Written one file at a time, most notes of a large folder were first made as stubs (cited
by a file read before their own) and then filled, and every citation was a look-up and an
insert of its own. Staged, a note is written once, whole, and the links in one pass. The
result is the same as one file at a time (tests/test_bulk_import.py): a stub takes the
title of its first citation; a note's summary line is the first one any citation gave it,
in file order; links keep their citation order.

With ``defer_index`` (an import at least as large as the library) the full-text index is
not written batch by batch but made once at the end, as fast as FTS5 can build it; the
``import_state`` row 'index' says so until then, so that an import cut short is finished
when the library is next opened. At the end of the import the library commits the stubs
and summary lines first (``give_stubs_and_summaries``); a thread then builds the note index
beside it (side_index.py) while ``finish`` writes the links, and ``finish`` copies it in."""

from __future__ import annotations

import sqlite3
from array import array

from notegui.core.domain import title_key
from notegui.core.formats.question_note import ParsedNote
from notegui.store import schema
from notegui.store.importing import side_index, staged_citations
from notegui.store.importing.key_flags import KeyFlags, KeySet
from notegui.store.importing.note_import import NoteImporter
from notegui.store.importing.side_index import SideIndex, data_version

_CHUNK = 500  # keys a query, under SQLite's variable limit

_INSERT_NOTE = (
    "INSERT INTO note (id, title, title_key, description, summary, body, created, updated) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_STAGE = (
    "INSERT INTO import_citation (source_id, ordinal, title, title_key, summary) "
    "VALUES (?, ?, ?, ?, ?)"
)
_EVERY = "1"  # (every staged citation)
_MAKE_STUBS = staged_citations.make_stubs(_EVERY)
_GIVE_SUMMARIES = staged_citations.give_summaries(_EVERY)
_MAKE_LINKS = staged_citations.make_links("source_id IN (SELECT id FROM note)")
_DELETE_LINKS = "DELETE FROM link WHERE source_id = ?"
# What ImportMemory knows of a title key (key_flags.py): a bit each.
_MADE, _SOURCE, _PRESENT, _SUMMARIZED = 1, 2, 4, 8


def has_unfinished_import(connection: sqlite3.Connection) -> bool:
    return connection.execute(
        "SELECT EXISTS (SELECT 1 FROM import_citation) OR EXISTS (SELECT 1 FROM import_state)"
    ).fetchone()[0] == 1


def index_deferred(connection: sqlite3.Connection) -> bool:
    return connection.execute(
        "SELECT 1 FROM import_state WHERE name = 'index'").fetchone() is not None


def finish(connection: sqlite3.Connection, stamp: str, index: bool = True,
           memory: ImportMemory | None = None, beside: SideIndex | None = None,
           version: int = 0) -> None:
    """Resolve what is staged, in the caller's transaction; and if an import deferred the
    index, make it (unless ``index`` is False: the import goes on): copy in the indexes
    built ``beside`` (side_index.py), if the library is still at the ``version`` of the
    transaction that made its notes final, else rebuild them. Without ``memory`` (an
    import cut short), a note staged twice keeps its last staging."""
    if memory is None:
        staged_citations.drop_earlier_stagings(connection)
    else:
        memory.check_alone(connection)
    if not index_deferred(connection):
        resolve(connection, stamp, memory)
        return
    # The index is rebuilt from the notes at the end: keeping it in step would be wasted.
    triggers = schema.suspend_triggers(connection, schema.FTS_WRITE_TRIGGERS)
    resolve(connection, stamp, memory)
    if index:
        if beside is not None and beside.wait() and data_version(connection) == version:
            beside.copy_into(connection)
        else:
            for table in side_index.INDEXES:
                connection.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
        connection.execute("DELETE FROM import_state")
    schema.restore_triggers(connection, triggers)


def last_id(connection: sqlite3.Connection) -> int:
    return connection.execute("SELECT coalesce(max(id), 0) FROM note").fetchone()[0]


def give_stubs_and_summaries(connection: sqlite3.Connection, stamp: str,
                             memory: ImportMemory) -> None:
    """The first part of resolving, in the caller's transaction, for an import that
    builds its index beside (side_index.py): the notes are final once it commits; the
    links come in ``finish``."""
    triggers = schema.suspend_triggers(connection, schema.FTS_WRITE_TRIGGERS)
    if _make_stubs_and_summaries(connection, stamp, memory):
        memory.stubs_made()
    schema.restore_triggers(connection, triggers)


def resolve(connection: sqlite3.Connection, stamp: str,
            memory: ImportMemory | None = None) -> None:
    """Stubs, summary lines and links for every staged citation, in the caller's
    transaction; from what ``memory`` knows when it is complete, else by grouping the
    staged rows. With the index triggers in place, they index the stubs and summaries."""
    if _make_stubs_and_summaries(connection, stamp, memory):
        _make_links(connection)
        connection.execute("DELETE FROM import_citation")
        if memory is not None:
            memory.resolved()


def _make_links(connection: sqlite3.Connection) -> None:
    """The staged citations' links. Into an empty link table (an import into a new
    library), the index of links by target is made once they are in, by one sort: kept in
    step, each link was an insert at a random place of it (a million notes' 5.5 million
    links: 110 s, 72 s so)."""
    empty = connection.execute("SELECT NOT EXISTS (SELECT 1 FROM link)").fetchone()[0]
    made_after = schema.suspend_indexes(connection, schema.LINKS_BY_TARGET) if empty else []
    connection.execute(_MAKE_LINKS)
    schema.restore_triggers(connection, made_after)


def _make_stubs_and_summaries(connection: sqlite3.Connection, stamp: str,
                              memory: ImportMemory | None) -> bool:
    """False (and nothing to do) when nothing is staged."""
    if connection.execute("SELECT 1 FROM import_citation LIMIT 1").fetchone() is None:
        if memory is not None:
            memory.resolved()
        return False
    if memory is not None and memory.complete:
        connection.executemany(
            "INSERT INTO note (title, title_key, description, summary, body, created, updated)"
            " VALUES (?, ?, '', ?, '', ?, ?) ON CONFLICT (title_key, path) DO NOTHING",
            [(title, key, memory.said.get(key, ""), stamp, stamp)
             for key, title in memory.stubs.items()])
        # (A stub another process made meanwhile gets its line here, like any note.)
        given = {**{key: memory.said[key] for key in memory.stubs if key in memory.said},
                 **memory.late}
        connection.executemany(
            "UPDATE note SET summary = ? WHERE title_key = ? AND path = '' AND summary = ''",
            [(summary, key) for key, summary in given.items()])
    else:
        connection.execute(_MAKE_STUBS, (stamp, stamp))
        connection.execute(_GIVE_SUMMARIES)
    return True


class ImportMemory:
    """What a large import keeps across its batches: whether it rebuilds the index at its
    end (``defer_index``); the keys of the notes it made or will make as stubs (``made``,
    for the count of notes it created); those of the notes whose citations wait
    (``sources``); and what it knows so that resolving needs no grouping of the staged
    citations (a sort of all of them, twice):
    - which keys have notes in the library (as many as the keys it made, kept too);
    - for each note still to come, the first summary line cited: the note is inserted
      with it, rather than updated later, which would grow and move its row;
    - the stubs to make (key -> the title first cited);
    - the notes that may lack a summary line, with the first one cited for them.
    Bounded: past ``LIMIT`` entries, or after a batch was rolled back, it is no longer
    ``complete`` and resolving groups the staged rows in SQL, and every note of the
    import is given its summary line then, a rewrite of its row. (A million files need
    about 1.3 million entries: bounded at 300,000, their import took 574 s, not 519 s.)"""

    LIMIT = 2_000_000

    def __init__(self, defer_index: bool = False, flags: KeyFlags | None = None) -> None:
        self.defer_index = defer_index
        # The index built beside the import (side_index.py) while it may be used; the
        # notes inserted without a summary line, which it indexes at the end; the
        # library's data_version after the import's last commit (another connection's
        # commit changes it: the index is then rebuilt instead).
        self.index: SideIndex | None = None
        self.waiting = array("q")  # (8 bytes a note, not a Python int's 36)
        self.version = 0
        self.inserted = 0  # notes the import's batches inserted
        # (each key once, for the four sets of keys and the import's claims on titles)
        self.flags = flags = KeyFlags() if flags is None else flags
        self.made: KeySet = flags.flag(_MADE)
        self.sources: KeySet = flags.flag(_SOURCE)
        self.present: KeySet = flags.flag(_PRESENT)
        self.said: dict[str, str] = {}  # key of a note to come -> first summary line
        self.stubs: dict[str, str] = {}  # key -> title, in the order first cited
        self.late: dict[str, str] = {}  # key of a note that has one -> first summary line
        self.summarized: KeySet = flags.flag(_SUMMARIZED)  # keys inserted with a summary line
        self.complete = True

    def trim(self) -> None:
        if max(len(self.said), len(self.stubs), len(self.late),
               len(self.summarized)) > self.LIMIT:
            self.forget()

    def forget(self) -> None:
        """Resolving must read the staged rows from now on (until they are resolved)."""
        self.give_up_index()
        self._empty(complete=False)

    def build_index_beside(self, index: SideIndex, connection: sqlite3.Connection) -> None:
        self.index = index
        self.version = data_version(connection)

    def give_up_index(self) -> None:
        """The import's index is made at its end from every note instead."""
        if self.index is not None:
            self.index.discard()
            self.index = None
        del self.waiting[:]

    def check_alone(self, connection: sqlite3.Connection) -> bool:
        """Inside a write transaction of the import: whether another connection wrote
        since the import's last transaction (the window saved a note, a file was imported
        on its own, a note was renamed). If so, which keys have notes may have changed:
        the batch asks the library again; and the index beside is given up (a note it
        indexed may have changed). The rest stays true: a stub to make that another made
        is not made twice, and the writes of others keep what is staged in step
        (staged_citations.py)."""
        if not self.version or data_version(connection) == self.version:
            return False
        self.present.clear()
        self.give_up_index()
        self.version = data_version(connection)
        return True

    def check_index(self, connection: sqlite3.Connection) -> None:
        """Inside the end's first transaction: give up the index beside unless it is still
        good: no other connection wrote, and every note in the library is one the import
        wrote."""
        self.check_alone(connection)
        if self.index is not None and connection.execute(
                "SELECT count(*) FROM note").fetchone()[0] != self.inserted:
            self.give_up_index()

    def stubs_made(self) -> None:
        """Stubs and summary lines are written: what is left to resolve is the links."""
        for known in (self.said, self.stubs, self.late):
            known.clear()

    def resolved(self) -> None:
        """Nothing is staged any more: every note cited has its summary line."""
        self.sources.clear()
        self._empty(complete=True)

    def begin_batch(self) -> None:
        """A batch begins: what it changes in the sets of keys can be rolled back."""
        self.flags.begin()

    def batch_committed(self) -> None:
        self.flags.keep()

    def roll_back(self) -> None:
        """A batch was rolled back: ``made`` and ``sources`` as they were before it; the
        keys it found in the library are forgotten, and what earlier batches staged must
        be read again."""
        self.flags.undo()
        self.present.clear()
        self.forget()

    def _empty(self, complete: bool) -> None:
        for known in (self.said, self.stubs, self.late, self.summarized):
            known.clear()
        self.complete = complete


class StagedBatch:
    """One batch of a large import, inside the caller's transaction: ``write`` each file in
    order, then ``end``. ``memory`` is what the import keeps across its batches."""

    def __init__(self, connection: sqlite3.Connection, keys: dict[str, str], stamp: str,
                 memory: ImportMemory) -> None:
        self.connection = connection
        self.stamp = stamp
        self.made = memory.made
        self.sources = memory.sources
        self.defer_index = defer_index = memory.defer_index
        if defer_index:
            connection.execute("INSERT OR IGNORE INTO import_state (name) VALUES ('index')")
        self._triggers = schema.suspend_triggers(connection, schema.FTS_WRITE_TRIGGERS)
        self.importer = NoteImporter(connection, index_directly=not defer_index)
        memory.trim()
        others_wrote = memory.check_alone(connection)
        # Keys known to have notes from earlier batches, or to be made, need no query
        # (unless another connection wrote meanwhile: it may have made or deleted them).
        self.keys = keys
        known = _PRESENT | (0 if others_wrote else _MADE)
        bits = memory.flags.bits
        self.asked = {key for key in set(keys.values()) if not bits.get(key, 0) & known}
        self.present = memory.present
        self.present.update(self._present(self.asked))
        self.memory = memory
        self._next_id = self._max_id() + 1
        self._rows: list[tuple] = []
        self._citations: list[tuple] = []
        self._first_id = self._next_id
        self._waiting: list[int] = []  # new notes without their summary line yet

    def _present(self, keys: set[str]) -> set[str]:
        """Which of ``keys`` the library has notes for, now."""
        found: set[str] = set()
        ordered = list(keys)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            found.update(key for (key,) in self.connection.execute(
                "SELECT title_key FROM note WHERE path = '' AND title_key IN "
                f"({','.join('?' * len(chunk))})",
                chunk))
        return found

    def _max_id(self) -> int:
        return last_id(self.connection)

    def is_known(self, title: str) -> bool:
        """Whether a note of that title exists or is to be made: what a file whose
        citations and Sources do not pair up may link to."""
        key = title_key(title)
        return key in self.made or self.importer.exists(key)

    def write(self, parsed: ParsedNote) -> tuple[int, int]:
        """Write one file; returns its note's id and how many notes it made (itself,
        stubs to come). Unchanged (note_import) when the library already holds exactly
        this."""
        key = self._key(parsed.title)
        created = 0
        if key in self.present:
            self.memory.give_up_index()  # (it may have indexed the note as it was)
            if key in self.sources:  # written earlier in this import: its links first
                self._resolve_now()
            self._write_rows()
            row = self.importer.existing_row(key)
            self.importer.update(row, parsed, self.stamp)
            self.connection.execute(_DELETE_LINKS, (row.id,))
            note_id = row.id
        else:
            note_id = self._next_id
            self._next_id += 1
            # (An incomplete memory may not know the first line: resolving gives it.)
            own_summary = self.memory.said.pop(key, "") if self.memory.complete else ""
            self.memory.stubs.pop(key, None)  # its own file came: no stub
            if own_summary:
                self.memory.summarized.add(key)
            else:
                self._waiting.append(note_id)
            self._rows.append((note_id, parsed.title, key, parsed.description, own_summary,
                               parsed.body, self.stamp, self.stamp))
            self.importer.index_new(note_id, parsed.title, parsed.description, own_summary,
                                    parsed.body)
            self.present.add(key)
            if key not in self.made:
                self.made.add(key)
                created += 1
        self.sources.add(key)
        # (Names bound once: this loop runs for every citation of a large import.)
        memory, keys, present, made = self.memory, self.keys, self.present, self.made
        complete, staged, bits = memory.complete, self._citations, memory.flags.bits
        for ordinal, citation in enumerate(parsed.citations, start=1):
            title, summary = citation.title, citation.summary
            cited = keys.get(title)
            if cited is None:
                cited = title_key(title)
            staged.append((note_id, ordinal, title, cited, summary))
            if not bits.get(cited, 0) & (_PRESENT | _MADE):
                if cited not in self.asked and self.importer.exists(cited):
                    present.add(cited)  # (a key the batch did not ask about: unpaired)
                else:
                    made.add(cited)
                    if complete:
                        memory.stubs[cited] = title
                    created += 1
            if summary and complete:
                known = bits.get(cited, 0)
                if not known & _PRESENT:
                    memory.said.setdefault(cited, summary)  # a note to come: inserted with it
                elif not known & _SUMMARIZED:
                    memory.late.setdefault(cited, summary)  # may lack one: given it if so
        return note_id, created

    def _key(self, title: str) -> str:
        key = self.keys.get(title)
        return title_key(title) if key is None else key

    def _write_rows(self) -> None:
        self.connection.executemany(_INSERT_NOTE, self._rows)
        self.connection.executemany(_STAGE, self._citations)
        self._rows.clear()
        self._citations.clear()

    def _resolve_now(self) -> None:
        """Resolve what is staged in the middle of the batch (a note written earlier in
        this import comes again), with the index triggers in place as resolve expects."""
        self._write_rows()
        self.importer.flush_index()
        cited = [key for (key,) in self.connection.execute(
            "SELECT DISTINCT title_key FROM import_citation")]
        if self.defer_index:  # (the triggers stay off: the index is rebuilt at the end)
            resolve(self.connection, self.stamp, self.memory)
        else:
            schema.restore_triggers(self.connection, self._triggers)
            resolve(self.connection, self.stamp, self.memory)
            self._triggers = schema.suspend_triggers(self.connection,
                                                     schema.FTS_WRITE_TRIGGERS)
        self.present.update(cited)  # each has a note now, a stub if nothing else
        self._next_id = self._max_id() + 1  # the stubs took ids

    def end(self) -> None:
        """Write what is pending; the caller commits, then calls ``committed``."""
        self._write_rows()
        self.importer.flush_index()
        schema.restore_triggers(self.connection, self._triggers)
        self.memory.version = data_version(self.connection)  # (in the transaction: no race)

    def committed(self) -> None:
        """The batch is in the library: its final rows can be indexed beside."""
        memory = self.memory
        memory.inserted += self._next_id - self._first_id
        if memory.index is not None:
            memory.index.add_batch(self._first_id, self._next_id - 1, self._waiting)
            memory.waiting.extend(self._waiting)
