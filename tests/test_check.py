"""`check` finds damage: a full-text index out of step, links that disagree with bodies."""

from __future__ import annotations

from conftest import SAMPLE
from notegui.app import main
from notegui.store.library import SqliteLibrary


def test_check_finds_a_damaged_fts_index_and_repair_fixes_it(tmp_path, capsys):
    db = tmp_path / "lib.db"
    with SqliteLibrary(db) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample")
        # Damage: change a note behind the index's back (as a crash or a tool might).
        library.db.execute_sql("DROP TRIGGER note_fts_update")
        library.db.execute_sql("UPDATE note SET body = 'zebra crossing' WHERE id = 1")
    assert main(["--db", str(db), "check"]) == 1
    out = capsys.readouterr().out
    assert "problem: full-text index (note_fts): does not match the notes" in out
    assert main(["--db", str(db), "check", "--repair"]) == 1  # the links problem remains
    out = capsys.readouterr().out
    assert "rebuilt the full-text index" in out
    assert "full-text index" not in out.split("rebuilt the full-text index")[1]


def test_check_finds_links_that_disagree_with_the_body(tmp_path, capsys):
    db = tmp_path / "lib.db"
    with SqliteLibrary(db) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample")
        library.db.execute_sql("DELETE FROM link WHERE ordinal = 2")
    assert main(["--db", str(db), "check"]) == 1
    out = capsys.readouterr().out
    assert "cited without a link: why does reasoning training help math" in out
