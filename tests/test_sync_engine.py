"""Libraries synced through one bare git repository (sync/engine.py), as people use it: each
library edits, syncs, and sees the others' edits; nothing is lost, no conflict marker is
ever written into a note, and a conflict keeps both versions, listed on both sides."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bare_remote import bare_remote
from notegui.app import main
from notegui.core.sync_model import SyncError, SyncSettings
from notegui.store.library import SqliteLibrary
from notegui.sync.engine import GitSync, repository_path
from notegui.sync.repository import Repository
from sshd import SshServer, ssh_server

__all__ = ["ssh_server"]  # the fixture, used by name

BODY = ("The first paragraph says one thing.\n"
        "The second paragraph says another.\n"
        "The third paragraph ends it.")


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_remote(tmp_path / "remote.git")


class Side:
    """One library and its sync."""

    def __init__(self, path: Path, remote: Path) -> None:
        self.library = SqliteLibrary(path)
        self.sync = GitSync(self.library)
        self.sync.set_settings(SyncSettings(remote=str(remote)))

    def note(self, title: str):  # type: ignore[no-untyped-def]
        found = self.library.find(title)
        assert found is not None, f"{title!r} is not in {self.library.path.name}"
        return found

    def titles(self) -> list[str]:
        return sorted(ref.title for ref in self.library.iter_refs())

    def edit(self, which: str, **fields: str) -> None:
        note = self.note(which)
        self.library.save_note(
            note.id, fields.get("title", note.title),
            fields.get("description", note.description), fields.get("summary", note.summary),
            fields.get("body", note.body))

    def close(self) -> None:
        self.library.close()


@pytest.fixture
def sides(tmp_path: Path, remote: Path):  # type: ignore[no-untyped-def]
    made: list[Side] = []

    def side(name: str) -> Side:
        made.append(Side(tmp_path / f"{name}.sqlite3", remote))
        return made[-1]

    yield side
    for one in made:
        one.close()


def files(remote: Path) -> dict[str, bytes]:
    """The remote's main, path -> content."""
    repository = Repository.open_or_init(remote)
    head = repository.dulwich.refs[b"refs/heads/main"]
    return {path: repository.read(blob) for path, blob in repository.tree(head).items()}


def started(sides, *titles: str):  # type: ignore[no-untyped-def]
    """Library A with notes of ``titles`` (BODY each), synced; B synced from it."""
    a, b = sides("A"), sides("B")
    for title in titles:
        a.library.create_note(title, f"About {title}", "", BODY)
    a.sync.sync()
    b.sync.sync()
    assert b.titles() == a.titles()
    return a, b


def test_a_library_synced_to_an_empty_remote_is_a_vault_there_and_comes_back_whole(
        sides, remote, tmp_path, capsys):
    a, b = started(sides, "Why is the sky blue?", "How do tides work?")
    held = files(remote)
    assert sorted(held) == [".notegui-export.json", "How do tides work.md",
                            "Why is the sky blue.md"]
    text = held["Why is the sky blue.md"].decode()
    assert "notegui-id: " in text and "title: Why is the sky blue?" in text
    assert b.note("Why is the sky blue?").body == BODY
    assert b.library.check() == []
    # Nothing changed: a sync sends and receives nothing, and makes no commit.
    again = b.sync.sync()
    assert (again.sent, again.received, again.merged, again.commit) == (
        [], [], [], a.sync.sync().commit)
    # A clone is a notegui export: imported, its notes are a library's own again.
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    assert main(["--db", str(tmp_path / "C.sqlite3"), "import", str(clone)]) == 0
    capsys.readouterr()
    with SqliteLibrary(tmp_path / "C.sqlite3") as other:
        note = other.find("Why is the sky blue?")
        assert note is not None and note.path == "" and note.body == BODY


