"""The search field, and the runner that searches off the UI thread and drops stale results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from notegui.core.domain import SearchHit

DEBOUNCE_MS = 30


class SearchField(QLineEdit):
    """Emits ``queryChanged`` a moment after typing pauses; Esc clears it."""

    queryChanged = Signal(str)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Search  (Ctrl+F)   is:stub  tag:name")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search notes")
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.queryChanged.emit(self.text()))
        self.textChanged.connect(lambda _text: self._timer.start())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class _Signals(QObject):
    done = Signal(int, str, list)


class _Job(QRunnable):
    def __init__(self, generation: int, query: str, runner: SearchRunner) -> None:
        super().__init__()
        self.generation, self.query, self.runner = generation, query, runner
        self.search, self.signals = runner._search, runner._signals

    def _stale(self) -> bool:
        return self.generation != self.runner._generation

    def run(self) -> None:
        # Quick results first (always fast), then the full ones when they differ; each is
        # skipped when a newer query was typed meanwhile.
        for quick in (True, False):
            if self._stale():
                return
            if not quick and self.runner._is_complete(self.query):
                return
            try:
                hits = self.search(self.query, quick)
            except Exception:  # a broken query must not kill the worker thread
                hits = []
            self.signals.done.emit(self.generation, self.query, hits)


Search = Callable[[str, bool], list[SearchHit]]  # (text, quick) -> hits


class SearchRunner(QObject):
    """Runs searches on a worker thread: for each query a quick search, then the full one
    unless ``is_complete(text)`` says the quick one was it. Only the newest query's
    results are delivered."""

    resultsReady = Signal(str, list)

    def __init__(self, search: Search, is_complete: Callable[[str], bool] = lambda _t: True,
                 parent: object = None) -> None:
        super().__init__(parent)
        self._search = search
        self._is_complete = is_complete
        self._generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._deliver)

    def submit(self, query: str) -> None:
        self._generation += 1
        self._pool.start(_Job(self._generation, query, self))

    def cancel(self) -> None:
        self._generation += 1

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def _deliver(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        if generation == self._generation:
            self.resultsReady.emit(query, hits)
