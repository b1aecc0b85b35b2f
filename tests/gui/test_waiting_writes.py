"""A write from the window that must wait for another process (a command-line import or
repair holding the library) says so in the status bar while it waits, then goes in
(issue 14: a writer that must wait says so and waits)."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import Qt

from notegui.store import busy


def test_a_save_that_waits_for_another_writer_says_so_then_goes_in(qtbot, window):
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    other = sqlite3.connect(window.library.path, isolation_level=None,
                            check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # (as an import's batch holds it)
    release = threading.Timer(1.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        field = window.sidebar.tags.field
        field.setFocus()
        qtbot.keyClicks(field, "waited")
        qtbot.keyClick(field, Qt.Key.Key_Return)  # (blocks until the other writer is done)
    finally:
        release.join()
        other.close()
    waiting = busy.WAITING[0].upper() + busy.WAITING[1:]
    assert waiting in shown
    assert "waited" in window.library.note(window.current_id).tags


def test_a_write_that_finds_the_library_free_says_nothing(qtbot, window):
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    field = window.sidebar.tags.field
    field.setFocus()
    qtbot.keyClicks(field, "free")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not [text for text in shown if "waiting" in text]
    assert "free" in window.library.note(window.current_id).tags
