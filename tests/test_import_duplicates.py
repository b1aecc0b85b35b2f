"""Two files of one import with one title: the first is imported, the later refused naming
the first (before, both said "imported" and the later replaced the earlier silently). The
same in a large (staged) import, for titles that differ only in case or spacing, and for
a JSON document's entry; one file named twice is no clash; a re-import changes nothing;
the later file imported on its own replaces the text, which its history keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write_note
from notegui.app import main
from notegui.store.library import SqliteLibrary

TITLE = "Why do leaves fall?"


def notegui(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str]]:
    code = main([str(arg) for arg in args])
    return code, capsys.readouterr().out.splitlines()


def clash(folder: Path, later_title: str = TITLE) -> tuple[Path, Path]:
    first = write_note(folder, "a-autumn.txt", f"{TITLE}\nIn autumn.\nDays shorten.")
    later = write_note(folder, "b-wind.txt", f"{later_title}\nThe wind.\nGusts pull them.")
    return first, later


def refusal(first: Path, later: Path, title: str = TITLE) -> str:
    named = first.name if first.parent == later.parent else str(first)
    return (f"refused {later}: its title {title!r} is also {named}'s, imported before it "
            "in this import; that text was kept (import this file on its own to replace "
            "it)")


def test_the_later_file_is_refused_naming_the_first(capsys, tmp_path):
    db = tmp_path / "lib.sqlite3"
    first, later = clash(tmp_path / "notes")
    code, lines = notegui(capsys, "--db", db, "import", tmp_path / "notes")
    assert lines == [f"imported {first}", refusal(first, later),
                     "1 imported, 0 unchanged, 1 refused; 1 new notes, 1 in the library"]
    assert code == 1
    with SqliteLibrary(db) as library:
        note = library.find(TITLE)
        assert (note.description, note.body) == ("In autumn.", "Days shorten.")
        assert library.revisions(note.id) == []  # nothing was replaced, even for a moment
    # Importing the folder again changes nothing, and says the same.
    code, lines = notegui(capsys, "--db", db, "import", tmp_path / "notes")
    assert lines[:2] == [f"unchanged {first}", refusal(first, later)]
    # The later file on its own replaces the text; its history keeps the first's.
    code, lines = notegui(capsys, "--db", db, "import", later)
    assert (code, lines[0]) == (0, f"imported {later}")
    with SqliteLibrary(db) as library:
        note = library.find(TITLE)
        assert note.body == "Gusts pull them."
        assert [r.body for r in library.revisions(note.id)] == ["Days shorten."]


def test_titles_that_differ_in_case_and_spacing_are_one_title(capsys, tmp_path):
    first, later = clash(tmp_path / "notes", later_title="why do  LEAVES fall?")
    code, lines = notegui(capsys, "--db", tmp_path / "lib.sqlite3", "import", first, later)
    assert (code, lines[1]) == (1, refusal(first, later, "why do  LEAVES fall?"))


def test_one_file_named_twice_is_no_clash(capsys, tmp_path):
    first, _later = clash(tmp_path / "notes")
    code, lines = notegui(capsys, "--db", tmp_path / "lib.sqlite3", "import", first,
                          tmp_path / "notes" / "." / first.name)
    assert code == 0
    assert lines[1] == f"unchanged {tmp_path / 'notes' / '.' / first.name}"


def test_a_large_import_refuses_the_later_file_too(capsys, tmp_path):
    """Enough files for one staged batch (store/importing/staged_import.py), the clash in the
    middle of it: the same outcome as file by file."""
    folder = tmp_path / "many"
    for number in range(40):
        write_note(folder, f"{number:03}.txt", f"Why is number {number} here?\nD.\nBody.")
    later = write_note(folder, "010b.txt", "Why is number 10 here?\nOther.\nAnother.")
    code, lines = notegui(capsys, "--db", tmp_path / "lib.sqlite3", "import", folder)
    assert code == 1
    assert refusal(folder / "010.txt", later, "Why is number 10 here?") in lines
    assert lines[-1] == "40 imported, 0 unchanged, 1 refused; 40 new notes, 40 in the library"
    with SqliteLibrary(tmp_path / "lib.sqlite3") as library:
        assert library.find("Why is number 10 here?").body == "Body."


def test_a_json_entry_of_a_title_a_file_had_is_left_out(capsys, tmp_path):
    first, _later = clash(tmp_path / "notes")
    document = tmp_path / "z-library.json"
    with SqliteLibrary(tmp_path / "source.sqlite3") as source:
        source.import_bytes(f"{TITLE}\nFrom JSON.\nJSON text.".encode(), "x.txt")
        source.import_bytes(b"Why is the sky blue?\nLight.\nScattering.", "y.txt")
    assert main(["--db", str(tmp_path / "source.sqlite3"), "export", "--format", "json",
                 "-o", str(document)]) == 0
    assert len(json.loads(document.read_text())["notes"]) == 2
    capsys.readouterr()
    code, lines = notegui(capsys, "--db", tmp_path / "lib.sqlite3", "import", first, document)
    assert lines[1] == f"imported {document}"
    assert lines[2] == (f"refused {document}: note {TITLE!r}: also {first}'s title, "
                        "imported before it in this import; that text was kept")
    assert code == 1
    with SqliteLibrary(tmp_path / "lib.sqlite3") as library:
        assert library.find(TITLE).body == "Days shorten."
        assert library.find("Why is the sky blue?").body == "Scattering."


def test_the_windows_import_report_names_the_file_kept(qtbot, window, tmp_path):
    first, later = clash(tmp_path / "notes")
    window.files.import_paths([tmp_path / "notes"])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    results = window.files.import_results
    assert results.summary.text() == "1 imported, 0 unchanged, 1 refused"
    lines = [results.list.item(r).text() for r in range(results.list.count())]
    assert lines == ["R" + refusal(first, later)[1:]]
    results.close()