def test_disjoint_edits_on_two_libraries_meet_in_both(sides, remote):
    a, b = started(sides, "Why is the sky blue?", "How do tides work?")
    a.edit("Why is the sky blue?", description="Rayleigh, mostly.")
    b.edit("How do tides work?", summary="The moon pulls.")
    assert a.sync.sync().sent
    report = b.sync.sync()
    assert any("Why is the sky blue?" in line for line in report.received)
    a.sync.sync()
    for side in (a, b):
        assert side.note("Why is the sky blue?").description == "Rayleigh, mostly."
        assert side.note("How do tides work?").summary == "The moon pulls."
        assert side.library.check() == []


def test_edits_to_different_paragraphs_of_one_note_merge(sides):
    a, b = started(sides, "Why is the sky blue?")
    a.edit("Why is the sky blue?", body=BODY.replace("first paragraph", "opening paragraph"))
    b.edit("Why is the sky blue?", body=BODY.replace("third paragraph", "last paragraph"))
    a.sync.sync()
    report = b.sync.sync()
    assert report.merged and not report.conflicts
    a.sync.sync()
    merged = BODY.replace("first paragraph", "opening paragraph").replace(
        "third paragraph", "last paragraph")
    assert a.note("Why is the sky blue?").body == b.note("Why is the sky blue?").body == merged


def test_the_same_paragraph_edited_on_both_sides_keeps_both_and_lists_the_conflict(
        sides, capsys):
    a, b = started(sides, "Why is the sky blue?")
    a.edit("Why is the sky blue?", body=BODY.replace("says another", "says A's words"))
    b.edit("Why is the sky blue?", body=BODY.replace("says another", "says B's words"))
    a.sync.sync()
    report = b.sync.sync()
    assert report.conflicts
    note = b.note("Why is the sky blue?")
    assert "B's words" in note.body and "<<<<" not in note.body and "A's words" not in note.body
    kept = [r for r in b.library.revisions(note.id) if r.reason == "conflict"]
    assert kept and "A's words" in kept[0].body
    a.sync.sync()  # (A learns of the conflict from the remote)
    for side in (a, b):
        code = main(["--db", str(side.library.path), "sync", "--status", "--json"])
        status = json.loads(capsys.readouterr().out)
        assert code == 0
        [conflict] = status["conflicts"]
        assert conflict["title"] == "Why is the sky blue?"
        assert "A's words" in conflict["theirs"] + conflict["mine"]
        assert "B's words" in conflict["theirs"] + conflict["mine"]
    # Settled on B (theirs: A's words), it is gone on both sides, A's words everywhere.
    [conflict] = b.sync.status().conflicts
    b.sync.settle(conflict.uid, "theirs")
    b.sync.sync()
    a.sync.sync()
    for side in (a, b):
        assert side.sync.status().conflicts == ()
        assert "A's words" in side.note("Why is the sky blue?").body


def test_a_rename_on_one_side_and_an_edit_on_the_other_both_survive(sides):
    a, b = started(sides, "Why is the sky blue?")
    a.library.create_note("What makes sunsets red?", "", "",
                          "It is the same as [[Why is the sky blue?]].")
    a.sync.sync()
    b.sync.sync()
    a.edit("Why is the sky blue?", title="Why does the sky look blue?")
    b.edit("Why is the sky blue?", body=BODY.replace("third paragraph", "last paragraph"))
    a.sync.sync()
    b.sync.sync()
    a.sync.sync()
    for side in (a, b):
        note = side.note("Why does the sky look blue?")
        assert "last paragraph" in note.body
        assert side.library.find("Why is the sky blue?") is None
        assert "Why does the sky look blue?" in side.note("What makes sunsets red?").body
        assert side.library.check() == []


def test_an_edit_against_a_deletion_keeps_the_edited_note_and_says_so(sides):
    a, b = started(sides, "Why is the sky blue?", "How do tides work?")
    a.library.trash_note(a.note("Why is the sky blue?").id)
    b.edit("Why is the sky blue?", description="Edited while A deleted it.")
    a.sync.sync()
    report = b.sync.sync()
    assert any("the edit is kept" in line for line in report.merged + report.sent
               + report.received)
    a.sync.sync()
    for side in (a, b):
        assert side.note("Why is the sky blue?").description == "Edited while A deleted it."


