"""Search tiers: titles by prefix at once, bodies by whole words while typing, the full
prefix search after; ranking stays title > summary > body."""

from __future__ import annotations

import pytest

from conftest import write_note
from notegui.store import search as search_module
from notegui.store.library import SqliteLibrary


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "notes"
    write_note(folder, "a.txt", "How do glaciers move?\nIce.\nIce deforms under pressure.")
    write_note(folder, "b.txt", "Why do birds migrate?\nTravel.\nSome follow glacial valleys.")
    write_note(folder, "c.txt", "What is permafrost?\nFrozen ground.\nGlaciology covers it.")
    with SqliteLibrary(tmp_path / "lib.db") as opened:
        list(opened.import_paths([folder]))
        yield opened


def titles(hits) -> list[str]:
    return [hit.note.title for hit in hits]


def test_one_to_three_letters_find_titles_by_prefix(library):
    assert titles(library.search("gl")) == ["How do glaciers move?"]
    assert titles(library.search("per")) == ["What is permafrost?"]


def test_a_longer_prefix_finds_body_words_after_the_titles(library):
    found = titles(library.search("glac"))
    assert found[0] == "How do glaciers move?"
    assert sorted(found[1:]) == ["What is permafrost?", "Why do birds migrate?"]


def test_quick_search_matches_the_last_word_whole_in_bodies(library):
    assert titles(library.search("glac", quick=True)) == ["How do glaciers move?"]
    assert titles(library.search("glacial", quick=True)) == ["Why do birds migrate?"]
    assert not library.quick_search_is_complete("glac")
    assert library.quick_search_is_complete("gla")
    assert library.quick_search_is_complete("glac ")


def test_snippets_mark_the_matched_words(library):
    hit = library.search("valleys")[0]
    assert "[valleys]" in hit.snippet


def test_unselective_queries_stay_correct_past_the_ranking_cap(library, monkeypatch):
    monkeypatch.setattr(search_module, "RANK_CAP", 1)
    found = titles(library.search("ice"))
    assert found == ["How do glaciers move?"]
    assert len(library.search("do")) == 2  # two titles have "do"; no duplicates


def test_filters_combine_with_words(library):
    assert titles(library.search("-is:stub ice")) == ["How do glaciers move?"]
    assert library.search("is:stub ice") == []


def test_a_newer_query_cancels_a_running_search(library, monkeypatch):
    monkeypatch.setattr(search_module, "_CHECK_EVERY", 1)
    assert library.search("glac", cancelled=lambda: True) is None
    assert titles(library.search("glac", cancelled=lambda: False))[0] == "How do glaciers move?"
    # The connection is usable afterwards, without the handler.
    assert titles(library.search("ice")) == ["How do glaciers move?"]


def test_a_prefix_after_whole_words_matches_every_word_that_starts_so(library):
    assert titles(library.search("ice defo")) == ["How do glaciers move?"]
    assert titles(library.search("valleys glac")) == ["Why do birds migrate?"]
    assert library.search("ice glaz") == []  # no word of the library starts with "glaz"


def test_prefixes_past_the_expansion_cap_still_match_through_fts5(library, monkeypatch):
    monkeypatch.setattr(search_module, "EXPANSION_CAP", 1)  # "glac": three words
    found = titles(library.search("glac"))
    assert sorted(found) == sorted(
        ["How do glaciers move?", "What is permafrost?", "Why do birds migrate?"])


def test_prefixes_with_accents_or_folded_find_the_same_note(tmp_path):
    write_note(tmp_path / "notes", "a.txt", "What should I cook?\nDessert.\nCrème brûlée.")
    with SqliteLibrary(tmp_path / "lib.db") as library:
        list(library.import_paths([tmp_path / "notes"]))
        assert titles(library.search("brûl")) == ["What should I cook?"]
        assert titles(library.search("brul")) == ["What should I cook?"]
        assert titles(library.search("BRUL")) == ["What should I cook?"]


def test_a_prefix_finds_words_another_connection_just_added(library, tmp_path):
    assert library.search("zebr") == []
    write_note(tmp_path / "more", "d.txt",
               "What do fish regrow?\nFins.\nZebrafishes regenerate their fins.")
    with SqliteLibrary(tmp_path / "lib.db") as other:
        list(other.import_paths([tmp_path / "more"]))
    assert titles(library.search("zebr")) == ["What do fish regrow?"]
