"""peewee models over the schema of ``schema.py``, made per database so that two libraries
can be open at once (tests, import from one into another) without rebinding globals."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import (
    SQL,
    AutoField,
    CompositeKey,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from notegui.core import domain


@dataclass(frozen=True)
class Models:
    Note: type[Model]
    Link: type[Model]
    Revision: type[Model]
    Annotation: type[Model]
    Tag: type[Model]
    NoteTag: type[Model]


def bind_models(database: SqliteDatabase) -> Models:
    class Base(Model):
        class Meta:
            legacy_table_names = False

    Base._meta.database = database

    class Note(Base):
        id = AutoField()
        title = TextField()
        title_key = TextField(unique=True)
        description = TextField(default="")
        summary = TextField(default="")
        body = TextField(default="")
        created = TextField()
        updated = TextField()

        @property
        def is_stub(self) -> bool:
            return domain.is_stub(self.description, self.body)

    class Link(Base):
        id = AutoField()
        source = ForeignKeyField(Note, column_name="source_id", on_delete="CASCADE")
        target = ForeignKeyField(Note, column_name="target_id", on_delete="CASCADE")
        ordinal = IntegerField()
        summary = TextField(null=True)

    class Revision(Base):
        id = AutoField()
        note = ForeignKeyField(Note, column_name="note_id", on_delete="CASCADE")
        title = TextField()
        description = TextField()
        summary = TextField()
        body = TextField()
        links = TextField(default="[]")
        saved = TextField()
        replaced = TextField()
        reason = TextField()

    class Annotation(Base):
        id = AutoField()
        note = ForeignKeyField(Note, column_name="note_id", on_delete="CASCADE")
        exact = TextField()
        prefix = TextField(default="")
        suffix = TextField(default="")
        start = IntegerField()
        end = IntegerField(column_name="end")
        comment = TextField(default="")
        color = TextField(default="yellow")
        created = TextField()
        updated = TextField()
        detached = IntegerField(default=0)

    class Tag(Base):
        id = AutoField()
        name = TextField(unique=True, constraints=[SQL("COLLATE NOCASE")])

    class NoteTag(Base):
        note = ForeignKeyField(Note, column_name="note_id", on_delete="CASCADE")
        tag = ForeignKeyField(Tag, column_name="tag_id", on_delete="CASCADE")

        class Meta:
            table_name = "note_tag"
            primary_key = CompositeKey("note", "tag")

    return Models(Note, Link, Revision, Annotation, Tag, NoteTag)
