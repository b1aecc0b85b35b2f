"""Opening a library never changes it before it is known good (issue 14, items 3-5 and 13):
a stale or foreign -wal or -journal beside it is moved aside, not applied; a file of the
wrong schema is refused with its bytes unchanged; a damaged library opens read-only, and
every write into it is refused; undecodable text reads with replacement characters."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE
from notegui.app import main
from notegui.store import db as database_file
from notegui.store import integrity
from notegui.store.errors import LibraryError, explain
from notegui.store.library import SqliteLibrary

DEMO = SAMPLE.parent
SRC = str(Path(__file__).resolve().parent.parent / "src")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def make_library(path: Path) -> Path:
    with SqliteLibrary(path) as library:
        for file in sorted(DEMO.glob("*.txt")):
            library.import_bytes(file.read_bytes(), file.name)
    return path


def titles(path: Path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["--db", str(path), "list"]) == 0
    return capsys.readouterr().out.splitlines()


def killed_writer(script: str) -> None:
    """Run ``script`` in a process that ends without closing anything (as kill -9 would),
    so the WAL it wrote is left beside its database."""
    code = f"import os, sqlite3, sys\nsys.path.insert(0, {SRC!r})\n{script}\nos._exit(0)\n"
    subprocess.run([sys.executable, "-c", code], check=True)


def leave_wal(path: Path, sql: str) -> bytes:
    """A WAL left by a killed process that ran ``sql`` on the database at ``path``."""
    killed_writer(
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=wal'); c.execute('PRAGMA wal_autocheckpoint=0')\n"
        f"c.executescript({sql!r})")
    return side(path, "-wal").read_bytes()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return make_library(tmp_path / "library.sqlite3")


# -- side logs ------------------------------------------------------------------------------


def test_a_foreign_wal_is_moved_aside_and_the_library_opens_as_it_was(good, tmp_path, capsys):
    before_titles = titles(good, capsys)
    before = digest(good)
    side(good, "-wal").write_bytes(
        leave_wal(tmp_path / "other.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1);"))
    foreign = side(good, "-wal").read_bytes()
    capsys.readouterr()
    assert main(["--db", str(good), "list"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == before_titles
    assert "library.sqlite3-wal beside" in err and "did not belong to it" in err
    assert "moved aside as library.sqlite3.rejected-wal" in err
    assert (tmp_path / "library.sqlite3.rejected-wal").read_bytes() == foreign
    assert digest(good) == before  # nothing of the WAL went in
    # said once: the next opening finds nothing to say
    assert main(["--db", str(good), "list"]) == 0
    assert capsys.readouterr().err == ""


def test_a_wal_of_another_notegui_library_is_not_applied(good, tmp_path, capsys):
    other = tmp_path / "other.sqlite3"
    with SqliteLibrary(other) as library:
        library.create_note("What is in the other library?")
    before_titles = titles(good, capsys)
    killed_writer(
        f"from notegui.store.library import SqliteLibrary\n"
        f"l = SqliteLibrary({str(other)!r})\n"
        "l.db.connection().execute('PRAGMA wal_autocheckpoint=0')\n"
        "for n in range(30): l.create_note(f'Is this note {n} of the other one?', body='x' * 900)")
    shutil.copy(side(other, "-wal"), side(good, "-wal"))
    after = titles(good, capsys)
    assert after == before_titles
    assert list(tmp_path.glob("library.sqlite3.rejected-wal*"))


def test_a_stale_wal_of_the_same_library_is_not_applied(good, tmp_path, capsys):
    killed_writer(
        f"from notegui.store.library import SqliteLibrary\n"
        f"l = SqliteLibrary({str(good)!r})\n"
        "l.db.connection().execute('PRAGMA wal_autocheckpoint=0')\n"
        "l.create_note('Was this note written before?', body='old ' * 2000)")
    stale = side(good, "-wal").read_bytes()
    assert "Was this note written before?" in titles(good, capsys)  # (a crash's WAL: applied)
    with SqliteLibrary(good) as library:
        for n in range(20):
            library.create_note(f"Is this later note {n} kept?", body="new " * 2000)
    kept = titles(good, capsys)
    side(good, "-wal").write_bytes(stale)
    assert titles(good, capsys) == kept
    assert (good.parent / "library.sqlite3.rejected-wal").read_bytes() == stale


def test_the_wal_of_a_killed_writer_is_applied(good, capsys):
    killed_writer(
        f"from notegui.store.library import SqliteLibrary\n"
        f"l = SqliteLibrary({str(good)!r})\n"
        "l.db.connection().execute('PRAGMA wal_autocheckpoint=0')\n"
        "l.create_note('Was this written just before the crash?')")
    assert side(good, "-wal").stat().st_size > 0
    assert "Was this written just before the crash?" in titles(good, capsys)
    assert not list(good.parent.glob("*.rejected-*"))


def test_a_live_wal_of_another_process_is_left_alone(good, tmp_path, capsys):
    ready, done = tmp_path / "ready", tmp_path / "done"
    writer = subprocess.Popen([sys.executable, "-c", (
        f"import sys, time, pathlib\nsys.path.insert(0, {SRC!r})\n"
        "from notegui.store.library import SqliteLibrary\n"
        f"l = SqliteLibrary({str(good)!r})\n"
        "l.db.connection().execute('PRAGMA wal_autocheckpoint=0')\n"
        "l.create_note('Is this written by a process still running?')\n"
        f"pathlib.Path({str(ready)!r}).touch()\n"
        f"while not pathlib.Path({str(done)!r}).exists(): time.sleep(0.05)\n"
        "l.close()\n")])
    try:
        for _ in range(400):
            if ready.exists():
                break
            writer.poll()
            assert writer.returncode is None
            import time
            time.sleep(0.05)
        wal = side(good, "-wal").read_bytes()
        assert "Is this written by a process still running?" in titles(good, capsys)
        assert side(good, "-wal").read_bytes()[:32] == wal[:32]
        assert not list(tmp_path.glob("*.rejected-*"))
    finally:
        done.touch()
        writer.wait(30)


def test_a_rollback_journal_beside_a_wal_library_is_moved_aside(good, tmp_path, capsys):
    before_titles, before = titles(good, capsys), digest(good)
    journal = (bytes.fromhex("d9d505f920a163d7") + (1).to_bytes(4, "big") + b"\x00" * 8
               + (0).to_bytes(4, "big") + (512).to_bytes(4, "big") + (4096).to_bytes(4, "big"))
    journal += b"\x00" * (512 - len(journal)) + (2).to_bytes(4, "big") + b"\xee" * 4100
    side(good, "-journal").write_bytes(journal)
    assert titles(good, capsys) == before_titles
    assert digest(good) == before
    assert (tmp_path / "library.sqlite3.rejected-journal").read_bytes() == journal


# -- refused, byte for byte untouched -------------------------------------------------------


def refused(path: Path, capsys, *command: str) -> str:
    before = digest(path)
    files = sorted(p.name for p in path.parent.iterdir())
    capsys.readouterr()
    code = main(["--db", str(path), *(command or ["import", str(SAMPLE)])])
    err = capsys.readouterr().err
    assert code == 1
    assert digest(path) == before, "a refused library was changed"
    assert sorted(p.name for p in path.parent.iterdir()) == files, "files appeared beside it"
    assert "Traceback" not in err and "left untouched" in err
    return err


def set_pragma(path: Path, sql: str) -> None:
    connection = sqlite3.connect(path)
    connection.executescript(sql)
    connection.close()
    for suffix in ("-wal", "-shm"):
        assert not side(path, suffix).exists()


@pytest.mark.parametrize(("version", "words"), [
    (-1, "its schema version is -1"), (-2147483648, "its schema version is -2147483648"),
    (0, "its schema version is 0"), (99, "was made by a newer notegui (schema 99"),
])
def test_a_library_with_a_schema_version_out_of_range_is_refused_untouched(
        good, capsys, version, words):
    set_pragma(good, f"PRAGMA user_version = {version}")
    for command in (["import", str(SAMPLE)], ["list"], ["check", "--repair"]):
        assert words in refused(good, capsys, *command)


@pytest.mark.parametrize("table", ["trash", "attachment"])  # (made by SQL, by Python)
def test_a_library_missing_a_table_of_its_schema_is_refused_untouched(good, capsys, table):
    set_pragma(good, f"DROP TABLE {table}")
    assert f"no table {table}" in refused(good, capsys)


def test_a_foreign_database_and_garbage_are_refused_untouched(tmp_path, capsys):
    other = tmp_path / "other.db"
    set_pragma(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1)")
    assert "not a notegui library" in refused(other, capsys)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    assert "not a notegui library" in refused(junk, capsys)


def test_refused_with_a_wal_that_is_no_better_everything_stays(good, tmp_path, capsys):
    """The library refused (schema -1) with a foreign WAL beside it: the WAL is put back,
    and neither file changes."""
    set_pragma(good, "PRAGMA user_version = -1")
    side(good, "-wal").write_bytes(leave_wal(tmp_path / "other.db", "CREATE TABLE t (x);"))
    wal = digest(side(good, "-wal"))
    refused(good, capsys, "list")
    assert digest(side(good, "-wal")) == wal


# -- damaged: read-only, every write refused ------------------------------------------------


def smash_note_table(path: Path) -> None:
    """Damage the note table's first page (its b-tree header)."""
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'note'"
                              ).fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size + 3] ^= 0x0F  # its count of cells
    path.write_bytes(bytes(data))


