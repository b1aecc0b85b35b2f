"""The open note's outline: its headings, indented by level, in the sidebar
(``OutlineList``) and in a popup that filters as you type (``OutlinePopup``, Ctrl+Shift+O).
Choosing one asks for the answer pane to scroll there (``headingRequested``); the heading
being read is marked as the reader scrolls (``ReadingMark``). The headings come from
``core.outline.headings``, read from the rendered note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QTextBlock
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from notegui.core.outline import Heading, matching
from notegui.gui.i18n import translate
from notegui.gui.plain_text import MAX_ROW_CHARS, shortened, tip
from notegui.gui.theme import dress

ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 20
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 21
READING_ROLE = Qt.ItemDataRole.UserRole + 22  # True on the heading being read
INDENT = 14  # px a level
MARK_WIDTH = 3  # px: the bar beside the heading being read
SETTLE_MS = 60  # the reading mark follows the scrolling this long after it stops
ROW_PADDING = 6  # px added to a row's height
POPUP_ROWS = 14  # the popup's list shows this many rows before it scrolls


class _IndentDelegate(QStyledItemDelegate):
    """Each row indented by its heading's level (the shallowest shown flush); the heading
    being read in bold, with a bar in the theme's highlight colour beside it."""

    def __init__(self, parent: QListWidget) -> None:
        super().__init__(parent)
        self.top_level = 1

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(READING_ROLE):
            option.font.setBold(True)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + ROW_PADDING)  # (rows to aim at)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        depth = max(0, int(index.data(LEVEL_ROLE) or 1) - self.top_level)
        rect = shown.rect
        shown.rect = rect.adjusted(depth * INDENT + MARK_WIDTH + 2, 0, 0, 0)
        super().paint(painter, shown, index)
        if index.data(READING_ROLE):
            bar = rect.adjusted(depth * INDENT, 2, 0, -2)
            bar.setWidth(MARK_WIDTH)
            painter.fillRect(bar, option.palette.highlight())


class OutlineList(QListWidget):
    """The headings of the open note, one a row, indented by level. Enter, a click or a
    double click asks for the answer pane to scroll to the heading."""

    headingRequested = Signal(str)  # the heading's anchor

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name or translate("Outline", "Outline: the headings of this note"))
        self._delegate = _IndentDelegate(self)
        self.setItemDelegate(self._delegate)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._shown: tuple[Heading, ...] = ()
        self._reading = ""
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def show_headings(self, headings: tuple[Heading, ...]) -> None:
        """Show ``headings`` (nothing to do when they are the ones shown: most notes have
        none, and opening a note must stay within a frame)."""
        if headings == self._shown:
            return
        self._shown = headings
        self.clear()
        self._delegate.top_level = min((h.level for h in headings), default=1)
        for heading in headings:
            item = QListWidgetItem(shortened(heading.text, MAX_ROW_CHARS))
            item.setData(ANCHOR_ROLE, heading.anchor)
            item.setData(LEVEL_ROLE, heading.level)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         translate("Outline", "{text}, heading level {level}").format(
                             text=heading.text, level=heading.level))
            item.setToolTip(tip(heading.text))
            self.addItem(item)
        reading, self._reading = self._reading, ""
        self.mark_reading(reading)

    def headings(self) -> tuple[Heading, ...]:
        return self._shown

    def texts(self) -> list[str]:
        """Each row's text, as shown."""
        return [self.item(row).text() for row in range(self.count())]

    def levels(self) -> list[int]:
        return [int(self.item(row).data(LEVEL_ROLE)) for row in range(self.count())]

    def mark_reading(self, anchor: str) -> None:
        """Mark the heading with this anchor as the one being read ("" marks none) and keep
        it in sight."""
        if anchor == self._reading:
            return
        self._reading = anchor
        for row in range(self.count()):
            item = self.item(row)
            reading = bool(anchor) and item.data(ANCHOR_ROLE) == anchor
            if bool(item.data(READING_ROLE)) != reading:
                item.setData(READING_ROLE, reading)
                heading = self._shown[row]
                spoken = translate("Outline", "{text}, heading level {level}").format(
                    text=heading.text, level=heading.level)
                if reading:
                    spoken += translate("Outline", ", being read")
                item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            if reading:
                self.scrollToItem(item)

    def reading(self) -> str:
        """The anchor of the heading marked as being read ("" for none)."""
        return self._reading

    def reading_row(self) -> int:
        return next((row for row in range(self.count())
                     if self.item(row).data(READING_ROLE)), -1)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.headingRequested.emit(item.data(ANCHOR_ROLE))


