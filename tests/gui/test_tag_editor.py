"""The tag editor in the sidebar, driven by typing, Enter and clicks on its chips."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from shown import chip_names

from notegui.core.tags import check_tag
from notegui.gui.tag_editor import TagEditor

KNOWN = ["biology", "Botany", "seasons", "ML"]


@pytest.fixture
def editor(qtbot):
    shown = TagEditor()
    qtbot.addWidget(shown)
    shown.set_known_tags(KNOWN)
    shown.set_tags(["seasons"])
    shown.resize(260, 200)
    shown.show()
    shown.activateWindow()
    qtbot.waitActive(shown)
    return shown


def add(qtbot, editor: TagEditor, text: str) -> None:
    editor.field.setFocus()
    qtbot.keyClicks(editor.field, text)
    editor.completer.popup().hide()  # typing as such, not choosing a completion
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)


def test_set_tags_shows_chips_and_emits_nothing(qtbot):
    editor = TagEditor()
    qtbot.addWidget(editor)
    with qtbot.assertNotEmitted(editor.tagsChanged):
        editor.set_tags(["a", "b"])
    editor.show()
    assert chip_names(editor) == ["a", "b"]
    assert editor.chip("a").isVisible()
    editor.set_tags([])
    assert chip_names(editor) == []
    assert not editor.chips.isVisible()


def test_typing_a_tag_and_enter_adds_a_chip(qtbot, editor):
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        add(qtbot, editor, "  autumn ")
    assert changed.args == [["seasons", "autumn"]]
    assert chip_names(editor) == ["seasons", "autumn"]
    assert editor.chip("autumn").isVisible()
    assert editor.field.text() == ""
    assert editor.field.hasFocus()  # ready for the next one


def test_a_duplicate_is_ignored_whatever_its_case(qtbot, editor):
    with qtbot.assertNotEmitted(editor.tagsChanged), \
            qtbot.waitSignal(editor.statusMessage) as said:
        add(qtbot, editor, "SEASONS")
    assert said.args == ["This note is already tagged SEASONS."]
    assert chip_names(editor) == ["seasons"]
    assert editor.field.text() == ""


def test_a_known_tag_keeps_its_spelling(qtbot, editor):
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        add(qtbot, editor, "ml")
    assert changed.args == [["seasons", "ML"]]


def test_commas_spaces_and_blanks_are_refused_with_a_reason(qtbot, editor):
    with qtbot.assertNotEmitted(editor.tagsChanged), \
            qtbot.waitSignal(editor.statusMessage) as said:
        add(qtbot, editor, "a,b")
    assert said.args == ["A tag cannot contain a comma: add one tag at a time."]
    assert editor.field.text() == "a,b"  # left to fix
    editor.field.clear()
    with qtbot.waitSignal(editor.statusMessage) as said:
        add(qtbot, editor, "machine learning")
    assert said.args == ["A tag is one word: try “machine-learning”."]
    editor.field.clear()
    with qtbot.assertNotEmitted(editor.tagsChanged), \
            qtbot.assertNotEmitted(editor.statusMessage):
        add(qtbot, editor, "   ")
    assert chip_names(editor) == ["seasons"]


def test_clicking_the_cross_removes_the_tag(qtbot, editor):
    editor.set_tags(["seasons", "botany", "autumn"])
    chip = editor.chip("botany")
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert changed.args == [["seasons", "autumn"]]
    assert chip_names(editor) == ["seasons", "autumn"]


def test_the_cross_works_from_the_keyboard(qtbot, editor):
    editor.field.setFocus()
    qtbot.keyClick(editor.field, Qt.Key.Key_Backtab)  # back from the field to the cross
    assert editor.chip("seasons").remove_button.hasFocus()
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        qtbot.keyClick(editor.chip("seasons").remove_button, Qt.Key.Key_Space)
    assert changed.args == [[]]
    assert editor.field.hasFocus()


def test_clicking_a_chip_name_emits_tag_clicked(qtbot, editor):
    with qtbot.assertNotEmitted(editor.tagsChanged), \
            qtbot.waitSignal(editor.tagClicked) as clicked:
        qtbot.mouseClick(editor.chip("seasons").name_button, Qt.MouseButton.LeftButton)
    assert clicked.args == ["seasons"]


def test_the_completer_offers_known_tags_not_on_the_note(qtbot, editor):
    editor.field.setFocus()
    qtbot.keyClicks(editor.field, "b")
    popup = editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert offered == ["biology", "Botany"]
    qtbot.keyClicks(editor.field, "o")
    names = editor.completer.completionModel()  # any case, any part of the name
    assert [names.index(row, 0).data() for row in range(names.rowCount())] == ["Botany"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert changed.args == [["seasons", "Botany"]]
    assert editor.field.text() == ""
    editor.field.setFocus()
    qtbot.keyClicks(editor.field, "o")  # Botany is on the note now
    names = editor.completer.completionModel()
    assert [names.index(row, 0).data() for row in range(names.rowCount())] == ["biology"]


def test_check_tag():
    assert check_tag(" #autumn ") == ("autumn", "")
    assert check_tag("") == ("", "")
    assert check_tag("#")[1] == "A tag needs a name."


def test_every_control_has_an_accessible_name(editor):
    chip = editor.chip("seasons")
    for widget in (editor, editor.field, editor.chips, chip, chip.name_button,
                   chip.remove_button):
        assert widget.accessibleName()
    assert chip.remove_button.accessibleName() == "Remove tag seasons"


def test_clicking_a_completion_adds_it(qtbot, editor):
    editor.field.setFocus()
    qtbot.keyClicks(editor.field, "bio")
    popup = editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    rect = popup.visualRect(popup.model().index(0, 0))
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert changed.args == [["seasons", "biology"]]
    assert chip_names(editor) == ["seasons", "biology"]


def test_a_name_that_starts_with_the_typed_text_is_offered_first(qtbot, editor):
    editor.set_known_tags(["Microbiology", "biology", "Botany", "bio-ethics", "ML"])
    editor.field.setFocus()
    qtbot.keyClicks(editor.field, "BIO")
    popup = editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    names = editor.completer.completionModel()
    offered = [names.index(row, 0).data() for row in range(names.rowCount())]
    assert offered == ["biology", "bio-ethics", "Microbiology"]
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert changed.args == [["seasons", "biology"]]


def test_accents_and_case_do_not_count_in_the_completions(qtbot, editor):
    editor.set_known_tags(["Café", "décor", "cafeteria"])
    editor.field.setFocus()
    qtbot.keyClicks(editor.field, "cafe")
    popup = editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    names = editor.completer.completionModel()
    assert [names.index(row, 0).data() for row in range(names.rowCount())] == \
        ["Café", "cafeteria"]
    editor.field.clear()
    qtbot.keyClicks(editor.field, "DECO")
    qtbot.waitUntil(popup.isVisible)
    names = editor.completer.completionModel()
    assert [names.index(row, 0).data() for row in range(names.rowCount())] == ["décor"]
    with qtbot.waitSignal(editor.tagsChanged) as changed:
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert changed.args == [["seasons", "décor"]]


def test_no_completion_shows_when_no_name_matches(qtbot, editor):
    editor.field.setFocus()
    qtbot.keyClicks(editor.field, "zzz")
    qtbot.wait(50)
    assert not editor.completer.popup().isVisible()
    editor.field.clear()
    qtbot.keyClicks(editor.field, "b")
    qtbot.waitUntil(editor.completer.popup().isVisible)
    qtbot.keyClicks(editor.field, "zz")
    qtbot.waitUntil(lambda: not editor.completer.popup().isVisible())
