"""A long list at start: its first rows at once, the rest read on a thread and appended,
the reader's place and the open note kept; a list that changed meanwhile is not
overwritten by the one read before."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from conftest import SAMPLE_TITLE, shown_window
from notegui.gui import main_window
from notegui.store.library import SqliteLibrary


@pytest.fixture
def held(monkeypatch) -> threading.Event:
    """The whole list's read, on its thread, waits until the event is set."""
    release = threading.Event()
    note_ids = SqliteLibrary.note_ids

    def waiting(self, questions_only=False, first=None, cancelled=None):
        if first is None and threading.current_thread() is not threading.main_thread():
            assert release.wait(10)
        return note_ids(self, questions_only, first, cancelled)

    monkeypatch.setattr(SqliteLibrary, "note_ids", waiting)
    monkeypatch.setattr(main_window, "FIRST_ROWS", 3)
    return release


@pytest.fixture
def window(qtbot, tmp_path: Path, held) -> Iterator[main_window.MainWindow]:
    from notegui.app import create_demo_library

    library = create_demo_library(tmp_path / "demo.sqlite3")
    yield from shown_window(qtbot, library, library.find(SAMPLE_TITLE).id)


def titles(window: main_window.MainWindow) -> list[str]:
    return [window.model.index(row).data() for row in range(window.model.rowCount())]


def open_title(window: main_window.MainWindow) -> str:
    note = window.library.note(window.current_id) if window.current_id else None
    return note.title if note else ""


def test_the_first_rows_show_at_once_and_the_rest_follow_with_the_place_kept(
        qtbot, window, held):
    all_titles = sorted((ref.title for ref in window.library.iter_refs()), key=str.casefold)
    assert len(all_titles) == 9
    # At once: the first three rows, the note last read open (not among them), the count
    # saying the list is being read.
    assert titles(window) == all_titles[:3]
    assert window.current_id == window.library.find(SAMPLE_TITLE).id
    assert window.count_label.text() == "Listing the notes\u2026"
    # The reader moves in the rows there are.
    window.list.setFocus()
    window.list.setCurrentIndex(window.model.index(0))
    qtbot.keyClick(window.list, Qt.Key.Key_Down)
    second = window.model.index(1).data()
    qtbot.waitUntil(lambda: open_title(window) == second)
    held.set()
    qtbot.waitUntil(lambda: window.model.rowCount() == 9)
    assert titles(window) == all_titles
    assert window.count_label.text() == "9 notes"
    # The row chosen stays chosen, and the list goes on below it.
    assert window.list.currentIndex().row() == 1 and open_title(window) == second
    qtbot.keyClick(window.list, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: open_title(window) == all_titles[-1])


def test_the_open_note_is_found_in_the_list_once_it_is_read(qtbot, window, held):
    assert window.list.currentIndex().row() == -1  # (not among the first rows)
    held.set()
    qtbot.waitUntil(lambda: window.model.rowCount() == 9)
    row = window.list.currentIndex().row()
    assert window.model.index(row).data() == SAMPLE_TITLE


def test_a_list_changed_meanwhile_is_not_replaced_by_the_one_read_before(
        qtbot, window, held):
    with SqliteLibrary(window.library.path) as other:  # as `notegui import` would
        other.create_note("Aardvarks first?", "", "", "Yes.")
    qtbot.waitUntil(lambda: "Aardvarks first?" in titles(window), timeout=5000)
    assert window.model.rowCount() == 10 and window.count_label.text() == "10 notes"
    held.set()  # (the read that began before the new note: dropped)
    qtbot.wait(300)
    assert window.model.rowCount() == 10 and titles(window)[0] == "Aardvarks first?"
    assert window.count_label.text() == "10 notes"


def test_the_read_stops_when_the_window_closes(tmp_path):
    """(Closing waits for the library's threads: a read of a million ids would hold it.)"""
    from notegui.app import create_demo_library
    from notegui.store.search import Cancelled

    with create_demo_library(tmp_path / "demo.sqlite3") as library:
        assert len(library.note_ids(cancelled=lambda: False)) == 9
        with pytest.raises(Cancelled):
            library.note_ids(cancelled=lambda: True)
        assert len(library.note_ids(first=4)) == 4
