"""A completer's popup that shows whole titles: as wide as the longest one (up to the
screen), not the width of the field it completes, and a title wider than the screen wraps
onto more lines rather than being cut. Many titles start alike ("Why does …"); cut short
they could not be told apart."""

from __future__ import annotations

from PySide6.QtCore import QRect, QStringListModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QListView, QStyle, QWidget

from notegui.gui.qt_typing import popup as popup_of

MIN_WIDTH = 240


def prepare(completer: QCompleter) -> None:
    """Rows of any height: a title too long for the screen wraps."""
    popup = popup_of(completer)
    if isinstance(popup, QListView):  # (Qt's own popup is one)
        popup.setWordWrap(True)
        popup.setUniformItemSizes(False)
    popup.setTextElideMode(Qt.TextElideMode.ElideNone)
    popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def show(completer: QCompleter, widget: QWidget, below: QRect, titles: list[str]) -> None:
    """Show ``titles`` under ``below`` (in ``widget``'s coordinates), the first one
    highlighted."""
    model = completer.model()
    assert isinstance(model, QStringListModel), "a completer of titles completes a list"
    model.setStringList(titles)
    completer.setCompletionPrefix("")
    popup = popup_of(completer)
    screen = widget.screen().availableGeometry()
    rect = QRect(below)
    rect.setWidth(min(max(_needed_width(popup, titles), MIN_WIDTH), screen.width()))
    completer.complete(rect)  # (moved left when it would leave the screen)
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    _fit_rows(popup, completer.maxVisibleItems(), screen.height() // 2)


def _needed_width(popup: QAbstractItemView, titles: list[str]) -> int:
    metrics = popup.fontMetrics()
    style = popup.style()
    text_margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, popup) + 1
    chrome = (2 * popup.frameWidth() + 2 * text_margin + 8
              + style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, popup))
    return max(metrics.horizontalAdvance(title) for title in titles) + chrome


def _fit_rows(popup: QAbstractItemView, rows: int, limit: int) -> None:
    """As tall as its first ``rows`` rows (QCompleter sizes it by the first row's height,
    too short when a row wraps), at most ``limit``."""
    popup.doItemsLayout()
    model = popup.model()
    height = sum(popup.visualRect(model.index(row, 0)).height()
                 for row in range(min(rows, model.rowCount())))
    wanted = min(height + 2 * popup.frameWidth(), limit)
    if wanted > popup.height():
        popup.resize(popup.width(), wanted)
        bottom = popup.screen().availableGeometry().bottom()
        if popup.geometry().bottom() > bottom:
            popup.move(popup.x(), bottom - wanted)
