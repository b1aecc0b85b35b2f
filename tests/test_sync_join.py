"""A library joining a remote (its first sync receives every note there): the notes it has
never known are read once to be known, held as their files' places only, and read again a
batch at a time as the library takes them (sync/remote_side.py). What it ends with must be
what reading them all whole gave: the same rows, the same report, bad files refused by
path, files without an id given one."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bare_remote import bare_remote
from notegui.app import main
from notegui.core import clock
from notegui.core.sync_model import SyncReport, SyncSettings
from notegui.store import sync_rows
from notegui.store.library import SqliteLibrary
from notegui.sync import remote_side, sync_round
from notegui.sync.engine import GitSync

TITLES = [f"Question {n:02d}?" for n in range(12)]
# Every table a sync writes (times are made equal by a fixed clock; the base commit, the
# last sync's time and the remote, each join's own copy, are left out of its state).
TABLES = ("note", "link", "alias", "tag", "note_tag", "note_file", "annotation",
          "annotation_uid", "revision", "trash", "attachment", "sync_id", "sync_note",
          "sync_conflict", "sync_dirty")


def _push_by_hand(remote: Path, where: Path, files: dict[str, bytes]) -> None:
    """Files added to the remote as another tool would: a clone, a commit, a push."""
    git = ["git", "-C", str(where), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "clone", "-q", str(remote), str(where)], check=True)
    for name, data in files.items():
        (where / name).write_bytes(data)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "by hand"], check=True)
    subprocess.run([*git, "push", "-q", "origin", "HEAD:main"], check=True)


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """A remote of twelve notes citing each other (some tagged, some annotated), a vault's
    notes linking each other and its image, then files added by hand: one without an id,
    two that cannot be read, among the others."""
    remote = bare_remote(tmp_path / "remote.git")
    vault = tmp_path / "Garden"
    (vault / "assets").mkdir(parents=True)
    (vault / "Index.md").write_text("See [[Plants]].\n![[leaf.png]]\n")
    (vault / "Plants.md").write_text("---\ntags: [green]\n---\nBack to [[Index]].\n")
    (vault / "Trees.md").write_text("Beside [[Plants]].\n")
    (vault / "assets" / "leaf.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(40)))
    with SqliteLibrary(tmp_path / "A.sqlite3") as library:
        assert main(["--db", str(library.path), "import", str(vault)]) == 0
        for n, title in enumerate(TITLES):
            cited = TITLES[(n + 1) % len(TITLES)]
            body = f"Question {n} is answered here.\nSee [[{cited}]] for the rest."
            note_id, _ = library.create_note(title, f"About {n}", f"Summary {n}", body)
            if n % 3 == 0:
                library.set_tags(note_id, ["tag-a", f"t{n}"])
            if n % 4 == 0:
                start = body.index("answered")
                library.add_annotation(note_id, "answered", "", "", start, start + 8,
                                       comment=f"mark {n}")
        sync = GitSync(library)
        sync.set_settings(SyncSettings(remote=str(remote)))
        sync.sync()
    _push_by_hand(remote, tmp_path / "clone", {
        "Question 05 b.md": b"---\ntitle: [unclosed\n---\nx\n",
        "Question 07 b.md": b"---\ntitle: Not text\n---\n\xff\xfe\n",
        "Made by hand.md": b"---\ntitle: Made by hand?\n---\n\n# Made by hand?\n\nIt is.\n",
    })
    return remote


def _join(tmp_path: Path, remote: Path, name: str) -> tuple[SyncReport, dict[str, Any]]:
    """A new library's first sync with its own copy of ``remote``: its report and rows."""
    copy = tmp_path / f"{name}-remote.git"
    shutil.copytree(remote, copy)
    path = tmp_path / f"{name}.sqlite3"
    with SqliteLibrary(path) as library:
        sync = GitSync(library)
        sync.set_settings(SyncSettings(remote=str(copy)))
        report = sync.sync()
        assert library.check() == []
    with sqlite3.connect(path) as connection:
        rows: dict[str, Any] = {table: sorted(
            connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in TABLES}
        rows["sync_state"] = sorted(connection.execute(
            "SELECT * FROM sync_state WHERE name NOT IN ('base', 'last_sync', 'remote')",
        ).fetchall())
    return report, rows


def _steady(monkeypatch: pytest.MonkeyPatch) -> None:
    """One time for every stamp, and uids given in turn: two joins write the same rows."""
    monkeypatch.setattr(clock, "utc_now", lambda: "2026-12-07T12:00:00Z")
    given = iter(range(1, 1000))
    monkeypatch.setattr(remote_side.uuid, "uuid4", lambda: uuid.UUID(int=next(given)))


@pytest.mark.parametrize("batch", [1, 3, 2000])
def test_a_library_joining_ends_as_reading_every_note_whole_made_it(
        tmp_path, remote, monkeypatch, batch):
    _steady(monkeypatch)
    with monkeypatch.context() as whole:  # (every note known: each read and held whole)
        whole.setattr(sync_rows, "known_uids", lambda _connection, uids: set(uids))
        expected, expected_rows = _join(tmp_path, remote, "whole")
    _steady(monkeypatch)
    monkeypatch.setattr(remote_side, "BATCH", batch)
    monkeypatch.setattr(sync_round, "BATCH", batch)
    report, rows = _join(tmp_path, remote, "joined")
    # (the vault's three notes and its image, the file made by hand; no stub)
    assert len(expected.received) == len(TITLES) + 5
    assert (report.sent, report.received, report.merged, report.conflicts, report.refused,
            report.changed) == (expected.sent, expected.received, expected.merged,
                                expected.conflicts, expected.refused, expected.changed)
    assert rows == expected_rows


def test_a_joining_library_takes_the_notes_a_batch_at_a_time_and_refuses_bad_files(
        tmp_path, remote, monkeypatch):
    monkeypatch.setattr(remote_side, "BATCH", 3)
    monkeypatch.setattr(sync_round, "BATCH", 3)
    applied: list[sync_rows.Applied] = []
    batches: list[int] = []
    real = sync_rows.apply

    def counted(connection: sqlite3.Connection, changes: sync_rows.Applied) -> set[int]:
        def each() -> Any:
            for batch in changes.received:
                batches.append(len(batch))
                yield batch
        applied.append(changes)
        return real(connection, replace(changes, received=each()))

    monkeypatch.setattr(sync_rows, "apply", counted)
    report, _rows = _join(tmp_path, remote, "B")
    # Only the file without an id was held whole (it is written again, with one).
    assert [note.title for note in applied[0].notes] == ["Made by hand?"]
    assert batches == [3, 3, 3, 3, 3]  # (12 notes and the vault's 3)
    assert [line.split(":")[0] for line in report.refused] == [
        "Question 05 b.md", "Question 07 b.md"]
    assert "not YAML" in report.refused[0] and "UTF-8" in report.refused[1]
    assert "Made by hand?: new (received)" in report.received
    with SqliteLibrary(tmp_path / "B.sqlite3") as library:
        titles = {ref.title for ref in library.iter_refs()}
        assert {*TITLES, "Made by hand?", "Index", "Plants", "Trees"} <= titles
        note = library.find("Question 04?")
        assert note is not None and note.body.endswith("See [[Question 05?]] for the rest.")
        assert [a.comment for a in library.annotations(note.id)] == ["mark 4"]


def test_a_note_received_citing_one_renamed_here_follows_the_rename(tmp_path):
    remote = bare_remote(tmp_path / "remote.git")
    sides = []
    for name in ("A", "B"):
        library = SqliteLibrary(tmp_path / f"{name}.sqlite3")
        sync = GitSync(library)
        sync.set_settings(SyncSettings(remote=str(remote)))
        sides.append((library, sync))
    (a, a_sync), (b, b_sync) = sides
    try:
        a.create_note("Why is the sky blue?", "Rayleigh.", "", "Light scatters.")
        a_sync.sync()
        b_sync.sync()
        a.create_note("How do sunsets work?", "", "", "Much as [[Why is the sky blue?]].")
        a_sync.sync()
        held = b.find("Why is the sky blue?")
        assert held is not None
        b.save_note(held.id, "Why does the sky look blue?", held.description, held.summary,
                    held.body)
        b_sync.sync()  # (the new note is received here while the note it cites is renamed)
        a_sync.sync()
        for library in (a, b):
            note = library.find("How do sunsets work?")
            assert note is not None
            assert note.body == "Much as [[Why does the sky look blue?]]."
            assert library.find("Why is the sky blue?") is None
            assert library.check() == []
    finally:
        a.close()
        b.close()
