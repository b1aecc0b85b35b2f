"""A fake of ``core.ports.Sync`` for the window's sync tests: it records what the window
asked (and on which thread), can hold a sync until the test lets it go, fail it with a
SyncError, or change the library from the worker thread as a real sync would. And the
window on a library with such a sync, and a way to act on a modal dialog once it shows."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from notegui.core.sync_model import Conflict, SyncError, SyncReport, SyncSettings, SyncStatus

TRIES = 250  # 5 s of looking for a dialog


class FakeSync:
    """What a test sets: ``settings_value``, ``status_value``, ``report``, ``error`` (raised
    by the next syncs), ``gate`` (a sync waits for it), ``work`` (run inside the sync, on
    its thread), ``refuse_settings`` (set_settings raises it)."""

    def __init__(self, settings: SyncSettings | None = None,
                 status: SyncStatus | None = None) -> None:
        self.settings_value = settings or SyncSettings()
        self.status_value = status or SyncStatus()
        self.report = SyncReport()
        self.error: SyncError | None = None
        self.gate: threading.Event | None = None
        self.work: Callable[[], set[int]] | None = None
        self.refuse_settings: SyncError | None = None
        self.threads: list[str] = []  # the thread of each sync, in order
        self.started = threading.Event()  # a sync began (it may wait at the gate)
        self.saved: list[SyncSettings] = []
        self.settled: list[tuple[str, str, str]] = []

    # -- the port ----------------------------------------------------------------------------

    def settings(self) -> SyncSettings:
        return self.settings_value

    def set_settings(self, settings: SyncSettings) -> None:
        if self.refuse_settings is not None:
            raise self.refuse_settings
        self.saved.append(settings)
        self.settings_value = settings

    def sync(self, should_stop: Callable[[], bool] = lambda: False) -> SyncReport:
        self.threads.append(threading.current_thread().name)
        self.started.set()
        if self.gate is not None:
            self.gate.wait(10)
        if self.error is not None:
            self.status_value = replace(self.status_value, last_result=str(self.error))
            raise self.error
        changed = self.work() if self.work is not None else set()
        self.status_value = replace(self.status_value, last_result="", ahead=0, behind=0,
                                    last_sync=datetime.now(UTC).isoformat())
        return replace(self.report, changed=set(self.report.changed) | changed)

    def status(self, fetch: bool = False) -> SyncStatus:
        return replace(self.status_value, remote=self.settings_value.remote)

    def settle(self, uid: str, keep: str, text: str = "") -> None:
        self.settled.append((uid, keep, text))
        self.status_value = replace(self.status_value, conflicts=tuple(
            c for c in self.status_value.conflicts if c.uid != uid))


def conflict(uid: str, title: str, note_id: int = 1) -> Conflict:
    return Conflict(uid, note_id, title, ("body",),
                    mine=f"# {title}\n\nMy paragraph of {uid}.\n",
                    theirs=f"# {title}\n\nTheir paragraph of {uid}.\n",
                    found="2026-01-02T03:04:05+00:00")


def sync_window(qtbot, library, fake: FakeSync | None, start_note: int | None = None):
    """The real main window on ``library`` with ``fake`` as its sync; closed after."""
    from notegui.app import open_library
    from notegui.core.settings import Settings
    from notegui.gui.main_window import MainWindow

    shown = MainWindow(library, Settings(theme="light"), open_library, open_library,
                       save_settings=False, start_note=start_note,
                       sync_for=lambda _library: fake)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    if fake is not None and fake.gate is not None:
        fake.gate.set()
    shown.close()
    shown.library.close()
    QApplication.instance().setPalette(QApplication.style().standardPalette())


@contextlib.contextmanager
def opened_window(qtbot, library, fake: FakeSync | None,
                  start_note: int | None = None) -> Iterator:
    """``sync_window`` for a ``with`` block (a test that opens more than one)."""
    shown = sync_window(qtbot, library, fake, start_note)
    try:
        yield next(shown)
    finally:
        next(shown, None)


def when_shown(find: Callable[[], object | None], act: Callable[[object], None],
               failures: list[str]) -> None:
    """Once ``find()`` returns a widget (a modal dialog opening), make it the active window
    (as a window manager would; offscreen, nothing is) and ``act`` on it. ``act`` is to
    close it: one left open after 5 s is closed, and that goes into ``failures`` (the test
    asserts it is empty), as does an exception ``act`` raised or no dialog at all."""

    def close(found) -> None:
        try:
            still = found.isVisible()
        except RuntimeError:  # (deleted with its dialog: closed)
            return
        if still:
            failures.append("the dialog was left open")
            found.reject()

    def look(tries: int) -> None:
        found = find()
        if found is not None and found.isVisible():
            if not found.isActiveWindow() and tries:
                found.activateWindow()
                QTimer.singleShot(20, lambda: look(tries - 1))
                return
            try:
                act(found)
            except Exception as error:  # (raised in a timer: the test must see it)
                failures.append(repr(error))
            QTimer.singleShot(5000, lambda: close(found))
            return
        if tries:
            QTimer.singleShot(20, lambda: look(tries - 1))
        else:
            failures.append("the dialog never showed")

    QTimer.singleShot(0, lambda: look(TRIES))
