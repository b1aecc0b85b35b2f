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


def test_check_names_each_note_whose_links_disagree_and_only_those(tmp_path, capsys):
    db = tmp_path / "lib.db"
    vault = tmp_path / "Garden"
    vault.mkdir()
    (vault / "Index.md").write_text("See [[Plants]].\n")
    (vault / "Plants.md").write_text("Back to [[Index]].\n")
    with SqliteLibrary(db) as library:
        assert main(["--db", str(db), "import", str(vault)]) == 0
        first, _ = library.create_note("Why first?", "", "", "See [[Why second?]], [[Why third?]].")
        library.create_note("Why second?", "", "", "Plain text, no citation.")
        library.create_note("Why third?", "", "", "Plain text too.")
        library.create_note("Why fourth?", "", "", "Cites [[Why third?]].")
        connection = library.db.connection()
        fourth = library.find("Why fourth?")
        second = library.find("Why second?")
        assert fourth is not None and second is not None
        # Links swapped in order in one note; a link no citation makes in another.
        connection.execute("UPDATE link SET ordinal = 10 - ordinal WHERE source_id = ?", (first,))
        connection.execute("INSERT INTO link (source_id, target_id, ordinal) VALUES (?, ?, 5)",
                           (fourth.id, second.id))
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 1
    problems = [line for line in capsys.readouterr().out.splitlines()
                if line.startswith("problem:")]
    assert problems == [
        "problem: note 'Why first?': links out of citation order",
        "problem: note 'Why fourth?': linked but not cited: why second?",
    ]
