"""Writing one synced note into the library, inside the caller's transaction (sync_rows.apply
and settle): through the note editor's own paths, so citations, links, stubs, renames and
revisions behave as a save does (store/note_editor.py); tags, a vault note's path, front
matter and aliases beside it; annotations replaced by a merged set, matched by their
stable ids and re-anchored on the note's new text."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace

from notegui.core.anchoring import Anchor, reanchor_all
from notegui.core.domain import Annotation, Note, NoteText, title_key
from notegui.core.errors import LibraryError
from notegui.core.import_listing import markdown_stem
from notegui.core.plain_text import plain_text
from notegui.core.sync_model import SyncAnnotation, SyncNote
from notegui.store import annotations as annotation_rows
from notegui.store import tags as tag_rows
from notegui.store.db import inserted_id
from notegui.store.note_editor import NoteEditor


class SyncRefused(LibraryError):
    """A synced note the library cannot take as it is (its title is another note's): the
    whole apply is rolled back, the library unchanged."""


def note_of(connection: sqlite3.Connection, uid: str) -> int | None:
    row = connection.execute("SELECT note_id FROM sync_id WHERE uid = ?", (uid,)).fetchone()
    return row[0] if row else None


def _trashed(connection: sqlite3.Connection, note_id: int) -> bool:
    return connection.execute("SELECT 1 FROM trash WHERE note_id = ?",
                              (note_id,)).fetchone() is not None


def free_titles(connection: sqlite3.Connection, titles: Iterable[tuple[str, str]]) -> None:
    """The library's own notes of ``titles`` (uid, title to be written) that change title
    get a key no title has, until each is written: a chain of renames (A->B, B->C) or a
    swap then never finds a title still held by the note about to leave it."""
    for uid, title in titles:
        note_id = note_of(connection, uid)
        if note_id is None:
            continue
        connection.execute(
            "UPDATE note SET title_key = ? WHERE id = ? AND path = '' AND title_key != ?",
            (f"\x00sync {uid}", note_id, title_key(title)))


def _holder(connection: sqlite3.Connection, note: SyncNote) -> int | None:
    """The id of the library's note of ``note``'s title (own) or path (vault) when it is
    not ``note``'s: SyncRefused unless it is a stub never synced (a placeholder this
    note fills)."""
    if note.path:
        row = connection.execute("SELECT id, 0 FROM note WHERE path = ?",
                                 (note.path,)).fetchone()
    else:
        row = connection.execute(
            "SELECT id, description = '' AND body = '' FROM note WHERE title_key = ? "
            "AND path = ''", (title_key(note.title),)).fetchone()
    if row is None:
        return None
    held, stub = row
    uid = connection.execute("SELECT uid FROM sync_id WHERE note_id = ?", (held,)).fetchone()
    synced = connection.execute("SELECT 1 FROM sync_note WHERE note_id = ?",
                                (held,)).fetchone()
    if stub and not synced and (uid is None or uid[0] != note.uid):
        return held
    what = f"path {note.path!r}" if note.path else f"title {note.title!r}"
    raise SyncRefused(f"note {note.uid}: its {what} is another note's in this library "
                      f"(note {held}); nothing was changed")


def write_note(editor: NoteEditor, note: SyncNote, reason: str = "sync") -> int:
    """Create or update the note of ``note.uid`` as ``note`` says; returns its id."""
    connection = editor.connection
    note_id = note_of(connection, note.uid)
    if note_id is None:
        note_id = _new_note(editor, note)
    elif _trashed(connection, note_id):
        editor.restore(note_id)  # (an edit from the other side brings it back)
    if note.path:
        _vault_parts(connection, note_id, note)
    try:
        editor.save(note_id, NoteText(note.title, note.description, note.summary, note.body),
                    create_missing=True, reason=reason)
    except LibraryError as error:
        raise SyncRefused(f"note {note.uid} ({note.title!r}): {error}; nothing was "
                          "changed") from None
    editor.settled.add(note_id)
    if not note.path:
        _source_lines(connection, note_id, note.sources)
    _tags(connection, note_id, note.tags)
    _times(connection, note_id, note)
    return note_id


def place_vault_notes(editor: NoteEditor, notes: Iterable[SyncNote]) -> None:
    """The vault notes new here, made (row, path, file name) before any note is written: a
    link between two of them then leads to the note, not to a stub of its name made because
    the other was not written yet."""
    for note in notes:
        if note.path and note_of(editor.connection, note.uid) is None:
            _vault_parts(editor.connection, _new_note(editor, note), note)


def _new_note(editor: NoteEditor, note: SyncNote) -> int:
    """A note new here: its row (a stub of its title filled, as the editor fills one), its
    uid."""
    connection = editor.connection
    note_id = _holder(connection, note)
    if note_id is None:
        stamp = note.created or editor.stamp
        note_id = inserted_id(connection.execute(
            "INSERT INTO note (title, title_key, created, updated, path) VALUES (?, ?, ?, ?, ?)",
            (note.title, title_key(note.title), stamp, stamp, note.path)))
    connection.execute("INSERT OR REPLACE INTO sync_id (note_id, uid) VALUES (?, ?)",
                       (note_id, note.uid))
    return note_id


def _vault_parts(connection: sqlite3.Connection, note_id: int, note: SyncNote) -> None:
    """A vault note's path (moved: another note's path is refused), front matter and
    aliases."""
    held = connection.execute("SELECT id FROM note WHERE path = ? AND id != ?",
                              (note.path, note_id)).fetchone()
    if held:
        raise SyncRefused(f"note {note.uid}: its path {note.path!r} is another note's in "
                          f"this library (note {held[0]}); nothing was changed")
    connection.execute("UPDATE note SET path = ? WHERE id = ? AND path != ?",
                       (note.path, note_id, note.path))
    name_key = title_key(markdown_stem(note.path.rpartition("/")[2]))
    connection.execute(
        "INSERT INTO note_file (note_id, name_key, front_matter) VALUES (?, ?, ?) "
        "ON CONFLICT (note_id) DO UPDATE SET name_key = excluded.name_key, "
        "front_matter = excluded.front_matter WHERE name_key != excluded.name_key "
        "OR front_matter != excluded.front_matter", (note_id, name_key, note.front_matter))
    wanted = {title_key(alias): alias for alias in note.aliases}
    have = dict(connection.execute("SELECT alias_key, alias FROM alias WHERE note_id = ?",
                                   (note_id,)).fetchall())
    if have != wanted:
        connection.execute("DELETE FROM alias WHERE note_id = ?", (note_id,))
        connection.executemany("INSERT INTO alias (note_id, alias_key, alias) VALUES (?, ?, ?)",
                               [(note_id, key, alias) for key, alias in wanted.items()])


def _source_lines(connection: sqlite3.Connection, note_id: int,
                  sources: Sequence[tuple[str, str]]) -> None:
    """Each citation's Sources line as the synced note has it (the editor kept the old
    ones, or gave a new citation its cited note's summary)."""
    connection.executemany(
        "UPDATE link SET summary = ? WHERE source_id = ? AND summary IS NOT ? AND target_id ="
        " (SELECT id FROM note WHERE title_key = ? AND path = '')",
        [(line, note_id, line, title_key(title)) for title, line in sources])


