"""Every annotation in the library in one list: filter by words (quote, comment, note title),
by colour, or to the current note; open one to go to its place in its note.

The list is a model over whatever ``fetch`` returns, painted row by row, so thousands of
annotations cost one fetch and a few painted rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from notegui.core.domain import HIGHLIGHT_COLORS, Annotation
from notegui.gui.changes_hub import ChangeNotice
from notegui.gui.i18n import translate
from notegui.gui.plain_text import MAX_ROW_CHARS, label, shortened, tip
from notegui.gui.qt_typing import INT64
from notegui.gui.row_paint import row_background
from notegui.gui.swatches import swatch_color, swatch_icon
from notegui.gui.theme import dress

# fetch(words, color, note_id): color "" is any colour, note_id 0 any note
Fetch = Callable[[str, str, int], list[Annotation]]
Index = QModelIndex | QPersistentModelIndex

DEBOUNCE_MS = 150
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 30
_PADDING = 6
_SWATCH = 12
_GAP = 8


def one_line(text: str) -> str:
    return " ".join(shortened(text, MAX_ROW_CHARS).split())


def describe(annotation: Annotation) -> str:
    """The row as one sentence, for tooltips and screen readers."""
    quote = one_line(annotation.exact)
    parts = [translate("AnnotationBrowser", "{note_label}: {color} highlight “{quote}”").format(
        note_label=annotation.note_label, color=annotation.color, quote=quote)]
    if annotation.comment:
        parts.append(translate("AnnotationBrowser", "comment: {comment}").format(
            comment=one_line(annotation.comment)))
    if annotation.detached:
        parts.append(
            translate("AnnotationBrowser", "detached: its words are no longer in the note"))
    return "; ".join(parts)


def count_text(count: int, filtered: bool) -> str:
    if count == 0:
        return (translate("AnnotationBrowser", "No annotations match") if filtered
                else translate("AnnotationBrowser", "No annotations yet"))
    return translate("AnnotationBrowser", "%Ln annotation(s)", "", count)


class AnnotationModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        self.beginResetModel()
        self._rows = list(annotations)
        self.endResetModel()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: int) -> int:
        for row, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        annotation = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return annotation.note_label  # (its place too when another note has its title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(describe(annotation))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(annotation)
        if role == ANNOTATION_ROLE:
            return annotation
        return None


class AnnotationDelegate(QStyledItemDelegate):
    """A row: a colour swatch; the note title in bold (and a "detached" badge); the quote in
    italics; the comment, when there is one. Every line elided to the width."""

    @staticmethod
    def _annotation(index: Index) -> Annotation:
        model = index.model()
        assert isinstance(model, AnnotationModel)
        return model.annotation(index.row())

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        bold, italic, small = QFont(option.font), QFont(option.font), QFont(option.font)
        bold.setBold(True)
        italic.setItalic(True)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        return bold, italic, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        lines = 3 if self._annotation(index).comment else 2
        height = option.fontMetrics.lineSpacing() * lines + 2 * (lines - 1) + 2 * _PADDING
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        annotation = self._annotation(index)
        self.initStyleOption(option, index)
        text, dim = row_background(option, painter)
        bold, italic, small = self._fonts(option)
        line = option.fontMetrics.lineSpacing()
        rect = option.rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_swatch(painter, annotation, rect.left(), rect.top() + (line - _SWATCH) // 2)
        left = rect.left() + _SWATCH + _GAP
        width = rect.right() - left
        title_width = width
        if annotation.detached:
            title_width -= self._draw_badge(painter, "detached", small, dim,
                                            QRect(left, rect.top(), width, line)) + _GAP
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        quote_room = width - QFontMetrics(italic).horizontalAdvance("“”")
        rows = [(bold, text if not annotation.detached else dim, annotation.note_label,
                 title_width, "{}"),
                (italic, dim, one_line(annotation.exact), quote_room, "“{}”")]
        if annotation.comment:
            rows.append((option.font, text, one_line(annotation.comment), width, "{}"))
        top = rect.top()
        for font, color, words, room, shape in rows:
            painter.setFont(font)
            painter.setPen(color)
            elided = QFontMetrics(font).elidedText(words, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QRect(left, top, width, line), flags, shape.format(elided))
            top += line + 2
        painter.restore()

    @staticmethod
    def _draw_swatch(painter: QPainter, annotation: Annotation, x: int, y: int) -> None:
        color = QColor(swatch_color(annotation.color))
        if annotation.detached:
            color.setAlpha(110)
        painter.setPen(swatch_color(annotation.color).darker(140))
        painter.setBrush(color)
        painter.drawRoundedRect(x, y, _SWATCH, _SWATCH, 3, 3)

    @staticmethod
    def _draw_badge(painter: QPainter, label: str, font: QFont, color: QColor,
                    line: QRect) -> int:
        """A small outlined label at the right end of ``line``; returns its width."""
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(label) + 10
        height = metrics.height() + 2
        badge = QRect(line.right() - width, line.center().y() - height // 2, width, height)
        painter.setFont(font)
        painter.setPen(color)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return width


class AnnotationList(QListView):
    """A list view that says so when it has nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.placeholder and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()


