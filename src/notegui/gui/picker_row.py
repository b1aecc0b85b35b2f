"""A picker's row as drawn: its label with the letters that matched what was typed in bold,
then where its note lives (dimmed, when it has a place), and its shortcut at the right."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from notegui.gui.plain_text import MAX_ROW_CHARS, shortened
from notegui.gui.row_paint import row_background

MARKS_ROLE = Qt.ItemDataRole.UserRole + 2  # [(start, end)]: the label's matched letters
SHORTCUT_ROLE = Qt.ItemDataRole.UserRole + 3  # the action's shortcut ("" for none)
PADDING = 8  # left and right of a row's text
GAP = 24  # at least this between the label and the shortcut

Index = QModelIndex | QPersistentModelIndex
Span = tuple[int, int]


def matched_spans(label: str, typed: str) -> list[Span]:
    """Where in ``label`` the words of ``typed`` match (each where a word of the label
    starts with it, else its first place anywhere), as sorted, merged (start, end) spans."""
    folded = label.lower()
    if len(folded) != len(label):  # (a letter whose lower case is longer: no marks)
        return []
    spans: list[Span] = []
    for word in dict.fromkeys(typed.lower().split()):
        starts = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(word), folded)]
        if not starts:
            first = folded.find(word)
            starts = [first] if first >= 0 else []
        spans += [(start, start + len(word)) for start in starts]
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def segments(label: str, spans: list[Span]) -> list[tuple[str, bool]]:
    """``label`` cut into (text, matched) pieces by ``spans``."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        start, end = max(start, at), min(end, len(label))
        if start >= end:
            continue
        if start > at:
            pieces.append((label[at:start], False))
        pieces.append((label[start:end], True))
        at = end
    if at < len(label):
        pieces.append((label[at:], False))
    return pieces


class PickerRowDelegate(QStyledItemDelegate):
    """Draws a picker row (see the module's docstring). ``place_role``: where a note lives;
    the model answers it, MARKS_ROLE and SHORTCUT_ROLE for every row."""

    def __init__(self, place_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._place_role = place_role

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))

    def shortcut_rect(self, rect: QRect, metrics: QFontMetrics, shortcut: str) -> QRect:
        """Where a row's shortcut goes: against the row's right edge, less the padding."""
        width = metrics.horizontalAdvance(shortcut)
        return QRect(rect.right() - PADDING - width + 1, rect.top(), width, rect.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        label = shortened(option.text, MAX_ROW_CHARS)
        text, dim = row_background(option, painter)
        rect = option.rect
        metrics = QFontMetrics(option.font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setFont(option.font)
        right = rect.right() - PADDING
        shortcut = index.data(SHORTCUT_ROLE) or ""
        if shortcut:
            painter.setPen(dim)
            box = self.shortcut_rect(rect, metrics, shortcut)
            painter.drawText(box, flags, shortcut)
            right = box.left() - GAP
        x = rect.left() + PADDING
        bold = QFont(option.font)
        bold.setBold(True)
        place = index.data(self._place_role) or ""
        pieces = segments(label, index.data(MARKS_ROLE) or [])
        if place:
            pieces.append(("   " + shortened(place, MAX_ROW_CHARS), False))
        for number, (piece, matched) in enumerate(pieces):
            is_place = bool(place) and number == len(pieces) - 1
            font = bold if matched else option.font
            painter.setFont(font)
            painter.setPen(dim if is_place else text)
            shown_metrics = QFontMetrics(font)
            room = right - x
            width = shown_metrics.horizontalAdvance(piece)
            if width > room:  # the rest does not fit: this piece elided, and no more
                piece = shown_metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room)
                painter.drawText(QRect(x, rect.top(), room, rect.height()), flags, piece)
                break
            painter.drawText(QRect(x, rect.top(), width, rect.height()), flags, piece)
            x += width
        painter.restore()
