"""With no note open (an empty library, its last note trashed) the window says how to add
notes in the menus' own words, and the actions that need a note are off: none of them can
act on a note that is not there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shown import chip_names

CTRL = Qt.KeyboardModifier.ControlModifier
NOTE_ACTIONS = ("edit_note", "highlight", "comment", "trash_note", "note_history")


def menu_items(window) -> set[str]:
    """Every menu item as the menu bar shows it: 'File ▸ Import Files…'."""
    return {f"{menu.title()} ▸ {action.text()}".replace("&", "")
            for menu in (a.menu() for a in window.menuBar().actions()) if menu is not None
            for action in menu.actions()}


def test_an_empty_library_names_the_real_menu_items_and_ctrl_n(empty_window):
    text = empty_window.answer.toPlainText()
    assert "This library is empty." in text
    items = menu_items(empty_window)
    for named in ("File ▸ Import Files…", "File ▸ Import Folder…", "Note ▸ New Note"):
        assert named in text and named in items
    assert "Ctrl+N" in text


def test_with_no_note_the_note_actions_and_the_tag_field_are_off(qtbot, empty_window):
    for name in NOTE_ACTIONS:
        assert not empty_window.actions_by_name[name].isEnabled(), name
    assert empty_window.actions_by_name["new_note"].isEnabled()
    field = empty_window.sidebar.tags.field
    assert not field.isEnabled()
    qtbot.keyClicks(field, "orphan")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert chip_names(empty_window.sidebar.tags) == []
    # Ctrl+E does nothing rather than open an editor on no note.
    qtbot.keyClick(empty_window, Qt.Key.Key_E, CTRL)
    assert empty_window.middle.currentWidget() is empty_window.answer


def test_a_new_note_in_an_empty_library_can_be_finished_then_its_actions_come_on(
        qtbot, empty_window):
    qtbot.keyClick(empty_window, Qt.Key.Key_N, CTRL)
    assert empty_window.middle.currentWidget() is empty_window.editor
    assert empty_window.actions_by_name["edit_note"].isEnabled()  # Done Editing
    qtbot.keyClicks(empty_window.editor.title, "Do glaciers dream?")
    empty_window.editor.body.setFocus()
    qtbot.keyClicks(empty_window.editor.body, "Slowly.")
    qtbot.keyClick(empty_window, Qt.Key.Key_E, CTRL)
    assert empty_window.middle.currentWidget() is empty_window.answer
    assert empty_window.windowTitle() == "Do glaciers dream? — notegui"
    for name in NOTE_ACTIONS:
        assert empty_window.actions_by_name[name].isEnabled(), name
    assert empty_window.sidebar.tags.field.isEnabled()


def test_trashing_the_last_note_leaves_no_note_open(qtbot, empty_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    empty_window.library.create_note("Is this the only note?", "Yes.", "", "Alone.")
    empty_window.load_library(empty_window.library)  # (as if opened with one note)
    assert empty_window.windowTitle() == "Is this the only note? — notegui"
    qtbot.keyClick(empty_window, Qt.Key.Key_Delete, CTRL)
    assert empty_window.model.rowCount() == 0
    assert "This library is empty." in empty_window.answer.toPlainText()
    assert "Is this the only note?" not in empty_window.answer.toPlainText()
    assert empty_window.windowTitle() == "empty.sqlite3 — notegui"
    for name in NOTE_ACTIONS:
        assert not empty_window.actions_by_name[name].isEnabled(), name
