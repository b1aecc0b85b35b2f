"""A save the library refuses is marked where the reader looks: the field at fault framed
in red with the reason as its tooltip, the reason in red above the editor naming the field;
fixing it clears both. A new note's preview does not call it a stub."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QMessageBox
from shown import refused_field

from conftest import SAMPLE_CITED, SAMPLE_TITLE
from prompts import answer_next_box, back_to

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _close_anyway(monkeypatch):
    """A test that fails mid-refusal closes its window without the modal question."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)


def shown(label) -> str:
    """A rich-text label's text as it reads on the screen."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def red_pixels(widget) -> int:
    """How many pixels of the widget, as painted, are clearly red."""
    image = widget.grab().toImage()
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            colour = QColor(image.pixel(x, y))
            if colour.red() > 150 and colour.green() < 110 and colour.blue() < 110:
                count += 1
    return count


def test_a_refused_title_is_marked_in_red_with_the_reason(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    assert red_pixels(editor.title) == 0
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "No question mark")
    asked = answer_next_box("Keep Editing")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # Done: refused; Keep Editing
    assert len(asked) == 1
    back_to(qtbot, window)
    assert window.middle.currentWidget() is editor
    assert editor.message.isVisible()
    message = shown(editor.message)
    assert "Title: a title is a question; end it with '?'" in message
    assert refused_field(editor) == "title"
    assert "end it with '?'" in editor.title.toolTip()
    assert red_pixels(editor.title) > 20  # framed in red
    assert red_pixels(editor.message) > 20  # the reason in red
    for other in (editor.description, editor.summary):
        assert red_pixels(other) == 0 and other.toolTip() == ""
    editor.title.setFocus()
    editor.title.end(False)
    qtbot.keyClicks(editor.title, "?")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.middle.currentWidget() is window.answer
    assert refused_field(editor) == "" and not editor.message.isVisible()
    assert red_pixels(editor.title) == 0


def test_a_duplicate_title_marks_the_title_and_names_the_other_note(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, SAMPLE_CITED[1])
    asked = answer_next_box("Keep Editing")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert len(asked) == 1
    assert window.middle.currentWidget() is editor
    assert refused_field(editor) == "title"
    assert SAMPLE_CITED[1] in shown(editor.message) and "Title:" in shown(editor.message)
    assert red_pixels(editor.title) > 20
    assert window.library.find(SAMPLE_TITLE) is not None


def test_a_two_line_summary_marks_the_summary(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.summary.setText("one\ntwo")  # (pasted: a line edit keeps the line break)
    editor.summary.textEdited.emit(editor.summary.text())
    asked = answer_next_box("Keep Editing")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert len(asked) == 1
    assert refused_field(editor) == "summary"
    assert "Summary: it is one line" in shown(editor.message)
    assert red_pixels(editor.summary) > 20 and red_pixels(editor.title) == 0


def test_a_new_notes_preview_does_not_call_it_a_stub(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    editor = window.editor
    qtbot.keyClicks(editor.title, "Do glaciers dream?")
    editor.refresh_preview()
    shown = editor.preview.toPlainText()
    assert "Do glaciers dream?" in shown
    assert "stub" not in shown.lower() and "cite this question" not in shown
    assert "The preview shows the description and the answer as you write them." in shown
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, "Slowly, in their sleep.")
    editor.refresh_preview()
    assert "as you write them" not in editor.preview.toPlainText()
    assert "Slowly, in their sleep." in editor.preview.toPlainText()
