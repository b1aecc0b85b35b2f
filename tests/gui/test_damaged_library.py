"""A damaged library in the window (issue 14): it opens read-only with a banner that says
so and offers to restore the newest backup or to salvage into a new file; nothing is
written into it; a read-only library says why; undecodable text is shown, not a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from conftest import SAMPLE_TITLE
from notegui import app
from notegui.core.settings import Settings
from notegui.gui.library_actions import BackupHooks
from notegui.gui.main_window import MainWindow
from notegui.store import backup as backups
from notegui.store import db as database_file
from notegui.store import salvage
from test_opening_safety import digest, smash_an_index


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    """A demo library with a backup made while it was sound, then damaged."""
    path = tmp_path / "lib.sqlite3"
    app.create_demo_library(path).close()
    folder = tmp_path / "backups"
    backups.backup_library(path, folder)
    smash_an_index(path)
    return path, folder


def window_on(qtbot, path: Path, folder: Path) -> MainWindow:
    hooks = BackupHooks(lambda p: backups.list_backups(p, folder), lambda _p: folder,
                        lambda chosen, p: backups.restore_backup(chosen, p, folder),
                        app.reopen_library,
                        lambda source, target: salvage.salvage(source, target).lines())
    window = MainWindow(app.open_locked(path), Settings(theme="light"), app.open_locked,
                        app.open_locked, save_settings=False, backups=hooks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def close(window: MainWindow) -> None:
    window.close()
    window.library.close()


def test_a_damaged_library_shows_a_banner_and_takes_no_write(qtbot, damaged):
    path, folder = damaged
    before = digest(path)
    window = window_on(qtbot, path, folder)
    banner = window.banner
    assert banner.isVisible()
    assert "This library is damaged" in banner.text.text() and "read-only" in banner.text.text()
    assert banner.restore.isVisible() and banner.restore.isEnabled()
    assert banner.salvage.isVisible()
    assert window.model.rowCount() > 0  # still readable
    assert window.current_id is not None and window.answer.toPlainText()  # a note shown
    for name in ("edit_note", "new_note", "import_files", "trash_note", "highlight"):
        assert not window.actions_by_name[name].isEnabled(), name
    close(window)
    assert digest(path) == before


def test_restore_newest_backup_from_the_banner(qtbot, damaged, monkeypatch):
    path, folder = damaged
    window = window_on(qtbot, path, folder)
    count = window.model.rowCount()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, title, text, *rest: (
        asked.append(text), QMessageBox.StandardButton.Yes)[1])
    qtbot.mouseClick(window.banner.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.isEnabled() and window.files.restore_job is None, timeout=15000)
    assert asked and "kept as one more backup" in asked[0]
    assert window.library.health().writable
    assert not window.banner.isVisible()
    assert window.actions_by_name["edit_note"].isEnabled()
    assert window.model.rowCount() == count
    window.library.create_note("Can the restored library be written?")
    assert window.library.check() == []
    close(window)


def test_salvage_from_the_banner_opens_the_new_library(qtbot, damaged, monkeypatch, tmp_path):
    path, folder = damaged
    before = digest(path)
    window = window_on(qtbot, path, folder)
    count = window.model.rowCount()
    target = tmp_path / "saved.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))
    shown: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        shown.append(box.text())
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.banner.salvage.click()
    qtbot.waitUntil(lambda: window.library.path == target, timeout=15000)
    assert shown and "notes:" in shown[0] and str(target) in shown[0]
    assert window.model.rowCount() == count
    assert not window.banner.isVisible()
    assert window.library.health().writable
    close(window)
    assert digest(path) == before  # the damaged file was only read


def test_a_read_only_library_says_why_and_offers_no_repair(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    app.create_demo_library(path).close()
    reason = f"the folder {tmp_path} is read-only"
    monkeypatch.setattr(database_file, "read_only_reason", lambda _p: reason)
    window = window_on(qtbot, path, tmp_path / "backups")
    assert window.banner.isVisible()
    assert reason in window.banner.text.text()
    assert not window.banner.restore.isVisible() and not window.banner.salvage.isVisible()
    assert not window.actions_by_name["new_note"].isEnabled()
    close(window)


def test_a_foreign_wal_is_said_in_the_status_bar(qtbot, tmp_path):
    path = tmp_path / "lib.sqlite3"
    app.create_demo_library(path).close()
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other, isolation_level=None)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.execute("CREATE TABLE t (x)")
    path.with_name(path.name + "-wal").write_bytes(other.with_name("other.db-wal").read_bytes())
    connection.close()
    window = window_on(qtbot, path, tmp_path / "backups")
    assert "moved aside as lib.sqlite3.rejected-wal" in window.statusBar().currentMessage()
    assert not window.banner.isVisible()
    assert window.model.rowCount() > 0
    close(window)


def test_undecodable_text_is_shown_with_replacement_characters(qtbot, tmp_path):
    path = tmp_path / "lib.sqlite3"
    app.create_demo_library(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE note SET body = CAST(X'48c3ff49' AS TEXT) WHERE title = ?",
                       (SAMPLE_TITLE,))
    connection.commit()
    connection.close()
    window = window_on(qtbot, path, tmp_path / "backups")
    window.open_note(window.library.find(SAMPLE_TITLE).id)
    assert "H\ufffd\ufffdI" in window.answer.toPlainText()
    close(window)


def test_damage_found_after_the_start_turns_the_banner_on(qtbot, damaged, monkeypatch):
    """A large library is checked on a thread: the banner comes when the check ends."""
    from notegui.store import integrity

    path, folder = damaged
    monkeypatch.setattr(integrity, "QUICK_CHECK_LIMIT", 0)
    window = window_on(qtbot, path, folder)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)
    assert "This library is damaged" in window.banner.text.text()
    assert not window.actions_by_name["new_note"].isEnabled()
    close(window)
