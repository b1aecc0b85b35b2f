"""Library.link_completions: what ``[[`` offers in a note and the link text each offer
writes. Every text is checked here as saving checks it (vault_links.resolve_refs): it must
lead back to the note offered, from the note being edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from notegui.store import link_completion
from notegui.store.library import SqliteLibrary
from notegui.store.search import IN_LIBRARY
from vault_rows import add_note

SOURCE = "v/z/Source.md"


@pytest.fixture
def library(tmp_path: Path):
    with SqliteLibrary(tmp_path / "library.sqlite3") as opened:
        yield opened


def offers(library: SqliteLibrary, typed: str, source: str = SOURCE) -> dict[str, str]:
    return {offer.shown: offer.inserted
            for offer in library.link_completions(source, typed, 20)}


def assert_leads_back(library: SqliteLibrary, source: str, typed: str) -> None:
    """Each offer's text, written in the note at ``source`` and saved, leads to its note."""
    source_id = library.db.execute_sql("SELECT id FROM note WHERE path = ?",
                                       (source,)).fetchone()[0]
    chosen = library.link_completions(source, typed, 20)
    assert chosen
    body = " ".join(f"[[{offer.inserted}]]" for offer in chosen)
    targets = library.vault_links(source_id, body).targets
    for offer in chosen:
        target = targets[(offer.inserted, False)].note
        assert target is not None and target.id == offer.note_id, offer


def test_each_index_gets_the_shortest_link_that_leads_to_it(library):
    add_note(library, SOURCE, "")
    add_note(library, "v/Index.md", "")
    add_note(library, "v/x/a/Index.md", "")
    add_note(library, "v/y/a/Index.md", "")
    assert offers(library, "Ind") == {
        "Index (v)": "Index",  # the shortest path of that name
        "Index (v/x/a)": "a/Index",  # the first of the paths ending in a/Index
        "Index (v/y/a)": "y/a/Index",
    }
    assert_leads_back(library, SOURCE, "Ind")


def test_a_note_in_the_sources_folder_wins_its_bare_name(library):
    add_note(library, SOURCE, "")
    add_note(library, "v/Index.md", "")
    add_note(library, "v/z/Index.md", "")
    add_note(library, "v/deep/er/Index.md", "")
    # [[Index]] is the folder's; the root's path is that bare name: from the folder then
    assert offers(library, "index") == {
        "Index (v/z)": "Index", "Index (v)": "../Index", "Index (v/deep/er)": "er/Index"}
    assert_leads_back(library, SOURCE, "index")


def test_matched_by_file_name_or_title_and_shown_with_the_file_it_links(library):
    add_note(library, SOURCE, "")
    add_note(library, "v/notes/rl.md", "", title="Reading list")
    assert offers(library, "rl") == {"Reading list → rl": "rl"}
    assert offers(library, "reading") == {"Reading list → rl": "rl"}
    assert offers(library, "list") == {"Reading list → rl": "rl"}  # a word of the title
    assert offers(library, "notes/r") == {"Reading list → rl": "rl"}  # its path
    assert_leads_back(library, SOURCE, "rl")


def test_a_suffix_other_than_md_is_written_when_the_name_alone_leads_elsewhere(library):
    add_note(library, SOURCE, "")
    add_note(library, "v/Old.md", "")
    add_note(library, "v/notes/Old.markdown", "")
    found = offers(library, "Old")
    assert found == {"Old (v)": "Old", "Old (v/notes)": "notes/Old.markdown"}
    assert_leads_back(library, SOURCE, "Old")


def test_a_note_no_link_can_name_is_not_offered(library):
    add_note(library, SOURCE, "")
    add_note(library, "v/C#.md", "")  # [[C#]] is a link to a heading of "C"
    add_note(library, "v/Cats.md", "")
    assert offers(library, "C") == {"Cats": "Cats"}


def test_only_the_sources_vault_and_no_note_in_the_trash(library):
    add_note(library, SOURCE, "")
    add_note(library, "w/Index.md", "")
    trashed = add_note(library, "v/Index.md", "")
    assert offers(library, "Ind") == {"Index (v)": "Index"}
    library.trash_note(trashed)
    assert offers(library, "Ind") == {}


def test_the_librarys_own_notes_come_last_unless_the_vault_takes_their_title(library):
    add_note(library, SOURCE, "")
    add_note(library, "v/Dogs.md", "", aliases=["Why do dogs bark?"])
    add_note(library, "v/Why do cats purr?.md", "")
    for title in ("Why do dogs bark?", "Why do cats purr?", "Why do owls hoot?"):
        library.create_note(title, "D.")
    found = library.link_completions(SOURCE, "why do", 20)
    assert [offer.shown for offer in found] == [
        "Why do cats purr? (v)",  # the vault's file of that name
        "Why do owls hoot?",  # the library's own: no file or alias of the vault has it
    ]
    assert found[-1].inserted == "Why do owls hoot?"
    assert_leads_back(library, SOURCE, "why do")


def test_in_a_note_of_the_librarys_own_only_its_own_notes_by_title(library):
    add_note(library, "v/Why do cats purr?.md", "")
    add_note(library, "v/Index.md", "")
    own, _ = library.create_note("Why do cats purr?", "D.")
    found = library.link_completions("", "why", 20)
    assert [(offer.shown, offer.inserted, offer.note_id) for offer in found] == [
        ("Why do cats purr?", "Why do cats purr?", own)]
    assert library.link_completions("", "Ind", 20) == []


def test_every_look_up_goes_through_an_index(library):
    """It runs per keystroke at 100,000 notes: no statement may read the note table
    through (the trash is a small table of its own)."""
    add_note(library, SOURCE, "")
    statements = [link_completion._TITLE_STARTS, link_completion._NAME_STARTS,
                  link_completion._PATH_STARTS,
                  "SELECT title_fts.rowid FROM title_fts JOIN note AS n ON n.id = "
                  f"title_fts.rowid WHERE title_fts MATCH ? AND {link_completion._IN_VAULT}"
                  " ORDER BY rank LIMIT ?"]
    for statement in statements:
        marks = statement.count("?")
        plan = library.db.execute_sql(f"EXPLAIN QUERY PLAN {statement}",
                                      ['"a"*'] + ["a"] * (marks - 2) + [5]).fetchall()
        details = " | ".join(row[3] for row in plan)
        assert "SCAN n" not in details and "SCAN note" not in details, details
        assert "SCAN f" not in details, details
    assert IN_LIBRARY in link_completion._IN_VAULT
