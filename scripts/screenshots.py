"""Take the README's screenshots of the real window: `xvfb-run -a python scripts/screenshots.py
OUT_DIR` (or offscreen with QT_QPA_PLATFORM=offscreen). Uses a throwaway demo library."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from notegui.app import create_demo_library, open_library
from notegui.core.resources import SAMPLE_TITLE
from notegui.core.settings import Settings
from notegui.gui.main_window import MainWindow


def settle(app: QApplication, ms: int = 300) -> None:
    QTest.qWait(ms)
    app.processEvents()


def annotate(app: QApplication, window: MainWindow, out: Path) -> None:
    """Highlights, a comment and the tags, then the editor beside its preview."""
    for phrase, colour, comment in (
        ("five million pretraining documents", "yellow", "Which corpus? Check the appendix."),
        ("knowledge retrieval happens in the *lower* layers".replace("*", ""), "green", ""),
    ):
        window.answer.setTextCursor(window.answer.document().find(phrase))
        window.annotator.highlight(colour, comment)
    window.library.set_tags(window.current_id, ["reasoning", "memorization"])
    window.open_note(window.current_id, record=False)
    window.answer.setTextCursor(window.answer.document().find("clean answer"))
    settle(app)
    window.grab().save(str(out / "annotations.png"))
    window.notes.edit_note()
    settle(app, 600)
    window.grab().save(str(out / "editor.png"))
    window.notes.edit_note()


def import_and_restore(app: QApplication, out: Path) -> None:
    """Issue 15: an import of two files of one title (the later refused, naming the
    earlier), and a version restored after a cited note's rename (cited by its title now)."""
    folder = Path(tempfile.mkdtemp())
    library = create_demo_library(folder / "flows.sqlite3")
    sample = library.find(SAMPLE_TITLE)
    library.save_note(sample.id, sample.title, sample.description, sample.summary,
                      sample.body + "\n\nA paragraph added later.")
    cited = library.find("Do reasoning traces need to be semantically correct?")
    library.save_note(cited.id, "Do reasoning traces need to be correct at all?",
                      cited.description, cited.summary, cited.body)
    for name, text in (("a-autumn.txt", "Why do leaves fall?\nIn autumn.\nDays shorten."),
                       ("b-wind.txt", "Why do leaves fall?\nThe wind.\nGusts pull them.")):
        (folder / "notes").mkdir(exist_ok=True)
        (folder / "notes" / name).write_text(text, encoding="utf-8")
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False, start_note=sample.id)
    window.resize(1400, 860)
    window.show()
    window.files.import_paths([folder / "notes"])
    while window.files.import_job is not None:
        settle(app, 100)
    window.files.import_results.resize(1100, 200)
    settle(app)
    window.files.import_results.grab().save(str(out / "import-same-title.png"))
    window.files.import_results.close()
    first_version = library.revisions(sample.id)[0]
    window.open_note(sample.id)
    window.hub.publish(library.restore_revision(first_version.id))
    window.open_note(sample.id, record=False)
    window.answer.setTextCursor(window.answer.document().find("correct at all?"))
    settle(app)
    window.grab().save(str(out / "restored-after-rename.png"))
    window.close()
    library.close()


