"""Ranking the titles that complete what was typed: starts with it, then a word starts with
it, then the rest; without regard to case or accents."""

from __future__ import annotations

from conftest import write_note
from notegui.core.title_match import (
    EXACT_PREFIX,
    OTHER,
    WORD_PREFIX,
    fold,
    match_tier,
    rank_titles,
)
from notegui.store.library import SqliteLibrary

TRANSFER = "Why does reasoning transfer across different numbers but factual recall does not?"
TRACES = "Do reasoning traces need to be semantically correct?"


def test_the_title_that_starts_with_the_text_comes_first():
    found = [TRANSFER, "Why does reasoning training help math?", TRACES]
    assert rank_titles("Do reasoning", found) == [TRACES, TRANSFER,
                                                  "Why does reasoning training help math?"]


def test_then_a_word_that_starts_with_it_then_the_rest_in_the_given_order():
    titles = ["Can Xreasoning fail?", "Is reasoning hard?", "Does it reason?",
              "Reasoning: why?", "Is (reasoning) learned?"]
    assert rank_titles("reason", titles) == [
        "Reasoning: why?", "Is reasoning hard?", "Does it reason?", "Is (reasoning) learned?",
        "Can Xreasoning fail?"]
    assert [match_tier(fold("reason"), t) for t in titles] == [
        OTHER, WORD_PREFIX, WORD_PREFIX, EXACT_PREFIX, WORD_PREFIX]


def test_case_accents_and_spacing_do_not_count():
    assert fold("  École  NORMALE?") == "ecole normale?"
    assert match_tier(fold("ecole n"), "École normale?") == EXACT_PREFIX
    assert match_tier(fold("ÉCOLE"), "Why école?") == WORD_PREFIX
    assert match_tier(fold("istanbul"), "İstanbul or Constantinople?") == EXACT_PREFIX
    assert match_tier(fold("cafe"), "Why a café?") == WORD_PREFIX  # decomposed or not
    assert match_tier(fold("cafe\u0301"), "Why a cafe\u0301?") == WORD_PREFIX


def test_a_space_typed_after_a_word_says_it_is_whole():
    assert rank_titles("Do ", ["Does it?", "Do it?"]) == ["Do it?", "Does it?"]
    assert rank_titles("Do", ["Does it?", "Do it?"]) == ["Does it?", "Do it?"]


def test_nothing_typed_keeps_the_order():
    assert rank_titles("", ["B?", "A?"]) == ["B?", "A?"]


def test_the_library_offers_the_title_that_starts_with_the_text_among_many_that_match(
        tmp_path):
    """search_titles looks each tier up on its own: among 3,000 titles with both words
    (more than the search ranks by bm25, so it takes them in library order) the one that
    starts with them, imported last, is first."""
    folder = tmp_path / "notes"
    for number in range(3000):
        write_note(folder, f"{number:04}.txt",
                   f"Why does reasoning {number} do well?\nD.\nBody.")
    write_note(folder, "9998.txt", "Can we do reasoning twice?\nD.\nBody.")
    write_note(folder, "9999.txt", f"{TRACES}\nD.\nBody.")
    with SqliteLibrary(tmp_path / "many.sqlite3") as library:
        list(library.import_paths([folder]))
        titles = [ref.title for ref in library.search_titles("do reasonin", 20)]
        assert titles[:2] == [TRACES, "Can we do reasoning twice?"]
        assert len(titles) == 20
        assert library.search_titles("ÉCOLE", 5) == []
        write_note(folder, "ecole.txt", "École normale: why so hard?\nD.\nBody.")
        list(library.import_paths([folder / "ecole.txt"]))
        assert [ref.title for ref in library.search_titles("ecole norm", 5)] == [
            "École normale: why so hard?"]


def test_a_lone_surrogate_typed_is_no_error(library):
    """Text pasted from elsewhere can hold one; the words around it still find titles."""
    library.create_note("Do it?", "D.")
    assert [ref.title for ref in library.search_titles("do \ud800", 5)] == ["Do it?"]
    assert library.search_titles("\ud800", 5) == []
