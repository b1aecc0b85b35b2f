"""The markdown export read by another tool (issue 17, point 3): file names that every file
system and Obsidian accept, stable when notes are added; front matter any YAML parser reads
back exactly; links that point at the files written; every note and citation found again."""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from notegui.app import main
from notegui.core import files
from notegui.core.formats import json_format, markdown_vault
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.export_names import MAX_BYTES, Named, file_names, free_name, readable_stem
from notegui.store.library import SqliteLibrary

LINK = re.compile(r"(?<!\\)\[\[([^\[\]|#^]+)(?:\|(.*?))?\]\]")
FORBIDDEN = ["%%", "[[", "]]", "#", "^", "|", "/", "\\", ":", "*", "?", '"', "<", ">"]
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
            *(f"LPT{i}" for i in range(1, 10))}

DEMO = ROOT / "resources" / "demo"
HOSTILE = [
    "x" * 299 + "?",  # 300 bytes
    "é" * 140 + " and a long tail of accents?",  # > 255 bytes, two bytes a letter
    "👍🏽 thumbs " * 25 + "?",  # emoji with skin tones past the limit
    "CON?", "nul.txt?", "Com1?", ".hidden?", "...dots?", "a/b?", "Why: is it?",
    "Why is it?", "What about [[links]] and %%comments%% and #tags ^ids | pipes?",
    "Café crème?", "Naïve e\u0301 question?",
]


def name_problems(name: str) -> list[str]:
    """What is wrong with a file name by the export's rules (docs/formats.md)."""
    stem = name[:-3]
    problems = [f"contains {bad!r}" for bad in FORBIDDEN if bad in stem]
    if len((name).encode()) > MAX_BYTES:
        problems.append("too long")
    if unicodedata.normalize("NFC", name) != name:
        problems.append("not NFC")
    if stem.split(".")[0].upper() in RESERVED:
        problems.append("reserved")
    if stem.startswith(".") or stem.endswith((".", " ")) or not stem:
        problems.append("bad ends")
    if any(unicodedata.category(c) == "Cc" for c in name):
        problems.append("control character")
    return problems


def make_library(path: Path, titles: list[str], cite: bool = True) -> Path:
    """Notes with these titles, each citing the next (so every name is linked to), made by
    a notegui JSON import (the question-note format cannot cite "a/b?")."""
    notes = tuple(
        NoteRecord(title, f"Description {i}.", f"Summary {i}.",
                   f"Body {i}. See [[{titles[(i + 1) % len(titles)]}]]." if cite
                   else f"Body {i}.",
                   links=(titles[(i + 1) % len(titles)],) if cite else (),
                   sources=(f"Why {i} cites it.",) if cite else ())
        for i, title in enumerate(titles)
    )
    source = path.with_suffix(".json")
    source.write_text(json_format.dumps(LibraryDocument(notes)), encoding="utf-8")
    assert main(["--db", str(path), "import", str(source)]) == 0
    return path


def export(capsys, db: Path, folder: Path, *extra: str) -> tuple[int, str]:
    code = main(["--db", str(db), "export", "--format", "markdown", "-o", str(folder), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def demo_db(tmp_path, capsys) -> Path:
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "import", str(DEMO)]) == 0
    capsys.readouterr()
    return db


def read_vault(folder: Path) -> dict[str, tuple[dict, list[str]]]:
    """File name -> (its front matter by yaml.safe_load, the file names its links name)."""
    vault = {}
    for path in folder.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("---\n"), path
        front, _, body = text[4:].partition("\n---\n")
        vault[path.name] = (yaml.safe_load(front), [m[0] + ".md" for m in LINK.findall(body)])
    return vault


