"""The current note's annotations, in the sidebar: each quote with its colour and comment;
detached ones (their words are gone from the note) are listed too, greyed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QMenu, QWidget

from notegui.core.domain import HIGHLIGHT_COLORS, Annotation
from notegui.gui.i18n import translate
from notegui.gui.item_delegate import TwoLineDelegate
from notegui.gui.plain_text import MAX_ROW_CHARS, rich_tip, shortened
from notegui.gui.qt_typing import INT64
from notegui.gui.swatches import swatch_icon

COMMENT_ROLE = Qt.ItemDataRole.UserRole + 20
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 21


class AnnotationList(QListWidget):
    annotationRequested = Signal(INT64)  # ids are 64-bit SQLite integers
    editCommentRequested = Signal(INT64)
    colorRequested = Signal(INT64, str)
    deleteRequested = Signal(INT64)
    counted = Signal(int)  # after each fill: how many are listed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("AnnotationList", "Annotations of this note"))
        self.setItemDelegate(TwoLineDelegate(COMMENT_ROLE, self, lines=0))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)

    def fill(self, annotations: list[Annotation]) -> None:
        if not annotations and not self.count():
            self.counted.emit(0)
            return  # still empty: clearing it would only cost a relayout and a repaint
        self.clear()
        for annotation in annotations:
            quote = " ".join(shortened(annotation.exact, MAX_ROW_CHARS).split())
            label = f"“{quote}”"
            if annotation.detached:
                label = translate("AnnotationList", "(detached) {label}").format(label=label)
            item = QListWidgetItem(swatch_icon(annotation.color), label)
            item.setData(ANNOTATION_ROLE, annotation.id)
            item.setData(COMMENT_ROLE, shortened(annotation.comment, MAX_ROW_CHARS))
            item.setToolTip(rich_tip("", annotation.comment or quote))
            if annotation.detached:
                font = QFont(self.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QApplication.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
                item.setToolTip(
                    rich_tip(translate("AnnotationList", "Its words are no longer in the note."),
                    annotation.comment or quote))
            self.addItem(item)
        self.counted.emit(len(annotations))

    def labels(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def select(self, annotation_id: int) -> None:
        for row in range(self.count()):
            if self.item(row).data(ANNOTATION_ROLE) == annotation_id:
                self.setCurrentRow(row)
                return

    def _open(self, item: QListWidgetItem) -> None:
        self.annotationRequested.emit(item.data(ANNOTATION_ROLE))

    def _menu(self, point: QPoint) -> None:
        item = self.itemAt(point)
        if item is None:
            return
        annotation_id = item.data(ANNOTATION_ROLE)
        menu = QMenu(self)
        menu.addAction(translate("AnnotationList", "Edit &Comment…")).triggered.connect(
            lambda _=False: self.editCommentRequested.emit(annotation_id))
        colours = menu.addMenu(translate("AnnotationList", "C&olour"))
        for colour in HIGHLIGHT_COLORS:
            colours.addAction(swatch_icon(colour), colour.capitalize()).triggered.connect(
                lambda _=False, c=colour: self.colorRequested.emit(annotation_id, c))
        menu.addAction(translate("AnnotationList", "&Delete Annotation")).triggered.connect(
            lambda _=False: self.deleteRequested.emit(annotation_id))
        menu.exec(self.viewport().mapToGlobal(point))
