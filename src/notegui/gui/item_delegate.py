"""Draws a list row as its title, with text below it (a search snippet with the matched
words in bold, or a summary) when there is some."""

from __future__ import annotations

import html
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from notegui.gui.plain_text import MAX_ROW_CHARS, shortened

MARK_START, MARK_END = "\x02", "\x03"  # what the search asks the store to put around matches
PADDING = 4  # around a row's text
_CACHED_DOCUMENTS = 400
_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)

Index = QModelIndex | QPersistentModelIndex


def small_font(font: QFont) -> QFont:
    """The font of the text under a row's title."""
    small = QFont(font)
    small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
    return small


def row_height(font: QFont, second_lines: int) -> int:
    """A row's height with its title and ``second_lines`` lines of text under it."""
    return (QFontMetrics(font).lineSpacing()
            + second_lines * QFontMetrics(small_font(font)).lineSpacing() + 2 * PADDING + 2)


def snippet_html(snippet: str) -> str:
    escaped = html.escape(snippet)
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class TwoLineDelegate(QStyledItemDelegate):
    """Title on the first line (elided); below it ``second_role``'s text in a smaller font,
    cut to ``lines`` lines, or whole when ``lines`` is 0."""

    def __init__(self, second_role: int, parent: QObject | None = None, lines: int = 1,
                 uniform: bool = False) -> None:
        super().__init__(parent)
        self._role = second_role
        self._lines = lines
        # Every row the height of ``lines`` lines, for a view with uniform item sizes: it
        # then asks for one size, not each row's (a text layout each).
        self._uniform = uniform and lines > 0
        # Laid-out documents by (text, width, font): a view asks for sizes and paints the
        # same rows over and over, and a layout costs more than the paint.
        self._documents: OrderedDict[tuple[str, int, str], QTextDocument] = OrderedDict()

    def _text(self, index: Index) -> str:
        # Our models always give a string for the role (see the comment in paint).
        return shortened(index.data(self._role) or "", MAX_ROW_CHARS)

    def _document(self, text: str, font: QFont, width: int) -> QTextDocument:
        """``text`` (with marked words) laid out at ``width`` in the small ``font``."""
        key = (text, width, font.key())
        document = self._documents.get(key)
        if document is not None:
            self._documents.move_to_end(key)
            return document
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(small_font(font))
        document.setHtml(snippet_html(text))
        document.setTextWidth(max(40, width))
        self._documents[key] = document
        if len(self._documents) > _CACHED_DOCUMENTS:
            self._documents.popitem(last=False)
        return document

    def _second_height(self, text: str, font: QFont, width: int) -> int:
        metrics = QFontMetrics(small_font(font))
        if MARK_START in text:
            height = int(self._document(text, font, width).size().height())
        else:  # plain text: font metrics lay it out much faster than a document
            height = metrics.boundingRect(
                QRect(0, 0, max(40, width), 100_000), _WRAP, text).height()
        if self._lines:
            return min(height, metrics.lineSpacing() * self._lines)
        return height

    @staticmethod
    def _indent(option: QStyleOptionViewItem) -> int:
        """Room for the row's icon (an annotation's colour), when it has one."""
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            return option.decorationSize.width() + PADDING
        return 0

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget  # (a view: its viewport is where the text goes)
        width = (widget.viewport().width() if isinstance(widget, QAbstractScrollArea)
                 else option.rect.width())
        return width - 2 * PADDING - 4 - self._indent(option)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if self._uniform:
            return QSize(self._text_width(option), row_height(option.font, self._lines))
        size = super().sizeHint(option, index)
        text = self._text(index)
        if text:
            styled = QStyleOptionViewItem(option)
            self.initStyleOption(styled, index)
            extra = self._second_height(text, option.font, self._text_width(styled))
            size.setHeight(option.fontMetrics.lineSpacing() + extra + 2 * PADDING + 2)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = self._text(index)
        if not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        title = shortened(option.text, MAX_ROW_CHARS)
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        dim_role = (QPalette.ColorRole.HighlightedText if selected
                    else QPalette.ColorRole.PlaceholderText)
        rect = option.rect.adjusted(PADDING + 2 + self._indent(option), PADDING, -PADDING,
                                    -PADDING)
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
        self.paint_second(painter, text, option.font, rect, option.palette.color(dim_role))
        painter.restore()

    def paint_second(self, painter: QPainter, text: str, font: QFont, rect: QRect,
                     colour: QColor) -> None:
        """Paint ``text`` under the title line of ``rect``, in the small ``font``; the
        painter's state is the caller's to save."""
        width = rect.width()
        painter.translate(rect.left(), rect.top() + QFontMetrics(font).lineSpacing() + 2)
        clip = QRectF(0, 0, width, self._second_height(text, font, width))
        painter.setClipRect(clip)
        if MARK_START in text:
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, colour)
            context.clip = clip
            self._document(text, font, width).documentLayout().draw(painter, context)
        else:
            painter.setFont(small_font(font))
            painter.setPen(colour)
            if self._lines:
                text = _clamped(text, painter.fontMetrics(), width, self._lines)
            painter.drawText(QRect(0, 0, width, 100_000), _WRAP, text)


def _clamped(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """``text`` cut with an ellipsis to fit ``lines`` wrapped lines of ``width``, nearly:
    elided as one line of that many widths, less a third of a line for the room that
    wrapping at word ends leaves. (Laying the lines out to cut exactly cost 0.2 ms a row.)"""
    return metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight,
                              int(width * (lines - 0.35)))
