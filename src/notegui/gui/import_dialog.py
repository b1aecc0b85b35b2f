"""Import files into the library on a worker thread, with progress, cancel, and a result
list that shows every refused file and why.

The worker thread sums the outcomes up (counts, the notes touched, the refusals and
warnings): the window's thread never holds an object per imported file, so a
100,000-file import neither floods its event loop nor leaves it a long garbage collection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListView,
    QListWidget,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from notegui.core import import_plan
from notegui.core.collection import collection_paused
from notegui.core.domain import ImportOutcome
from notegui.core.errors import LibraryError
from notegui.core.import_listing import Skipped
from notegui.core.import_plan import VaultJob, nothing_in_vault
from notegui.core.vault_report import VaultReport
from notegui.core.workers import Token
from notegui.gui.i18n import number, translate
from notegui.gui.plain_text import label
from notegui.gui.tasks import Task, Tasks
from notegui.gui.theme import dress

ImportRun = Callable[[list[str], Callable[[], bool]], Iterator[ImportOutcome]]
VaultRun = Callable[[VaultJob, VaultReport, Callable[[], bool]], Iterator[ImportOutcome]]
PROGRESS_EVERY = 0.05  # seconds between progress signals


@dataclass
class ImportSummary:
    counts: dict[str, int] = field(
        default_factory=lambda: {"imported": 0, "updated": 0, "unchanged": 0, "refused": 0})
    changed: set[int] = field(default_factory=set)  # notes written
    notable: list[ImportOutcome] = field(default_factory=list)  # refused, or with warnings
    cancelled: bool = False
    note_ids: Sequence[int] | None = None  # the whole list afterwards, read off the window
    failure: str = ""  # why the import stopped short, if it did (the library says why)
    skipped: Skipped = field(default_factory=Skipped)  # files of the folders not read
    empty_folders: list[tuple[str, str]] = field(default_factory=list)  # (folder, why)
    vaults: list[VaultReport] = field(default_factory=list)  # the markdown folders'

    def add(self, outcome: ImportOutcome) -> None:
        self.counts[outcome.status] += 1
        self.changed.update(outcome.changes.notes)
        if outcome.status == "refused" or outcome.warnings or outcome.refused_entries:
            self.notable.append(outcome)

    @property
    def done(self) -> int:
        return sum(self.counts.values())


class ImportResults(QDialog):
    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ImportDialog", "Import results"))
        counts = summary.counts
        updated = translate("ImportDialog", "{updated} updated, ").format(
            updated=number(counts["updated"])) if counts["updated"] else ""
        text = (translate("ImportDialog", "{imported} imported, {updated}{unchanged} unchanged, "
                          "{refused} refused").format(
                    imported=number(counts["imported"]), updated=updated,
                    unchanged=number(counts["unchanged"]), refused=number(counts["refused"]))
                + (translate("ImportDialog", " — cancelled") if summary.cancelled else "")
                + (translate("ImportDialog", "\nThe import stopped: {failure}").format(
                    failure=summary.failure) if summary.failure else "")
                + "".join(f"\n{folder}: {why}" for folder, why in summary.empty_folders)
                + (f"\n{summary.skipped.summary()}"
                   if summary.skipped.total and not summary.empty_folders else "")
                + "".join(f"\n{_vault_lines(report)}" for report in summary.vaults
                          if report.notes))
        self.summary = label(text)  # file names and reasons, as written
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ImportDialog", "Refused files and warnings"))
        # Whole reasons, wrapped at the dialog's width (a path and its reason run long).
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        for outcome in summary.notable:
            if outcome.status == "refused":
                self.list.addItem(translate("ImportDialog", "Refused {path}: {reason}").format(
                    path=outcome.path, reason=outcome.reason))
            for entry in outcome.refused_entries:  # (a JSON file's entries left out)
                self.list.addItem(translate("ImportDialog", "Refused {path}: {entry}").format(
                    path=outcome.path, entry=entry))
            for warning in outcome.warnings:
                self.list.addItem(
                    translate("ImportDialog", "Warning: {warning}").format(warning=warning))
        for report in summary.vaults:
            for path in report.gone:
                self.list.addItem(
                    translate("ImportDialog", "File gone, note kept: {path}").format(path=path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setVisible(self.list.count() > 0)
        self.resize(700, 400 if self.list.count() else 120)
        dress(self)


def _vault_lines(report: VaultReport) -> str:
    """A vault's lines of the summary; its notes whose files are gone are listed below."""
    first, *rest = report.lines()
    gone = len(report.gone)
    return first + ("\n" + translate("ImportDialog", "%Ln note(s) whose files are gone "
                                      "(kept): listed below", "", gone) if rest else "")


