"""A detached annotation through W3C export and import (issue 17, point 4): it comes back
detached, without a made-up position selector, with the same id, and an import never adds
it twice (into the library it came from, or again into another)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from notegui.app import main
from notegui.core.formats.annotation_export import FORMER_POSITION
from notegui.store.library import SqliteLibrary

TITLE = "Why is the sky blue?"
NOTE = f"{TITLE}\nShort waves scatter.\nRayleigh scattering makes the sky blue.\n"


def library_with_note(path: Path) -> Path:
    with SqliteLibrary(path) as library:
        assert library.import_bytes(NOTE.encode(), "sky.txt").status == "imported"
    return path


def w3c(db: Path, out: Path) -> list[dict]:
    assert main(["--db", str(db), "export", "--format", "annotations-w3c", "-o", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))["first"]["items"]


def test_a_detached_annotation_round_trips_with_its_id_and_is_not_added_twice(tmp_path,
                                                                             capsys):
    first = library_with_note(tmp_path / "first.db")
    with SqliteLibrary(first) as library:
        note = library.find(TITLE)
        kept = library.add_annotation(note.id, "Rayleigh", "", " scattering", 0, 8)
        gone = library.add_annotation(note.id, "words no longer here", "the ", " end", 20, 40,
                                      color="green", comment="was it?")
        library.move_annotations([replace(gone, detached=True)])
    exported = w3c(first, tmp_path / "first.jsonld")
    [detached] = [item for item in exported if item["target"]["styleClass"] == "green"]
    assert [s["type"] for s in detached["target"]["selector"]] == ["TextQuoteSelector"]
    assert detached[FORMER_POSITION] == {"start": 20, "end": 40}

    # Into another library with the note: back as it was, detached; exported the same.
    second = library_with_note(tmp_path / "second.db")
    assert main(["--db", str(second), "import", str(tmp_path / "first.jsonld")]) == 0
    with SqliteLibrary(second) as library:
        back = library.annotations(library.find(TITLE).id)
        assert len(back) == 2
        [again] = [a for a in back if a.color == "green"]
        assert (again.detached, again.start, again.end, again.comment) == (True, 20, 40,
                                                                           "was it?")
    assert w3c(second, tmp_path / "second.jsonld") == exported  # same ids, no position made up

    # Imported again, into either library: nothing is added.
    capsys.readouterr()
    for db in (second, first):
        assert main(["--db", str(db), "import", str(tmp_path / "first.jsonld")]) == 0
        assert "unchanged" in capsys.readouterr().out
        with SqliteLibrary(db) as library:
            assert len(library.annotations(library.find(TITLE).id)) == 2
    assert kept.id and gone.id


def vault_library(path: Path, paths: list[str]) -> dict[str, int]:
    """A library with a vault note at each of ``paths`` (its text names its folder); the
    notes' ids by path."""
    from vault_rows import add_note

    with SqliteLibrary(path) as library:
        return {note_path: add_note(library, note_path, f"The index of {note_path}.")
                for note_path in paths}


INDEXES = ["notes/a/Index.md", "notes/b/Index.md", "notes/c d/50% #1?.md"]


def test_annotations_on_two_notes_of_one_title_go_back_onto_each(tmp_path, capsys):
    first = tmp_path / "first.db"
    ids = vault_library(first, INDEXES)
    with SqliteLibrary(first) as library:
        for note_path, note_id in ids.items():
            # the same quote at the same place, at the same second: told apart by the path
            library.add_annotation(note_id, "index", "The ", " of", 4, 9,
                                   comment=f"on {note_path}")
    exported = w3c(first, tmp_path / "first.jsonld")
    assert sorted(item["target"]["source"] for item in exported) == [
        "notegui:vault/notes/a/Index.md", "notegui:vault/notes/b/Index.md",
        "notegui:vault/notes/c%20d/50%25%20%231%3F.md"]
    assert len({item["id"] for item in exported}) == 3

    # Into a library holding the same notes, made in another order (other ids).
    second = tmp_path / "second.db"
    other_ids = vault_library(second, INDEXES[::-1])
    assert main(["--db", str(second), "import", str(tmp_path / "first.jsonld")]) == 0
    with SqliteLibrary(second) as library:
        for note_path, note_id in other_ids.items():
            [back] = library.annotations(note_id)
            assert (back.comment, back.note_path) == (f"on {note_path}", note_path)
    assert w3c(second, tmp_path / "second.jsonld") == exported  # the same ids
    capsys.readouterr()
    assert main(["--db", str(second), "import", str(tmp_path / "first.jsonld")]) == 0
    assert "unchanged" in capsys.readouterr().out

    # A library without one of the notes: that annotation is refused, naming the path.
    third = tmp_path / "third.db"
    vault_library(third, INDEXES[:1])
    assert main(["--db", str(third), "import", str(tmp_path / "first.jsonld")]) == 1
    assert "no note at 'notes/b/Index.md'" in capsys.readouterr().out
    with SqliteLibrary(third) as library:
        assert len(library.all_annotations()) == 1


def test_the_markdown_digest_gives_each_note_of_one_title_its_section(tmp_path):
    db = tmp_path / "library.db"
    ids = vault_library(db, INDEXES[:2])
    with SqliteLibrary(db) as library:
        for note_path, note_id in ids.items():
            library.add_annotation(note_id, "index", "The ", " of", 4, 9,
                                   comment=f"on {note_path}")
    out = tmp_path / "annotations.md"
    assert main(["--db", str(db), "export", "--format", "annotations-md", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## Index (notes/a)\n\n> index\n\non notes/a/Index.md\n" in text
    assert "## Index (notes/b)\n\n> index\n\non notes/b/Index.md\n" in text
