"""Draws a list row as its title, with text below it (a search snippet with the matched
words in bold, or a summary) when there is some."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MARK_START, MARK_END = "\x02", "\x03"  # what the search asks the store to put around matches
_PADDING = 4

Index = QModelIndex | QPersistentModelIndex


def snippet_html(snippet: str) -> str:
    escaped = html.escape(snippet)
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class TwoLineDelegate(QStyledItemDelegate):
    """Title on the first line (elided); below it ``second_role``'s text in a smaller font,
    cut to ``lines`` lines, or whole when ``lines`` is 0."""

    def __init__(self, second_role: int, parent: object = None, lines: int = 1) -> None:
        super().__init__(parent)
        self._role = second_role
        self._lines = lines

    def _text(self, index: Index) -> str:
        # Our models always give a string for the role (see the comment in paint).
        return index.data(self._role) or ""

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
        document.setDefaultFont(small)
        document.setHtml(snippet_html(self._text(index)))
        document.setTextWidth(max(40, width))
        return document

    def _second_height(self, option: QStyleOptionViewItem, index: Index, width: int) -> int:
        document = self._document(option, index, width)
        if self._lines:
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
            cap = QFontMetrics(small).lineSpacing() * self._lines
            return int(min(document.size().height(), cap))
        return int(document.size().height())

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget
        width = widget.viewport().width() if widget is not None else option.rect.width()
        return width - 2 * _PADDING - 4

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if self._text(index):
            extra = self._second_height(option, index, self._text_width(option))
            size.setHeight(option.fontMetrics.lineSpacing() + extra + 2 * _PADDING + 2)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not self._text(index):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        title = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        dim_role = (QPalette.ColorRole.HighlightedText if selected
                    else QPalette.ColorRole.PlaceholderText)
        rect = option.rect.adjusted(_PADDING + 2, _PADDING, -_PADDING, -_PADDING)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        # initStyleOption put the row's own colour (a stub's grey) in option.palette. (Not
        # index.data(ForegroundRole): in PySide6 6.12 every index.data() call that finds no
        # value returns None without a reference, and enough of them crash Python 3.11.)
        painter.setPen(option.palette.color(text_role))
        painter.setFont(option.font)
        elided = option.fontMetrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.left(), rect.top(), rect.width(), line,
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        document = self._document(option, index, rect.width())
        height = self._second_height(option, index, rect.width())
        painter.translate(rect.left(), rect.top() + line + 2)
        clip = QRectF(0, 0, rect.width(), height)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(dim_role))
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()
