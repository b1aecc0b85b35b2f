"""Annotating in the real window: highlight a selection, see it painted and listed; edit
the text before it and inside it and it follows its words; delete them and it is detached
but still listed; comments are found by the main search; the browser jumps to one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog

from conftest import SAMPLE_TITLE

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
PHRASE = "five million pretraining documents"


def select(window, phrase: str) -> None:
    cursor = window.answer.document().find(phrase)
    assert not cursor.isNull(), phrase
    window.answer.setTextCursor(cursor)


def painted(window) -> list[str]:
    """The words under each highlight painted in the answer."""
    return [s.cursor.selectedText() for s in window.answer.extraSelections()]


def highlight(qtbot, window, phrase: str = PHRASE) -> None:
    select(window, phrase)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)


def edit_body(qtbot, window, change) -> None:
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    body = window.editor.body
    body.setPlainText(change(body.toPlainText()))
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.middle.currentWidget() is window.answer


@pytest.fixture
def sample(window):
    assert window.library.find(SAMPLE_TITLE).id == window.current_id
    return window


def test_highlight_a_selection_shows_it_and_lists_it(qtbot, sample):
    highlight(qtbot, sample)
    assert painted(sample) == [PHRASE]
    assert sample.sidebar.annotations.labels() == [f"“{PHRASE}”"]
    assert sample.sidebar.annotations_label.text() == "Anno&tations (1)"
    [stored] = sample.library.annotations(sample.current_id)
    assert (stored.exact, stored.color) == (PHRASE, "yellow")
    # It comes back when the note is opened again.
    sample.go_back() if sample.history.can_go_back() else None
    sample.open_note(sample.library.find(SAMPLE_TITLE).id)
    assert painted(sample) == [PHRASE]


def test_highlight_from_the_context_menu_in_another_colour(qtbot, sample):
    select(sample, PHRASE)
    sample.answer.highlightRequested.emit("green")  # what the menu's Green entry sends
    assert [a.color for a in sample.library.annotations(sample.current_id)] == ["green"]


def test_the_highlight_follows_its_words_through_edits(qtbot, sample):
    highlight(qtbot, sample)
    # Text added before it: it moves with its words.
    edit_body(qtbot, sample, lambda body: "A new opening sentence. " + body)
    assert painted(sample) == [PHRASE]
    assert "A new opening sentence." in sample.answer.toPlainText()
    # A word added inside it: it still holds its (changed) words.
    edit_body(qtbot, sample, lambda body: body.replace(
        "five million pretraining", "five million carefully chosen pretraining"))
    assert painted(sample) == ["five million carefully chosen pretraining documents"]
    [stored] = sample.library.annotations(sample.current_id)
    assert stored.exact == "five million carefully chosen pretraining documents"
    assert not stored.detached
    # Its words deleted: detached, not painted, still listed.
    edit_body(qtbot, sample, lambda body: body.replace(
        "an analysis of five million carefully chosen pretraining documents", "a study"))
    assert painted(sample) == []
    [stored] = sample.library.annotations(sample.current_id)
    assert stored.detached
    assert sample.sidebar.annotations.labels() == [
        "(detached) “five million carefully chosen pretraining documents”"]


def test_a_comment_is_shown_and_found_by_the_search(qtbot, sample):
    select(sample, PHRASE)
    qtbot.keyClick(sample, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.waitUntil(lambda: sample.annotator.dialog is not None
                    and sample.annotator.dialog.isActiveWindow())
    dialog = sample.annotator.dialog
    qtbot.keyClicks(dialog.field, "Check the zeppelin dataset size.")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return, CTRL)  # saves
    [stored] = sample.library.annotations(sample.current_id)
    assert stored.comment == "Check the zeppelin dataset size."
    # Clicking the highlight shows its comment.
    sample.answer.setTextCursor(QTextCursor(sample.answer.document()))
    sample.annotator.show(stored.id)
    assert sample.statusBar().currentMessage() == "Check the zeppelin dataset size."
    assert sample.answer.textCursor().selectedText() == PHRASE
    qtbot.keyClicks(sample.search, "zeppelin")
    qtbot.waitUntil(lambda: sample.count_label.text().startswith("1 result"))
    assert sample.model.index(0).data() == SAMPLE_TITLE


def test_the_annotation_browser_jumps_to_an_annotation(qtbot, sample):
    highlight(qtbot, sample)
    sample.open_note(sample.library.find(
        "Does procedural knowledge drive reasoning more than factual retrieval?").id)
    qtbot.keyClick(sample, Qt.Key.Key_A, CTRL_SHIFT)
    browser = sample.notes.browser
    qtbot.waitExposed(browser)
    browser.list.setFocus()
    browser.list.setCurrentIndex(browser.list.model().index(0, 0))
    qtbot.keyClick(browser.list, Qt.Key.Key_Return)
    assert sample.current_id == sample.library.find(SAMPLE_TITLE).id
    assert sample.answer.textCursor().selectedText() == PHRASE
    browser.close()


@pytest.mark.parametrize("choice, marker", [(3, "> five million pretraining documents"),
                                            (4, '"TextQuoteSelector"')])
def test_file_export_writes_the_annotations(qtbot, sample, monkeypatch, tmp_path, choice,
                                            marker):
    from PySide6.QtWidgets import QFileDialog

    from notegui.gui.library_actions import export_formats

    highlight(qtbot, sample)
    target = tmp_path / "out.txt"
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: (export_formats()[choice], True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    sample.files.export()
    assert marker in target.read_text(encoding="utf-8")
    assert "Exported 1 annotation " in sample.statusBar().currentMessage()


def test_highlights_after_an_emoji_stay_on_their_words(qtbot, sample):
    # Qt counts a character beyond U+FFFF as two positions; offsets are stored in code
    # points, so the highlight must land on the same words in both.
    edit_body(qtbot, sample, lambda body: "Smile \U0001f642\U0001f642 first. " + body)
    highlight(qtbot, sample)
    [stored] = sample.library.annotations(sample.current_id)
    assert sample.answer.plain_text()[stored.start:stored.end] == PHRASE
    sample.open_note(sample.current_id, record=False)
    assert painted(sample) == [PHRASE]


def test_a_selection_inside_words_is_widened_to_whole_words(qtbot, sample):
    cursor = sample.answer.document().find(PHRASE)
    cursor.setPosition(cursor.selectionStart() + 2)  # "ve million …"
    cursor.setPosition(cursor.position() + len(PHRASE) - 5, QTextCursor.MoveMode.KeepAnchor)
    sample.answer.setTextCursor(cursor)
    qtbot.keyClick(sample, Qt.Key.Key_H, CTRL_SHIFT)
    assert painted(sample) == [PHRASE]
