"""A small keyboard-first picker: type to filter, arrows to move, Enter to choose. The quick
switcher (notes) and the command palette (actions) are both one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from notegui.gui.item_delegate import PlaceDelegate
from notegui.gui.plain_text import MAX_ROW_CHARS, rich_tip, shortened

# (label, payload, tooltip), or (label, payload, tooltip, place): the place (where a note
# lives, when another note has its title) shown dimmed after the label.
Choice = tuple[str, object, str] | tuple[str, object, str, str]
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


class Picker(QDialog):
    def __init__(self, title: str, placeholder: str,
                 choices: Callable[[str], list[Choice]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(640, 420)
        self._choices = choices
        self.chosen: object = None
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(f"{title}: filter")
        self.list = QListWidget(self)
        self.list.setAccessibleName(f"{title}: matches")
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(PlaceDelegate(PLACE_ROLE, self.list))
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        self.field.textChanged.connect(self._refill)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(self._choose)
        self._refill("")

    def _refill(self, text: str) -> None:
        self.list.clear()
        for choice in self._choices(text):
            label, payload, tooltip = choice[:3]
            place = choice[3] if len(choice) == 4 else ""
            item = QListWidgetItem(shortened(label, MAX_ROW_CHARS))
            item.setData(Qt.ItemDataRole.UserRole, payload)
            item.setData(PLACE_ROLE, place)
            if place:
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{label} (in {place})")
            if tooltip:
                item.setToolTip(rich_tip(label, tooltip))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            key = event.key()
            moves: dict[int, int] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                     Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
            if key in moves and self.list.count():
                row = self.list.currentRow() + moves[key]
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.list.currentItem() is not None:
                    self._choose(self.list.currentItem())
                return True
        return super().eventFilter(watched, event)

    def places(self) -> list[str]:
        """Each match's place ("" when it has none), as painted after its label."""
        return [self.list.item(row).data(PLACE_ROLE) for row in range(self.list.count())]

    def _choose(self, item: QListWidgetItem) -> None:
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
