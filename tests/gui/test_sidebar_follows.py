"""The sidebar follows every save at once, in the editor or not; an import through the window
shows a note it imported (not a stub it cites)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from conftest import SAMPLE_CITED, write_note

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
PROCEDURAL = SAMPLE_CITED[0]
MEMORIZATION = SAMPLE_CITED[3]


def plain(titles: list[str]) -> list[str]:
    return [title.removesuffix(" (stub)") for title in titles]


def test_the_sources_follow_a_save_while_still_editing(qtbot, window):
    assert window.open_note(window.library.find(PROCEDURAL).id)
    before = plain(window.sidebar.sources.titles())
    assert MEMORIZATION not in before
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body, f" See [[{MEMORIZATION}]].")
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    assert window.middle.currentWidget() is editor  # still editing
    assert plain(window.sidebar.sources.titles()) == [*before, MEMORIZATION]
    assert window.sidebar.sources_label.text() == f"&Sources ({len(before) + 1})"
    # Taking the citation out again takes it out of the sidebar, still while editing.
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    for _ in f" See [[{MEMORIZATION}]].":
        qtbot.keyClick(editor.body, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: MEMORIZATION not in plain(window.sidebar.sources.titles()),
                    timeout=3000)
    assert window.middle.currentWidget() is editor


GLACIERS = ("Why do glaciers move?\nHow ice flows downhill.\nUnder their own weight, as "
            "Are icebergs alive?, it asks in jest.\nSources 1 note\nA playful question about ice.")


def import_and_wait(qtbot, window, paths: list[Path]) -> None:
    window.files.import_paths(paths)
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    window.files.import_results.close()
    window.activateWindow()  # (offscreen, no window manager gives it back)
    qtbot.waitUntil(window.isActiveWindow)


def test_importing_one_note_into_an_empty_library_shows_that_note(qtbot, empty_window,
                                                                   tmp_path):
    path = write_note(tmp_path / "in", "glaciers.txt", GLACIERS)
    import_and_wait(qtbot, empty_window, [path])
    # The list starts with the stub it cites ("Are …" sorts first); the note is shown.
    assert empty_window.model.index(0).data().startswith("Are icebergs alive?")
    assert empty_window.windowTitle() == "Why do glaciers move? — notegui"
    assert "Under their own weight" in empty_window.answer.toPlainText()
    assert plain(empty_window.sidebar.sources.titles()) == ["Are icebergs alive?"]
    assert empty_window.actions_by_name["edit_note"].isEnabled()


def test_an_import_shows_an_imported_note_and_back_returns(qtbot, window, tmp_path):
    reading = window.current_id
    folder = tmp_path / "in"
    write_note(folder, "glaciers.txt", GLACIERS)
    write_note(folder, "tides.txt", "Why are there two tides a day?\nThe moon.\nBoth sides.")
    import_and_wait(qtbot, window, [folder])
    assert window.windowTitle() == "Why are there two tides a day? — notegui"
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.current_id == reading
