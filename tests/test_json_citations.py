"""A JSON body's [[…]] are read one by one: raw '[[A]] and [[B?]]' was stored as one
citation titled 'A]] and [[B?' (the stored form runs a citation to the first '?]]').
Each case is imported through the command line, then checked and exported back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notegui.app import main
from notegui.core.formats import json_input
from notegui.core.formats.question_note import cited_titles


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main([str(arg) for arg in args])
    return code, capsys.readouterr().out


def import_body(tmp_path: Path, capsys, body: str, links: list[str],
                others: tuple[str, ...] = ()) -> tuple[int, str, Path]:
    notes = [{"title": "Why X?", "body": body, "links": links, "sources": [None] * len(links)}]
    notes += [{"title": title} for title in others]
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "notegui", "version": 1, "notes": notes}))
    db = tmp_path / "lib.db"
    code, out = run(capsys, "--db", db, "import", source)
    return code, out, db


def stored(capsys, db: Path) -> dict[str, dict]:
    code, out = run(capsys, "--db", db, "export", "--format", "json")
    assert code == 0
    return {note["title"]: note for note in json.loads(out)["notes"]}


def assert_clean(capsys, db: Path) -> None:
    code, out = run(capsys, "--db", db, "check")
    assert code == 0 and out.startswith("ok:"), out


@pytest.mark.parametrize(("body", "links", "kept", "shown"), [
    # The case: [[A]] is text (A is no question), [[B?]] a citation.
    ("[[A]] and [[B?]]", ["B?"], "[\\[A]] and [[B?]]", "[[A]] and B?"),
    ("[[A?]][[B?]]", ["A?", "B?"], "[[A?]][[B?]]", "A?B?"),
    ("[[ [[A?]] ]]", ["A?"], "[\\[ [[A?]] ]]", "[[ A? ]]"),
    ("see [[A? and more", [], "see [\\[A? and more", "see [[A? and more"),
    ("[[A]] then B?]] and [[C?]]", ["C?"], "[\\[A]] then B?]] and [[C?]]",
     "[[A]] then B?]] and C?"),
])
def test_each_bracketed_citation_is_its_own_and_the_library_checks_clean(
        tmp_path, capsys, body, links, kept, shown):
    code, out, db = import_body(tmp_path, capsys, body, links)
    assert code == 0, out
    notes = stored(capsys, db)
    assert notes["Why X?"]["body"] == kept
    assert notes["Why X?"]["links"] == links == cited_titles(kept)
    assert set(notes) == {"Why X?", *links}  # (each cited title a note of its own: a stub)
    assert_clean(capsys, db)
    code, text = run(capsys, "--db", db, "export", "--format", "text", "--note", "Why X?")
    assert text.splitlines()[2] == shown


@pytest.mark.parametrize(("body", "links", "why"), [
    ("[[A]] and [[B?]]", ["A]] and [[B?"],
     "notes[0].links[0]: 'A]] and [[B?' holds '[[' or ']]', and no note of the file has "
     "this title: the body's [[…]] are read one by one, so none cites it (note 'Why X?')"),
    ("[[A]] and [[B?]]", [],
     "notes[0].links: the body cites 'B?', which links does not list (note 'Why X?')"),
    ("[[ [[A?]] ]]", ["[[A?"],
     "notes[0].links[0]: '[[A?' holds '[[' or ']]', and no note of the file has this "
     "title: the body's [[…]] are read one by one, so none cites it (note 'Why X?')"),
])
def test_links_that_do_not_match_the_body_read_that_way_are_refused(
        tmp_path, capsys, body, links, why):
    code, out, db = import_body(tmp_path, capsys, body, links)
    assert code == 1
    assert f"refused {tmp_path / 'in.json'}: {why}" in out.splitlines()
    assert stored(capsys, db) == {}  # (nothing written)


def test_a_note_whose_title_holds_brackets_stays_cited_through_a_json_round_trip(
        tmp_path, capsys):
    """A notegui export of a note titled with '[[' (its stub is in the file) reads back."""
    title = "Why is [[x]] here?"
    code, out, db = import_body(tmp_path, capsys, f"As [[{title}]] says.", [title], (title,))
    assert code == 0, out
    assert stored(capsys, db)["Why X?"]["links"] == [title]
    assert_clean(capsys, db)


def test_a_hostile_body_is_settled_whole():
    """50,000 openings on a line, none closed or all sharing one closing: each opening is
    looked at once (the closing is found once a line), so this takes a moment, not hours."""
    assert json_input.settle_citations("[[" * 50_000) == "[\\[" * 50_000
    settled = json_input.settle_citations("[[A]] " * 20_000 + "[[B?]]")
    assert settled == "[\\[A]] " * 20_000 + "[[B?]]"
    assert cited_titles(settled) == ["B?"]