class AnnotationBrowser(QDialog):
    """The library's annotations. ``fetch(words, color, note_id)`` gives the matching ones
    (the window passes ``library.all_annotations``). Opening a row (double-click, Enter, or
    Open) emits ``annotationRequested(note_id, annotation_id)``; the dialog stays open."""

    annotationRequested = Signal(INT64, INT64)  # 64-bit ids

    def __init__(self, fetch: Fetch, current_note_id: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._note_id = current_note_id
        self.setWindowTitle(translate("AnnotationBrowser", "Annotations"))
        self.setAccessibleName(translate("AnnotationBrowser", "Annotations"))
        self.resize(640, 560)

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(
            translate("AnnotationBrowser", "Filter by words in the quote, comment or note title…"))
        self.filter.setAccessibleName(translate("AnnotationBrowser", "Filter annotations by words"))
        self.filter.setClearButtonEnabled(True)
        self.color = QComboBox(self)
        self.color.setAccessibleName(translate("AnnotationBrowser", "Filter annotations by colour"))
        self.color.addItem(translate("AnnotationBrowser", "Any colour"), "")
        for name in HIGHLIGHT_COLORS:
            self.color.addItem(swatch_icon(name), name.capitalize(), name)
        self.this_note = QCheckBox(translate("AnnotationBrowser", "This &note only"), self)
        self.this_note.setAccessibleName(
            translate("AnnotationBrowser", "Only the annotations of the current note"))
        self.model = AnnotationModel(self)
        self.list = AnnotationList(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(AnnotationDelegate(self.list))
        self.list.setAccessibleName(translate("AnnotationBrowser", "Annotations"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setAlternatingRowColors(True)
        self.count_label = label(parent=self)
        self.count_label.setAccessibleName(
            translate("AnnotationBrowser", "Number of annotations shown"))
        self.open_button = QPushButton(translate("AnnotationBrowser", "&Open"), self)
        self.open_button.setAccessibleName(
            translate("AnnotationBrowser", "Open the selected annotation in its note"))
        self.close_button = QPushButton(translate("AnnotationBrowser", "Close"), self)
        self.close_button.setAccessibleName(translate("AnnotationBrowser", "Close"))
        for button in (self.open_button, self.close_button):
            button.setAutoDefault(False)  # Enter opens the row once, from the list's signal

        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.color)
        filters.addWidget(self.this_note)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.filter.textChanged.connect(self._debounce.start)
        self.filter.installEventFilter(self)
        self.color.currentIndexChanged.connect(self.refresh)
        self.this_note.toggled.connect(self.refresh)
        self.list.activated.connect(self._open)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentIndex()))
        self.close_button.clicked.connect(self.reject)
        self.set_current_note(current_note_id)
        self.refresh()
        dress(self)

    # -- the window's side ---------------------------------------------------------------

    def set_current_note(self, note_id: int) -> None:
        """The note "This note only" means (0: none; the toggle is then off and disabled)."""
        self._note_id = note_id
        self.this_note.setEnabled(note_id > 0)
        if note_id <= 0 and self.this_note.isChecked():
            self.this_note.setChecked(False)  # refreshes
        elif self.this_note.isChecked():
            self.refresh()

    def refresh(self) -> None:
        """Fetch again with the current filters (also after the library changed), keeping
        the selected annotation selected when it is still listed."""
        self._debounce.stop()
        current = self.current_annotation()
        note_id = self._note_id if self.this_note.isChecked() else 0
        words = self.filter.text().strip()
        color = self.color.currentData() or ""
        self.model.set_annotations(self._fetch(words, color, note_id))
        rows = self.model.rowCount()
        self.count_label.setText(count_text(rows, bool(words or color or note_id)))
        self.list.placeholder = (
            "" if rows else translate(
                "AnnotationBrowser",
                "No annotations match these filters.") if words or color or note_id
            else translate("AnnotationBrowser",
                           "No annotations yet. Select words in a note to highlight or comment "
                           "on them."))
        self.list.viewport().update()
        self.open_button.setEnabled(rows > 0)
        if rows:
            row = self.model.row_of(current.id) if current is not None else -1
            self.list.setCurrentIndex(self.model.index(max(row, 0)))

    def follow(self, notice: ChangeNotice) -> None:
        """While shown: fetch again after a write to annotations, or one that added,
        removed or retitled notes (their titles are in the rows)."""
        changes = notice.changes
        if self.isVisible() and (changes.annotations or (changes.notes and changes.listing)):
            self.refresh()

    def current_annotation(self) -> Annotation | None:
        index = self.list.currentIndex()
        return self.model.annotation(index.row()) if index.isValid() else None

    # -- keys and opening ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the filter field, Up/Down/PageUp/PageDown move through the list and Enter
        opens the selected annotation, as in the quick switcher."""
        if watched is self.filter and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            moves: dict[int, int] = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
                     Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}
            rows = self.model.rowCount()
            if event.key() in moves and rows:
                row = self.list.currentIndex().row() + moves[event.key()]
                self.list.setCurrentIndex(self.model.index(max(0, min(rows - 1, row))))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self.refresh()  # typed and pressed Enter at once: open what now matches
                self._open(self.list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            annotation = self.model.annotation(index.row())
            self.annotationRequested.emit(annotation.note_id, annotation.id)
