"""A JSON export carries the annotations of notes read from a markdown folder: named by their
note's path (titles repeat in a vault, and need not be questions), they come back on the
same note when the file is imported into another library. Before, each was refused as "not
a question", and a JSON round trip lost them."""

from __future__ import annotations

import json

from file_tree import write
from notegui.app import main
from notegui.store.library import SqliteLibrary


def _annotated_library(tmp_path):
    vault = write(tmp_path / "notes", {
        ".obsidian/app.json": "{}",
        "a/Index.md": "Apples grow on trees.\n",
        "b/Index.md": "Bananas grow in bunches.\n",
    })
    db = tmp_path / "first.sqlite3"
    assert main(["--db", str(db), "import", str(vault)]) == 0
    with SqliteLibrary(db) as library:
        for path, word in (("notes/a/Index.md", "Apples"), ("notes/b/Index.md", "Bananas")):
            (note_id,) = library.db.execute_sql("SELECT id FROM note WHERE path = ?",
                                                (path,)).fetchone()
            library.add_annotation(note_id, word, "", " grow", 0, len(word), comment=word)
    return db


def _annotations_by_path(db) -> dict[str, list[str]]:
    with SqliteLibrary(db) as library:
        return {a.note_path: [a.exact, a.comment] for a in library.all_annotations()}


def test_annotations_of_same_titled_vault_notes_come_back_on_their_notes(tmp_path, capsys):
    db = _annotated_library(tmp_path)
    exported = tmp_path / "all.json"
    assert main(["--db", str(db), "export", "--format", "json", "-o", str(exported)]) == 0
    annotations = json.loads(exported.read_text(encoding="utf-8"))["annotations"]
    assert sorted(a["note_path"] for a in annotations) == ["notes/a/Index.md",
                                                          "notes/b/Index.md"]
    second = tmp_path / "second.sqlite3"
    assert main(["--db", str(second), "import", str(exported)]) == 0
    assert "entry" not in capsys.readouterr().out  # ("1 entry of JSON files refused")
    assert _annotations_by_path(second) == _annotations_by_path(db) == {
        "notes/a/Index.md": ["Apples", "Apples"], "notes/b/Index.md": ["Bananas", "Bananas"]}
    # Imported again: nothing is added twice.
    main(["--db", str(second), "import", str(exported)])
    with SqliteLibrary(second) as library:
        assert len(library.all_annotations()) == 2


def test_an_annotation_on_a_path_the_library_lacks_is_refused_by_its_path(tmp_path, capsys):
    document = {"format": "notegui", "version": 1, "notes": [], "annotations": [{
        "note": "Index", "note_path": "notes/c/Index.md", "exact": "Cherries", "prefix": "",
        "suffix": "", "start": 0, "end": 8, "comment": "", "color": "yellow",
        "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--db", str(tmp_path / "lib.sqlite3"), "import", str(path)]) == 1
    assert "no note at 'notes/c/Index.md'" in capsys.readouterr().out
