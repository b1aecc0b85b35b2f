"""Hostile import inputs (issue 14): every input checked to the same rules, one bad input
refused alone with its reason while the rest imports, nothing hangs, nothing is left
running; titles that only look different are one title."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import write_note
from notegui.core import import_files
from notegui.core.domain import Annotation, normalise_title, title_key
from notegui.core.formats import annotation_export, question_note
from notegui.store import schema
from notegui.store.library import SqliteLibrary
from stress.hostile_imports import alive
from stress.hostile_imports import children as child_processes

CAFE = "Why is café culture slow?"
CAFE_NFD = unicodedata.normalize("NFD", CAFE)


def note_text(title: str, body: str = "A body.", sources: tuple[str, ...] = ()) -> str:
    lines = [title, "A description.", body]
    if sources:
        lines += [f"Sources {len(sources)} note{'s' if len(sources) > 1 else ''}", *sources]
    return "\n".join(lines)


# -- titles that look alike are one title ---------------------------------------------------


def test_normalise_title_composes_accents_and_drops_zero_width_characters():
    assert CAFE_NFD != CAFE
    assert normalise_title(CAFE_NFD) == CAFE
    assert normalise_title("Why\u200b is\u2060 the sky\ufeff blue\u200d?") == "Why is the sky blue?"
    assert title_key("WHY IS CAFÉ CULTURE\u00ad SLOW?") == title_key(CAFE_NFD)
    # Case folding that decomposes ("İ" -> "i" + combining dot) is composed again.
    key = title_key("Is İstanbul big?")
    assert key == unicodedata.normalize("NFC", key)


def test_look_alike_titles_import_as_one_note(library, tmp_path):
    for name, title in (("nfc.txt", CAFE), ("nfd.txt", CAFE_NFD),
                        ("zw.txt", "Why is caf\u200bé culture slow?")):
        write_note(tmp_path / "in", name, note_text(title, f"Body from {name}."))
    outcomes = list(library.import_paths([tmp_path / "in"]))
    # One title: the first file's text is kept, the later ones refused naming it.
    assert [o.status for o in outcomes] == ["imported", "refused", "refused"]
    assert all("is also nfc.txt's, imported before it" in o.reason for o in outcomes[1:])
    assert [ref.title for ref in library.iter_refs()] == [CAFE]  # one note, NFC
    assert library.find(CAFE_NFD).body == "Body from nfc.txt."


def test_a_citation_written_decomposed_links_to_the_composed_note(library, tmp_path):
    write_note(tmp_path, "cafe.txt", note_text(CAFE))
    write_note(tmp_path, "citer.txt", note_text(
        "What do we know about coffee?", f"It depends on {CAFE_NFD}, says one study.",
        ("Slow cafés.",)))
    assert {o.status for o in library.import_paths([tmp_path])} == {"imported"}
    assert library.count() == 2  # no stub for the decomposed spelling
    citer = library.find("What do we know about coffee?")
    assert [s.target.title for s in library.sources(citer.id)] == [CAFE]
    # The body keeps the citation as the file wrote it: export stays exact.
    assert CAFE_NFD in library.export_text(citer.title)
    assert library.check() == []


def test_search_finds_a_title_imported_with_a_zero_width_character(library, tmp_path):
    write_note(tmp_path, "g.txt", note_text("How do gla\u200bciers move?"))
    list(library.import_paths([tmp_path]))
    assert [h.note.title for h in library.search("glaciers")] == ["How do glaciers move?"]
    # And a query typed with one (pasted) finds it too.
    assert [h.note.title for h in library.search("gla\u200bciers")] == ["How do glaciers move?"]


def _library_at_version_7(path: Path, notes: list[tuple[int, str, str]]) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    schema.migrate(connection, target=7)
    connection.executemany(
        "INSERT INTO note (id, title, title_key, description, summary, body, created, updated)"
        " VALUES (?, ?, ?, 'd', '', 'b', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
        notes)
    connection.close()


def test_migration_recomputes_title_keys_and_keeps_look_alikes_apart(tmp_path):
    """Keys written before titles were normalised: the migration recomputes them, and of
    two notes whose titles now have the same key the first keeps it, the other its old
    key (both notes stay, nothing fails to open)."""
    path = tmp_path / "v7.sqlite3"
    old_key = " ".join(CAFE_NFD.split()).casefold()  # the key notegui used to compute
    _library_at_version_7(path, [
        (1, CAFE_NFD, old_key),
        (2, "How do gla\u200bciers move?", "how do gla\u200bciers move?"),
        (3, "How do glaciers move?", "how do glaciers move?"),
    ])
    with SqliteLibrary(path) as library:
        assert schema.version(library.db.connection()) == schema.LATEST
        assert library.find(CAFE).id == 1  # found by the composed spelling now
        assert library.find("How do glaciers move?").id == 3
        assert library.count() == 3
    connection = sqlite3.connect(path)
    keys = dict(connection.execute("SELECT id, title_key FROM note"))
    connection.close()
    assert keys == {1: title_key(CAFE), 2: "how do gla\u200bciers move?",
                    3: "how do glaciers move?"}


def test_check_names_a_look_alike_the_migration_kept_apart(tmp_path):
    path = tmp_path / "v7.sqlite3"
    _library_at_version_7(path, [
        (1, "How do glaciers move?", "how do glaciers move?"),
        (2, "How do gla\u200bciers move?", "how do gla\u200bciers move?"),
        (3, "Why is ice slow?", "why is ice slow?"),
    ])
    connection = sqlite3.connect(path)
    connection.execute("UPDATE note SET body = 'See [[Why is ice slow?]].' WHERE id = 2")
    connection.execute("INSERT INTO link (source_id, target_id, ordinal) VALUES (2, 3, 1)")
    connection.commit()
    connection.close()
    look_alike = "How do gla\u200bciers move?"
    with SqliteLibrary(path) as library:
        assert [p.what for p in library.check()] == [
            f"note {look_alike!r}: its title looks like the title of note "
            "'How do glaciers move?' (they differ only in how accents are written or in "
            "invisible characters): rename one of them"]


def test_a_title_line_with_a_carriage_return_is_refused(library, tmp_path):
    """A lone CR (CRLF is folded) would let a title rewrite the line it is shown on; a
    JSON title may not hold one either, so notegui's own export always re-imports."""
    write_note(tmp_path, "cr.txt", note_text("Why is this\rfine?"))
    write_note(tmp_path, "cites.txt", note_text(
        "Why cite it?", "It cites Why is this\rfine?, as shown.", ("A line.",)))
    outcomes = {Path(o.path).name: o for o in library.import_paths([tmp_path])}
    assert outcomes["cr.txt"].reason == "line 1 holds a carriage return; a title is one line"
    assert outcomes["cites.txt"].status == "imported"  # no citation: its Sources unpaired
    assert library.count() == 1


