"""The mouse's back and forward buttons go back and forward through the notes read,
wherever the pointer is in the window.

The buttons are watched on the window's QWindow, which receives each mouse event before
Qt hands it to the widget under the pointer (a list or the answer takes every press, so
the main window itself never sees one): a filter there is asked about the window's own
events only, not about every event of the application as a filter on it would be."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent, QWindow


class MouseNavigation(QObject):
    """Calls ``back`` or ``forward`` for a press of the mouse's back or forward button in
    the window ``watch`` is given (its ``windowHandle()``, once it is shown)."""

    def __init__(self, back: Callable[[], object], forward: Callable[[], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._back = back
        self._forward = forward
        self._window: QWindow | None = None

    def watch(self, window: QWindow | None) -> None:
        if window is None or window is self._window:
            return
        if self._window is not None:
            self._window.removeEventFilter(self)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self._back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self._forward()
                return True
        return super().eventFilter(watched, event)
