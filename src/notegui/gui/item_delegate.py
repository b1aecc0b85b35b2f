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
    QTextLayout,
    QTextOption,
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


# Per font (its key): the small font and the line spacings. Every row painted and every
# size asked needs them, and each QFont and QFontMetrics made is a call into Qt.
_SMALL_FONTS: dict[str, QFont] = {}
_LINE_SPACINGS: dict[str, int] = {}


def small_font(font: QFont) -> QFont:
    """The font of the text under a row's title."""
    key = font.key()
    small = _SMALL_FONTS.get(key)
    if small is None:
        small = QFont(font)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
        _SMALL_FONTS[key] = small
    return QFont(small)


def line_spacing(font: QFont) -> int:
    key = font.key()
    spacing = _LINE_SPACINGS.get(key)
    if spacing is None:
        spacing = _LINE_SPACINGS[key] = QFontMetrics(font).lineSpacing()
    return spacing


def row_height(font: QFont, second_lines: int, title_lines: int = 1) -> int:
    """A row's height with ``title_lines`` of title and ``second_lines`` lines of text
    under it."""
    return (title_lines * line_spacing(font)
            + second_lines * line_spacing(small_font(font)) + 2 * PADDING + 2)


def wrap_title(title: str, font: QFont, width: int, lines: int) -> list[str]:
    """``title`` broken at word ends into at most ``lines`` lines of ``width`` (a word wider
    than a line broken anywhere); the last line holds the rest, to be elided when drawn."""
    layout = QTextLayout(title, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    shown: list[str] = []
    layout.beginLayout()
    try:
        while len(shown) < lines - 1:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1, width))
            shown.append(title[line.textStart():line.textStart() + line.textLength()])
    finally:
        layout.endLayout()
    rest = title[sum(len(part) for part in shown):]
    if rest or not shown:
        shown.append(rest)
    return [part.strip() for part in shown if part.strip()] or [""]


def draw_title(painter: QPainter, rect: QRect, metrics: QFontMetrics, title: str,
               place: str = "", dim: QColor | None = None, fits: bool = False) -> None:
    """``title`` on one line of ``rect`` (left, centred vertically), elided; then, when
    there is one, ``place`` (where a note lives, when another has its title) in the
    ``dim`` colour. The place keeps up to two fifths of a narrow row, cut in its middle,
    and the title what is left, so a long title never hides where its note lives.
    ``fits``: the caller measured that the title (and place) fit, so nothing is elided
    (each measure lays the text out again)."""
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    width = rect.width()
    if not place:
        painter.drawText(rect, flags, title if fits else
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, width))
        return
    place = "   " + shortened(place, MAX_ROW_CHARS)
    room = min(metrics.horizontalAdvance(place), width * 2 // 5)
    title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width - room)
    used = metrics.horizontalAdvance(title)
    painter.drawText(QRect(rect.left(), rect.top(), used, rect.height()), flags, title)
    painter.save()
    if dim is not None:
        painter.setPen(dim)
    painter.drawText(QRect(rect.left() + used, rect.top(), width - used, rect.height()), flags,
                     metrics.elidedText(place, Qt.TextElideMode.ElideMiddle, width - used))
    painter.restore()