def smash_an_index(path: Path) -> None:
    """Damage the index of revisions (the notes, their links and search stay readable)."""
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = "
                              "'revision_note'").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 + 3] ^= 0x0F
    path.write_bytes(bytes(data))


def test_a_damaged_library_takes_no_write(good, capsys):
    smash_an_index(good)
    before = digest(good)
    for command in (["import", str(DEMO)], ["check", "--repair"]):
        capsys.readouterr()
        assert main(["--db", str(good), *command]) == 1
        err = capsys.readouterr().err
        assert "is damaged" in err and "nothing is written into it" in err
        assert "salvage" in err
    with SqliteLibrary(good) as library:
        assert library.health().damaged
        with pytest.raises(LibraryError, match="is damaged"):
            library.create_note("Can a note be written into a damaged library?")
        with pytest.raises(LibraryError, match="is damaged"):
            library.import_bytes(SAMPLE.read_bytes(), "sample.txt")
    assert digest(good) == before


def test_a_damaged_library_can_still_be_read_and_says_so(good, capsys):
    smash_an_index(good)
    before = digest(good)
    capsys.readouterr()
    assert main(["--db", str(good), "search", "reasoning"]) == 0
    out, err = capsys.readouterr()
    assert "reasoning" in out.lower()
    assert "is damaged" in err and "read-only" in err
    assert main(["--db", str(good), "show", SAMPLE.read_text().splitlines()[0]]) == 0
    assert main(["--db", str(good), "check"]) == 1
    out, err = capsys.readouterr()
    assert "problem: database:" in out and "cannot be repaired where it is" in out
    assert digest(good) == before