def test_a_deletion_on_one_side_moves_the_note_to_the_trash_on_the_other(sides, remote):
    a, b = started(sides, "Why is the sky blue?", "How do tides work?")
    a.library.trash_note(a.note("How do tides work?").id)
    a.sync.sync()
    b.sync.sync()
    assert b.titles() == ["Why is the sky blue?"]
    assert [ref.title for ref in b.library.trashed()] == ["How do tides work?"]
    assert "How do tides work.md" not in files(remote)


def test_annotations_added_on_both_sides_are_both_kept(sides):
    a, b = started(sides, "Why is the sky blue?")
    for side, word in ((a, "first"), (b, "third")):
        note = side.note("Why is the sky blue?")
        start = note.body.index(word)
        side.library.add_annotation(note.id, word, "", "", start, start + len(word),
                                    comment=f"{side.library.path.stem}'s note")
    a.sync.sync()
    b.sync.sync()
    a.sync.sync()
    for side in (a, b):
        comments = sorted(x.comment for x in side.library.annotations(
            side.note("Why is the sky blue?").id))
        assert comments == ["A's note", "B's note"]


def test_a_file_edited_added_and_deleted_by_hand_in_a_clone_comes_in(sides, remote, tmp_path):
    a, b = started(sides, "Why is the sky blue?", "How do tides work?")
    clone = tmp_path / "clone"
    git = ["git", "-C", str(clone), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    path = clone / "Why is the sky blue.md"
    path.write_text(path.read_text().replace("third paragraph", "edited-by-hand paragraph"))
    (clone / "How do tides work.md").unlink()
    (clone / "What is a rainbow.md").write_text(
        "---\ntitle: What is a rainbow?\n---\n\n# What is a rainbow?\n\nLight, bent.\n")
    (clone / "Broken.md").write_bytes(b"---\ntitle: [unclosed\n---\nx\n")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "by hand"], check=True)
    subprocess.run([*git, "push", "-q", "origin", "HEAD:main"], check=True)
    report = a.sync.sync()
    assert any(line.startswith("Broken.md") for line in report.refused)
    assert "edited-by-hand" in a.note("Why is the sky blue?").body
    assert a.note("What is a rainbow?").body == "Light, bent."
    assert "How do tides work?" not in a.titles()
    assert "Broken.md" in files(remote)  # (left alone, never deleted)
    assert b"notegui-id" in files(remote)["What is a rainbow.md"]  # (it has an id now)
    b.sync.sync()
    assert b.titles() == a.titles()


def test_three_libraries_syncing_in_turn_converge(sides):
    a, b = started(sides, "Why is the sky blue?")
    c = sides("C")
    c.sync.sync()
    a.library.create_note("How do tides work?", "A's", "", "")
    b.library.create_note("What is a rainbow?", "B's", "", "")
    c.edit("Why is the sky blue?", description="C's")
    for _round in range(2):
        for side in (a, b, c):
            side.sync.sync()
    assert a.titles() == b.titles() == c.titles() == [
        "How do tides work?", "What is a rainbow?", "Why is the sky blue?"]
    assert {side.note("Why is the sky blue?").description for side in (a, b, c)} == {"C's"}


def test_an_unreachable_remote_changes_nothing_and_says_why(sides, tmp_path, capsys):
    a = sides("A")
    a.library.create_note("Why is the sky blue?", "", "", BODY)
    a.sync.set_settings(SyncSettings(remote=str(tmp_path / "nowhere.git")))
    with pytest.raises(SyncError) as raised:
        a.sync.sync()
    assert raised.value.kind in ("unreachable", "not-a-repository")
    assert a.sync.status().last_result
    code = main(["--db", str(a.library.path), "sync"])
    out = capsys.readouterr().out
    assert code == 1 and out.startswith("sync failed") and out.count("\n") == 1
    assert a.sync.status().ahead >= 0 and a.library.check() == []


