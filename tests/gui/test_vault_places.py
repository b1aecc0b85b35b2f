"""Two notes of one title from a markdown folder, told apart where the window names a note
outside its list: the Trash, the annotation browser and the window's title while the note
is edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from conftest import shown_window
from notegui.app import open_library
from vault_rows import add_note


@pytest.fixture
def index_window(qtbot, tmp_path):
    library = open_library(tmp_path / "library.sqlite3")
    ids = {"a": add_note(library, "notes/a/Index.md", "The index of a."),
           "b": add_note(library, "notes/b/Index.md", "The index of b.")}
    for window in shown_window(qtbot, library, ids["a"]):
        window.ids = ids
        yield window


def test_the_trash_says_where_each_index_lived_and_restores_the_one_chosen(
        qtbot, index_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    library, ids = index_window.library, index_window.ids
    library.trash_note(ids["a"])
    index_window.actions_by_name["show_trash"].trigger()
    dialog = index_window.notes.trash_dialog
    assert dialog.titles() == ["Index (notes/a)"]  # the other Index is still in the library
    dialog.close()
    library.trash_note(ids["b"])  # both in the Trash: neither is "shared" in the library
    index_window.actions_by_name["show_trash"].trigger()
    dialog = index_window.notes.trash_dialog
    assert sorted(dialog.titles()) == ["Index (notes/a)", "Index (notes/b)"]
    dialog.notes.setCurrentRow(dialog.titles().index("Index (notes/b)"))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not library.note(ids["b"]).trashed and library.note(ids["a"]).trashed
    assert dialog.titles() == ["Index (notes/a)"]
    assert index_window.current_id == ids["b"]
    dialog.close()


def test_the_annotation_browser_says_which_index_each_annotation_is_on(qtbot, index_window):
    library, ids = index_window.library, index_window.ids
    library.add_annotation(ids["a"], "index", "The ", " of a.", 4, 9)
    library.add_annotation(ids["b"], "index", "The ", " of b.", 4, 9, comment="B's")
    index_window.actions_by_name["annotation_browser"].trigger()
    browser = index_window.notes.browser
    model = browser.model
    rows = {model.index(row).data(): model.annotation(row).note_id
            for row in range(model.rowCount())}
    assert rows == {"Index (notes/a)": ids["a"], "Index (notes/b)": ids["b"]}
    row_b = list(rows).index("Index (notes/b)")
    spoken = model.index(row_b).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Index (notes/b): yellow highlight")
    browser.list.setCurrentIndex(model.index(row_b))
    qtbot.mouseClick(browser.open_button, Qt.MouseButton.LeftButton)
    assert index_window.current_id == ids["b"]
    browser.close()


def test_the_window_title_keeps_the_place_while_the_note_is_edited(qtbot, index_window):
    ids = index_window.ids
    assert index_window.open_note(ids["b"])
    assert index_window.windowTitle() == "Index (notes/b) — notegui"
    index_window.actions_by_name["edit_note"].trigger()
    editor = index_window.editor
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, "More. ")
    assert index_window.notes.editing.save(commit_title=False)  # (as the editor's autosave)
    assert index_window.windowTitle() == "Index (notes/b) — notegui"
    index_window.actions_by_name["edit_note"].trigger()  # Done Editing
    assert index_window.library.note(ids["b"]).body.startswith("More. ")
    assert index_window.windowTitle() == "Index (notes/b) — notegui"
