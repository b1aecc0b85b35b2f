"""Merging two notes of the library's own into one (Link Health's fix for titles that
differ only in case, spacing or punctuation). Nothing is lost:

- the kept note keeps its title and text; the other's description (when the kept note has
  one already) and body are added after its body, and its summary fills an empty one. The
  kept note's old text is a revision, as at any save;
- every citation of the other note's title, in every note, is written with the kept
  note's title (each citing note keeps its old text as a revision) and its link, with the
  Sources line it had, leads to the kept note;
- the other note's annotations and tags move to the kept note (the annotations are found
  again in its text by their quotes, as after any edit);
- the other note then goes to the Trash (its history with it: Note ▸ Trash… brings it
  back); a stub (no text of its own) is deleted.

Runs inside the caller's transaction, as the other writes of ``note_editor.py``."""

from __future__ import annotations

from notegui.core.domain import Changes, NoteText
from notegui.core.errors import LibraryError
from notegui.store.note_editor import NoteEditor

_NOTE = ("SELECT title, description, summary, body, path, "
         "EXISTS (SELECT 1 FROM trash WHERE note_id = note.id) FROM note WHERE id = ?")
_LINKS = "SELECT target_id, summary FROM link WHERE source_id = ?"


def _read(editor: NoteEditor, note_id: int) -> tuple[str, str, str, str, str, int]:
    row = editor.connection.execute(_NOTE, (note_id,)).fetchone()
    if row is None:
        raise LibraryError(f"note {note_id} no longer exists")
    return row


def merge_notes(editor: NoteEditor, keep_id: int, gone_id: int) -> Changes:
    if keep_id == gone_id:
        raise LibraryError("a note cannot be merged into itself")
    keep, gone = _read(editor, keep_id), _read(editor, gone_id)
    for title, *_text, path, trashed in (keep, gone):
        if path:
            raise LibraryError(f"“{title}” is a note of a markdown folder: merge it there "
                               "(its file), then import the folder again")
        if trashed:
            raise LibraryError(f"“{title}” is in the Trash: restore it first")
    connection = editor.connection
    keep_title, description, summary, body = keep[:4]
    gone_title, gone_description, gone_summary, gone_body = gone[:4]
    stub = not gone_description and not gone_body
    kept_links = dict(connection.execute(_LINKS, (keep_id,)).fetchall())
    gone_links = dict(connection.execute(_LINKS, (gone_id,)).fetchall())

    # The citing notes: their citations of the other title now name the kept note, their
    # links (with the Sources line each had) lead there.
    touched = editor.recite(gone_id, gone_title, keep_title)
    connection.execute("UPDATE OR IGNORE link SET target_id = ? WHERE target_id = ?",
                       (keep_id, gone_id))
    connection.execute("DELETE FROM link WHERE target_id = ?", (gone_id,))
    for source_id in touched - {keep_id}:
        editor.relink(source_id)

    # The kept note's text, with the other's added; its links follow its citations.
    added = [line for line in (gone_description if description else "", gone_body) if line]
    merged = NoteText(keep_title, description or gone_description, summary or gone_summary,
                      "\n".join([body, *added]) if body and added else body or "\n".join(added))
    changes = editor.save(keep_id, merged, create_missing=False, reason="merge")
    for target_id, line in gone_links.items():  # (the other's Sources lines, where new)
        if target_id not in kept_links and line:
            connection.execute("UPDATE link SET summary = ? WHERE source_id = ? AND "
                               "target_id = ?", (line, keep_id, target_id))

    connection.execute("UPDATE annotation SET note_id = ? WHERE note_id = ?",
                       (keep_id, gone_id))
    connection.execute("INSERT OR IGNORE INTO note_tag (note_id, tag_id) SELECT ?, tag_id "
                       "FROM note_tag WHERE note_id = ?", (keep_id, gone_id))
    if stub:
        connection.execute("DELETE FROM note WHERE id = ?", (gone_id,))
    else:
        editor.trash(gone_id)
    return Changes(notes=frozenset(changes.notes | touched | {keep_id, gone_id}),
                   links=True, listing=True, annotations=frozenset({keep_id, gone_id}))
