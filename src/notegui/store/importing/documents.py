"""A whole-library JSON document (a notegui library, or W3C Web Annotations) merged into
a library: notes by title, then their links, tags and annotations."""

from __future__ import annotations

from collections.abc import Iterable

from notegui.core import clock
from notegui.core.domain import Annotation, Changes, title_key
from notegui.core.formats import annotation_export, json_format
from notegui.core.formats.document import LibraryDocument
from notegui.core.formats.json_input import shown
from notegui.core.import_files import ReadFile
from notegui.store import annotations as annotation_rows
from notegui.store.importing.document_merge import DocumentWriter, chunks
from notegui.store.importing.facade import ImportTarget
from notegui.store.importing.note_import import NoteImporter, Unchanged


def read_document(read: ReadFile) -> LibraryDocument:
    """A JSON file's content: a notegui library, or W3C Web Annotations (their notes
    named by title in each target's source)."""
    text = read.json_text
    if text is None:
        raise ValueError(f"{read.path}: no JSON was read")
    if annotation_export.W3C_CONTEXT in text[:4096]:
        annotations, refused = annotation_export.read_w3c(text, read.path)
        return LibraryDocument((), tuple(annotations), tuple(refused))
    return json_format.read(text)


def merge(library: ImportTarget, document: LibraryDocument,
          importer: NoteImporter) -> tuple[Changes, list[str]]:
    """Merge a whole-library document: notes by title, then their links and annotations
    (document_merge.py, a chunk of notes at a time). Returns the changes and the
    annotations refused (on a note the library does not have), or raises Unchanged (with
    those refusals)."""
    writer = DocumentWriter(library.db.connection(), importer, clock.utc_now())
    for records in chunks(document.notes):
        writer.write_notes(records)
    for records in chunks(document.notes):
        writer.write_links_and_tags(records)
    writer.end()
    added, refused = add_annotations(library, document.annotations, writer.ids)
    if not (writer.changed or added):
        raise Unchanged(refused)
    return Changes(notes=frozenset(writer.ids.values()), links=True), refused


def add_annotations(
    library: ImportTarget, annotations: Iterable[Annotation], notes: dict[str, int]
) -> tuple[frozenset[int], list[str]]:
    """Each annotation onto its note, by title, unless that note already has it (same
    quote, place and comment). Returns the notes some were added to, and why each one that
    names no note of the library was refused. Linear: each note's annotations are read
    once (a query an annotation scanned the note's annotations: 50,000 took 200 s)."""
    connection = library.db.connection()
    ids: dict[str, int | None] = dict(notes)
    present: dict[int, set[tuple[str, int, int, str]]] = {}
    refused: list[str] = []
    adding: list[tuple[int, Annotation]] = []
    stamp = clock.utc_now()
    at_path: dict[str, int | None] = {}
    for a in annotations:
        if a.note_path:  # (a note of a markdown folder: by its path, as titles repeat there)
            if a.note_path not in at_path:
                found = connection.execute("SELECT id FROM note WHERE path = ? AND path != ''",
                                           (a.note_path,)).fetchone()
                at_path[a.note_path] = found[0] if found else None
            note_id = at_path[a.note_path]
        else:
            key = title_key(a.note_title)
            if key not in ids:
                found = connection.execute(
                    "SELECT id FROM note WHERE title_key = ? AND path = ''", (key,)).fetchone()
                ids[key] = found[0] if found else None
            note_id = ids[key]
        if note_id is None:
            where = (f"no note at {shown(a.note_path, 80)}" if a.note_path
                     else "no note of that title")
            refused.append(f"annotation on {shown(a.note_title, 60)} (quoting "
                           f"{shown(a.exact)}): {where}")
            continue
        if note_id not in present:
            present[note_id] = set(connection.execute(
                'SELECT exact, start, "end", comment FROM annotation WHERE note_id = ?',
                (note_id,)))
        mark = (a.exact, a.start, a.end, a.comment)
        if mark in present[note_id]:
            continue
        present[note_id].add(mark)
        adding.append((note_id, a))
    annotation_rows.insert_many(connection, adding, stamp)
    return frozenset(note_id for note_id, _ in adding), refused