def test_a_library_whose_notes_cannot_be_read_says_so_without_a_traceback(good, capsys):
    smash_note_table(good)
    before = digest(good)
    capsys.readouterr()
    assert main(["--db", str(good), "list"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "salvage" in err
    assert "unexpected error" not in err and "Traceback" not in err
    assert digest(good) == before


def test_a_truncated_library_opens_read_only_or_is_refused_untouched(good, capsys):
    data = good.read_bytes()
    good.write_bytes(data[: len(data) * 2 // 3])
    before = digest(good)
    capsys.readouterr()
    code = main(["--db", str(good), "import", str(SAMPLE)])
    err = capsys.readouterr().err
    assert code == 1 and "damaged" in err and "Traceback" not in err
    assert digest(good) == before


def test_undecodable_text_is_shown_with_replacement_characters(good, capsys):
    title = SAMPLE.read_text().splitlines()[0]
    connection = sqlite3.connect(good)
    connection.execute("UPDATE note SET body = CAST(X'48c3ff49' AS TEXT), "
                       "summary = CAST(X'ff' AS TEXT) WHERE title = ?", (title,))
    connection.commit()
    connection.close()
    capsys.readouterr()
    assert main(["--db", str(good), "show", title]) == 0
    assert "H\ufffd\ufffdI" in capsys.readouterr().out
    assert main(["--db", str(good), "export", "--format", "json"]) == 0
    assert "H\ufffd\ufffdI" in capsys.readouterr().out
    assert main(["--db", str(good), "check"]) == 1
    out, err = capsys.readouterr()
    assert "decode" not in err.lower() and "Traceback" not in err
    assert f"note {title!r}: its summary and body hold bytes that are not UTF-8" in out


def test_a_large_library_is_checked_beside_and_refuses_writes_once_found_damaged(
        good, monkeypatch):
    smash_an_index(good)
    monkeypatch.setattr(integrity, "QUICK_CHECK_LIMIT", 0)
    with SqliteLibrary(good) as library:
        assert library.count() > 0  # (opened: the check runs on its own thread)
        with pytest.raises(LibraryError, match="is damaged"):
            list(library.import_paths([SAMPLE]))  # (an import waits for the check)
        assert library.health().damaged and not library.health().checking


# -- read-only places and full disks: their own words ---------------------------------------


def test_a_read_only_library_reads_and_says_why_it_cannot_repair(good, capsys, monkeypatch):
    reason = f"the folder {good.parent} is read-only"
    monkeypatch.setattr(database_file, "read_only_reason", lambda _path: reason)
    capsys.readouterr()
    assert main(["--db", str(good), "check"]) == 0
    out = capsys.readouterr().out
    assert "problem" not in out and "ok:" in out
    assert "nothing can be repaired" in out and reason in out
    assert main(["--db", str(good), "check", "--repair"]) == 1
    err = capsys.readouterr().err
    assert "cannot repair" in err and reason in err and "Traceback" not in err
    assert main(["--db", str(good), "import", str(SAMPLE)]) == 1
    assert reason in capsys.readouterr().err
    assert titles(good, capsys)


def error_with(code: int, message: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


def test_each_failure_has_its_own_words(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    assert "is full" in explain(error_with(13, "database or disk is full"), path)
    assert "another program is writing" in explain(error_with(5, "database is locked"), path)
    assert "is damaged" in explain(error_with(11, "database disk image is malformed"), path)
    monkeypatch.setattr(os, "access", lambda _path, _mode: False)
    assert f"the folder {tmp_path} is read-only" in explain(
        error_with(8, "attempt to write a readonly database"), path)
    assert "read-only" in explain(error_with(14 | (0 << 8), "unable to open database"), path)


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path):
    where = tmp_path / "disk"
    if not _mount_tmpfs(where, "600k"):
        pytest.skip("needs root and tmpfs to make a small or read-only disk")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_disk_is_said_to_be_full(tiny_disk, capsys):
    library = make_library(tiny_disk / "library.sqlite3")
    fd = os.open(tiny_disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk
        while os.write(fd, b"\x00" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    notes = tiny_disk.parent / "notes"
    notes.mkdir()
    for n in range(40):
        (notes / f"{n}.txt").write_text(f"Is note {n} too much for the disk?\n" + "word " * 4000)
    capsys.readouterr()
    code = main(["--db", str(library), "import", str(notes)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in err
    assert "is full" in out + err


def test_a_read_only_disk_opens_read_only(tiny_disk, capsys):
    library = make_library(tiny_disk / "library.sqlite3")
    expected = titles(library, capsys)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    assert titles(library, capsys) == expected
    assert main(["--db", str(library), "check", "--repair"]) == 1
    err = capsys.readouterr().err
    assert f"the folder {tiny_disk} is read-only" in err and "cannot repair" in err
    assert main(["--db", str(library), "check"]) == 0
    assert "problem" not in capsys.readouterr().out


# -- salvage ----------------------------------------------------------------------------------


def library_of_many(path: Path, count: int = 300) -> dict[str, str]:
    """A library of ``count`` notes, each body holding a marker; returns title -> body."""
    bodies = {f"Is note {n} kept after the damage?": f"MARKER-{n:04d} " + "text " * 200
              for n in range(count)}
    with SqliteLibrary(path) as library:
        for title, body in bodies.items():
            note_id, _ = library.create_note(title, summary=f"Summary {title}", body=body)
            library.set_tags(note_id, ["kept"])
    return bodies


def smash_page_holding(path: Path, marker: bytes) -> set[str]:
    """Damage the page of the note table that holds ``marker``; returns every marker on it."""
    data = bytearray(path.read_bytes())
    at = data.index(marker)
    page = at - at % 4096
    assert data[page] == 0x0D, "not a leaf page of a table"
    on_page = {m.decode() for m in re.findall(rb"MARKER-\d{4}", bytes(data[page:page + 4096]))}
    data[page:page + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    return on_page


def test_salvage_saves_every_note_that_can_still_be_read(tmp_path, capsys):
    damaged = tmp_path / "damaged.sqlite3"
    bodies = library_of_many(damaged)
    lost = smash_page_holding(damaged, b"MARKER-0150")
    before = digest(damaged)
    target = tmp_path / "saved.sqlite3"
    capsys.readouterr()
    assert main(["--db", str(damaged), "salvage", str(target)]) == 1  # (something was lost)
    out = capsys.readouterr().out
    assert f"notes: {len(bodies) - len(lost)} saved, {len(lost)} could not be read" in out
    assert "its check finds no problem" in out
    assert digest(damaged) == before  # only read
    with SqliteLibrary(target) as saved:
        assert saved.health().writable
        assert saved.count() == len(bodies) - len(lost)
        for title, body in bodies.items():
            note = saved.find(title)
            if body[:11] in lost:
                assert note is None
            else:
                assert note is not None and note.body == body and note.tags == ("kept",)
        assert saved.search("MARKER-0001")  # (the full-text index was remade)
        assert saved.check() == []
        saved.create_note("Can the salvaged library be written?")


def test_salvage_of_a_sound_library_loses_nothing(good, tmp_path, capsys):
    capsys.readouterr()
    assert main(["--db", str(good), "salvage", str(tmp_path / "copy.sqlite3")]) == 0
    assert "nothing was lost" in capsys.readouterr().out
    assert titles(tmp_path / "copy.sqlite3", capsys) == titles(good, capsys)


def test_salvage_never_writes_over_a_file(good, tmp_path, capsys):
    taken = tmp_path / "taken.sqlite3"
    taken.write_text("mine")
    assert main(["--db", str(good), "salvage", str(taken)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert taken.read_text() == "mine"
    assert main(["--db", str(good), "salvage", str(good)]) == 1
