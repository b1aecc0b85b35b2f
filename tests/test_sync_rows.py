"""What the library keeps of its sync (schema 10, store/sync_rows.py): the triggers mark
each change for the next sync and nothing else; notes read as their repository files hold
them; a sync's outcome written all or nothing, through the editor's paths."""

from __future__ import annotations

import re
import sqlite3

import pytest

from file_tree import write
from notegui.app import main
from notegui.core.domain import Annotation
from notegui.core.sync_model import SyncAnnotation, SyncNote, SyncSettings
from notegui.store import sync_rows, sync_writes
from notegui.store.library import SqliteLibrary
from notegui.store.sync_rows import Applied, ConflictFound, Synced

GLACIER = "How do glaciers move?"
ICE = "What is ice?"


def _connection(library: SqliteLibrary) -> sqlite3.Connection:
    return library.db.connection()


def _dirty(library: SqliteLibrary) -> set[int]:
    return {row[0] for row in _connection(library).execute("SELECT note_id FROM sync_dirty")}


def _forget_marks(library: SqliteLibrary) -> None:
    """As after a sync: every note has its uid and its file, and no mark."""
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    connection.execute("INSERT OR IGNORE INTO sync_note (uid, note_id, path, blob) "
                       "SELECT uid, note_id, uid || '.md', 'b' FROM sync_id")
    connection.execute("DELETE FROM sync_dirty")
    connection.execute("INSERT OR REPLACE INTO sync_state VALUES ('base', 'ab12')")


def _two_notes(library: SqliteLibrary) -> tuple[int, int]:
    ice, _ = library.create_note(ICE, "Frozen water.", "Water, frozen.", "Ice is *cold*.")
    glacier, _ = library.create_note(GLACIER, "Slowly.", "", f"Ice flows.\nSee [[{ICE}]].")
    return ice, glacier


# -- the triggers ---------------------------------------------------------------------------

def test_each_change_marks_its_note_and_a_read_marks_nothing(library):
    ice, glacier = _two_notes(library)
    assert _dirty(library) == set()  # (new: sent whole, without a mark)
    assert sync_rows.dirty(_connection(library))[1] == [ice, glacier]
    _forget_marks(library)
    library.note(ice), library.search("ice"), library.sources(glacier), library.annotations(ice)
    library.revisions(glacier), library.count()
    assert _dirty(library) == set()
    library.set_tags(ice, ["water"])
    assert _dirty(library) == {ice}
    _forget_marks(library)
    annotation = library.add_annotation(ice, "cold", "Ice is ", "", 7, 11)
    assert _dirty(library) == {ice}
    _forget_marks(library)
    library.update_annotation(annotation.id, comment="brr")
    assert _dirty(library) == {ice}
    _forget_marks(library)
    library.delete_annotation(annotation.id)
    assert _dirty(library) == {ice}
    _forget_marks(library)
    library.trash_note(glacier)
    assert _dirty(library) == {glacier}
    _forget_marks(library)
    library.restore_note(glacier)
    assert _dirty(library) == {glacier}
    _forget_marks(library)
    library.save_note(glacier, GLACIER, "Slowly.", "", "Ice flows downhill.")  # link goes
    assert _dirty(library) == {glacier}


def test_a_new_title_marks_the_notes_that_cite_it(library):
    ice, glacier = _two_notes(library)
    other, _ = library.create_note("Why is the sky blue?", "Light.", "", "Scattering.")
    _forget_marks(library)
    library.save_note(ice, "What is frozen water?", "Frozen water.", "Water, frozen.",
                      "Ice is *cold*.")
    assert _dirty(library) == {ice, glacier}  # (glacier's citation is rewritten too)
    assert other not in _dirty(library)


def test_a_deleted_note_stays_marked(library):
    _ice, glacier = _two_notes(library)
    library.trash_note(glacier)
    _forget_marks(library)
    library.empty_trash()
    assert library.note(glacier) is None
    assert _dirty(library) == {glacier}


def test_vault_notes_are_marked_by_their_import(tmp_path):
    vault = write(tmp_path / "notes", {".obsidian/app.json": "{}",
                                       "a.md": "---\naliases: [Alpha]\n---\nSee [[b]].\n",
                                       "b.md": "Bee.\n"})
    db = tmp_path / "library.sqlite3"
    assert main(["--db", str(db), "import", str(vault)]) == 0
    with SqliteLibrary(db) as library:
        _forget_marks(library)
        assert main(["--db", str(db), "import", str(write(vault, {
            "a.md": "---\naliases: [Aleph]\n---\nSee [[b]].\n", "c.md": "Sea.\n"}))]) == 0
        a, _b, c = library.note_ids()
        assert _dirty(library) == {a}
        assert sync_rows.dirty(_connection(library))[1] == [a, c]  # (c: new)


