"""Completing a citation after ``[[`` in the real editor: the title that starts with what
was typed is offered first, then a title with a word that starts so, then the rest, whatever
the case and accents; the offers show whole titles, not cut at the editor's width; Enter
writes the highlighted one."""

from __future__ import annotations

import pytest
from completion_typing import edit, offered, type_at_end
from PySide6.QtCore import Qt

from conftest import SAMPLE_CITED, SAMPLE_TITLE

PROCEDURAL = SAMPLE_CITED[0]  # a demo note cited by the sample
TRACES = "Do reasoning traces need to be semantically correct?"


def edit_note(qtbot, window, title: str = PROCEDURAL):
    return edit(window, window.library.find(title).id)






def highlighted(popup) -> str:
    return popup.currentIndex().data()


def test_the_title_that_starts_with_the_typed_words_is_first_and_enter_writes_it(
        qtbot, window):
    editor = edit_note(qtbot, window)
    popup = type_at_end(qtbot, editor, " See [[Do reasoning")
    titles = offered(popup)
    assert titles[0] == TRACES
    assert SAMPLE_TITLE in titles[1:]  # "Why does reasoning transfer…": offered, below
    assert highlighted(popup) == TRACES
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.body.toPlainText().endswith(f" See [[{TRACES}]]")
    assert not popup.isVisible()


def test_a_title_with_a_word_that_starts_so_comes_before_the_other_matches(qtbot, window):
    editor = edit_note(qtbot, window)
    popup = type_at_end(qtbot, editor, " [[reasoning tra")
    titles = offered(popup)
    # "… reasoning training …", "… reasoning traces …", "… reasoning transfer …" have the
    # words in this order; "… training … reasoning …" (if any) only has both words.
    in_order = [t for t in titles if "reasoning tra" in t.casefold()]
    assert in_order and titles[: len(in_order)] == in_order
    assert TRACES in in_order


def test_case_and_accents_do_not_count(qtbot, window):
    window.library.create_note("École normale: why is its entrance exam so hard?", "D.")
    window.library.create_note("Why does a normal school train teachers?", "D.")
    editor = edit_note(qtbot, window)
    popup = type_at_end(qtbot, editor, " [[ECOLE NORM")
    assert offered(popup)[0] == "École normale: why is its entrance exam so hard?"
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    popup = type_at_end(qtbot, editor, " [[do REASONING")
    assert highlighted(popup) == TRACES


def test_enter_takes_the_entry_highlighted_with_the_arrow_keys(qtbot, window):
    editor = edit_note(qtbot, window)
    popup = type_at_end(qtbot, editor, " [[reasoning")
    titles = offered(popup)
    assert len(titles) >= 3
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert highlighted(popup) == titles[2]
    qtbot.keyClick(popup, Qt.Key.Key_Enter)
    assert editor.body.toPlainText().endswith(f" [[{titles[2]}]]")


def test_the_offers_show_whole_titles_however_narrow_the_editor(qtbot, window):
    window.splitter.setSizes([500, 300, 480])  # the body: a narrow column
    editor = edit_note(qtbot, window)
    assert editor.body.viewport().width() < 300
    popup = type_at_end(qtbot, editor, " [[Why does")
    titles = offered(popup)
    assert len([t for t in titles if t.startswith("Why does ")]) >= 2  # titles alike at first
    metrics = popup.fontMetrics()
    for row, title in enumerate(titles):
        shown = popup.visualRect(popup.model().index(row, 0))
        assert metrics.horizontalAdvance(title) <= shown.width(), title  # on one line
    assert popup.width() > editor.body.viewport().width()
    assert popup.width() <= popup.screen().availableGeometry().width()


@pytest.mark.parametrize("long_title", [
    "Why does " + " ".join(f"zebra{n}" for n in range(30)) + "?",
    "Why does zebra" + "z" * 250 + "?",  # one word: wrapped anywhere
])
def test_a_title_wider_than_the_screen_wraps_and_is_shown_whole(qtbot, window, long_title):
    window.library.create_note(long_title, "D.")
    editor = edit_note(qtbot, window)
    popup = type_at_end(qtbot, editor, " [[Why does zebra")
    assert offered(popup) == [long_title]
    screen = popup.screen().availableGeometry()
    assert popup.width() <= screen.width()
    metrics = popup.fontMetrics()
    assert metrics.horizontalAdvance(long_title) > popup.viewport().width()  # so it wraps:
    shown = popup.visualRect(popup.model().index(0, 0))
    lines = shown.height() // metrics.height()
    assert lines >= 2 and lines * shown.width() >= metrics.horizontalAdvance(long_title)
    assert popup.viewport().height() >= shown.height()  # the whole row, not scrolled
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert editor.body.toPlainText().endswith(f" [[{long_title}]]")