class OutlinePopup(QFrame):
    """The outline over the answer pane, frameless: type to filter the headings, arrows to
    move, Enter to go to the heading, Escape (or a click elsewhere) to close."""

    headingRequested = Signal(str)

    def __init__(self, headings: tuple[Heading, ...], reading: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.Box)  # (a popup over text: its edge drawn)
        self.setAccessibleName(translate("Outline", "Outline"))
        self._headings = headings
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(translate("Outline", "Type part of a heading…"))
        self.field.setAccessibleName(translate("Outline", "Outline: filter the headings"))
        self.list = OutlineList(translate("Outline", "Outline: matching headings"), self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (the field keeps the keys)
        self.empty = QLabel(self)
        self.empty.setAccessibleName(translate("Outline", "Outline: nothing to show"))
        self.empty.setContentsMargins(6, 4, 6, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.field.textChanged.connect(self._refill)
        self.field.installEventFilter(self)
        self.list.headingRequested.connect(self._choose)
        self._refill("")
        self.list.mark_reading(reading)
        if self.list.reading_row() >= 0:
            self.list.setCurrentRow(self.list.reading_row())
        dress(self)

    def show_over(self, widget: QWidget) -> None:
        """Show it at the top of ``widget`` (the answer pane), centred, and take the keys."""
        width = max(260, min(520, widget.width() - 40))
        self.setFixedWidth(width)
        self._fit()
        top = widget.mapToGlobal(widget.rect().topLeft())
        self.move(top.x() + (widget.width() - width) // 2, top.y() + 12)
        self.show()
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)

    def _refill(self, text: str) -> None:
        shown = matching(self._headings, text)
        self.list.show_headings(shown)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(shown))
        self.empty.setVisible(not shown)
        self.empty.setText(translate("Outline", "This note has no headings.") if not self._headings
                           else translate("Outline", "No heading matches."))
        self._fit()

    def _fit(self) -> None:
        """As tall as the headings shown (up to POPUP_ROWS rows; more scroll)."""
        rows = max(1, min(POPUP_ROWS, self.list.count()))
        row_height = max(self.list.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth())
        self.adjustSize()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)):
            key = event.key()
            moves = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                     Qt.Key.Key_PageDown: POPUP_ROWS, Qt.Key.Key_PageUp: -POPUP_ROWS}
            if key in moves and self.list.count():
                row = self.list.currentRow() + moves[Qt.Key(key)]
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.list.currentItem()
                if item is not None:
                    self._choose(item.data(ANCHOR_ROLE))
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)

    def _choose(self, anchor: str) -> None:
        self.close()
        self.headingRequested.emit(anchor)


class ReadingMark(QObject):
    """Which heading the reader is at in ``view`` (the answer pane), told to ``mark`` a
    moment after the scrolling stops: the last heading whose top is above the upper third
    of the pane (at the very end, the last one in sight); "" before the first heading.

    The headings' blocks are found once per note (a walk over the document's blocks),
    and only when there are headings and the reader scrolls: opening a note costs
    nothing here."""

    def __init__(self, view: QTextEdit, mark: Callable[[str], None]) -> None:
        super().__init__(view)
        self._view = view
        self._mark = mark
        self._anchors: frozenset[str] = frozenset()
        self._blocks: list[tuple[QTextBlock, str]] | None = None
        self._revision = -1
        self._jump: tuple[str, int] | None = None  # (anchor, scroll) of the last jump
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)

    def follow(self, headings: tuple[Heading, ...]) -> None:
        """A note was shown with these headings."""
        self._anchors = frozenset(h.anchor for h in headings)
        self._blocks = None
        self._jump = None
        if self._anchors:
            self._timer.start()  # (after the note is laid out: where its scroll put it)
        else:
            self._timer.stop()
            self._mark("")

    def jumped(self, anchor: str) -> None:
        """The reader chose this heading: it is the one marked while the pane stays where
        the jump left it (near the end, other headings may be in sight above it)."""
        self._jump = (anchor, self._view.verticalScrollBar().value())
        self._timer.stop()
        self._mark(anchor)

    def _scrolled(self, _value: int) -> None:
        if self._anchors:
            self._timer.start()

    def current(self) -> str:
        """The heading at the reading position now ("" for none)."""
        if not self._anchors:
            return ""
        bar = self._view.verticalScrollBar()
        if self._jump is not None:
            if self._jump[1] == bar.value():
                return self._jump[0]
            self._jump = None
        layout = self._view.document().documentLayout()
        top = bar.value()
        at_end = top > 0 and top >= bar.maximum()
        line = top + (self._view.viewport().height() if at_end
                      else self._view.viewport().height() // 3)
        found = ""
        for block, anchor in self._heading_blocks():
            if layout.blockBoundingRect(block).top() > line:
                break
            found = anchor
        return found

    def update(self) -> None:
        self._mark(self.current())

    def _heading_blocks(self) -> list[tuple[QTextBlock, str]]:
        document = self._view.document()
        if self._blocks is None or self._revision != document.revision():
            blocks: list[tuple[QTextBlock, str]] = []
            block = document.begin()
            while block.isValid():
                if block.blockFormat().headingLevel():
                    fragments = block.begin()
                    while not fragments.atEnd():
                        names = fragments.fragment().charFormat().anchorNames()
                        anchor = next((n for n in names if n in self._anchors), None)
                        if anchor is not None:
                            blocks.append((block, anchor))
                            break
                        fragments += 1
                block = block.next()
            self._blocks, self._revision = blocks, document.revision()
        return self._blocks

