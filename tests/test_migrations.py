"""A library made by an older notegui opens, is migrated in place, and keeps its notes."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import SAMPLE_TITLE
from notegui.store import schema
from notegui.store.library import SqliteLibrary


def make_version_1_library(path):
    """The fixture: a library as notegui schema 1 wrote it (notes and links, no FTS)."""
    connection = sqlite3.connect(path, isolation_level=None)
    schema.migrate(connection, target=1)
    connection.execute(
        "INSERT INTO note (id, title, title_key, description, summary, body, created, updated)"
        " VALUES (1, ?, ?, 'Old description.', '', 'Cites [[How do glaciers move?]].',"
        " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
        (SAMPLE_TITLE, SAMPLE_TITLE.casefold()),
    )
    connection.execute(
        "INSERT INTO note (id, title, title_key, summary, created, updated) VALUES "
        "(2, 'How do glaciers move?', 'how do glaciers move?', 'Ice flows.',"
        " '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')"
    )
    connection.execute(
        "INSERT INTO link (source_id, target_id, ordinal, summary) VALUES (1, 2, 1, 'Ice flows.')"
    )
    connection.close()


def test_version_1_library_is_migrated_and_keeps_its_notes(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_version_1_library(path)
    with SqliteLibrary(path) as library:
        assert schema.version(library.db.connection()) == schema.LATEST
        assert library.count() == 2
        note = library.find(SAMPLE_TITLE)
        assert note.description == "Old description."
        assert [s.target.title for s in library.sources(note.id)] == ["How do glaciers move?"]
        # The full-text index was built for notes that existed before it did.
        assert library.search("glaciers")[0].note.title == "How do glaciers move?"
        assert library.check() == []
        # Tables of later versions work.
        assert library.revisions(note.id) == []


def test_a_failed_migration_step_leaves_the_library_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    make_version_1_library(path)
    broken = (*schema.MIGRATIONS[:2], "CREATE TABLE note (x);")  # fails: note exists
    monkeypatch.setattr(schema, "MIGRATIONS", broken)
    connection = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        schema.migrate(connection, target=3)
    connection.close()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
    assert connection.execute("SELECT count(*) FROM note").fetchone()[0] == 2
    connection.close()


def test_a_migrated_library_buffers_64_mb_of_index_text(tmp_path):
    """Schema 6: FTS5 writes its in-memory buffer out at 64 MB, not at 1 MB (a bulk import
    would otherwise flush and merge small segments all along)."""
    path = tmp_path / "old.sqlite3"
    make_version_1_library(path)
    with SqliteLibrary(path) as library:
        assert schema.version(library.db.connection()) == schema.LATEST
    connection = sqlite3.connect(path)
    (size,) = connection.execute("SELECT v FROM note_fts_config WHERE k = 'hashsize'").fetchone()
    connection.close()
    assert size == 64 * 1024 * 1024
