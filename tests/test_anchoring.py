"""Re-anchoring annotations after a note was edited: follow the words, or detach."""

from __future__ import annotations

import random

import pytest

from notegui.core.anchoring import (
    CONTEXT,
    Anchor,
    from_utf16,
    make_anchor,
    reanchor,
    reanchor_all,
    to_utf16,
)

TEXT = (
    "Reasoning transfers across numbers. The quick brown fox jumps over the lazy dog, "
    "and the dog does not mind at all. Factual recall does not transfer."
)


def anchor_on(text: str, words: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return make_anchor(text, start, start + len(words))


def test_make_anchor_keeps_context_and_clamps():
    anchor = anchor_on(TEXT, "quick brown fox")
    assert anchor.exact == "quick brown fox"
    assert anchor.prefix == TEXT[anchor.start - CONTEXT:anchor.start]
    assert anchor.suffix == TEXT[anchor.end:anchor.end + CONTEXT]
    assert make_anchor("abc", -5, 99) == Anchor(0, 3, "abc", "", "")
    assert make_anchor("abcdef", 4, 1) == make_anchor("abcdef", 1, 4)  # a backward selection


def test_unchanged_text_keeps_the_anchor():
    anchor = anchor_on(TEXT, "jumps over the lazy dog")
    assert reanchor(anchor, TEXT) == anchor


def test_text_added_after_a_quote_that_ended_the_note_refreshes_its_suffix():
    anchor = make_anchor("a closing remark", 2, 16)
    assert anchor.suffix == ""
    moved = reanchor(anchor, "a closing remark, and more")
    assert moved == Anchor(2, 16, "closing remark", "a ", ", and more")


def test_text_inserted_before_shifts_the_anchor():
    anchor = anchor_on(TEXT, "jumps over the lazy dog")
    edited = "A new first sentence, quite long. " + TEXT
    moved = reanchor(anchor, edited)
    assert moved is not None
    assert moved.exact == anchor.exact
    assert moved.start == anchor.start + len("A new first sentence, quite long. ")
    assert edited[moved.start:moved.end] == anchor.exact
    assert moved.prefix == edited[moved.start - CONTEXT:moved.start]


def test_text_inserted_right_before_the_quote_still_follows_it():
    anchor = anchor_on(TEXT, "jumps over the lazy dog")
    edited = TEXT.replace("fox jumps", "fox, without warning, jumps")
    moved = reanchor(anchor, edited)
    assert moved is not None and edited[moved.start:moved.end] == "jumps over the lazy dog"


def test_words_inserted_inside_the_quote_are_followed_and_exact_updated():
    anchor = anchor_on(TEXT, "quick brown fox jumps over the lazy dog")
    edited = TEXT.replace("brown fox", "brown and very clever fox")
    moved = reanchor(anchor, edited)
    assert moved is not None
    assert moved.exact == "quick brown and very clever fox jumps over the lazy dog"
    assert edited[moved.start:moved.end] == moved.exact


def test_a_changed_word_at_the_edge_of_the_quote_stays_inside_it():
    anchor = anchor_on(TEXT, "quick brown fox jumps")
    edited = TEXT.replace("quick brown", "slow brown")
    moved = reanchor(anchor, edited)
    assert moved is not None and moved.exact == "slow brown fox jumps"


def test_deleted_words_detach():
    anchor = anchor_on(TEXT, "quick brown fox jumps")
    assert reanchor(anchor, TEXT.replace("quick brown fox jumps ", "")) is None


def test_mostly_rewritten_quote_detaches():
    anchor = anchor_on(TEXT, "quick brown fox jumps over")
    edited = TEXT.replace("quick brown fox jumps over", "slow grey cat crawls under")
    assert reanchor(anchor, edited) is None


def test_duplicate_phrase_elsewhere_does_not_take_the_anchor():
    text = (
        "First, in the morning, the key idea is simple and we say so. Later, once the "
        "evidence is in, the key idea is simple: practice transfers."
    )
    second = anchor_on(text, "the key idea is simple", occurrence=1)
    edited = "Preface added here. " + text.replace("First, in the", "In the early")
    moved = reanchor(second, edited)
    assert moved is not None
    assert moved.start == edited.index("the key idea is simple", edited.index("Later"))

    first = anchor_on(text, "the key idea is simple")
    moved = reanchor(first, edited)
    assert moved is not None
    assert moved.start == edited.index("the key idea is simple")


def test_an_edited_quote_is_followed_rather_than_its_twin_elsewhere():
    text = (
        "Chapter one says the key idea is simple enough for anyone. Much later, chapter "
        "nine repeats that the key idea is simple enough, in passing."
    )
    anchor = anchor_on(text, "the key idea is simple enough", occurrence=1)
    edited = text.replace("that the key idea is simple", "that the key idea is quite simple")
    moved = reanchor(anchor, edited)
    assert moved is not None
    assert moved.exact == "the key idea is quite simple enough"


def test_a_short_quote_whose_place_is_gone_does_not_jump_to_a_stranger():
    text = "Cats purr when content. Dogs wag. Birds sing at dawn, loudly and often."
    anchor = anchor_on(text, "wag")
    edited = "Birds sing at dawn. The flag will wag in the wind, as the report said."
    assert reanchor(anchor, edited) is None


def test_whitespace_reflow_does_not_detach():
    anchor = anchor_on(TEXT, "quick brown fox jumps over the lazy dog")
    reflowed = TEXT.replace(" ", "\n", 6).replace("over the", "over\n\n   the")
    moved = reanchor(anchor, reflowed)
    assert moved is not None
    assert " ".join(moved.exact.split()) == anchor.exact
    assert reflowed[moved.start:moved.end] == moved.exact
    # and back: the quote taken on reflowed text is found in the single-spaced one
    back = reanchor(moved, TEXT)
    assert back is not None and back.exact == anchor.exact


def test_quote_spanning_a_paragraph_break():
    text = "One paragraph ends here.\n\nAnother begins there, and goes on."
    anchor = anchor_on(text, "here.\n\nAnother begins")
    edited = "Intro.\n" + text.replace("\n\n", "\u2029")  # Qt's paragraph separator
    moved = reanchor(anchor, edited)
    assert moved is not None and moved.exact == "here.\u2029Another begins"


def test_unicode_offsets_count_code_points():
    text = "Café ☕ au lait — naïve 日本語のテキスト, and 🙂 emoji. Plus a closing line."
    anchor = anchor_on(text, "naïve 日本語のテキスト")
    edited = "🙂🙂 " + text
    moved = reanchor(anchor, edited)
    assert moved is not None
    assert moved.start == anchor.start + 3  # two emoji and a space: three code points
    assert edited[moved.start:moved.end] == "naïve 日本語のテキスト"
    edited = text.replace("naïve", "naïve et simple")
    moved = reanchor(anchor, edited)
    assert moved is not None and moved.exact == "naïve et simple 日本語のテキスト"


def test_blank_quote_detaches():
    assert reanchor(Anchor(3, 3, "", "abc", "def"), "abcdef") is None


def test_long_quote_edited_in_the_middle_follows_its_ends():
    words = [f"w{i}" for i in range(400)]
    text = " ".join(words)
    anchor = anchor_on(text, " ".join(words[100:200]))
    edited = text.replace("w150 w151", "w150 entirely new material here w151")
    moved = reanchor(anchor, "Intro. " + edited)
    assert moved is not None
    assert moved.exact.startswith("w100 w101") and moved.exact.endswith("w198 w199")
    assert "entirely new material" in moved.exact
    assert reanchor(anchor, " ".join(words[:100] + words[200:])) is None


def test_reanchor_all_keeps_order_and_detaches_individually():
    anchors = [anchor_on(TEXT, "quick brown fox"), anchor_on(TEXT, "Factual recall")]
    edited = TEXT.replace("quick brown fox ", "")
    moved = reanchor_all(anchors, edited)
    assert moved[0] is None
    assert moved[1] is not None and moved[1].exact == "Factual recall"


def test_a_twenty_thousand_word_note_completes():
    """Not a timing test: a realistic size runs through every step (the bound is in the
    module docstring; the measured figures are in the README)."""
    rng = random.Random(7)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9)))
                  for _ in range(3000)]
    words = rng.choices(vocabulary, weights=[1 / (i + 1) for i in range(3000)], k=20_000)
    text = " ".join(words)
    assert len(text) > 100_000
    anchors = []
    for _ in range(40):
        start = text.index(" ", rng.randrange(len(text) - 500)) + 1
        end = text.index(" ", start + rng.randint(20, 200))
        anchors.append(make_anchor(text, start, end))
    cut = anchors[0]
    edited = "A new opening. " + text[:cut.start] + text[cut.end:]
    moved = reanchor_all(anchors, edited)
    assert moved[0] is None
    for anchor, after in zip(anchors[1:], moved[1:], strict=True):
        if cut.start < anchor.end and anchor.start < cut.end:
            continue  # overlapped the cut
        assert after is not None and after.exact == anchor.exact


