"""Saying in the status bar that a write waits for another process (a command-line import
or repair holding the library): the store calls the library's ``on_wait`` from whichever
thread writes, and waits in that thread, so on the window's own thread the bar is painted
at once (no event loop runs while it waits), and from a worker thread the message is
queued to it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

SHOWN_MS = 10_000


class WaitNotice(QObject):
    said = Signal(str)

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self.said.connect(self._show)  # (direct on the bar's thread, queued from others)

    def __call__(self, message: str) -> None:
        self.said.emit(message)

    def _show(self, message: str) -> None:
        self._bar.showMessage(message[:1].upper() + message[1:], SHOWN_MS)
        self._bar.repaint()
