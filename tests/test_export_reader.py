"""A notegui markdown export read back (issue 17, point 4): the library's own notes come
back exactly as they were written (title, description, summary, body with its citations as
cited, sources, tags, stubs), whatever their titles; vault notes' JSON fields (path, front
matter, aliases) are optional and read back."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from notegui.core.files import write_folder
from notegui.core.formats import json_format, markdown_vault
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.errors import FormatError
from notegui.core.formats.export_reader import read_export
from notegui.core.vault import detect

HOSTILE = [
    "Why X?", "What about [[links]] and %%comments%% and #tags ^ids | pipes?", "CON?",
    "a/b?", "Café crème?", "Why: is it?", "Why is it?", "x" * 299 + "?", "Is ¦ odd] ]?",
    "Does `code` *stay*?", ".hidden?", "Naïve e\u0301 question?".replace("e\u0301", "é"),
]
BODY = ("Para {i} cites [[{cited}]] here, twice: [[{cited}]].\nA literal [\\[ bracket.\n"
        "- list a\n- list b\n\n1. one\n2. two\n> quote 1\n> quote 2\n| a | b |\n|---|---|\n"
        "| 1 | 2 |\n```\ncode\n\ncode [\\[not]]\n```\nEnd with $x$ and ==mark==.")


def library_document() -> LibraryDocument:
    notes = []
    for i, title in enumerate(HOSTILE):
        cited = HOSTILE[(i + 1) % len(HOSTILE)]
        notes.append(NoteRecord(title, f"Desc {i}.", f"Sum {i}.",
                                BODY.format(i=i, cited=cited), (cited,),
                                (f"why {i}",) if i % 2 else (None,), ("t1", f"t{i}")))
    notes.append(NoteRecord("A stub's title need not be a question", "", "", ""))
    notes.append(NoteRecord("Cited in another case?", "", "S.",
                            "A [[why x?]] and [[Why X?]] again.", ("Why X?",), ("",)))
    return LibraryDocument(tuple(notes))


def test_own_notes_come_back_as_written(tmp_path: Path) -> None:
    document = library_document()
    out = tmp_path / "out"
    write_folder(out, markdown_vault.to_files(document))
    assert detect(out) == "notegui-export"
    back = read_export(out)
    assert back.document.refused == () and dict(back.vaults) == {}
    assert sorted(back.document.notes, key=lambda n: n.title) == sorted(
        (dataclasses.replace(n, created="", updated="") for n in document.notes),
        key=lambda n: n.title)


def test_a_body_with_blank_lines_of_its_own_is_kept_exactly_and_an_edit_wins(
        tmp_path: Path) -> None:
    """A blank line the body has where the export adds one cannot be told from the added
    ones: the body is also in the front matter, taken while the text is as written."""
    document = library_document()
    out = tmp_path / "out"
    write_folder(out, markdown_vault.to_files(document))
    plain = (out / "Cited in another case.md").read_text(encoding="utf-8")
    assert "notegui-body" not in plain  # (no blank line of its own: the text says it all)
    odd = out / "Why X.md"
    assert "notegui-body" in odd.read_text(encoding="utf-8")
    odd.write_text(odd.read_text(encoding="utf-8").replace("End with", "Edited, end with"),
                   encoding="utf-8")
    body = next(n.body for n in read_export(out).document.notes if n.title == "Why X?")
    assert "Edited, end with" in body and "[[What about" in body


def test_files_not_as_notegui_wrote_them_are_refused_by_name(tmp_path: Path) -> None:
    document = library_document()
    out = tmp_path / "out"
    write_folder(out, markdown_vault.to_files(document))
    (out / "mine.md").write_text("# My own note\n", encoding="utf-8")
    (out / "Why X.md").write_text("---\ntitle: Why X?\n---\n# Another heading\n",
                                  encoding="utf-8")
    (out / "vault").mkdir()
    back = read_export(out)
    refused = "\n".join(back.document.refused)
    assert "mine.md: not a note notegui wrote" in refused
    assert "Why X.md: its heading is not its title's" in refused
    assert len(back.document.notes) == len(document.notes) - 1
    assert dict(back.vaults) == {"vault": out / "vault"}


def test_json_vault_fields_are_optional_and_read_back() -> None:
    document = LibraryDocument((
        NoteRecord("Why own?", "", "", "Own."),
        NoteRecord("Home", "", "", "See [[Other]].\n", ("Other",), (None,), ("x",),
                   path="notes/Home.md", front_matter="status: draft\n",
                   aliases=("Start", "Début")),
        NoteRecord("Home", "", "", "Same title, other folder.\n", path="notes/b/Home.md"),
        NoteRecord("Other", "", "", ""),
    ))
    raw = json.loads(json_format.dumps(document))
    assert set(raw["notes"][0]) == {"title", "description", "summary", "body", "links",
                                    "sources", "tags", "created", "updated"}
    assert raw["notes"][1]["path"] == "notes/Home.md"
    assert json_format.loads(json_format.dumps(document)) == document


@pytest.mark.parametrize("path, why", [
    ("Home.md", "is not '<vault>/<path in the vault>'"),
    ("v//Home.md", "is not '<vault>/<path in the vault>'"),
    ("v/../Home.md", "beginning with a dot"),
    ("v/.obsidian/x.md", "beginning with a dot"),
    ("v/Home.txt", "not a markdown file's path"),
])
def test_a_bad_vault_path_refuses_that_note_alone(path: str, why: str) -> None:
    text = json.dumps({"format": "notegui", "version": 1, "notes": [
        {"title": "Home", "body": "x", "path": path},
        {"title": "Why kept?", "body": "kept"}]})
    document = json_format.read(text)
    assert [n.title for n in document.notes] == ["Why kept?"]
    assert document.refused[0].startswith("notes[0].path: ") and why in document.refused[0]
    with pytest.raises(FormatError):
        json_format.loads(text)


def test_two_vault_notes_of_one_path_the_second_refused() -> None:
    text = json.dumps({"format": "notegui", "version": 1, "notes": [
        {"title": "A", "body": "x", "path": "v/a.md"},
        {"title": "B", "body": "y", "path": "v/A.md"}]})
    document = json_format.read(text)
    assert [n.title for n in document.notes] == ["A"]
    assert "the same path as notes[0]" in document.refused[0]
