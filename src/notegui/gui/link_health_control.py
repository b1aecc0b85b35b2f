"""Note ▸ Link Health…: reads the report on the library's worker (seconds at 100,000
notes: the window stays live) and makes each fix through the library's ordinary writes,
published to every view as any edit is:

- Link It: the mention's words become a citation by a save of the note's text
  (``Library.save_note``: its old text a revision, its links following its citations, its
  annotations found again in the new text when it is shown). A note open in the editor is
  saved first, so no typing is lost or overwritten.
- Merge Into This…: ``Library.merge_notes`` after a confirmation saying what it does.
- Open: the note in the window.

After each fix the report is read again: the finding fixed is gone from it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from notegui.core.domain import NoteRef, NoteText
from notegui.core.errors import LibraryError
from notegui.core.link_report import LinkReport, MentionFinding, StaleMention, link_mention
from notegui.core.ports import Library
from notegui.gui.changes_hub import ChangesHub
from notegui.gui.editing import EditSession
from notegui.gui.i18n import translate
from notegui.gui.link_health_dialog import LinkHealthDialog
from notegui.gui.plain_text import ask, warn
from notegui.gui.tasks import LIBRARY_WORKER, Tasks


class HealthWindow(Protocol):
    """What link health uses of the window."""

    library: Library

    def open_note(self, note_id: int, record: bool = True, scroll: int = 0) -> bool: ...
    def stop_editing(self) -> bool: ...


class LinkHealthControl:
    def __init__(self, window: HealthWindow, parent: QWidget, status: QStatusBar,
                 hub: ChangesHub, tasks: Tasks, editing: EditSession) -> None:
        self._window = window
        self._parent = parent
        self._status = status
        self._hub = hub
        self._tasks = tasks
        self._editing = editing
        self.dialog: LinkHealthDialog | None = None
        self._shown_for: Library | None = None  # the library the findings shown are of

    def show(self) -> None:
        if self.dialog is None:
            dialog = LinkHealthDialog(self._parent)
            dialog.openRequested.connect(self._open)
            dialog.linkRequested.connect(self.link)
            dialog.mergeRequested.connect(self.merge)
            dialog.refreshRequested.connect(self.refresh)
            self.dialog = dialog
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.refresh()

    def refresh(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        dialog.show_reading()
        library = self._window.library

        def shown(report: LinkReport) -> None:
            if self.dialog is dialog and self._window.library is library:
                self._shown_for = library
                dialog.show_report(report)

        self._tasks.run(lambda _token: library.link_health(), shown,
                        lambda error: dialog.show_failure(str(error)), worker=LIBRARY_WORKER)

    def _current(self) -> bool:
        """Whether the findings shown are of the library open now (another was opened
        since: its ids name other notes); if not, they are read again and nothing is
        done."""
        if self._shown_for is self._window.library:
            return True
        self._status.showMessage(
            translate("LinkHealth", "Another library is open: its link health is read again."),
            8000)
        self.refresh()
        return False

    def _open(self, note_id: int) -> None:
        if self._current():
            self._window.open_note(note_id)

    def _editing_note(self, note_id: int) -> bool:
        """The editor on ``note_id`` is saved and closed first; False when it cannot be."""
        if self._editing.active and self._editing.note_id == note_id:
            return self._window.stop_editing()
        return True

    def link(self, mention: MentionFinding) -> None:
        library = self._window.library
        if not self._current() or not self._editing_note(mention.source.id):
            return
        note = library.note(mention.source.id)
        try:
            if note is None:
                raise LibraryError(translate(
                    "LinkHealth",
                    "“{title}” is no longer in the library").format(title=mention.source.title))
            body = link_mention(note.body, mention)
            changes = library.save_note(
                note.id, note.title, note.description, note.summary, body,
                create_missing=False,
                base=NoteText(note.title, note.description, note.summary, note.body))
        except (LibraryError, StaleMention) as error:
            warn(self._parent, translate("LinkHealth", "Not linked"), translate(
                "LinkHealth",
                "{error}. Refresh to see the library as it is now.").format(error=error))
            self.refresh()
            return
        self._hub.publish(changes, self)
        self._status.showMessage(translate("LinkHealth", "Linked “{written}” in “{title}”.").format(
            written=mention.written, title=note.title), 8000)
        self.refresh()

    def merge(self, keep: NoteRef, others: Sequence[NoteRef]) -> None:
        if not self._current():
            return
        names = ", ".join(f"“{ref.title}”" for ref in others)
        if not ask(
            self._parent, translate("LinkHealth", "Merge notes?"),
            translate("LinkHealth",
                      "Merge {names} into “{title}”?\n\n“{title}” keeps its title and text; the "
                      "other text is added after it. Every citation of the other title is "
                      "written with this one, and its annotations and tags move here. The other "
                      "note goes to the Trash (a stub, with no text, is deleted); each note's "
                      "text before is kept in its history.").format(names=names, title=keep.title)):
            return
        for other in others:
            if not self._editing_note(other.id) or not self._editing_note(keep.id):
                return
            try:
                changes = self._window.library.merge_notes(keep.id, other.id)
            except LibraryError as error:
                warn(self._parent, translate("LinkHealth", "Not merged"), str(error))
                break
            self._hub.publish(changes, self)
        else:
            self._status.showMessage(translate(
                "LinkHealth",
                "Merged {names} into “{title}”.").format(names=names, title=keep.title), 8000)
        self.refresh()
