"""Opening judges the files beside a library while no other process has it open; another
may open it between that look and what the opening does. Renaming or removing a -wal or
-shm under a connection made meanwhile gives two processes different logs of one library,
which damages it (issue 14: a parallel import found its library damaged). Each test lets
another process connect just after the first look, as a loaded machine might."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from notegui.core.errors import LibraryError
from notegui.store import db as database_file
from notegui.store import integrity, side_logs
from notegui.store.library import SqliteLibrary

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")

HOLD = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE note SET description = 'written by the other process'")
c.execute("BEGIN")
c.execute("SELECT count(*) FROM note").fetchone()
print("open", flush=True)
sys.stdin.read()
c.execute("COMMIT")
c.close()
"""


def side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    with SqliteLibrary(path) as opened:
        opened.create_note("Is this note kept whole?", body="Yes.")
    assert not side(path, "-shm").exists() and not side(path, "-wal").exists()
    return path


@pytest.fixture
def other_process():
    started: list[subprocess.Popen] = []

    def connect(path: Path) -> None:
        process = subprocess.Popen([sys.executable, "-c", HOLD, str(path)],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        started.append(process)
        assert process.stdout.readline().strip() == "open"

    yield connect
    for process in started:
        process.communicate("", timeout=30)
        assert process.returncode == 0


def assert_sound(path: Path) -> None:
    with SqliteLibrary(path) as library:
        assert library.check() == []
        note = library.find("Is this note kept whole?")
        assert note is not None and note.description == "written by the other process"


def test_a_refused_opening_leaves_the_logs_of_a_process_that_connected_meanwhile(
        library, other_process, monkeypatch):
    def refused_after_another_connected(path: Path, quick_check: bool = True):
        other_process(path)
        raise LibraryError(f"{path} is refused; it was left untouched")

    monkeypatch.setattr(integrity, "preflight", refused_after_another_connected)
    with pytest.raises(LibraryError):
        database_file.connect(library)
    assert side(library, "-shm").exists(), "the other process's -shm was removed"
    assert side(library, "-wal").exists()
    monkeypatch.undo()
    assert_sound(library)


def test_a_log_judged_foreign_is_not_moved_once_a_process_has_connected(
        library, other_process, monkeypatch, tmp_path):
    side(library, "-wal").write_bytes(b"stale, as a first look found it")
    looks = []
    real_judgement = side_logs.wal_problem

    def foreign_at_first_look(path: Path, header: bytes) -> str:
        looks.append(path)
        if len(looks) == 1:  # (meanwhile another process opens the library and writes)
            side(path, "-wal").unlink()
            other_process(path)
            return "it is older than the library (a log left from before)"
        return real_judgement(path, header)

    monkeypatch.setattr(side_logs, "wal_problem", foreign_at_first_look)
    monkeypatch.setattr(side_logs, "in_use_elsewhere", lambda path: False)
    database_file.connect(library)[0].close_everywhere()  # (opens as the other left it)
    assert not list(tmp_path.glob("*rejected*")), "a live WAL was moved aside"
    monkeypatch.undo()
    assert_sound(library)


def test_a_refused_opening_of_a_library_open_here_leaves_its_files_alone(library,
                                                                          monkeypatch):
    """This process has the library open: a second opening that is refused must not even
    open its -shm (closing that descriptor would drop the open connection's locks)."""
    looked: list[Path] = []
    real_alone = side_logs.alone

    def watched_alone(path: Path):
        looked.append(path)
        return real_alone(path)

    def refused(path: Path, quick_check: bool = True):
        raise LibraryError(f"{path} is refused; it was left untouched")

    with SqliteLibrary(library):
        monkeypatch.setattr(side_logs, "alone", watched_alone)
        monkeypatch.setattr(integrity, "preflight", refused)
        with pytest.raises(LibraryError):
            database_file.connect(library)
        assert looked == []
        assert side(library, "-shm").exists()
