"""Starting the app: first start on the demo library, `open TITLE`, and a library that
cannot be opened (a dialog with choices, the file untouched)."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import SAMPLE_TITLE, run_and_capture
from notegui import app
from notegui.core import paths


def test_first_start_creates_the_demo_library_and_opens_the_sample(qtbot, monkeypatch):
    assert not paths.default_library().exists()
    code, window = run_and_capture(monkeypatch, [])
    qtbot.addWidget(window)
    assert code == 0
    assert paths.default_library().exists()
    assert window.answer.toPlainText().startswith(SAMPLE_TITLE)
    assert window.model.rowCount() == 9
    window.close()
    window.library.close()


def test_open_title_starts_at_that_note(qtbot, monkeypatch, tmp_path):
    db = tmp_path / "lib.sqlite3"
    title = "Do reasoning traces need to be semantically correct?"
    code, window = run_and_capture(monkeypatch, ["--db", str(db), "open", title.lower()])
    qtbot.addWidget(window)
    assert code == 0
    assert window.answer.toPlainText().startswith(title)
    assert not window.actions_by_name["back"].isEnabled()
    window.close()
    window.library.close()


def test_corrupt_library_shows_a_dialog_and_is_left_untouched(qtbot, monkeypatch, tmp_path):
    db = tmp_path / "broken.sqlite3"
    app.create_demo_library(db).close()
    damaged = bytearray(db.read_bytes())
    damaged[100:4096] = b"\xff" * (4096 - 100)  # the schema page, the header kept
    db.write_bytes(bytes(damaged))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    seen: list[str] = []

    def answer_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_the_dialog)
            return
        seen.append(box.text() + "\n" + box.informativeText())
        labels = [b.text() for b in box.buttons()]
        seen.append(" | ".join(labels))
        quit_button = next(b for b in box.buttons() if b.text() == "Quit")
        quit_button.click()

    QTimer.singleShot(20, answer_the_dialog)
    code = app.main(["--db", str(db)])
    assert code == 1
    assert str(db) in seen[0]
    assert "is damaged or unreadable" in seen[0]
    assert "The file has not been changed." in seen[0]
    assert sorted(seen[1].split(" | ")) == ["Create New…", "Open Another…", "Quit"]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
