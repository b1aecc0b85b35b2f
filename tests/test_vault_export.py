"""The markdown export of notes read from a markdown folder (issue 17, points 1 and 3): each
written at its own path with its body as it was, its front matter as it was unless its
title, aliases, tags, description or summary changed in notegui; images at their paths;
the manifest covers them. And the question-note text export refuses what the format cannot hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLE
from notegui.app import main
from notegui.core.files import MANIFEST
from notegui.core.formats import vault_export
from notegui.core.formats.document import NoteRecord
from notegui.core.formats.export_names import safe_segment, vault_file_names
from notegui.core.vault import front_matter, read_vault
from notegui.core.vault.model import VaultFile
from notegui.core.vault.reader import note_of
from notegui.store.library import SqliteLibrary
from vault_rows import add_attachment, add_stub, add_vault_note

FRONT = "title: Home page\nstatus: draft\naliases:\n- Start\ntags: [one]\ncreated: 2020-01-02\n"
BODY = "# Home\n\nSee [[Other]] and ![[pic.png]] #two\n\n```\n[[not a link]]\n```\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def export(capsys, db: Path, out: Path, *extra: str) -> tuple[int, str]:
    code = main(["--db", str(db), "export", "--format", "markdown", "-o", str(out), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def read_back(folder: Path, vault: str) -> dict[str, VaultFile]:
    """The exported vault folder read as notegui reads a vault (plain markdown rules)."""
    return {item.path: item for item in read_vault(folder / vault, vault, kind="markdown")
            if isinstance(item, VaultFile)}


@pytest.fixture
def vault_library(library_path: Path) -> Path:
    with SqliteLibrary(library_path) as library:
        add_vault_note(library, "notes/Home.md", "Home page", BODY, FRONT, ["Start"],
                       ["one", "two"])
        add_vault_note(library, "notes/sub/Other.md", "Other", "Plain text.\n")
        add_vault_note(library, "notes/a/Other.md", "Other", "Same name, other folder.\n",
                       "tags: x\n", (), ["x"])
        add_attachment(library, "notes/img/pic.png", PNG)
    return library_path


def test_vault_notes_are_written_at_their_paths_as_they_were_read(
        capsys, vault_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, said = export(capsys, vault_library, out)
    assert code == 0, said
    assert "wrote 3 notes and 1 image" in said
    # unchanged notes: the file as it was (front matter verbatim, body verbatim)
    assert (out / "notes/Home.md").read_text(encoding="utf-8") == f"---\n{FRONT}---\n{BODY}"
    assert (out / "notes/sub/Other.md").read_text(encoding="utf-8") == "Plain text.\n"
    assert (out / "notes/a/Other.md").read_text(encoding="utf-8") == (
        "---\ntags: x\n---\nSame name, other folder.\n")
    assert (out / "notes/img/pic.png").read_bytes() == PNG
    # the manifest lists them with the library's own notes' files
    listed = yaml.safe_load((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert {"notes/Home.md", "notes/sub/Other.md", "notes/a/Other.md",
            "notes/img/pic.png"} <= set(listed)
    found = read_back(out, "notes")
    assert found["notes/Home.md"].title == "Home page"
    assert set(found["notes/Home.md"].tags) == {"one", "two"}
    assert found["notes/Home.md"].aliases == ("Start",)


def test_changed_tags_rewrite_the_block_keeping_the_other_keys_in_order(
        capsys, vault_library: Path, tmp_path: Path) -> None:
    with SqliteLibrary(vault_library) as library:
        home = next(r for r in library.iter_refs() if r.path == "notes/Home.md")
        library.set_tags(home.id, ["two", "three"])
    out = tmp_path / "out"
    assert export(capsys, vault_library, out)[0] == 0
    text = (out / "notes/Home.md").read_text(encoding="utf-8")
    block = text.split("---\n")[1]
    assert text.endswith("---\n" + BODY)  # the body as it was
    fields = yaml.safe_load(block)
    assert list(fields) == ["title", "status", "aliases", "tags", "created"]
    assert fields["status"] == "draft" and str(fields["created"]) == "2020-01-02"
    assert set(fields["tags"]) == {"two", "three"}
    note = read_back(out, "notes")["notes/Home.md"]
    assert (note.title, note.aliases, set(note.tags)) == ("Home page", ("Start",),
                                                          {"two", "three"})


def test_a_note_without_front_matter_gains_one_only_when_it_needs_it() -> None:
    plain = NoteRecord("Other", "", "", "Text.\n", path="v/Other.md")
    assert vault_export.note_text(plain, "v/Other.md") == "Text.\n"
    renamed = NoteRecord("Why?", "", "", "Text.\n", path="v/Why?.md", tags=("t",))
    written = vault_export.note_text(renamed, "v/Why .md")
    assert yaml.safe_load(written.split("---\n")[1]) == {"title": "Why?", "tags": ["t"]}
    # a body that would read as front matter gets an empty block before it
    tricky = NoteRecord("x", "", "", "---\na: 1\n---\ntext\n", path="v/x.md")
    assert vault_export.note_text(tricky, "v/x.md") == "---\n---\n---\na: 1\n---\ntext\n"


def test_a_bad_block_rewritten_keeps_its_lines_as_comments() -> None:
    note = NoteRecord("Renamed", "", "", "Body\n", path="v/x.md",
                      front_matter="title: [unclosed\nkeep: me\n")
    block = vault_export.note_text(note, "v/x.md").split("---\n")[1]
    assert yaml.safe_load(block) == {"title": "Renamed"}
    assert "# keep: me" in block


def test_a_description_and_summary_are_written_where_the_block_had_them() -> None:
    front = "title: Home\ndescription: Old words\nstatus: draft\n"
    same = NoteRecord("Home", "Old words", "", "Body\n", path="v/x.md", front_matter=front)
    assert vault_export.block_of(same, "v/x.md") == front  # (verbatim: nothing changed)
    edited = NoteRecord("Home", "New: words", "Sums it up", "Body\n", path="v/x.md",
                        front_matter=front)
    block = vault_export.block_of(edited, "v/x.md")
    assert list(yaml.safe_load(block).items()) == [
        ("title", "Home"), ("description", "New: words"), ("status", "draft"),
        ("summary", "Sums it up")]
    # Emptied: written '' at its key (reads back as none), not added when it was not there.
    emptied = NoteRecord("Home", "", "", "Body\n", path="v/x.md", front_matter=front)
    assert yaml.safe_load(vault_export.block_of(emptied, "v/x.md")) == {
        "title": "Home", "description": "", "status": "draft"}


def test_a_description_that_is_not_text_is_kept_until_one_is_typed() -> None:
    front = "description: 42\ntags: [a]\n"
    renamed = NoteRecord("Renamed", "", "", "Body\n", path="v/x.md", front_matter=front)
    assert yaml.safe_load(vault_export.block_of(renamed, "v/x.md")) == {
        "description": 42, "tags": [], "title": "Renamed"}
    typed = NoteRecord("x", "Words", "", "Body\n", path="v/x.md", front_matter=front,
                       tags=("a",))
    assert yaml.safe_load(vault_export.block_of(typed, "v/x.md")) == {
        "description": "Words", "tags": ["a"]}


@pytest.mark.parametrize("text", ["", "plain", "a: b", "'quoted'", "- dash", "#hash", "42",
                                  "yes", "  ", "x\u2028y", "\"", "é ü 漢字", "ends:"])
def test_every_description_reads_back_from_the_written_file(tmp_path: Path, text: str) -> None:
    text = text.strip()
    note = NoteRecord("n", text, text, "Body\n", path="v/n.md", front_matter="k: v\n")
    (tmp_path / "v").mkdir()
    (tmp_path / "v" / "n.md").write_text(vault_export.note_text(note, "v/n.md"), "utf-8")
    found = read_back(tmp_path, "v")["v/n.md"]
    assert (found.description, found.summary, found.problems) == (text, text, ())


_LINE = st.text(st.characters(codec="utf-8", exclude_characters="\n\r\x00",
                              exclude_categories=("Cs",)), max_size=12).map(str.strip)
_BLOCKS = st.dictionaries(st.sampled_from(["description", "summary", "tags", "x"]),
                          st.one_of(_LINE, st.integers(), st.lists(_LINE, max_size=2)),
                          max_size=3).map(lambda keys: yaml.safe_dump(keys) if keys else "")


@settings(max_examples=200, deadline=None)
@given(_BLOCKS, _LINE, _LINE)
def test_any_description_and_summary_read_back_and_the_block_is_then_kept(
        block: str, description: str, summary: str) -> None:
    note = NoteRecord("n", description, summary, "Body\n", path="v/n.md", front_matter=block)
    parts = front_matter.split(vault_export.note_text(note, "v/n.md"))
    read = note_of(parts.yaml_text, parts.body, "v/n.md")
    assert (read.description, read.summary, read.body) == (description, summary, "Body\n")
    again = NoteRecord("n", description, summary, "Body\n", path="v/n.md",
                       front_matter=parts.yaml_text, tags=read.tags)
    assert vault_export.block_of(again, "v/n.md") == parts.yaml_text  # (written once)


def test_names_change_only_where_some_system_refuses_them() -> None:
    for name in ("Home.md", "C# notes.md", "a [[b]] ^c.md", "été.md", "x.y.md"):
        assert safe_segment(name) == name
    assert safe_segment("a:b?.md") == "a b.md"
    assert safe_segment("con.md") == "con_.md"
    assert safe_segment("trailing. .md") == "trailing.md"
    assert len(safe_segment("é" * 300 + ".md").encode()) <= 245
    names = vault_file_names(["v/a:b.md", "v/a b.md", "v/A B.md"])
    # the unchanged paths first (then code point order) keep theirs
    assert names["v/A B.md"] == "v/A B.md"
    assert names["v/a b.md"].startswith("v/a b (") and names["v/a:b.md"].startswith("v/a b (")
    assert len({name.casefold() for name in names.values()}) == 3


def test_a_renamed_file_keeps_its_title(capsys, library_path: Path, tmp_path: Path) -> None:
    with SqliteLibrary(library_path) as library:
        add_vault_note(library, "v/What: now?.md", "What: now?", "Text.\n")
        add_vault_note(library, "v/con.md", "con", "Reserved.\n")
    out = tmp_path / "out"
    assert export(capsys, library_path, out)[0] == 0
    found = read_back(out, "v")
    assert {note.title for note in found.values()} == {"What: now?", "con"}
    assert sorted(found) == ["v/What now.md", "v/con_.md"]


def test_export_again_removes_files_of_deleted_notes_and_leaves_others(
        capsys, vault_library: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert export(capsys, vault_library, out)[0] == 0
    (out / "notes" / "mine.md").write_text("my own file\n", encoding="utf-8")
    with SqliteLibrary(vault_library) as library:
        other = next(r for r in library.iter_refs() if r.path == "notes/a/Other.md")
        library.trash_note(other.id)
    code, said = export(capsys, vault_library, out)
    assert code == 0, said
    assert "1 of deleted or renamed notes removed" in said
    assert not (out / "notes/a/Other.md").exists()
    assert (out / "notes/mine.md").read_text(encoding="utf-8") == "my own file\n"
    assert (out / "notes/img/pic.png").read_bytes() == PNG


def test_text_export_refuses_a_vault_note_naming_the_formats(
        capsys, vault_library: Path) -> None:
    code = main(["--db", str(vault_library), "export", "--format", "text", "--note", "Other"])
    err = capsys.readouterr().err
    assert code == 1
    assert "read from a markdown folder" in err and "markdown or json" in err
    assert "Traceback" not in err


def test_a_library_with_aliases_is_sound(capsys, vault_library: Path) -> None:
    """SQLite 3.40's integrity check misread the alias table (its key's columns after
    another): every library with an alias opened as damaged and read-only."""
    with SqliteLibrary(vault_library) as library:
        assert not library.health().damaged
        assert library.db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_text_export_refuses_a_title_that_is_not_a_question(capsys, library_path: Path) -> None:
    with SqliteLibrary(library_path) as library:
        add_stub(library, "Missing note")  # (what a vault's link to nothing makes)
    code = main(["--db", str(library_path), "export", "--format", "text", "--note",
                 "Missing note"])
    err = capsys.readouterr().err
    assert code == 1
    assert "not a question ending in '?'" in err and "markdown or json" in err


def test_bulk_text_export_refuses_each_note_it_cannot_hold_and_writes_the_rest(
        capsys, library_path: Path, tmp_path: Path) -> None:
    assert main(["--db", str(library_path), "import", str(SAMPLE)]) == 0
    with SqliteLibrary(library_path) as library:
        add_vault_note(library, "notes/Home.md", "Home page", BODY, FRONT)
        plain = add_stub(library, "Plain note")
        with library.db.atomic():
            library.db.execute_sql("UPDATE note SET body = 'Text.' WHERE id = ?", (plain,))
    capsys.readouterr()
    out = tmp_path / "texts"
    code = main(["--db", str(library_path), "export", "--format", "text", "-o", str(out)])
    said = capsys.readouterr().out
    assert code == 1
    assert "refused notes/Home.md: it was read from a markdown folder" in said
    assert "refused Plain note: its title is not a question" in said
    assert "wrote 1 notes" in said and "6 stubs (no text of their own) left out" in said
    [written] = [p for p in out.iterdir() if p.suffix == ".txt"]
    assert written.read_bytes() == SAMPLE.read_bytes().rstrip(b"\n") + b"\n"  # (as --note)
