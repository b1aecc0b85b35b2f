"""The small conveniences: files and folders dropped on the window are imported; File ▸
Open Recent; Help ▸ Keyboard Shortcuts, generated from the action table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from conftest import write_note
from notegui.app import open_library
from notegui.gui.shortcuts_dialog import ShortcutsDialog
from prompts import answer_next_box

# -- drag and drop ------------------------------------------------------------------------


def mime_of(*items: Path | str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(i)) if isinstance(i, Path) else QUrl(i)
                  for i in items])
    return mime


def drag_onto(widget: QWidget, mime: QMimeData) -> bool:
    """Drag ``mime`` over the middle of ``widget``: whether the drop would be taken."""
    enter = QDragEnterEvent(widget.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    return enter.isAccepted()


def drop_onto(widget: QWidget, mime: QMimeData) -> bool:
    assert drag_onto(widget, mime), "the window refused the drag"
    drop = QDropEvent(QPointF(widget.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def titles(window) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_note_file_dropped_on_the_list_is_imported_and_shown(qtbot, window, tmp_path):
    path = write_note(tmp_path / "in", "leaves.txt", "Why do leaves fall?\nAutumn.\nDays shorten.")
    assert drop_onto(window.list.viewport(), mime_of(path))
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    results = window.files.import_results
    assert results.summary.text().splitlines()[0] == "1 imported, 0 unchanged, 0 refused"
    results.close()
    assert "Why do leaves fall?" in titles(window)
    assert window.answer.toPlainText().startswith("Why do leaves fall?")  # (opened)


def test_a_vault_folder_dropped_on_the_answer_is_imported(qtbot, window, tmp_path):
    folder = tmp_path / "vault"
    write_note(folder, "Home.md", "---\ntitle: Welcome home\n---\nSee [[Two]].\n")
    write_note(folder, "ideas/Two.md", "# Two\nBack [[Home]].\n")
    assert drop_onto(window.answer.viewport(), mime_of(folder))
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    assert window.files.import_results.summary.text().startswith("2 imported")
    window.files.import_results.close()
    assert {"Welcome home", "Two"} <= set(titles(window))


def test_a_bad_file_dropped_gets_the_imports_own_message_and_nothing_changes(
        qtbot, window, tmp_path):
    before = titles(window)
    bad = tmp_path / "broken.json"
    bad.write_text('{"notes": [', encoding="utf-8")
    assert drop_onto(window.list.viewport(), mime_of(bad))
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    results = window.files.import_results
    assert results.summary.text().splitlines()[0] == "0 imported, 0 unchanged, 1 refused"
    shown = [results.list.item(i).text() for i in range(results.list.count())]
    assert len(shown) == 1 and "broken.json" in shown[0]
    results.close()
    assert titles(window) == before


def test_what_is_not_a_local_file_is_refused_before_the_drop(qtbot, window, tmp_path):
    assert not drag_onto(window.list.viewport(), mime_of("https://example.org/notes.txt"))
    text = QMimeData()
    text.setText("some words")
    assert not drag_onto(window.list.viewport(), text)
    mixed = mime_of(tmp_path / "a.txt", "https://example.org/b.txt")
    assert not drag_onto(window.list.viewport(), mixed)
    assert window.files.import_job is None


def test_a_drop_on_a_library_that_cannot_be_written_says_why(qtbot, window, tmp_path):
    path = write_note(tmp_path / "in", "a.txt", "Why do leaves fall?\nAutumn.")
    window.actions_by_name["import_files"].setEnabled(False)  # (as on a read-only library)
    assert drop_onto(window.list.viewport(), mime_of(path))
    assert window.files.import_job is None
    assert window.statusBar().currentMessage().startswith("Nothing imported: this library")
    assert "Why do leaves fall?" not in titles(window)


# -- File ▸ Open Recent -------------------------------------------------------------------


def recent_menu(window) -> QMenu:
    file_menu = next(m for m in window.menuBar().findChildren(QMenu)
                     if window.actions_by_name["open_library"] in m.actions())
    entries = file_menu.actions()
    at = entries.index(window.actions_by_name["open_library"])
    menu = entries[at + 1].menu()
    assert menu is not None and menu.title() == "Open &Recent"
    menu.aboutToShow.emit()  # (as opening it does)
    return menu


def entries(menu: QMenu) -> list[tuple[str, bool]]:
    return [(a.text(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]


def test_open_recent_lists_the_libraries_opened_and_opens_one(qtbot, window, tmp_path):
    first = window.library.path
    other = tmp_path / "other.sqlite3"
    open_library(other).close()
    window.files.open_recent(other)
    assert window.library.path == other
    menu = recent_menu(window)
    assert entries(menu) == [
        (f"&1 other.sqlite3 — {tmp_path}", False),  # (the one open: checked, not offered)
        (f"&2 demo.sqlite3 — {first.parent}", True),
        ("&Clear Recent Libraries", True)]
    assert menu.actions()[0].isChecked()
    menu.actions()[1].trigger()
    assert window.library.path == first
    assert [t for t, _on in entries(recent_menu(window))][:2] == [
        f"&1 demo.sqlite3 — {first.parent}", f"&2 other.sqlite3 — {tmp_path}"]


def test_a_recent_library_no_longer_there_is_shown_disabled_and_removed_with_a_message(
        qtbot, window, tmp_path):
    gone = tmp_path / "gone.sqlite3"
    window.settings.recent_libraries.append(str(gone))
    menu = recent_menu(window)
    assert (f"&2 gone.sqlite3 — {tmp_path} (not found)", False) in entries(menu)
    said = answer_next_box("OK")
    window.files.open_recent(gone)  # (gone between the menu shown and the choice)
    assert said and str(gone) in said[0] and "removed from File ▸ Open Recent" in said[0]
    assert not gone.exists()  # (no empty library made in its place)
    assert str(gone) not in window.settings.recent_libraries
    assert window.library.path.name == "demo.sqlite3"


def test_clear_forgets_the_recent_libraries(qtbot, window):
    menu = recent_menu(window)
    clear = next(a for a in menu.actions() if a.objectName() == "clear_recent")
    clear.trigger()
    assert window.settings.recent_libraries == []
    assert entries(recent_menu(window)) == [("No recent libraries", False),
                                            ("&Clear Recent Libraries", False)]


def test_open_recent_from_the_keyboard(qtbot, window, tmp_path):
    other = tmp_path / "other.sqlite3"
    open_library(other).close()
    window.settings.recent_libraries.append(str(other))
    menu = recent_menu(window)
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_2)  # its mnemonic
    qtbot.waitUntil(lambda: window.library.path == other)


# -- Help ▸ Keyboard Shortcuts ------------------------------------------------------------


def open_shortcuts(qtbot, window) -> ShortcutsDialog:
    window.answer.setFocus()
    qtbot.keyClick(window.answer, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None, "Ctrl+/ opened no Keyboard Shortcuts"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_keyboard_shortcuts_lists_every_action_of_the_table_with_its_keys(qtbot, window):
    dialog = open_shortcuts(qtbot, window)
    shown = dialog.shown()
    assert len(shown) == len(window.action_specs)
    for spec, (text, keys, menu) in zip(window.action_specs, shown, strict=True):
        assert text == spec.text.replace("&", "")
        assert menu == spec.menu.replace("&", "")
        native = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                  for k in spec.shortcuts]
        assert keys == (", ".join(native) or "—")
    assert ("Outline…", "Ctrl+Shift+O", "Go") in shown
    assert ("Search", "Ctrl+F, Ctrl+K", "Go") in shown
    assert dialog.count.text() == f"{len(shown)} actions"


def test_keyboard_shortcuts_filters_as_you_type(qtbot, window):
    dialog = open_shortcuts(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    qtbot.keyClicks(dialog.field, "zoom")
    assert [row[0] for row in dialog.shown()] == ["Zoom In", "Zoom Out", "Reset Zoom"]
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "ctrl+shift+o")  # by its keys
    assert [row[0] for row in dialog.shown()] == ["Outline…"]
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "history")  # by what it does (its tip) as well
    assert ("History…", "Ctrl+H", "Note") in dialog.shown()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # (a reference: Enter closes nothing)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.table
    dialog.field.setText("no such action")
    assert dialog.shown() == [] and dialog.count.text() == "0 of " + str(
        len(window.action_specs)) + " actions"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_while_editing_a_drop_on_the_text_is_the_editors_and_elsewhere_imported(
        qtbot, window, tmp_path):
    path = write_note(tmp_path / "in", "leaves.txt", "Why do leaves fall?\nAutumn.")
    window.actions_by_name["edit_note"].trigger()
    body = window.editor.body.toPlainText()
    assert drop_onto(window.editor.body.viewport(), mime_of(path))
    assert window.files.import_job is None  # (the editor took it: its text, not an import)
    assert "leaves.txt" in window.editor.body.toPlainText() != body
    assert drop_onto(window.list.viewport(), mime_of(path))
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    window.files.import_results.close()
    assert "Why do leaves fall?" in titles(window)
    assert window.is_editing()
