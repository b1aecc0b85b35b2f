"""A large import builds the note index beside the library while it runs, and copies it
in (store/importing/side_index.py): the index must be the one a rebuild makes, and anything that
could make it stale must make the import index every note again, or rebuild."""

from __future__ import annotations

import json
import sqlite3
from array import array

import pytest

from conftest import write_note
from notegui.core.domain import title_key
from notegui.store.errors import LibraryError
from notegui.store.importing import side_index, staged_import
from notegui.store.importing.side_index import SideIndex, scratch_path
from notegui.store.importing.staged_import import StagedBatch
from notegui.store.library import SqliteLibrary
from test_bulk_import import make_tangle

QUERIES = ["topic", "Description 17", "Said", "Summary 12-1", "matter",
           "follows shown", "Why does topic 270 matter"]  # (270: a stub's title)


@pytest.fixture
def large(monkeypatch):
    """Imports of a few hundred files take the path of large ones, in several batches."""
    import notegui.store.importing.importer as importer_module

    monkeypatch.setattr(importer_module, "_BATCH", 50)
    monkeypatch.setattr(importer_module, "_DEFER_INDEX_FROM", 10)


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    """What the import asked of the index beside."""
    made: list[str] = []
    for name in ("add_batch", "add_notes", "add_after", "add_all", "copy_into"):
        original = getattr(SideIndex, name)

        def spy(self, *args, _original=original, _name=name):
            made.append(_name)
            return _original(self, *args)

        monkeypatch.setattr(SideIndex, name, spy)
    return made


def ranked(library: SqliteLibrary) -> list[list[tuple[str, str]]]:
    return [[(hit.note.title, hit.snippet) for hit in library.search(query, limit=50)]
            for query in QUERIES]


def rebuilt(tmp_path, folder, monkeypatch) -> list[list[tuple[str, str]]]:
    """The same import, its index rebuilt in the last transaction."""
    with monkeypatch.context() as patch:
        patch.setattr(SideIndex, "wait", lambda self: False)
        with SqliteLibrary(tmp_path / "rebuilt.db") as library:
            list(library.import_paths([folder]))
            return ranked(library)


def write_meanwhile(path) -> str:
    """Another process adds a note."""
    title = "Where do ocelots sleep?"
    other = sqlite3.connect(path)
    with other:
        other.execute("INSERT INTO note (title, title_key, description, created, updated) "
                      "VALUES (?, ?, 'Ocelot spots.', '', '')", (title, title_key(title)))
    other.close()
    return title


@pytest.mark.parametrize("revise", [False, True])
def test_the_index_built_beside_is_the_one_a_rebuild_makes(tmp_path, monkeypatch, large,
                                                          calls, revise):
    folder = make_tangle(tmp_path, revise=False)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        # (revise: every file comes twice, so a note it indexed is written again)
        list(library.import_paths([folder, folder] if revise else [folder]))
        if revise:  # a file came twice: the note it indexed changed, so it indexes all
            assert calls[-2:] == ["add_all", "copy_into"]
        else:  # batch by batch, then the notes without a summary line and the stubs
            assert calls[:5] == ["add_batch"] * 5
            assert calls[-3:] == ["add_notes", "add_after", "copy_into"]
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


def another_writes_after(monkeypatch, owner, name: str, path) -> list[str]:
    """After the first call of ``owner.name``, another process adds a note (the title
    it gave is in the list returned, once it has)."""
    original = getattr(owner, name)
    written: list[str] = []

    def and_another_writes(self, *args):
        original(self, *args)
        if not written:
            written.append(write_meanwhile(path))

    monkeypatch.setattr(owner, name, and_another_writes)
    return written


@pytest.mark.parametrize("owner, name, ending", [
    # during the batches: the notes it indexed may have changed, so it indexes them all
    (StagedBatch, "committed", ["add_all", "copy_into"]),
    # once stubs and summary lines are committed, before the links: it rebuilds
    (SideIndex, "add_after", ["add_notes", "add_after"]),
])
def test_another_connection_writing_meanwhile_is_noticed(tmp_path, monkeypatch, large,
                                                         calls, owner, name, ending):
    folder = make_tangle(tmp_path, revise=False)
    path = tmp_path / "lib.db"
    written = another_writes_after(monkeypatch, owner, name, path)
    with SqliteLibrary(path) as library:
        list(library.import_paths([folder]))
        assert calls[-2:] == ending
        assert [hit.note.title for hit in library.search("ocelot")] == written
        assert library.check() == []


ALONE = "Is this note deleted meanwhile?"  # a note of the import that no file cites


def edit_meanwhile(path) -> str:
    """Another process (a window open on the library) changes the description of the
    import's first other note and deletes the note ALONE: notes the index does not hold
    yet."""
    other = sqlite3.connect(path)
    with other:
        title = other.execute(
            "UPDATE note SET description = 'Ocelot spots.' "
            "WHERE id = (SELECT min(id) FROM note WHERE title != ?) RETURNING title",
            (ALONE,)).fetchone()[0]
        assert other.execute("DELETE FROM note WHERE title = ?", (ALONE,)).rowcount == 1
    other.close()
    return title


