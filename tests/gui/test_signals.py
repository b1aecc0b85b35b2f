"""The session's end from outside the window (SIGTERM at a logout or from ``kill``, SIGINT
from the terminal, SIGHUP when it closes, the session manager's logout, any other quit)
closes the window as Ctrl+Q does: the edit and the settings saved, the lock released, the
WAL checkpointed, and the next start opens on the note that was open."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import SAMPLE_CITED, SAMPLE_TITLE, run_and_capture
from notegui import app
from notegui.core import paths
from notegui.core.drafts import Draft, DraftStore, default_drafts_dir
from notegui.core.settings import Settings, settings_file
from notegui.gui.instance_lock import lock_path
from notegui.gui.main_window import MainWindow
from notegui.gui.session_end import QuitOnSignals
from session_signals import child_with_default_signals

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

OPENED = SAMPLE_CITED[4]  # a note other than the one a first start shows


def side_files(db: Path) -> list[str]:
    return sorted(path.name for path in db.parent.iterdir()
                  if path.name != db.name and path.name.startswith(db.name))


@contextmanager
def notegui_process(db: Path, *args: str, then: Callable[[], object] | None = None):
    """notegui on ``db``, offscreen, in a process of its own started with the default
    handling of signals and then ``then`` (in the child); killed if still running."""
    child = subprocess.Popen(
        [sys.executable, "-m", "notegui", "--db", str(db), *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=child_with_default_signals(then))
    try:
        yield child
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()


def wait_for(condition, process: subprocess.Popen) -> None:
    import time

    deadline = time.monotonic() + 90
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_closes_the_app_as_ctrl_q_does(qtbot, monkeypatch, tmp_path, number):
    db = tmp_path / "library.sqlite3"
    app.create_demo_library(db).close()
    log = paths.log_dir() / "notegui.log"
    with notegui_process(db, "open", OPENED) as child:
        wait_for(lambda: log.exists() and "the window is open" in log.read_text(), child)
        assert lock_path(db).exists() and db.with_name(db.name + "-wal").exists()
        child.send_signal(number)
        _out, err = child.communicate(timeout=60)
    assert child.returncode == 128 + number, err
    assert "Traceback" not in err
    assert f"{signal.Signals(number).name} received" in log.read_text()
    # The lock released, the WAL checkpointed into the library and removed.
    assert side_files(db) == []
    # The settings written: the window, and the note that was open.
    saved = json.loads(settings_file().read_text(encoding="utf-8"))
    with app.open_library(db) as library:
        assert saved["last_note"] == {str(db): library.find(OPENED).id}
    assert saved["window_geometry"] and saved["last_library"] == str(db)
    assert not default_drafts_dir().exists() or not any(default_drafts_dir().iterdir())
    # The next start opens on that note, not on the first of the list.
    _code, window = run_and_capture(monkeypatch, ["--db", str(db)])
    try:
        assert window.windowTitle() == f"{OPENED} — notegui"
    finally:
        window.close()
        window.library.close()


def pending(pid: int, number: int) -> bool:
    """Whether signal ``number`` is sent to process ``pid`` but not yet handled (Linux)."""
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    masks = [int(line.split()[1], 16) for line in status
             if line.startswith(("SigPnd:", "ShdPnd:"))]
    return any(mask & (1 << (number - 1)) for mask in masks)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_signal_ignored_at_the_start_stays_ignored(tmp_path):
    """`nohup notegui`: SIGHUP (its terminal closed) was ignored when notegui started, so
    it does not close the window; SIGTERM still does."""
    db = tmp_path / "library.sqlite3"
    app.create_demo_library(db).close()
    log = paths.log_dir() / "notegui.log"
    ignoring_hangups = lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN)  # noqa: E731
    with notegui_process(db, then=ignoring_hangups) as child:
        wait_for(lambda: log.exists() and "the window is open" in log.read_text(), child)
        child.send_signal(signal.SIGHUP)
        wait_for(lambda: not pending(child.pid, signal.SIGHUP), child)  # (then in order)
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM, err
    assert "SIGHUP received" not in log.read_text()
    assert side_files(db) == []


def test_a_signal_while_the_draft_question_is_open_keeps_the_draft(tmp_path):
    """SIGTERM while "Restore unsaved edit?" waits for an answer: the question ends
    unanswered, which is not a No: the draft stays for the next start."""
    db = tmp_path / "library.sqlite3"
    app.create_demo_library(db).close()
    with app.open_library(db) as library:
        note_id = library.find(OPENED).id
    DraftStore().save(db, Draft(note_id, OPENED, body="Words a crash left unsaved."))
    log = paths.log_dir() / "notegui.log"
    with notegui_process(db) as child:
        wait_for(lambda: log.exists() and "the window is open" in log.read_text(), child)
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM, err
    assert side_files(db) == []
    assert [d.body for d in DraftStore().load(db)] == ["Words a crash left unsaved."]


def test_a_signal_before_the_window_ends_the_start_cleanly(tmp_path):
    """SIGTERM while the start asks what to do about a library another notegui has open
    (no window yet): the question ends, the app exits as if Quit was chosen, with the
    signal's code, and the other holder's lock is left alone."""
    from notegui.gui.instance_lock import lock_library

    db = tmp_path / "library.sqlite3"
    app.create_demo_library(db).close()
    held = lock_library(db)
    try:
        with notegui_process(db) as child:
            said = child.stderr.readline()  # (printed as the question is shown)
            assert "is already open in notegui" in said
            child.send_signal(signal.SIGTERM)
            _out, err = child.communicate(timeout=60)
        assert child.returncode == 128 + signal.SIGTERM, err
        assert "Traceback" not in err
        assert held._file.isLocked()
    finally:
        held.release()


@pytest.fixture
def editing_window(qtbot, tmp_path, monkeypatch):
    """A window that saves its settings and keeps drafts, editing the sample note; a
    question asked while it closes is recorded (and answered No)."""
    library = app.create_demo_library(tmp_path / "demo.sqlite3")
    window = MainWindow(library, Settings(theme="light"), app.open_library, app.open_library,
                        start_note=library.find(SAMPLE_TITLE).id,
                        drafts=DraftStore(tmp_path / "drafts"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, *_a, **_k: (
        window.asked.append(title), QMessageBox.StandardButton.No)[1])
    window.notes.edit_note()
    yield window
    window.close()
    window.library.close()


def send_to_self(qtbot, window: MainWindow, number: int) -> None:
    """``number`` sent to this process, handled as the app handles it (but without
    quitting the test's event loop)."""
    ending = QuitOnSignals(lambda _number: window.end_session())
    try:
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: window.closed, timeout=10000)
    finally:
        ending.close()


