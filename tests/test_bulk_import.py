"""Large imports take the fast path (batches, links staged, parser processes, the index
rebuilt at the end): the result must be exactly what one file at a time gives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import write_note
from notegui.core import import_files
from notegui.store.importing.import_lock import ImportLock
from notegui.store.importing.importer import Importer
from notegui.store.importing.note_import import NoteImporter
from notegui.store.importing.staged_import import StagedBatch
from notegui.store.library import SqliteLibrary


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


def schema_of(path: Path) -> set[tuple]:
    with sqlite3.connect(path) as connection:
        return set(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def test_a_bulk_import_leaves_the_indexes_of_a_new_library_and_backlinks_use_them(tmp_path):
    with SqliteLibrary(tmp_path / "new.db"):
        pass
    new = schema_of(tmp_path / "new.db")
    with SqliteLibrary(tmp_path / "lib.db") as library:
        list(library.import_paths([make_folder(tmp_path)]))  # (links made into none)
        assert schema_of(tmp_path / "lib.db") == new
        cited = library.find("Does topic 7 follow from topic 6?")
        assert [ref.source.title for ref in library.backlinks(cited.id)] == [
            "Does topic 6 follow from topic 5?"]
        more = tmp_path / "more"
        write_note(more, "a.txt", "Why more?\nD.\nCites Does topic 7 follow from topic 6?.\n"
                   "Sources 1 note\nSeven.")
        for number in range(30):  # (a batch: staged, links made beside others)
            write_note(more, f"b{number}.txt", f"Why more {number}?\nD.\nBody.")
        list(library.import_paths([more]))
        assert schema_of(tmp_path / "lib.db") == new
        assert sorted(ref.source.title for ref in library.backlinks(cited.id)) == [
            "Does topic 6 follow from topic 5?", "Why more?"]
        with sqlite3.connect(tmp_path / "lib.db") as connection:
            plan = connection.execute(
                "EXPLAIN QUERY PLAN SELECT source_id FROM link WHERE target_id = 1").fetchall()
        assert "link_target" in str(plan)

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
        assert not any(h.note.title.startswith("Does topic 7 ")
                       for h in library.search("Description 7"))
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

    monkeypatch.setattr(NoteImporter, "replace_links", fail_for_topic_30)  # written alone
    staged_write = StagedBatch.write

    def fail_staged_for_topic_30(self, parsed):  # in the batch
        if parsed.title.startswith("Does topic 30 "):
            raise sqlite3.OperationalError("disk I/O error")
        return staged_write(self, parsed)

    monkeypatch.setattr(StagedBatch, "write", fail_staged_for_topic_30)
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


def test_files_parsed_in_worker_processes_arrive_whole(tmp_path, monkeypatch, sample_bytes):
    """What a parser process sends back (as plain tuples) is what parsing here gives: every
    citation and summary line, a warning and the text kept for it, a refusal, JSON."""
    folder = make_folder(tmp_path, 6)
    (folder / "sample.txt").write_bytes(sample_bytes)
    (folder / "unpaired.txt").write_text(
        "Why unpaired?\nDesc\nIt cites What is the sky made of?\n", encoding="utf-8")
    (folder / "refused.txt").write_bytes(b"Not a question\nDesc")
    (folder / "library.json").write_text('{"notes": []}', encoding="utf-8")
    files = sorted(str(path) for path in folder.iterdir())
    monkeypatch.setattr(import_files, "PARALLEL_FROM", 2)
    here = [import_files.read_one(path) for path in files]
    assert list(import_files.read_all(files)) == here
    assert {read.path.rsplit("/", 1)[-1] for read in here if read.parsed is None} == {
        "refused.txt", "library.json"}
    assert any(read.unpaired_text for read in here)
    assert any(len(read.parsed.citations) > 1 for read in here if read.parsed)


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


def make_tangle(tmp_path, count: int = 240, seed: int = 3, revise: bool = True):
    """Notes citing each other every way an import meets them: titles cited before and
    after their own file, cited with and without summaries by several files, files of
    a title an earlier file had (a second version, unless not ``revise``: refused), and
    titles that never get a file (stubs)."""
    import random

    rng = random.Random(seed)
    folder = tmp_path / "tangle"
    titles = [f"Why does topic {n} matter?" for n in range(count + 40)]  # 40 never filed
    for number in range(count):
        # Half the citations go to 30 popular titles: each is cited by several files of a
        # batch, with different summary lines.
        others = [t for t in titles if t != titles[number]]
        cited = rng.sample(others[:30] if rng.random() < 0.5 else others, rng.randint(0, 5))
        body = " ".join(f"Part {i} follows from {title}, as shown." for i, title in
                        enumerate(cited)) or "No citations here."
        lines = [titles[number], f"Description {number}.", body]
        if cited:
            lines.append(f"Sources {len(cited)} note" + ("s" if len(cited) > 1 else ""))
            lines += [rng.choice([f"Summary {number}-{i}.", f"Said by {number}."])
                      for i in range(len(cited))]
        write_note(folder, f"{number:04}.txt", "\n".join(lines))
        if revise and number % 37 == 5:  # a second version of an earlier file, later in the folder
            lines[1] = f"Description {number}, revised."
            write_note(folder, f"{number + 1:04}b.txt", "\n".join(lines))
    return folder


@pytest.mark.parametrize("memory_limit", [300_000, 3])  # 3: past it, staged rows are read
def test_staged_batches_give_what_one_file_at_a_time_gives(tmp_path, monkeypatch,
                                                           memory_limit):
    import notegui.store.importing.importer as importer_module
    from notegui.store.importing.staged_import import ImportMemory

    monkeypatch.setattr(importer_module, "_BATCH", 50)  # several batches, and a tail
    monkeypatch.setattr(ImportMemory, "LIMIT", memory_limit)
    folder = make_tangle(tmp_path)
    with SqliteLibrary(tmp_path / "bulk.db") as bulk:
        alone: list = []
        with monkeypatch.context() as staged_only:  # every batch is staged, none falls back
            staged_only.setattr(bulk._importer, "_write_alone", alone.append)
            outcomes = list(bulk.import_paths([folder]))
        assert alone == []
        # A second version of an earlier file's title is refused, naming that file.
        refused = {Path(o.path).name: o.reason for o in outcomes if o.status == "refused"}
        assert refused and all(name.endswith("b.txt") for name in refused)
        assert all(f"is also {int(name[:4]) - 1:04}.txt's, imported before it" in why
                   for name, why in refused.items())
        expected_created = sum(o.notes for o in outcomes)
        assert bulk.check() == []
        expected = snapshot(bulk)
        revised = [len(bulk.revisions(ref.id)) for ref in bulk.iter_refs()]
    with SqliteLibrary(tmp_path / "single.db") as single:
        created = 0
        for path in sorted(folder.glob("*.txt")):
            if path.name in refused:
                continue
            outcome = single.import_bytes(path.read_bytes(), str(path))
            assert outcome.status == "imported"
            created += outcome.notes
        assert snapshot(single) == expected
        assert [len(single.revisions(ref.id)) for ref in single.iter_refs()] == revised
        assert created == expected_created == single.count()
    assert any(is_stub for _, _, is_stub, _ in expected)


def test_an_import_cut_short_is_finished_when_the_library_is_next_opened(
        tmp_path, monkeypatch):
    import notegui.store.importing.importer as importer_module

    monkeypatch.setattr(importer_module, "_DEFER_INDEX_FROM", 10)  # the index waits too
    folder = make_folder(tmp_path)
    with monkeypatch.context() as cut:  # the process ends before the import's last step
        cut.setattr(Importer, "_finish_import", lambda self, index=True: None)
        with SqliteLibrary(tmp_path / "lib.db") as library:
            assert len(list(library.import_paths([folder]))) == 60
            note = library.find("Does topic 5 follow from topic 4?")
            assert library.sources(note.id) == []  # its links were still waiting
    other_import = ImportLock(tmp_path / "lib.db")  # as if another process were importing
    assert other_import.acquire()
    with SqliteLibrary(tmp_path / "lib.db") as library:  # leaves that import's work alone
        note = library.find("Does topic 5 follow from topic 4?")
        assert library.sources(note.id) == []
    other_import.release()
    with SqliteLibrary(tmp_path / "lib.db") as library:
        note = library.find("Does topic 5 follow from topic 4?")
        assert [s.target.title for s in library.sources(note.id)] == [
            "Does topic 6 follow from topic 5?"]
        assert library.find("Does topic 60 follow from topic 59?").is_stub
        assert library.search("Description 42")[0].note.title.startswith("Does topic 42 ")
        assert library.check() == []


def test_a_large_import_rebuilds_the_index_and_later_edits_are_indexed(
        tmp_path, monkeypatch):
    import notegui.store.importing.importer as importer_module

    monkeypatch.setattr(importer_module, "_DEFER_INDEX_FROM", 10)
    folder = make_folder(tmp_path)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        list(library.import_paths([folder]))
        assert library.search("Description 17")[0].note.title.startswith("Does topic 17 ")
        assert library.search("Summary of topic 33")[0].note.title.startswith(
            "Does topic 33 ")  # a summary line given by the file that cites it
        note = library.find("Does topic 3 follow from topic 2?")
        library.save_note(note.id, note.title, "Quokka habits.", note.summary, note.body)
        assert library.search("quokka")[0].note.id == note.id
        assert library.check() == []


def test_a_failed_end_of_import_says_so_and_the_next_opening_finishes_it(
        tmp_path, monkeypatch):
    import notegui.store.importing.staged_import as staged_import_module
    from notegui.store.errors import LibraryError

    folder = make_folder(tmp_path)
    finish = staged_import_module.finish

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    with SqliteLibrary(tmp_path / "lib.db") as library:
        monkeypatch.setattr(staged_import_module, "finish", disk_full)
        with pytest.raises(LibraryError, match="links could not be written: database or "
                           "disk is full; they will be when the library is next opened"):
            list(library.import_paths([folder]))
        note = library.find("Does topic 5 follow from topic 4?")
        assert note.body and library.sources(note.id) == []  # written; links still staged
    monkeypatch.setattr(staged_import_module, "finish", finish)
    with SqliteLibrary(tmp_path / "lib.db") as library:
        note = library.find("Does topic 5 follow from topic 4?")
        assert [s.target.title for s in library.sources(note.id)] == [
            "Does topic 6 follow from topic 5?"]
        assert library.check() == []


def test_a_folder_is_read_in_the_order_of_its_paths_parts(tmp_path):
    """File order decides which citation gives a note its summary line: folders are read
    in name order, each at its place among its siblings, as Path.rglob sorted by parts."""
    folder = tmp_path / "notes"
    for name in ["b.txt", "a b.txt", "a/z.txt", "a/c/d.txt", "a.b/x.txt", "A.txt",
                 "a/readme.md", "é.txt", "a0.txt"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("Why?\n")
    (folder / "elsewhere").symlink_to(folder / "a", target_is_directory=True)
    expected = sorted((p for p in folder.rglob("*.txt") if p.is_file()),
                      key=lambda p: p.parts)
    assert [str(p) for p in expected] == list(import_files.note_files([folder]))
    assert not any("elsewhere" in str(p) for p in expected)  # (links to folders: not followed)
