"""One note merged three ways (issue 18): both sides' edits kept wherever they do not
touch the same lines; the same lines changed differently are a conflict that keeps both
texts; a rename and an edit both survive, citations following the rename; an edit beats
a deletion and says so; tags, aliases and annotations merge as sets."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from notegui.core.domain import Annotation
from notegui.core.sync_model import SyncAnnotation, SyncNote
from notegui.sync.merge import follow_renames, merge, merge_annotations, merge_lines

UID = "0123456789abcdef0123456789abcdef"
BODY = "First paragraph.\nSecond paragraph cites [[Why B?]].\nThird paragraph."
BASE = SyncNote(UID, "Why A?", "Its description.", "Its summary.", BODY,
                (("Why B?", "what B says"),), tags=("alpha", "beta"),
                created="2026-01-01T00:00:00Z", updated="2026-01-01T00:00:00Z")


def edit(note: SyncNote, **changes: object) -> SyncNote:
    return dataclasses.replace(note, **changes)  # type: ignore[arg-type]


def test_disjoint_edits_of_fields_merge() -> None:
    mine = edit(BASE, title="Why A, really?", tags=("alpha", "beta", "mine"),
                updated="2026-01-02T00:00:00Z")
    theirs = edit(BASE, description="A better description.", summary="New summary.",
                  tags=("alpha", "theirs"), updated="2026-01-03T00:00:00Z")
    merged = merge(BASE, mine, theirs)
    assert merged.conflict == () and merged.theirs is None
    assert merged.note == edit(BASE, title="Why A, really?",
                               description="A better description.", summary="New summary.",
                               tags=("alpha", "mine", "theirs"),
                               updated="2026-01-03T00:00:00Z")


def test_edits_of_different_paragraphs_of_one_note_merge() -> None:
    mine = edit(BASE, body=BODY.replace("First paragraph.", "First, rewritten here."))
    theirs = edit(BASE, body=BODY.replace("Third paragraph.", "Third, rewritten there."))
    merged = merge(BASE, mine, theirs)
    assert merged.conflict == ()
    assert merged.note is not None
    assert merged.note.body == ("First, rewritten here.\nSecond paragraph cites "
                                "[[Why B?]].\nThird, rewritten there.")


def test_the_same_paragraph_edited_differently_is_a_conflict_keeping_both() -> None:
    mine = edit(BASE, body=BODY.replace("Third paragraph.", "Third, my way.")
                .replace("First paragraph.", "First, mine only."))
    theirs = edit(BASE, body=BODY.replace("Third paragraph.", "Third, their way."),
                  summary="Their summary.")
    merged = merge(BASE, mine, theirs)
    assert merged.conflict == ("body",)
    assert merged.theirs == theirs  # (the other side whole: kept as a revision)
    assert merged.note is not None
    assert merged.note.body == mine.body  # mine in the conflicting lines
    assert merged.note.summary == "Their summary."  # the rest merged
    assert "Third, their way." in merged.theirs.body


def test_paragraphs_added_at_one_place_on_both_sides_are_all_kept() -> None:
    mine = edit(BASE, body=BODY + "\nMine at the end.")
    theirs = edit(BASE, body=BODY + "\nTheirs at the end.")
    merged = merge(BASE, mine, theirs)
    assert merged.conflict == ()
    assert merged.note is not None
    assert merged.note.body == BODY + "\nMine at the end.\nTheirs at the end."


def test_fields_changed_differently_on_both_sides_are_conflicts() -> None:
    mine = edit(BASE, title="Why mine?", description="Mine.")
    theirs = edit(BASE, title="Why theirs?", description="Mine.")
    merged = merge(BASE, mine, theirs)
    assert merged.conflict == ("title",)
    assert merged.note is not None and merged.note.title == "Why mine?"
    assert merged.theirs == theirs


def test_the_same_change_on_both_sides_is_one_change() -> None:
    changed = edit(BASE, body=BODY + "\nThe same.", title="Why same?", tags=("beta",))
    assert merge(BASE, changed, changed).note == changed
    assert merge(BASE, changed, changed).conflict == ()


def test_a_rename_and_an_edit_both_survive_and_citations_follow() -> None:
    cited = SyncNote("b" * 32, "Why B?", body="B's text.")
    renamed = edit(cited, title="Why B, renamed?")
    edited = edit(cited, body="B's text, edited.")
    merged = merge(cited, renamed, edited)
    assert merged.conflict == ()
    assert merged.note == edit(cited, title="Why B, renamed?", body="B's text, edited.")
    # The citing note: this side rewrote the citation (the rename), the other edited the
    # very paragraph that cites B and cited B again elsewhere.
    renames = {"why b?": "Why B, renamed?"}
    mine = follow_renames(BASE, renames)
    theirs = edit(BASE, body=BODY.replace("Second paragraph", "Second, edited,") +
                  "\nAgain [[why b?]].")
    merged = merge(*(follow_renames(note, renames) for note in (BASE, mine, theirs)))
    assert merged.conflict == ()
    assert merged.note is not None
    assert merged.note.body == ("First paragraph.\nSecond, edited, cites [[Why B, renamed?]]."
                                "\nThird paragraph.\nAgain [[Why B, renamed?]].")
    assert merged.note.sources == (("Why B, renamed?", "what B says"),)


def test_follow_renames_leaves_other_citations_and_vault_notes_alone() -> None:
    note = edit(BASE, body="[[Why B?]] and [[Why C?]] and [\\[Why B?]] text")
    renamed = follow_renames(note, {"why b?": "Why D?"})
    assert renamed.body == "[[Why D?]] and [[Why C?]] and [\\[Why B?]] text"
    vault = SyncNote(UID, "v", body="[[Why B?]]", path="v/v.md")
    assert follow_renames(vault, {"why b?": "Why D?"}) == vault


def test_an_edit_against_a_deletion_keeps_the_edit_and_says_so() -> None:
    edited = edit(BASE, body=BODY + "\nAn edit.")
    for merged in (merge(BASE, None, edited), merge(BASE, edited, None)):
        assert merged.note == edited and merged.kept_over_delete
        assert merged.conflict == ()
    # Unchanged on the other side (its times aside): the deletion stands.
    touched = edit(BASE, updated="2026-05-05T00:00:00Z")
    assert merge(BASE, None, touched).note is None
    assert merge(BASE, BASE, None).note is None
    assert merge(BASE, None, None).note is None


def test_a_note_new_on_one_side_is_taken() -> None:
    assert merge(None, BASE, None).note == BASE
    assert merge(None, None, BASE).note == BASE
    assert not merge(None, None, BASE).kept_over_delete


def test_a_note_new_on_both_sides_merges_two_ways() -> None:
    same = merge(None, BASE, edit(BASE, tags=("gamma",)))
    assert same.conflict == ()
    assert same.note is not None and same.note.tags == ("alpha", "beta", "gamma")
    other = merge(None, BASE, edit(BASE, body="Another text altogether."))
    assert other.conflict == ("body",)
    assert other.note is not None and other.note.body == BODY


def test_tags_and_aliases_merge_as_sets() -> None:
    base = edit(BASE, tags=("a", "b", "c"), aliases=("one", "two"))
    mine = edit(base, tags=("a", "c", "d"), aliases=("one", "two", "three"))  # -b +d
    theirs = edit(base, tags=("A", "b", "e"), aliases=("two",))  # A's case, -c +e, -one
    merged = merge(base, mine, theirs).note
    assert merged is not None
    assert merged.tags == ("A", "d", "e")
    assert merged.aliases == ("two", "three")


def test_sources_merge_by_cited_title() -> None:
    base = edit(BASE, body="Cites [[Why B?]] and [[Why C?]].",
                sources=(("Why B?", "b"), ("Why C?", "c")))
    mine = edit(base, sources=(("Why B?", "b, mine"), ("Why C?", "c")))
    theirs = edit(base, body="Cites [[Why B?]] only.", sources=(("Why B?", "b"),))
    merged = merge(base, mine, theirs)
    assert merged.conflict == ()
    assert merged.note is not None
    assert merged.note.sources == (("Why B?", "b, mine"),)
    both = merge(base, mine, edit(base, sources=(("Why B?", "b, theirs"), ("Why C?", "c"))))
    assert both.conflict == ("sources",)


def test_a_vault_note_s_front_matter_merges_by_line() -> None:
    base = SyncNote(UID, "n", body="text", path="v/n.md", front_matter="a: 1\nb: 2\nc: 3\n")
    mine = edit(base, front_matter="a: 10\nb: 2\nc: 3\n")
    theirs = edit(base, front_matter="a: 1\nb: 2\nc: 30\n", body="text, edited")
    merged = merge(base, mine, theirs)
    assert merged.conflict == ()
    assert merged.note == edit(base, front_matter="a: 10\nb: 2\nc: 30\n", body="text, edited")


def annotation(uid: str, comment: str = "", start: int = 0, **more: object) -> SyncAnnotation:
    return SyncAnnotation(uid, Annotation("Why A?", "words", "", "", start, start + 5,
                                          comment, "yellow", "t", "t", **more))  # type: ignore[arg-type]


def test_annotations_merge_as_a_set_by_id() -> None:
    base = [annotation("kept"), annotation("gone here"), annotation("gone there"),
            annotation("changed here"), annotation("changed there"), annotation("both")]
    mine = [annotation("kept", id=7, note_id=3), annotation("gone there"),
            annotation("changed here", "mine"), annotation("changed there"),
            annotation("both", "mine"), annotation("new here")]
    theirs = [annotation("kept"), annotation("gone here"), annotation("changed here"),
              annotation("changed there", "theirs"), annotation("both", "theirs"),
              annotation("new there")]
    merged = merge_annotations(base, mine, theirs)
    assert [(item.uid, item.annotation.comment) for item in merged] == [
        ("kept", ""), ("changed here", "mine"), ("changed there", "theirs"),
        ("both", "mine"), ("new here", ""), ("new there", "")]
    assert merged[0].annotation.id == 7  # (this library's row: mine when unchanged)


_LINES = st.lists(st.sampled_from(["a", "b", "c", "d", ""]), max_size=8).map("\n".join)


@settings(max_examples=500, deadline=None)
@given(_LINES, _LINES)
def test_one_side_s_change_is_taken_whole(base: str, changed: str) -> None:
    assert merge_lines(base, changed, base) == (changed, False)
    assert merge_lines(base, base, changed) == (changed, False)
    assert merge_lines(base, changed, changed) == (changed, False)


@settings(max_examples=500, deadline=None)
@given(_LINES, _LINES, _LINES)
def test_a_merge_keeps_every_line_either_side_added(base: str, mine: str, theirs: str,
                                                    ) -> None:
    merged, clash = merge_lines(base, mine, theirs)
    kept, was = set(merged.split("\n")), set(base.split("\n"))
    assert set(mine.split("\n")) - was <= kept  # (a conflict's lines are mine)
    if not clash:
        assert set(theirs.split("\n")) - was <= kept
