"""Editing states a reader can trust (issue 15): no draft unless the reader typed, a way out
of every state, a new note is the window's note, and a title is saved when committed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox
from shown import refused_field

from conftest import SAMPLE_CITED, SAMPLE_TITLE
from notegui.app import create_demo_library, open_library
from notegui.core.drafts import DraftStore
from notegui.core.settings import Settings
from notegui.gui import note_actions
from notegui.gui.editing import DRAFT_MS
from notegui.gui.main_window import MainWindow
from notegui.gui.picker import Picker
from prompts import answer_next_box, back_to

CTRL = Qt.KeyboardModifier.ControlModifier
PROCEDURAL = SAMPLE_CITED[0]  # cited by the sample note
SETTLE = 2 * DRAFT_MS + 200  # longer than a draft takes to be written after an edit


def make_window(qtbot, library_path: Path, drafts: Path, theme: str = "light") -> MainWindow:
    library = open_library(library_path)
    window = MainWindow(library, Settings(theme=theme), open_library, open_library,
                        save_settings=False, drafts=DraftStore(drafts))
    window.show()  # (closed by the test: a failed one must not hang on closing's question)
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    return tmp_path / "drafts"


@pytest.fixture
def drafting(qtbot, tmp_path: Path, drafts: Path):
    """The real window on a demo library, keeping its drafts in ``drafts``, at the sample."""
    path = tmp_path / "demo.sqlite3"
    library = create_demo_library(path)
    sample = library.find(SAMPLE_TITLE).id
    library.close()
    window = make_window(qtbot, path, drafts)
    window.open_note(sample)
    yield window
    with pytest.MonkeyPatch.context() as patch:  # (a test failed mid-edit: no question)
        patch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        window.close()
    window.library.close()
    QApplication.instance().setPalette(QApplication.style().standardPalette())


@pytest.fixture
def no_question(monkeypatch):
    """Fail on any Discard / Keep Editing question; the list holds what would be asked."""
    asked: list[str] = []

    def refuse(_parent, title, text, detail=""):
        asked.append(f"{title}\n{text}\n{detail}")
        return False

    monkeypatch.setattr(note_actions, "confirm_discard", refuse)
    return asked


def draft_files(drafts: Path) -> list[str]:
    return sorted(p.name for p in drafts.glob("*.json")) if drafts.exists() else []


def list_titles(window) -> list[str]:
    return [window.model.index(row).data() for row in range(window.model.rowCount())]


def selected_titles(window) -> list[str]:
    return [index.data() for index in window.list.selectionModel().selectedIndexes()]


def type_in_body(qtbot, window, text: str) -> None:
    body = window.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)


def new_note_typed_then_emptied(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.middle.currentWidget() is window.editor and window.editing.is_new
    type_in_body(qtbot, window, "x")
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Backspace)
    assert window.editor.fields().body == ""


def click_row(qtbot, window, title: str) -> None:
    row = list_titles(window).index(title)
    rect = window.list.visualRect(window.model.index(row))
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose_in_quick_switcher(qtbot, window, typed: str) -> None:
    def pick() -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, Picker):
            QTimer.singleShot(20, pick)
            return
        qtbot.keyClicks(picker.field, typed)
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL)


# -- 1: a draft only when the reader typed -------------------------------------------------


def test_starting_waiting_theme_and_quitting_write_no_draft_and_ask_nothing(
        qtbot, tmp_path, drafts, monkeypatch):
    path = tmp_path / "demo.sqlite3"
    create_demo_library(path).close()
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, *a, **k: questions.append(title)
                        or QMessageBox.StandardButton.No)
    for start in range(2):  # the phantom draft came back at every second start
        window = make_window(qtbot, path, drafts, theme="system")
        assert not window.notes.offer_drafts()
        qtbot.wait(SETTLE)  # waiting, with no input at all
        assert draft_files(drafts) == [], f"start {start}"
        for name in ("theme_dark", "theme_light", "theme_system"):
            window.actions_by_name[name].trigger()  # View ▸ Theme
        qtbot.wait(SETTLE)
        assert draft_files(drafts) == [], f"start {start}"
        if start == 0:
            qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
        else:
            window.close()
        assert not window.isVisible()
        window.library.close()
        assert draft_files(drafts) == []
    assert questions == []
    QApplication.instance().setPalette(QApplication.style().standardPalette())


def test_a_draft_exists_only_while_the_editor_differs_from_the_saved_note(
        qtbot, drafting, drafts):
    window = drafting
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.wait(SETTLE)
    assert draft_files(drafts) == []  # opening the editor is no edit
    window.actions_by_name["theme_dark"].trigger()  # re-highlights the body: no edit either
    qtbot.wait(SETTLE)
    assert draft_files(drafts) == []
    assert window.middle.currentWidget() is window.editor  # (and still editing)
    assert window.editor.state.text() == ""
    type_in_body(qtbot, window, " Typed.")
    qtbot.waitUntil(lambda: draft_files(drafts) != [] or
                    window.editor.state.text().startswith("Saved"), timeout=3000)
    qtbot.waitUntil(lambda: window.editor.state.text().startswith("Saved"), timeout=3000)
    assert draft_files(drafts) == []  # saved: the draft is gone


# -- 2: a way out of every state ------------------------------------------------------------


def test_an_emptied_new_note_is_left_every_way_without_a_question_or_draft(
        qtbot, drafting, drafts, no_question):
    window = drafting
    sample = window.current_id
    count = window.library.count()
    ways = {
        "Done Editing (Ctrl+E)": lambda: qtbot.keyClick(window.editor.body, Qt.Key.Key_E,
                                                        CTRL),
        "Esc": lambda: qtbot.keyClick(window.editor.body, Qt.Key.Key_Escape),
        "the Discard button": lambda: qtbot.mouseClick(window.editor.discard_button,
                                                       Qt.MouseButton.LeftButton),
        "clicking another note": lambda: click_row(qtbot, window, PROCEDURAL),
        "the quick switcher (Ctrl+O)": lambda: choose_in_quick_switcher(
            qtbot, window, SAMPLE_CITED[1]),
        "Trash (Ctrl+Delete)": lambda: qtbot.keyClick(window.editor.body, Qt.Key.Key_Delete,
                                                      CTRL),
    }
    for way, leave in ways.items():
        window.open_note(sample)
        back_to(qtbot, window)  # (after the quick switcher)
        new_note_typed_then_emptied(qtbot, window)
        qtbot.wait(SETTLE)
        leave()
        assert window.middle.currentWidget() is window.answer, way
        assert not window.editing.active, way
        assert window.current_id is not None, way
        shown = window.library.note(window.current_id).title
        assert window.windowTitle() == f"{shown} — notegui", way
        assert draft_files(drafts) == [], way
    assert no_question == []
    assert window.library.count() == count
    assert not window.library.note(sample).trashed


def test_closing_on_an_emptied_new_note_leaves_no_draft_and_asks_nothing(
        qtbot, drafting, drafts, no_question, monkeypatch):
    window = drafting
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, title, *a, **k: questions.append(title)
                        or QMessageBox.StandardButton.No)
    new_note_typed_then_emptied(qtbot, window)
    qtbot.wait(SETTLE)
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
    assert draft_files(drafts) == [] and questions == [] and no_question == []


def test_a_new_note_with_text_asks_discard_or_keep_editing(qtbot, drafting, drafts):
    window = drafting
    sample = window.current_id
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    type_in_body(qtbot, window, "Words worth a question.")
    asked = answer_next_box("Keep Editing")
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Escape)
    assert len(asked) == 1 and asked[0].startswith("Discard the new note?")
    assert window.editing.is_new and window.middle.currentWidget() is window.editor
    assert window.editor.body.toPlainText() == "Words worth a question."
    back_to(qtbot, window)
    qtbot.waitUntil(lambda: draft_files(drafts) != [], timeout=3000)  # typed: kept on disk
    answer_next_box("Discard", asked)
    qtbot.mouseClick(window.editor.discard_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert window.middle.currentWidget() is window.answer
    assert window.current_id == sample and window.windowTitle().startswith(SAMPLE_TITLE)
    assert draft_files(drafts) == []
    assert window.library.find("Words worth a question.") is None



def retitle(qtbot, window, title: str, typed: str):
    """Open ``title``, edit it (Ctrl+E) and type ``typed`` over its title (not yet left)."""
    window.open_note(window.library.find(title).id)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, typed)
    return editor


def test_a_refused_save_on_leaving_offers_discard_or_keep_editing(qtbot, drafting, drafts):
    window = drafting
    editor = retitle(qtbot, window, PROCEDURAL, "No question mark")
    editor.body.setFocus()  # leaving the title commits it: refused, said in the editor
    assert "end it with" in editor.message.text()
    # Every way of leaving asks; Keep Editing stays, with the text.
    for leave in (lambda: click_row(qtbot, window, SAMPLE_TITLE),
                  lambda: qtbot.keyClick(editor.body, Qt.Key.Key_E, CTRL),
                  lambda: choose_in_quick_switcher(qtbot, window, SAMPLE_CITED[2]),
                  lambda: qtbot.keyClick(editor.body, Qt.Key.Key_N, CTRL)):
        asked = answer_next_box("Keep Editing")
        leave()
        assert len(asked) == 1, asked
        assert asked[0].startswith("Discard unsaved changes?")
        assert f"Your changes to “{PROCEDURAL}” are not saved" in asked[0]
        assert "end it with '?'" in asked[0]  # why it was refused
        assert window.middle.currentWidget() is editor
        assert editor.title.text() == "No question mark"
        back_to(qtbot, window)
        editor.body.setFocus()
    asked = answer_next_box("Discard")
    click_row(qtbot, window, SAMPLE_TITLE)
    assert len(asked) == 1
    assert window.middle.currentWidget() is window.answer
    assert window.windowTitle().startswith(SAMPLE_TITLE)
    assert window.library.find(PROCEDURAL) is not None  # as it was last saved
    assert draft_files(drafts) == []


# -- 3: a new note is the window's note ----------------------------------------------------


def test_while_a_new_note_is_open_the_window_and_trash_refer_to_it(qtbot, drafting):
    window = drafting
    assert window.sidebar.sources.titles() and selected_titles(window) == [SAMPLE_TITLE]
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.windowTitle() == "New note — notegui"
    assert selected_titles(window) == []
    assert window.sidebar.sources.titles() == [] and window.sidebar.cited_by.titles() == []
    assert window.sidebar.annotations.count() == 0
    type_in_body(qtbot, window, "Half a thought.")
    asked = answer_next_box("Discard")
    qtbot.keyClick(window.editor.body, Qt.Key.Key_Delete, CTRL)  # Trash: this new note
    assert len(asked) == 1 and asked[0].startswith("Discard the new note?"), asked
    assert SAMPLE_TITLE not in asked[0]
    assert not window.library.find(SAMPLE_TITLE).trashed
    assert window.windowTitle().startswith(SAMPLE_TITLE)
    assert selected_titles(window) == [SAMPLE_TITLE]


def test_a_new_note_follows_its_citations_and_enters_back_and_forward(qtbot, drafting):
    window = drafting
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    editor = window.editor
    qtbot.keyClicks(editor.title, "Do glaciers dream?")
    type_in_body(qtbot, window, f"See [[{SAMPLE_CITED[1]}]].")  # leaving the title: created
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    assert window.windowTitle() == "Do glaciers dream? — notegui"
    assert selected_titles(window) == ["Do glaciers dream?"]
    assert window.sidebar.sources.titles() == [SAMPLE_CITED[1]]
    qtbot.keyClick(editor.body, Qt.Key.Key_E, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.windowTitle().startswith(SAMPLE_TITLE)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.windowTitle() == "Do glaciers dream? — notegui"
    # Left for another note while editing: it is still on the trail.
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(editor.title, "Do icebergs sing?")
    editor.body.setFocus()
    click_row(qtbot, window, PROCEDURAL)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.windowTitle() == "Do icebergs sing? — notegui"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.windowTitle() == "Do glaciers dream? — notegui"


# -- 4: the title is saved when committed ---------------------------------------------------


def revisions_of(window, title: str) -> list[str]:
    return [r.reason for r in window.library.revisions(window.library.find(title).id)]


def test_a_rename_is_saved_once_when_the_title_is_left(qtbot, drafting):
    window = drafting
    before = revisions_of(window, SAMPLE_TITLE)  # the sample cites PROCEDURAL
    window.open_note(window.library.find(PROCEDURAL).id)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.title.setFocus()
    editor.title.selectAll()
    for part in ("Does procedural knowledge", " matter more than", " facts?"):
        qtbot.keyClicks(editor.title, part)  # then a pause (the focus stays in the title)
        qtbot.keyClick(editor.description, Qt.Key.Key_End)
        qtbot.keyClicks(editor.description, ".")  # (a change the pause saves)
        assert editor.title.hasFocus()
        qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
        assert window.library.find(PROCEDURAL) is not None, part  # not renamed mid-typing
        assert revisions_of(window, SAMPLE_TITLE) == before
    renamed = "Does procedural knowledge matter more than facts?"
    editor.body.setFocus()  # leaves the title field: the rename
    assert window.library.find(PROCEDURAL) is None
    assert window.library.find(renamed) is not None
    assert window.windowTitle() == f"{renamed} — notegui"
    assert len(revisions_of(window, SAMPLE_TITLE)) == len(before) + 1
    type_in_body(qtbot, window, " More.")
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    qtbot.keyClick(editor.body, Qt.Key.Key_E, CTRL)
    assert len(revisions_of(window, SAMPLE_TITLE)) == len(before) + 1
    assert f"[[{renamed}]]" in window.library.find(SAMPLE_TITLE).body


def test_a_half_typed_title_never_takes_over_a_stub(qtbot, drafting):
    window = drafting
    window.library.create_note("Can it?")  # a stub that a half-typed title would match
    window.open_note(window.library.find(PROCEDURAL).id)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Can it?")
    qtbot.keyClicks(editor.description, " (pausing)")  # typing elsewhere, saved meanwhile
    editor.title.setFocus()
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    assert window.library.find("Can it?").is_stub
    qtbot.keyClick(editor.title, Qt.Key.Key_Left)
    qtbot.keyClicks(editor.title, " be done")
    assert editor.title.text() == "Can it be done?"
    qtbot.keyClick(editor.title, Qt.Key.Key_Return)  # Enter commits the title too
    assert window.library.find("Can it be done?") is not None
    assert window.library.find("Can it?").is_stub


def test_a_refused_title_stays_marked_while_the_body_is_saved(qtbot, drafting):
    window = drafting
    editor = retitle(qtbot, window, PROCEDURAL, "No question mark")
    type_in_body(qtbot, window, " Saved anyway.")  # leaving the title: refused
    assert refused_field(editor) == "title"
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    assert window.library.find(PROCEDURAL).body.endswith(" Saved anyway.")
    assert editor.state.text().endswith("but not the title")
    assert refused_field(editor) == "title" and "end it with" in editor.message.text()
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, "?")
    editor.body.setFocus()
    assert window.library.find("No question mark?") is not None
    assert refused_field(editor) == "" and not editor.message.isVisible()


def test_a_renamed_note_is_on_the_trail_and_closing_commits_its_title(qtbot, drafting):
    window = drafting
    before = revisions_of(window, SAMPLE_TITLE)
    click_row(qtbot, window, PROCEDURAL)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Is procedure what transfers?")
    qtbot.keyClick(editor.title, Qt.Key.Key_E, CTRL)  # Done, from the title field
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.windowTitle().startswith(SAMPLE_TITLE)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.windowTitle() == "Is procedure what transfers? — notegui"
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Is procedure all that transfers?")  # still in the field
    path = window.library.path
    qtbot.keyClick(editor.title, Qt.Key.Key_Q, CTRL)  # quit: the title is committed
    assert not window.isVisible()
    window.library.close()
    window.library = open_library(path)  # (the fixture closes it)
    assert window.library.find("Is procedure all that transfers?") is not None
    assert len(revisions_of(window, SAMPLE_TITLE)) == len(before) + 2  # one a rename