@pytest.mark.parametrize("into", ["an empty library", "a library with notes"])
def test_another_connection_can_edit_and_delete_notes_during_a_large_import(
        tmp_path, monkeypatch, large, into):
    """While a large import defers the index, an edit or a deletion elsewhere is written,
    and the index made at the end has it (FTS5 once refused such a write as a "malformed"
    database: the edit removed from the index text it did not hold yet)."""
    folder = make_tangle(tmp_path, revise=False)
    write_note(folder, "0000-alone.txt", f"{ALONE}\nIt is.\nA body citing nothing.")
    path = tmp_path / "lib.db"
    if into != "an empty library":
        with SqliteLibrary(path) as library:
            library.import_bytes(b"Is this note older than the import?\n\nYes.\n", "old.txt")
    original = StagedBatch.committed
    edited: list[str] = []

    def and_another_edits(self):
        original(self)
        if not edited:
            edited.append(edit_meanwhile(path))

    monkeypatch.setattr(StagedBatch, "committed", and_another_edits)
    with SqliteLibrary(path) as library:
        list(library.import_paths([folder]))
        assert [hit.note.title for hit in library.search("ocelot")] == edited
        assert library.find(ALONE) is None
        assert not library.search("meanwhile")
        assert library.check() == []


def test_if_the_index_cannot_be_built_beside_the_import_rebuilds_it(
        tmp_path, monkeypatch, large, calls):
    monkeypatch.setattr(side_index.schema, "contentless_indexes",
                        lambda: "CREATE TABLE broken (")
    folder = make_tangle(tmp_path, revise=False)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        outcomes = list(library.import_paths([folder]))
        assert {o.status for o in outcomes} == {"imported"}
        assert "copy_into" not in calls
        assert library.check() == []
        assert library.search("Description 17")
    assert not scratch_path(tmp_path / "lib.db").exists()


def test_an_import_cut_before_its_last_transaction_is_finished_at_the_next_opening(
        tmp_path, monkeypatch, large):
    folder = make_tangle(tmp_path, revise=False)
    path = tmp_path / "lib.db"

    def cut(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patch:  # stubs and summaries are in, links still staged
        patch.setattr(staged_import, "finish", cut)
        with SqliteLibrary(path) as library, pytest.raises(LibraryError):
            list(library.import_paths([folder]))
    assert not scratch_path(path).exists()
    scratch_path(path).write_bytes(b"left by a crash")
    with SqliteLibrary(path) as library:
        assert not scratch_path(path).exists()
        note = library.find("Why does topic 3 matter?")
        assert [s.target.title for s in library.sources(note.id)] == [
            f"Why does topic {n} matter?" for n in (1, 10, 25, 0)]  # were staged
        assert library.check() == []  # links and index, finished
        assert library.search("Description 17")


def test_notes_left_to_the_end_are_indexed_a_batch_at_a_time(tmp_path, monkeypatch, large):
    """Each transaction of the thread indexes at most NOTES_AT_ONCE of them (in one, FTS5
    held all their tokenized text until its buffer's limit), and the index is the same."""
    put: list[list[int]] = []

    class Work(list):
        def put(self, item) -> None:
            put.append(json.loads(item[1][0]))

    beside = SideIndex.__new__(SideIndex)  # (no thread: what it is told is kept)
    beside._work = Work()
    monkeypatch.setattr(side_index, "NOTES_AT_ONCE", 4)
    beside.add_notes(array("q", range(1, 11)))
    assert put == [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]]

    folder = make_tangle(tmp_path, revise=False)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        list(library.import_paths([folder]))
        assert library.check() == []
        found = ranked(library)
    assert found == rebuilt(tmp_path, folder, monkeypatch)


def test_the_index_beside_holds_no_read_of_the_library_while_it_tokenizes(
        tmp_path, monkeypatch):
    """A read of the library held while the thread tokenizes would keep the library's
    write-ahead log from being checkpointed whole and started again: at a million notes
    it grew past the library's own size."""
    import threading

    path = tmp_path / "lib.db"
    with SqliteLibrary(path) as library:
        list(library.import_paths([make_tangle(tmp_path, 40)]))
    tokenizing, go_on = threading.Event(), threading.Event()

    def pause() -> int:
        tokenizing.set()
        go_on.wait(10)
        return 1

    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        connection = real_connect(*args, **kwargs)
        connection.create_function("pause", 0, pause)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(side_index, "_INDEX_NOTES", side_index._INDEX_NOTES + " WHERE pause()")
    beside = SideIndex(path)
    try:
        beside.add_all()
        assert tokenizing.wait(10)
        with real_connect(path, timeout=1) as writer:  # (a window saving a note meanwhile)
            writer.execute("UPDATE note SET summary = 'saved' WHERE id = 1")
        with real_connect(path, timeout=1) as checkpointer:
            busy, _, _ = checkpointer.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0
        assert path.with_name(path.name + "-wal").stat().st_size == 0
    finally:
        go_on.set()
        beside.wait()
        beside.discard()
