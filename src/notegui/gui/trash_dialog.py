"""The Trash: notes moved out of the library, each with its annotations and history, until
they are restored or the Trash is emptied."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from notegui.core.domain import TrashedRef, told_apart
from notegui.gui.i18n import translate
from notegui.gui.item_delegate import TwoLineDelegate
from notegui.gui.local_time import shown_with_age
from notegui.gui.plain_text import MAX_ROW_CHARS, ask, shortened, tip
from notegui.gui.qt_typing import INT64
from notegui.gui.theme import dress

NOTE_ROLE = Qt.ItemDataRole.UserRole + 30
TRASHED_ROLE = Qt.ItemDataRole.UserRole + 31  # when, under the title


class TrashDialog(QDialog):
    restoreRequested = Signal(INT64)  # note ids are 64-bit
    emptyRequested = Signal()

    def __init__(self, trashed: Callable[[], list[TrashedRef]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("TrashDialog", "Trash"))
        self.resize(520, 420)
        self._trashed = trashed
        self.notes = QListWidget()
        self.notes.setAccessibleName(translate("TrashDialog", "Notes in the Trash"))
        self.notes.setItemDelegate(TwoLineDelegate(TRASHED_ROLE, self.notes, lines=1))
        self.notes.itemActivated.connect(lambda _item: self._restore())
        self.empty_label = QLabel(translate("TrashDialog", "The Trash is empty."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(translate("TrashDialog", "&Restore"))
        self.restore_button.setAccessibleName(translate("TrashDialog", "Restore the selected note"))
        self.empty_button = QPushButton(translate("TrashDialog", "&Empty Trash…"))
        self.empty_button.setAccessibleName(
            translate("TrashDialog", "Delete every note in the Trash for good"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.empty_button.clicked.connect(self._empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(buttons)
        self.refresh()
        dress(self)

    def refresh(self) -> None:
        self.notes.clear()
        # (two notes of one title, in the Trash or out of it, each say where they lived)
        for ref in told_apart(self._trashed()):
            item = QListWidgetItem(shortened(ref.title_with_place, MAX_ROW_CHARS))
            item.setData(NOTE_ROLE, ref.id)
            item.setData(TRASHED_ROLE, translate(
                "TrashDialog",
                "Moved to the Trash {trashed}").format(trashed=shown_with_age(ref.trashed))
                         if ref.trashed else "")
            item.setToolTip(tip(ref.summary or ref.title_with_place))
            self.notes.addItem(item)
        has_notes = self.notes.count() > 0
        self.empty_label.setVisible(not has_notes)
        self.restore_button.setEnabled(has_notes)
        self.empty_button.setEnabled(has_notes)
        if has_notes:
            self.notes.setCurrentRow(0)

    def titles(self) -> list[str]:
        return [self.notes.item(row).text() for row in range(self.notes.count())]

    def when_trashed(self) -> list[str]:
        """The line under each title: when its note was moved to the Trash."""
        return [self.notes.item(row).data(TRASHED_ROLE) for row in range(self.notes.count())]

    def _restore(self) -> None:
        item = self.notes.currentItem()
        if item is not None:
            self.restoreRequested.emit(item.data(NOTE_ROLE))
            self.refresh()

    def _empty(self) -> None:
        count = self.notes.count()
        if ask(self, translate("TrashDialog", "Empty the Trash?"),
               translate("TrashDialog",
                         "Delete the %n note(s) in the Trash for good, with their annotations "
                         "and history? A note still cited elsewhere stays as a stub of its "
                         "title.", "", count)):
            self.emptyRequested.emit()
            self.refresh()
