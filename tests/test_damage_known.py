"""Damage that SQLite's quick check at opening cannot see (an index that no longer agrees
with its table: one flipped byte inside a stored value) is found by ``notegui check``, and
from then on no process writes into the library until a full check finds it sound again or
a backup is restored (issue 14, item 5)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from conftest import SAMPLE
from notegui.app import main
from notegui.store import backup as backups
from notegui.store import damage_mark, integrity
from notegui.store.errors import LibraryError
from notegui.store.library import SqliteLibrary
from notegui.store.transaction import Transaction

TITLES = [f"Is zebra {n:03d} striped?" for n in range(40)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def flip_inside_a_title_key(path: Path) -> None:
    """One flipped byte inside a stored value of an indexed column: the row and its index
    entry disagree, which the quick check does not compare."""
    data = bytearray(path.read_bytes())
    at = data.find(b"is zebra 025 striped?")
    assert at > 0
    data[at + 3] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.fixture
def quietly_damaged(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    with SqliteLibrary(path) as library:
        for title in TITLES:
            library.create_note(title, body="Stripes.")
    flip_inside_a_title_key(path)
    connection = integrity.connect_read_only(path)
    try:  # (the premise: the check at opening passes it)
        assert integrity.quick_check_problems(connection) == ""
    finally:
        connection.close()
    return path


def run(capsys, path: Path, *command: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(path), *command])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "unexpected error" not in err
    return code, out, err


def test_damage_found_by_check_keeps_every_later_write_out(quietly_damaged, capsys):
    before = digest(quietly_damaged)
    code, out, _err = run(capsys, quietly_damaged, "check")
    assert code == 1 and "missing from index" in out
    for command in (["import", str(SAMPLE)], ["check", "--repair"]):
        code, _out, err = run(capsys, quietly_damaged, *command)
        assert code == 1
        assert "is damaged" in err and "missing from index" in err and "salvage" in err
    with SqliteLibrary(quietly_damaged) as library:
        assert "missing from index" in library.health().damaged
        with pytest.raises(LibraryError, match="is damaged"):
            library.create_note("Can a note go into a damaged library?")
    code, out, _err = run(capsys, quietly_damaged, "list")
    assert code == 0 and "Is zebra 000 striped?" in out  # (still read)
    assert digest(quietly_damaged) == before


def test_a_full_check_that_finds_it_sound_lets_it_be_written_again(quietly_damaged, capsys):
    run(capsys, quietly_damaged, "check")
    connection = sqlite3.connect(quietly_damaged)  # (mended by hand, as a user might)
    connection.execute("REINDEX")
    connection.close()
    assert "is damaged" in run(capsys, quietly_damaged, "list")[2]  # (still known damaged)
    code, out, _err = run(capsys, quietly_damaged, "check")
    assert code == 0 and out.startswith("ok:")
    code, out, err = run(capsys, quietly_damaged, "import", str(SAMPLE))
    assert code == 0 and "1 imported" in out and "damaged" not in err


def test_restoring_a_backup_ends_what_was_known(quietly_damaged, tmp_path, capsys):
    sound = tmp_path / "sound.sqlite3"
    with SqliteLibrary(sound) as library:
        library.create_note("Is this the backup?")
    folder = tmp_path / "backups"
    folder.mkdir()
    saved = folder / "library-20261206-120000.sqlite3"
    shutil.copy(sound, saved)
    run(capsys, quietly_damaged, "check")
    assert damage_mark.known(quietly_damaged)
    backups.restore_backup(saved, quietly_damaged, folder)
    with SqliteLibrary(quietly_damaged) as library:
        assert library.health().writable
        assert library.find("Is this the backup?") is not None


def test_a_mark_left_by_another_file_at_that_path_is_dropped(quietly_damaged, tmp_path,
                                                             capsys):
    run(capsys, quietly_damaged, "check")
    replacement = tmp_path / "replacement.sqlite3"
    with SqliteLibrary(replacement) as library:
        library.create_note("Is this a new file at the old path?")
    replacement.replace(quietly_damaged)  # (another inode)
    code, out, err = run(capsys, quietly_damaged, "import", str(SAMPLE))
    assert code == 0 and "1 imported" in out and "damaged" not in err
    assert not damage_mark.mark_path(quietly_damaged).exists()


def test_a_mark_that_is_not_ours_is_ignored(tmp_path, capsys):
    path = tmp_path / "library.sqlite3"
    SqliteLibrary(path).close()
    damage_mark.mark_path(path).write_bytes(b"\x00garbage{")
    code, _out, err = run(capsys, path, "import", str(SAMPLE))
    assert code == 0 and "damaged" not in err


def test_the_check_beside_a_library_being_written_finds_no_damage_that_is_not_there(
        tmp_path):
    """A large library is checked on a thread while it is used. It used to be read as an
    unchanging file (immutable) when its log was empty: writes and checkpoints meanwhile
    moved its pages under the check, which then marked a healthy library damaged."""
    path = tmp_path / "library.sqlite3"
    with SqliteLibrary(path) as library:
        library.db.connection().execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)"
            " INSERT INTO tag (name) SELECT 'tag ' || i || ' ' || hex(randomblob(120)) FROM n")
    found: list[str] = []
    with SqliteLibrary(path) as library:
        connection = library.db.connection()
        checks: list[integrity.BackgroundCheck] = []
        rounds = 0
        while len(checks) < 12 or not checks[-1].done.is_set():
            if not checks or checks[-1].done.is_set():
                checks.append(integrity.BackgroundCheck(path, found.append))
            with Transaction(connection):
                connection.executemany("INSERT INTO tag (name) VALUES (?)", [
                    (f"more {rounds} {k} " + "z" * 300,) for k in range(300)])
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            rounds += 1
        for check in checks:
            check.wait()
    assert found == []


def test_closing_a_large_library_does_not_wait_for_a_starved_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a busy machine the check's thread (lowest priority) may not run for minutes: a
    command closing the library (`notegui list`, a sync) used to wait for it at its exit.
    Closing asks the check to stop and waits a moment only."""
    path = tmp_path / "library.sqlite3"
    SqliteLibrary(path).close()
    started, release = threading.Event(), threading.Event()

    def starved(connection: object) -> str:
        started.set()
        release.wait(30)  # (a thread that gets no CPU)
        return ""

    monkeypatch.setattr(integrity, "quick_check_problems", starved)
    check = integrity.BackgroundCheck(path, lambda found: None)
    assert started.wait(10)
    check.stop()
    assert not check.done.is_set()  # (stop came back while the check still ran)
    release.set()
    assert check.wait(10)
