"""A library made by an older notegui is migrated when it is opened, which can take a while
on a large one (schema 9 makes the note table anew: about 15 s at 100,000 notes). Rather
than a window that does not answer, a small notice says what is happening while the
migration runs on a thread of its own and the event loop goes on."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

from notegui.gui.i18n import translate

_POLL_MS = 50



class UpgradeNotice(QWidget):
    def __init__(self, path: Path) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.setWindowTitle(translate("UpgradeNotice", "Upgrading the library"))
        self.setAccessibleName(translate("UpgradeNotice", "Upgrading the library"))
        layout = QVBoxLayout(self)
        self.label = QLabel(
            translate("UpgradeNotice",
                      "Upgrading {name} for this version of notegui.\nThis happens once; a large "
                      "library can take a minute.").format(name=path.name))
        layout.addWidget(self.label)
        busy = QProgressBar()
        busy.setRange(0, 0)  # (no steps to count: a busy bar)
        layout.addWidget(busy)


def upgrade_with_notice(path: Path, upgrade: Callable[[], None]) -> None:
    """Run ``upgrade`` (which opens the library at ``path``, migrating it, and closes it) on
    a thread while the notice shows; its exception, if any, is raised here."""
    notice = UpgradeNotice(path)
    notice.show()
    failed: list[BaseException] = []

    def run() -> None:
        try:
            upgrade()
        except BaseException as error:  # (handed to the UI thread, raised there)
            failed.append(error)

    worker = threading.Thread(target=run, name="notegui-upgrade", daemon=True)
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    worker.start()
    timer.start(_POLL_MS)
    loop.exec()
    timer.stop()
    worker.join()
    notice.close()
    notice.deleteLater()
    QApplication.processEvents()
    if failed:
        raise failed[0]
