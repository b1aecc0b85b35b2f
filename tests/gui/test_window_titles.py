"""Window titles name the app once, last (where Qt adds nothing more), and cut a long title
at a word's end."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from notegui.gui.window_title import at_word, window_title

LONG = ("Why does a question that is written out at very great length, clause after clause, "
        "still deserve a window title that ends at a word rather than in the middle of one?")


@pytest.fixture
def display_name():
    """The display name app.py gives the application (Qt adds it to other titles)."""
    before = QApplication.applicationDisplayName()
    QApplication.setApplicationDisplayName("notegui")
    yield "notegui"
    QApplication.setApplicationDisplayName(before)


def shown_title(title: str) -> str:
    """The title as Qt hands it to the window manager: the display name is added unless
    the title ends with it already (QPlatformWindow::formatWindowTitle)."""
    name = QApplication.applicationDisplayName()
    return title if not name or title.endswith(name) else f"{title} \N{EM DASH} {name}"


def test_the_library_and_the_note_titles_name_the_app_once(qtbot, empty_window, display_name):
    assert shown_title(empty_window.windowTitle()) == "empty.sqlite3 — notegui"
    note_id, _ = empty_window.library.create_note("Do glaciers dream?", "Slowly.", "", "Ice.")
    empty_window.load_library(empty_window.library, note_id)
    assert shown_title(empty_window.windowTitle()) == "Do glaciers dream? — notegui"
    assert shown_title(empty_window.windowTitle()).count(display_name) == 1


def test_a_long_note_title_is_cut_at_a_word(qtbot, empty_window, display_name):
    note_id, _ = empty_window.library.create_note(LONG, "", "", "Text.")
    empty_window.load_library(empty_window.library, note_id)
    title = shown_title(empty_window.windowTitle())
    assert title.endswith("\N{HORIZONTAL ELLIPSIS} — notegui")
    subject = title.removesuffix("\N{HORIZONTAL ELLIPSIS} — notegui")
    assert LONG.startswith(subject) and LONG[len(subject)] == " "  # a whole word last
    assert len(subject) <= 100


def test_at_word() -> None:
    assert at_word("short title") == "short title"
    assert at_word("one  two\nthree", 100) == "one two three"
    assert at_word("alpha beta gamma delta", 15) == "alpha beta\N{HORIZONTAL ELLIPSIS}"
    assert at_word("x" * 30, 10) == "x" * 9 + "\N{HORIZONTAL ELLIPSIS}"  # one long word
    assert window_title() == "notegui"
    assert window_title("a.sqlite3") == "a.sqlite3 \N{EM DASH} notegui"
