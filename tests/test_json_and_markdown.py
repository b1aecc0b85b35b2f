"""JSON export/import round trip, and the markdown vault export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLE_TITLE
from notegui.app import main
from notegui.core.formats import json_format
from notegui.core.formats.errors import FormatError
from notegui.store.library import SqliteLibrary

DEMO = ROOT / "resources" / "demo"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo_db(tmp_path, capsys) -> Path:
    db = tmp_path / "demo.db"
    assert run(capsys, "--db", db, "import", DEMO)[0] == 0
    return db


def test_json_round_trip_gives_the_same_notes(tmp_path, capsys, demo_db):
    with SqliteLibrary(demo_db) as library:
        library.set_tags(library.find(SAMPLE_TITLE).id, ["ml", "reasoning"])
    first = tmp_path / "first.json"
    assert run(capsys, "--db", demo_db, "export", "--format", "json", "-o", first)[0] == 0
    fresh = tmp_path / "fresh.db"
    code, out, _ = run(capsys, "--db", fresh, "import", first)
    assert code == 0, out
    second = tmp_path / "second.json"
    run(capsys, "--db", fresh, "export", "--format", "json", "-o", second)
    assert json.loads(first.read_text()) == json.loads(second.read_text())
    # ...and the text export of every note is still byte-exact after the round trip.
    for source in DEMO.glob("*.txt"):
        title = source.read_text(encoding="utf-8").split("\n", 1)[0]
        _, out, _ = run(capsys, "--db", fresh, "export", "--format", "text", "--note", title)
        assert out == source.read_text(encoding="utf-8").rstrip("\n") + "\n"
    # Importing the same JSON again changes nothing.
    assert run(capsys, "--db", fresh, "import", first)[1].startswith(f"unchanged {first}")


def test_json_has_the_documented_shape(capsys, demo_db):
    code, out, _ = run(capsys, "--db", demo_db, "export", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["format"] == "notegui" and document["version"] == 1
    assert document["annotations"] == []
    sample = next(n for n in document["notes"] if n["title"] == SAMPLE_TITLE)
    assert set(sample) == {"title", "description", "summary", "body", "links", "sources",
                           "tags", "created", "updated"}
    assert len(sample["links"]) == len(sample["sources"]) == 6
    assert "[[Does procedural knowledge drive reasoning more than factual retrieval?]]" in (
        sample["body"]
    )
    stub = next(n for n in document["notes"]
                if n["title"] == "Can a single training example unlock mathematical reasoning?")
    assert stub["description"] == "" and stub["body"] == "" and stub["summary"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON at line 1"),
        ('{"format": "other"}', 'not a notegui JSON file'),
        ('{"format": "notegui", "version": 2, "notes": []}', '"version" is 2'),
        ('{"format": "notegui", "version": 1, "notes": {}}', "notes: expected a list"),
        ('{"format": "notegui", "version": 1, "notes": [{"title": 3}]}',
         "notes[0].title: expected a string"),
        ('{"format": "notegui", "version": 1, "notes": [{"title": "A?", "links": ["B?"]}]}',
         "notes[0].sources: expected one summary line per link"),
        ('{"format": "notegui", "version": 1, "notes": [], "annotations": [{"note": "A?"}]}',
         "annotations[0].exact: expected a string"),
    ],
)
def test_bad_json_is_refused_naming_the_field(text, message):
    with pytest.raises(FormatError, match=message.replace("[", r"\[").replace("]", r"\]")):
        json_format.loads(text)


def test_a_bad_json_entry_is_refused_alone(tmp_path, capsys, demo_db):
    """Issue 14: one bad entry is refused with its reason; the rest imports (exit 1)."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "notegui", "version": 1, "notes": [{"title": "New?"}, 5]}')
    code, out, _ = run(capsys, "--db", demo_db, "import", bad)
    assert code == 1
    assert f"imported {bad}\nrefused {bad}: notes[1]: expected an object\n" in out
    assert "(1 entry of JSON files refused)" in out
    with SqliteLibrary(demo_db) as library:
        assert library.find("New?") is not None


