"""A small keyboard-first picker: type to filter, arrows to move, Enter to choose, Escape
(or a click elsewhere) to leave. The quick switcher (notes) and the command palette
(actions) are both one: a frameless popup over the top of the window, as tall as its rows
(never a row cut), each with the letters typed marked and its shortcut at the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from notegui.gui import theme
from notegui.gui.i18n import translate
from notegui.gui.picker_row import MARKS_ROLE, SHORTCUT_ROLE, PickerRowDelegate, matched_spans
from notegui.gui.plain_text import MAX_ROW_CHARS, rich_tip, shortened
from notegui.gui.theme import dress

# (label, payload, tooltip), (label, payload, tooltip, place) or (label, payload, tooltip,
# place, shortcut): the place (where a note lives, when another note has its title) is
# shown dimmed after the label, the shortcut (an action's) at the right of its row.
Choice = (tuple[str, object, str] | tuple[str, object, str, str]
          | tuple[str, object, str, str, str])
PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 12  # the most rows shown at once (more scroll)
WIDTH = 640  # px, or the window's width less a margin when it is narrower
FROM_TOP = 0.12  # where it opens: this share of the window's height from its top


class Picker(QDialog):
    def __init__(self, title: str, placeholder: str,
                 choices: Callable[[str], list[Choice]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A popup: no frame (no minimise or maximise buttons from the window manager), it
        # closes on a click elsewhere, and it stays over the window it was opened from.
        self.setWindowFlags(Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._choices = choices
        self.chosen: object = None
        frame = QFrame(self)  # (its own border: there is no window frame)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.field = QLineEdit(frame)
        self.field.setPlaceholderText(placeholder)
        self.field.setAccessibleName(translate("Picker", "{title}: filter").format(title=title))
        self.list = QListWidget(frame)
        self.list.setAccessibleName(translate("Picker", "{title}: matches").format(title=title))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(PickerRowDelegate(PLACE_ROLE, self.list))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (the typing stays in the field)
        # The window's flat scrollbars (theme.py), in its light or dark.
        theme.flatten_scrollbars(self, self.palette().base().color().lightness() < 128)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(self.field)
        inner.addWidget(self.list)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.field.textChanged.connect(self._refill)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(self._choose)
        self.list.itemClicked.connect(self._choose)
        self._refill("")
        dress(self)

    # -- rows ---------------------------------------------------------------------------

    def _refill(self, text: str) -> None:
        self.list.clear()
        for choice in self._choices(text):
            label, payload, tooltip = choice[:3]
            place = choice[3] if len(choice) >= 4 else ""
            shortcut = choice[4] if len(choice) >= 5 else ""
            item = QListWidgetItem(shortened(label, MAX_ROW_CHARS))
            item.setData(Qt.ItemDataRole.UserRole, payload)
            item.setData(PLACE_ROLE, place)
            item.setData(SHORTCUT_ROLE, shortcut)
            item.setData(MARKS_ROLE, matched_spans(item.text(), text))
            spoken = translate("Picker", "{label} (in {place})").format(
                label=label, place=place) if place else label
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{spoken}, {shortcut}" if shortcut else spoken)
            if tooltip:
                item.setToolTip(rich_tip(label, tooltip))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """The list as tall as its rows (at most VISIBLE_ROWS of them): no row is cut."""
        row = self.list.sizeHintForRow(0) if self.list.count() else 0
        if row <= 0:
            row = self.list.fontMetrics().height() + 8
        rows = max(1, min(VISIBLE_ROWS, self.list.count()))
        self.list.setFixedHeight(rows * row + 2 * self.list.frameWidth())
        self.adjustSize()
        self.resize(self._width(), self.sizeHint().height())

    def _window(self) -> QWidget | None:
        parent = self.parentWidget()
        return parent.window() if parent is not None else None

    def _width(self) -> int:
        window = self._window()
        return min(WIDTH, window.width() - 40) if window is not None else WIDTH

    def showEvent(self, event: QShowEvent) -> None:
        self._place()
        super().showEvent(event)
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self) -> None:
        """Over the window, centred, near its top."""
        window = self._window()
        self.resize(self._width(), self.sizeHint().height())
        if window is None:
            return
        top_left = window.mapToGlobal(QPoint(0, 0))
        self.move(top_left.x() + (window.width() - self.width()) // 2,
                  top_left.y() + int(window.height() * FROM_TOP))

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            key = event.key()
            moves: dict[int, int] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                                     Qt.Key.Key_PageDown: VISIBLE_ROWS,
                                     Qt.Key.Key_PageUp: -VISIBLE_ROWS}
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
