"""Notes changed on the other side only (sync/remote_side.py's ``held``): read once to know
what changed, held as their titles and their files' places, and read again a batch at a
time as the library takes them. What a library ends with must be what merging each of them
whole gave; and a sync receiving many changed notes holds a batch of them, not all."""

from __future__ import annotations

import shutil
import sqlite3
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from bare_remote import bare_remote
from notegui.app import main
from notegui.core import clock
from notegui.core.sync_model import SyncReport, SyncSettings
from notegui.store.library import SqliteLibrary
from notegui.sync import remote_side, sync_round
from notegui.sync.engine import GitSync

TITLES = [f"Question {n:02d}?" for n in range(10)]
TABLES = ("note", "link", "alias", "tag", "note_tag", "note_file", "annotation",
          "annotation_uid", "revision", "trash", "sync_id", "sync_note", "sync_conflict")


def _synced(library: SqliteLibrary, remote: Path) -> GitSync:
    sync = GitSync(library)
    sync.set_settings(SyncSettings(remote=str(remote)))
    return sync


@pytest.fixture
def changed_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Library B, synced, then a remote where library A edited, renamed (one a swap of two
    titles), deleted, annotated and tagged notes, its own and a vault's."""
    monkeypatch.setattr(clock, "utc_now", lambda: "2026-12-07T12:00:00Z")
    remote = bare_remote(tmp_path / "remote.git")
    vault = tmp_path / "Garden"
    vault.mkdir()
    (vault / "Index.md").write_text("See [[Plants]].\n")
    (vault / "Plants.md").write_text("---\ntags: [green]\n---\nBack to [[Index]].\n")
    with SqliteLibrary(tmp_path / "A.sqlite3") as a:
        assert main(["--db", str(a.path), "import", str(vault)]) == 0
        ids = {}
        for n, title in enumerate(TITLES):
            body = f"Question {n} is answered here.\nSee [[{TITLES[(n + 1) % 10]}]] too."
            ids[title], _ = a.create_note(title, f"About {n}", "", body)
        a_sync = _synced(a, remote)
        a_sync.sync()
        with SqliteLibrary(tmp_path / "B.sqlite3") as b:
            _synced(b, remote).sync()

        def edit(which: str, **fields: str) -> None:
            note = a.note(ids.get(which) or a.find(which).id)  # type: ignore[union-attr]
            values = {"title": note.title, "description": note.description,
                      "summary": note.summary, "body": note.body, **fields}
            a.save_note(note.id, values["title"], values["description"], values["summary"],
                        values["body"])

        edit("Question 01?", body="Question 1, answered again.\nSee [[Question 02?]].")
        edit("Question 02?", title="Question two?")
        edit("Question 03?", title="Question swap?")
        edit("Question 04?", title="Question 03?")
        edit("Question swap?", title="Question 04?")
        a.trash_note(ids["Question 05?"])
        body = a.note(ids["Question 06?"]).body
        start = body.index("answered")
        a.add_annotation(ids["Question 06?"], "answered", "", "", start, start + 8,
                         comment="seen there")
        a.set_tags(ids["Question 07?"], ["from-a"])
        edit("Plants", body="Back to [[Index]], now with roses.")
        a_sync.sync()
    return tmp_path


def _sync_copy(where: Path, name: str, whole: bool) -> tuple[SyncReport, dict[str, Any]]:
    """Library B's sync, in a copy of it and of the remote (``whole``: every note marked as
    changed here too, though it is not, so that each is merged whole)."""
    remote = where / f"{name}-remote.git"
    shutil.copytree(where / "remote.git", remote)
    path = where / f"{name}.sqlite3"
    shutil.copyfile(where / "B.sqlite3", path)
    shutil.copytree(where / "B.sqlite3.sync.git", where / f"{name}.sqlite3.sync.git")
    if whole:
        with sqlite3.connect(path) as connection:
            connection.execute("INSERT OR REPLACE INTO sync_dirty (note_id, mark) "
                               "SELECT id, 1 + (SELECT coalesce(max(mark), 0) FROM sync_dirty)"
                               " FROM note")
        connection.close()
    with SqliteLibrary(path) as library:
        sync = _synced(library, remote)
        report = sync.sync()
        assert library.check() == []
    with sqlite3.connect(path) as connection:
        rows = {table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(),
                              key=repr) for table in TABLES}
    connection.close()
    return report, rows


@pytest.mark.parametrize("batch", [1, 3, 2000])
def test_notes_changed_there_only_are_taken_as_merging_them_whole_would(
        changed_there: Path, monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    whole, whole_rows = _sync_copy(changed_there, "whole", whole=True)
    monkeypatch.setattr(remote_side, "BATCH", batch)
    monkeypatch.setattr(sync_round, "BATCH", batch)
    held, held_rows = _sync_copy(changed_there, "held", whole=False)
    assert held_rows == whole_rows
    assert (held.sent, held.conflicts, held.refused) == ([], [], [])
    assert len(held.received) == len(whole.received + whole.merged)
    assert {"Question two?: renamed from Question 02? (received)",
            "Question 01?: edited (received)", "Question 05?: deleted (received)",
            "Question 06?: annotations (received)", "Plants: edited (received)",
            } <= set(held.received)
    with SqliteLibrary(changed_there / "held.sqlite3") as library:
        swapped = library.find("Question 03?")
        assert swapped is not None and swapped.description == "About 4"
        cites = library.find("Question 01?")
        assert cites is not None and "[[Question two?]]" in cites.body
        deleted = library.find("Question 05?")
        assert deleted is not None and deleted.trashed  # (in the Trash, as deletions go)


def test_a_sync_receiving_many_changed_notes_holds_a_batch_of_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    remote = bare_remote(tmp_path / "remote.git")
    text = "A long answer that goes on. " * 1200  # (33 KB a note)
    with SqliteLibrary(tmp_path / "A.sqlite3") as a, \
            SqliteLibrary(tmp_path / "B.sqlite3") as b:
        ids = [a.create_note(f"Question {n}?", "", "", text)[0] for n in range(150)]
        a_sync, b_sync = _synced(a, remote), _synced(b, remote)
        a_sync.sync()
        b_sync.sync()
        for note_id in ids:
            note = a.note(note_id)
            a.save_note(note_id, note.title, "", "", note.body + "Edited there.")
        a_sync.sync()
        monkeypatch.setattr(remote_side, "BATCH", 10)
        monkeypatch.setattr(sync_round, "BATCH", 10)
        tracemalloc.start()
        try:
            report = b_sync.sync()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert len(report.received) == 150
        assert b.find("Question 149?").body.endswith("Edited there.")  # type: ignore[union-attr]
    # (the notes' texts come to 5 MB; held whole on both sides of their change, 10 MB)
    assert peak < 150 * len(text)