# -- no hang: files by type, sizes, loops ---------------------------------------------------

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and sockets: POSIX")


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command line in a process of its own: a hang fails the test, not the suite."""
    return subprocess.run([sys.executable, "-m", "notegui", *args], capture_output=True,
                          text=True, timeout=timeout)


@posix_only
def test_fifos_devices_sockets_and_loops_are_refused_alone_without_a_hang(tmp_path):
    folder = tmp_path / "in"
    write_note(folder, "a.txt", note_text("Why is a good?"))
    write_note(folder, "sub/b.txt", note_text("Why is b good?"))
    os.mkfifo(folder / "fifo.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")  # a symbolic link loop
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop: not followed
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "socket.txt"))
    (folder / "zero.txt").symlink_to("/dev/zero")
    fifo_argument = tmp_path / "f.txt"
    os.mkfifo(fifo_argument)
    try:
        result = _cli("--db", str(tmp_path / "lib.sqlite3"), "import", str(folder),
                      str(fifo_argument), "/dev/zero", str(folder / "loop.txt"))
    finally:
        listener.close()
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stderr
    assert f"imported {folder / 'a.txt'}" in lines
    assert f"imported {folder / 'sub' / 'b.txt'}" in lines
    refused = {line.split(": ", 1)[0].removeprefix("refused "): line.split(": ", 1)[1]
               for line in lines if line.startswith("refused ")}
    assert refused[str(folder / "fifo.txt")] == "a named pipe (FIFO), not a file: not read"
    assert refused[str(fifo_argument)] == "a named pipe (FIFO), not a file: not read"
    assert refused[str(folder / "socket.txt")] == "a socket, not a file: not read"
    assert refused[str(folder / "zero.txt")] == "a character device, not a file: not read"
    assert refused["/dev/zero"] == "a character device, not a file: not read"
    loop = "a symbolic link loop (it leads back to itself): not read"
    assert lines.count(f"refused {folder / 'loop.txt'}: {loop}") == 2  # in the folder, alone
    assert lines[-1].startswith("2 imported, 0 unchanged, 7 refused")
    assert "Traceback" not in result.stderr


@posix_only
def test_a_library_path_that_is_a_fifo_is_refused_without_a_hang(tmp_path):
    fifo = tmp_path / "lib.sqlite3"
    os.mkfifo(fifo)
    result = _cli("--db", str(fifo), "list", timeout=30)
    assert result.returncode == 1
    assert "is a named pipe (FIFO), not a library file" in result.stderr + result.stdout
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the FIFO it was


@posix_only
def test_a_fifo_beside_the_library_is_refused_without_a_hang(tmp_path):
    """SQLite (and the check of who has the library open) opens the -shm beside it."""
    library = tmp_path / "lib.sqlite3"
    assert _cli("--db", str(library), "list").returncode == 0
    os.mkfifo(tmp_path / "lib.sqlite3-shm")
    before = library.read_bytes()
    result = _cli("--db", str(library), "list", timeout=30)
    assert result.returncode == 1
    assert (f"{library}-shm, beside the library, is a named pipe (FIFO), not SQLite's file: "
            "not opened; the library was left untouched") in result.stderr + result.stdout
    assert library.read_bytes() == before


def test_files_over_the_size_limit_are_refused_and_the_rest_imported(library, tmp_path,
                                                                     monkeypatch):
    monkeypatch.setattr(import_files, "MAX_NOTE_BYTES", 1000)
    write_note(tmp_path, "big.txt", note_text("Why is this so big?", "x" * 1000))
    write_note(tmp_path, "small.txt", note_text("Why is this small?"))
    outcomes = {Path(o.path).name: o for o in library.import_paths([tmp_path])}
    assert outcomes["small.txt"].status == "imported"
    assert outcomes["big.txt"].status == "refused"
    assert outcomes["big.txt"].reason.startswith("larger than 0 MB, the limit for a note file")
    assert library.find("Why is this so big?") is None


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="Linux /proc")
def test_a_file_that_says_it_has_no_size_is_read_up_to_the_limit_only(monkeypatch):
    assert os.stat("/proc/self/maps").st_size == 0  # (yet it holds kilobytes)
    monkeypatch.setattr(import_files, "MAX_NOTE_BYTES", 100)
    read = import_files.read_one("/proc/self/maps")
    assert read.refused.startswith("larger than")


def test_a_sources_count_of_4301_digits_imports_with_a_warning(library, tmp_path):
    """int() refuses strings of more than 4,300 digits: such a count stopped the import."""
    write_note(tmp_path, "a.txt", note_text("Why is the count huge?", "Text.")
               + f"\nSources {'9' * 4301} notes\nA line.")
    write_note(tmp_path, "b.txt", note_text("Why is b fine?"))
    outcomes = {Path(o.path).name: o for o in library.import_paths([tmp_path])}
    assert outcomes["b.txt"].status == "imported"
    assert outcomes["a.txt"].status == "imported"
    (warning,) = outcomes["a.txt"].warnings
    assert "is followed by 1 line(s)" in warning and len(warning) < 300


def test_a_parser_bug_refuses_that_file_only(library, tmp_path, monkeypatch):
    real_parse = question_note.parse

    def parse(data, name="", is_known=None):
        if name.endswith("bad.txt"):
            raise ValueError("a case the parser never met")
        return real_parse(data, name, is_known)

    monkeypatch.setattr(question_note, "parse", parse)
    write_note(tmp_path, "bad.txt", note_text("Why is this bad?"))
    write_note(tmp_path, "good.txt", note_text("Why is this good?"))
    outcomes = {Path(o.path).name: o for o in library.import_paths([tmp_path])}
    assert outcomes["good.txt"].status == "imported"
    assert outcomes["bad.txt"].status == "refused"
    assert outcomes["bad.txt"].reason.startswith("cannot be parsed (ValueError)")


# -- parser processes die with the import ---------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_parser_processes_end_when_the_import_is_killed(tmp_path):
    """kill -9 of an importing process: its parser processes (and multiprocessing's
    resource tracker) are gone within seconds, not left waiting for ever."""
    note = write_note(tmp_path, "a.txt", note_text("Why is a parsed?"))
    script = (
        "import sys, time\n"
        "from notegui.core import import_files\n"
        f"reads = import_files.read_all([{str(note)!r}] * import_files.PARALLEL_FROM * 2)\n"
        "next(reads)\n"
        "print('parsing', flush=True)\n"
        "time.sleep(120)\n"
    )
    importer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                text=True)
    try:
        assert importer.stdout.readline() == "parsing\n"
        children = child_processes(importer.pid)
        grandchildren = set().union(*(child_processes(pid) for pid in children))
        assert len(children) >= 2  # two parsers (and the resource tracker)
    finally:
        importer.kill()
        importer.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(alive, children | grandchildren)):
        time.sleep(0.1)
    assert not [pid for pid in children | grandchildren if alive(pid)]


# -- JSON and W3C files: every field checked, a bad entry refused alone --------------------

GOOD_NOTE = {"title": "Why is the good note good?", "description": "D.", "summary": "S.",
             "body": "It cites [[How do glaciers move?]] once.",
             "links": ["How do glaciers move?"], "sources": ["Ice flows."], "tags": ["ok"],
             "created": "2026-11-27T17:00:00Z", "updated": "2026-11-27T17:00:00Z"}
BAD = "Why is this note bad?"


def json_library(notes: list[dict], annotations: list[dict] = ()) -> str:
    return json.dumps({"format": "notegui", "version": 1, "notes": notes,
                       "annotations": list(annotations)})


def bad_note(**fields) -> dict:
    return {"title": BAD, "description": "D.", "body": "", **fields}


@pytest.mark.parametrize(("entry", "message"), [
    (bad_note(body="Cites [[How do glaciers move?]].", links=["Why is the sky blue?"],
              sources=[None]),
     "notes[1].links: the body cites 'How do glaciers move?', which links does not list"),
    (bad_note(links=[""], sources=[None]), "notes[1].links[0]: empty"),
    (bad_note(body="Cites [[Why is A?]] and [[Why is B?]].", links=["Why is B?", "Why is A?"],
              sources=[None, None]),
     "notes[1].links: not in the order the body cites them (or repeated)"),
    (bad_note(title="Not a question"),
     "notes[1].title: 'Not a question' is not a question ending in '?'"),
    (bad_note(title="Why is this\nbad?"), "notes[1].title: holds a line break"),
    (bad_note(title=7), "notes[1].title: expected a string, found 7"),
    (bad_note(tags=["a b"]),
     "notes[1].tags[0]: 'a b' holds white space; a tag is one word (note 'Why is this note"),
    (bad_note(tags=["a,b"]), "notes[1].tags[0]: 'a,b' holds a comma"),
    (bad_note(created="yesterday"), "notes[1].created: 'yesterday' is not a date and time"),
    (bad_note(updated="2026-02-30T00:00:00Z"), "notes[1].updated: '2026-02-30T00:00:00Z' is "
                                               "not a date"),
    (bad_note(body="\ud800 alone"),
     "notes[1].body: holds a lone surrogate (\\ud800) at character 0: not text"),
    (bad_note(summary="two\nlines"), "notes[1].summary: holds a line break; it is one line"),
    (bad_note(description="a NUL \x00"), "notes[1].description: holds a NUL character"),
    (bad_note(title=GOOD_NOTE["title"].upper()),
     "notes[1].title: the same title as notes[0]"),
    (5, "notes[1]: expected an object"),
])
def test_a_bad_note_entry_is_refused_alone_naming_its_field(library, tmp_path, entry, message):
    path = tmp_path / "library.json"
    path.write_text(json_library([GOOD_NOTE, entry]), encoding="utf-8")
    (outcome,) = library.import_paths([path])
    assert outcome.status == "imported"
    (refused,) = outcome.refused_entries
    assert refused.startswith(message)
    assert library.find(GOOD_NOTE["title"]).tags == ("ok",)
    assert library.find(BAD) is None
    assert library.check() == []


ANNOTATION = {"note": GOOD_NOTE["title"], "exact": "cites", "prefix": "It ", "suffix": " How",
              "start": 3, "end": 8, "comment": "", "color": "green",
              "created": "2026-11-27T17:00:00Z", "updated": "2026-11-27T17:00:00Z"}


@pytest.mark.parametrize(("change", "message"), [
    ({"start": -1}, "annotations[1].start: -1 is not between 0 and 2,147,483,647"),
    ({"start": 9, "end": 3}, "annotations[1].end: 3 is before start 9"),
    ({"end": 2**63}, "annotations[1].end: 9223372036854775808 is not between 0 and"),
    ({"start": True}, "annotations[1].start: expected a whole number, found True"),
    ({"color": "red"}, "annotations[1].color: 'red' is not one of yellow, green"),
    ({"exact": ""}, "annotations[1].exact: empty"),
    ({"note": "Why is there no such note?"},
     "annotation on 'Why is there no such note?' (quoting 'cites'): no note of that title"),
    ({"created": "2026-13-01"}, "annotations[1].created: '2026-13-01' is not a date"),
])
def test_a_bad_annotation_entry_is_refused_alone(library, tmp_path, change, message):
    path = tmp_path / "library.json"
    path.write_text(json_library([GOOD_NOTE], [ANNOTATION, {**ANNOTATION, **change}]),
                    encoding="utf-8")
    (outcome,) = library.import_paths([path])
    assert outcome.status == "imported"
    assert len(outcome.refused_entries) == 1
    assert outcome.refused_entries[0].startswith(message)
    assert [a.exact for a in library.all_annotations()] == ["cites"]


@pytest.mark.parametrize(("text", "message"), [
    ('{"format": "notegui", "version": true, "notes": []}',
     '"version" is True; this notegui reads version 1'),
    ('{"format": "notegui", "version": ' + "9" * 5000 + ', "notes": []}',
     "a number too long to read"),
    ('{"format": "notegui", "version": ' + "9" * 4000 + ', "notes": []}',
     '"version" is a number of 4000 digits; this notegui reads version 1'),
    ('{"format": "notegui", "version": 1.0, "notes": []}', '"version" is 1.0'),
    ('{"format": "notegui", "version": 1, "notes": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "JSON nested too deeply"),
    ('{"format": "notegui", "version": 1, "notes": [], "annotations": 7}',
     "annotations: expected a list"),
])
def test_a_json_file_that_cannot_be_read_is_refused_alone(library, tmp_path, text, message):
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    write_note(tmp_path, "good.txt", note_text("Why is the text file fine?"))
    outcomes = {Path(o.path).name: o for o in library.import_paths([tmp_path / "bad.json",
                                                                     tmp_path / "good.txt"])}
    assert outcomes["good.txt"].status == "imported"
    assert outcomes["bad.json"].status == "refused"
    assert outcomes["bad.json"].reason.startswith(message)
    assert len(outcomes["bad.json"].reason) < 200


def test_a_json_file_whose_every_entry_is_refused_is_refused(library, tmp_path):
    path = tmp_path / "library.json"
    path.write_text(json_library([bad_note(tags=["a b"]), 5]), encoding="utf-8")
    (outcome,) = library.import_paths([path])
    assert outcome.status == "refused"
    assert outcome.reason == "every entry is refused"
    assert len(outcome.refused_entries) == 2


def test_json_titles_are_normalised_like_a_note_files(library, tmp_path):
    path = tmp_path / "library.json"
    path.write_text(json_library([{**GOOD_NOTE, "title": CAFE_NFD, "body": "", "links": [],
                                   "sources": []}]), encoding="utf-8")
    list(library.import_paths([path]))
    assert [ref.title for ref in library.iter_refs()] == [CAFE]


def w3c_file(tmp_path: Path, positions: list[tuple[object, object]]) -> Path:
    annotations = [Annotation(GOOD_NOTE["title"], "cites", "It ", " How", 3, 8, "", "yellow",
                              "2026-11-27T17:00:00Z", "2026-11-27T17:00:00Z")]
    document = json.loads(annotation_export.to_w3c(annotations * len(positions)))
    for item, (start, end) in zip(document["first"]["items"], positions, strict=True):
        item["target"]["selector"][1].update(start=start, end=end)
    path = tmp_path / "notes.jsonld"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_bad_w3c_annotation_is_refused_alone(library, tmp_path):
    good = tmp_path / "library.json"
    good.write_text(json_library([GOOD_NOTE]), encoding="utf-8")
    path = w3c_file(tmp_path, [(3, 8), (2**63, 2**63 + 5), (9, 3), (0, "\ud800")])
    outcomes = list(library.import_paths([good, path]))
    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert outcomes[1].refused_entries == (
        "first.items[1].target.selector[1].start: 9223372036854775808 is past the end of any "
        "note (at most 2,147,483,647)",
        "first.items[2].target.selector[1]: end 3 is before start 9",
        "first.items[3].target.selector[1].end: expected a whole number >= 0, found '\\ud800'",
    )
    assert [(a.start, a.end) for a in library.all_annotations()] == [(3, 8)]
    assert [a.exact for a in library.all_annotations(words="cites")] == ["cites"]  # indexed
    assert library.check() == []


def test_the_command_line_lists_each_refused_entry_and_exits_1(tmp_path):
    path = tmp_path / "library.json"
    path.write_text(json_library([GOOD_NOTE, bad_note(tags=["a b"])]), encoding="utf-8")
    result = _cli("--db", str(tmp_path / "lib.sqlite3"), "import", str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        f"imported {path}",
        f"refused {path}: notes[1].tags[0]: 'a b' holds white space; a tag is one word "
        f"(note '{BAD}')",
    ]
    assert "(1 entry of JSON files refused)" in result.stdout


def test_the_import_results_list_each_refused_entry(qtbot, window, tmp_path):
    path = tmp_path / "library.json"
    path.write_text(json_library([GOOD_NOTE, bad_note(created="soon")]), encoding="utf-8")
    window.files.import_paths([path])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    results = window.files.import_results
    lines = [results.list.item(r).text() for r in range(results.list.count())]
    assert lines == [f"Refused {path}: notes[1].created: 'soon' is not a date and time "
                     f"(ISO 8601, as \"2026-11-27T17:00:00Z\") (note '{BAD}')"]
    results.close()


def _time_w3c_import(tmp_path: Path, count: int, attempts: int) -> float:
    """CPU seconds of this process to import ``count`` W3C annotations onto one note (the
    best of ``attempts`` libraries; CPU time: the other processes of a busy machine do not
    count), the note's file imported first."""
    note = tmp_path / "note.json"
    note.write_text(json_library([{**GOOD_NOTE, "body": "word " * 100, "links": [],
                                   "sources": []}]), encoding="utf-8")
    annotations = [Annotation(GOOD_NOTE["title"], "word", "", " word", 5 * i, 5 * i + 4,
                              f"comment {i}", "yellow", "", "") for i in range(count)]
    path = tmp_path / f"{count}.jsonld"
    path.write_text(annotation_export.to_w3c(annotations), encoding="utf-8")
    best = float("inf")
    for attempt in range(attempts):
        with SqliteLibrary(tmp_path / f"{count}-{attempt}.sqlite3") as library:
            list(library.import_paths([note]))
            started = time.process_time()
            (outcome,) = library.import_paths([path])
            best = min(best, time.process_time() - started)
            assert outcome.status == "imported" and not outcome.refused_entries
            assert len(library.annotations(library.find(GOOD_NOTE["title"]).id)) == count
    return best


def test_w3c_import_time_grows_linearly_with_the_annotations(tmp_path):
    """Each annotation used to be checked against the note's others by a query that read
    them all: 50,000 took 200 s. Sixteen times the annotations must take about sixteen
    times as long (quadratic: 256; the bound leaves room for a busy machine's noise)."""
    small = _time_w3c_import(tmp_path, 1_000, attempts=3)
    large = _time_w3c_import(tmp_path, 16_000, attempts=1)
    assert large / small < 48, (small, large)
