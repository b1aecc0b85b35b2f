"""Many writers, one library (issue 14, items 1, 2 and 13): imports take turns and say so,
edits and `check --repair` wait for the transaction under way instead of failing, an edit
of a note whose citations an import still holds leaves nothing half done, and a scratch
index file left by a killed import is removed. The full stress is
tests/stress/stress_writers.py; a smaller version of it runs here."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from conftest import write_note
from notegui.core.domain import NoteText
from notegui.core.errors import LibraryError
from notegui.store import busy, schema
from notegui.store import db as database_file
from notegui.store.importing import import_lock
from notegui.store.importing.import_lock import ImportLock
from notegui.store.importing.side_index import scratch_path
from notegui.store.library import SqliteLibrary
from stress import stress_writers

# -- the stress, small ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2])
def test_parallel_imports_edits_and_a_repair_end_as_one_writer_after_another(tmp_path, seed):
    folders = stress_writers.write_folders(tmp_path / "in", folders=5, each=40, seed=seed)
    result = stress_writers.run_round(
        tmp_path / "work", folders, [[folder] for folder in folders], edits=True,
        repair_after=0.3, scenario="parallel", seed=seed)
    # Every file imported exactly once, `check` clean, nothing staged, no scratch file, and
    # the notes, stubs, links, tags and revisions those of the same work done in turn.
    assert result.problems == []
    assert result.figures["files"] == 200
    assert result.figures["edits"] > 0


def test_the_same_folder_imported_twice_at_once(tmp_path):
    [folder] = stress_writers.write_folders(tmp_path / "in", folders=1, each=120)
    result = stress_writers.run_round(tmp_path / "work", [folder], [[folder], [folder]],
                                      edits=False, repair_after=0.2, scenario="twice")
    assert result.problems == []  # one of them imported each file, the other found it
    assert result.figures["files"] == 120  # unchanged; no revision, no duplicate link


# -- imports and checks take turns -----------------------------------------------------------


def notegui(db, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "notegui", "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_text(stream_path, text: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in stream_path.read_text():
        assert time.monotonic() < deadline, f"never said {text!r}"
        time.sleep(0.05)


def test_an_import_waits_for_the_one_under_way_and_says_so(tmp_path):
    db = tmp_path / "lib.db"
    SqliteLibrary(db).close()
    folders = stress_writers.write_folders(tmp_path / "in", folders=1, each=30)
    other = ImportLock(db)  # as if another process were importing
    assert other.acquire()
    err = tmp_path / "err"
    with err.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "notegui", "--db", str(db), "import", str(folders[0])],
            stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        wait_for_text(err, "importing into or checking this library: waiting")
        with SqliteLibrary(db) as library:
            assert library.count() == 0  # it waits: nothing written yet
    finally:
        other.release()
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    assert "30 imported" in out
    with SqliteLibrary(db) as library:
        assert library.check() == []


def test_check_waits_for_an_import_under_way(tmp_path):
    db = tmp_path / "lib.db"
    SqliteLibrary(db).close()
    other = ImportLock(db)
    assert other.acquire()
    said: list[str] = []
    with SqliteLibrary(db, on_wait=said.append) as library:
        releasing = threading.Timer(0.3, other.release)
        releasing.start()
        assert library.check() == []
        releasing.join()
    assert said == [import_lock.WAITING]


def test_a_lock_file_its_holder_removed_is_no_lock(tmp_path, monkeypatch):
    """A holder removes the lock file as it lets go: a process that opened the old file
    just before must not count a lock won on it, since a third has made a new one."""
    first, second, third = (ImportLock(tmp_path / "lib.db") for _ in range(3))
    assert first.acquire()
    real_try_lock = import_lock._try_lock

    def meanwhile(file):
        if first.held:  # between the second's open and its lock: the first lets go...
            first.release()
            assert third.acquire()  # ...and the third takes a new lock file
        return real_try_lock(file)

    monkeypatch.setattr(import_lock, "_try_lock", meanwhile)
    assert not second.acquire()
    third.release()
    assert second.acquire()
    second.release()


# -- waiting for another writer's transaction ----------------------------------------------


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """SQLite's own wait cut to 50 ms, so that these tests wait in busy.py."""
    monkeypatch.setitem(database_file.PRAGMAS, "busy_timeout", 50)


def hold_the_write_lock(path, seconds: float) -> threading.Thread:
    """Another process's long transaction (an import's last one), for ``seconds``."""
    began = threading.Event()

    def hold():
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        began.set()
        time.sleep(seconds)
        connection.execute("COMMIT")
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    began.wait()
    return holder