def test_hostile_titles_get_safe_readable_distinct_names(tmp_path, capsys):
    db = make_library(tmp_path / "lib.db", HOSTILE)
    code, out = export(capsys, db, tmp_path / "vault")
    assert code == 0, out
    vault = read_vault(tmp_path / "vault")
    assert len(vault) == len(HOSTILE)
    for name in vault:
        assert name_problems(name) == [], name
    assert len({name.casefold() for name in vault}) == len(vault)
    by_title = {fields["title"]: name for name, (fields, _) in vault.items()}
    assert by_title["CON?"] == "CON_.md" and by_title["nul.txt?"] == "nul_.txt.md"
    assert by_title[".hidden?"] == "hidden.md" and by_title["a/b?"] == "a b.md"
    assert by_title["Café crème?"] == "Café crème.md"  # the question's "?" simply goes
    assert by_title["Naïve é question?"] == "Naïve é question.md"
    long_name = by_title["x" * 299 + "?"]
    assert long_name == "x" * (MAX_BYTES - 3) + ".md"
    thumbs = by_title["👍🏽 thumbs " * 25 + "?"]
    assert thumbs.endswith(("👍🏽.md", "thumbs.md"))  # not cut between an emoji and its tone
    # Every citation is a link naming the file written for the cited note.
    with SqliteLibrary(db) as library:
        cited = {n.title: set(n.links) for n in library.document().notes}
    assert sum(map(len, cited.values())) == len(HOSTILE)
    for name, (fields, links) in vault.items():
        assert {vault[link][0]["title"] for link in links} == cited[fields["title"]], name


