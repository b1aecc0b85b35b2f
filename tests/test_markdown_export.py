"""The markdown export read by another tool (issue 17, point 3): file names that every file
system and Obsidian accept, stable when notes are added; front matter any YAML parser reads
back exactly; links that point at the files written; every note and citation found again."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from notegui.app import main
from notegui.core.formats import json_format, markdown_vault
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.export_names import MAX_BYTES, Named, file_names, readable_stem
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
