"""The window's note actions: editing (with drafts), new note, the Trash, history, tags and
annotations. A mixin of MainWindow: it uses the window's library, widgets and status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMainWindow

from notegui.core.domain import Changes, Note, NoteRef, NoteText, title_key
from notegui.core.drafts import Draft, DraftError
from notegui.core.errors import LibraryError
from notegui.core.render import render_note_html
from notegui.gui.annotation_browser import AnnotationBrowser
from notegui.gui.discard_prompt import confirm_discard
from notegui.gui.history_dialog import HistoryDialog
from notegui.gui.plain_text import ask, warn
from notegui.gui.trash_dialog import TrashDialog

PREVIEW_EMPTY = "The preview shows the description and the answer as you write them."


class EditingActions(QMainWindow):
    """Note and Annotate menu actions (do_<name>, from the table in actions.py)."""

    # -- editing -------------------------------------------------------------------------

    # The note that was open when a new note was started: shown again if it is dropped.
    _before_new: int | None = None

    def do_edit_note(self) -> None:
        if self.editing.active:
            self.stop_editing()
        elif self.current_id is not None:
            self.start_editing(self.current_id)

    def start_editing(self, note_id: int | None, fields: NoteText | None = None) -> bool:
        note = self.library.note(note_id) if note_id else None
        if note is not None and note.trashed:
            self.statusBar().showMessage("Restore this note from the Trash to edit it.", 8000)
            return False
        if not self.editing.start(note_id, fields):
            return False
        if not note_id:
            self._show_new_note()
        self.middle.setCurrentWidget(self.editor)
        self.actions_by_name["edit_note"].setText("&Done Editing")
        (self.editor.body if note_id else self.editor.title).setFocus()
        return True

    def _show_new_note(self) -> None:
        """While a new note is open it is the window's note: the title, the list (nothing
        selected), the sidebar (no links, annotations or tags yet) and every action."""
        self._before_new = self.current_id
        self.current_id = None
        self.setWindowTitle("New note — notegui")
        self._syncing_selection = True
        try:
            self.list.setCurrentIndex(QModelIndex())
            self.list.clearSelection()
        finally:
            self._syncing_selection = False
        self.sidebar.show_links([], [])
        self.sidebar.tags.set_tags([])
        self.annotator.clear()
        self.update_note_actions()

    def stop_editing(self, show: bool = True) -> bool:
        """Save (the title too) and go back to reading the note (``show`` False: the caller
        opens another). A new note left blank is dropped; a refused save asks Discard /
        Keep Editing. False: still editing."""
        if self.editing.is_new and not self.editing.unsaved():
            self.editing.discard()
        elif not self.editing.finish():
            if not self._confirm_discard(self.editing.problem):
                self.statusBar().showMessage(
                    "Not saved: fix what the editor says, or Discard.", 10000)
                return False
            self.editing.discard()
        self._leave_editor(show)
        return True

    def discard_edit(self) -> bool:
        """Leave the editor without saving (Discard, Esc on a new note, Trash on a new
        note); asks first when it holds text not saved. False: still editing."""
        if not self.editing.active:
            return True
        if self.editing.unsaved() and not self._confirm_discard():
            return False
        self.editing.discard()
        self._leave_editor()
        return True

    def _editor_leave_requested(self) -> None:
        """Esc in the editor: a new note is dropped (asking when it holds text), a note
        being edited is saved and shown (as Done Editing)."""
        if self.editing.is_new:
            self.discard_edit()
        else:
            self.stop_editing()

    def _confirm_discard(self, problem: str = "") -> bool:
        reason = f"It could not be saved: {problem}" if problem else ""
        if self.editing.is_new:
            return confirm_discard(
                self, "Discard the new note?",
                "This new note is not saved. Discard it, or keep editing?", reason)
        return confirm_discard(
            self, "Discard unsaved changes?",
            f"Your changes to “{self.editing.saved_title}” are not saved. Discard them (the "
            "note stays as it was last saved), or keep editing?", reason)

    def _leave_editor(self, show: bool = True) -> None:
        self.middle.setCurrentWidget(self.answer)
        self.actions_by_name["edit_note"].setText("&Edit Note")
        note_id = self.editing.note_id or self._before_new
        self._before_new = None
        if note_id is not None and self.library.note(note_id) is None:
            note_id = None
        self.current_id = note_id
        if note_id is None:
            self.show_no_note()
        elif show:
            self.open_note(note_id)  # a new note enters Back/Forward here
        else:
            self.history.visit(note_id, self.answer.scroll_position())
        self.update_note_actions()

    def _edit_saved(self, note_id: int, changes: Changes) -> None:
        if self.editing.active and self.editing.note_id:  # (note_id: maybe a stub it made)
            self.current_id = self.editing.note_id
        self.apply_changes(changes)
        if self.editing.active and self.editing.note_id:
            self.setWindowTitle(f"{self.editing.saved_title} — notegui")
            self._select_in_list(self.editing.note_id)

    def _render_preview(self, fields: NoteText) -> str:
        note = Note(self.editing.note_id, fields.title, fields.description, fields.summary,
                    fields.body, "", "")
        refs: dict[str, NoteRef | None] = {}

        def resolve(title: str) -> NoteRef | None:
            key = title_key(title)
            if key not in refs:
                found = self.library.find(title)
                refs[key] = found and NoteRef(found.id, found.title, found.summary,
                                              found.is_stub)
            return refs[key]

        # Not "A stub: other notes cite this question": a note being written is no stub.
        return render_note_html(note, resolve, self.dark, stub_line=PREVIEW_EMPTY)

    def do_new_note(self) -> None:
        if self.editing.active and not self.stop_editing(show=False):
            return
        self.start_editing(None)

    def do_trash_note(self) -> None:
        if self.editing.is_new:  # the open note is the new one: trashing it drops it
            self.discard_edit()
            return
        if self.current_id is None:
            return
        note = self.library.note(self.current_id)
        if note is None or note.trashed:
            return
        cited = len(self.library.backlinks(note.id))
        also = (f"\n\n{cited} note(s) cite it; their citations will show it as in the "
                "Trash." if cited else "")
        if not ask(self, "Move to Trash?",
                   f"Move “{note.title}” to the Trash?\n\nIts annotations and history go "
                   f"with it, and Note ▸ Trash… brings it back.{also}"):
            return
        if self.editing.active:
            self.editing.save(commit_title=False)  # (its latest text goes with it)
            self.editing.discard()
            self.middle.setCurrentWidget(self.answer)
            self.actions_by_name["edit_note"].setText("&Edit Note")
        ids = list(self.model.ids())
        row = ids.index(note.id) if note.id in ids else -1
        changes = self._write(lambda: self.library.trash_note(note.id))
        if changes is None:
            return
        self.history.forget(note.id)
        self.current_id = None
        self.apply_changes(changes)
        remaining = self.model.ids()
        if remaining:
            self.open_note(remaining[min(max(row, 0), len(remaining) - 1)])
        else:
            self.show_no_note()
        self.statusBar().showMessage(f"Moved “{note.title}” to the Trash.", 8000)

    def do_show_trash(self) -> None:
        dialog = TrashDialog(self.library.trashed, self)
        dialog.restoreRequested.connect(self._restore_from_trash)
        dialog.emptyRequested.connect(
            lambda: self.apply_changes(self._write(self.library.empty_trash) or Changes()))
        self.trash_dialog = dialog
        dialog.open()

    def _restore_from_trash(self, note_id: int) -> None:
        changes = self._write(lambda: self.library.restore_note(note_id))
        if changes is not None:
            self.apply_changes(changes)
            self.open_note(note_id)

    def do_note_history(self) -> None:
        note = self.current_id is not None and self.library.note(self.current_id)
        if not note:
            return
        if self.editing.active and not self.stop_editing():
            return
        sources = [(s.target.title, s.summary) for s in self.library.sources(note.id)]
        dialog = HistoryDialog(note, self.library.revisions(note.id), sources, self)
        dialog.restoreRequested.connect(self._restore_revision)
        self.history_dialog = dialog
        dialog.open()

    def _restore_revision(self, revision_id: int) -> None:
        changes = self._write(lambda: self.library.restore_revision(revision_id))
        if changes is not None:
            self.apply_changes(changes)
            self.statusBar().showMessage(
                "Restored that version; the text it replaced is kept in the history.", 8000)

    def _set_tags(self, names: list[str]) -> None:
        if self.current_id is None:
            return
        changes = self._write(lambda: self.library.set_tags(self.current_id, names))
        if changes:
            self.sidebar.tags.set_known_tags(self.library.tags())
            self.model.refresh(changes.notes)

    def _write(self, write: Callable[[], Changes]) -> Changes | None:
        try:
            return write()
        except LibraryError as error:
            warn(self, "Not written", str(error))
            return None

    # -- drafts (a crash loses nothing) ---------------------------------------------------

    def _save_draft(self, note_id: int, fields: NoteText) -> None:
        if self.drafts is not None:
            try:
                self.drafts.save(self.library.path, Draft(
                    note_id, fields.title, fields.description, fields.summary, fields.body))
            except DraftError as error:
                self.statusBar().showMessage(f"The draft could not be written: {error}", 10000)

    def _discard_draft(self, note_id: int) -> None:
        if self.drafts is not None:
            self.drafts.discard(self.library.path, note_id)

    def offer_drafts(self) -> bool:
        """Offer the unsaved edit left by a crash; True when one was restored."""
        drafts = self.drafts.load(self.library.path) if self.drafts is not None else []
        if not drafts:
            return False
        draft = drafts[0]  # the newest
        name = draft.title or "a new note"
        if not ask(self, "Restore unsaved edit?",
                   f"notegui closed before your edit of “{name}” was saved (draft from "
                   f"{draft.saved_at}).\n\nRestore it into the editor? (No deletes the "
                   "draft.)"):
            if not self.session_ending:  # (else the session ended the question: no answer)
                self.drafts.discard(self.library.path, draft.note_id)
            return False
        fields = NoteText(draft.title, draft.description, draft.summary, draft.body)
        if self.start_editing(draft.note_id or None, fields):
            return True
        # Its note is gone since (deleted for good, or in the Trash): keep the words as a
        # new note rather than lose them.
        self.drafts.discard(self.library.path, draft.note_id)
        return self.start_editing(None, fields)

    # -- annotations ---------------------------------------------------------------------

    def do_highlight(self) -> None:
        self.annotator.highlight("yellow")

    def do_comment(self) -> None:
        self.annotator.comment()

    def do_annotation_browser(self) -> None:
        browser = AnnotationBrowser(self.library.all_annotations, self.current_id or 0, self)
        browser.annotationRequested.connect(self.show_annotation)
        self._browser = browser
        browser.show()

    def show_annotation(self, note_id: int, annotation_id: int) -> None:
        if note_id != self.current_id and not self.open_note(note_id):
            return
        self.annotator.show(annotation_id)