def completion(app: QApplication, out: Path) -> None:
    """Issue 15: Ctrl+E from the search box (the focus when a library opens) edits; typing
    [[Do reasoning offers the title that starts so first, every title whole although the
    body is a narrow column. The popup is a window of its own: the screen is grabbed."""
    folder = Path(tempfile.mkdtemp())
    library = create_demo_library(folder / "completion.sqlite3")
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False,
                        start_note=library.find(SAMPLE_TITLE).id)
    window.resize(1200, 760)
    window.show()
    window.activateWindow()
    settle(app)
    window.splitter.setSizes([330, 420, 450])
    window.search.setFocus()
    QTest.keyClick(app.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(app)
    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(window.editor.body, " See [[Do reasoning")
    settle(app, 600)
    app.primaryScreen().grabWindow(0).save(str(out / "citation-completion.png"))
    window.editor.body.completer.popup().hide()
    window.close()
    library.close()


def answer_box(app: QApplication, button: str, shot: Path) -> None:
    """When the next message box shows: a screenshot of the screen, then ``button``."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        QTest.qWait(300)
        app.primaryScreen().grabWindow(0).save(str(shot))
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, answer)


def editing_states(app: QApplication, out: Path) -> None:
    """Issue 15, points 1-3: a new note is the window's note (its title, nothing selected,
    an empty sidebar); Esc on one with text asks Discard / Keep Editing."""
    folder = Path(tempfile.mkdtemp())
    library = create_demo_library(folder / "demo.sqlite3")
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False, start_note=library.find(SAMPLE_TITLE).id)
    window.resize(1400, 860)
    window.show()
    window.activateWindow()
    settle(app)
    window.notes.new_note()
    settle(app)
    window.editor.body.setFocus()
    QTest.keyClicks(window.editor.body, "Some words before the title.")
    settle(app)
    window.grab().save(str(out / "new-note.png"))
    answer_box(app, "Discard", out / "new-note-esc.png")
    QTest.keyClick(window.editor.body, Qt.Key.Key_Escape)
    settle(app)
    window.grab().save(str(out / "new-note-discarded.png"))
    window.close()
    library.close()


def sidebar_flows(app: QApplication, out: Path) -> None:
    """Issue 15, point 7: an empty library says how to fill it, with the note actions off;
    one note imported into it is shown (not the stub it cites); the Sources follow a save
    while editing; a refused title is framed in red; the comment dialog shows its quote."""
    folder = Path(tempfile.mkdtemp())
    library = open_library(folder / "empty.sqlite3")
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False)
    window.resize(1200, 760)
    window.show()
    window.activateWindow()
    settle(app)
    window.grab().save(str(out / "empty-library.png"))
    (folder / "glaciers.txt").write_text(
        "Why do glaciers move?\nHow ice flows downhill.\nUnder their own weight, as "
        "Are icebergs alive?, it asks in jest.\nSources 1 note\nA playful question.",
        encoding="utf-8")
    window.files.import_paths([folder / "glaciers.txt"])
    while window.files.import_job is not None:
        settle(app, 100)
    window.files.import_results.close()
    settle(app)
    window.grab().save(str(out / "imported-into-empty.png"))
    window.close()
    library.close()

    library = create_demo_library(folder / "demo.sqlite3")
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False, start_note=library.find(
                            "Does procedural knowledge drive reasoning more than factual "
                            "retrieval?").id)
    window.resize(1400, 860)
    window.show()
    window.activateWindow()
    settle(app)
    window.notes.edit_note()
    window.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(window.editor.body,
                    " See [[Where do memorization errors arise in chain-of-thought reasoning?]].")
    while not window.editor.state.text().startswith("Saved"):
        settle(app, 100)
    settle(app)
    window.grab().save(str(out / "sources-while-editing.png"))
    window.editor.title.setFocus()
    window.editor.title.end(False)
    QTest.keyClick(window.editor.title, Qt.Key.Key_Backspace)
    # Done: refused, the title has no '?': Discard or Keep Editing is asked; kept.
    answer_box(app, "Keep Editing", out / "refused-discard-or-keep.png")
    window.notes.edit_note()
    settle(app)
    window.grab().save(str(out / "refused-title.png"))
    QTest.keyClicks(window.editor.title, "?")
    window.notes.edit_note()
    settle(app)
    window.answer.setTextCursor(window.answer.document().find("procedural knowledge"))
    window.notes.comment()
    settle(app)
    QTest.keyClicks(window.annotator.dialog.field,
                    "A long comment wraps in the dialog instead of running off to the right, "
                    "however much there is to say about these words.")
    settle(app)
    app.primaryScreen().grabWindow(0).save(str(out / "comment-dialog.png"))
    window.annotator.dialog.reject()
    window.close()
    library.close()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    library = create_demo_library(folder / "demo.sqlite3")
    sample = library.find(SAMPLE_TITLE)
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False, start_note=sample.id)
    window.resize(1400, 860)
    window.show()
    settle(app)
    window.grab().save(str(out / "screenshot.png"))

    code_note = library.find("Does chain-of-thought reasoning actually generalize beyond "
                             "training data?")
    window.open_note(code_note.id)
    settle(app)
    window.answer.verticalScrollBar().setValue(window.answer.verticalScrollBar().maximum())
    settle(app)
    window.grab().save(str(out / "code.png"))

    window.focus_search()
    QTest.keyClicks(window.search, "memoriz")
    settle(app, 600)
    window.grab().save(str(out / "search.png"))
    QTest.keyClick(window.search, Qt.Key.Key_Escape)

    window.open_note(sample.id)
    annotate(app, window, out)
    window.open_note(sample.id)
    window.set_theme("dark")
    settle(app)
    window.grab().save(str(out / "dark.png"))
    window.close()
    library.close()
    import_and_restore(app, out)
    sidebar_flows(app, out)
    editing_states(app, out)
    completion(app, out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
