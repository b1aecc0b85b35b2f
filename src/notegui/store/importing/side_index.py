"""The full-text index of a large import's notes, built by a thread of its own in a scratch
database beside the library (``LIBRARY-import-index``) while the import runs; the import's
last transaction copies it in.

Rebuilt in that transaction, the index took a third of a large import, on one core, after
every file was written. Built beside, it takes the time the import's writes and parsers
leave (the thread runs at a low priority where the system allows it) and the end of the
import writes the links meanwhile. FTS5 keeps an index in ordinary tables
(``note_fts_data``, ``_idx``, ``_docsize``); the scratch table is made by the same SQLite
with the same columns, tokenizer and settings, so its rows are the index a rebuild makes
(tests/test_side_index.py checks that with FTS5's ``integrity-check``).

The thread indexes only notes whose rows are final and committed: each batch's new notes
that came with their summary line, and at the end the others (given theirs, or none) and
the stubs. It copies them from the library into a table of the scratch file, up to
``NOTES_AT_ONCE`` at a time, in a read of its own that ends before it tokenizes them: a read
held while the thread tokenized (slowly, at its low priority) kept the library's write-ahead
log from being checkpointed whole and started again, and at a million notes the log grew
to 9 GB beside the 7 GB library. Each step is one statement (so the thread takes Python's
lock once a chunk, not once a note). Whoever adds notes must make sure nothing else
changes them meanwhile (staged_import.ImportMemory: another connection's commit, a note
written twice): otherwise the thread indexes every note at the end, or the import rebuilds
the index. Without SQLite's JSON functions (before 3.38) the thread fails at its first
batch, and the import rebuilds the index."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from notegui.core import private_files
from notegui.store import schema

INDEXES = ("note_fts", "title_fts")
NOTES_AT_ONCE = 5_000  # (as an import's batch)
_SHADOWS = ("data", "idx", "docsize")  # what FTS5 keeps of an index (not its config)
_PENDING = ("CREATE TABLE main.pending (id INTEGER PRIMARY KEY, title TEXT, description TEXT, "
            "summary TEXT, body TEXT)")
# (ORDER BY id LIMIT: each copy a bounded read, the last id where the next one starts)
_COPY = ("INSERT INTO main.pending SELECT id, title, description, summary, body "
         "FROM library.note WHERE id > ? AND ({}) ORDER BY id LIMIT ?")
_INDEX_NOTES = ("INSERT INTO main.note_fts (rowid, title, description, summary, body) "
                "SELECT id, title, description, summary, body FROM main.pending")
_INDEX_TITLES = "INSERT INTO main.title_fts (rowid, title) SELECT id, title FROM main.pending"
_IN = "id IN (SELECT value FROM json_each(?))"
_DONE = None


def scratch_path(library: Path) -> Path:
    return library.with_name(library.name + "-import-index")


def remove_scratch(library: Path) -> None:
    """The scratch file, once copied or given up (or left by an import cut short)."""
    with contextlib.suppress(OSError):
        scratch_path(library).unlink(missing_ok=True)


def data_version(connection: sqlite3.Connection) -> int:
    """Changes when another connection commits (SQLite's PRAGMA data_version)."""
    return connection.execute("PRAGMA data_version").fetchone()[0]


def _yield_to_the_import() -> None:
    """This thread at the lowest priority, where the system sets one per thread (Linux):
    it should take the time the import leaves, not share the import's."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


class SideIndex:
    """Tell it which committed notes to index (``add_batch``, ``add_notes``,
    ``add_after``, ``add_all``); ``wait`` for it, then ``copy_into`` the library's
    transaction; ``discard`` in any case."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self.path = scratch_path(library)
        remove_scratch(library)
        self.copied = False  # (the scratch file was attached: see copy_into)
        self._work: queue.Queue[tuple[str, tuple] | None] = queue.Queue()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._build, name="import-index", daemon=True)
        self._thread.start()

    def add_batch(self, first: int, last: int, waiting: list[int]) -> None:
        """A committed batch's new notes, ids ``first`` to ``last``, but those ``waiting``
        for their summary line."""
        if first <= last:
            self._work.put((f"id BETWEEN ? AND ? AND NOT {_IN}",
                            (first, last, json.dumps(waiting))))

    def add_notes(self, ids: Sequence[int]) -> None:
        """Notes by id, ``NOTES_AT_ONCE`` a transaction: in one, the notes a million-note
        import left without their summary line (a fifth) filled FTS5's buffer of
        tokenized text to its limit (schema.FTS_HASHSIZE, 64 MB) before it wrote any out,
        where a batch fills a quarter of it."""
        for start in range(0, len(ids), NOTES_AT_ONCE):
            self._work.put((_IN, (json.dumps(list(ids[start : start + NOTES_AT_ONCE])),)))

    def add_after(self, top: int) -> None:
        """The notes past id ``top`` (the stubs an import made last)."""
        self._work.put(("id > ?", (top,)))

    def add_all(self) -> None:
        self._work.put(("1", ()))

    def wait(self) -> bool:
        """Once everything is added: False when the thread failed (the caller rebuilds
        the index instead)."""
        self._work.put(_DONE)
        self._thread.join()
        return self._failure is None

    def copy_into(self, connection: sqlite3.Connection) -> None:
        """Replace the library's indexes by the scratch ones, in the caller's
        transaction. The caller closes the connection once the transaction is over: SQLite
        cannot detach the scratch file inside it, and FTS5 keeps an index's layout per
        connection, which this copy wrote past."""
        self.copied = True
        connection.execute("ATTACH DATABASE ? AS scratch", (str(self.path),))
        for index in INDEXES:
            for shadow in _SHADOWS:
                table = f"{index}_{shadow}"
                connection.execute(f"DELETE FROM main.{table}")
                connection.execute(f"INSERT INTO main.{table} SELECT * FROM scratch.{table}")

    def discard(self) -> None:
        """Stop the thread (what is queued is dropped) and remove the scratch file."""
        if self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                while True:
                    self._work.get_nowait()
            self._work.put(_DONE)
            self._thread.join()
        remove_scratch(self.library)

    @staticmethod
    def _index(scratch: sqlite3.Connection, where: str, parameters: tuple) -> None:
        """Index the library's notes that ``where`` selects, a chunk at a time: each
        chunk copied in a read of the library as last committed, then indexed from the
        copy in a transaction of the scratch file alone."""
        after = 0
        copy = _COPY.format(where)
        while True:
            scratch.execute(copy, (after, *parameters, NOTES_AT_ONCE))  # (autocommit)
            last = scratch.execute("SELECT max(id) FROM main.pending").fetchone()[0]
            if last is None:
                return
            scratch.execute("BEGIN")
            scratch.execute(_INDEX_NOTES)
            scratch.execute(_INDEX_TITLES)
            scratch.execute("DELETE FROM main.pending")
            scratch.execute("COMMIT")
            after = last

    def _build(self) -> None:
        scratch = None
        try:
            _yield_to_the_import()
            private_files.create_owner_only(self.path)  # (the notes' words: as the library)
            # Throwaway: no journal, no syncing; a crash leaves a file that the next
            # import, or the opening that finishes the import, removes.
            scratch = sqlite3.connect(self.path.resolve().as_uri(), uri=True,
                                      isolation_level=None)
            # 16 KB pages (the library's are 4): the end of a 100,000-note import took
            # 0.9 s less, the copy reading a quarter as many pages.
            for pragma in ("page_size = 16384", "journal_mode = OFF", "synchronous = OFF"):
                scratch.execute(f"PRAGMA {pragma}")
            scratch.executescript(schema.contentless_indexes())
            scratch.execute(_PENDING)
            scratch.execute("ATTACH DATABASE ? AS library",
                            (f"{self.library.resolve().as_uri()}?mode=ro",))
            while (item := self._work.get()) is not _DONE:
                self._index(scratch, *item)
        except BaseException as error:  # (reported by wait: the import rebuilds instead)
            self._failure = error
            while self._work.get() is not _DONE:  # (the import may still be adding)
                pass
        finally:
            if scratch is not None:
                scratch.close()