def test_marks_grow_and_dirty_reads_the_largest(library):
    ice, glacier = _two_notes(library)
    _forget_marks(library)
    library.set_tags(ice, ["a"])
    mark, ids = sync_rows.dirty(_connection(library))
    library.set_tags(glacier, ["b"])
    later, _ = sync_rows.dirty(_connection(library))
    assert ids == [ice] and later > mark


def test_a_library_never_synced_has_every_note_to_send(library):
    ice, glacier = _two_notes(library)
    sync_rows.ensure_uids(_connection(library))
    assert sync_rows.dirty(_connection(library))[1] == [ice, glacier]


def test_a_note_new_since_the_last_sync_is_sent_and_gets_its_uid(library):
    _ice, _glacier = _two_notes(library)
    _forget_marks(library)
    new, _ = library.create_note("Why is the sea salty?", "Salt.", "", "Rivers.")
    connection = _connection(library)
    assert sync_rows.uids(connection, [new]) == {}
    assert sync_rows.dirty(connection)[1] == [new]
    assert len(sync_rows.uids(connection, [new])[new]) == 32
    library.set_tags(new, ["sea"])  # (it has a uid now: its changes are marked)
    assert _dirty(library) == {new}


# -- uids and records -----------------------------------------------------------------------

def test_uids_are_given_once_to_every_note_and_annotation_and_mark_nothing(library):
    ice, glacier = _two_notes(library)
    library.add_annotation(ice, "cold", "Ice is ", "", 7, 11)
    _forget_marks(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    first = sync_rows.uids(connection, [ice, glacier])
    sync_rows.ensure_uids(connection)
    assert sync_rows.uids(connection, [ice, glacier]) == first
    assert all(re.fullmatch("[0-9a-f]{32}", uid) for uid in first.values())
    assert len(set(first.values())) == 2
    (annotation,) = sync_rows.annotations_of(connection, [ice])[ice]
    assert re.fullmatch("[0-9a-f]{32}", annotation.uid)
    assert _dirty(library) == set()


def test_records_hold_what_the_library_holds(library):
    ice, glacier = _two_notes(library)
    library.set_tags(glacier, ["Ice", "alps", "cold"])
    connection = _connection(library)
    connection.execute("UPDATE link SET summary = 'It is water.' WHERE source_id = ?",
                       (glacier,))
    sync_rows.ensure_uids(connection)
    uid = sync_rows.uids(connection, [glacier])[glacier]
    found = sync_rows.records(connection, [glacier, ice, 999])
    note = found[glacier]
    assert note is not None
    assert (note.uid, note.title, note.description, note.body) == (
        uid, GLACIER, "Slowly.", f"Ice flows.\nSee [[{ICE}]].")
    assert note.sources == ((ICE, "It is water."),)
    assert note.tags == ("alps", "cold", "Ice")
    assert note.path == "" and note.created and note.updated
    assert found[999] is None
    library.trash_note(ice)
    assert sync_rows.records(connection, [ice]) == {ice: None}


def test_records_of_vault_notes_keep_path_front_matter_and_aliases(tmp_path):
    front = "aliases: [Alpha, Aleph]\ncolour: red"
    vault = write(tmp_path / "notes", {".obsidian/app.json": "{}",
                                       "a.md": f"---\n{front}\n---\nSee [[b]].\n",
                                       "b.md": "Bee.\n"})
    db = tmp_path / "library.sqlite3"
    assert main(["--db", str(db), "import", str(vault)]) == 0
    with SqliteLibrary(db) as library:
        connection = _connection(library)
        (note_id,) = connection.execute("SELECT id FROM note WHERE path = 'notes/a.md'").fetchone()
        note = sync_rows.records(connection, [note_id])[note_id]
        assert note is not None
        assert (note.path, note.front_matter, note.aliases, note.sources) == (
            "notes/a.md", front + "\n", ("Aleph", "Alpha"), ())
        assert note.body == "See [[b]].\n"


# -- apply ----------------------------------------------------------------------------------

def _uid(n: int) -> str:
    return f"{n:032x}"


def _applied(mark: int = 0, **changes) -> Applied:
    return Applied(base="c0ffee", mark=mark, **changes)


def test_apply_creates_an_own_note_with_its_citations(library):
    ice, _ = _two_notes(library)
    connection = _connection(library)
    new = SyncNote(_uid(1), "Why do rivers meander?", "Erosion.", "They bend.",
                   f"Banks erode.\nCompare [[{ICE}]] and [[What is silt?]].",
                   sources=((ICE, "Cold water."), ("What is silt?", "Fine soil.")),
                   tags=("rivers",), created="2025-01-01T00:00:00Z",
                   updated="2025-02-01T00:00:00Z")
    written = sync_rows.apply(connection, _applied(
        notes=(new,), synced=(Synced(_uid(1), "Why do rivers meander.md", "b1"),)))
    note = library.find("Why do rivers meander?")
    assert note is not None and note.id in written
    assert [(s.target.title, s.summary) for s in library.sources(note.id)] == [
        (ICE, "Cold water."), ("What is silt?", "Fine soil.")]
    assert library.find("What is silt?").is_stub
    assert note.tags == ("rivers",) and note.updated == "2025-02-01T00:00:00Z"
    assert sync_rows.records(connection, [note.id])[note.id] == new
    assert sync_rows.base(connection)[_uid(1)].note_id == note.id
    assert sync_rows.state(connection)["base"] == "c0ffee"
    assert library.check() == []
    assert library.find(ICE).id == ice


def test_apply_updates_a_note_keeping_its_old_text_as_a_revision(library):
    _ice, glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, _ = sync_rows.dirty(connection)
    old = sync_rows.records(connection, [glacier])[glacier]
    assert old is not None
    new = SyncNote(old.uid, "How do glaciers flow?", old.description, old.summary,
                   old.body + "\nThey creep.", old.sources, ("ice",))
    sync_rows.apply(connection, _applied(mark, notes=(new,)))
    note = library.note(glacier)
    assert (note.title, note.body, note.tags) == (
        "How do glaciers flow?", f"Ice flows.\nSee [[{ICE}]].\nThey creep.", ("ice",))
    assert [(r.body, r.reason) for r in library.revisions(glacier)] == [
        (f"Ice flows.\nSee [[{ICE}]].", "sync")]
    assert library.check() == []
    assert _dirty(library) == set()  # (its own writes are not changes to send)


def test_notes_deleted_there_go_to_the_trash_never_further(library):
    _ice, glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    uid = sync_rows.uids(connection, [glacier])[glacier]
    mark, _ = sync_rows.dirty(connection)
    sync_rows.apply(connection, _applied(mark, deleted=(uid,), unsynced=(uid,)))
    assert [n.id for n in library.trashed()] == [glacier]
    assert library.note(glacier).body == f"Ice flows.\nSee [[{ICE}]]."
    assert sync_rows.records(connection, [glacier]) == {glacier: None}
    assert library.check() == []


def test_an_edit_from_there_brings_a_note_back_from_the_trash(library):
    _ice, glacier = _two_notes(library)
    connection = _connection(library)
    mark, _ = sync_rows.dirty(connection)
    theirs = sync_rows.records(connection, [glacier])[glacier]
    assert theirs is not None
    library.trash_note(glacier)
    mark, _ = sync_rows.dirty(connection)
    sync_rows.apply(connection, _applied(mark, notes=(
        SyncNote(theirs.uid, GLACIER, "Edited there.", "", theirs.body, theirs.sources),)))
    assert library.trashed() == []
    assert library.note(glacier).description == "Edited there."
    assert library.check() == []


def test_an_edit_made_while_the_sync_ran_stays_to_be_sent(library):
    ice, glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, seen = sync_rows.dirty(connection)
    assert seen == [ice, glacier]
    library.set_tags(ice, ["late"])  # (during the sync)
    sync_rows.apply(connection, _applied(mark))
    assert _dirty(library) == {ice}


def test_apply_refuses_to_write_over_an_edit_made_while_the_sync_ran(library):
    ice, _glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, _ = sync_rows.dirty(connection)
    theirs = sync_rows.records(connection, [ice])[ice]
    library.save_note(ice, ICE, "Frozen water!", "Water, frozen.", "Ice is *cold*.")
    with pytest.raises(sync_rows.LibraryMoved, match="edited while the sync ran"):
        sync_rows.apply(connection, _applied(mark, notes=(theirs,)))
    assert library.note(ice).description == "Frozen water!"


def test_a_rename_chain_across_notes_applies(library):
    a, _ = library.create_note("A?", "First.", "", "One.")
    b, _ = library.create_note("B?", "Second.", "", "Two, after [[A?]].")
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, _ = sync_rows.dirty(connection)
    found = sync_rows.records(connection, [a, b])
    old_a, old_b = found[a], found[b]
    assert old_a is not None and old_b is not None
    new_b = SyncNote(old_b.uid, "C?", old_b.description, "", "Two, after [[B?]].",
                     ((("B?", "First.")),))
    new_a = SyncNote(old_a.uid, "B?", old_a.description, "", old_a.body)
    sync_rows.apply(connection, _applied(mark, notes=(new_a, new_b)))  # (A->B before B->C)
    assert (library.note(a).title, library.note(b).title) == ("B?", "C?")
    assert [s.target.id for s in library.sources(b)] == [a]
    assert library.check() == []


def test_two_notes_swapping_titles_apply(library):
    a, _ = library.create_note("A?", "First.", "", "One.")
    b, _ = library.create_note("B?", "Second.", "", "Two, after [[A?]].")
    connection = _connection(library)
    mark, _ = sync_rows.dirty(connection)
    found = sync_rows.records(connection, [a, b])
    old_a, old_b = found[a], found[b]
    assert old_a is not None and old_b is not None
    new_a = SyncNote(old_a.uid, "B?", old_a.description, "", old_a.body)
    new_b = SyncNote(old_b.uid, "A?", old_b.description, "", "Two, after [[B?]].",
                     (("B?", "First."),))
    sync_rows.apply(connection, _applied(mark, notes=(new_b, new_a)))
    assert (library.note(a).title, library.note(b).title) == ("B?", "A?")
    assert [s.target.id for s in library.sources(b)] == [a]
    assert library.check() == []


def test_a_title_another_note_has_is_refused_and_nothing_changes(library):
    _ice, _glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    before = library.document()
    clash = SyncNote(_uid(7), GLACIER, "Another glacier note.", "", "Other text.")
    fine = SyncNote(_uid(8), "Why is the sea salty?", "Salt.", "", "Rivers.")
    with pytest.raises(sync_rows.SyncRefused, match="another note's"):
        sync_rows.apply(connection, _applied(notes=(fine, clash)))
    assert library.document() == before
    assert library.find("Why is the sea salty?") is None
    assert "base" not in sync_rows.state(connection)


def test_a_failure_midway_leaves_the_library_as_it_was(library, monkeypatch):
    _ice, glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, _ = sync_rows.dirty(connection)
    uid = sync_rows.uids(connection, [glacier])[glacier]
    before = library.document(), _dirty(library)

    def fail(*_args):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sync_writes, "replace_annotations", fail)
    new = SyncNote(_uid(3), "Why is the sea salty?", "Salt.", "", "Rivers.")
    with pytest.raises(sqlite3.OperationalError):
        sync_rows.apply(connection, _applied(mark, notes=(new,), deleted=(uid,),
                                             annotations={_uid(3): ()}))
    assert (library.document(), _dirty(library)) == before
    assert sync_rows.base(connection) == {}


