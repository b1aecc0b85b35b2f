"""The question list, search, quick switcher, Sources and window title of a library that
holds notes read from markdown folders: View ▸ Questions Only (and is:question), and
same-titled notes told apart by where they live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from conftest import shown_window
from notegui.app import open_library
from notegui.core import settings as settings_file
from notegui.gui.main_window import MainWindow
from notegui.gui.picker import Picker
from notegui.gui.question_list import IS_STUB_ROLE
from vault_rows import add_links, add_note

QUESTIONS = ["Index?", "What is a vault?", "Why is the sky blue?"]
EVERY_TITLE = ["Empty", "Index", "Index", "Index?", "Reading list", "What is a vault?",
               "Why is the sky blue?"]


def vault_library(path: Path):
    library = open_library(path)
    sky, _ = library.create_note("Why is the sky blue?", body="Scattering.")
    library.create_note("Index?", body="The library's own index.")
    ids = {
        "sky": sky,
        "a": add_note(library, "vault/a/Index.md", "Some text."),
        "b": add_note(library, "vault/b/Index.md", "Some text."),
        "reading": add_note(library, "vault/Reading list.md", "Some text."),
        "question": add_note(library, "vault/What is a vault?.md", "Some text."),
        "empty": add_note(library, "vault/Empty.md", ""),
    }
    # Both Index notes cite the sky note; the first also its reading list.
    add_links(library, ids["a"], [sky, ids["reading"]])
    add_links(library, ids["b"], [sky])
    return library, ids


@pytest.fixture
def vault_window(qtbot, tmp_path):
    library, ids = vault_library(tmp_path / "vault.sqlite3")
    for shown in shown_window(qtbot, library, ids["sky"]):
        shown.ids = ids
        yield shown


def listed(window: MainWindow) -> list[str]:
    return [window.model.index(row).data() for row in range(window.model.rowCount())]


def places(window: MainWindow) -> dict[str, list[str]]:
    """Each listed title with the places its rows show (what a reader sees after it)."""
    found: dict[str, list[str]] = {}
    for row in range(window.model.rowCount()):
        ref = window.model.ref_at(row)
        found.setdefault(ref.title, []).append(ref.place)
    return found


def search(qtbot, window: MainWindow, text: str) -> None:
    """Type ``text`` into the search box and wait for its complete results."""
    window.search.clear()
    window.search.setFocus()
    with qtbot.waitSignal(window.runner.resultsReady,
                          check_params_cb=lambda typed, _hits, complete: typed == text
                          and complete):
        qtbot.keyClicks(window.search, text)
    qtbot.wait(1)  # (the window's slot runs after the signal's check)


def test_typing_is_question_lists_only_the_questions(qtbot, vault_window):
    assert listed(vault_window) == EVERY_TITLE
    assert vault_window.count_label.text() == "7 notes"
    search(qtbot, vault_window, "is:question")
    assert listed(vault_window) == QUESTIONS
    assert vault_window.count_label.text() == "3 results of 7 notes"
    search(qtbot, vault_window, "-is:question")
    assert listed(vault_window) == ["Empty", "Index", "Index", "Reading list"]


def test_questions_only_filters_the_list_and_is_remembered(qtbot, vault_window, tmp_path):
    action = vault_window.actions_by_name["questions_only"]
    assert action.menu() is None and not action.isChecked()
    action.trigger()  # View ▸ Questions Only
    assert listed(vault_window) == QUESTIONS
    assert vault_window.count_label.text() == "3 questions of 7 notes"
    # The open note stays selected in the shorter list.
    assert vault_window.list.currentIndex().data() == "Why is the sky blue?"
    # Searching looks among the questions only; the last word is still a prefix.
    search(qtbot, vault_window, "ind")
    assert listed(vault_window) == ["Index?"]
    assert vault_window.count_label.text() == "1 result of 7 notes (questions only)"
    qtbot.keyClick(vault_window.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: vault_window.count_label.text() == "3 questions of 7 notes")
    # The toggle beside the count is the same action: a click turns it off.
    button = vault_window.questions_button
    assert button.isChecked() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not action.isChecked()
    assert listed(vault_window) == EVERY_TITLE
    assert vault_window.count_label.text() == "7 notes"
    search(qtbot, vault_window, "ind")
    assert sorted(listed(vault_window)) == ["Index", "Index", "Index?"]
    # Remembered across restarts, with the other view settings.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settings_file.save(vault_window.settings)
    loaded = settings_file.load()
    assert loaded.questions_only
    library = open_library(tmp_path / "vault.sqlite3")  # (a second window, its own opening)
    vault_window.close()
    vault_window.library.close()
    second = MainWindow(library, loaded, open_library, open_library, save_settings=False)
    qtbot.addWidget(second)
    assert second.actions_by_name["questions_only"].isChecked()
    assert listed(second) == QUESTIONS
    assert second.count_label.text() == "3 questions of 7 notes"
    second.close()
    library.close()


def test_a_new_note_shows_in_the_filtered_list(qtbot, vault_window):
    for _ in range(3):  # on, off, on: both lists read, and kept
        vault_window.actions_by_name["questions_only"].trigger()
    _note_id, changes = vault_window.library.create_note("Does ice float?", body="Yes.")
    vault_window.hub.publish(changes)
    assert listed(vault_window) == ["Does ice float?", *QUESTIONS]
    assert vault_window.count_label.text() == "4 questions of 8 notes"
    # The whole list, read before the note came, is read again.
    vault_window.actions_by_name["questions_only"].trigger()
    assert listed(vault_window) == sorted([*EVERY_TITLE, "Does ice float?"], key=str.casefold)
    assert vault_window.count_label.text() == "8 notes"


def test_same_titled_notes_show_where_they_live(qtbot, vault_window):
    shown = places(vault_window)
    assert shown["Index"] == ["vault/a", "vault/b"]
    # Unique titles, and the library's own notes, show nothing more.
    assert shown["Reading list"] == shown["Index?"] == shown["Why is the sky blue?"] == [""]
    index_row = listed(vault_window).index("Index")
    accessible = vault_window.model.index(index_row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == "Index (in vault/a)"
    # Search results say it too.
    search(qtbot, vault_window, "index")
    assert places(vault_window)["Index"] == ["vault/a", "vault/b"]


def ink_right_edge(window: MainWindow, row: int) -> int:
    """The rightmost painted (not background) column of a row of the list, from its left."""
    index = window.model.index(row)
    window.list.scrollTo(index)
    rect = window.list.visualRect(index)
    image = window.list.viewport().grab(rect).toImage()
    background = image.pixelColor(image.width() - 1, 0)
    return max((x for x in range(image.width()) for y in range(image.height())
                if image.pixelColor(x, y) != background), default=0)


def test_the_place_is_painted_after_the_title(qtbot, vault_window):
    vault_window.list.setCurrentIndex(vault_window.model.index(0))  # (no row of ours selected)
    titles = listed(vault_window)
    metrics = QFontMetrics(vault_window.list.font())
    shared = ink_right_edge(vault_window, titles.index("Index"))
    unique = ink_right_edge(vault_window, titles.index("Reading list"))
    assert shared > 10 + metrics.horizontalAdvance("Index   vault/a") * 0.8
    assert unique < 10 + metrics.horizontalAdvance("Reading list") + 4


def test_quick_switcher_tells_same_titled_notes_apart(qtbot, vault_window, monkeypatch):
    seen: list[tuple[str, str]] = []

    def drive(picker: Picker) -> int:
        qtbot.keyClicks(picker.field, "Index")
        seen.extend(zip((picker.list.item(r).text() for r in range(picker.list.count())),
                        picker.places(), strict=True))
        picker.list.setCurrentRow(seen.index(("Index", "vault/b")))
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)
        return picker.result()

    monkeypatch.setattr(Picker, "exec", lambda self: drive(self))
    vault_window.quick_switcher()
    assert sorted(seen) == [("Index", "vault/a"), ("Index", "vault/b"), ("Index?", "")]
    assert vault_window.current_id == vault_window.ids["b"]
    assert vault_window.windowTitle() == "Index (vault/b) — notegui"


def test_sources_cited_by_and_window_title_show_places(qtbot, vault_window):
    ids = vault_window.ids
    sidebar = vault_window.sidebar
    assert vault_window.windowTitle() == "Why is the sky blue? — notegui"
    assert sidebar.cited_by.titles() == ["Index", "Index"]
    assert sorted(sidebar.cited_by.places()) == ["vault/a", "vault/b"]
    vault_window.open_note(ids["a"])
    assert vault_window.windowTitle() == "Index (vault/a) — notegui"
    assert sidebar.sources.titles() == ["Why is the sky blue?", "Reading list"]
    assert sidebar.sources.places() == ["", ""]
    vault_window.open_note(ids["reading"])
    assert vault_window.windowTitle() == "Reading list — notegui"  # a title of its own


def test_an_empty_vault_note_is_not_a_stub(qtbot, vault_window):
    row = listed(vault_window).index("Empty")
    assert vault_window.model.index(row).data(IS_STUB_ROLE) is False
    assert vault_window.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole) == "Empty"


def test_imported_folders_tell_their_index_notes_apart(qtbot, tmp_path):
    """Through the real import: an Obsidian vault's two Index.md and a Dendron vault's
    a.b.index.md and c.index.md share a title; each row says where it lives."""
    from notegui.core import import_plan
    from notegui.core.vault_report import VaultReport

    files = {"notes/.obsidian/app.json": "{}", "notes/a/Index.md": "# A\n",
             "notes/b/Index.md": "# B\n", "notes/Unique.md": "Only one.\n",
             "dendron/dendron.yml": "version: 5\n", "dendron/a.b.index.md": "Deep.\n",
             "dendron/c.index.md": "Shallow.\n", "dendron/root.md": "The root.\n"}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    library = open_library(tmp_path / "imported.sqlite3")
    for job in import_plan.plan([tmp_path / "notes", tmp_path / "dendron"]).vaults:
        list(library.import_vault(job, VaultReport()))
    for window in shown_window(qtbot, library):
        shown = places(window)
        assert sorted(shown["Index"] + shown.get("index", [])) == [
            "a.b", "c", "notes/a", "notes/b"]
        assert shown["Unique"] == [""] and shown["root"] == [""]
        window.actions_by_name["questions_only"].trigger()
        assert listed(window) == []  # no title of these is a question
        assert window.count_label.text() == "0 questions of 6 notes"
        _note_id, changes = window.library.create_note("Is one enough?", body="Yes.")
        window.hub.publish(changes)
        assert listed(window) == ["Is one enough?"]
        assert window.count_label.text() == "1 question of 7 notes"
