"""The library actions: libraries (new, open, switch), import, export and restoring a
backup. A controller the window owns; what it needs of the window is ``LibraryWindow``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QStatusBar, QWidget

from notegui import __version__
from notegui.core.domain import Changes
from notegui.core.errors import ExportError, LibraryError
from notegui.core.files import NeedsForce, write_atomically, write_folder
from notegui.core.formats import annotation_export, json_format, markdown_vault, question_note
from notegui.core.ports import Library
from notegui.core.settings import Edits, Settings
from notegui.gui.backup_dialog import BackupEntry, choose_backup
from notegui.gui.changes_hub import ChangesHub
from notegui.gui.i18n import translate
from notegui.gui.import_dialog import ImportJob, ImportResults, ImportSummary
from notegui.gui.local_time import shown_with_age
from notegui.gui.plain_text import ask, inform, warn
from notegui.gui.tasks import LIBRARY_WORKER, Task, Tasks

OpenLibrary = Callable[[Path], Library]
IMPORTED_LOOKED_AT = 1000  # notes an import wrote, read to find one that is not a stub


def export_formats() -> tuple[str, ...]:
    """File ▸ Export's choices, in the window's language."""
    return (
        translate("LibraryActions", "Text: the current note, in the question-note format"),
        translate("LibraryActions", "JSON: the whole library (notegui JSON, version 1)"),
        translate("LibraryActions", "Markdown: the whole library as a folder (an Obsidian vault)"),
        translate("LibraryActions", "Annotations: markdown, grouped by note"),
        translate("LibraryActions", "Annotations: W3C Web Annotation (JSON-LD)"),
    )


@dataclass(frozen=True)
class BackupHooks:
    """What File > Restore Backup… needs from the store (the window never imports it)."""

    list_backups: Callable[[Path], Sequence[BackupEntry]]
    folder: Callable[[Path], Path]
    restore: Callable[[Path, Path], Path | None]  # (backup, library) -> the safety backup
    reopen: Callable[[Library], Library]  # the same file, afresh, the lock handed over
    # (damaged library, new file) -> what was saved and lost, a line each
    salvage: Callable[[Path, Path], list[str]] | None = None


class LibraryWindow(Protocol):
    """What the library actions use of the window."""

    @property
    def library(self) -> Library: ...
    @property
    def current_id(self) -> int | None: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def edits(self) -> Edits: ...

    def load_library(self, library: Library, note_id: int | None = None) -> None: ...
    def is_editing(self) -> bool: ...
    def stop_editing(self) -> bool: ...
    def end_library_work(self) -> None: ...
    def open_note(self, note_id: int, record: bool = True, scroll: int = 0) -> bool: ...
    def listed_ids(self) -> Sequence[int]: ...


class LibraryActions:
    """File menu actions, and the banner's offers for a damaged library."""

    def __init__(self, window: LibraryWindow, parent: QWidget, status: QStatusBar,
                 hub: ChangesHub, open_library: OpenLibrary, new_library: OpenLibrary,
                 backups: BackupHooks | None, tasks: Tasks) -> None:
        self._window = window
        self._tasks = tasks  # (the window's: imports on its library's worker)
        self._parent = parent  # (the dialogs', and disabled while a restore runs)
        self._status = status
        self._hub = hub  # (an import's Changes go there: the views follow)
        self._open_library = open_library
        self._new_library = new_library
        self.backups = backups
        self.import_job: ImportJob | None = None
        self.import_results: ImportResults | None = None
        self.restore_job: Task[Path | None] | None = None
        self._salvage_job: Task[list[str]] | None = None

    def new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent, translate("LibraryActions", "New Library"),
            str(Path.home() / "library.sqlite3"),
            translate("LibraryActions", "notegui libraries (*.sqlite3 *.db);;All files (*)"))
        if path:
            self._switch_library(Path(path), self._new_library)

    def open_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, translate("LibraryActions", "Open Library"),
            str(self._window.library.path.parent),
            translate("LibraryActions", "notegui libraries (*.sqlite3 *.db);;All files (*)"))
        if path:
            self._switch_library(Path(path), self._open_library)

    def open_recent(self, path: Path) -> None:
        """File ▸ Open Recent's choice; one no longer there is forgotten, saying so (the
        opener would make a new, empty library in its place)."""
        if not path.is_file():
            self._window.edits.forget(self._window.settings, path)
            warn(self._parent, translate("LibraryActions", "Library not found"),
                 translate("LibraryActions",
                           "{path}\n\nis no longer there (moved or deleted?), so it was removed "
                           "from File ▸ Open Recent.").format(path=path))
            return
        self._switch_library(path, self._open_library)

    def _switch_library(self, path: Path, opener: OpenLibrary) -> None:
        if self._window.is_editing() and not self._window.stop_editing():
            return
        try:
            library = opener(path)
        except LibraryError as error:
            warn(self._parent, translate("LibraryActions", "Cannot open the library"), str(error))
            return
        old = self._window.library
        self._window.end_library_work()  # (its threads end before it closes)
        self._window.load_library(library)
        self._window.settings.last_library = str(path)
        old.close()

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._parent, translate("LibraryActions", "Import Notes"), str(Path.home()),
            translate("LibraryActions",
                      "Markdown notes, question notes, notegui JSON, W3C annotations (*.md "
                      "*.markdown *.txt *.json *.jsonld);;All files (*)"))
        if files:
            self.import_paths([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._parent, translate("LibraryActions",
                                    "Import a Folder of Notes (a markdown vault or question "
                                    "notes)"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> ImportJob:
        """Import on a worker thread; the results dialog lists what was refused and why."""
        library = self._window.library
        job = ImportJob(library.import_paths, paths, self._parent, library.note_ids,
                        tasks=self._tasks, worker=LIBRARY_WORKER,
                        vault_run=library.import_vault)
        job.finished.connect(self._import_finished)
        self.import_job = job
        job.start()
        return job

    def cancel_import(self) -> None:
        """Stop an import running (its batches written so far stay), and wait for it."""
        if self.import_job is not None:
            self.import_job.cancel()
            self.import_job.wait()

    def _import_finished(self, summary: ImportSummary) -> None:
        window = self._window
        self.import_job = None
        window.library.changed_elsewhere()  # (its own writes, shown below)
        self._hub.publish(Changes(notes=frozenset(summary.changed),
                                  links=bool(summary.changed)), self, summary.note_ids)
        shown = None if window.is_editing() else self._imported_note(summary)
        if shown is not None:
            window.open_note(shown, record=shown != window.current_id)  # Back returns
        elif window.current_id is None and not window.is_editing() and window.listed_ids():
            window.open_note(window.listed_ids()[0])
        self.import_results = ImportResults(summary, self._parent)
        self.import_results.open()

    def _imported_note(self, summary: ImportSummary) -> int | None:
        """The first note the import wrote, in list order, that has text of its own: the
        list's first row could be a stub it cites ("Are …?" before "Why …?")."""
        if not summary.changed:
            return None
        library = self._window.library
        order = summary.note_ids if summary.note_ids is not None else library.note_ids()
        written = [note_id for note_id in order if note_id in summary.changed]
        refs = library.refs(written[:IMPORTED_LOOKED_AT])
        return next((i for i in written[:IMPORTED_LOOKED_AT]
                     if i in refs and not refs[i].is_stub), None)

    def export(self) -> None:
        parent, library = self._parent, self._window.library
        formats = export_formats()
        choice, ok = QInputDialog.getItem(parent, translate("LibraryActions", "Export"),
                                          translate("LibraryActions", "What to export:"),
                                          list(formats), 0, False)
        if not ok:
            return
        try:
            if choice == formats[0]:
                self._export_current_note()
            elif choice == formats[1]:
                path, _ = QFileDialog.getSaveFileName(parent,
                                                      translate("LibraryActions", "Export JSON"),
                                                      str(Path.home() / "notegui-library.json"),
                                                      translate("LibraryActions", "JSON (*.json)"))
                if path:
                    write_atomically(Path(path), json_format.dumps(library.document()))
                    self._status.showMessage(translate(
                        "LibraryActions", "Exported the library to {path}").format(path=path), 5000)
            elif choice in formats[3:]:
                self._export_annotations(as_w3c=choice == formats[4])
            else:
                folder = QFileDialog.getExistingDirectory(
                    parent, translate("LibraryActions", "Export to a Folder"))
                if folder:
                    self._export_markdown(Path(folder))
        except ExportError as error:
            warn(parent, translate("LibraryActions", "Export failed"), str(error))

    def _export_markdown(self, folder: Path) -> None:
        """The vault export; a folder that is neither empty nor an earlier export, or files
        it would replace that notegui did not leave as they are, only after the user says
        yes to a question naming them."""
        document = self._window.library.document(attachments=True)
        files = markdown_vault.to_files(document)
        try:
            written = write_folder(folder, files)
        except NeedsForce as refused:
            plan = refused.plan
            if plan.others:
                question = (translate("LibraryActions",
                                      "{folder} is not empty and does not hold an earlier "
                                      "notegui export. Export the notes into it anyway? Its "
                                      "other files are left alone.").format(folder=folder))
            else:
                question = ""
            if plan.replaced:
                shown = "\n".join(plan.replaced[:10]) + (
                    "\n..." if len(plan.replaced) > 10 else "")
                replaced = len(plan.replaced)
                question += (("\n\n" if question else "") + translate(
                    "LibraryActions", "These %n file(s) were edited since the last export or "
                    "were not written by notegui, and would be replaced by the notes' text:"
                    "\n{files}\n\nReplace them?", "", replaced).format(files=shown))
            if not ask(self._parent, translate("LibraryActions", "Export to a Folder"), question):
                self._status.showMessage(translate("LibraryActions", "Nothing exported"), 5000)
                return
            written = write_folder(folder, files, force=True)
        exported = len(document.notes)
        message = translate("LibraryActions", "Exported %Ln note(s) to {folder}", "",
                            exported).format(folder=folder)
        if written.edited_kept:
            inform(self._parent, translate("LibraryActions", "Export to a Folder"),
                   translate("LibraryActions", "{message}.\n\nKept, because they were edited "
                             "since the last export (their notes are gone):\n").format(
                       message=message) + "\n".join(written.edited_kept[:10]))
        self._status.showMessage(message, 5000)

    def _export_annotations(self, as_w3c: bool) -> None:
        name, kind = (("annotations.jsonld", translate(
            "LibraryActions", "W3C Web Annotation (*.jsonld *.json)")) if as_w3c
                      else ("annotations.md", translate("LibraryActions", "Markdown (*.md)")))
        path, _ = QFileDialog.getSaveFileName(self._parent,
                                              translate("LibraryActions", "Export Annotations"),
                                              str(Path.home() / name), kind)
        if not path:
            return
        annotations = self._window.library.all_annotations()
        text = (annotation_export.to_w3c(annotations, generator=f"notegui {__version__}")
                if as_w3c else annotation_export.to_markdown(annotations))
        write_atomically(Path(path), text)
        exported = len(annotations)
        self._status.showMessage(translate("LibraryActions", "Exported %Ln annotation(s) to {path}",
                                           "", exported).format(path=path), 5000)

    def _export_current_note(self) -> None:
        library, current = self._window.library, self._window.current_id
        note = library.note(current) if current is not None else None
        if not note:
            QMessageBox.information(self._parent, translate("LibraryActions", "Export"),
                                    translate("LibraryActions", "Open a note to export it."))
            return
        why = question_note.cannot_hold(note.title, note.path)
        if why:  # (said before a file is chosen)
            raise ExportError(translate(
                "LibraryActions",
                "{title} cannot be exported as a note's text: {why} (choose Markdown or JSON: "
                "the whole library)").format(title=repr(note.title), why=why))
        name = markdown_vault.file_stem(note.title) + ".txt"
        path, _ = QFileDialog.getSaveFileName(self._parent,
                                              translate("LibraryActions", "Export Note"),
                                              str(Path.home() / name),
                                              translate("LibraryActions", "Text (*.txt)"))
        if path:
            write_atomically(Path(path), library.export_text(note.title) + "\n")
            self._status.showMessage(
                translate("LibraryActions", "Exported the note to {path}").format(path=path), 5000)

    # -- backups ---------------------------------------------------------------------------

    def restore_backup(self) -> None:
        if self.backups is None:
            return
        path = self._window.library.path
        chosen = choose_backup(self.backups.list_backups(path), path, self._parent,
                               folder=self.backups.folder(path))
        if chosen is not None:
            self._restore_from(chosen)

    def restore_newest_backup(self) -> None:
        """The banner's offer for a damaged library: its newest backup, after a yes."""
        if self.backups is None:
            return
        path = self._window.library.path
        found = self.backups.list_backups(path)
        if not found:
            QMessageBox.information(self._parent, translate("LibraryActions", "Restore Backup"),
                                    translate("LibraryActions",
                                              "There is no backup of this library yet."))
            return
        newest, when, _size = found[0]
        if ask(self._parent, translate("LibraryActions", "Restore the newest backup?"),
               translate("LibraryActions", "Restore {library} from its backup of {when}?\n\n"
                         "The library as it is now is kept as one more backup first.").format(
                   library=path.name, when=shown_with_age(when))):  # a file name, as written
            self._restore_from(newest)

    def _restore_from(self, chosen: Path) -> None:
        if self.backups is None:
            return
        backups, path = self.backups, self._window.library.path
        if self._window.is_editing() and not self._window.stop_editing():
            return
        self.cancel_import()
        self._window.end_library_work()
        self._parent.setEnabled(False)
        self._status.showMessage(translate(
            "LibraryActions",
            "Restoring {library} from {backup}…").format(library=path.name, backup=chosen.name))
        self.restore_job = self._tasks.run(
            lambda _token: backups.restore(chosen, path),
            lambda outcome: self._restored(backups, chosen, outcome),
            lambda error: self._restored(backups, chosen, error), name="notegui-restore")

    def salvage_library(self) -> None:
        """Save what can be read of this (damaged) library into a new file, off the UI
        thread; then offer to open it."""
        if self.backups is None or self.backups.salvage is None:
            return
        source = self._window.library.path
        name, _ = QFileDialog.getSaveFileName(
            self._parent, translate("LibraryActions", "Salvage into a New File"),
            str(source.with_name(f"{source.stem}-salvaged{source.suffix}")),
            translate("LibraryActions", "notegui libraries (*.sqlite3 *.db)"))
        if not name:
            return
        target = Path(name)
        salvage = self.backups.salvage
        self._status.showMessage(translate(
            "LibraryActions",
            "Salvaging {library} into {target}…").format(library=source.name, target=target.name))
        self._salvage_job = self._tasks.run(
            lambda _token: salvage(source, target),
            lambda outcome: self._salvaged(target, outcome),
            lambda error: self._salvaged(target, error), name="notegui-salvage")

    def _salvaged(self, target: Path, outcome: list[str] | Exception) -> None:
        self._salvage_job = None
        if isinstance(outcome, Exception):
            self._status.clearMessage()
            warn(self._parent, translate("LibraryActions", "Salvage failed"), str(outcome))
            return
        self._status.showMessage(
            translate("LibraryActions", "Salvaged into {target}").format(target=target), 10000)
        box = QMessageBox(
            QMessageBox.Icon.Information, translate("LibraryActions", "Salvaged"),
            translate("LibraryActions", "What could be read was saved into\n{target}\n\n").format(
                target=target)
            + "\n".join(outcome) + translate("LibraryActions", "\n\nOpen the new library now?"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if box.exec() == QMessageBox.StandardButton.Open:
            self._switch_library(target, self._open_library)

    def _restored(self, backups: BackupHooks, chosen: Path,
                  outcome: Path | Exception | None) -> None:
        self._parent.setEnabled(True)
        self.restore_job = None
        if isinstance(outcome, Exception):
            warn(self._parent, translate("LibraryActions", "Restore failed"), str(outcome))
            return
        self._window.load_library(backups.reopen(self._window.library))
        kept = translate("LibraryActions", "; the library as it was is kept as {backup}").format(
            backup=outcome.name) if outcome else ""
        self._status.showMessage(translate("LibraryActions", "Restored from {backup}{kept}").format(
            backup=chosen.name, kept=kept), 15000)
