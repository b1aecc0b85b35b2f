"""The bar above the window's panes that says the library is damaged or read-only, and for
a damaged one offers what can be done: restore the newest backup, or salvage what can still
be read into a new file. Plain text only (the reason comes from SQLite and paths)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from notegui.core.health import Health
from notegui.gui.i18n import translate


class LibraryBanner(QFrame):
    restoreRequested = Signal()
    salvageRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("libraryBanner")
        self.setAccessibleName(translate("LibraryBanner", "Library status"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#libraryBanner { background: #fff3cd; color: #4a3b00; }")
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore = QPushButton(translate("LibraryBanner", "Restore Newest Backup"))
        self.restore.setAccessibleName(
            translate("LibraryBanner", "Restore the newest backup of this library"))
        self.restore.clicked.connect(self.restoreRequested)
        self.salvage = QPushButton(translate("LibraryBanner", "Salvage into a New File…"))
        self.salvage.setAccessibleName(
            translate("LibraryBanner", "Salvage what can be read into a new library file"))
        self.salvage.clicked.connect(self.salvageRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.restore)
        row.addWidget(self.salvage)
        self.hide()

    def show_health(self, health: Health, backups: int, can_salvage: bool) -> None:
        """Say what ``health`` says (hidden when the library can be written); ``backups``:
        how many backups there are to restore from."""
        if health.damaged:
            self.text.setText(
                translate("LibraryBanner",
                          "This library is damaged ({damaged}). It is open read-only: you can "
                          "read, search and export what can still be read; nothing is written "
                          "into it.").format(damaged=health.damaged)
                + ("" if backups else translate("LibraryBanner",
                                                " There is no backup of it to restore.")))
        elif health.read_only:
            self.text.setText(translate(
                "LibraryBanner",
                "This library is read-only ({read_only}). You can read, search and export; "
                "nothing can be changed.").format(read_only=health.read_only))
        self.restore.setVisible(bool(health.damaged))
        self.restore.setEnabled(backups > 0)
        self.salvage.setVisible(bool(health.damaged) and can_salvage)
        self.setVisible(not health.writable)
