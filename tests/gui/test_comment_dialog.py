"""The comment dialog in the real window: it shows the words being commented on, wraps a
long comment instead of scrolling it sideways, saves with Ctrl+Enter and cancels with Esc;
editing a comment from the sidebar shows its quote and its text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from conftest import SAMPLE_TITLE

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PHRASE = "five million pretraining documents"
LONG = ("This comment is long enough to need several lines in a dialog of ordinary width, "
        "so it must wrap rather than run off to the right where nobody can read it.")


def ask_comment(qtbot, window, phrase: str = PHRASE):
    cursor = window.answer.document().find(phrase)
    assert not cursor.isNull()
    window.answer.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    return shown_dialog(qtbot, window)


def shown_dialog(qtbot, window):
    """The comment dialog, once it is on the screen and has the keyboard."""
    qtbot.waitUntil(lambda: window.annotator.dialog is not None
                    and window.annotator.dialog.isActiveWindow())
    return window.annotator.dialog


def test_the_comment_dialog_shows_the_quote_wraps_and_saves_with_ctrl_enter(qtbot, window):
    assert window.library.find(SAMPLE_TITLE).id == window.current_id
    dialog = ask_comment(qtbot, window)
    assert dialog.quote.isVisible() and PHRASE in dialog.quote.text()
    qtbot.waitUntil(dialog.field.hasFocus)
    qtbot.keyClicks(dialog.field, LONG)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # Enter is a new line, not "save"
    qtbot.keyClicks(dialog.field, "Second line.")
    assert dialog.isVisible()
    # Wrapped: several lines on screen, nothing hidden to the right.
    assert dialog.field.document().firstBlock().layout().lineCount() > 1
    assert not dialog.field.horizontalScrollBar().isVisible()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [stored] = window.library.annotations(window.current_id)
    assert stored.comment == LONG + "\nSecond line."
    assert stored.exact == PHRASE


def test_esc_cancels_the_comment_and_writes_nothing(qtbot, window):
    dialog = ask_comment(qtbot, window)
    qtbot.keyClicks(dialog.field, "Never mind.")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.library.annotations(window.current_id) == []


def test_editing_a_comment_shows_its_quote_and_its_text(qtbot, window):
    dialog = ask_comment(qtbot, window)
    qtbot.keyClicks(dialog.field, "First thought.")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [stored] = window.library.annotations(window.current_id)
    window.sidebar.annotations.editCommentRequested.emit(stored.id)
    again = shown_dialog(qtbot, window)
    assert PHRASE in again.quote.text()
    assert again.field.toPlainText() == "First thought."
    qtbot.keyClicks(again.field, " Second.")
    qtbot.keyClick(again.field, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not again.isVisible())
    [changed] = window.library.annotations(window.current_id)
    assert changed.comment == "First thought. Second."
