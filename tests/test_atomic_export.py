"""A markdown export is swapped in whole (issue 14, item 12): a real `notegui export` killed
with SIGKILL at any step leaves the folder as it was or complete, the next export settles
what the killed one left beside it, and what the user keeps in the folder is never lost."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notegui.core import files
from notegui.core.files import MANIFEST, write_folder
from notegui.store.library import SqliteLibrary

HERE = Path(__file__).resolve().parent
A, B, C, D = ("Why is the sky blue?", "Why is the sea salty?", "How do tides work?",
              "What makes rain fall?")

Tree = dict[str, object]


def note(title: str, body: str) -> bytes:
    return f"{title}\nA description.\n{body}\n".encode()


def make_library(path: Path, notes: dict[str, str]) -> Path:
    with SqliteLibrary(path) as library:
        for title, body in notes.items():
            assert library.import_bytes(note(title, body), f"{title}.txt").status == "imported"
    return path


def snapshot(folder: Path) -> Tree:
    """Every entry under ``folder``: a file's bytes, a link's target, a folder as 'dir', the
    manifest's list of files."""
    tree: Tree = {}
    for root, dirs, names in os.walk(folder):
        for name in dirs + names:
            path = Path(root, name)
            key = str(path.relative_to(folder))
            if path.is_symlink():
                tree[key] = ("link", os.readlink(path))
            elif path.is_dir():
                tree[key] = "dir"
            elif key == MANIFEST:  # its serial counts the exports: its list is the state
                tree[key] = json.loads(path.read_bytes())["files"]
            else:
                tree[key] = path.read_bytes()
    return tree


def export(db: Path, folder: Path, kill_at: int = 0, trace: Path | None = None
           ) -> subprocess.CompletedProcess[str]:
    trace = trace or folder.parent.with_name(folder.parent.name + "-trace.txt")
    return subprocess.run(
        [sys.executable, str(HERE / "export_killer.py"), str(kill_at), str(trace), "--",
         "--db", str(db), "export", "--format", "markdown", "-o", str(folder)],
        capture_output=True, text=True, timeout=120)


def add_user_files(vault: Path) -> None:
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "app.json").write_text('{"theme": "dark"}')
    (vault / "attachments" / "deep").mkdir(parents=True)
    (vault / "attachments" / "deep" / "pic.png").write_bytes(b"\x89PNG not really")
    (vault / "My own note.md").write_text("mine, not notegui's")
    (vault / "link to mine").symlink_to("My own note.md")


@pytest.fixture
def scene(tmp_path: Path) -> dict[str, Path]:
    """An old export with the user's files in it, a newer library (a note edited, one gone,
    one new), the old folder kept aside, and the complete new folder made without a kill."""
    old_db = make_library(tmp_path / "old.db", {A: "Rayleigh.", B: "Rivers.", C: "The moon."})
    new_db = make_library(tmp_path / "new.db", {A: "Rayleigh scattering, edited.",
                                                C: "The moon.", D: "Condensation."})
    work = tmp_path / "work"
    work.mkdir()
    vault = work / "vault"
    assert export(old_db, vault).returncode == 0
    add_user_files(vault)
    pristine = tmp_path / "pristine"
    shutil.copytree(vault, pristine, symlinks=True)
    complete = tmp_path / "complete-work" / "vault"
    shutil.copytree(vault, complete, symlinks=True)
    done = export(new_db, complete)
    assert done.returncode == 0, done.stderr
    return {"db": new_db, "vault": vault, "pristine": pristine, "complete": complete,
            "work": work}


def test_an_export_replaces_notegui_files_and_keeps_the_users(scene):
    complete = snapshot(scene["complete"])
    old = snapshot(scene["pristine"])
    assert f"{B}.md".replace("?", "") not in complete  # the note that is gone
    assert "What makes rain fall.md" in complete
    assert b"edited" in complete["Why is the sky blue.md"]
    for mine in (".obsidian/app.json", "attachments/deep/pic.png", "My own note.md",
                 "link to mine"):
        assert complete[mine] == old[mine]
    # Unchanged notes are linked, not rewritten: their file is the same file.
    tides = "How do tides work.md"
    assert complete[tides] == old[tides]