@pytest.mark.parametrize("edit", ["", "x", " \n "])
def test_tiny_texts_do_not_fail(edit):
    """A one-letter quote in a text without it: detached, no error."""
    anchor = make_anchor("a b", 0, 1)
    assert reanchor(anchor, edit) is None


def test_whatever_the_edit_a_found_anchor_describes_the_new_text():
    rng = random.Random(11)
    pieces = ["the", "a", "quick", "fox", "café", "日本", ",", ".", "\n", "\n\n", "\t",
              "\u2029", "🙂", "  "]
    for _ in range(1500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        anchor = make_anchor(text, rng.randrange(len(text) + 1), rng.randrange(len(text) + 1))
        edited = list(text)
        for _ in range(rng.randint(0, 4)):
            at = rng.randrange(len(edited) + 1)
            if rng.random() < 0.5:
                edited[at:at] = rng.choice(pieces) + " "
            else:
                del edited[at:at + rng.randint(1, 8)]
        new = "".join(edited)
        found = reanchor(anchor, new)
        if found is not None:
            assert found == make_anchor(new, found.start, found.end), (text, anchor, new)
            assert found.exact.strip()


def test_utf16_offsets_for_qt_positions():
    text = "a🙂b \U0001d465 c"  # an emoji and a math x: Qt counts each as two positions
    assert [to_utf16(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 7, 8, 9]
    assert [from_utf16(text, q) for q in range(10)] == [0, 1, 1, 2, 3, 4, 4, 5, 6, 7]
    assert from_utf16(text, 99) == len(text) and from_utf16(text, -1) == 0
    assert from_utf16("plain", 3) == 3 and to_utf16("plain", 3) == 3
