"""Editing through the library: saving, creating, renaming, the Trash, revisions, tags,
annotations and changes made by another process."""

from __future__ import annotations

from dataclasses import replace

import pytest

from notegui.core.errors import LibraryError
from notegui.store.library import SqliteLibrary

GLACIERS = "How do glaciers move?"
ICE = "Is ice a solid?"
SEA = "Why is the sea salty?"


@pytest.fixture
def notes(library):
    """Three notes: glaciers cites ice; sea cites glaciers (with its own Sources line)."""
    ice_id, _ = library.create_note(ICE, "Mostly.", "Ice is a slow fluid.", "Ice creeps.")
    glaciers_id, _ = library.create_note(
        GLACIERS, "By flowing.", "Glaciers flow.", f"Because [[{ICE}]] Ice deforms.")
    sea_id, _ = library.create_note(SEA, "Rivers.", "", f"See [[{GLACIERS}]] for ice; salt.")
    return library, glaciers_id, ice_id, sea_id


def titles(library, refs):
    return [ref.title for ref in refs]


def test_save_changes_the_text_and_the_links_follow_the_citations(notes):
    library, glaciers, ice, sea = notes
    changes = library.save_note(glaciers, GLACIERS, "By flowing.", "Glaciers flow.",
                                f"It is [[{SEA}]], not ice.")
    assert glaciers in changes.notes and changes.links
    assert [s.target.title for s in library.sources(glaciers)] == [SEA]
    assert library.backlinks(ice) == []
    assert [b.source.title for b in library.backlinks(sea)] == [GLACIERS]
    assert library.note(glaciers).body == f"It is [[{SEA}]], not ice."
    assert library.search("flowing")[0].note.id == glaciers
    assert library.check() == []


def test_saving_the_same_text_writes_nothing_and_keeps_no_revision(notes):
    library, glaciers, *_ = notes
    note = library.note(glaciers)
    assert not library.save_note(glaciers, note.title, note.description, note.summary,
                                 note.body)
    assert library.revisions(glaciers) == []


def test_a_citation_of_a_new_title_makes_a_stub_or_stays_text(notes):
    library, glaciers, *_ = notes
    new = "Do glaciers sing?"
    assert library.missing_citations(f"[[{new}]] and [[{ICE}]]") == [new]
    library.save_note(glaciers, GLACIERS, "", "", f"[[{new}]]", create_missing=False)
    assert library.find(new) is None and library.sources(glaciers) == []
    library.save_note(glaciers, GLACIERS, "", "", f"[[{new}]] yes", create_missing=True)
    stub = library.find(new)
    assert stub.is_stub and [s.target.id for s in library.sources(glaciers)] == [stub.id]


def test_bad_fields_are_refused_by_name_and_change_nothing(notes):
    library, glaciers, *_ = notes
    before = library.note(glaciers)
    for title, field in (("", "title"), ("Not a question", "title"), ("Two?\nlines?", "title"),
                         ("x" * 400 + "?", "title")):
        with pytest.raises(LibraryError, match=field):
            library.save_note(glaciers, title, "", "", "")
    with pytest.raises(LibraryError, match="description: it is one line"):
        library.save_note(glaciers, GLACIERS, "one\ntwo", "", "")
    with pytest.raises(LibraryError, match="already titled"):
        library.save_note(glaciers, SEA, "", "", "")
    with pytest.raises(LibraryError, match="already exists"):
        library.create_note(SEA.upper())
    assert library.note(glaciers) == before


def test_rename_rewrites_every_citation_of_the_old_title_and_keeps_revisions(notes):
    library, glaciers, _ice, sea = notes
    new = "How do glaciers flow downhill?"
    changes = library.save_note(glaciers, new, "By flowing.", "Glaciers flow.",
                                f"Because [[{ICE}]] Ice deforms.")
    assert sea in changes.notes
    assert library.note(sea).body == f"See [[{new}]] for ice; salt."
    assert library.find(GLACIERS) is None
    assert [s.target.title for s in library.sources(sea)] == [new]
    assert [r.reason for r in library.revisions(sea)] == ["rename"]
    assert library.revisions(sea)[0].body == f"See [[{GLACIERS}]] for ice; salt."
    assert "Sources 1 note" in library.export_text(SEA) and new in library.export_text(SEA)
    assert library.check() == []