def _annotation(exact: str, start: int, prefix: str = "", suffix: str = "",
                comment: str = "") -> Annotation:
    return Annotation("", exact, prefix, suffix, start, start + len(exact), comment, "green",
                      "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z")


def test_annotations_are_replaced_by_the_merged_set_and_re_anchored(library):
    ice, _ = _two_notes(library)
    kept = library.add_annotation(ice, "cold", "Ice is ", "", 7, 11, comment="mine")
    dropped = library.add_annotation(ice, "Ice", "", " is", 0, 3)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, _ = sync_rows.dirty(connection)
    by_id = {a.annotation.id: a.uid for a in sync_rows.annotations_of(connection, [ice])[ice]}
    note = sync_rows.records(connection, [ice])[ice]
    assert note is not None
    edited = SyncNote(note.uid, note.title, note.description, note.summary,
                      "Ice is *very cold*, and hard.", tags=note.tags)
    merged = (
        SyncAnnotation(by_id[kept.id], _annotation("cold", 7, "Ice is ", "",
                                                    comment="mine, edited")),
        SyncAnnotation(_uid(9), _annotation("hard", 27, "cold, and ", ".")),
        SyncAnnotation(_uid(10), _annotation("glacial moraine", 40, "a ", "")),
    )
    sync_rows.apply(connection, _applied(mark, notes=(edited,),
                                         annotations={note.uid: merged}))
    now = {a.uid: a.annotation for a in sync_rows.annotations_of(connection, [ice])[ice]}
    assert set(now) == {by_id[kept.id], _uid(9), _uid(10)}
    assert by_id[dropped.id] not in now
    assert now[by_id[kept.id]].id == kept.id  # (the same row, updated)
    assert now[by_id[kept.id]].comment == "mine, edited"
    assert not now[by_id[kept.id]].detached and not now[_uid(9)].detached
    assert now[_uid(10)].detached  # (its words are nowhere in the note: kept, detached)
    assert library.check() == []


