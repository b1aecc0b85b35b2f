"""The import's results show each refusal whole, wrapped at the dialog's width: a path and
its reason run longer than the dialog (the refusal of a second file of one title was cut)."""

from __future__ import annotations

from notegui.core.domain import ImportOutcome
from notegui.gui.import_dialog import ImportResults, ImportSummary

REASON = ("a note titled 'Why does reasoning transfer across different numbers but factual "
          "recall does not?' was already imported from first-copy.txt in this import; "
          "this later file was not imported")


def test_a_long_refusal_is_wrapped_whole_within_the_dialog(qtbot):
    summary = ImportSummary()
    summary.add(ImportOutcome("/home/someone/notes/a-folder/second-copy.txt", "refused",
                              REASON))
    results = ImportResults(summary)
    qtbot.addWidget(results)
    results.show()
    qtbot.waitExposed(results)
    view = results.list
    item_rect = view.visualRect(view.model().index(0, 0))
    line = view.fontMetrics().height()
    assert item_rect.height() >= 2 * line  # (wrapped onto more lines)
    assert item_rect.right() <= view.viewport().width()  # (no line runs past the edge)
    assert not view.horizontalScrollBar().isVisible()
    assert view.item(0).text().endswith("this later file was not imported")


def test_import_folder_of_markdown_says_there_is_nothing_to_import_and_why(
        qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "vault"
    (folder / ".obsidian").mkdir(parents=True)
    (folder / ".obsidian" / "app.json").write_text("{}")
    for name in ["Home.md", "Two.md", "pic.png"]:
        (folder / name).write_text("---\ntitle: x\n---\n")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.actions_by_name["import_folder"].trigger()
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    text = window.files.import_results.summary.text()
    assert text.splitlines() == [
        "0 imported, 0 unchanged, 0 refused",
        f"{folder}: nothing to import: it holds 2 markdown files and 1 image and no "
        "question-note .txt file; markdown files are not imported yet (notegui imports "
        "question-note .txt files, notegui JSON and W3C annotations); images are not notes"]
    window.files.import_results.close()


def test_import_results_count_what_a_folder_left_out_beside_its_notes(qtbot, window, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "q.txt").write_text("Why do leaves fall?\nAutumn.\nDays shorten.\n")
    (folder / "a.md").write_text("# a")
    (folder / "b.pdf").write_bytes(b"%PDF")
    window.files.import_paths([folder])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    assert window.files.import_results.summary.text().splitlines() == [
        "1 imported, 0 unchanged, 0 refused",
        "1 markdown file and 1 PDF skipped: markdown files are not imported yet (notegui "
        "imports question-note .txt files, notegui JSON and W3C annotations); PDFs are not "
        "notes"]
    window.files.import_results.close()
