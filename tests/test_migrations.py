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


def _version_8_library_in_use(path):
    """A library as schema 8 left it, with a row in every table that refers to a note: the
    note table is made anew by step 9, and none of them may be lost."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")  # as the app opens it
    schema.migrate(connection, target=8)
    stamp = "2025-01-01T00:00:00Z"
    for note_id, title, body in ((1, SAMPLE_TITLE, "Cites [[How do glaciers move?]]."),
                                 (2, "How do glaciers move?", "Ice flows.")):
        connection.execute(
            "INSERT INTO note (id, title, title_key, body, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?)", (note_id, title, title.casefold(), body, stamp, stamp))
    connection.execute("INSERT INTO link (source_id, target_id, ordinal) VALUES (1, 2, 1)")
    connection.execute(
        "INSERT INTO revision (note_id, title, description, summary, body, saved, replaced, "
        "reason) VALUES (2, 'How do glaciers move?', '', '', 'Old.', ?, ?, 'edit')",
        (stamp, stamp))
    connection.execute(
        "INSERT INTO annotation (note_id, exact, start, \"end\", created, updated) "
        "VALUES (2, 'Ice', 0, 3, ?, ?)", (stamp, stamp))
    connection.execute("INSERT INTO tag (id, name) VALUES (1, 'ice')")
    connection.execute("INSERT INTO note_tag (note_id, tag_id) VALUES (2, 1)")
    connection.execute("INSERT INTO trash (note_id, trashed) VALUES (1, ?)", (stamp,))
    connection.close()


def test_version_8_library_keeps_every_row_that_refers_to_a_note(tmp_path):
    path = tmp_path / "v8.sqlite3"
    _version_8_library_in_use(path)
    with SqliteLibrary(path) as library:
        assert schema.version(library.db.connection()) == schema.LATEST
        glaciers = library.find("How do glaciers move?")
        assert glaciers.tags == ("ice",)
        assert [r.body for r in library.revisions(glaciers.id)] == ["Old."]
        assert [a.exact for a in library.annotations(glaciers.id)] == ["Ice"]
        assert [s.target.title for s in library.sources(1)] == ["How do glaciers move?"]
        assert [t.title for t in library.trashed()] == [SAMPLE_TITLE]
        # The indexes kept their rows (the ids did not change) and follow edits.
        assert library.search("ice flows")[0].note.id == glaciers.id
        library.save_note(glaciers.id, "How do glaciers move?", "", "", "Ice creeps downhill.")
        assert library.search("creeps")[0].note.id == glaciers.id
        assert library.check() == []


def test_titles_repeat_only_among_notes_from_folders(tmp_path):
    """Schema 9: the library's own notes keep unique titles; notes with a path (read from
    a markdown folder) may share one, with each other and with the library's own note."""
    path = tmp_path / "v9.sqlite3"
    with SqliteLibrary(path) as library:
        library.create_note("Index?")
        connection = library.db.connection()
        insert = ("INSERT INTO note (title, title_key, created, updated, path) "
                  "VALUES ('Index?', 'index?', '', '', ?)")
        connection.execute(insert, ("vault/a/Index?.md",))
        connection.execute(insert, ("vault/b/Index?.md",))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(insert, ("vault/b/Index?.md",))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(insert, ("",))
        connection.commit()
        # "The note titled Index" is the library's own.
        assert library.find("index?").path == ""
        assert [n.path for n in map(library.note, library.note_ids())] == [
            "", "vault/a/Index?.md", "vault/b/Index?.md"]


def test_version_9_library_gains_what_its_sync_keeps_and_marks_nothing(tmp_path):
    """Schema 10: the sync's tables come empty (nothing read per note: a large library
    migrates at once); the notes are then all to be sent, by the first sync; a library
    with the new tables stays consistent."""
    path = tmp_path / "v9.sqlite3"
    _version_8_library_in_use(path)
    connection = sqlite3.connect(path, isolation_level=None)
    schema.migrate(connection, target=9)
    connection.close()
    with SqliteLibrary(path) as library:
        connection = library.db.connection()
        assert schema.version(connection) == schema.LATEST == 11
        for table in ("sync_note", "sync_id", "annotation_uid", "sync_dirty", "sync_state",
                      "sync_conflict"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        assert library.check() == []
    from notegui.store import sync_rows

    with SqliteLibrary(path) as library:
        assert sync_rows.dirty(library.db.connection())[1] == [1, 2]


def test_version_10_vault_notes_gain_their_front_matter_s_description_and_summary(tmp_path):
    """Schema 11: a note read from a folder before notegui read ``description`` and
    ``summary`` gets them where it has none (one typed in notegui is kept)."""
    path = tmp_path / "v10.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    schema.migrate(connection, target=10)
    blocks = {"v/a.md": "description: The vault's\nsummary: In short\n",
              "v/b.md": "description: [not text]\n", "v/c.md": "summary: Its own\n"}
    for note_id, (note_path, block) in enumerate(blocks.items(), start=1):
        typed = "Typed" if note_path == "v/c.md" else ""
        connection.execute(
            "INSERT INTO note (id, title, title_key, description, body, created, updated, path)"
            " VALUES (?, ?, ?, ?, 'Text.', '', '', ?)",
            (note_id, note_path[2], note_path[2], typed, note_path))
        connection.execute("INSERT INTO note_file (note_id, name_key, front_matter) "
                           "VALUES (?, ?, ?)", (note_id, note_path[2:], block))
    connection.close()
    with SqliteLibrary(path) as library:
        assert [(n.description, n.summary) for n in map(library.note, (1, 2, 3))] == [
            ("The vault's", "In short"), ("", ""), ("Typed", "Its own")]
        assert library.search("short")[0].note.id == 1  # (the index follows)
        assert library.check() == []
