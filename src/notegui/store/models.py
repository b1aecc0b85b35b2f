"""peewee models of the plain tables of ``schema.py``, defined once and typed (``note.title``
is a ``str`` to the type checker).

The DDL in schema.py is the one truth of the schema: it holds what peewee cannot say (FTS5
tables, triggers, ``WITHOUT ROWID``, ``COLLATE NOCASE``) and its text must stay as old
libraries have it in ``sqlite_master``. These models declare the same columns for the
queries that read them; tests/test_models_match_schema.py holds the two together.

The models are bound to no database: two libraries may be open at once (in tests, in an
import from one into another) and each thread of each has its own connection, so every
query names its library's database when it runs: ``query.bind(db)`` before iterating,
``query.execute(db)``, ``query.get(db)``. An unbound query raises peewee's InterfaceError
rather than touching the wrong library."""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BlobField,
    CompositeKey,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from notegui.core import domain


class _Table(Model):
    class Meta:
        legacy_table_names = False  # NoteTag is note_tag


class Note(_Table):
    id = AutoField()
    title = TextField()
    title_key = TextField()
    description = TextField(default="")
    summary = TextField(default="")
    body = TextField(default="")
    created = TextField()
    updated = TextField()
    path = TextField(default="")  # "" for the library's own notes; see schema.py v9

    @property
    def is_stub(self) -> bool:
        return domain.is_stub(self.description, self.body, self.path)


class Link(_Table):
    id = AutoField()
    source = ForeignKeyField(Note, column_name="source_id", on_delete="CASCADE", backref="+")
    target = ForeignKeyField(Note, column_name="target_id", on_delete="CASCADE", backref="+")
    ordinal = IntegerField()
    summary = TextField(null=True)


class Revision(_Table):
    id = AutoField()
    note = ForeignKeyField(Note, column_name="note_id", on_delete="CASCADE", backref="+")
    title = TextField()
    description = TextField()
    summary = TextField()
    body = TextField()
    links = TextField(default="[]")
    saved = TextField()
    replaced = TextField()
    reason = TextField()


class Annotation(_Table):
    id = AutoField()
    note = ForeignKeyField(Note, column_name="note_id", on_delete="CASCADE", backref="+")
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


class Tag(_Table):
    id = AutoField()
    name = TextField(unique=True, constraints=[SQL("COLLATE NOCASE")])


class NoteTag(_Table):
    note = ForeignKeyField(Note, column_name="note_id", on_delete="CASCADE", backref="+")
    tag = ForeignKeyField(Tag, column_name="tag_id", on_delete="CASCADE", backref="+")

    class Meta:
        primary_key = CompositeKey("note", "tag")


class NoteFile(_Table):
    """What a note read from a markdown folder keeps of its file."""

    note = ForeignKeyField(Note, column_name="note_id", primary_key=True, on_delete="CASCADE",
                           backref="+")
    name_key = TextField()
    front_matter = TextField(default="")
    digest = TextField(default="")


class Alias(_Table):
    note = ForeignKeyField(Note, column_name="note_id", on_delete="CASCADE", backref="+")
    alias_key = TextField()
    name = TextField(column_name="alias")  # (a model has an alias() of its own)

    class Meta:
        primary_key = CompositeKey("note", "alias_key")


class Attachment(_Table):
    id = AutoField()
    path = TextField(unique=True)
    name_key = TextField()
    data = BlobField()
    digest = TextField()
    added = TextField()


MODELS: tuple[type[_Table], ...] = (Note, Link, Revision, Annotation, Tag, NoteTag, NoteFile,
                                    Alias, Attachment)