def test_edits_and_a_repair_wait_for_another_writer_and_say_so(tmp_path, short_busy_timeout):
    said: list[str] = []
    with SqliteLibrary(tmp_path / "lib.db", on_wait=said.append) as library:
        note_id, _ = library.create_note("Why wait?", "Before.")
        holder = hold_the_write_lock(tmp_path / "lib.db", 0.4)
        library.save_note(note_id, "Why wait?", "After.", "", "")
        holder.join()
        assert said == [busy.WAITING]
        holder = hold_the_write_lock(tmp_path / "lib.db", 0.4)
        library.repair_index()
        holder.join()
        assert said == [busy.WAITING] * 2
        assert library.note(note_id).description == "After."
        assert library.check() == []


def test_a_writer_gives_up_after_its_patience_changing_nothing(tmp_path, short_busy_timeout,
                                                              monkeypatch):
    monkeypatch.setattr(busy, "PATIENCE", 0.3)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        note_id, _ = library.create_note("Why give up?", "Before.")
        holder = hold_the_write_lock(tmp_path / "lib.db", 1.5)
        with pytest.raises(LibraryError, match=r"stayed locked by another process for 0\.3 s"):
            library.save_note(note_id, "Why give up?", "After.", "", "")
        holder.join()
        assert library.note(note_id).description == "Before."


def test_check_repair_during_a_cli_import_waits_instead_of_failing(tmp_path):
    db = tmp_path / "lib.db"
    folders = stress_writers.write_folders(tmp_path / "in", folders=1, each=400)
    importing = notegui(db, "import", str(folders[0]))
    time.sleep(0.5)
    repair = notegui(db, "check", "--repair")
    out, err = repair.communicate(timeout=120)
    importing.communicate(timeout=120)
    assert "database is locked" not in err
    assert repair.returncode == 0, out + err
    assert importing.returncode == 0


def test_two_openings_of_a_new_library_at_once_migrate_it_once(tmp_path, monkeypatch):
    """Two imports into a library that does not exist yet: the second had read version 0
    before the first made the tables, and was refused as damaged."""
    SqliteLibrary(tmp_path / "lib.db").close()
    connection = sqlite3.connect(tmp_path / "lib.db", isolation_level=None)
    stale = [0]  # what the second read before the first migrated
    real_version = schema.version
    monkeypatch.setattr(schema, "version",
                        lambda c: stale.pop() if stale else real_version(c))
    assert schema.migrate(connection) == 0
    assert real_version(connection) == schema.LATEST
    connection.close()


# -- an edit while an import holds citations staged ----------------------------------------


def cross_citing_folder(tmp_path, count: int = 30):
    """Notes citing the next one, and a title no file has (a stub), with Sources lines."""
    folder = tmp_path / "notes"
    for n in range(count):
        write_note(folder, f"{n:03}.txt",
                   f"Does note {n} matter?\nDescription {n}.\n"
                   f"It cites Does note {n + 1} matter?, and Which stub {n} is cited?, too.\n"
                   f"Sources 2 notes\nLine for {n + 1}.\nStub line {n}.")
    return folder


def staged_import(library: SqliteLibrary, folder):
    """An import stopped after its batch is committed, its citations still staged."""
    outcomes = library.import_paths([folder])
    first = next(outcomes)
    assert first.status == "imported"
    connection = sqlite3.connect(library.path)
    assert connection.execute("SELECT count(*) FROM import_citation").fetchone()[0] > 0
    connection.close()
    return outcomes


def sources(library, title):
    return [(s.target.title, s.summary) for s in library.sources(library.find(title).id)]


def test_a_note_saved_while_its_citations_are_staged_keeps_links_and_lines(tmp_path):
    folder = cross_citing_folder(tmp_path)
    with SqliteLibrary(tmp_path / "lib.db") as importer:
        outcomes = staged_import(importer, folder)
        with SqliteLibrary(tmp_path / "lib.db") as window:  # the window, another connection
            note = window.find("Does note 3 matter?")
            window.save_note(note.id, note.title, note.description, note.summary,
                             note.body + " Edited.")
            assert sources(window, "Does note 3 matter?") == [
                ("Does note 4 matter?", "Line for 4."), ("Which stub 3 is cited?", "Stub line 3.")]
        assert all(o.status == "imported" for o in outcomes)  # before: UNIQUE failed here
        assert importer.check() == []
        assert importer.find("Does note 3 matter?").body.endswith(" Edited.")
        assert sources(importer, "Does note 3 matter?") == [
            ("Does note 4 matter?", "Line for 4."), ("Which stub 3 is cited?", "Stub line 3.")]
        assert importer.find("Which stub 3 is cited?").summary == "Stub line 3."
        assert importer.find("Which stub 29 is cited?").is_stub