class ImportJob(QObject):
    """Runs one import on the library's worker (``tasks``); ``finished`` carries its
    ImportSummary. Cancel stops the import between files: its summary is still shown."""

    finished = Signal(object)
    progressed = Signal(int, str)  # files done, the last one's name: the dialog says so

    def __init__(self, run: ImportRun, paths: list[Path], parent: QWidget,
                 list_ids: Callable[[], Sequence[int]] = lambda: (), *,
                 tasks: Tasks, worker: str | None = None,
                 vault_run: VaultRun | None = None) -> None:
        super().__init__(parent)
        self.total = 0
        self.progress = QProgressDialog(translate("ImportDialog", "Listing the files…"),
                                        translate("ImportDialog", "Cancel"), 0, 0, parent)
        self.progress.setWindowTitle(translate("ImportDialog", "Import"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self._run, self._paths, self._list_ids = run, paths, list_ids
        self._tasks, self._worker = tasks, worker
        self._vault_run = vault_run
        self._task: Task[ImportSummary] | None = None
        self.stop = False
        self.summary = ImportSummary()
        self.progress.canceled.connect(self.cancel)

    def start(self) -> None:
        # (an unexpected error, logged: the summary so far is shown all the same)
        self._task = self._tasks.run(self._work, self._done,
                                     lambda _error: self._done(self.summary),
                                     worker=self._worker, name="notegui-import")

    def cancel(self) -> None:
        self.stop = True

    def wait(self) -> None:
        """Wait for the import to end (after ``cancel``: the window closes, a backup is
        restored)."""
        if self._task is not None:
            self._task.wait()

    def _work(self, token: Token) -> ImportSummary:
        """On the worker thread: the import, summed up."""
        with collection_paused():
            return self._import(token)

    def _import(self, token: Token) -> ImportSummary:
        summary = self.summary
        try:
            # Listing a folder of 100,000 files takes a second: here, not in the window.
            plan = import_plan.plan(list(self._paths))
            listing = plan.listing
            files = listing.files
            summary.skipped, summary.empty_folders = listing.skipped, listing.empty_folders
            summary.empty_folders += [(path, why) for path, why in plan.refused]
            self._tasks.run_on_main(lambda: self._counted(len(files)), token)
            stop = lambda: self.stop or token.cancelled  # noqa: E731
            self._follow(self._run(files, stop), len(files), token)
            total = len(files)
            run_vault = self._vault_run
            for job in plan.vaults:
                if run_vault is None or stop():
                    break
                report = VaultReport()
                summary.vaults.append(report)
                outcomes = run_vault(job, report, stop)
                first = next(outcomes, None)  # (the vault is read: its size known)
                total += report.notes
                self._tasks.run_on_main(partial(self._counted, total), token)
                if first is not None:
                    summary.add(first)
                    self._follow(outcomes, total, token)
                summary.changed.update(report.changed)
                if job.whole and not report.notes and not job.texts:
                    summary.empty_folders.append((job.folder, nothing_in_vault(report.skipped)))
        except LibraryError as error:
            summary.failure = str(error)
        else:
            if summary.changed:
                summary.note_ids = self._list_ids()
        finally:
            summary.cancelled = self.stop or token.cancelled
        return summary

    def _follow(self, outcomes: Iterator[ImportOutcome], total: int, token: Token) -> None:
        """Sum the outcomes up, telling the window how far the import is now and then."""
        summary = self.summary
        last = time.monotonic()
        for outcome in outcomes:
            summary.add(outcome)
            if (time.monotonic() - last >= PROGRESS_EVERY
                    or summary.done == total):  # (the last: then links)
                done, name = summary.done, Path(outcome.path).name
                self._tasks.run_on_main(partial(self._progressed, done, name), token)
                last = time.monotonic()

    def _counted(self, total: int) -> None:
        self.total = total
        self.progress.setMaximum(total + 1)  # one step more: the links and the index

    def _progressed(self, done: int, name: str) -> None:
        # The label first: setValue of a shown modal progress dialog processes events, and
        # whatever runs then (a slow machine's next progress) saw the old label.
        if done >= self.total:
            self.progress.setLabelText(
                translate("ImportDialog", "Linking the notes and indexing them…"))
        else:
            self.progress.setLabelText(
                translate("ImportDialog", "Importing {name} ({done} of {total})").format(
                    name=name, done=number(done), total=number(self.total)))
        self.progress.setValue(done)
        self.progressed.emit(done, name)

    def _done(self, summary: ImportSummary) -> None:
        self.progress.reset()
        self.finished.emit(summary)