_KILLER = """
import os, sys
from notegui.app import main
point = sys.argv[1]
if point == "before-push":
    from notegui.sync import transport
    real = transport.push
    def push(*args):
        os.kill(os.getpid(), 9)
    transport.push = push
elif point == "after-push":
    from notegui.sync import transport
    real = transport.push
    def push(*args):
        real(*args)
        os.kill(os.getpid(), 9)
    transport.push = push
elif point == "applying":
    from notegui.store import sync_writes
    real = sync_writes.write_note
    def write_note(*args, **kwargs):
        real(*args, **kwargs)
        os.kill(os.getpid(), 9)
    sync_writes.write_note = write_note
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("point", ["before-push", "after-push", "applying"])
def test_a_sync_killed_anywhere_is_completed_by_the_next(sides, remote, point, tmp_path):
    a, b = started(sides, "Why is the sky blue?", "How do tides work?")
    a.edit("Why is the sky blue?", body=BODY.replace("first", "A's first"))
    b.edit("How do tides work?", body=BODY.replace("third", "B's third"))
    b.edit("Why is the sky blue?", body=BODY.replace("third", "B's third"))
    b.sync.sync()
    a.library.close()
    killed = subprocess.run(
        [sys.executable, "-c", _KILLER, point, "--db", str(tmp_path / "A.sqlite3"), "sync"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    a.library = SqliteLibrary(tmp_path / "A.sqlite3")
    a.sync = GitSync(a.library)
    assert a.library.check() == []
    a.sync.sync()
    b.sync.sync()
    for side in (a, b):
        body = side.note("Why is the sky blue?").body
        assert "A's first" in body and "B's third" in body
        assert "B's third" in side.note("How do tides work?").body
        assert side.library.check() == []
    fsck = subprocess.run(["git", "-C", str(remote), "fsck", "--no-progress"],
                          capture_output=True, text=True)
    assert fsck.returncode == 0, fsck.stdout + fsck.stderr
    assert repository_path(a.library.path).is_dir()


@pytest.mark.parametrize("same_text", [True, False])
def test_a_note_made_apart_in_two_libraries_with_one_title_becomes_one_note(
        sides, same_text):
    a, b = sides("A"), sides("B")
    a.library.create_note("Why is the sky blue?", "Made in A.", "", BODY)
    a.sync.sync()
    b.library.create_note("Why is the sky blue?", "Made in A." if same_text else "Made in B.",
                          "", BODY)
    b.library.create_note("How do tides work?", "", "", "")
    report = b.sync.sync()
    a.sync.sync()
    for side in (a, b):
        assert side.titles() == ["How do tides work?", "Why is the sky blue?"]
        assert side.library.check() == []
    assert bool(report.conflicts) is not same_text
    if not same_text:  # (both texts kept: B's as the note, A's in its history)
        note = b.note("Why is the sky blue?")
        assert note.description == "Made in B."
        assert any(r.description == "Made in A." for r in b.library.revisions(note.id))
        assert [c.title for c in a.sync.status().conflicts] == ["Why is the sky blue?"]


def test_two_libraries_sync_through_a_real_ssh_remote(ssh_server: SshServer, tmp_path,
                                                     monkeypatch, capsys):
    """Over ssh as a user sets it up: an sshd on 127.0.0.1 serving a bare repository, the
    key given as GIT_SSH_COMMAND gives it (the agent and ~/.ssh otherwise)."""
    monkeypatch.setenv("GIT_SSH_COMMAND", ssh_server.command())
    a, b = (Side(tmp_path / f"{name}.sqlite3", Path("/nowhere")) for name in "AB")
    try:
        a.library.create_note("Why is the sky blue?", "", "", BODY)
        a.library.close()
        code = main(["--db", str(tmp_path / "A.sqlite3"), "sync", "--remote", ssh_server.url])
        assert code == 0, capsys.readouterr().out
        b.sync.set_settings(SyncSettings(remote=ssh_server.url))
        assert b.sync.sync().received
        assert b.note("Why is the sky blue?").body == BODY
        monkeypatch.setenv("GIT_SSH_COMMAND", ssh_server.command(ssh_server.other_key))
        with pytest.raises(SyncError) as refused:
            b.sync.sync()
        assert refused.value.kind == "auth"
    finally:
        b.close()


def test_a_vaults_notes_and_images_sync_at_their_paths(sides, remote, tmp_path):
    """A vault imported in one library reaches the other whole: notes at their paths with
    their links, images beside them (read by the other's answer pane), changes both ways."""
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(60))
    vault = tmp_path / "Garden"
    (vault / "assets").mkdir(parents=True)
    (vault / ".obsidian").mkdir()
    (vault / "Index.md").write_text("See [[Plants]].\n![[leaf.png]]\n")
    (vault / "Plants.md").write_text("---\ntags: [green]\n---\nBack to [[Index]].\n")
    (vault / "assets" / "leaf.png").write_bytes(png)
    a, b = sides("A"), sides("B")
    assert main(["--db", str(a.library.path), "import", str(vault)]) == 0
    a.sync.sync()
    assert files(remote)["Garden/assets/leaf.png"] == png
    b.sync.sync()
    assert b.library.attachment("Garden/assets/leaf.png") == png
    # (each note's links lead to the other note, not to a stub made while it was missing)
    assert sorted((r.title, r.path) for r in b.library.iter_refs()) == sorted(
        (r.title, r.path) for r in a.library.iter_refs())
    index = next(ref for ref in b.library.iter_refs() if ref.path == "Garden/Index.md")
    links = b.library.vault_links(index.id)
    assert any(t.note is not None and t.note.path == "Garden/Plants.md"
               for t in links.targets.values())
    # An image replaced in B comes to A.
    b.library.db.connection().execute(
        "UPDATE attachment SET data = ?, digest = 'changed' WHERE path = ?",
        (png + b"more", "Garden/assets/leaf.png"))
    assert any("leaf.png" in line for line in b.sync.sync().sent)
    a.sync.sync()
    assert a.library.attachment("Garden/assets/leaf.png") == png + b"more"


