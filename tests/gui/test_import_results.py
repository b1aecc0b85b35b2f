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


def test_import_folder_of_a_vault_shows_its_notes_in_the_list(
        qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "vault"
    (folder / ".obsidian").mkdir(parents=True)
    (folder / ".obsidian" / "app.json").write_text("{}")
    (folder / "ideas").mkdir()
    (folder / "Home.md").write_text("---\ntitle: Welcome home\n---\nSee [[Two]].\n")
    (folder / "ideas" / "Two.md").write_text("# Two\nBack [[Home]].\n")
    (folder / "pic.png").write_bytes(b"\x89PNG")
    (folder / "paper.pdf").write_bytes(b"%PDF")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.actions_by_name["import_folder"].trigger()
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    assert window.files.import_results.summary.text().splitlines() == [
        "2 imported, 0 unchanged, 0 refused",
        "vault: 1 image copied, 1 PDF skipped"]
    window.files.import_results.close()
    model = window.model
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert {"Welcome home", "Two"} <= set(titles)

    (folder / "ideas" / "Two.md").unlink()
    window.files.import_paths([folder])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    results = window.files.import_results
    assert results.summary.text().splitlines() == [
        "0 imported, 1 unchanged, 0 refused",
        "vault: 0 images copied (1 unchanged), 1 PDF skipped",
        "1 note whose file is gone (kept): listed below"]
    assert [results.list.item(i).text() for i in range(results.list.count())] == [
        "File gone, note kept: vault/ideas/Two.md"]
    results.close()


def test_import_folder_of_images_alone_says_there_is_nothing_to_import(
        qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "pic.png").write_bytes(b"\x89PNG")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window.actions_by_name["import_folder"].trigger()
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    assert window.files.import_results.summary.text().splitlines() == [
        "0 imported, 0 unchanged, 0 refused",
        f"{folder}: nothing to import: it holds 1 image and no markdown note or "
        "question-note .txt file"]
    window.files.import_results.close()


def test_import_results_count_what_a_folder_left_out_beside_its_notes(qtbot, window, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "q.txt").write_text("Why do leaves fall?\nAutumn.\nDays shorten.\n")
    (folder / "a.md").write_text("# a")
    (folder / "b.pdf").write_bytes(b"%PDF")
    window.files.import_paths([folder])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    # (as many .txt files as markdown ones: a folder of question notes, as before)
    assert window.files.import_results.summary.text().splitlines() == [
        "1 imported, 0 unchanged, 0 refused",
        "1 markdown file and 1 PDF skipped: markdown files are not question notes (import "
        "them as markdown notes with --format vault); PDFs are not notes"]
    window.files.import_results.close()