def test_sigterm_mid_edit_saves_the_edit(qtbot, editing_window):
    window = editing_window
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Typed just before the logout.")
    send_to_self(qtbot, window, signal.SIGTERM)
    assert not window.isVisible() and window.asked == []
    assert window.library.find(SAMPLE_TITLE).body.endswith("Typed just before the logout.")
    assert window.notes.drafts.load(window.library.path) == []
    saved = json.loads(settings_file().read_text(encoding="utf-8"))
    assert saved["last_note"] == {str(window.library.path): window.current_id}


def test_sigterm_with_an_edit_that_cannot_be_saved_keeps_a_draft_and_asks_nothing(
        qtbot, editing_window):
    window = editing_window
    window.editor.title.selectAll()
    qtbot.keyClicks(window.editor.title, "No question mark")  # refused: not a question
    send_to_self(qtbot, window, signal.SIGTERM)
    assert not window.isVisible()
    assert window.asked == []  # nobody is there to answer at a logout
    assert [d.title for d in window.notes.drafts.load(window.library.path)] == ["No question mark"]
    assert window.library.find(SAMPLE_TITLE) is not None  # the note as it was


def test_the_session_managers_logout_saves_then_closes_without_asking(qtbot, editing_window):
    window = editing_window
    window.editor.title.selectAll()
    qtbot.keyClicks(window.editor.title, "No question mark")
    ending = app.SessionEnd(QApplication.instance(), window)
    try:
        # The session manager asks the app to save (commitDataRequest): the window stays.
        ending.commit(None)
        assert window.isVisible() and window.asked == []
        drafts = window.notes.drafts.load(window.library.path)
        assert [d.title for d in drafts] == ["No question mark"]
        assert settings_file().exists()
        # Then the session ends: Qt quits (aboutToQuit), and the window closes, asking
        # nothing.
        QApplication.instance().aboutToQuit.emit()
        assert window.closed and window.asked == []
    finally:
        ending.close()
    assert window.notes.drafts.load(window.library.path)  # offered at the next start


def test_the_app_answers_the_session_manager():
    """run_app connects commitDataRequest (the XSMP logout's "save yourself")."""
    from PySide6.QtCore import SIGNAL

    application = QApplication.instance()
    signature = SIGNAL("commitDataRequest(QSessionManager&)")
    before = application.receivers(signature)
    library = app.create_demo_library(paths.default_library())
    window = MainWindow(library, Settings(), app.open_library, app.open_library,
                        save_settings=False)
    ending = app.SessionEnd(application, window)
    try:
        assert application.receivers(signature) == before + 1
    finally:
        ending.close()
        window.close()
        library.close()
    assert application.receivers(signature) == before