def test_a_vault_note_s_description_and_summary_sync_through_its_front_matter(
        sides, remote, tmp_path):
    vault = tmp_path / "Garden"
    vault.mkdir()
    (vault / "Roots.md").write_text("---\ndescription: What roots do\ntype: note\n---\n"
                                    "They drink.\n")
    a, b = sides("A"), sides("B")
    assert main(["--db", str(a.library.path), "import", str(vault)]) == 0
    a.sync.sync()
    b.sync.sync()
    assert b.note("Roots").description == "What roots do"  # (the vault's own, carried)
    a.edit("Roots", description="Where water comes in")
    a.sync.sync()
    block = yaml.safe_load(files(remote)["Garden/Roots.md"].decode().split("---\n")[1])
    assert block == {"description": "Where water comes in", "type": "note",
                     "notegui-id": block["notegui-id"]}
    b.sync.sync()
    assert b.note("Roots").description == "Where water comes in"
    b.edit("Roots", description="", summary="Roots: water in")
    b.sync.sync()
    a.sync.sync()
    roots = a.note("Roots")
    assert (roots.description, roots.summary, roots.body) == ("", "Roots: water in",
                                                              "They drink.\n")
    assert files(remote)["Garden/Roots.md"].decode().startswith(
        "---\ndescription: ''\ntype: note\nsummary: 'Roots: water in'\nnotegui-id: ")


def test_a_rename_on_one_side_and_an_edit_of_the_citing_paragraph_on_the_other(sides):
    a, b = started(sides, "Why is the sky blue?")
    a.library.create_note("What makes sunsets red?", "", "",
                          "First line.\nIt is the same as [[Why is the sky blue?]].\nLast.")
    a.sync.sync()
    b.sync.sync()
    a.edit("Why is the sky blue?", title="Why does the sky look blue?")  # (rewrites the cite)
    b.edit("What makes sunsets red?",
           body="First line.\nIt is much the same as [[Why is the sky blue?]].\nLast.")
    a.sync.sync()
    report = b.sync.sync()
    assert not report.conflicts
    a.sync.sync()
    for side in (a, b):
        assert side.note("What makes sunsets red?").body == (
            "First line.\nIt is much the same as [[Why does the sky look blue?]].\nLast.")


