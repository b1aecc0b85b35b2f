"""File ▸ Export ▸ Text of a note the question-note format cannot hold (a vault's note):
refused before a file is chosen, saying why and which formats hold it; the app goes on."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from notegui.gui.library_actions import export_formats
from vault_rows import add_note


def test_exporting_a_vault_note_as_text_is_refused_naming_the_formats(
        window, tmp_path, monkeypatch):
    note_id = add_note(window.library, "notes/Home.md", "# Home\nText.\n", "Home")
    assert window.open_note(note_id)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (export_formats()[0], True))
    chosen: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: chosen.append(a) or (str(tmp_path / "x.txt"), ""))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    window.actions_by_name["export"].trigger()
    assert chosen == [] and not (tmp_path / "x.txt").exists()
    assert warned and "read from a markdown folder (notes/Home.md)" in warned[0]
    assert "Markdown or JSON" in warned[0]
    assert window.current_id == note_id  # (the app goes on, at the note)
