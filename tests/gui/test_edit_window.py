"""Editing in the real window: edit and save, the list, sidebar and backlinks follow; rename;
new note; completion of cited titles; the Trash; restoring a revision."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from conftest import SAMPLE_CITED, SAMPLE_TITLE
from prompts import answer_next_box, back_to

CTRL = Qt.KeyboardModifier.ControlModifier
PROCEDURAL = SAMPLE_CITED[0]  # a demo note cited by the sample


def list_titles(window) -> list[str]:
    model = window.model
    return [model.index(row).data() for row in range(model.rowCount())]


def open_title(qtbot, window, title: str) -> None:
    assert window.open_note(window.library.find(title).id)
    assert window.current_id == window.library.find(title).id


def edit(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.middle.currentWidget() is window.editor
    return window.editor


def done(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.middle.currentWidget() is window.answer


def type_at_end(qtbot, body, text: str) -> None:
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)


def test_edit_saves_after_a_pause_and_the_views_follow(qtbot, window):
    open_title(qtbot, window, PROCEDURAL)
    editor = edit(qtbot, window)
    assert editor.title.text() == PROCEDURAL
    type_at_end(qtbot, editor.body, " Compare [[Why is the sky blu")
    popup = editor.body.completer.popup()
    assert not popup.isVisible()  # no such title: nothing offered
    editor.body.selectAll()
    qtbot.keyClicks(editor.body, "Procedures beat recall. See [[Where do memorization")
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == SAMPLE_CITED[3]
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.body.toPlainText().endswith(f"[[{SAMPLE_CITED[3]}]]")
    # Autosave a moment after typing stops.
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    note = window.library.find(PROCEDURAL)
    assert note.body == f"Procedures beat recall. See [[{SAMPLE_CITED[3]}]]"
    done(qtbot, window)
    assert "Procedures beat recall." in window.answer.toPlainText()
    assert [t.replace(" (stub)", "") for t in window.sidebar.sources.titles()] == [
        SAMPLE_CITED[3]]
    # The cited note's backlinks now include the edited one.
    open_title(qtbot, window, SAMPLE_CITED[3])
    assert PROCEDURAL in window.sidebar.cited_by.titles()


def test_rename_updates_the_list_and_the_citations_elsewhere(qtbot, window):
    open_title(qtbot, window, PROCEDURAL)
    editor = edit(qtbot, window)
    renamed = "Does procedural knowledge beat factual retrieval in reasoning?"
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, renamed)
    done(qtbot, window)
    assert renamed in list_titles(window) and PROCEDURAL not in list_titles(window)
    assert window.windowTitle().startswith(renamed)
    open_title(qtbot, window, SAMPLE_TITLE)
    assert renamed in window.answer.toPlainText()
    assert PROCEDURAL not in window.answer.toPlainText()
    assert renamed in window.sidebar.sources.titles()


def test_a_bad_title_is_refused_by_name_and_the_text_is_kept(qtbot, window):
    editor = edit(qtbot, window)
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "No question mark")
    asked = answer_next_box("Keep Editing")
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # tries to leave: refused, Discard offered
    assert window.middle.currentWidget() is editor
    assert "title" in editor.message.text() and editor.message.isVisible()
    assert len(asked) == 1 and "not saved" in asked[0] and "?" in asked[0]
    assert window.library.find(SAMPLE_TITLE) is not None
    back_to(qtbot, window)
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, "?")
    editor.body.setFocus()  # (leaving the title commits it)
    assert "No question mark?" in list_titles(window)
    done(qtbot, window)


def test_new_note_and_a_citation_of_a_missing_title_offers_to_create_it(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    editor = window.editor
    assert editor.title.hasFocus() and editor.title.text() == ""
    qtbot.keyClicks(editor.title, "Do glaciers dream?")
    type_at_end(qtbot, editor.body, "Maybe, see [[Do icebergs sing?]].")
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    assert "Do icebergs sing?" in editor.message.text() and "create it" in editor.message.text()
    assert window.library.find("Do icebergs sing?") is None
    editor.message.linkActivated.emit("Do icebergs sing?")
    stub = window.library.find("Do icebergs sing?")
    assert stub is not None and stub.is_stub
    new = window.library.find("Do glaciers dream?")
    assert [s.target.id for s in window.library.sources(new.id)] == [stub.id]
    done(qtbot, window)
    assert "Do glaciers dream?" in list_titles(window)
    assert window.sidebar.sources.titles() == ["Do icebergs sing? (stub)"]


def test_trash_then_restore(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    open_title(qtbot, window, PROCEDURAL)
    count = window.model.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_Delete, CTRL)
    assert PROCEDURAL not in list_titles(window)
    assert window.model.rowCount() == count - 1
    assert window.current_id != window.library.find(PROCEDURAL).id
    window.actions_by_name["show_trash"].trigger()
    dialog = window.notes.trash_dialog
    assert dialog.titles() == [PROCEDURAL]
    (when,) = dialog.when_trashed()  # when it went, under its title, local and to the second
    assert re.fullmatch(r"Moved to the Trash \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(just now\)", when)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.titles() == []
    assert PROCEDURAL in list_titles(window)
    assert window.current_id == window.library.find(PROCEDURAL).id
    dialog.close()


def test_restoring_a_revision_brings_the_old_text_back(qtbot, window):
    open_title(qtbot, window, PROCEDURAL)
    old = window.library.find(PROCEDURAL)
    editor = edit(qtbot, window)
    editor.description.selectAll()
    qtbot.keyClicks(editor.description, "A rewritten description.")
    done(qtbot, window)
    assert window.library.find(PROCEDURAL).description == "A rewritten description."
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)
    dialog = window.notes.history_dialog
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    note = window.library.find(PROCEDURAL)
    assert (note.description, note.body) == (old.description, old.body)
    assert old.description[:40] in window.answer.toPlainText()
    assert [r.reason for r in window.library.revisions(note.id)] == ["save", "restore"]


def test_a_write_by_another_process_shows_up_in_the_open_window(qtbot, window):
    from notegui.store.library import SqliteLibrary

    before = window.model.rowCount()
    with SqliteLibrary(window.library.path) as other:  # as `notegui import` would
        other.create_note("Was this written from the command line?", "Yes.", "", "It was.")
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=5000)
    assert "Was this written from the command line?" in list_titles(window)
    assert "changed outside" in window.statusBar().currentMessage()


def test_a_save_keeps_a_field_another_process_wrote_while_editing(qtbot, window):
    """The window saves what was edited: a summary line an import (another process) gave
    the note meanwhile is not overwritten by the one the editor had loaded."""
    from notegui.store.library import SqliteLibrary

    open_title(qtbot, window, PROCEDURAL)
    editor = edit(qtbot, window)
    note = window.library.find(PROCEDURAL)
    with SqliteLibrary(window.library.path) as other:  # e.g. `notegui import` meanwhile
        other.save_note(note.id, note.title, note.description, "Written elsewhere.",
                        note.body)
    type_at_end(qtbot, editor.body, " Added here.")
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    saved = window.library.find(PROCEDURAL)
    assert saved.body == note.body + " Added here."
    assert saved.summary == "Written elsewhere."
