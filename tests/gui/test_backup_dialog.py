"""File > Restore Backup…'s dialog: the backups newest first, Restore returns the one chosen
(by click, keys, double click), Cancel none. And automatic backups on a worker thread that
report on the UI thread, and the app's own backup at start."""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow

from conftest import run_and_capture
from notegui import app
from notegui.gui.backup_dialog import (
    AutomaticBackups,
    BackupDialog,
    choose_backup,
    size_text,
)
from notegui.gui.instance_lock import lock_path
from notegui.gui.local_time import age
from notegui.gui.tasks import Tasks
from notegui.store import backup as backups

NOW = datetime(2025, 3, 4, 12, 0, 0, tzinfo=UTC)
LIBRARY = Path("/notes/library.sqlite3")


def entries() -> list[tuple[Path, datetime, int]]:
    """Three backups, deliberately not in order."""
    return [(Path(f"/b/library-{n}.sqlite3"), NOW - timedelta(days=n), 1000 * n + 5)
            for n in (2, 0, 5)]


@pytest.fixture
def dialog(qtbot) -> BackupDialog:
    shown = BackupDialog(entries(), LIBRARY, folder=Path("/b"))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def rows(dialog: BackupDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_lists_the_backups_newest_first_with_when_and_size(dialog):
    listed = rows(dialog)
    assert len(listed) == 3
    local = [(NOW - timedelta(days=n)).astimezone() for n in (0, 2, 5)]
    assert [row.split("  ")[0] for row in listed] == [f"{t:%Y-%m-%d %H:%M:%S}" for t in local]
    assert "5 bytes" in listed[0] and "2.0 kB" in listed[1] and "5.0 kB" in listed[2]
    assert dialog.list.item(0).toolTip() == "/b/library-0.sqlite3"
    assert dialog.chosen() == Path("/b/library-0.sqlite3")  # the newest, ready
    assert dialog.restore_button.isEnabled()
    labels = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Restore library.sqlite3 as it was at the time of a backup:" in labels
    assert "kept as a backup first, so a restore can be undone" in labels
    assert "Backups are kept in /b" in labels


def test_restore_returns_the_one_clicked(qtbot, dialog):
    rect = dialog.list.visualItemRect(dialog.list.item(2))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == Path("/b/library-5.sqlite3")


def test_keys_move_and_enter_restores(qtbot, dialog):
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.chosen() == Path("/b/library-2.sqlite3")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.chosen() == Path("/b/library-2.sqlite3")


def test_double_click_restores(qtbot, dialog):
    rect = dialog.list.visualItemRect(dialog.list.item(1))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen() == Path("/b/library-2.sqlite3")


def test_escape_cancels(qtbot, dialog):
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_no_backups_no_restore(qtbot):
    empty = BackupDialog([], LIBRARY)
    qtbot.addWidget(empty)
    assert empty.list.count() == 0
    assert "There are no backups of library.sqlite3 yet." in [
        label.text() for label in empty.findChildren(QLabel)]
    assert not empty.restore_button.isEnabled()
    empty.accept()
    assert empty.result() != QDialog.DialogCode.Accepted
    assert empty.chosen() is None


def test_choose_backup_returns_the_choice_or_none(qtbot, monkeypatch):
    monkeypatch.setattr(BackupDialog, "exec", lambda self: (self.list.setCurrentRow(1),
                                                            QDialog.DialogCode.Accepted)[1])
    assert choose_backup(entries(), LIBRARY) == Path("/b/library-2.sqlite3")
    monkeypatch.setattr(BackupDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert choose_backup(entries(), LIBRARY) is None


def test_the_dialog_takes_the_stores_backup_info(qtbot, library, tmp_path):
    made = backups.backup_library(library.path, tmp_path / "b")
    shown = BackupDialog(backups.list_backups(library.path, tmp_path / "b"), library.path)
    qtbot.addWidget(shown)
    assert shown.chosen() == made


@pytest.mark.parametrize(("size", "text"), [(0, "0 bytes"), (999, "999 bytes"),
                                            (1500, "1.5 kB"), (734_000_000, "734.0 MB"),
                                            (2_500_000_000, "2.5 GB")])
def test_size_text(size, text):
    assert size_text(size) == text


@pytest.mark.parametrize(("ago", "text"), [(timedelta(0), "just now"),
                                           (timedelta(minutes=1), "1 minute ago"),
                                           (timedelta(hours=5), "5 hours ago"),
                                           (timedelta(days=3, hours=2), "3 days ago"),
                                           (-timedelta(hours=1), "just now")])
def test_age_text(ago, text):
    assert age(NOW - ago, NOW) == text


def test_automatic_backups_report_problems_in_the_status_bar(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    paths_seen: list[Path] = []

    def back_up(path: Path) -> str:
        paths_seen.append(path)
        return "The automatic backup of lib.sqlite3 failed: disk full"

    AutomaticBackups(window, lambda: tmp_path / "lib.sqlite3", back_up, first_ms=0)
    gc.collect()  # kept by its window, not by a Python name
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()))
    assert window.statusBar().currentMessage() == (
        "The automatic backup of lib.sqlite3 failed: disk full")
    assert paths_seen == [tmp_path / "lib.sqlite3"]


def test_no_automatic_backup_once_the_window_is_closed(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    auto = AutomaticBackups(window, lambda: tmp_path / "lib.sqlite3", lambda _p: "",
                            first_ms=60_000)
    assert auto.run_now() is None  # never shown


def test_the_app_backs_up_at_start_and_then_not_again(library, sample_bytes):
    library.import_bytes(sample_bytes, "sample.txt")
    assert app.automatic_backup(library.path) == ""
    made = backups.list_backups(library.path)
    assert len(made) == 1
    assert app.automatic_backup(library.path) == ""
    assert backups.list_backups(library.path) == made


def test_a_failed_automatic_backup_is_a_message_not_an_error(library, monkeypatch, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setattr(backups, "default_folder", lambda _path: blocked)
    message = app.automatic_backup(library.path)
    assert message.startswith("The automatic backup of library.sqlite3 failed: cannot write")
    assert str(blocked) in message


def test_a_started_app_schedules_its_backup(qtbot, monkeypatch, tmp_path):
    db = tmp_path / "lib.sqlite3"
    code, window = run_and_capture(monkeypatch, ["--db", str(db)])
    assert code == 0
    qtbot.addWidget(window)
    gc.collect()  # the scheduler is kept by its window, not by a Python name
    [automatic] = window.findChildren(AutomaticBackups)
    job = automatic.run_now()
    assert job is not None
    qtbot.waitUntil(lambda: not job.running())
    assert len(backups.list_backups(db)) == 1
    window.close()


def test_restore_as_the_window_will_do_it(qtbot, tmp_path, sample_bytes):
    """The recipe for File > Restore Backup…: choose, restore off the UI thread with the
    library still open, then reopen it (the lock handed over)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    library = app.open_locked(tmp_path / "lib.sqlite3")
    library.import_bytes(sample_bytes, "sample.txt")
    count = library.count()
    backups.backup_library(library.path)
    library.import_bytes(b"Is this note newer than the backup?\n\nYes.\n", "newer.txt")
    chosen = BackupDialog(backups.list_backups(library.path), library.path).chosen()
    outcomes: list[object] = []
    job = Tasks(window).run(lambda _token: backups.restore_backup(chosen, library.path),
                            outcomes.append, outcomes.append, name="notegui-restore")
    qtbot.waitUntil(lambda: not job.running())
    [saved] = outcomes
    assert isinstance(saved, Path) and saved.exists()
    reopened = app.reopen_library(library)
    assert reopened.count() == count
    assert lock_path(library.path).exists()
    reopened.close()
    assert not lock_path(library.path).exists()


def test_a_failed_restore_reaches_the_ui_thread_as_its_error(qtbot, tmp_path, library):
    window = QMainWindow()
    qtbot.addWidget(window)
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a backup at all, and long enough to have a header of 100 bytes " * 3)
    outcomes: list[object] = []
    Tasks(window).run(lambda _token: backups.restore_backup(bad, library.path),
                      outcomes.append, outcomes.append)
    qtbot.waitUntil(lambda: bool(outcomes))
    assert str(bad) in str(outcomes[0]) and "Nothing was restored" in str(outcomes[0])
