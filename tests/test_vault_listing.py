"""A library that holds notes read from markdown folders: the "questions only" filter
(is:question) and where a note whose title another note shares lives (its place)."""

from __future__ import annotations

import json

import pytest

from notegui.core.domain import note_place
from notegui.core.search_query import parse_query
from vault_rows import add_note


@pytest.mark.parametrize(("path", "title", "place"), [
    ("vault/a/Index.md", "Index", "vault/a"),          # its folder in the vault
    ("vault/Index.md", "Index", "vault"),              # at the vault's root
    ("vault/a/index.markdown", "Index", "vault/a"),    # the file's name, in any case
    ("notes/a.b.index.md", "Index", "a.b"),            # Dendron: the hierarchy above it
    ("notes/a.b.c.md", "C", "a.b"),
    ("vault/x/v1.2 notes.md", "v1.2 notes", "vault/x"),  # a dot that is not a hierarchy
    ("vault/x/readme.md", "Home", "vault/x/readme"),   # titled by front matter: the file
    ("", "Why?", ""),                                  # the library's own note
])
def test_a_place_is_the_folder_or_the_hierarchy(path, title, place):
    assert note_place(path, title) == place


@pytest.mark.parametrize(("text", "question"), [
    ("is:question", True), ("-is:question", False), ("IS:Question glaciers", True),
    ("is:questions", None), ("this:question", None), ("glaciers", None),
    ("is:question -is:question", False),  # the last one says
])
def test_is_question_is_a_filter(text, question):
    query = parse_query(text)
    assert query.question is question
    assert "question" not in query.words or question is None
    assert query.is_empty is (not query.words and question is None)


@pytest.fixture
def vault_library(library):
    library.create_note("Why is the sky blue?", body="Scattering.")
    library.create_note("Index?", body="The library's own index.")
    ids = {
        "a": add_note(library, "vault/a/Index.md", "Some text."),
        "b": add_note(library, "vault/b/Index.md", "Some text."),
        "reading": add_note(library, "vault/Reading list.md", "Some text."),
        "question": add_note(library, "vault/What is a vault?.md", "Some text."),
        "empty": add_note(library, "vault/Empty.md", ""),
    }
    return library, ids


def titles(library, ids) -> list[str]:
    return [ref.title for ref in map(library.refs(ids).get, ids)]


def test_the_list_of_questions_only_reads_the_title_index_alone(vault_library):
    library, _ids = vault_library
    assert titles(library, library.note_ids(questions_only=True)) == [
        "Index?", "What is a vault?", "Why is the sky blue?"]
    assert len(library.note_ids()) == 7
    plan = library.db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT id FROM note WHERE substr(title_key, -1) = '?' "
        "ORDER BY title_key").fetchall()
    assert [row[3] for row in plan] == ["SCAN note USING COVERING INDEX note_title"]


def test_is_question_searches(vault_library):
    library, _ids = vault_library
    found = [hit.note.title for hit in library.search("is:question", limit=50)]
    assert found == ["Index?", "What is a vault?", "Why is the sky blue?"]
    others = [hit.note.title for hit in library.search("-is:question", limit=50)]
    assert others == ["Empty", "Index", "Index", "Reading list"]
    assert [hit.note.title for hit in library.search("is:question index")] == ["Index?"]
    assert [hit.note.title for hit in library.search("-is:question index")] == [
        "Index", "Index"]


def test_a_shared_title_gives_a_vault_note_its_place(vault_library):
    library, ids = vault_library
    refs = library.refs(library.note_ids())
    places = {ref.id: ref.place for ref in refs.values()}
    assert places[ids["a"]] == "vault/a" and places[ids["b"]] == "vault/b"
    assert places[ids["reading"]] == places[ids["question"]] == ""  # titles of their own
    own_index = library.find("Index?").id
    assert places[own_index] == ""  # the library's own notes show none
    # Search results, Sources and the whole-library listing say the same.
    assert {hit.note.place for hit in library.search("index")} == {"", "vault/a", "vault/b"}
    assert {ref.id: ref.place for ref in library.iter_refs()} == places


def test_a_title_shared_with_a_note_in_the_trash_is_its_own(vault_library):
    library, ids = vault_library
    library.trash_note(ids["b"])
    assert library.refs([ids["a"]])[ids["a"]].place == ""
    library.restore_note(ids["b"])
    assert library.refs([ids["a"]])[ids["a"]].place == "vault/a"


def test_a_vault_note_is_never_a_stub(vault_library):
    library, ids = vault_library
    library.create_note("Does rain fall?", body="See [[Is water wet?]]")
    stubs = {ref.title for ref in library.iter_refs() if ref.is_stub}
    assert stubs == {"Is water wet?"}
    assert not library.refs([ids["empty"]])[ids["empty"]].is_stub


def test_the_command_line_tells_same_titled_notes_apart(tmp_path, capsys):
    """notegui list and search, after a real import: a shared title's vault notes say
    where they live; is:question searches."""
    from notegui.app import main

    for name, text in {".obsidian/app.json": "{}", "a/Index.md": "Ice.\n",
                       "b/Index.md": "Ice too.\n", "Unique.md": "Ice once.\n",
                       "Does ice float?.md": "Yes.\n"}.items():
        (tmp_path / "notes" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "notes" / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "lib.sqlite3")
    assert main(["--db", db, "import", str(tmp_path / "notes")]) == 0
    capsys.readouterr()
    assert main(["--db", db, "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Does ice float?", "Index  (notes/a)", "Index  (notes/b)", "Unique"]
    assert main(["--db", db, "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["path"] for row in rows] == [
        "notes/Does ice float?.md", "notes/a/Index.md", "notes/b/Index.md", "notes/Unique.md"]
    assert main(["--db", db, "search", "--", "-is:question", "ice"]) == 0
    out = capsys.readouterr().out
    assert "Index  (notes/a)" in out and "Index  (notes/b)" in out
    assert "Does ice float?" not in out and "Unique" in out
    assert main(["--db", db, "search", "is:question"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "1. Does ice float?"
