"""`notegui FILE` (and a file manager's Open With, which runs it): the window opens, asks
whether to import the file, naming it and the library, imports it as File ▸ Import does and
shows the note; Cancel changes nothing; a file that cannot be read is named, with why, and
nothing is imported."""

from __future__ import annotations

import hashlib

import pytest

from conftest import run_and_capture
from notegui import app, cli
from notegui.core.formats import json_format
from notegui.store.library import SqliteLibrary
from prompts import answer_next_box

NOTE = """Why is the sky blue?
Air scatters short wavelengths more than long ones.
Sunlight scatters off the molecules of the air, blue more than red (Rayleigh scattering).
"""


def empty_library(tmp_path):
    db = tmp_path / "lib.sqlite3"
    SqliteLibrary(db).close()  # (an empty library: a first start would fill in the demo)
    return db


def titles(db) -> list[str]:
    with SqliteLibrary(db) as library:
        return [ref.title for ref in library.refs(library.note_ids()).values()]


def finish(qtbot, window):
    qtbot.waitUntil(lambda: window.files.import_results is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    return window.files.import_results


def opened(qtbot, monkeypatch, db, *paths, answer="Import"):
    """The app started as ``notegui --db DB PATH...``, the question it asks answered with
    ``answer``: its exit code, its window and the texts of the boxes it showed."""
    seen = answer_next_box(answer)
    code, window = run_and_capture(monkeypatch, ["--db", str(db), *map(str, paths)])
    qtbot.addWidget(window)
    return code, window, seen


def close(window):
    window.close()
    window.library.close()


def test_a_question_note_given_is_imported_after_asking_and_shown(qtbot, monkeypatch, tmp_path):
    db = empty_library(tmp_path)
    note = tmp_path / "sky.question.txt"
    note.write_text(NOTE, encoding="utf-8")
    code, window, seen = opened(qtbot, monkeypatch, db, note)
    assert code == 0
    results = finish(qtbot, window)
    assert seen[0].splitlines()[:3] == [
        "Import Notes", "Import sky.question.txt into the library lib.sqlite3?", str(note)]
    assert results.summary.text().startswith("1 imported")
    assert window.answer.toPlainText().startswith("Why is the sky blue?")
    results.close()
    close(window)
    assert titles(db) == ["Why is the sky blue?"]


def test_a_json_export_given_is_imported_with_its_notes(qtbot, monkeypatch, tmp_path):
    source = tmp_path / "demo.sqlite3"
    with app.create_demo_library(source) as library:
        export = tmp_path / "library.json"
        export.write_text(json_format.dumps(library.document()), encoding="utf-8")
        expected = len(library.note_ids())
    db = empty_library(tmp_path)
    _code, window, _seen = opened(qtbot, monkeypatch, db, export)
    results = finish(qtbot, window)
    assert results.summary.text().startswith("1 imported")  # (one file)
    assert window.model.rowCount() == expected
    assert window.current_id is not None  # (an imported note is shown)
    results.close()
    close(window)


def test_cancel_imports_nothing(qtbot, monkeypatch, tmp_path):
    db = empty_library(tmp_path)
    note = tmp_path / "sky.question.txt"
    note.write_text(NOTE, encoding="utf-8")
    _code, window, seen = opened(qtbot, monkeypatch, db, note, answer="Cancel")
    qtbot.waitUntil(lambda: bool(seen))
    qtbot.wait(50)  # (a started import would have made its job by now)
    assert window.files.import_job is None and window.files.import_results is None
    close(window)
    assert titles(db) == []


def test_a_file_that_cannot_be_read_is_named_and_nothing_changes(qtbot, monkeypatch, tmp_path):
    db = tmp_path / "lib.sqlite3"
    app.create_demo_library(db).close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    missing = tmp_path / "gone.question.txt"
    folder = tmp_path / "a-folder"
    folder.mkdir()
    _code, window, seen = opened(qtbot, monkeypatch, db, missing, folder, answer="OK")
    qtbot.waitUntil(lambda: bool(seen))
    lines = seen[0].splitlines()
    assert lines[0] == "Cannot import"
    assert f"{missing}: there is no such file" in lines
    assert f"{folder}: it is a folder (File ▸ Import Folder… imports one)" in lines
    assert "Nothing was imported." in lines
    assert window.files.import_job is None
    close(window)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_file_that_is_not_a_note_is_refused_by_name(qtbot, monkeypatch, tmp_path):
    db = empty_library(tmp_path)
    picture = tmp_path / "holiday.json"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    _code, window, _seen = opened(qtbot, monkeypatch, db, picture)
    results = finish(qtbot, window)
    assert results.summary.text().startswith("0 imported, 0 unchanged, 1 refused")
    assert results.list.item(0).text().startswith(f"Refused {picture}: ")
    results.close()
    close(window)
    assert titles(db) == []


def test_several_files_are_asked_about_together(qtbot, monkeypatch, tmp_path):
    db = empty_library(tmp_path)
    first, second = tmp_path / "one.question.txt", tmp_path / "two.question.txt"
    first.write_text(NOTE, encoding="utf-8")
    second.write_text(NOTE.replace("sky", "sea"), encoding="utf-8")
    _code, window, seen = opened(qtbot, monkeypatch, db, first, second)
    finish(qtbot, window).close()
    assert seen[0].splitlines()[1:4] == [
        "Import 2 files into the library lib.sqlite3?", str(first), str(second)]
    close(window)
    assert sorted(titles(db)) == ["Why is the sea blue?", "Why is the sky blue?"]


@pytest.mark.parametrize(("argv", "files", "command"), [
    (["notes.json"], ["notes.json"], None),
    (["--db", "x.sqlite3", "a.txt", "b.md"], ["a.txt", "b.md"], None),
    (["--debug", "--", "list"], ["list"], None),
    (["./list"], ["list"], None),
    (["list"], [], "list"),
    (["--db", "list", "check"], [], "check"),
    ([], [], None),
])
def test_the_first_word_that_is_not_a_command_starts_the_files(argv, files, command):
    args = cli.parse_args(argv)
    assert [str(path) for path in args.files] == files
    assert args.command == command


def test_an_option_after_the_files_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as ended:
        cli.parse_args(["notes.json", "--debug"])
    assert ended.value.code == 2
    assert "options go before the files: --debug" in capsys.readouterr().err


def test_help_says_how_to_open_a_file(capsys):
    with pytest.raises(SystemExit):
        cli.parse_args(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith(
        "usage: notegui [-h] [--db PATH] [--debug] [--version] [FILE ... | COMMAND ...]")
    assert ("With FILE (a notegui JSON export, a question note, a markdown note: what "
            "File > Import takes), opens the app and asks whether to import it; a file "
            "named like a command is given as ./NAME.") in out


def test_a_file_open_event_is_offered_as_an_argument_is(qtbot, window, tmp_path):
    """macOS opens a document (a Finder double-click) with an event, not an argument: the
    window takes those events there (on macOS by default; asked for here)."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from notegui.gui.opened_files import OpenedFiles

    window.opened_files.deleteLater()  # (not on macOS: one that takes no events)
    window.opened_files = OpenedFiles(window, window.files.import_paths,
                                      window._import_refusal, lambda: "lib.sqlite3",
                                      file_open_events=True)
    note = tmp_path / "sky.question.txt"
    note.write_text(NOTE, encoding="utf-8")
    seen = answer_next_box("Import")
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(note)))
    finish(qtbot, window).close()
    assert seen[0].splitlines()[1] == "Import sky.question.txt into the library lib.sqlite3?"
    assert window.answer.toPlainText().startswith("Why is the sky blue?")
