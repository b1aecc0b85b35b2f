"""The full-text index of the notes, built at the end of a large import by a thread of its
own in a scratch database beside the library (``LIBRARY-import-index``), while the
import's last transaction writes the links; that transaction then copies it in.

Rebuilt in that transaction, the index and the links took a quarter of a large import
one after the other, on one core, with the other idle. FTS5 keeps an index in ordinary
tables (``note_fts_data``, ``_idx``, ``_docsize``), and the scratch table is made by the
same SQLite with the same columns, tokenizer and settings, so its rows are the index a
rebuild makes (tests/test_side_index.py checks that with FTS5's ``integrity-check``). The
copy is used only if no other connection wrote between the snapshot the thread read and
the copy; else the import rebuilds the index as before."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

from notegui.store import schema

_SHADOWS = ("data", "idx", "docsize")  # what FTS5 keeps of an index (not its config)


def scratch_path(library: Path) -> Path:
    return library.with_name(library.name + "-import-index")


def remove_scratch(library: Path) -> None:
    """The scratch file, once copied or given up (or left by an import cut short)."""
    with contextlib.suppress(OSError):
        scratch_path(library).unlink(missing_ok=True)


def data_version(connection: sqlite3.Connection) -> int:
    """Changes when another connection commits (SQLite's PRAGMA data_version)."""
    return connection.execute("PRAGMA data_version").fetchone()[0]


class SideIndex:
    """Starts indexing the notes committed in ``library``; ``wait`` for it, then
    ``copy_into`` the library's transaction; ``discard`` in any case."""

    def __init__(self, library: Path) -> None:
        self.library = library
        self.path = scratch_path(library)
        remove_scratch(library)
        self._failure: BaseException | None = None
        self.copied = False  # (the scratch file was attached: see copy_into)
        self._thread = threading.Thread(target=self._build, name="import-index", daemon=True)
        self._thread.start()

    def wait(self) -> bool:
        """False when the thread failed (the caller rebuilds the index instead)."""
        self._thread.join()
        return self._failure is None

    def copy_into(self, connection: sqlite3.Connection) -> None:
        """Replace the library's note index by the scratch one, in the caller's
        transaction. The caller closes the connection once the transaction is over: SQLite
        cannot detach the scratch file inside it, and FTS5 keeps an index's layout per
        connection, which this copy wrote past."""
        self.copied = True
        connection.execute("ATTACH DATABASE ? AS scratch", (str(self.path),))
        for shadow in _SHADOWS:
            table = f"note_fts_{shadow}"
            connection.execute(f"DELETE FROM main.{table}")
            connection.execute(f"INSERT INTO main.{table} SELECT * FROM scratch.{table}")

    def discard(self) -> None:
        self._thread.join()
        remove_scratch(self.library)

    def _build(self) -> None:
        scratch = library = None
        try:
            # Throwaway: no journal, no syncing; a crash leaves a file the next import or
            # opening removes.
            scratch = sqlite3.connect(self.path, isolation_level=None)
            for pragma in ("journal_mode = OFF", "synchronous = OFF",
                           "locking_mode = EXCLUSIVE"):
                scratch.execute(f"PRAGMA {pragma}")
            scratch.executescript(schema.contentless_note_index())
            library = sqlite3.connect(f"{self.library.resolve().as_uri()}?mode=ro", uri=True)
            scratch.execute("BEGIN")
            # One statement reads every note, in one snapshot: the caller checks that it
            # is still the library's when it copies.
            scratch.executemany(
                "INSERT INTO note_fts (rowid, title, description, summary, body) "
                "VALUES (?, ?, ?, ?, ?)",
                library.execute("SELECT id, title, description, summary, body FROM note"))
            scratch.execute("COMMIT")
        except BaseException as error:  # (reported by wait: the import rebuilds instead)
            self._failure = error
        finally:
            for connection in (scratch, library):
                if connection is not None:
                    connection.close()
