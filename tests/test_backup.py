"""Backups: a consistent copy of a library in use, rotation, restoring (with the library as it
was saved first), and refusing a backup that is not a sound notegui library."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import SAMPLE_CITED, SAMPLE_TITLE
from notegui.core import paths
from notegui.store import backup as backups
from notegui.store import schema
from notegui.store.errors import LibraryError
from notegui.store.library import SqliteLibrary


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def titles(path: Path) -> set[str]:
    with SqliteLibrary(path) as library:
        return {library.refs([i])[i].title for i in library.note_ids()}


def note_count(path: Path) -> int:
    with SqliteLibrary(path) as library:
        return library.count()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


@pytest.fixture
def filled(library: SqliteLibrary, sample_bytes: bytes) -> SqliteLibrary:
    library.import_bytes(sample_bytes, "sample.txt")
    return library


def test_backup_of_an_open_library_holds_its_notes_and_is_one_file(filled, folder):
    assert Path(f"{filled.path}-wal").exists()  # open, in WAL mode, with writes in it
    made = backups.backup_library(filled.path, folder)
    assert made.parent == folder
    assert made.name.startswith("library-") and made.suffix == ".sqlite3"
    assert sorted(p.name for p in folder.iterdir()) == [made.name]  # no -wal, no partial
    with sqlite3.connect(made) as copy:
        assert copy.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert note_count(made) == filled.count() == 1 + len(SAMPLE_CITED)
    assert filled.find(SAMPLE_TITLE) is not None  # the library is still usable


def test_default_folder_is_per_library_in_the_data_folder(tmp_path, filled):
    other = tmp_path / "elsewhere" / "library.sqlite3"  # the same name, another library
    SqliteLibrary(other).close()
    mine, theirs = backups.default_folder(filled.path), backups.default_folder(other)
    assert mine.parent == theirs.parent == paths.data_dir() / "backups"
    assert mine != theirs
    made = backups.backup_library(filled.path)
    assert made.parent == mine
    assert backups.list_backups(other) == []
    assert [b.path for b in backups.list_backups(filled.path)] == [made]


def test_two_backups_in_the_same_second_get_two_names(filled, folder):
    first = backups.backup_library(filled.path, folder)
    second = backups.backup_library(filled.path, folder)
    assert first != second
    listed = backups.list_backups(filled.path, folder)
    assert [b.path for b in listed] == [second, first]  # newest first


def test_rotation_keeps_the_newest_of_that_library_only(filled, folder, tmp_path):
    other = tmp_path / "other.sqlite3"
    SqliteLibrary(other).close()
    theirs = backups.backup_library(other, folder)  # another library, the same folder
    made = [backups.backup_library(filled.path, folder, keep=3) for _ in range(5)]
    listed = backups.list_backups(filled.path, folder)
    assert [b.path for b in listed] == made[:-4:-1]
    assert not made[0].exists() and not made[1].exists()
    assert theirs.exists()
    assert all(b.size == b.path.stat().st_size for b in listed)
    assert listed[0].when.tzinfo is UTC


def test_list_ignores_other_files_and_a_missing_folder(filled, folder):
    assert backups.list_backups(filled.path, folder) == []
    folder.mkdir()
    for name in ("library-2024.sqlite3", "library-20240101-120000-damaged.sqlite3",
                 ".library-20240101-120000.sqlite3.partial", "notes.txt"):
        (folder / name).write_text("x")
    (folder / "library-20240101-120000.sqlite3").write_text("x")
    assert [b.path.name for b in backups.list_backups(filled.path, folder)] == [
        "library-20240101-120000.sqlite3"]
    assert backups.list_backups(filled.path, folder)[0].when == datetime(
        2024, 1, 1, 12, 0, 0, tzinfo=UTC)


def test_nothing_to_back_up_and_a_foreign_file_are_refused(tmp_path, folder):
    with pytest.raises(LibraryError, match="does not exist yet"):
        backups.backup_library(tmp_path / "missing.sqlite3", folder)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as other:
        other.execute("CREATE TABLE t (x)")
    with pytest.raises(LibraryError, match="not a notegui library"):
        backups.backup_library(foreign, folder)
    assert not folder.exists() or not list(folder.iterdir())


def test_a_backup_that_cannot_be_written_says_where(filled, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(LibraryError, match=f"cannot write backups to {blocked}"):
        backups.backup_library(filled.path, blocked)


def test_a_stale_partial_copy_is_cleaned_up(filled, folder):
    folder.mkdir()
    stale = folder / ".library-20240101-120000.sqlite3.partial"
    fresh = folder / ".library-20990101-120000.sqlite3.partial"  # being written right now
    stale.write_text("half a copy")
    fresh.write_text("half a copy")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    backups.backup_library(filled.path, folder)
    assert not stale.exists()
    assert fresh.exists()


def age_files(library: SqliteLibrary, seconds: float) -> None:
    then = time.time() - seconds
    for path in (library.path, Path(f"{library.path}-wal")):
        os.utime(path, (then, then))


def test_should_back_up_when_none_or_old_and_changed(filled, folder, tmp_path):
    assert not backups.should_back_up(tmp_path / "missing.sqlite3", folder)
    assert backups.should_back_up(filled.path, folder)
    age_files(filled, 5)
    backups.backup_library(filled.path, folder)
    assert not backups.should_back_up(filled.path, folder)
    assert not backups.should_back_up(filled.path, folder, every=timedelta(0))  # unchanged
    filled.import_bytes(b"Is this a new note?\n\nA body.\n", "new.txt")
    assert backups.should_back_up(filled.path, folder, every=timedelta(0))
    assert not backups.should_back_up(filled.path, folder)  # changed, but the backup is new


def test_should_back_up_after_a_day(filled, folder):
    folder.mkdir()
    day_old = datetime.now(UTC) - timedelta(days=1, minutes=1)
    (folder / f"library-{day_old:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"")
    age_files(filled, timedelta(days=1, minutes=2).total_seconds())
    assert not backups.should_back_up(filled.path, folder)  # not changed since
    filled.import_bytes(b"Is this a new note?\n\nA body.\n", "new.txt")
    assert backups.should_back_up(filled.path, folder)


def test_restore_brings_back_deleted_notes_and_keeps_the_library_as_it_was(
        filled, folder, sample_bytes):
    path = filled.path
    made = backups.backup_library(path, folder)
    before = titles(path)
    filled.import_bytes(b"Is this note newer than the backup?\n\nYes.\n", "newer.txt")
    filled.close()
    with sqlite3.connect(path) as connection:  # lose notes: not through the app
        connection.execute("DELETE FROM note WHERE title != ?", (SAMPLE_TITLE,))
    assert len(titles(path)) == 1

    saved = backups.restore_backup(made, path, folder)

    assert titles(path) == before
    assert saved is not None and saved != made and saved.parent == folder
    assert titles(saved) == {SAMPLE_TITLE}  # the library as it was, restorable in turn
    assert made.exists()
    with SqliteLibrary(path) as reopened:
        assert reopened.check() == []
        assert reopened.search("reasoning")
    backups.restore_backup(saved, path, folder)  # a restore can be undone
    assert titles(path) == {SAMPLE_TITLE}


def test_restore_while_another_connection_is_open_is_seen_by_it(filled, folder):
    made = backups.backup_library(filled.path, folder)
    count = filled.count()
    filled.import_bytes(b"Is this note newer than the backup?\n\nYes.\n", "newer.txt")
    assert filled.count() == count + 1
    backups.restore_backup(made, filled.path, folder)
    assert filled.count() == count  # the open library reads the restored content
    assert filled.find("Is this note newer than the backup?") is None


def with_page_size(path: Path, size: int) -> None:
    """Rewrite a backup (one file, rollback journal) with pages of ``size`` bytes."""
    with sqlite3.connect(path, isolation_level=None) as connection:
        connection.execute(f"PRAGMA page_size = {size}")
        connection.execute("VACUUM")
        assert connection.execute("PRAGMA page_size").fetchone()[0] == size
    connection.close()


def test_a_backup_with_other_page_sizes_restores_into_the_open_library(filled, folder):
    """A backup whose pages are not the library's (16 KB, the library's 4): the backup API
    alone refuses to write pages of another size into a library in WAL mode."""
    made = backups.backup_library(filled.path, folder)
    with_page_size(made, 16384)
    count = filled.count()
    filled.import_bytes(b"Is this note newer than the backup?\n\nYes.\n", "newer.txt")
    backups.restore_backup(made, filled.path, folder)
    assert filled.count() == count
    assert filled.find("Is this note newer than the backup?") is None
    assert filled.check() == []
    assert not list(filled.path.parent.glob(".*converting*"))  # the copy made is removed
    with sqlite3.connect(made) as connection:  # and the backup itself is left as it was
        assert connection.execute("PRAGMA page_size").fetchone()[0] == 16384
    connection.close()


def test_restoring_the_oldest_backup_does_not_rotate_it_away(filled, folder):
    made = [backups.backup_library(filled.path, folder, keep=2) for _ in range(2)]
    saved = backups.restore_backup(made[-1], filled.path, folder, keep=2)
    listed = [b.path for b in backups.list_backups(filled.path, folder)]
    assert saved in listed and made[-1] in listed


@pytest.mark.parametrize("kind", ["text", "foreign", "truncated", "damaged", "missing", "empty"])
def test_a_bad_backup_is_refused_by_name_and_changes_nothing(filled, folder, tmp_path, kind):
    bad = tmp_path / f"bad-{kind}.sqlite3"
    if kind == "empty":
        bad.touch()
    elif kind == "text":
        bad.write_text("not a library, but long enough for a header of a hundred bytes " * 3)
    elif kind == "foreign":
        with sqlite3.connect(bad) as other:
            other.execute("CREATE TABLE t (x)")
    elif kind in ("truncated", "damaged"):
        good = backups.backup_library(filled.path, folder)
        data = bytearray(good.read_bytes())
        if kind == "truncated":
            data = data[: len(data) // 2]
        else:
            data[len(data) // 2 :] = b"\xff" * (len(data) - len(data) // 2)
        bad.write_bytes(bytes(data))
        good.unlink()
    filled.close()
    before = digest(filled.path)
    with pytest.raises(LibraryError) as raised:
        backups.restore_backup(bad, filled.path, folder)
    assert str(bad) in str(raised.value)
    assert str(raised.value).lower().count("nothing was restored") == 1
    assert digest(filled.path) == before
    assert backups.list_backups(filled.path, folder) == []  # not even a safety backup


def test_a_backup_of_a_newer_schema_is_refused(filled, folder):
    made = backups.backup_library(filled.path, folder)
    with sqlite3.connect(made) as copy:
        copy.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    with pytest.raises(LibraryError, match="cannot read"):
        backups.restore_backup(made, filled.path, folder)


def test_restore_over_a_damaged_library_keeps_its_bytes_and_drops_its_wal(filled, folder):
    made = backups.backup_library(filled.path, folder)
    path = filled.path
    filled.close()
    garbage = b"this library was overwritten by something else entirely " * 200
    stale_wal = b"the write-ahead log of the damaged library " * 100
    path.write_bytes(garbage)
    Path(f"{path}-wal").write_bytes(stale_wal)
    saved = backups.restore_backup(made, path, folder)
    assert saved is not None and saved.read_bytes() == garbage
    assert Path(f"{saved}-wal").read_bytes() == stale_wal
    assert "damaged" in saved.name
    assert saved not in [b.path for b in backups.list_backups(path, folder)]
    assert not Path(f"{path}-wal").exists()  # never replayed into the restored library
    assert titles(path) == titles(made)


def test_restore_to_a_missing_library_creates_it(filled, folder, tmp_path):
    made = backups.backup_library(filled.path, folder)
    target = tmp_path / "new" / "restored.sqlite3"
    assert backups.restore_backup(made, target, folder) is None
    assert titles(target) == titles(filled.path)
    assert sorted(p.name for p in target.parent.iterdir()) == ["restored.sqlite3"]


def test_restore_next_to_a_lone_wal_keeps_the_wal(filled, folder, tmp_path):
    made = backups.backup_library(filled.path, folder)
    target = tmp_path / "lost.sqlite3"
    Path(f"{target}-wal").write_bytes(b"frames of a database that is gone")
    saved = backups.restore_backup(made, target, folder)
    assert saved is not None and not saved.exists()
    assert Path(f"{saved}-wal").read_bytes() == b"frames of a database that is gone"
    assert not Path(f"{target}-wal").exists()
    assert titles(target) == titles(filled.path)


def test_restore_never_overwrites_another_programs_database(filled, folder, tmp_path):
    made = backups.backup_library(filled.path, folder)
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as other:
        other.execute("PRAGMA application_id = 42")
        other.execute("CREATE TABLE t (x)")
    before = digest(foreign)
    with pytest.raises(LibraryError, match="another program"):
        backups.restore_backup(made, foreign, folder)
    assert digest(foreign) == before


def test_restore_waits_for_no_writer_and_says_so(filled, folder, monkeypatch):
    made = backups.backup_library(filled.path, folder)
    monkeypatch.setattr(backups, "_BUSY_MS", 100)
    with sqlite3.connect(filled.path, isolation_level=None) as writer:
        writer.execute("BEGIN IMMEDIATE")
        with pytest.raises(LibraryError, match="being written by another program"):
            backups.restore_backup(made, filled.path, folder)
        writer.execute("ROLLBACK")
