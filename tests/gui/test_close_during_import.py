"""Closing the window while an import runs (Ctrl+Q, SIGTERM, a logout) stops the import and
closes: it waited for ever on the import's thread, whose loop only the window's thread
would have ended."""

from __future__ import annotations

import threading
import time

from conftest import write_note

HANG_SECONDS = 30  # a close that takes this long is the hang: the watchdog ends it


def test_closing_the_window_during_an_import_stops_it_and_closes(qtbot, window, tmp_path,
                                                                 monkeypatch):
    started, stopped = threading.Event(), threading.Event()

    def slow_import(files, should_stop):  # an import that runs until it is cancelled
        started.set()
        while not should_stop():
            time.sleep(0.01)
        stopped.set()
        yield from ()

    monkeypatch.setattr(window.library, "import_paths", slow_import)
    write_note(tmp_path / "in", "a.txt", "Why do leaves fall?\nAutumn.\nDays shorten.")
    window.files.import_paths([tmp_path / "in"])
    assert started.wait(30)
    job, closed, rescued = window.files.import_job, threading.Event(), threading.Event()

    def watchdog() -> None:  # ends the hang (from another thread), so the test can fail
        if not closed.wait(HANG_SECONDS):
            rescued.set()
            job.cancel()

    threading.Thread(target=watchdog, daemon=True).start()
    window.close()
    closed.set()
    assert not rescued.is_set(), "closing waited for ever on the import's thread"
    assert window.closed and not window.isVisible()
    assert stopped.is_set()
