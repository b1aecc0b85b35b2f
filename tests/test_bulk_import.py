"""Large imports take the fast path (batches, the index written directly, a parser process):
the result must be exactly what one file at a time gives."""

from __future__ import annotations

import sqlite3

from conftest import write_note
from notegui.core import import_files
from notegui.store.library import SqliteLibrary
from notegui.store.note_import import NoteImporter


def make_folder(tmp_path, count: int = 60):
    folder = tmp_path / "notes"
    for number in range(count):
        cited = f"Does topic {number + 1} follow from topic {number}?"
        write_note(
            folder, f"{number:03}.txt",
            f"Does topic {number} follow from topic {number - 1}?\nDescription {number}.\n"
            f"Body {number} cites the next in {cited}, and ends.\n"
            f"Sources 1 note\nSummary of topic {number + 1}.",
        )
    return folder


def snapshot(library: SqliteLibrary) -> list[tuple]:
    return [
        (ref.title, ref.summary, ref.is_stub,
         [(s.target.title, s.summary) for s in library.sources(ref.id)])
        for ref in library.iter_refs()
    ]


def test_bulk_import_equals_one_file_at_a_time(tmp_path):
    folder = make_folder(tmp_path)
    with SqliteLibrary(tmp_path / "bulk.db") as bulk:
        outcomes = list(bulk.import_paths([folder]))
        assert [o.status for o in outcomes] == ["imported"] * 60
        assert bulk.check() == []
        expected = snapshot(bulk)
    with SqliteLibrary(tmp_path / "single.db") as single:
        for path in sorted(folder.glob("*.txt")):
            assert single.import_bytes(path.read_bytes(), str(path)).status == "imported"
        assert snapshot(single) == expected
    assert len(expected) == 61  # 60 notes and the stub the last one cites


def test_search_finds_bulk_imported_notes_and_later_edits(tmp_path):
    folder = make_folder(tmp_path)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        list(library.import_paths([folder]))
        assert library.search("Description 42")[0].note.title.startswith("Does topic 42 ")
        # The index triggers are back: a later single import is indexed through them.
        changed = (folder / "007.txt").read_text().replace("Description 7.", "Zebra stripes.")
        (folder / "007.txt").write_text(changed)
        assert library.import_bytes(changed.encode(), "007.txt").status == "imported"
        assert library.search("zebra")[0].note.title.startswith("Does topic 7 ")
        assert library.search("Description 7") == [] or all(
            not h.note.title.startswith("Does topic 7 ") for h in library.search("Description 7")
        )
        assert library.check() == []


def test_a_failed_write_in_a_batch_refuses_only_that_file(tmp_path, monkeypatch):
    folder = make_folder(tmp_path)
    original = NoteImporter.replace_links

    def fail_for_topic_30(self, source_id, targets):
        title = self.connection.execute("SELECT title FROM note WHERE id = ?",
                                        (source_id,)).fetchone()[0]
        if title.startswith("Does topic 30 "):
            raise sqlite3.OperationalError("disk I/O error")
        return original(self, source_id, targets)

    monkeypatch.setattr(NoteImporter, "replace_links", fail_for_topic_30)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        outcomes = {o.path.rsplit("/", 1)[-1]: o for o in library.import_paths([folder])}
        assert outcomes["030.txt"].status == "refused"
        assert "disk I/O error" in outcomes["030.txt"].reason
        assert all(o.status == "imported" for name, o in outcomes.items() if name != "030.txt")
        assert library.find("Does topic 30 follow from topic 29?").is_stub  # cited by 029
        assert library.find("Does topic 31 follow from topic 30?").body
        assert library.check() == []


def test_a_large_import_parses_in_a_second_process(tmp_path, monkeypatch):
    monkeypatch.setattr(import_files, "PARALLEL_FROM", 10)
    folder = make_folder(tmp_path, 40)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        statuses = [o.status for o in library.import_paths([folder])]
        assert statuses == ["imported"] * 40
        assert library.count() == 41
        assert library.check() == []


def test_cancel_stops_between_files_and_keeps_what_was_written(tmp_path):
    folder = make_folder(tmp_path)
    asked = []

    def stop_after_25() -> bool:  # asked before each file: "Cancel" pressed during the 25th
        asked.append(1)
        return len(asked) > 25

    with SqliteLibrary(tmp_path / "lib.db") as library:
        outcomes = list(library.import_paths([folder], should_stop=stop_after_25))
        assert len(outcomes) == 25
        assert library.check() == []
        assert library.find("Does topic 24 follow from topic 23?").body
        assert library.find("Does topic 26 follow from topic 25?") is None
