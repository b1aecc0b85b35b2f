"""Link health (`notegui health`, Library.link_health, Library.merge_notes): each kind of
finding, what is not one, the command's output and exit codes, and the merge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from link_health_library import CODE, LIGHT, ORPHAN, RAYLEIGH, SKY, SKY_AGAIN, craft
from notegui.app import main
from notegui.core.errors import LibraryError
from notegui.core.link_report import (
    StaleMention,
    finding_line,
    link_mention,
    loose_key,
)
from notegui.store.library import SqliteLibrary

EXPECTED = [
    f"stub: “{RAYLEIGH}” is cited but never written; cited by “{CODE}”, “{SKY}”",
    f"orphan: “{ORPHAN}” cites nothing and nothing cites it",
    f"orphan: “{SKY_AGAIN}” cites nothing and nothing cites it",
    f"near-duplicate: “{SKY_AGAIN}”, “{SKY}” differ only in case, spacing or punctuation",
    f"unlinked mention: “{LIGHT}” line 2 mentions “{SKY}” (“why is the sky blue?”) without "
    "citing it",
    "5 findings in 6 notes: 1 stub, 2 orphans, 1 near-duplicate title group, "
    "1 unlinked mention",
]


def health(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str]:
    code = main(["--db", str(db), "health", *args])
    return code, capsys.readouterr().out


def test_each_kind_of_finding_one_line_each_sorted_with_a_total(library, capsys):
    craft(library)
    code, out = health(capsys, library.path)
    assert out.splitlines() == EXPECTED
    assert code == 1


def test_a_clean_library_exits_0(library, capsys):
    library.create_note("Does one cite the other?", "Yes.", "",
                        "It cites [[Is the other cited?]].")
    library.create_note("Is the other cited?", "It is.", "", "")
    code, out = health(capsys, library.path)
    assert (code, out) == (0, "no findings in 2 notes\n")


def test_json_names_every_finding(library, capsys):
    notes = craft(library)
    code, out = health(capsys, library.path, "--json")
    report = json.loads(out)
    assert code == 1
    assert report["total"] == 5 and report["notes"] == 6
    assert [s["title"] for s in report["stubs"]] == [RAYLEIGH]
    assert [c["title"] for c in report["stubs"][0]["cited_by"]] == [CODE, SKY]
    assert [o["id"] for o in report["orphans"]] == [notes.orphan, notes.again]
    assert [[n["title"] for n in group] for group in report["near_duplicates"]] == [
        [SKY_AGAIN, SKY]]
    (mention,) = report["unlinked_mentions"]
    assert mention["note"] == {"id": notes.light, "title": LIGHT}
    assert mention["mentions"] == {"id": notes.sky, "title": SKY}
    assert (mention["text"], mention["line"], mention["link"]) == (
        "why is the sky blue?", 2, "[[why is the sky blue?]]")
    body = library.note(notes.light).body
    assert body[mention["start"]:mention["end"]] == "why is the sky blue?"


def test_help_says_what_it_reports_and_its_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["health", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "usage: notegui health [-h] [--json]" in text
    for words in ("stubs", "orphans", "near-duplicate titles", "unlinked mentions",
                  "Exit 0 when there is nothing to report, 1 when there is"):
        assert words in text


def test_trashed_notes_are_neither_findings_nor_citers(library):
    notes = craft(library)
    library.trash_note(notes.again)
    report = library.link_health()
    assert report.duplicates == ()
    assert [f.note.id for f in report.orphans] == [notes.orphan]
    library.trash_note(notes.sky)  # its mention goes, and LIGHT is cited by no one now
    report = library.link_health()
    assert report.mentions == ()
    assert {f.note.id for f in report.orphans} == {notes.orphan, notes.light}
    assert [ref.title for ref in report.stubs[0].cited_by] == [CODE]


def test_a_note_already_citing_the_title_has_no_mention_of_it(library):
    notes = craft(library)
    note = library.note(notes.light)
    library.save_note(note.id, note.title, note.description, note.summary,
                      note.body + f"\nCited too: [[{SKY}]].")
    assert library.link_health().mentions == ()


def test_mention_is_found_whatever_its_case_and_spacing_at_word_boundaries(library):
    target, _ = library.create_note("Is it raining?", "No.", "", "")
    source, _ = library.create_note(
        "Does it mention?", "x", "", "Asking whether is  IT raining? matters; "
        "notis it raining? does not count.")
    (mention,) = library.link_health().mentions
    assert (mention.source.id, mention.target.id) == (source, target)
    assert mention.written == "is  IT raining?"


def test_mention_fix_writes_a_citation_the_links_follow(library):
    notes = craft(library)
    (mention,) = library.link_health().mentions
    note = library.note(notes.light)
    library.save_note(note.id, note.title, note.description, note.summary,
                      link_mention(note.body, mention), create_missing=False)
    assert "which is [[why is the sky blue?]] answers" in library.note(notes.light).body
    assert [s.target.id for s in library.sources(notes.light)] == [notes.sky]
    report = library.link_health()
    assert report.mentions == ()
    assert library.revisions(notes.light)  # (the text before is kept)
    with pytest.raises(StaleMention):
        link_mention(library.note(notes.light).body, mention)


def test_vault_titles_and_aliases_are_found_as_whole_words(tmp_path, capsys):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "Python.md").write_text("---\naliases: [Snake language]\n---\nA language.\n")
    (vault / "Notes.md").write_text("I like python a lot.\nNo link: `python` in code.\n")
    (vault / "Other.md").write_text("Pythonic, but the snake language it says.\n")
    db = tmp_path / "v.sqlite3"
    assert main(["--db", str(db), "import", str(vault)]) == 0
    capsys.readouterr()
    with SqliteLibrary(db) as library:
        mentions = sorted(library.link_health().mentions, key=lambda m: m.source.title)
        assert [(m.source.title, m.target.title, m.written, m.link) for m in mentions] == [
            ("Notes", "Python", "python", "[[Python|python]]"),
            ("Other", "Python", "snake language", "[[Python|snake language]]"),
        ]
        note = library.note(mentions[0].source.id)
        library.save_note(note.id, note.title, note.description, note.summary,
                          link_mention(note.body, mentions[0]), create_missing=False)
        assert [s.target.title for s in library.sources(note.id)] == ["Python"]
        assert len(library.link_health().mentions) == 1


def test_loose_key_drops_case_spacing_and_punctuation():
    assert loose_key("Why is the sky  blue ?") == loose_key("why is the SKY-blue\uff1f")
    assert loose_key("Why is the sky blue?") != loose_key("Why is the sea blue?")


def test_finding_line_refuses_what_is_no_finding():
    with pytest.raises(TypeError):
        finding_line("text")


# -- merging -------------------------------------------------------------------------------


def test_merge_keeps_both_texts_citations_annotations_and_tags(library):
    notes = craft(library)
    problems = library.check()  # (the crafted citation of no note's title, only)
    citing, _ = library.create_note("Does a third note cite the copy?", "Yes.", "",
                                    f"It cites [[{SKY_AGAIN}]] here.")
    annotation = library.add_annotation(notes.again, "Written twice", "", ".", 0, 13)
    library.set_tags(notes.again, ["copy"])
    changes = library.merge_notes(notes.sky, notes.again)
    assert {notes.sky, notes.again, citing} <= changes.notes
    kept = library.note(notes.sky)
    assert kept.title == SKY
    assert kept.body.endswith("no mention.\nA second answer.\nWritten twice.")
    assert kept.tags == ("copy",)
    assert library.note(citing).body == f"It cites [[{SKY}]] here."
    assert [s.target.id for s in library.sources(citing)] == [notes.sky]
    assert [a.id for a in library.annotations(notes.sky)] == [annotation.id]
    assert [ref.id for ref in library.trashed()] == [notes.again]  # (restorable)
    assert library.revisions(notes.sky) and library.revisions(citing)
    report = library.link_health()
    assert report.duplicates == ()
    assert library.check() == problems


def test_merging_a_stub_deletes_it_and_its_citations_lead_to_the_kept_note(library):
    notes = craft(library)
    library.create_note("Does anyone cite the typo?", "Yes.", "",
                        "It cites [[Why is the sky blue ??]].")
    typo = library.find("Why is the sky blue ??")
    assert typo is not None and typo.is_stub
    before = library.note(notes.sky)
    library.merge_notes(notes.sky, typo.id)
    assert library.note(typo.id) is None
    assert library.note(notes.sky).body == before.body  # (a stub has no text to add)
    cited = library.find("Does anyone cite the typo?")
    assert cited is not None
    assert [s.target.id for s in library.sources(cited.id)] == [notes.sky]


def test_merge_refuses_itself_the_trash_and_vault_notes(library, tmp_path):
    notes = craft(library)
    with pytest.raises(LibraryError, match="into itself"):
        library.merge_notes(notes.sky, notes.sky)
    library.trash_note(notes.again)
    with pytest.raises(LibraryError, match="in the Trash"):
        library.merge_notes(notes.sky, notes.again)
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "A.md").write_text("a\n")
    library.close()
    assert main(["--db", str(library.path), "import", str(vault)]) == 0
    library = SqliteLibrary(library.path)
    found = library.find("A")
    assert found is not None and found.path
    with pytest.raises(LibraryError, match="markdown folder"):
        library.merge_notes(notes.sky, found.id)
    assert library.note(notes.sky).body.endswith("no mention.")
    library.close()



def test_vault_names_sharing_a_first_word_are_each_found_the_longest_first():
    from notegui.store.mention_scan import CROWDED, VaultNames
    names = [(f"the topic {n}", n) for n in range(CROWDED + 4)]
    names += [("the big cat", 100), ("the big cat sat", 101), ("Big", 102), ("C++ lang", 103)]
    found = VaultNames(names)
    body = "So THE TOPIC 7 and the big cat sat here; thetopic 8, the topic 80, c++ lang."
    hits = [(body[start:end], ids) for start, end, ids in found.find(body)]
    assert hits == [("THE TOPIC 7", (7,)), ("the big cat sat", (101,)),
                    ("c++ lang", (103,))]