def test_renaming_onto_a_stub_takes_its_citations(notes):
    library, glaciers, _ice, sea = notes
    wanted = "Do glaciers sing?"
    library.save_note(sea, SEA, "Rivers.", "", f"See [[{GLACIERS}]] and [[{wanted}]].")
    stub = library.find(wanted)
    library.save_note(glaciers, wanted, "By flowing.", "", "Yes.")
    assert library.note(stub.id) is None
    assert [s.target.id for s in library.sources(sea)] == [glaciers]
    assert library.note(sea).body == f"See [[{wanted}]] and [[{wanted}]]."


def test_creating_a_note_of_a_stubs_title_fills_the_stub(notes):
    library, glaciers, *_ = notes
    library.save_note(glaciers, GLACIERS, "", "", "[[Do glaciers sing?]]")
    stub = library.find("Do glaciers sing?")
    note_id, _ = library.create_note("do glaciers  sing?", "They creak.", "", "Creaks.")
    assert note_id == stub.id and library.note(note_id).description == "They creak."


def test_trash_hides_a_note_and_restore_brings_it_back_whole(notes):
    library, glaciers, ice, _sea = notes
    library.add_annotation(glaciers, "Ice deforms", "", "", 5, 16, "green", "key point")
    before = library.count()
    library.trash_note(glaciers)
    assert glaciers not in library.note_ids() and library.count() == before - 1
    assert library.search("flowing") == []
    assert library.backlinks(ice) == []
    assert library.note(glaciers).trashed
    assert titles(library, library.trashed()) == [GLACIERS]
    with pytest.raises(LibraryError, match="Trash"):
        library.save_note(glaciers, GLACIERS, "x", "", "")
    library.restore_note(glaciers)
    assert glaciers in library.note_ids() and library.trashed() == []
    assert [b.source.title for b in library.backlinks(ice)] == [GLACIERS]
    assert [a.comment for a in library.annotations(glaciers)] == ["key point"]


def test_emptying_the_trash_keeps_a_cited_title_as_a_stub(notes):
    library, glaciers, ice, sea = notes
    library.trash_note(glaciers)  # sea still cites it
    library.trash_note(ice)  # cited only by glaciers, which is in the Trash too
    library.empty_trash()
    assert library.trashed() == []
    assert library.note(glaciers).is_stub and library.note(ice) is None
    assert [s.target.id for s in library.sources(sea)] == [glaciers]


def test_each_save_keeps_a_revision_and_restoring_one_is_a_revision_too(notes):
    library, glaciers, *_ = notes
    library.save_note(glaciers, GLACIERS, "By flowing.", "Glaciers flow.", "Second text.")
    library.save_note(glaciers, GLACIERS, "By sliding.", "Glaciers flow.", "Third text.")
    first, second = library.revisions(glaciers)
    assert first.body == f"Because [[{ICE}]] Ice deforms." and second.body == "Second text."
    assert (first.reason, second.reason) == ("save", "save")
    library.restore_revision(first.id)
    note = library.note(glaciers)
    assert (note.description, note.body) == ("By flowing.", f"Because [[{ICE}]] Ice deforms.")
    assert [s.target.title for s in library.sources(glaciers)] == [ICE]
    history = library.revisions(glaciers)
    assert len(history) == 3 and history[-1].body == "Third text."
    assert history[-1].reason == "restore"


def test_tags_are_set_and_filter_the_search(notes):
    library, glaciers, *_ = notes
    assert library.set_tags(glaciers, ["ice", "Earth"])
    assert library.note(glaciers).tags == ("Earth", "ice")
    assert [hit.note.id for hit in library.search("tag:ice")] == [glaciers]
    assert not library.set_tags(glaciers, ["EARTH", "ice"])  # same tags
    library.set_tags(glaciers, [])
    assert library.note(glaciers).tags == () and library.search("tag:ice") == []


