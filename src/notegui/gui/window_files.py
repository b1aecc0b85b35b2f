"""The window's file actions: libraries (new, open, switch), import, export and restoring a
backup. A mixin of MainWindow: it uses the window's library, list and status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox

from notegui import __version__
from notegui.core.domain import Changes
from notegui.core.errors import ExportError, LibraryError
from notegui.core.files import write_atomically, write_folder
from notegui.core.formats import annotation_export, json_format, markdown_vault
from notegui.core.ports import Library
from notegui.gui.backup_dialog import BackgroundJob, BackupEntry, choose_backup
from notegui.gui.import_dialog import ImportJob, ImportResults, ImportSummary
from notegui.gui.plain_text import ask, warn

OpenLibrary = Callable[[Path], Library]
IMPORTED_LOOKED_AT = 1000  # notes an import wrote, read to find one that is not a stub
EXPORT_FORMATS = (
    "Text: the current note, in the question-note format",
    "JSON: the whole library (notegui JSON, version 1)",
    "Markdown: the whole library as a folder (an Obsidian vault)",
    "Annotations: markdown, grouped by note",
    "Annotations: W3C Web Annotation (JSON-LD)",
)


@dataclass(frozen=True)
class BackupHooks:
    """What File > Restore Backup… needs from the store (the window never imports it)."""

    list_backups: Callable[[Path], list[BackupEntry]]
    folder: Callable[[Path], Path]
    restore: Callable[[Path, Path], Path | None]  # (backup, library) -> the safety backup
    reopen: Callable[[Library], Library]  # the same file, afresh, the lock handed over
    # (damaged library, new file) -> what was saved and lost, a line each
    salvage: Callable[[Path, Path], list[str]] | None = None


class FileActions(QMainWindow):
    """File menu actions (do_<name>, from the table in actions.py)."""

    def do_new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New Library", str(Path.home() / "library.sqlite3"),
            "notegui libraries (*.sqlite3 *.db);;All files (*)")
        if path:
            self._switch_library(Path(path), self._new_library)

    def do_open_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Library", str(self.library.path.parent),
            "notegui libraries (*.sqlite3 *.db);;All files (*)")
        if path:
            self._switch_library(Path(path), self._open_library)

    def _switch_library(self, path: Path, opener: OpenLibrary) -> None:
        if self.editing.active and not self.stop_editing():
            return
        try:
            library = opener(path)
        except LibraryError as error:
            warn(self, "Cannot open the library", str(error))
            return
        old = self.library
        self.runner.cancel()
        self.runner.wait()
        self.load_library(library)
        self.settings.last_library = str(path)
        old.close()

    def do_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import Notes", str(Path.home()),
            "Question notes, notegui JSON, W3C annotations (*.txt *.json *.jsonld);;All files (*)")
        if files:
            self.import_paths([Path(f) for f in files])

    def do_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a Folder of Notes")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> ImportJob:
        """Import on a worker thread; the results dialog lists what was refused and why."""
        job = ImportJob(self.library.import_paths, paths, self, self.library.note_ids)
        job.finished.connect(self._import_finished)
        self._import = job
        job.start()
        return job

    def _import_finished(self, summary: ImportSummary) -> None:
        self._import = None
        self.library.changed_elsewhere()  # (its own writes, shown below)
        self.apply_changes(Changes(notes=frozenset(summary.changed), links=bool(summary.changed)),
                           summary.note_ids)
        shown = None if self.editing.active else self._imported_note(summary)
        if shown is not None:
            self.open_note(shown, record=shown != self.current_id)  # Back returns
        elif self.current_id is None and not self.editing.active and self.model.ids():
            self.open_note(self.model.ids()[0])
        self.import_results = ImportResults(summary, self)
        self.import_results.open()

    def _imported_note(self, summary: ImportSummary) -> int | None:
        """The first note the import wrote, in list order, that has text of its own: the
        list's first row could be a stub it cites ("Are …?" before "Why …?")."""
        if not summary.changed:
            return None
        order = summary.note_ids if summary.note_ids is not None else self.library.note_ids()
        written = [note_id for note_id in order if note_id in summary.changed]
        refs = self.library.refs(written[:IMPORTED_LOOKED_AT])
        return next((i for i in written[:IMPORTED_LOOKED_AT]
                     if i in refs and not refs[i].is_stub), None)

    def do_export(self) -> None:
        choice, ok = QInputDialog.getItem(self, "Export", "What to export:",
                                          list(EXPORT_FORMATS), 0, False)
        if not ok:
            return
        try:
            if choice == EXPORT_FORMATS[0]:
                self._export_current_note()
            elif choice == EXPORT_FORMATS[1]:
                path, _ = QFileDialog.getSaveFileName(
                    self, "Export JSON", str(Path.home() / "notegui-library.json"),
                    "JSON (*.json)")
                if path:
                    write_atomically(Path(path), json_format.dumps(self.library.document()))
                    self.statusBar().showMessage(f"Exported the library to {path}", 5000)
            elif choice in EXPORT_FORMATS[3:]:
                self._export_annotations(as_w3c=choice == EXPORT_FORMATS[4])
            else:
                folder = QFileDialog.getExistingDirectory(self, "Export to a Folder")
                if folder:
                    files = markdown_vault.to_files(self.library.document())
                    write_folder(Path(folder), files)
                    self.statusBar().showMessage(
                        f"Exported {len(files)} notes to {folder}", 5000)
        except ExportError as error:
            warn(self, "Export failed", str(error))

    def _export_annotations(self, as_w3c: bool) -> None:
        name, kind = (("annotations.jsonld", "W3C Web Annotation (*.jsonld *.json)") if as_w3c
                      else ("annotations.md", "Markdown (*.md)"))
        path, _ = QFileDialog.getSaveFileName(self, "Export Annotations",
                                              str(Path.home() / name), kind)
        if not path:
            return
        annotations = self.library.all_annotations()
        text = (annotation_export.to_w3c(annotations, generator=f"notegui {__version__}")
                if as_w3c else annotation_export.to_markdown(annotations))
        write_atomically(Path(path), text)
        self.statusBar().showMessage(f"Exported {len(annotations)} annotations to {path}", 5000)

    def _export_current_note(self) -> None:
        note = self.current_id is not None and self.library.note(self.current_id)
        if not note:
            QMessageBox.information(self, "Export", "Open a note to export it.")
            return
        name = markdown_vault.file_stem(note.title) + ".txt"
        path, _ = QFileDialog.getSaveFileName(self, "Export Note", str(Path.home() / name),
                                              "Text (*.txt)")
        if path:
            write_atomically(Path(path), self.library.export_text(note.title) + "\n")
            self.statusBar().showMessage(f"Exported the note to {path}", 5000)

    # -- backups ---------------------------------------------------------------------------

    def do_restore_backup(self) -> None:
        if self.backups is None:
            return
        path = self.library.path
        chosen = choose_backup(self.backups.list_backups(path), path, self,
                               folder=self.backups.folder(path))
        if chosen is not None:
            self._restore_from(chosen)

    def restore_newest_backup(self) -> None:
        """The banner's offer for a damaged library: its newest backup, after a yes."""
        if self.backups is None:
            return
        found = self.backups.list_backups(self.library.path)
        if not found:
            QMessageBox.information(self, "Restore Backup", "There is no backup of this "
                                    "library yet.")
            return
        newest = found[0]
        if ask(self, "Restore the newest backup?",
               f"Restore {self.library.path.name} from its backup of "
               f"{newest.when:%Y-%m-%d %H:%M} UTC?\n\nThe library as it is now is kept as "
               "one more backup first."):  # a file name, shown as written
            self._restore_from(newest.path)

    def _restore_from(self, chosen: Path) -> None:
        path = self.library.path
        if self.editing.active and not self.stop_editing():
            return
        if self._import is not None:
            self._import.cancel()
            self._import.wait()
        self.runner.cancel()
        self.runner.wait()
        self.setEnabled(False)
        self.statusBar().showMessage(f"Restoring {path.name} from {chosen.name}…")
        self._restore_job = BackgroundJob(
            lambda: self.backups.restore(chosen, path),
            lambda outcome: self._restored(chosen, outcome), self, name="notegui-restore",
        ).start()

    def salvage_library(self) -> None:
        """Save what can be read of this (damaged) library into a new file, off the UI
        thread; then offer to open it."""
        if self.backups is None or self.backups.salvage is None:
            return
        source = self.library.path
        name, _ = QFileDialog.getSaveFileName(
            self, "Salvage into a New File",
            str(source.with_name(f"{source.stem}-salvaged{source.suffix}")),
            "notegui libraries (*.sqlite3 *.db)")
        if not name:
            return
        target = Path(name)
        salvage = self.backups.salvage
        self.statusBar().showMessage(f"Salvaging {source.name} into {target.name}…")
        self._salvage_job = BackgroundJob(
            lambda: salvage(source, target), lambda outcome: self._salvaged(target, outcome),
            self, name="notegui-salvage").start()

    def _salvaged(self, target: Path, outcome: list[str] | Exception) -> None:
        self._salvage_job = None
        if isinstance(outcome, Exception):
            self.statusBar().clearMessage()
            warn(self, "Salvage failed", str(outcome))
            return
        self.statusBar().showMessage(f"Salvaged into {target}", 10000)
        box = QMessageBox(QMessageBox.Icon.Information, "Salvaged",
                          f"What could be read was saved into\n{target}\n\n"
                          + "\n".join(outcome) + "\n\nOpen the new library now?",
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
                          self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if box.exec() == QMessageBox.StandardButton.Open:
            self._switch_library(target, self._open_library)

    def _restored(self, chosen: Path, outcome: Path | Exception | None) -> None:
        self.setEnabled(True)
        self._restore_job = None
        if isinstance(outcome, Exception):
            warn(self, "Restore failed", str(outcome))
            return
        self.load_library(self.backups.reopen(self.library))
        kept = f"; the library as it was is kept as {outcome.name}" if outcome else ""
        self.statusBar().showMessage(f"Restored from {chosen.name}{kept}", 15000)
