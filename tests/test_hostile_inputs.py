"""Hostile import inputs (issue 14): every input checked to the same rules, one bad input
refused alone with its reason while the rest imports, nothing hangs, nothing is left
running; titles that only look different are one title."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

from conftest import write_note
from notegui.core.domain import normalise_title, title_key
from notegui.store import schema
from notegui.store.library import SqliteLibrary

CAFE = "Why is café culture slow?"
CAFE_NFD = unicodedata.normalize("NFD", CAFE)


def note_text(title: str, body: str = "A body.", sources: tuple[str, ...] = ()) -> str:
    lines = [title, "A description.", body]
    if sources:
        lines += [f"Sources {len(sources)} note{'s' if len(sources) > 1 else ''}", *sources]
    return "\n".join(lines)


# -- titles that look alike are one title ---------------------------------------------------


def test_normalise_title_composes_accents_and_drops_zero_width_characters():
    assert CAFE_NFD != CAFE
    assert normalise_title(CAFE_NFD) == CAFE
    assert normalise_title("Why\u200b is\u2060 the sky\ufeff blue\u200d?") == "Why is the sky blue?"
    assert title_key("WHY IS CAFÉ CULTURE\u00ad SLOW?") == title_key(CAFE_NFD)
    # Case folding that decomposes ("İ" -> "i" + combining dot) is composed again.
    key = title_key("Is İstanbul big?")
    assert key == unicodedata.normalize("NFC", key)


def test_look_alike_titles_import_as_one_note(library, tmp_path):
    for name, title in (("nfc.txt", CAFE), ("nfd.txt", CAFE_NFD),
                        ("zw.txt", "Why is caf\u200bé culture slow?")):
        write_note(tmp_path / "in", name, note_text(title, f"Body from {name}."))
    outcomes = list(library.import_paths([tmp_path / "in"]))
    assert [o.status for o in outcomes] == ["imported"] * 3
    assert [ref.title for ref in library.iter_refs()] == [CAFE]  # one note, NFC
    assert library.find(CAFE_NFD).body == "Body from zw.txt."


def test_a_citation_written_decomposed_links_to_the_composed_note(library, tmp_path):
    write_note(tmp_path, "cafe.txt", note_text(CAFE))
    write_note(tmp_path, "citer.txt", note_text(
        "What do we know about coffee?", f"It depends on {CAFE_NFD}, says one study.",
        ("Slow cafés.",)))
    assert {o.status for o in library.import_paths([tmp_path])} == {"imported"}
    assert library.count() == 2  # no stub for the decomposed spelling
    citer = library.find("What do we know about coffee?")
    assert [s.target.title for s in library.sources(citer.id)] == [CAFE]
    # The body keeps the citation as the file wrote it: export stays exact.
    assert CAFE_NFD in library.export_text(citer.title)
    assert library.check() == []


def test_search_finds_a_title_imported_with_a_zero_width_character(library, tmp_path):
    write_note(tmp_path, "g.txt", note_text("How do gla\u200bciers move?"))
    list(library.import_paths([tmp_path]))
    assert [h.note.title for h in library.search("glaciers")] == ["How do glaciers move?"]
    # And a query typed with one (pasted) finds it too.
    assert [h.note.title for h in library.search("gla\u200bciers")] == ["How do glaciers move?"]


def _library_at_version_7(path: Path, notes: list[tuple[int, str, str]]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    schema.migrate(connection, target=7)
    connection.executemany(
        "INSERT INTO note (id, title, title_key, description, summary, body, created, updated)"
        " VALUES (?, ?, ?, 'd', '', 'b', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
        notes)
    connection.close()


def test_migration_recomputes_title_keys_and_keeps_look_alikes_apart(tmp_path):
    """Keys written before titles were normalised: the migration recomputes them, and of
    two notes whose titles now have the same key the first keeps it, the other its old
    key (both notes stay, nothing fails to open)."""
    path = tmp_path / "v7.sqlite3"
    old_key = " ".join(CAFE_NFD.split()).casefold()  # the key notegui used to compute
    _library_at_version_7(path, [
        (1, CAFE_NFD, old_key),
        (2, "How do gla\u200bciers move?", "how do gla\u200bciers move?"),
        (3, "How do glaciers move?", "how do glaciers move?"),
    ])
    with SqliteLibrary(path) as library:
        assert library.schema_version() == schema.LATEST
        assert library.find(CAFE).id == 1  # found by the composed spelling now
        assert library.find("How do glaciers move?").id == 3
        assert library.count() == 3
    connection = sqlite3.connect(path)
    keys = dict(connection.execute("SELECT id, title_key FROM note"))
    connection.close()
    assert keys == {1: title_key(CAFE), 2: "how do gla\u200bciers move?",
                    3: "how do glaciers move?"}