def snippet_html(snippet: str) -> str:
    escaped = html.escape(snippet)
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class TwoLineDelegate(QStyledItemDelegate):
    """Title on the first line (elided); below it ``second_role``'s text in a smaller font,
    cut to ``lines`` lines, or whole when ``lines`` is 0.

    ``title_lines`` 2 (with ``uniform``): a long title wraps to a second line rather than
    being elided, and a title on one line leaves its room to the text under it (every row
    is as tall as two title lines and ``lines`` lines of text)."""

    def __init__(self, second_role: int, parent: QObject | None = None, lines: int = 1,
                 uniform: bool = False, place_role: int | None = None,
                 title_lines: int = 1) -> None:
        super().__init__(parent)
        self._title_lines = max(1, title_lines) if uniform and lines > 0 else 1
        self._role = second_role
        # The role of a note's place, shown dimmed after its title (sources_panel.py); a
        # model given it answers it for every row (see the comment in paint).
        self._place_role = place_role
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

    def _second_height(self, text: str, font: QFont, width: int,
                       lines: int | None = None) -> int:
        lines = self._lines if lines is None else lines
        metrics = QFontMetrics(small_font(font))
        if MARK_START in text:
            height = int(self._document(text, font, width).size().height())
        else:  # plain text: font metrics lay it out much faster than a document
            height = metrics.boundingRect(
                QRect(0, 0, max(40, width), 100_000), _WRAP, text).height()
        if lines:
            return min(height, metrics.lineSpacing() * lines)
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
            return QSize(self._text_width(option),
                         row_height(option.font, self._lines, self._title_lines))
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
        place = index.data(self._place_role) if self._place_role is not None else ""
        if not text and not place:
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
        dim = option.palette.color(dim_role)
        title_lines = self.title_lines(title, place or "", option.font, rect.width())
        for number, part in enumerate(title_lines):
            last = number == len(title_lines) - 1
            draw_title(painter, QRect(rect.left(), rect.top() + number * line, rect.width(),
                                      line if text or len(title_lines) > 1 else rect.height()),
                       option.fontMetrics, part, place or "" if last else "", dim,
                       fits=len(title_lines) == 1 and self._title_lines > 1 and not place)
        if text:
            lines = self._lines
            if self._title_lines > 1:  # (a title on fewer lines leaves its room to the text)
                room = rect.height() - len(title_lines) * line - 2
                lines = max(1, room // line_spacing(small_font(option.font)))
            self.paint_second(painter, text, option.font,
                              rect.adjusted(0, (len(title_lines) - 1) * line, 0, 0), dim, lines)
        painter.restore()

    def title_lines(self, title: str, place: str, font: QFont, width: int) -> list[str]:
        """The lines ``title`` (then ``place``, dimmed) is drawn on in a row ``width`` wide:
        one, or with ``title_lines`` 2, two when it does not fit on one."""
        if self._title_lines == 1:
            return [title]
        metrics = QFontMetrics(font)
        after = metrics.horizontalAdvance("   " + place) if place else 0
        if metrics.horizontalAdvance(title) + after <= width:
            return [title]
        return wrap_title(title, font, width, self._title_lines)

    def paint_second(self, painter: QPainter, text: str, font: QFont, rect: QRect,
                     colour: QColor, lines: int | None = None) -> None:
        """Paint ``text`` under the title line of ``rect``, in the small ``font``, on at most
        ``lines`` lines (the delegate's own number by default); the painter's state is the
        caller's to save."""
        lines = self._lines if lines is None else lines
        width = rect.width()
        painter.translate(rect.left(), rect.top() + line_spacing(font) + 2)
        marked = MARK_START in text
        if lines and not marked:  # (cut to the lines below: no need to lay it out first)
            height = line_spacing(small_font(font)) * lines
        else:
            height = self._second_height(text, font, width, lines)
        clip = QRectF(0, 0, width, height)
        painter.setClipRect(clip)
        if marked:
            context = QAbstractTextDocumentLayout.PaintContext()
            context.palette.setColor(QPalette.ColorRole.Text, colour)
            context.clip = clip
            self._document(text, font, width).documentLayout().draw(painter, context)
        else:
            painter.setFont(small_font(font))
            painter.setPen(colour)
            if lines:
                text = _clamped(text, painter.fontMetrics(), width, lines)
            painter.drawText(QRect(0, 0, width, 100_000), _WRAP, text)


def _clamped(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """``text`` cut with an ellipsis to fit ``lines`` wrapped lines of ``width``, nearly:
    elided as one line of that many widths, less a third of a line for the room that
    wrapping at word ends leaves. (Laying the lines out to cut exactly cost 0.2 ms a row.)"""
    return metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight,
                              int(width * (lines - 0.35)))