def test_an_annotations_quote_edited_on_the_other_side_is_followed(library):
    ice, _ = _two_notes(library)
    library.add_annotation(ice, "Ice is cold", "", "", 0, 11)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, _ = sync_rows.dirty(connection)
    note = sync_rows.records(connection, [ice])[ice]
    assert note is not None
    edited = SyncNote(note.uid, note.title, note.description, note.summary,
                      "Frozen water: ice is very cold indeed.")
    sync_rows.apply(connection, _applied(mark, notes=(edited,)))
    (annotation,) = library.annotations(ice)
    assert not annotation.detached and "cold" in annotation.exact


def test_a_conflict_keeps_the_other_side_in_the_history_until_settled(library):
    _ice, glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mark, _ = sync_rows.dirty(connection)
    mine = sync_rows.records(connection, [glacier])[glacier]
    assert mine is not None
    theirs = SyncNote(mine.uid, GLACIER, mine.description, "", "Ice slides.",
                      ((ICE, "Water, frozen."),))
    found = ConflictFound(mine.uid, ("body",), "mine's file", "theirs' file", theirs)
    sync_rows.apply(connection, _applied(mark, conflicts=(found,)))
    (conflict,) = sync_rows.conflicts(connection)
    assert (conflict.uid, conflict.note_id, conflict.title, conflict.fields, conflict.mine,
            conflict.theirs) == (mine.uid, glacier, GLACIER, ("body",), "mine's file",
                                 "theirs' file")
    assert [(r.body, r.reason) for r in library.revisions(glacier)] == [("Ice slides.",
                                                                          "conflict")]
    assert sync_rows.counts(connection) == (0, 1)
    assert library.note(glacier).body == mine.body
    sync_rows.settle(connection, mine.uid, "theirs", theirs)
    assert library.note(glacier).body == "Ice slides."
    assert sync_rows.conflicts(connection) == []
    assert _dirty(library) == {glacier}  # (the settled note is sent at the next sync)
    assert library.check() == []


