"""Note ▸ Link Health…, driven as a reader drives it: the findings listed by kind, and
each fix button really changing the library, after which its finding is gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget

from conftest import shown_window
from link_health_library import LIGHT, ORPHAN, RAYLEIGH, SKY, SKY_AGAIN, craft
from notegui.gui.link_health_dialog import LinkHealthDialog
from notegui.store.library import SqliteLibrary
from prompts import answer_next_box


@pytest.fixture
def crafted(tmp_path):
    library = SqliteLibrary(tmp_path / "crafted.sqlite3")
    return library, craft(library)


@pytest.fixture
def window(qtbot, crafted):
    library, notes = crafted
    yield from shown_window(qtbot, library, notes.sky)


def open_dialog(qtbot, window) -> LinkHealthDialog:
    window.actions_by_name["link_health"].trigger()
    dialog = window.link_health.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None)
    qtbot.waitExposed(dialog)
    return dialog


def click_row(qtbot, tree: QTreeWidget, text: str, exact: bool = False) -> None:
    """Click the first row beginning with ``text`` (``exact``: that is ``text``)."""
    items = [item for item in tree.findItems("", Qt.MatchFlag.MatchContains
                                             | Qt.MatchFlag.MatchRecursive)
             if item.text(0) == text or (not exact and item.text(0).startswith(text))]
    assert items, text
    tree.scrollToItem(items[0])
    rect = tree.visualItemRect(items[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tree.currentItem() is items[0]


def test_every_kind_is_listed_under_its_heading(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert dialog.rows() == [
        "Stubs: cited but never written (1)",
        f"  “{RAYLEIGH}”, cited by “Does code mention anything?”, “{SKY}”",
        "Orphans: no citations either way (2)",
        f"  “{ORPHAN}”",
        f"  “{SKY_AGAIN}”",
        "Titles that differ only in case, spacing or punctuation (1)",
        f"  “{SKY_AGAIN}”, “{SKY}”",
        f"    “{SKY_AGAIN}”",
        f"    “{SKY}”",
        "Unlinked mentions (1)",
        f"  “{LIGHT}” mentions “{SKY}”: “why is the sky blue?” (line 2)",
    ]
    assert dialog.status.text().startswith("5 findings in 6 notes")
    assert dialog.tree.accessibleName() == "Link health findings"


def test_link_it_makes_the_mention_a_citation_and_the_finding_goes(qtbot, window, crafted):
    _library, notes = crafted
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog.tree, f"“{LIGHT}” mentions")
    assert dialog.link_button.isEnabled() and not dialog.merge_button.isEnabled()
    assert dialog.detail.text() == (  # (the row's whole finding, however narrow the row)
        f"unlinked mention: “{LIGHT}” line 2 mentions “{SKY}” (“why is the sky blue?”) "
        "without citing it")
    before = window.library.note(notes.light).body
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report.mentions)
    body = window.library.note(notes.light).body
    assert body == before.replace("why is the sky blue?", "[[why is the sky blue?]]")
    assert [s.target.id for s in window.library.sources(notes.light)] == [notes.sky]
    assert not any("Unlinked mentions" in row for row in dialog.rows())
    # The open note (cited now by LIGHT) shows its new backlink: the views followed.
    assert any(LIGHT in title for title in window.sidebar.cited_by.titles())


def test_link_it_saves_the_note_being_edited_first(qtbot, window, crafted):
    _library, notes = crafted
    window.open_note(notes.light)
    window.notes.start_editing(notes.light)
    window.editor.description.setFocus()
    window.editor.description.end(False)
    qtbot.keyClicks(window.editor.description, " Mostly.")
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog.tree, f"“{LIGHT}” mentions")
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report.mentions)
    note = window.library.note(notes.light)
    assert note.description == "By Rayleigh scattering. Mostly."  # (typed: kept)
    assert "[[why is the sky blue?]]" in note.body
    assert not window.editing.active


def test_open_shows_the_note(qtbot, window, crafted):
    _library, notes = crafted
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog.tree, f"“{ORPHAN}”")
    assert dialog.open_button.isEnabled() and not dialog.link_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert window.current_id == notes.orphan
    assert ORPHAN in window.answer.toPlainText()


def test_enter_on_a_stub_opens_it(qtbot, window):
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog.tree, f"“{RAYLEIGH}”")
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    stub = window.library.find(RAYLEIGH)
    assert stub is not None and window.current_id == stub.id


def test_merge_into_this_keeps_both_texts_and_the_group_goes(qtbot, window, crafted):
    _library, notes = crafted
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog.tree, f"“{SKY}”", exact=True)
    assert dialog.merge_button.isEnabled()
    asked = answer_next_box("Yes")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.report.duplicates)
    assert f"Merge “{SKY_AGAIN}” into “{SKY}”?" in asked[0]
    kept = window.library.note(notes.sky)
    assert kept.body.endswith("A second answer.\nWritten twice.")
    assert [ref.id for ref in window.library.trashed()] == [notes.again]
    assert not any("differ only" in row for row in dialog.rows())
    assert "Written twice." in window.answer.toPlainText()  # (the open note followed)


def test_merge_declined_changes_nothing(qtbot, window, crafted):
    _library, notes = crafted
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog.tree, f"“{SKY}”", exact=True)
    answer_next_box("No")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert window.library.note(notes.again).trashed == ""
    assert dialog.report is not None and len(dialog.report.duplicates) == 1


def test_refresh_follows_a_change_made_elsewhere(qtbot, window, crafted):
    _library, notes = crafted
    dialog = open_dialog(qtbot, window)
    window.library.trash_note(notes.orphan)
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and len(dialog.report.orphans) == 1)
    assert "Orphans: no citations either way (1)" in dialog.rows()
    assert f"  “{ORPHAN}”" not in dialog.rows()


def test_findings_of_a_library_left_fix_nothing_in_the_one_opened(qtbot, window, tmp_path):
    dialog = open_dialog(qtbot, window)
    other = SqliteLibrary(tmp_path / "other.sqlite3")
    craft(other)  # (the same ids, other notes: a fix by id would write there)
    before = other.note(2).body
    old = window.library
    window.load_library(other)
    old.close()
    click_row(qtbot, dialog.tree, f"“{LIGHT}” mentions")
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    assert other.note(2).body == before
    qtbot.waitUntil(lambda: dialog.report is not None and "Unlinked mentions (1)"
                    in dialog.rows() and window.link_health._shown_for is other)
