"""Opening a library file: what is not ours, or is damaged, is refused and left untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLE
from notegui.app import main
from notegui.store.errors import LibraryError
from notegui.store.library import SqliteLibrary


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(capsys, path: Path) -> str:
    before = digest(path)
    code = main(["--db", str(path), "import", str(SAMPLE)])
    err = capsys.readouterr().err
    assert code == 1
    assert digest(path) == before, "the refused file was modified"
    assert not Path(f"{path}-wal").exists()
    assert "Traceback" not in err
    return err


def test_text_file_is_not_a_library(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("just some text, long enough to be more than a header " * 4)
    assert f"{path} is not a notegui library (not a SQLite database)" in refused(capsys, path)


def test_other_sqlite_database_is_not_a_library(tmp_path, capsys):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    connection.close()
    err = refused(capsys, path)
    assert f"{path} is a SQLite database, but not a notegui library" in err


def test_corrupt_library_is_refused_unchanged(tmp_path, capsys):
    path = tmp_path / "lib.db"
    with SqliteLibrary(path) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page, keep the header
    path.write_bytes(bytes(data))
    err = refused(capsys, path)
    assert f"{path} is damaged or unreadable" in err
    assert "left untouched" in err


def test_truncated_file_is_refused(tmp_path, capsys):
    path = tmp_path / "lib.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)
    assert "not a notegui library" in refused(capsys, path)


def test_library_from_a_newer_notegui_is_refused(tmp_path, capsys):
    path = tmp_path / "lib.db"
    SqliteLibrary(path).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    assert "was made by a newer notegui (schema 99" in refused(capsys, path)


def test_a_folder_is_not_a_library(tmp_path):
    with pytest.raises(LibraryError, match="is a folder, not a library file"):
        SqliteLibrary(tmp_path)


def test_new_library_is_created_with_missing_parent_folders(tmp_path):
    path = tmp_path / "a" / "b" / "lib.sqlite3"
    with SqliteLibrary(path) as library:
        assert library.count() == 0
    with SqliteLibrary(path) as library:  # and opens again as ours
        assert library.count() == 0


def test_library_uses_wal(tmp_path):
    path = tmp_path / "lib.db"
    SqliteLibrary(path).close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_a_library_with_other_pages_opens_and_keeps_them(tmp_path):
    """A new library has 4 KB pages; one whose pages were changed (VACUUM) keeps its own."""
    new = tmp_path / "new.db"
    SqliteLibrary(new).close()
    other = tmp_path / "other.db"
    with SqliteLibrary(other) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample")
    connection = sqlite3.connect(other, isolation_level=None)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("PRAGMA page_size = 16384")
    connection.execute("VACUUM")
    connection.close()
    with SqliteLibrary(other) as library:  # opened (in WAL mode again) and written to
        library.import_bytes(b"Is this a note written since?\n\nYes.\n", "new.txt")
        assert library.check() == []
    sizes = {}
    for path in (new, other):
        connection = sqlite3.connect(path)
        sizes[path.name] = connection.execute("PRAGMA page_size").fetchone()[0]
        connection.close()
    assert sizes == {"new.db": 4096, "other.db": 16384}