def test_an_unchanged_note_keeps_its_file(scene, tmp_path):
    vault = scene["vault"]
    before = os.stat(vault / "How do tides work.md")
    assert export(scene["db"], vault).returncode == 0
    after = os.stat(vault / "How do tides work.md")
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def kill_points(trace: Path) -> list[int]:
    """Steps to kill at: the first, around the swap, the last, and some between."""
    steps = trace.read_text().split()
    swap = steps.index("exchange") + 1 if "exchange" in steps else len(steps) // 2
    chosen = {1, 2, swap - 1, swap, swap + 1, swap + 2, len(steps)}
    chosen.update(range(3, len(steps), max(1, len(steps) // 4)))
    return sorted(point for point in chosen if 1 <= point <= len(steps))


def test_a_killed_export_leaves_the_folder_old_or_complete(scene):
    db, vault, work = scene["db"], scene["vault"], scene["work"]
    old, complete = snapshot(scene["pristine"]), snapshot(scene["complete"])
    trace = work.parent / "first-trace.txt"
    assert export(db, vault, trace=trace).returncode == 0  # counts the steps
    assert snapshot(vault) == complete
    points = kill_points(trace)
    assert len(points) >= 8
    outcomes = set()
    for point in points:
        shutil.rmtree(vault)
        shutil.copytree(scene["pristine"], vault, symlinks=True)
        killed = export(db, vault, kill_at=point)
        assert killed.returncode == -9, (point, killed.stderr)
        state = snapshot(vault)
        assert state in (old, complete), f"killed at step {point}: a mix"
        outcomes.add("old" if state == old else "complete")
        # The next export settles the leftovers beside the folder and completes it.
        again = export(db, vault)
        assert again.returncode == 0, again.stderr
        assert snapshot(vault) == complete, f"after a kill at step {point}"
        assert sorted(p.name for p in work.iterdir()) == ["vault"]
    assert outcomes == {"old", "complete"}  # kills landed both before and after the swap


def test_a_kill_between_two_renames_is_settled(scene, monkeypatch):
    """Where no one-step swap exists the folder is moved aside, then the new one in: a kill
    between the two is finished at the next export."""
    vault, complete = scene["vault"], snapshot(scene["complete"])
    monkeypatch.setattr(files, "_exchange", lambda first, second: False)
    calls = []
    real_rename = os.rename

    def dying_rename(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stands for the kill: the second rename never happens
        real_rename(source, target)

    monkeypatch.setattr(files.os, "rename", dying_rename)
    with SqliteLibrary(scene["db"]) as library:
        from notegui.core.formats import markdown_vault
        contents = markdown_vault.to_files(library.document())
    with pytest.raises(KeyboardInterrupt):
        write_folder(vault, contents)
    monkeypatch.setattr(files.os, "rename", real_rename)
    assert not vault.exists()
    written = write_folder(vault, contents)
    assert written.atomic
    assert snapshot(vault) == complete
    assert sorted(p.name for p in scene["work"].iterdir()) == ["vault"]


def test_a_file_the_user_edited_is_kept_when_its_note_is_gone(scene):
    vault = scene["vault"]
    salty = vault / "Why is the sea salty.md"
    salty.write_text("my own words now")
    assert export(scene["db"], vault).returncode == 0
    assert salty.read_text() == "my own words now"
    assert (vault / MANIFEST).exists()


def test_a_folder_that_cannot_be_swapped_is_written_file_by_file(scene, monkeypatch):
    vault, complete = scene["vault"], snapshot(scene["complete"])

    def no_links(*args, **kwargs):
        raise OSError(1, "Operation not permitted")  # EPERM: a file system without links

    monkeypatch.setattr(files.os, "link", no_links)
    with SqliteLibrary(scene["db"]) as library:
        from notegui.core.formats import markdown_vault
        contents = markdown_vault.to_files(library.document())
    written = write_folder(vault, contents)
    assert not written.atomic and written.why == "Operation not permitted"
    assert snapshot(vault) == complete
    assert sorted(p.name for p in scene["work"].iterdir()) == ["vault"]
