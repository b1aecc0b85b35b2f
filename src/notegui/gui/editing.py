"""The editing session: when to save and what to tell. An edit is saved a moment after
typing stops, when the reader leaves the editor or switches notes, and when the window
closes; until it is saved, the buffer is also written to a draft (within two seconds), so a
crash loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from notegui.core.domain import NoteText
from notegui.core.errors import LibraryError
from notegui.core.ports import Library
from notegui.gui.editor import NoteEditorPane

AUTOSAVE_MS = 1000
DRAFT_MS = 500  # well within the two seconds a crash may cost


class EditSession(QObject):
    """Saves what ``pane`` holds into the library. ``saved(note_id, changes)`` after each
    successful write; a refused one is told in the pane (the draft keeps the text)."""

    saved = Signal("qint64", object)  # note ids are 64-bit

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
        # The fields as last read from or written to the library: a save writes only what
        # changed since, so a field another process wrote meanwhile is kept.
        self._base: NoteText | None = None
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        self._draft = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self._draft.timeout.connect(self.write_draft)
        pane.edited.connect(self._edited)
        pane.createRequested.connect(self.create_cited)

    @property
    def note_id(self) -> int:
        return self.pane.note_id

    def start(self, note_id: int | None, fields: NoteText | None = None) -> bool:
        """Edit a note (None: a new one); ``fields``: a draft to carry on from."""
        note = self._library().note(note_id) if note_id else None
        if note_id and note is None:
            return False
        self.pane.load(note, fields)
        self._base = (NoteText(note.title, note.description, note.summary, note.body)
                      if note is not None and fields is None else None)
        self.active = True
        self.dirty = fields is not None
        self.pane.set_state("Unsaved draft restored" if fields else "")
        if fields is not None:
            self._autosave.start()
        return True

    def _edited(self) -> None:
        self.dirty = True
        self.pane.set_state("Editing…")
        self._autosave.start()
        if not self._draft.isActive():
            self._draft.start()

    def write_draft(self) -> None:
        if self.dirty:
            self._save_draft(self.note_id, self.pane.fields())

    def save(self) -> bool:
        """Write the buffer now, if it changed; False when the library refused it."""
        self._autosave.stop()
        if not self.dirty:
            return True
        fields = self.pane.fields()
        library = self._library()
        try:
            if self.note_id == 0:
                if not fields.title.strip():
                    self.pane.set_state("A new note is saved once it has a title")
                    return False
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
            self.write_draft()
            self.pane.show_problem(str(error))
            self.pane.set_state("Not saved")
            return False
        self.dirty = False
        self._base = fields
        self._draft.stop()
        self._discard_draft(self.note_id)
        self.pane.show_missing(missing)
        self.pane.set_state(f"Saved {datetime.now():%H:%M:%S}")
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
        """Save and stop editing; False (still editing) when the save was refused."""
        if not self.save():
            return False
        self.active = False
        return True

    def abandon(self) -> None:
        """Stop without saving (the draft, if any, stays for the next start)."""
        self._autosave.stop()
        self.write_draft()
        self.active = False
        self.dirty = False

