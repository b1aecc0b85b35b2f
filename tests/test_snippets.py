"""Search snippets: a window around the best match, matched words marked, case and accents
ignored, the last word as a prefix while it is typed."""

from __future__ import annotations

from notegui.core.snippets import make_snippet

MARK = ("[", "]")
BODY = ("Glaciers move slowly. " * 5 + "Ice deforms under its own weight and the glacier "
        "slides on meltwater at its bed. " + "Rivers carve valleys. " * 5)


def test_the_window_holds_the_matched_words_marked_with_context():
    snippet = make_snippet(["", "", BODY], ["meltwater"], False, MARK)
    assert "[meltwater]" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.split()) <= 13


def test_the_window_with_most_distinct_words_wins():
    snippet = make_snippet(["", "", BODY], ["glacier", "meltwater"], False, MARK)
    assert "[glacier]" in snippet and "[meltwater]" in snippet


def test_prefix_of_the_last_word_case_and_accents():
    assert "[meltwater]" in make_snippet(["", "", BODY], ["MELT"], True, MARK)
    assert make_snippet(["", "", BODY], ["melt"], False, MARK) is None  # a whole word only
    assert "[Café]" in make_snippet(["On the Café terrace."], ["cafe"], False, MARK)
    assert "[naïve]" in make_snippet(["A naïve view."], ["NAIVE"], False, MARK)


def test_no_match_gives_none_and_the_first_text_wins_a_tie():
    assert make_snippet(["nothing here"], ["glacier"], False, MARK) is None
    assert make_snippet(["a glacier summary", "a glacier body"], ["glacier"], False,
                        MARK) == "a [glacier] summary"


def test_a_word_is_not_matched_inside_another():
    assert make_snippet(["underground and ground"], ["ground"], False, MARK) == (
        "underground and [ground]")