def test_a_note_renamed_while_staged_citations_cite_it_is_renamed_in_them(tmp_path):
    folder = cross_citing_folder(tmp_path)
    with SqliteLibrary(tmp_path / "lib.db") as importer:
        outcomes = staged_import(importer, folder)
        with SqliteLibrary(tmp_path / "lib.db") as window:
            note = window.find("Does note 5 matter?")
            window.save_note(note.id, "Does note five matter?", note.description,
                             note.summary, note.body)
        list(outcomes)
        assert importer.check() == []
        assert "[[Does note five matter?]]" in importer.find("Does note 4 matter?").body
        assert sources(importer, "Does note 4 matter?")[0] == ("Does note five matter?",
                                                               "Line for 5.")
        assert importer.find("Does note 5 matter?") is None  # no stub of the old title


def test_a_note_deleted_for_good_while_staged_citations_cite_it_stays_a_stub(tmp_path):
    with SqliteLibrary(tmp_path / "lib.db") as importer:
        old_id, _ = importer.create_note("Does note 7 matter?", "Written before.")
        importer.trash_note(old_id)
        outcomes = staged_import(importer, cross_citing_folder(tmp_path))
        # (the import's file of note 7 brought it back; trashed again by the window)
        with SqliteLibrary(tmp_path / "lib.db") as window:
            window.trash_note(window.find("Does note 7 matter?").id)
            window.empty_trash()
        list(outcomes)
        assert importer.check() == []
        assert importer.find("Does note 7 matter?").is_stub
        assert sources(importer, "Does note 6 matter?")[0] == ("Does note 7 matter?",
                                                               "Line for 7.")


def test_a_file_imported_alone_while_its_note_is_staged_is_unchanged(tmp_path):
    folder = cross_citing_folder(tmp_path)
    with SqliteLibrary(tmp_path / "lib.db") as importer:
        outcomes = staged_import(importer, folder)
        with SqliteLibrary(tmp_path / "lib.db") as other:
            data = (folder / "002.txt").read_bytes()
            assert other.import_bytes(data, "002.txt").status == "unchanged"
        list(outcomes)
        assert importer.check() == []
        assert importer.revisions(importer.find("Does note 2 matter?").id) == []


# -- a killed import's scratch file -----------------------------------------------------------


def test_a_scratch_file_left_by_a_killed_import_is_removed_at_open_and_by_check(tmp_path):
    db = tmp_path / "lib.db"
    SqliteLibrary(db).close()
    scratch = scratch_path(db)
    scratch.write_bytes(b"\0" * 4096)  # what kill -9 during a large import leaves
    with SqliteLibrary(db) as library:
        assert not scratch.exists()
        scratch.write_bytes(b"\0" * 4096)
        assert library.check() == []
        assert not scratch.exists()


def test_the_scratch_file_of_an_import_under_way_is_left_alone(tmp_path):
    db = tmp_path / "lib.db"
    SqliteLibrary(db).close()
    running = ImportLock(db)  # an import under way in another process, building its index
    assert running.acquire()
    scratch_path(db).write_bytes(b"\0" * 4096)
    with SqliteLibrary(db):
        assert scratch_path(db).exists()
    running.release()
    with SqliteLibrary(db):
        assert not scratch_path(db).exists()


def test_a_save_writes_only_the_fields_changed_since_they_were_read(tmp_path):
    with SqliteLibrary(tmp_path / "lib.db") as window:
        note_id, _ = window.create_note("Why merge?", "Read.", "", "Body.")
        read = window.note(note_id)
        base = NoteText(read.title, read.description, read.summary, read.body)
        with SqliteLibrary(tmp_path / "lib.db") as other:  # an import gives it a summary
            other.save_note(note_id, "Why merge?", "Read.", "Given elsewhere.", "Body.")
        window.save_note(note_id, "Why merge?", "Read.", "", "Body, edited.", base=base)
        assert window.note(note_id).summary == "Given elsewhere."
        assert window.note(note_id).body == "Body, edited."
        window.save_note(note_id, "Why merge?", "Read.", "", "Body, edited.")  # no base
        assert window.note(note_id).summary == ""  # (every field written, as before)
