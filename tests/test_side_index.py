"""A large import builds the note index beside the library while its links are written,
and copies it in (store/side_index.py): the index must be the one a rebuild makes, and
anything that could make it stale must make the import rebuild instead."""

from __future__ import annotations

import sqlite3

import pytest

from notegui.core.domain import title_key
from notegui.store import side_index, staged_import
from notegui.store.errors import LibraryError
from notegui.store.library import SqliteLibrary
from notegui.store.side_index import SideIndex, scratch_path
from test_bulk_import import make_tangle

QUERIES = ["topic", "Description 17", "Said", "Summary 12-1", "matter", "revised",
           "follows shown", "Why does topic 270 matter"]  # (270: a stub's title)


@pytest.fixture
def large(monkeypatch):
    """Imports of a few hundred files take the path of large ones."""
    import notegui.store.library as library_module

    monkeypatch.setattr(library_module, "_BATCH", 50)
    monkeypatch.setattr(library_module, "_DEFER_INDEX_FROM", 10)


@pytest.fixture
def copies(monkeypatch) -> list[int]:
    """Counts the indexes copied in from beside."""
    copied: list[int] = []
    copy_into = SideIndex.copy_into

    def counted(self, connection):
        copied.append(1)
        copy_into(self, connection)

    monkeypatch.setattr(SideIndex, "copy_into", counted)
    return copied


def ranked(library: SqliteLibrary) -> list[list[tuple[str, str]]]:
    return [[(hit.note.title, hit.snippet) for hit in library.search(query, limit=50)]
            for query in QUERIES]


def rebuilt(tmp_path, folder, monkeypatch) -> list[list[tuple[str, str]]]:
    """The same import, its index rebuilt in the last transaction (as before)."""
    with monkeypatch.context() as patch:
        patch.setattr(SideIndex, "wait", lambda self: False)
        with SqliteLibrary(tmp_path / "rebuilt.db") as library:
            list(library.import_paths([folder]))
            return ranked(library)


def test_the_index_built_beside_is_the_one_a_rebuild_makes(tmp_path, monkeypatch, large,
                                                          copies):
    folder = make_tangle(tmp_path)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        list(library.import_paths([folder]))
        assert copies == [1]
        assert library.check() == []  # FTS5's integrity-check against the notes
        found = ranked(library)
        assert all(found)  # every query finds something: stubs, summaries, descriptions
        assert not scratch_path(tmp_path / "lib.db").exists()
        # The library's own connection goes on with the copied index: an edit is indexed.
        note = library.find("Why does topic 3 matter?")
        library.save_note(note.id, note.title, "Quokka habits.", note.summary, note.body)
        assert [hit.note.id for hit in library.search("quokka")] == [note.id]
        assert library.check() == []
    assert found == rebuilt(tmp_path, folder, monkeypatch)


def test_another_connection_writing_meanwhile_makes_the_import_rebuild(
        tmp_path, monkeypatch, large, copies):
    folder = make_tangle(tmp_path)
    path = tmp_path / "lib.db"
    start = SideIndex.__init__
    title = "Where do ocelots sleep?"

    def edited_meanwhile(self, library):
        start(self, library)  # (the thread reads the notes; the links are not begun)
        other = sqlite3.connect(path)  # another process, say, adding a note
        with other:
            other.execute(
                "INSERT INTO note (title, title_key, description, created, updated) "
                "VALUES (?, ?, 'Ocelot spots.', '', '')",
                (title, title_key(title)))
        other.close()

    monkeypatch.setattr(SideIndex, "__init__", edited_meanwhile)
    with SqliteLibrary(path) as library:
        list(library.import_paths([folder]))
        assert copies == []
        assert [hit.note.title for hit in library.search("ocelot")] == [title]
        assert library.check() == []


def test_if_the_index_cannot_be_built_beside_the_import_rebuilds_it(
        tmp_path, monkeypatch, large, copies):
    monkeypatch.setattr(side_index.schema, "contentless_note_index",
                        lambda: "CREATE TABLE broken (")
    folder = make_tangle(tmp_path)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        outcomes = list(library.import_paths([folder]))
        assert {o.status for o in outcomes} == {"imported"}
        assert copies == []
        assert library.check() == []
        assert library.search("Description 17")
    assert not scratch_path(tmp_path / "lib.db").exists()


def test_an_import_cut_before_its_last_transaction_is_finished_at_the_next_opening(
        tmp_path, monkeypatch, large):
    folder = make_tangle(tmp_path)
    path = tmp_path / "lib.db"

    def cut(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patch:  # stubs and summaries are in, links still staged
        patch.setattr(staged_import, "finish", cut)
        with SqliteLibrary(path) as library, pytest.raises(LibraryError):
            list(library.import_paths([folder]))
    scratch_path(path).write_bytes(b"left by a crash")
    with SqliteLibrary(path) as library:
        assert not scratch_path(path).exists()
        note = library.find("Why does topic 3 matter?")
        assert library.sources(note.id) or not note.body.count("[[")
        assert library.check() == []  # links and index, finished
        assert library.search("Description 17")