def test_the_sync_command_refuses_a_usage_it_cannot_follow_on_stderr(tmp_path, capsys):
    db = str(tmp_path / "A.sqlite3")
    assert main(["--db", db, "sync", "--json"]) == 2
    assert main(["--db", db, "sync", "--remote", "  "]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "--json goes with --status" in err and "--remote is empty" in err
    assert main(["--db", db, "sync"]) == 1  # (not set up: said, nothing changed)
    out, _err = capsys.readouterr()
    assert out.startswith("sync failed (not-set-up)")


def test_a_conflict_file_the_library_cannot_read_is_reported_and_left_alone(
        sides, remote, tmp_path):
    a = sides("A")
    a.library.create_note("Why is the sky blue?", "", "", BODY)
    a.sync.sync()
    clone = tmp_path / "clone"
    git = ["git", "-C", str(clone), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    junk = clone / ".notegui" / "conflicts" / ("0" * 32 + ".json")
    junk.parent.mkdir(parents=True)
    junk.write_text("{not json")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "junk"], check=True)
    subprocess.run([*git, "push", "-q", "origin", "HEAD:main"], check=True)
    assert any(line.startswith(".notegui/conflicts/") for line in a.sync.sync().refused)
    a.sync.sync()
    assert files(remote)[".notegui/conflicts/" + "0" * 32 + ".json"] == b"{not json"
    assert a.sync.status().conflicts == ()


def test_a_vault_note_read_in_spite_of_its_front_matter_is_taken_with_a_warning(
        sides, remote, tmp_path, capsys):
    """As an import takes it: the file's name as its title, and the reason said, naming
    the file and the line (before, the sync took it and said nothing)."""
    vault = tmp_path / "Garden"
    vault.mkdir()
    (vault / "Odd.md").write_text("---\ntitle: [unclosed\n---\nStill read.\n")
    (vault / "Fine.md").write_text("---\ntags: [green]\n---\nFine.\n")
    a = sides("A")
    assert main(["--db", str(a.library.path), "import", str(vault)]) == 0
    assert a.sync.sync().warned == []  # (nothing read from the remote: nothing to say)
    capsys.readouterr()
    code = main(["--db", str(tmp_path / "C.sqlite3"), "sync", "--remote", str(remote)])
    out = capsys.readouterr().out
    assert code == 0
    (warning,) = [line for line in out.splitlines() if line.startswith("warning ")]
    assert warning.startswith("warning Garden/Odd.md, line ") and "YAML" in warning
    assert "1 warning;" in out.splitlines()[-1]
    library = SqliteLibrary(tmp_path / "C.sqlite3")
    try:
        assert {ref.title for ref in library.iter_refs()} >= {"Odd", "Fine"}
    finally:
        library.close()


def test_two_titles_swapped_on_one_side_while_a_note_citing_both_is_edited_on_the_other(
        sides):
    a, b = started(sides, "Why is the sky blue?", "Why are sunsets red?")
    a.library.create_note("What is light?", "", "",
                          "First line.\nSee [[Why is the sky blue?]] and "
                          "[[Why are sunsets red?]].\nLast.")
    a.sync.sync()
    b.sync.sync()
    a.edit("Why is the sky blue?", title="Swapping?")  # (each rewrites the citing note)
    a.edit("Why are sunsets red?", title="Why is the sky blue?")
    a.edit("Swapping?", title="Why are sunsets red?")
    b.edit("What is light?", body="First line, edited.\nSee [[Why is the sky blue?]] and "
                                  "[[Why are sunsets red?]].\nLast.")
    a.sync.sync()
    report = b.sync.sync()
    assert not report.conflicts
    a.sync.sync()
    for side in (a, b):  # (the swap followed once: each citation names its note's new title)
        assert side.note("What is light?").body == (
            "First line, edited.\nSee [[Why are sunsets red?]] and "
            "[[Why is the sky blue?]].\nLast.")
        assert side.library.check() == []
