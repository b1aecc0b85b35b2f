"""Import files into the library on a worker thread, with progress, cancel, and a result
list that shows every refused file and why."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from notegui.core.domain import ImportOutcome
from notegui.core.import_files import note_files

ImportRun = Callable[[list[Path], Callable[[], bool]], Iterator[ImportOutcome]]


class _Worker(QObject):
    progressed = Signal(int, object)  # files done, the outcome
    finished = Signal()

    def __init__(self, run: ImportRun, files: list[Path]) -> None:
        super().__init__()
        self._run, self._files, self.stop = run, files, False

    def work(self) -> None:
        try:
            for done, outcome in enumerate(self._run(self._files, lambda: self.stop), start=1):
                self.progressed.emit(done, outcome)
        finally:
            self.finished.emit()


class ImportResults(QDialog):
    def __init__(self, outcomes: list[ImportOutcome], cancelled: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import results")
        counts = {status: sum(o.status == status for o in outcomes)
                  for status in ("imported", "unchanged", "refused")}
        summary = (f"{counts['imported']} imported, {counts['unchanged']} unchanged, "
                   f"{counts['refused']} refused" + (" — cancelled" if cancelled else ""))
        self.summary = QLabel(summary)
        self.list = QListWidget()
        self.list.setAccessibleName("Refused files and warnings")
        for outcome in outcomes:
            if outcome.status == "refused":
                self.list.addItem(f"Refused {outcome.path}: {outcome.reason}")
            for warning in outcome.warnings:
                self.list.addItem(f"Warning: {warning}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setVisible(self.list.count() > 0)
        self.resize(700, 400 if self.list.count() else 120)


class ImportJob(QObject):
    """Runs one import; ``finished`` carries the outcomes and whether it was cancelled."""

    finished = Signal(list, bool)

    def __init__(self, run: ImportRun, paths: list[Path], parent: QWidget) -> None:
        super().__init__(parent)
        self.files = list(note_files(paths))
        self.outcomes: list[ImportOutcome] = []
        self.progress = QProgressDialog("Importing…", "Cancel", 0, len(self.files), parent)
        self.progress.setWindowTitle("Import")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self._thread = QThread(self)
        self._worker = _Worker(run, self.files)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.work)
        self._worker.progressed.connect(self._progressed)
        self._worker.finished.connect(self._done)
        self.progress.canceled.connect(self.cancel)
        self._cancelled = False

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancelled = True
        self._worker.stop = True

    def wait(self) -> None:
        self._thread.wait()

    def _progressed(self, done: int, outcome: ImportOutcome) -> None:
        self.outcomes.append(outcome)
        self.progress.setValue(done)
        self.progress.setLabelText(f"Importing {Path(outcome.path).name} ({done} of "
                                   f"{len(self.files)})")

    def _done(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.progress.reset()
        self.finished.emit(self.outcomes, self._cancelled)