def test_names_follow_nfc_whatever_the_title_holds():
    decomposed = "Cafe\u0301 at noon?"
    assert readable_stem(decomposed) == "Café at noon"
    assert readable_stem("e\u0301" * 200) == "é" * ((MAX_BYTES - 3) // 2)


def test_a_clash_suffix_does_not_change_when_notes_are_added():
    first = file_names([Named("Why: is it?", "2024-01-01"), Named("Why/is it?", "2024-02-01")])
    later = file_names([Named("Why is it?", "2025-01-01"), Named("Why: is it?", "2024-01-01"),
                        Named("Why/is it?", "2024-02-01"), Named("Why |is it?", "2025-03-01")])
    assert first["why: is it?"] == "Why is it.md"  # the elder keeps the plain name
    for key, name in first.items():
        assert later[key] == name
    assert len(set(later.values())) == 4


def test_a_clash_suffix_is_the_same_whatever_the_order():
    notes = [Named(f"Why{sep}is it?", "2024") for sep in (" ", ": ", "/", "|", " * ")]
    assert file_names(notes) == file_names(list(reversed(notes)))


def test_an_export_of_long_and_clashing_titles_completes_in_a_real_folder(tmp_path, capsys):
    """The names are checked before anything is written; every one can be written (the
    temporary name included), so an export never stops half-way on a long title."""
    titles = ["é" * 150 + f" {i}?" for i in range(3)] + ["é" * 150 + " 0!?"]
    db = make_library(tmp_path / "lib.db", titles, cite=False)
    code, out = export(capsys, db, tmp_path / "vault")
    assert code == 0, out
    assert len(list((tmp_path / "vault").glob("*.md"))) == 4


CHARACTERS = ["DEL\x7f", "non-char \uffff", "NEL \x85 here", "line\u2028separator",
              "para\u2029separator", "'single' and \"double\" quotes", "a: colon",
              "- dash", "? question", "# hash", "& anchor", "* alias", "---", "...",
              "tab\there", "  spaces  ", "yes", "null", "1.5", "~", "@at", "`tick", "%pct",
              "!tag", "|pipe", ">fold", "[list]", "{map}", "\ufeffBOM", "\\back\\slash"]


def test_front_matter_reads_back_exactly_whatever_it_holds():
    notes = tuple(
        NoteRecord(title=f"{text}?", description="", summary=text, body=f"Body {i}.",
                   tags=(text, f"tag{i}"))
        for i, text in enumerate(CHARACTERS)
    )
    files = markdown_vault.to_files(LibraryDocument(notes))
    assert len(files) == len(notes)
    for name, text in files.items():
        front = text[4:].partition("\n---\n")[0]
        fields = yaml.safe_load(front)
        note = next(n for n in notes if n.title == fields["title"])
        assert fields["summary"] == note.summary and fields["tags"] == list(note.tags), name
        assert fields["aliases"] == [note.title]
        assert "\x85" not in front and "\u2028" not in front and "\uffff" not in front


def test_library_to_markdown_and_back_finds_every_note_and_citation(tmp_path, capsys,
                                                                    demo_db):
    """Round trip: every note of the library is a file whose front matter names it; every
    citation is a link to the cited note's file, in the body and under Sources."""
    code, out = export(capsys, demo_db, tmp_path / "vault")
    assert code == 0, out
    vault = read_vault(tmp_path / "vault")
    title_of = {name: fields["title"] for name, (fields, _) in vault.items()}
    with SqliteLibrary(demo_db) as library:
        document = library.document()
    assert sorted(title_of.values()) == sorted(note.title for note in document.notes)
    for name, (fields, links) in vault.items():
        note = next(n for n in document.notes if n.title == fields["title"])
        assert fields["summary"] == note.summary and fields["tags"] == list(note.tags)
        linked = [title_of[link] for link in links]  # (KeyError: a link to no file)
        assert set(linked) == set(note.links), name


@pytest.mark.parametrize("title", ["CON?", "a/b?", "x" * 299 + "?"])
def test_one_note_export_suggests_a_safe_name(title):
    assert name_problems(markdown_vault.file_stem(title) + ".md") == []


# -- updating an earlier export; --force; permissions ---------------------------------------


def notes_json(path: Path, bodies: dict[str, str]) -> Path:
    notes = tuple(NoteRecord(title, "A description.", "", body) for title, body in bodies.items())
    path.write_text(json_format.dumps(LibraryDocument(notes)), encoding="utf-8")
    return path


def library_of(tmp_path: Path, name: str, bodies: dict[str, str]) -> Path:
    db = tmp_path / f"{name}.db"
    assert main(["--db", str(db), "import", str(notes_json(tmp_path / f"{name}.json",
                                                           bodies))]) == 0
    return db


FIRST = {"Why is the sky blue?": "Rayleigh.", "Why is the sea salty?": "Rivers.",
         "How do tides work?": "The moon.", "What makes rain fall?": "Condensation."}
# the sky edited, the sea gone, the tides unchanged, the rain renamed
SECOND = {"Why is the sky blue?": "Rayleigh scattering.", "How do tides work?": "The moon.",
          "What makes the rain fall?": "Condensation."}


def test_an_earlier_export_is_updated_and_other_files_are_left_alone(tmp_path, capsys):
    vault = tmp_path / "vault"
    assert export(capsys, library_of(tmp_path, "first", FIRST), vault)[0] == 0
    (vault / "mine.md").write_text("my own note")
    (vault / ".obsidian").mkdir()
    tides = os.stat(vault / "How do tides work.md")
    code, out = export(capsys, library_of(tmp_path, "second", SECOND), vault)
    assert code == 0, out
    assert "(2 files new or changed, 1 unchanged, 2 of deleted or renamed notes removed)" in out
    assert sorted(p.name for p in vault.iterdir()) == [
        ".notegui-export.json", ".obsidian", "How do tides work.md",
        "What makes the rain fall.md", "Why is the sky blue.md", "mine.md"]
    assert (vault / "mine.md").read_text() == "my own note"
    assert "Rayleigh scattering." in (vault / "Why is the sky blue.md").read_text()
    after = os.stat(vault / "How do tides work.md")  # unchanged: not rewritten
    assert (after.st_ino, after.st_mtime_ns) == (tides.st_ino, tides.st_mtime_ns)


def test_a_file_edited_since_is_kept_and_said(tmp_path, capsys):
    vault = tmp_path / "vault"
    assert export(capsys, library_of(tmp_path, "first", FIRST), vault)[0] == 0
    (vault / "Why is the sea salty.md").write_text("my notes on salt")
    code, out = export(capsys, library_of(tmp_path, "second", SECOND), vault)
    assert code == 0, out
    assert ("kept Why is the sea salty.md: its note is gone, but it was edited since the "
            "last export") in out
    assert (vault / "Why is the sea salty.md").read_text() == "my notes on salt"
    assert not (vault / "What makes rain fall.md").exists()  # unedited: removed


def snapshot(folder: Path) -> dict[str, bytes | str]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*"))}


def test_a_folder_of_other_files_is_refused_unless_forced(tmp_path, capsys):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("dear")
    (folder / "How do tides work.md").write_text("my own tides")
    db = library_of(tmp_path, "first", FIRST)
    before = snapshot(folder)
    code, out = export(capsys, db, folder)
    assert code == 1
    assert (f"notegui: {folder} is not empty and is not an earlier notegui export (it holds "
            "How do tides work.md, letter.txt; 1 of its files have a note's file name and "
            "would be replaced); nothing was written. Choose an empty folder or an earlier "
            "export, or add --force (its other files are left alone)") in out
    assert snapshot(folder) == before and not list(tmp_path.glob(".Documents*"))
    code, out = export(capsys, db, folder, "--force")
    assert code == 0, out
    assert "replaced How do tides work.md (not as notegui left it; --force)" in out
    assert (folder / "letter.txt").read_text() == "dear"
    assert len(list(folder.glob("*.md"))) == 4


def test_an_exported_file_edited_since_is_not_overwritten_unless_forced(tmp_path, capsys):
    vault = tmp_path / "vault"
    db = library_of(tmp_path, "first", FIRST)
    assert export(capsys, db, vault)[0] == 0
    with SqliteLibrary(db) as library:
        note = library.find("Why is the sky blue?")
        library.import_bytes(notes_json(tmp_path / "edit.json", {
            "Why is the sky blue?": "Rayleigh, edited in notegui."}).read_bytes(), "edit.json")
        assert library.find(note.title).body == "Rayleigh, edited in notegui."
    (vault / "Why is the sky blue.md").write_text("edited in Obsidian")
    code, out = export(capsys, db, vault)
    assert code == 1
    assert (f"1 file(s) in {vault} were edited since the last export or not written by "
            "notegui, and would be replaced: Why is the sky blue.md; nothing was written. "
            "Add --force to replace them") in out
    assert (vault / "Why is the sky blue.md").read_text() == "edited in Obsidian"
    assert export(capsys, db, vault, "--force")[0] == 0
    assert "edited in notegui" in (vault / "Why is the sky blue.md").read_text()


def test_a_failure_half_way_leaves_the_folder_as_it_was(tmp_path, capsys, monkeypatch):
    vault = tmp_path / "vault"
    assert export(capsys, library_of(tmp_path, "first", FIRST), vault)[0] == 0
    before = snapshot(vault)
    written = []
    real = files._write_new

    def disk_full(path, data):
        written.append(path)
        if len(written) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(files, "_write_new", disk_full)
    code, out = export(capsys, library_of(tmp_path, "second", SECOND), vault)
    assert code == 1 and "No space left on device" in out
    assert snapshot(vault) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "vault" in p.name) == ["vault"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_exported_files_get_the_umask_not_0600(tmp_path, capsys):
    db = library_of(tmp_path, "first", FIRST)
    old = os.umask(0o022)
    try:
        assert export(capsys, db, tmp_path / "vault")[0] == 0
        assert main(["--db", str(db), "export", "--format", "json", "-o",
                     str(tmp_path / "all.json")]) == 0
        # an update rewrites a file in place when the folder cannot be swapped
        files.write_atomically(tmp_path / "vault" / "extra.md", "x")
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "vault").iterdir()}
    assert set(modes.values()) == {0o644}, modes
    assert stat.S_IMODE((tmp_path / "all.json").stat().st_mode) == 0o644
    assert stat.S_IMODE(db.stat().st_mode) == 0o600  # the library stays private


def test_the_force_option_is_documented_as_help_says_it():
    from notegui.cli import build_parser

    export_parser = build_parser()._subparsers._group_actions[0].choices["export"]
    [force] = [a for a in export_parser._actions if "--force" in a.option_strings]
    said = " ".join(force.help.removeprefix("markdown: ").split())
    documented = " ".join((ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split())
    assert f'`--force`: "{said}"' in documented


def test_a_note_added_among_named_files_gets_a_free_name_and_the_others_keep_theirs():
    taken = {"why is the sky blue.md", "why is the sky blue (3f9c2a).md"}
    assert free_name("How do tides work?", taken) == "How do tides work.md"
    name = free_name("Why is the sky BLUE?", taken)  # (its plain name is taken, any case)
    assert name.startswith("Why is the sky BLUE (") and name.endswith(").md")
    assert name.casefold() not in taken
    assert free_name("Why is the sky BLUE?", taken) == name  # (the same title: the same)
    longer = free_name("Why is the sky BLUE?", taken | {name.casefold()})
    assert longer not in (name,) and len(longer) > len(name)
