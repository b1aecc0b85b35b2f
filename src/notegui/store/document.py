"""The whole library as plain values, for JSON and markdown export (core/formats)."""

from __future__ import annotations

from peewee import SQL

from notegui.core.formats.document import AttachmentRecord, LibraryDocument, NoteRecord
from notegui.store import annotations as annotation_rows
from notegui.store import models, search
from notegui.store.db import Database


def whole_library(db: Database, attachments: bool = False) -> LibraryDocument:
    """The whole library as plain values (for JSON and markdown export); the vaults'
    images only when asked (``attachments``: the markdown export writes them)."""
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
    files, aliases = _vault_fields(db)
    notes = []
    # (title, then path: a vault's same-titled notes come in one order at every export)
    for row in Note.select().where(Note.id.not_in(SQL(f"({search.TRASHED})"))).order_by(
            Note.title_key, Note.path).bind(db):
        cited = links.get(row.id, [])
        notes.append(
            NoteRecord(
                row.title, row.description, row.summary, row.body,
                tuple(t for t, _ in cited), tuple(s for _, s in cited),
                tuple(tags.get(row.id, [])), row.created, row.updated,
                row.path, files.get(row.id, ""), tuple(aliases.get(row.id, ())),
            )
        )
    annotations = annotation_rows.browse(db.connection())
    images = tuple(AttachmentRecord(path, bytes(data)) for path, data in db.execute_sql(
        "SELECT path, data FROM attachment ORDER BY path")) if attachments else ()
    return LibraryDocument(tuple(notes), tuple(annotations), attachments=images)


def _vault_fields(db: Database) -> tuple[dict[int, str], dict[int, list[str]]]:
    """The front matter and the aliases of the notes read from markdown folders, by id
    (aliases in the order they were written: the rowid of a WITHOUT ROWID table is not
    kept, so in key order; the front matter keeps their written order)."""
    files = dict(db.execute_sql("SELECT note_id, front_matter FROM note_file"))
    aliases: dict[int, list[str]] = {}
    for note_id, alias in db.execute_sql("SELECT note_id, alias FROM alias ORDER BY note_id, "
                                         "alias_key"):
        aliases.setdefault(note_id, []).append(alias)
    return files, aliases
