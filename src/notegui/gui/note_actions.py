"""The note actions: editing (with drafts), new note, the Trash, history, tags and
annotations. A controller the window owns; what it needs of the window is ``NoteWindow``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from notegui.core.answer_page import answer_html
from notegui.core.domain import Changes, Note, NoteText
from notegui.core.drafts import Draft, DraftError, DraftStore
from notegui.core.errors import LibraryError
from notegui.core.navigation import History
from notegui.core.ports import Library
from notegui.gui.annotating import Annotator
from notegui.gui.annotation_browser import AnnotationBrowser
from notegui.gui.changes_hub import ChangesHub
from notegui.gui.discard_prompt import confirm_discard
from notegui.gui.editing import EditSession
from notegui.gui.editor import NoteEditorPane
from notegui.gui.history_dialog import HistoryDialog
from notegui.gui.i18n import translate
from notegui.gui.local_time import shown_with_age
from notegui.gui.plain_text import ask, warn
from notegui.gui.trash_dialog import TrashDialog
from notegui.gui.window_title import window_title


class NoteWindow(Protocol):
    """What the note actions use of the window."""

    library: Library
    current_id: int | None  # the note shown (None: none, or a new note being written)
    history: History
    session_ending: bool
    dark: bool

    def open_note(self, note_id: int, record: bool = True, scroll: int = 0) -> bool: ...
    def show_no_note(self) -> None: ...
    def show_new_note(self) -> None: ...
    def show_editor(self, editing: bool) -> None: ...
    def update_note_actions(self) -> None: ...
    def select_in_list(self, note_id: int) -> None: ...
    def listed_ids(self) -> Sequence[int]: ...
    def scroll_position(self) -> int: ...
    def setWindowTitle(self, title: str, /) -> None: ...


class NoteActions:
    """Note and Annotate menu actions, and the editor's way in and out."""

    def __init__(self, window: NoteWindow, parent: QWidget, status: QStatusBar,
                 hub: ChangesHub, editing: EditSession, editor: NoteEditorPane,
                 annotator: Annotator, drafts: DraftStore | None) -> None:
        self._window = window
        self._parent = parent  # (the dialogs')
        self._status = status
        self._hub = hub  # (every write's Changes go there: the views follow)
        self.editing = editing
        self._editor = editor
        self._annotator = annotator
        self.drafts = drafts
        # The note that was open when a new note was started: shown again if it is dropped.
        self._before_new: int | None = None
        self.trash_dialog: TrashDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.browser: AnnotationBrowser | None = None

    # -- editing -------------------------------------------------------------------------

    def edit_note(self) -> None:
        if self.editing.active:
            self.stop_editing()
        elif self._window.current_id is not None:
            self.start_editing(self._window.current_id)

    def start_editing(self, note_id: int | None, fields: NoteText | None = None) -> bool:
        note = self._window.library.note(note_id) if note_id else None
        if note is not None and note.trashed:
            self._status.showMessage(
                translate("NoteActions", "Restore this note from the Trash to edit it."), 8000)
            return False
        if not self.editing.start(note_id, fields):
            return False
        if not note_id:
            self._before_new = self._window.current_id
            self._window.show_new_note()
        self._window.show_editor(True)
        (self._editor.body if note_id else self._editor.title).setFocus()
        return True

    def stop_editing(self, show: bool = True) -> bool:
        """Save (the title too) and go back to reading the note (``show`` False: the caller
        opens another). A new note left blank is dropped; a refused save asks Discard /
        Keep Editing. False: still editing."""
        if self.editing.is_new and not self.editing.unsaved():
            self.editing.discard()
        elif not self.editing.finish():
            if not self._confirm_discard(self.editing.problem):
                self._status.showMessage(
                    translate("NoteActions", "Not saved: fix what the editor says, or Discard."),
                    10000)
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

    def editor_leave_requested(self) -> None:
        """Esc in the editor: a new note is dropped (asking when it holds text), a note
        being edited is saved and shown (as Done Editing)."""
        if self.editing.is_new:
            self.discard_edit()
        else:
            self.stop_editing()

    def _confirm_discard(self, problem: str = "") -> bool:
        reason = translate("NoteActions", "It could not be saved: {problem}").format(
            problem=problem) if problem else ""
        if self.editing.is_new:
            return confirm_discard(
                self._parent, translate("NoteActions", "Discard the new note?"),
                translate("NoteActions",
                          "This new note is not saved. Discard it, or keep editing?"), reason)
        return confirm_discard(
            self._parent, translate("NoteActions", "Discard unsaved changes?"),
            translate("NoteActions",
                      "Your changes to “{saved_title}” are not saved. Discard them (the note "
                      "stays as it was last saved), or keep editing?").format(
                saved_title=self.editing.saved_title),
            reason)

    def _leave_editor(self, show: bool = True) -> None:
        window = self._window
        window.show_editor(False)
        note_id = self.editing.note_id or self._before_new
        self._before_new = None
        if note_id is not None and window.library.note(note_id) is None:
            note_id = None
        window.current_id = note_id
        if note_id is None:
            window.show_no_note()
        elif show:
            window.open_note(note_id)  # a new note enters Back/Forward here
        else:
            window.history.visit(note_id, window.scroll_position())
        window.update_note_actions()

    def edit_saved(self, note_id: int, changes: Changes) -> None:
        window = self._window
        if self.editing.active and self.editing.note_id:  # (note_id: maybe a stub it made)
            window.current_id = self.editing.note_id
        self._hub.publish(changes, self.editing)
        if self.editing.active and self.editing.note_id:
            # (with where it lives when another note has its title, as when it is read)
            ref = window.library.refs([self.editing.note_id]).get(self.editing.note_id)
            label = ref.title_with_place if ref is not None else self.editing.saved_title
            window.setWindowTitle(window_title(label))
            window.select_in_list(self.editing.note_id)

    def render_preview(self, fields: NoteText) -> str:
        """The editor's text as the answer pane will show it (a vault note's links by its
        folder's rules, embeds and images as there)."""
        window = self._window
        note_id = self.editing.note_id
        saved = window.library.note(note_id) if note_id else None
        note = Note(note_id or 0, fields.title, fields.description, fields.summary,
                    fields.body, "", "", path=saved.path if saved is not None else "")
        # Not "A stub: other notes cite this question": a note being written is no stub.
        empty = translate("NoteActions",
                          "The preview shows the description and the answer as you write them.")
        return answer_html(window.library, note, window.dark, stub_line=empty, saved=False)

    def new_note(self) -> None:
        if self.editing.active and not self.stop_editing(show=False):
            return
        self.start_editing(None)

    def trash_note(self) -> None:
        window = self._window
        if self.editing.is_new:  # the open note is the new one: trashing it drops it
            self.discard_edit()
            return
        if window.current_id is None:
            return
        note = window.library.note(window.current_id)
        if note is None or note.trashed:
            return
        cited = len(window.library.backlinks(note.id))
        also = (translate("NoteActions", "\n\n%n note(s) cite it; their citations will show "
                          "it as in the Trash.", "", cited) if cited else "")
        if not ask(
            self._parent, translate("NoteActions", "Move to Trash?"),
            translate(
                "NoteActions",
                "Move “{title}” to the Trash?\n\nIts annotations and history go with it, and "
                "Note ▸ Trash… brings it back.{also}").format(title=note.title, also=also)):
            return
        if self.editing.active:
            self.editing.save(commit_title=False)  # (its latest text goes with it)
            self.editing.discard()
            window.show_editor(False)
        ids = list(window.listed_ids())
        row = ids.index(note.id) if note.id in ids else -1
        changes = self._write(lambda: window.library.trash_note(note.id))
        if changes is None:
            return
        window.history.forget(note.id)
        window.current_id = None
        self._hub.publish(changes, self)
        # (Under a search the list is searched again on its own time: until then it still
        # holds the note trashed.)
        remaining = [note_id for note_id in window.listed_ids() if note_id != note.id]
        if remaining:
            window.open_note(remaining[min(max(row, 0), len(remaining) - 1)])
        else:
            window.show_no_note()
        self._status.showMessage(
            translate("NoteActions", "Moved “{title}” to the Trash.").format(title=note.title),
            8000)

    def show_trash(self) -> None:
        library = self._window.library
        dialog = TrashDialog(library.trashed, self._parent)
        dialog.restoreRequested.connect(self._restore_from_trash)
        dialog.emptyRequested.connect(lambda: self._written(library.empty_trash, self))
        self.trash_dialog = dialog
        dialog.open()

    def _restore_from_trash(self, note_id: int) -> None:
        if self._written(lambda: self._window.library.restore_note(note_id), self):
            self._window.open_note(note_id)

    def note_history(self) -> None:
        window = self._window
        note = window.current_id is not None and window.library.note(window.current_id)
        if not note:
            return
        if self.editing.active and not self.stop_editing():
            return
        sources = [(s.target.title, s.summary) for s in window.library.sources(note.id)]
        dialog = HistoryDialog(note, window.library.revisions(note.id), sources, self._parent)
        dialog.restoreRequested.connect(self._restore_revision)
        self.history_dialog = dialog
        dialog.open()

    def _restore_revision(self, revision_id: int) -> None:
        if self._written(lambda: self._window.library.restore_revision(revision_id), self):
            self._status.showMessage(
                translate(
                    "NoteActions",
                    "Restored that version; the text it replaced is kept in the history."), 8000)

    def set_tags(self, names: list[str], initiator: object) -> None:
        """The open note's tags, as ``initiator`` (the tag field) has them now."""
        note_id = self._window.current_id
        if note_id is None:
            return
        self._written(lambda: self._window.library.set_tags(note_id, names), initiator)

    def _write(self, write: Callable[[], Changes]) -> Changes | None:
        try:
            return write()
        except LibraryError as error:
            warn(self._parent, translate("NoteActions", "Not written"), str(error))
            return None

    def _written(self, write: Callable[[], Changes], initiator: object) -> bool:
        """``write``, its changes published as ``initiator``'s; whether it was written
        (when refused, the reason was shown)."""
        changes = self._write(write)
        if changes is None:
            return False
        self._hub.publish(changes, initiator)
        return True

    # -- drafts (a crash loses nothing) ---------------------------------------------------

    def save_draft(self, note_id: int, fields: NoteText) -> None:
        if self.drafts is not None:
            try:
                self.drafts.save(self._window.library.path, Draft(
                    note_id, fields.title, fields.description, fields.summary, fields.body))
            except DraftError as error:
                self._status.showMessage(translate(
                    "NoteActions",
                    "The draft could not be written: {error}").format(error=error), 10000)

    def discard_draft(self, note_id: int) -> None:
        if self.drafts is not None:
            self.drafts.discard(self._window.library.path, note_id)

    def offer_drafts(self) -> bool:
        """Offer the unsaved edit left by a crash; True when one was restored."""
        if self.drafts is None:
            return False
        path = self._window.library.path
        drafts = self.drafts.load(path)
        if not drafts:
            return False
        draft = drafts[0]  # the newest
        name = draft.title or translate("NoteActions", "a new note")
        if not ask(
            self._parent, translate("NoteActions", "Restore unsaved edit?"),
            translate("NoteActions",
                      "notegui closed before your edit of “{name}” was saved (draft from "
                      "{saved_at}).\n\nRestore it into the editor? (No deletes the draft.)").format(
                name=name, saved_at=shown_with_age(draft.saved_at))):
            if not self._window.session_ending:  # (else the session ended the question)
                self.drafts.discard(path, draft.note_id)
            return False
        fields = NoteText(draft.title, draft.description, draft.summary, draft.body)
        if self.start_editing(draft.note_id or None, fields):
            return True
        # Its note is gone since (deleted for good, or in the Trash): keep the words as a
        # new note rather than lose them.
        self.drafts.discard(path, draft.note_id)
        return self.start_editing(None, fields)

    # -- annotations ---------------------------------------------------------------------

    def highlight(self) -> None:
        self._annotator.highlight("yellow")

    def comment(self) -> None:
        self._annotator.comment()

    def annotation_browser(self) -> None:
        browser = AnnotationBrowser(self._window.library.all_annotations,
                                    self._window.current_id or 0, self._parent)
        browser.annotationRequested.connect(self.show_annotation)
        self._hub.changed.connect(browser.follow)
        self.browser = browser
        browser.show()

    def show_annotation(self, note_id: int, annotation_id: int) -> None:
        if note_id != self._window.current_id and not self._window.open_note(note_id):
            return
        self._annotator.show(annotation_id)
