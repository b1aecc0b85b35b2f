"""File menu: new and open library, export in each format, tag filter: driven through the
window's actions with the file dialogs answered."""

from __future__ import annotations

import json
import sys

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from conftest import SAMPLE, SAMPLE_TITLE
from notegui.app import open_library
from notegui.gui.backup_dialog import AutomaticBackups
from notegui.gui.library_actions import export_formats
from notegui.gui.search_field import FULL_LANE, QUICK_LANE
from notegui.store import backup as backups
from test_connections_closed import open_files


def answer_save(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def choose_export(monkeypatch, index: int) -> None:
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: (export_formats()[index], True))


def test_new_library_starts_empty_and_says_so(window, tmp_path, monkeypatch):
    answer_save(monkeypatch, tmp_path / "fresh.sqlite3")
    window.actions_by_name["new_library"].trigger()
    assert window.library.path == tmp_path / "fresh.sqlite3"
    assert window.count_label.text() == "0 notes"
    assert "This library is empty" in window.answer.toPlainText()
    assert window.windowTitle() == "fresh.sqlite3 — notegui"


def test_open_library_switches_and_a_bad_file_is_refused(window, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite3"
    with open_library(other) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample.txt")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window.actions_by_name["open_library"].trigger()
    assert window.library.path == other
    assert window.count_label.text() == "7 notes"

    bad = tmp_path / "notes.txt"
    bad.write_text("not a library, long enough to have a header of a hundred bytes " * 3)
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    window.actions_by_name["open_library"].trigger()
    assert warned and "is not a notegui library" in warned[0]
    assert window.library.path == other  # still the library that was open


def test_export_current_note_as_text(window, tmp_path, monkeypatch):
    target = tmp_path / "note.txt"
    choose_export(monkeypatch, 0)
    answer_save(monkeypatch, target)
    window.actions_by_name["export"].trigger()
    assert target.read_bytes() == SAMPLE.read_bytes() + b"\n"


def test_export_library_as_json(window, tmp_path, monkeypatch):
    target = tmp_path / "library.json"
    choose_export(monkeypatch, 1)
    answer_save(monkeypatch, target)
    window.actions_by_name["export"].trigger()
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "notegui" and len(document["notes"]) == 9
    assert "Exported the library" in window.statusBar().currentMessage()


def test_export_markdown_folder(window, tmp_path, monkeypatch):
    folder = tmp_path / "vault"
    folder.mkdir()
    choose_export(monkeypatch, 2)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.actions_by_name["export"].trigger()
    assert len(list(folder.glob("*.md"))) == 9


def test_export_into_a_folder_of_other_files_asks_first(window, tmp_path, monkeypatch):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("dear")
    choose_export(monkeypatch, 2)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answer[0])
    window.actions_by_name["export"].trigger()
    assert asked == [f"{folder} is not empty and does not hold an earlier notegui export. "
                     "Export the notes into it anyway? Its other files are left alone."]
    assert [p.name for p in folder.iterdir()] == ["letter.txt"]
    assert window.statusBar().currentMessage() == "Nothing exported"
    answer[0] = QMessageBox.StandardButton.Yes
    window.actions_by_name["export"].trigger()
    assert len(list(folder.glob("*.md"))) == 9
    assert (folder / "letter.txt").read_text() == "dear"
    # Now an earlier export: exported again without a question.
    window.actions_by_name["export"].trigger()
    assert len(asked) == 2
    assert window.statusBar().currentMessage() == f"Exported 9 notes to {folder}"


def test_a_failed_export_says_why_and_keeps_the_app(window, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    choose_export(monkeypatch, 1)
    answer_save(monkeypatch, blocker / "library.json")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    window.actions_by_name["export"].trigger()
    assert warned and f"cannot write {blocker / 'library.json'}" in warned[0]


def test_tag_filter_in_the_search_field(qtbot, window):
    window.library.set_tags(window.library.find(SAMPLE_TITLE).id, ["transfer"])
    window.search.setFocus()
    qtbot.keyClicks(window.search, "tag:transfer")
    qtbot.waitUntil(lambda: window.count_label.text() == "1 result of 9 notes")
    assert window.model.index(0).data() == SAMPLE_TITLE



@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_libraries_opened_and_left_20_times_keep_no_file_open(window, tmp_path, monkeypatch,
                                                               qtbot):
    """Open, search, back up and leave libraries 20 times: the library left has no file
    open at once (issue 16: a library left kept its search threads' connections), and no
    thread that worked on one is left running."""
    first = window.library.path
    other = tmp_path / "other.sqlite3"
    with open_library(other) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample.txt")
    automatic = AutomaticBackups(window, lambda: window.library.path,
                                 lambda path: (backups.backup_library(path), "")[1],
                                 first_ms=3_600_000)
    for turn in range(20):
        qtbot.keyClicks(window.search, "reasoning")  # (the search threads open connections)
        qtbot.waitUntil(lambda: "result" in window.count_label.text(), timeout=5000)
        lanes = [window.tasks.running_worker(lane) for lane in (QUICK_LANE, FULL_LANE)]
        backup = automatic.run_now()
        assert backup is not None
        qtbot.waitUntil(lambda job=backup: not job.running(), timeout=10000)
        going_to = other if turn % 2 == 0 else first
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, target=going_to, **k: (str(target), ""))
        window.actions_by_name["open_library"].trigger()
        assert window.library.path == going_to
        left = first if going_to == other else other
        assert open_files(left) == []
        assert lanes[0] is not None and not any(lane.alive for lane in lanes if lane)
    assert len(backups.list_backups(first)) == len(backups.list_backups(other)) == 5  # (kept)
    assert len(open_files(window.library.path)) <= 9  # (this one's: three threads at most)
