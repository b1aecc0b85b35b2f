"""What a list row painted by hand (a delegate's paint) starts with: the style's own
background, focus and selection, and the text colours that go on it."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem


def row_background(option: QStyleOptionViewItem, painter: QPainter) -> tuple[QColor, QColor]:
    """The row drawn by the style without its text (which the delegate draws); the colours
    of its text and of its dimmed text, on the selection or not."""
    option.text = ""
    widget = option.widget
    style = widget.style() if widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    palette = option.palette
    text = palette.color(QPalette.ColorRole.HighlightedText if selected
                         else QPalette.ColorRole.Text)
    dim = palette.color(QPalette.ColorRole.HighlightedText if selected
                        else QPalette.ColorRole.PlaceholderText)
    return text, dim
