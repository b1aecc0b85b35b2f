"""A stub (a cited note with no text of its own) is decided by one rule, in Python
(core.domain.is_stub) and in SQL (store.schema.is_stub_sql): everywhere a note is shown
or searched as a stub, the two must agree."""

from __future__ import annotations

import sqlite3

import pytest

from notegui.core.domain import is_stub
from notegui.store.schema import is_stub_sql

FIELDS = [("", "", ""), ("A description.", "", ""), ("", "A body.", ""), (" ", "", ""),
          ("", "\n", ""), ("Both.", "Both.", ""), ("", "", "vault/empty.md"),
          ("", "Text.", "vault/a.md")]


@pytest.mark.parametrize(("description", "body", "path"), FIELDS)
def test_the_rule_in_sql_is_the_rule_in_python(description, body, path):
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE note (description TEXT, body TEXT, path TEXT)")
    connection.execute("INSERT INTO note VALUES (?, ?, ?)", (description, body, path))
    (found,) = connection.execute(f"SELECT {is_stub_sql()} FROM note").fetchone()
    (joined,) = connection.execute(f"SELECT {is_stub_sql('n')} FROM note AS n").fetchone()
    assert bool(found) == bool(joined) == is_stub(description, body, path)
    # An empty file of a vault is a note, not a stub.
    assert is_stub(description, body, path) == (not description and not body and not path)


def test_the_notes_listed_searched_and_opened_as_stubs_are_the_same(library):
    """A stub made by a citation, a note with only a description, one with only a body:
    the list (refs), the is:stub search and the opened note say the same of each."""
    library.create_note("Why is the sky blue?", body="See [[Is light scattered?]]")
    library.create_note("Does rain fall?", description="Only a description.")
    ids = list(library.note_ids())
    opened = {i: library.note(i).is_stub for i in ids}
    listed = {i: ref.is_stub for i, ref in library.refs(ids).items()}
    searched = {hit.note.id for hit in library.search("is:stub", limit=50)}
    assert opened == listed
    assert searched == {i for i, stub in opened.items() if stub}
    assert [library.note(i).title for i in searched] == ["Is light scattered?"]