def test_a_json_file_that_is_not_one_changes_nothing(tmp_path, capsys, demo_db):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "notegui", "version": 1, "notes": [{"title": "New?"}], '
                   '"annotations": {}}')
    code, out, _ = run(capsys, "--db", demo_db, "import", bad)
    assert code == 1
    assert f"refused {bad}: annotations: expected a list" in out
    with SqliteLibrary(demo_db) as library:
        assert library.find("New?") is None


def test_markdown_export_is_an_obsidian_vault(tmp_path, capsys, demo_db):
    vault = tmp_path / "vault"
    code, out, _ = run(capsys, "--db", demo_db, "export", "--format", "markdown", "-o", vault)
    assert code == 0 and out.strip() == f"wrote 9 notes to {vault}"
    files = sorted(p.name for p in vault.glob("*.md"))
    assert len(files) == 9
    assert all("?" not in name for name in files)  # not allowed in Windows file names
    sample = (vault / (SAMPLE_TITLE[:-1] + ".md")).read_text(encoding="utf-8")
    front, _, body = sample.partition("\n---\n")
    assert front.startswith("---\n")
    fields = yaml.safe_load(front[4:])
    assert fields["title"] == SAMPLE_TITLE and fields["aliases"] == [SAMPLE_TITLE]
    assert fields["description"] and fields["summary"] and fields["tags"] == []
    # Citations link to the cited note's file name, showing the title as written.
    link = ("[[Does procedural knowledge drive reasoning more than factual retrieval|"
            "Does procedural knowledge drive reasoning more than factual retrieval?]]")
    assert link in body
    target = link[2:].split("|")[0] + ".md"
    assert (vault / target).exists()
    assert "## Sources" in body
    # Paragraphs (one per line in the format) are separated by blank lines in markdown.
    assert "\n\nThis split shows up architecturally too." in body
    stub = (vault / "Can a single training example unlock mathematical reasoning.md").read_text()
    assert yaml.safe_load(stub.split("---\n")[1])["stub"] is True


def test_markdown_export_keeps_distinct_files_for_titles_that_clash(tmp_path, capsys):
    db = tmp_path / "lib.db"
    (tmp_path / "a.txt").write_text("Why: is it?\nA.\nBody a.")
    (tmp_path / "b.txt").write_text("Why is it?\nB.\nBody b.")
    run(capsys, "--db", db, "import", tmp_path / "a.txt", tmp_path / "b.txt")
    vault = tmp_path / "vault"
    run(capsys, "--db", db, "export", "--format", "markdown", "-o", vault)
    # The elder (then the smaller title key) keeps the plain name; the other gets a hash
    # of its own title, so its name does not depend on the order of export.
    assert sorted(p.name for p in vault.glob("*.md")) == ["Why is it (159b98).md",
                                                          "Why is it.md"]
    assert "title: 'Why: is it?'" in (vault / "Why is it (159b98).md").read_text()


def test_json_import_over_a_note_keeps_its_old_text_as_a_revision(tmp_path, capsys, demo_db):
    first = tmp_path / "first.json"
    run(capsys, "--db", demo_db, "export", "--format", "json", "-o", first)
    document = json.loads(first.read_text(encoding="utf-8"))
    sample = next(n for n in document["notes"] if n["title"] == SAMPLE_TITLE)
    old_description = sample["description"]
    sample["description"] = "A new framing."
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document), encoding="utf-8")
    assert run(capsys, "--db", demo_db, "import", changed)[0] == 0
    with SqliteLibrary(demo_db) as library:
        note = library.find(SAMPLE_TITLE)
        assert note.description == "A new framing."
        [revision] = library.revisions(note.id)
        assert revision.description == old_description
        assert len(revision.sources) == 6
