"""A large import's commits are checkpointed by a thread of their own (wal_checkpoints.py):
the rows reach the library file while the import's connection goes on writing, with a
larger page cache; both are set back when the import ends."""

from __future__ import annotations

import sqlite3

import notegui.store.importing.importer as importer_module
from notegui.store.db import PRAGMAS
from notegui.store.importing.wal_checkpoints import BackgroundCheckpoints
from notegui.store.library import SqliteLibrary
from test_bulk_import import make_tangle


def write_megabytes(connection: sqlite3.Connection, count: int = 1) -> None:
    with connection:
        connection.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * 1000 * count)


def test_commits_reach_the_library_file_through_the_thread(tmp_path):
    path = tmp_path / "wal.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = wal")
    connection.execute("CREATE TABLE t (x)")
    checkpoints = BackgroundCheckpoints(path, connection)
    write_megabytes(connection)
    assert path.stat().st_size < 100_000  # in the log only: the connection leaves it
    checkpoints.committed()
    checkpoints.close()
    assert path.stat().st_size > 1_000_000  # copied into the file by the thread
    assert connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    write_megabytes(connection, 5)  # past 1,000 pages: the connection checkpoints again
    assert path.stat().st_size > 5_000_000
    connection.close()


def test_a_large_import_leaves_its_checkpoints_to_the_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(importer_module, "_BATCH", 50)
    monkeypatch.setattr(importer_module, "_DEFER_INDEX_FROM", 10)
    commits: list[int] = []
    committed = BackgroundCheckpoints.committed

    def counted(self):
        commits.append((self.connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0],
                        self.connection.execute("PRAGMA cache_size").fetchone()[0]))
        committed(self)

    monkeypatch.setattr(BackgroundCheckpoints, "committed", counted)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        list(library.import_paths([make_tangle(tmp_path)]))
        # Each batch's commit, the connection's own checkpoints off, its page cache larger.
        assert commits == [(0, -importer_module._LARGE_IMPORT_CACHE_KB)] * 5
        connection = library.db.connection()
        assert connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        assert connection.execute("PRAGMA cache_size").fetchone()[0] == PRAGMAS["cache_size"]
        assert library.check() == []