def test_keeping_mine_only_closes_the_conflict(library):
    _ice, glacier = _two_notes(library)
    connection = _connection(library)
    sync_rows.ensure_uids(connection)
    mine = sync_rows.records(connection, [glacier])[glacier]
    assert mine is not None
    sync_rows.apply(connection, _applied(conflicts=(
        ConflictFound(mine.uid, ("body",), "m", "t", mine),)))
    sync_rows.settle(connection, mine.uid, "mine")
    assert sync_rows.conflicts(connection) == []
    assert library.note(glacier).body == mine.body
    with pytest.raises(sync_rows.LibraryError, match="no conflict"):
        sync_rows.settle(connection, mine.uid, "mine")


def test_a_vault_note_comes_in_by_its_path_with_its_links(tmp_path):
    vault = write(tmp_path / "notes", {".obsidian/app.json": "{}", "b.md": "Bee.\n"})
    db = tmp_path / "library.sqlite3"
    assert main(["--db", str(db), "import", str(vault)]) == 0
    with SqliteLibrary(db) as library:
        connection = _connection(library)
        sync_rows.ensure_uids(connection)
        new = SyncNote(_uid(4), "a", body="See [[b]] and [[Nowhere]].\n", tags=("x",),
                       aliases=("Alpha",), path="notes/a.md", front_matter="aliases: [Alpha]",
                       created="2025-01-01T00:00:00Z", updated="2025-01-01T00:00:00Z")
        sync_rows.apply(connection, _applied(notes=(new,)))
        (note_id,) = connection.execute("SELECT id FROM note WHERE path = 'notes/a.md'"
                                        ).fetchone()
        assert sync_rows.records(connection, [note_id])[note_id] == new
        assert [s.target.title for s in library.sources(note_id)] == ["b", "Nowhere"]
        assert library.check() == []


def test_settings_are_kept_in_the_library(library):
    connection = _connection(library)
    assert sync_rows.settings(connection) == SyncSettings()
    chosen = SyncSettings("ssh://host/notes.git", True, 15, True)
    sync_rows.set_settings(connection, chosen)
    assert sync_rows.settings(connection) == chosen


def test_a_library_without_a_sync_table_is_refused_by_name(tmp_path):
    """The opening checks learn schema 10's tables from its SQL, as every other's."""
    from notegui.store.errors import LibraryError
    from notegui.store.integrity import preflight

    path = tmp_path / "library.sqlite3"
    with SqliteLibrary(path):
        pass
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE sync_dirty")
    connection.commit()
    connection.close()
    with pytest.raises(LibraryError, match="no table sync_dirty"):
        preflight(path)
