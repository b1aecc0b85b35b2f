"""One notegui a library: a second start is told which process has the library open and
quits cleanly (exit code 1, no traceback) or opens another; a lock left by a killed process
is taken over; the lock goes when the library is closed. The CLI takes no lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from conftest import SAMPLE
from notegui import app
from notegui.gui.instance_lock import (
    LOCKED_ANSWER_ENV,
    LibraryLock,
    LibraryLocked,
    ask_about_locked_library,
    lock_library,
    lock_path,
)
from notegui.gui.main_window import MainWindow


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite3"
    app.create_demo_library(path).close()
    return path


def notegui_process(db: Path, **env: str) -> subprocess.Popen[str]:
    """`python -m notegui --db DB` offscreen, in the test's own (isolated) home folders."""
    return subprocess.Popen([sys.executable, "-m", "notegui", "--db", str(db)],
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_lock_is_per_library_and_released(tmp_path):
    first, again = LibraryLock(tmp_path / "a.sqlite3"), LibraryLock(tmp_path / "a.sqlite3")
    other = LibraryLock(tmp_path / "b.sqlite3")
    assert first.path == tmp_path / "a.sqlite3.lock"
    assert first.acquire()
    assert not again.acquire()
    assert again.holder().startswith(f"process {os.getpid()} on ")
    assert other.acquire()
    first.release()
    assert not first.path.exists()
    assert again.acquire()
    again.release()
    other.release()
    first.release()  # a lock not held: nothing to do


def test_a_link_to_the_library_finds_the_same_lock(tmp_path):
    real = tmp_path / "real.sqlite3"
    real.touch()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    assert lock_path(link) == lock_path(real) == tmp_path / "real.sqlite3.lock"


def test_a_folder_where_no_lock_can_be_made_does_not_refuse_the_library(tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    assert LibraryLock(not_a_folder / "lib.sqlite3").acquire()  # connect() will say why
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        assert LibraryLock(folder / "lib.sqlite3").acquire()
    finally:
        folder.chmod(0o755)


def test_lock_library_says_this_window_has_it(tmp_path):
    held = lock_library(tmp_path / "a.sqlite3")
    with pytest.raises(LibraryLocked, match="already open in this notegui window"):
        lock_library(tmp_path / "a.sqlite3")
    held.release()
    lock_library(tmp_path / "a.sqlite3").release()


def test_locked_message_names_the_library_and_the_process(tmp_path):
    error = LibraryLocked(tmp_path / "a.sqlite3", "process 1234 on laptop")
    assert str(error) == (f"{tmp_path / 'a.sqlite3'} is already open in notegui (process 1234 "
                          "on laptop). Open it there, or choose another library.")


def test_the_dialog_offers_quit_and_another_library(qtbot, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(LOCKED_ANSWER_ENV, raising=False)
    error = LibraryLocked(tmp_path / "a.sqlite3", "process 1234 on laptop")
    seen: list[str] = []

    def answer(label: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(label))
            return
        seen.append(box.text())
        seen.append(" | ".join(sorted(b.text() for b in box.buttons())))
        next(b for b in box.buttons() if b.text() == label).click()

    QTimer.singleShot(20, lambda: answer("Open Another Library…"))
    assert ask_about_locked_library(error) == "open"
    QTimer.singleShot(20, lambda: answer("Quit"))
    assert ask_about_locked_library(error) == "quit"
    assert seen[0] == str(error)
    assert seen[1] == "Open Another Library… | Quit"
    assert str(error) in capsys.readouterr().err


def test_open_another_library_when_the_first_is_locked(qtbot, monkeypatch, db, tmp_path):
    other = tmp_path / "other.sqlite3"
    with app.open_library(other) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample.txt")
    held = lock_library(db)  # as if another notegui had it
    monkeypatch.setenv(LOCKED_ANSWER_ENV, "open")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    shown: list[MainWindow] = []

    def fake_exec(*_args) -> int:
        shown.extend(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        assert lock_path(other).exists()  # the library it opened instead is locked
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    try:
        assert app.main(["--db", str(db)]) == 0
    finally:
        held.release()
    window = shown[-1]
    qtbot.addWidget(window)
    assert window.library.path == other
    assert not lock_path(other).exists()  # released at the end
    window.close()


def test_switching_libraries_moves_the_lock(qtbot, tmp_path, db):
    first = app.open_locked(db)
    second_path = tmp_path / "second.sqlite3"
    second = app.open_locked(second_path)
    with pytest.raises(LibraryLocked):
        app.open_locked(db)
    first.close()
    assert not lock_path(db).exists()
    again = app.reopen_library(second)  # the lock is handed over, not released
    assert lock_path(second_path).exists()
    with pytest.raises(LibraryLocked):
        app.open_locked(second_path)
    again.close()
    assert not lock_path(second_path).exists()


def test_the_cli_takes_no_lock(db, capsys):
    held = lock_library(db)
    try:
        assert app.main(["--db", str(db), "list"]) == 0
    finally:
        held.release()
    assert "reasoning" in capsys.readouterr().out.lower()


def test_second_start_quits_clearly_and_a_killed_holder_leaves_no_lock(db):
    first = notegui_process(db)
    try:
        wait_for(lambda: lock_path(db).exists() or first.poll() is not None)
        assert first.poll() is None, first.communicate()
        second = subprocess.run(
            [sys.executable, "-m", "notegui", "--db", str(db)], capture_output=True, text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", LOCKED_ANSWER_ENV: "quit"},
            timeout=120)
        assert second.returncode == 1
        assert (f"notegui: {db} is already open in notegui (process {first.pid} on "
                in second.stderr)
        assert "Open it there, or choose another library." in second.stderr
        assert "Traceback" not in second.stderr + second.stdout
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate()
    assert lock_path(db).exists()  # left behind by the killed process: stale

    third = subprocess.run(
        [sys.executable, "-m", "notegui", "--db", str(db)], capture_output=True, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", app.EXIT_AFTER_START_ENV: "1"},
        timeout=120)
    assert third.returncode == 0, third.stderr
    assert third.stdout.strip() == "ready"
    assert not lock_path(db).exists()  # released on exit
