"""The whole library as plain values, for JSON and markdown export (core/formats)."""

from __future__ import annotations

from peewee import SQL

from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.store import annotations as annotation_rows
from notegui.store import models, search
from notegui.store.db import Database


def whole_library(db: Database) -> LibraryDocument:
    """The whole library as plain values (for JSON and markdown export)."""
    Note, Link, Target = models.Note, models.Link, models.Note.alias()
    Tag, NoteTag = models.Tag, models.NoteTag
    links: dict[int, list[tuple[str, str | None]]] = {}
    query = (
        Link.select(Link.source, Link.summary, Target.title)
        .join(Target, on=(Link.target == Target.id))
        .order_by(Link.source, Link.ordinal)
        .tuples()
    )
    source_id: int
    summary: str | None
    target_title: str
    for source_id, summary, target_title in query.execute(db):
        links.setdefault(source_id, []).append((target_title, summary))
    tags: dict[int, list[str]] = {}
    note_id: int
    name: str
    for note_id, name in (
        NoteTag.select(NoteTag.note, Tag.name).join(Tag).order_by(Tag.name).tuples()
        .execute(db)
    ):
        tags.setdefault(note_id, []).append(name)
    notes = []
    for row in Note.select().where(Note.id.not_in(SQL(f"({search.TRASHED})"))).order_by(
            Note.title_key).bind(db):
        cited = links.get(row.id, [])
        notes.append(
            NoteRecord(
                row.title, row.description, row.summary, row.body,
                tuple(t for t, _ in cited), tuple(s for _, s in cited),
                tuple(tags.get(row.id, [])), row.created, row.updated,
            )
        )
    annotations = annotation_rows.browse(db.connection())
    return LibraryDocument(tuple(notes), tuple(annotations))