def test_annotations_are_added_changed_moved_browsed_and_deleted(notes):
    library, glaciers, ice, _sea = notes
    first = library.add_annotation(glaciers, "Ice deforms", "Because ", "", 20, 31)
    second = library.add_annotation(ice, "creeps", "Ice ", ".", 4, 10, "pink", "like honey")
    assert library.update_annotation(first.id, comment="the mechanism").comment == (
        "the mechanism")
    assert library.update_annotation(first.id, color="blue").color == "blue"
    with pytest.raises(LibraryError, match="colour"):
        library.update_annotation(first.id, color="octarine")
    with pytest.raises(LibraryError, match="select some text"):
        library.add_annotation(ice, "  ", "", "", 0, 2)
    assert [a.id for a in library.all_annotations()] == [first.id, second.id]
    assert [a.id for a in library.all_annotations(words="honey")] == [second.id]
    assert [a.id for a in library.all_annotations(words="glaciers")] == [first.id]
    assert [a.id for a in library.all_annotations(color="pink")] == [second.id]
    assert [a.id for a in library.all_annotations(note_id=glaciers)] == [first.id]
    moved = library.annotations(glaciers)[0]

    library.move_annotations([replace(moved, start=40, end=51, detached=True)])
    assert library.annotations(glaciers)[0].detached
    assert library.annotations(glaciers)[0].start == 40
    library.delete_annotation(second.id)
    assert library.annotations(ice) == []


def test_the_main_search_finds_annotation_comments(notes):
    library, _glaciers, ice, _sea = notes
    library.add_annotation(ice, "creeps", "", "", 4, 10, comment="viscous like honey")
    hits = library.search("honey")
    assert [hit.note.id for hit in hits] == [ice]
    assert "honey" in hits[0].snippet
    assert [hit.note.id for hit in library.search("honey", quick=True)] == [ice]


def test_another_connection_writing_is_noticed(notes, library_path):
    library, *_ = notes
    assert not library.changed_elsewhere()
    library.create_note("Is this mine?")
    assert not library.changed_elsewhere()  # its own writes are not "elsewhere"
    with SqliteLibrary(library_path) as other:
        other.create_note("Is this from the command line?")
    assert library.changed_elsewhere()
    assert not library.changed_elsewhere()
    assert library.find("Is this from the command line?") is not None


def test_w3c_annotations_import_onto_their_notes_by_title(notes, tmp_path):
    from notegui.core.formats import annotation_export

    library, glaciers, _ice, _sea = notes
    library.add_annotation(glaciers, "Ice deforms", "Because ", "", 20, 31, "pink", "why?")
    exported = annotation_export.to_w3c(library.all_annotations())
    library.delete_annotation(library.annotations(glaciers)[0].id)
    path = tmp_path / "notes.jsonld"
    path.write_text(exported, encoding="utf-8")
    [outcome] = list(library.import_paths([path]))
    assert outcome.status == "imported"
    [back] = library.annotations(glaciers)
    assert (back.exact, back.color, back.comment, back.start) == ("Ice deforms", "pink",
                                                                   "why?", 20)
    [again] = list(library.import_paths([path]))
    assert again.status == "unchanged"  # the same annotation is not added twice
    bad = tmp_path / "bad.jsonld"
    bad.write_text(exported.replace('"TextQuoteSelector"', '"NoSelector"'), encoding="utf-8")
    [refused] = list(library.import_paths([bad]))
    assert refused.status == "refused" and refused.reason == "every entry is refused"
    assert refused.refused_entries == (
        "first.items[0].target.selector: no TextQuoteSelector (notegui needs the quoted text)",)
    assert len(library.annotations(glaciers)) == 1


def test_changes_say_whether_the_list_changed(notes):
    library, glaciers, _ice, _sea = notes
    text_only = library.save_note(glaciers, GLACIERS, "By flowing.", "", "New words.")
    assert text_only.links and not text_only.listing  # the list's rows stay as they are
    with_stub = library.save_note(glaciers, GLACIERS, "By flowing.", "", "[[Is it new?]]")
    assert with_stub.listing  # a stub joined the list
    renamed = library.save_note(glaciers, "How do glaciers slide?", "", "", "[[Is it new?]]")
    assert renamed.listing
