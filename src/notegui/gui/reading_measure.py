"""A readable measure for a text view: lines of about MEASURE_CHARS characters, centred,
with margins of at least MARGIN_EMS at every width and zoom.

The margins are the view's viewport margins, not the document's: those survive setHtml
(a document's frame format does not), so opening a note lays its text out once, as
before; they change only when the view is resized or its font (the zoom) changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QTextEdit

MEASURE_CHARS = 88  # of the font's average width: about 80 characters of prose a line
MARGIN_EMS = 1.5  # the least margin on each side, in line heights of the font


class ReadingMeasure(QObject):
    """Keeps ``view``'s text to the measure (installed on it as an event filter)."""

    def __init__(self, view: QTextEdit) -> None:
        super().__init__(view)
        self._view = view
        self._margins = (0, 0)
        # The margins are the view's own ground: the text's background, not the window's.
        view.setBackgroundRole(QPalette.ColorRole.Base)
        view.setAutoFillBackground(True)
        view.installEventFilter(self)
        self.fit()

    def margins(self) -> tuple[int, int]:
        """The left and right margins now."""
        return self._margins

    def fit(self) -> None:
        view = self._view
        metrics = QFontMetricsF(view.font())  # (the document's font, before it follows)
        measure = MEASURE_CHARS * metrics.averageCharWidth()
        least = round(MARGIN_EMS * metrics.height())
        bar = view.verticalScrollBar()
        width = view.width() - 2 * view.frameWidth() - (bar.width() if bar.isVisible() else 0)
        side = max(least, int((width - measure) / 2))
        if (side, side) != self._margins:
            self._margins = (side, side)
            view.setViewportMargins(side, 0, side, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view:
            kind = event.type()
            if kind in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
                self.fit()
            elif kind == QEvent.Type.Wheel:
                # In a margin (outside the viewport) the wheel scrolls the text too.
                return QApplication.sendEvent(self._view.viewport(), event)
        return super().eventFilter(watched, event)
