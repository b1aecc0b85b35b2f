"""The GUI side of backups: File > Restore Backup…'s dialog, and automatic backups on a
timer, run off the UI thread (gui/tasks.py). No store here: the dialog is given plain
(path, when, size) values, the backups a function to run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from notegui.gui.i18n import translate
from notegui.gui.local_time import age, shown
from notegui.gui.plain_text import label, tip
from notegui.gui.tasks import Task, Tasks
from notegui.gui.theme import dress

BackupEntry = tuple[Path, datetime, int]  # path, when (UTC), size in bytes
_PATH_ROLE = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


def entry_text(when: datetime, size: int, now: datetime | None = None) -> str:
    return f"{shown(when)}  ({age(when, now)}, {size_text(size)})"


class BackupDialog(QDialog):
    """The backups of one library, newest first; Restore accepts with the one selected."""

    def __init__(self, backups: Sequence[BackupEntry], library: Path,
                 parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("BackupDialog", "Restore Backup"))
        self.resize(520, 360)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("BackupDialog", "Backups"))
        for path, when, size in sorted(backups, key=lambda entry: entry[1], reverse=True):
            item = QListWidgetItem(entry_text(when, size), self.list)
            item.setData(_PATH_ROLE, str(path))
            item.setToolTip(tip(str(path)))
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            translate("BackupDialog", "Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._update_button)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._lay_out(library, folder, bool(backups))
        if backups:
            self.list.setCurrentRow(0)
        self._update_button()
        dress(self)

    def _lay_out(self, library: Path, folder: Path | None, any_backups: bool) -> None:
        layout = QVBoxLayout(self)
        if any_backups:
            heading = translate(
                "BackupDialog",
                "Restore {name} as it was at the time of a backup:").format(name=library.name)
        else:
            heading = translate("BackupDialog", "There are no backups of {name} yet.").format(
                name=library.name)
        layout.addWidget(label(heading, self))  # a file name, as written
        layout.addWidget(self.list)
        note = (translate("BackupDialog",
                          "The library as it is now is kept as a backup first, so a restore can "
                          "be undone."))
        if folder is not None:
            note += translate("BackupDialog", "\nBackups are kept in {folder}").format(
                folder=folder)
        explanation = label(note, self)
        explanation.setWordWrap(True)
        explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(explanation)
        layout.addWidget(self.buttons)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(_PATH_ROLE)) if item is not None else None


def choose_backup(backups: Sequence[BackupEntry], library: Path,
                  parent: QWidget | None = None, folder: Path | None = None) -> Path | None:
    """Ask which backup of ``library`` to restore; None when cancelled."""
    dialog = BackupDialog(backups, library, parent, folder)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen() if accepted else None
    dialog.deleteLater()
    return chosen


class AutomaticBackups(QObject):
    """Backs up the window's library soon after the start and then once an hour looks again
    whether one is due: ``back_up(path)`` runs on a worker thread (a big library takes
    seconds) and returns '' or a problem, which the status bar shows."""

    def __init__(self, window: QMainWindow, library_path: Callable[[], Path],
                 back_up: Callable[[Path], str], first_ms: int = 5000,
                 every_ms: int = 3_600_000) -> None:
        super().__init__(window)
        self._window = window
        self._library_path = library_path
        self._back_up = back_up
        self._tasks = Tasks(self)  # (shut down with the window's: main_window.closeEvent)
        self._job: Task[str] | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.run_now)
        self._timer.start(every_ms)
        QTimer.singleShot(first_ms, self, self.run_now)

    def run_now(self) -> Task[str] | None:
        """Start a backup check unless one is running or the window is gone."""
        if (self._job is not None and self._job.running()) or not self._window.isVisible():
            return None
        path = self._library_path()
        self._job = self._tasks.run(lambda _token: self._back_up(path), self._report,
                                    self._report, name="notegui-backup")
        return self._job

    def _report(self, outcome: str | Exception) -> None:
        if isinstance(outcome, Exception):
            outcome = translate(
                "BackupDialog",
                "The automatic backup failed unexpectedly: {outcome}").format(outcome=outcome)
        if outcome:
            self._window.statusBar().showMessage(outcome, 30000)
