"""The schema is written once, as DDL in store/schema.py (FTS5 tables, triggers, WITHOUT ROWID
and COLLATE NOCASE are beyond peewee, and old libraries keep that text in sqlite_master);
store/models.py declares the same plain tables for typed queries. This holds the two
together: each model's fields are exactly its table's columns in a library made by the
migrations, with the same NOT NULL, defaults and primary key."""

from __future__ import annotations

import pytest
from peewee import Field

from notegui.store import models
from notegui.store.library import SqliteLibrary

TABLES = {"note", "link", "revision", "annotation", "tag", "note_tag", "note_file", "alias",
          "attachment"}


def _sql_default(field: Field) -> str | None:
    """A model default as SQLite's table_info writes a column's DEFAULT."""
    value = field.default
    if value is None:
        return None
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def _declared(model: type[models.Model]) -> dict[str, tuple[bool, str | None, bool]]:
    """column -> (NOT NULL, DEFAULT, part of the primary key), as the model says."""
    keys = {field.column_name for field in model._meta.get_primary_keys()}
    return {
        field.column_name: (not field.null, _sql_default(field), field.column_name in keys)
        for field in model._meta.sorted_fields
    }


def _in_library(library: SqliteLibrary, table: str) -> dict[str, tuple[bool, str | None, bool]]:
    """column -> (NOT NULL, DEFAULT, part of the primary key), as the library has it. An
    INTEGER PRIMARY KEY is the rowid: never NULL, whatever table_info says."""
    rows = library.db.connection().execute(f'PRAGMA table_info("{table}")').fetchall()
    return {name: (bool(notnull) or bool(pk), default, bool(pk))
            for _cid, name, _type, notnull, default, pk in rows}


def test_every_plain_table_has_its_model():
    assert {model._meta.table_name for model in models.MODELS} == TABLES


@pytest.mark.parametrize("model", models.MODELS, ids=lambda model: model.__name__)
def test_a_models_fields_are_its_tables_columns(library: SqliteLibrary, model):
    assert _declared(model) == _in_library(library, model._meta.table_name)


def test_a_drifted_model_is_seen(library: SqliteLibrary):
    """The comparison can fail: a column the table lacks, and a nullability changed."""
    declared = _declared(models.Link)
    declared["weight"] = (True, None, False)
    assert declared != _in_library(library, "link")
    declared = _declared(models.Link)
    declared["summary"] = (True, None, False)  # (link.summary may be NULL)
    assert declared != _in_library(library, "link")
