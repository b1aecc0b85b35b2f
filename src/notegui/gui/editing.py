"""The editing session: when to save and what to tell. The body, description and summary
are saved a moment after typing stops; the title only when it is committed (the reader
leaves the title field or presses Enter in it, goes back to reading, switches notes, or
closes the window), so a rename never passes through half-typed titles. Until an edit is
saved, the buffer is also written to a draft (within two seconds), so a crash loses
nothing; a draft exists only while the editor differs from the saved note because the
reader typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from notegui.core.domain import NoteText
from notegui.core.errors import LibraryError
from notegui.core.ports import Library
from notegui.gui.editor import NoteEditorPane, field_at_fault
from notegui.gui.i18n import translate
from notegui.gui.local_time import clock
from notegui.gui.qt_typing import INT64

AUTOSAVE_MS = 1000
DRAFT_MS = 500  # well within the two seconds a crash may cost
EMPTY = NoteText("", "", "", "")


def blank(fields: NoteText) -> bool:
    """Nothing typed in any field (a new note left untouched, or emptied again)."""
    return not any(text.strip() for text in
                   (fields.title, fields.description, fields.summary, fields.body))


class EditSession(QObject):
    """Saves what ``pane`` holds into the library. ``saved(note_id, changes)`` after each
    successful write; a refused one is told in the pane (the draft keeps the text)."""

    saved = Signal(INT64, object)  # note ids are 64-bit

    def __init__(self, library: Callable[[], Library], pane: NoteEditorPane,
                 save_draft: Callable[[int, NoteText], None],
                 discard_draft: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.pane = pane
        self._save_draft = save_draft
        self._discard_draft = discard_draft
        self.active = False
        self.dirty = False
        self.problem = ""  # why the last save was refused ('' when it was not)
        # The fields as last read from or written to the library: a save writes only what
        # changed since, so a field another process wrote meanwhile is kept.
        self._base: NoteText | None = None
        self._saved = EMPTY  # what the library holds of the note (EMPTY: a new note)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(lambda: self.save(commit_title=False))
        self._draft = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self._draft.timeout.connect(self.write_draft)
        pane.edited.connect(self._edited)
        pane.createRequested.connect(self.create_cited)
        pane.title.editingFinished.connect(self._title_left)

    def set_autosave_delay(self, seconds: float) -> None:
        """Save this long after typing stops (File ▸ Settings…); a wait under way keeps
        its start and takes the new length."""
        self._autosave.setInterval(round(seconds * 1000))

    def autosave_delay_ms(self) -> int:
        return self._autosave.interval()

    @property
    def note_id(self) -> int:
        return self.pane.note_id

    @property
    def is_new(self) -> bool:
        """A new note not created in the library yet."""
        return self.active and self.note_id == 0

    @property
    def saved_title(self) -> str:
        """The title the library holds ('' for a new note not created yet)."""
        return self._saved.title

    def start(self, note_id: int | None, fields: NoteText | None = None) -> bool:
        """Edit a note (None: a new one); ``fields``: a draft to carry on from."""
        note = self._library().note(note_id) if note_id else None
        if note_id and note is None:
            return False
        self.pane.load(note, fields)
        self._saved = (NoteText(note.title, note.description, note.summary, note.body)
                       if note is not None else EMPTY)
        self._base = self._saved if note is not None and fields is None else None
        self.active = True
        self.problem = ""
        self.dirty = fields is not None and self.unsaved()
        if fields is not None and not self.dirty:
            self._discard_draft(self.note_id)  # a draft of what the library holds anyway
        self.pane.set_state(translate("Editing", "Unsaved draft restored") if self.dirty else "")
        if self.dirty:
            self._autosave.start()
        return True

    def unsaved(self) -> bool:
        """The editor holds text the library does not: typed and not saved yet."""
        fields = self.pane.fields()
        return not blank(fields) if self.is_new else fields != self._saved

    def _edited(self) -> None:
        if not self.active:
            return  # (a field set while reading is no edit)
        self.dirty = True
        self.pane.set_state(translate("Editing", "Editing…"))
        self._autosave.start()
        if not self._draft.isActive():
            self._draft.start()

    def _title_left(self) -> None:
        if self.active and self.pane.title.text() != self._saved.title:
            self.save()

    def write_draft(self) -> None:
        """Keep the buffer on disk while it differs from the saved note; else no draft."""
        if not self.active:
            return
        if self.dirty and self.unsaved():
            self._save_draft(self.note_id, self.pane.fields())
        else:
            self._discard_draft(self.note_id)

    def save(self, commit_title: bool = True) -> bool:
        """Write the buffer now, if it changed; False when the library refused it. The
        autosave (``commit_title`` False) keeps the saved title: a new note waits for its
        title, a rename for the reader to leave the title field."""
        self._autosave.stop()
        if not self.dirty:
            return True
        fields = self.pane.fields()
        if not commit_title:
            if self.is_new:
                return True  # created when its title is committed; the draft keeps it
            fields = replace(fields, title=self._saved.title)
        library = self._library()
        try:
            if self.note_id == 0:
                if not fields.title.strip():
                    raise LibraryError(
                        translate("Editing", "a new note is saved once it has a title"))
                note_id, changes = library.create_note(
                    fields.title, fields.description, fields.summary, fields.body,
                    create_missing=False)
                self._discard_draft(0)
                self.pane.note_id = note_id
            else:
                changes = library.save_note(self.note_id, fields.title, fields.description,
                                            fields.summary, fields.body, create_missing=False,
                                            base=self._base)
            missing = library.missing_citations(fields.body)
        except LibraryError as error:
            self.problem = str(error)
            self.write_draft()
            self.pane.show_problem(self.problem)
            self.pane.set_state(translate("Editing", "Not saved"))
            return False
        # A refused title not fixed yet stays marked while the rest is saved.
        title_refused = (not commit_title and field_at_fault(self.problem)[0] == "title"
                         and self.pane.title.text() != fields.title)
        self._base = self._saved = fields
        self.dirty = self.pane.fields() != fields  # a title still being typed
        self._draft.stop()
        if self.dirty:
            self.write_draft()
        else:
            self._discard_draft(self.note_id)
        if title_refused:
            self.pane.set_state(
                translate("Editing", "Saved {clock}, but not the title").format(clock=clock()))
        else:
            self.problem = ""
            self.pane.show_missing(missing)
            self.pane.set_state(translate("Editing", "Saved {clock}").format(clock=clock()))
        self.saved.emit(self.note_id, changes)
        return True

    def create_cited(self, title: str) -> None:
        """Make a (stub) note of a cited title, then link the citations to it."""
        try:
            note_id, changes = self._library().create_note(title)
        except LibraryError as error:
            self.pane.show_problem(str(error))
            return
        self.saved.emit(note_id, changes)
        self.dirty = True  # the links of the edited note now have a target
        self.save()

    def finish(self) -> bool:
        """Save (the title too) and stop editing; False (still editing) when refused."""
        if not self.save():
            return False
        self.active = False
        return True

    def discard(self) -> None:
        """Stop without saving and forget the unsaved text (its draft too)."""
        self._autosave.stop()
        self._draft.stop()
        self._discard_draft(self.note_id)
        self.active = False
        self.dirty = False
        self.problem = ""

    def abandon(self) -> None:
        """Stop without saving (the draft, if any, stays for the next start)."""
        self._autosave.stop()
        self._draft.stop()
        self.write_draft()
        self.active = False
        self.dirty = False
