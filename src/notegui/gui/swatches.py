"""The highlight colours, one table for the answer pane, the sidebar and the browser."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

SWATCHES = {  # drawn on both light and dark backgrounds, so mid-tone
    "yellow": QColor(244, 208, 63),
    "green": QColor(124, 207, 111),
    "blue": QColor(111, 179, 242),
    "pink": QColor(245, 154, 195),
    "purple": QColor(179, 157, 219),
}
_UNKNOWN_SWATCH = QColor(160, 160, 160)


def swatch_color(name: str) -> QColor:
    return SWATCHES.get(name, _UNKNOWN_SWATCH)


def swatch_icon(name: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(swatch_color(name).darker(140))
    painter.setBrush(swatch_color(name))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)
