"""Nothing lost: an edit survives the app being killed mid-edit (its draft is offered at the
next start), and File > Restore Backup… brings back the library as a backup kept it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from conftest import SAMPLE_TITLE
from notegui import app
from notegui.core.drafts import DraftStore
from notegui.core.settings import Settings
from notegui.gui import library_actions
from notegui.gui.library_actions import BackupHooks
from notegui.gui.main_window import MainWindow
from notegui.store import backup as backups

# The app, killed (SIGKILL: no clean-up runs) while the reader is still typing: every key
# comes before the autosave's pause, so only the draft holds the words.
KILLED_MID_EDIT = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from notegui.app import open_library
    from notegui.core.drafts import DraftStore
    from notegui.core.settings import Settings
    from notegui.gui.main_window import MainWindow

    application = QApplication([])
    library = open_library(Path(sys.argv[1]))
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False, start_note=library.find(sys.argv[2]).id,
                        drafts=DraftStore(Path(sys.argv[3])))
    window.show()
    window.notes.edit_note()
    body = window.editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    for word in " Words typed just before the crash.".split(" "):
        QTest.keyClicks(body, word + " ")
        QTest.qWait(120)
    QTest.qWait(700)  # the draft (every half second) is written; the autosave is not due
    print("typed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_an_edit_survives_the_app_being_killed(qtbot, tmp_path, monkeypatch):
    library_path = tmp_path / "demo.sqlite3"
    app.create_demo_library(library_path).close()
    drafts = tmp_path / "drafts"
    child = subprocess.run(
        [sys.executable, "-c", KILLED_MID_EDIT, str(library_path), SAMPLE_TITLE, str(drafts)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == -9 and "typed" in child.stdout, child.stderr
    library = app.open_library(library_path)
    assert "before the crash" not in library.find(SAMPLE_TITLE).body  # never saved
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(library, Settings(theme="light"), app.open_library, app.open_library,
                        save_settings=False, drafts=DraftStore(drafts))
    qtbot.addWidget(window)
    window.show()
    assert window.notes.offer_drafts()
    assert window.middle.currentWidget() is window.editor
    assert window.editor.body.toPlainText().endswith("Words typed just before the crash. ")
    window.notes.stop_editing()  # saved now, and the draft is gone
    assert library.find(SAMPLE_TITLE).body.endswith("Words typed just before the crash. ")
    assert DraftStore(drafts).load(library_path) == []
    window.close()
    library.close()


def test_restore_backup_from_the_file_menu(qtbot, tmp_path, monkeypatch):
    library = app.open_locked(tmp_path / "lib.sqlite3")
    library.import_bytes(b"Is this note in the backup?\n\nYes.\n", "old.txt")
    folder = tmp_path / "backups"
    backups.backup_library(library.path, folder)
    hooks = BackupHooks(lambda path: backups.list_backups(path, folder), lambda _p: folder,
                        lambda chosen, path: backups.restore_backup(chosen, path, folder),
                        app.reopen_library)
    window = MainWindow(library, Settings(theme="light"), app.open_locked, app.open_locked,
                        save_settings=False, backups=hooks)
    qtbot.addWidget(window)
    window.show()
    window.library.create_note("Was this written after the backup?")
    window.hub.publish(window.library.trash_note(window.library.find(
        "Is this note in the backup?").id))
    assert window.model.rowCount() == 1
    offered: list[Path] = []

    def choose(entries, path, parent, folder):
        offered.extend(entry[0] for entry in entries)
        return entries[0][0]

    monkeypatch.setattr(library_actions, "choose_backup", choose)
    window.actions_by_name["restore_backup"].trigger()
    qtbot.waitUntil(lambda: window.isEnabled(), timeout=10000)
    assert len(offered) == 1
    titles = [window.model.index(row).data() for row in range(window.model.rowCount())]
    assert titles == ["Is this note in the backup?"]
    assert "kept as" in window.statusBar().currentMessage()
    assert len(backups.list_backups(library.path, folder)) == 2  # the safety copy too
    window.close()
    window.library.close()


def test_a_draft_of_a_note_gone_since_becomes_a_new_note(qtbot, tmp_path, monkeypatch):
    from notegui.core.drafts import Draft

    library = app.create_demo_library(tmp_path / "demo.sqlite3")
    drafts = DraftStore(tmp_path / "drafts")
    drafts.save(library.path, Draft(9999, "Is this draft orphaned?", "", "", "Kept words."))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(library, Settings(theme="light"), app.open_library, app.open_library,
                        save_settings=False, drafts=drafts)
    qtbot.addWidget(window)
    window.show()
    assert window.notes.offer_drafts()
    assert window.editor.note_id == 0 and window.editor.body.toPlainText() == "Kept words."
    window.notes.stop_editing()
    assert library.find("Is this draft orphaned?").body == "Kept words."
    assert drafts.load(library.path) == []
    window.close()
    library.close()