def _tags(connection: sqlite3.Connection, note_id: int, names: Sequence[str]) -> None:
    wanted = tag_rows.wanted(names)
    have = tag_rows.of_notes(connection, [note_id]).get(note_id, set())
    if {name.casefold() for name in wanted} != have:
        tag_rows.write_many(connection, [(note_id, wanted)])


def _times(connection: sqlite3.Connection, note_id: int, note: SyncNote) -> None:
    """The note's times as the synced note has them (when it has them)."""
    connection.execute(
        "UPDATE note SET created = coalesce(nullif(?, ''), created), "
        "updated = coalesce(nullif(?, ''), updated) WHERE id = ? AND "
        "(created != coalesce(nullif(?, ''), created) OR "
        "updated != coalesce(nullif(?, ''), updated))",
        (note.created, note.updated, note_id, note.created, note.updated))


def keep_other_side(connection: sqlite3.Connection, note_id: int, theirs: SyncNote,
                    stamp: str) -> None:
    """The other side of a conflict, kept in the note's history (reason 'conflict')."""
    connection.execute(
        "INSERT INTO revision (note_id, title, description, summary, body, links, saved, "
        "replaced, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'conflict')",
        (note_id, theirs.title, theirs.description, theirs.summary, theirs.body,
         json.dumps([list(pair) for pair in theirs.sources], ensure_ascii=False),
         theirs.updated or stamp, stamp))


