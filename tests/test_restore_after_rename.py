"""Restoring a version written before a cited note was renamed cites that note by the title
it has now, with the Sources line the version had; the old title does not come back as a
new stub. Found by the note id the version kept, or for a version kept before ids were
(its links hold titles only) by the renamed note's own history."""

from __future__ import annotations

import json

import pytest

from notegui.store import models
from notegui.store.library import SqliteLibrary

CITED, RENAMED = "Why is the cited note here?", "Why is the cited note still here?"
CITING = "What cites the other note?"


@pytest.fixture
def renamed(library: SqliteLibrary) -> tuple[SqliteLibrary, int, int]:
    """A cites B; A is edited (its first version kept), then B is renamed."""
    cited_id, _ = library.create_note(CITED, "B's description.", "B in one line.", "B's body.")
    citing_id, _ = library.create_note(
        CITING, "A's description.", "", f"It follows from [[{CITED}]], as said.")
    models.Link.update(summary="The line A gave B then.").execute(library.db)  # its Sources line
    library.save_note(citing_id, CITING, "A's description.", "",
                      "Rewritten without the citation.")
    first = library.revisions(citing_id)[0]
    assert first.body == f"It follows from [[{CITED}]], as said."
    library.save_note(cited_id, RENAMED, "B's description.", "B in one line.", "B's body.")
    return library, citing_id, first.id


def check_restored(library: SqliteLibrary, citing_id: int, revision_id: int) -> None:
    library.restore_revision(revision_id)
    assert library.note(citing_id).body == f"It follows from [[{RENAMED}]], as said."
    assert library.find(CITED) is None  # no stub of the old title
    sources = library.sources(citing_id)
    assert [(s.target.title, s.summary) for s in sources] == [
        (RENAMED, "The line A gave B then.")]
    assert [b.source.title for b in library.backlinks(library.find(RENAMED).id)] == [CITING]
    assert library.check() == []


def test_a_restored_version_cites_a_renamed_note_by_its_title_now(renamed):
    check_restored(*renamed)


def test_a_version_kept_without_note_ids_follows_the_rename_through_the_notes_history(
        renamed):
    library, citing_id, revision_id = renamed
    Revision = models.Revision
    row = Revision.select().where(Revision.id == revision_id).get(library.db)
    links = json.dumps([entry[:2] for entry in json.loads(row.links)])  # as before
    Revision.update(links=links).where(Revision.id == revision_id).execute(library.db)
    check_restored(library, citing_id, revision_id)


def test_the_old_title_taken_by_another_note_still_leads_to_the_renamed_one(renamed):
    library, citing_id, revision_id = renamed
    library.create_note(CITED, "A newcomer with the old title.", "", "Other body.")
    library.restore_revision(revision_id)
    assert library.note(citing_id).body == f"It follows from [[{RENAMED}]], as said."
    assert [s.target.title for s in library.sources(citing_id)] == [RENAMED]


def test_a_title_no_note_ever_had_still_becomes_a_stub(library):
    citing_id, _ = library.create_note(CITING, "D.", "", "Cites [[Why was this never written?]].")
    library.save_note(citing_id, CITING, "D.", "", "Nothing cited.")
    library.trash_note(library.find("Why was this never written?").id)
    library.empty_trash()
    assert library.find("Why was this never written?") is None
    library.restore_revision(library.revisions(citing_id)[0].id)
    assert library.find("Why was this never written?").is_stub
    assert library.check() == []