# -- annotations ---------------------------------------------------------------------------

_BY_UID = ("SELECT u.uid, a.id FROM annotation AS a JOIN annotation_uid AS u "
           "ON u.annotation_id = a.id WHERE a.note_id = ?")


def replace_annotations(connection: sqlite3.Connection, note_id: int,
                        merged: Sequence[SyncAnnotation], stamp: str) -> None:
    """The note's annotations become ``merged``: kept rows (same uid) updated, new ones
    added with their uids, the others deleted; then all re-anchored on its text."""
    have = dict(connection.execute(_BY_UID, (note_id,)).fetchall())
    unnamed = [row[0] for row in connection.execute(
        "SELECT id FROM annotation WHERE note_id = ? AND id NOT IN "
        "(SELECT annotation_id FROM annotation_uid)", (note_id,))]
    wanted = {item.uid: item.annotation for item in merged}
    gone = [have[uid] for uid in have if uid not in wanted] + unnamed
    connection.executemany("DELETE FROM annotation WHERE id = ?", [(i,) for i in gone])
    for uid, a in wanted.items():
        if uid in have:
            connection.execute(
                "UPDATE annotation SET exact = ?, prefix = ?, suffix = ?, start = ?, "
                "\"end\" = ?, comment = ?, color = ?, created = ?, updated = ?, detached = ? "
                "WHERE id = ?", (a.exact, a.prefix, a.suffix, a.start, a.end, a.comment,
                                  a.color, a.created or stamp, a.updated or stamp,
                                  int(a.detached), have[uid]))
        else:
            new_id = annotation_rows.insert(connection, note_id, a, a.created or stamp,
                                            a.updated or stamp)
            connection.execute("INSERT INTO annotation_uid (annotation_id, uid) VALUES (?, ?)",
                               (new_id, uid))
    reanchor_note(connection, note_id)


def reanchor_note(connection: sqlite3.Connection, note_id: int) -> None:
    """The note's annotations looked for in its text now: one whose quote is still there
    keeps its place (the window re-anchors offsets exactly when it shows the note), one
    whose quote was edited follows it, one whose words are gone is detached (kept)."""
    found = annotation_rows.of_note(connection, note_id)
    if not found:
        return
    row = connection.execute(
        "SELECT id, title, description, summary, body, created, updated, path FROM note "
        "WHERE id = ?", (note_id,)).fetchone()
    note_id, title, description, summary, body, created, updated, path = row
    text = plain_text(Note(note_id, title, description, summary, body, created, updated,
                           path=path))
    anchors = reanchor_all([Anchor(a.start, a.end, a.exact, a.prefix, a.suffix)
                            for a in found], text)
    moved = [_moved(a, anchor) for a, anchor in zip(found, anchors, strict=True)]
    annotation_rows.move(connection, [a for a, old in zip(moved, found, strict=True)
                                      if a != old])


def _moved(annotation: Annotation, anchor: Anchor | None) -> Annotation:
    if anchor is None:
        return replace(annotation, detached=True)
    if anchor.exact == annotation.exact:
        return replace(annotation, detached=False)
    return replace(annotation, exact=anchor.exact, prefix=anchor.prefix, suffix=anchor.suffix,
                   start=anchor.start, end=anchor.end, detached=False)
