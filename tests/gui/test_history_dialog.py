"""The history dialog, driven as a user drives it: its versions newest first, the diff of
the one clicked, and Restore only on purpose."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog
from shown import revision_ids

from notegui.core.domain import Note, Revision
from notegui.core.revision_diff import diff_lines
from notegui.gui.history_dialog import (
    DETAIL_ROLE,
    MINUS,
    DiffColors,
    HistoryDialog,
    local_time,
)

BODY_NOW = "First paragraph, now longer.\n\nA shared line.\n- a new point"
BODY_BEFORE = "First paragraph.\n\nA shared line."


def note() -> Note:
    return Note(7, "Why do leaves fall?", "Autumn.", "Days shorten.", BODY_NOW,
                "2026-11-01T10:00:00Z", "2026-11-27T13:03:00Z")


def revision(number: int, reason: str, replaced: str, title: str = "Why do leaves fall?",
             body: str = BODY_BEFORE, description: str = "Autumn.") -> Revision:
    return Revision(number, 7, title, description, "Days shorten.", body, (),
                    "2026-11-01T10:00:00Z", replaced, reason)


REVISIONS = [  # oldest first, as the library gives them
    revision(11, "import", "2026-11-20T09:15:00Z", title="Why do the leaves fall?"),
    revision(12, "rename", "2026-11-25T18:40:00Z", description="In autumn."),
    revision(13, "save", "2026-11-27T13:03:00Z"),
]


@pytest.fixture
def dialog(qtbot):
    shown = HistoryDialog(note(), REVISIONS)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitActive(shown)  # mnemonics (Alt+R) need the active window
    return shown


def click_row(qtbot, dialog: HistoryDialog, row: int) -> None:
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_versions_are_listed_newest_first_with_their_time_and_reason(dialog):
    assert revision_ids(dialog) == [13, 12, 11]
    rows = [dialog.list.item(row) for row in range(dialog.list.count())]
    assert [item.text() for item in rows] == [
        local_time("2026-11-27T13:03:00Z"), local_time("2026-11-25T18:40:00Z"),
        local_time("2026-11-20T09:15:00Z")]
    assert [item.data(DETAIL_ROLE) for item in rows] == [
        "Replaced by a save", "Replaced by a rename",
        "Replaced by an import · was “Why do the leaves fall?”"]
    assert dialog.list.currentRow() == 0
    assert dialog.list.hasFocus()


def test_the_newest_version_is_diffed_at_once(dialog):
    shown = dialog.diff.toPlainText()
    assert f"{MINUS} First paragraph." in shown
    assert "+ First paragraph, now longer." in shown
    assert "+ - a new point" in shown
    assert "  A shared line." in shown  # context
    assert "Unchanged: title, description, summary" in shown


def test_clicking_a_version_shows_its_diff_with_title_and_description(qtbot, dialog):
    click_row(qtbot, dialog, 2)
    assert dialog.selected_revision().id == 11
    shown = dialog.diff.toPlainText()
    assert shown.startswith(f"Title\n{MINUS} Why do the leaves fall?\n+ Why do leaves fall?")
    assert "+ First paragraph, now longer." in shown
    click_row(qtbot, dialog, 1)
    shown = dialog.diff.toPlainText()
    assert f"Description\n{MINUS} In autumn.\n+ Autumn." in shown
    assert "Title" not in shown.split("Unchanged")[0]


def test_up_and_down_move_through_the_versions(qtbot, dialog):
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.selected_revision().id == 11
    assert f"{MINUS} Why do the leaves fall?" in dialog.diff.toPlainText()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Up)
    assert dialog.selected_revision().id == 12


def test_restore_emits_the_selected_version_and_closes(qtbot, dialog):
    click_row(qtbot, dialog, 1)
    with qtbot.waitSignal(dialog.restoreRequested) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert restored.args == [12]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_enter_does_not_restore_but_alt_r_does(qtbot, dialog):
    emitted: list[int] = []
    dialog.restoreRequested.connect(emitted.append)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Enter)
    assert emitted == []
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.restoreRequested):  # a mnemonic clicks after a short delay
        qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert emitted == [13]


def test_close_emits_nothing(qtbot, dialog):
    with qtbot.assertNotEmitted(dialog.restoreRequested):
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_version_equal_to_the_current_text_cannot_be_restored(qtbot):
    current = note()
    same = Revision(5, 7, current.title, current.description, current.summary, current.body,
                    (("Why is it cold?", None),), "2026-11-01T10:00:00Z",
                    "2026-11-02T10:00:00Z", "restore")
    dialog = HistoryDialog(current, [same], sources=[("Why is it cold?", None)])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.item(0).data(DETAIL_ROLE) == "Replaced by a restore"
    assert dialog.diff.toPlainText() == "This version is the same as the current text."
    assert not dialog.restore_button.isEnabled()
    # Without the current Sources lines it cannot tell: restoring stays possible.
    unsure = HistoryDialog(current, [same])
    qtbot.addWidget(unsure)
    unsure.show()
    assert "Sources lines not compared" in unsure.diff.toPlainText()
    assert unsure.restore_button.isEnabled()


def test_the_diff_follows_a_theme_change(qtbot, dialog):
    palette = QPalette(dialog.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor(30, 31, 34))
    dialog.setPalette(palette)
    removed = dialog.diff.document().findBlockByNumber(1).blockFormat().background().color()
    assert removed.lightness() < 100


def test_sources_lines_are_compared_when_given(qtbot):
    old = Revision(5, 7, "Why do leaves fall?", "Autumn.", "Days shorten.", BODY_NOW,
                   (("Why is it cold?", "Less sun."),), "2026-11-01T10:00:00Z",
                   "2026-11-02T10:00:00Z", "import")
    dialog = HistoryDialog(note(), [old], sources=[("Why is it cold?", "The sun is low.")])
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.diff.toPlainText()
    assert (f"Sources\n{MINUS} Why is it cold? — Less sun.\n"
            "+ Why is it cold? — The sun is low.") in shown


def test_empty_history_says_so(qtbot):
    dialog = HistoryDialog(note(), [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentWidget() is dialog.empty
    assert dialog.empty.text().startswith("No earlier versions of this note yet.")
    assert not dialog.restore_button.isVisible()
    with qtbot.assertNotEmitted(dialog.restoreRequested, wait=300):
        qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)


def test_diff_colours_follow_a_dark_palette(qtbot):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(30, 31, 34))
    dark = DiffColors.from_palette(palette)
    assert dark.removed.lightness() < 100 and dark.added.lightness() < 100
    assert dark.removed.red() > dark.removed.green()
    assert dark.added.green() > dark.added.red()
    palette.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    light = DiffColors.from_palette(palette)
    assert light.removed.lightness() > 200 and light.added.lightness() > 200


def test_diff_lines_marks_the_changed_words_and_skips_far_context():
    old = "\n".join(f"line {n}" for n in range(10)) + "\nthe quick fox"
    new = "\n".join(f"line {n}" for n in range(10)) + "\nthe slow fox"
    lines = diff_lines(old, new)
    assert [line.kind for line in lines] == ["…", " ", " ", "-", "+"]
    removed, added = lines[-2:]
    assert [removed.text[a:b] for a, b in removed.changed] == ["quick"]
    assert [added.text[a:b] for a, b in added.changed] == ["slow"]
    assert diff_lines("same", "same") == []


def test_local_time_is_readable_to_the_second():
    naive = "2026-11-27T14:03:07"  # no zone: taken as local time already
    assert local_time(naive) == "2026-11-27 14:03:07"  # (the tests' C locale: ISO)
    utc = datetime.fromisoformat("2026-11-27T14:03:07+00:00").astimezone()
    assert local_time("2026-11-27T14:03:07Z") == f"{utc:%Y-%m-%d %H:%M:%S}"
    assert local_time("2026-11-27T14:03:50Z") != local_time("2026-11-27T14:03:07Z")
    assert local_time("not a time") == "not a time"


def test_every_control_has_an_accessible_name(dialog):
    for widget in (dialog, dialog.list, dialog.diff, dialog.restore_button,
                   dialog.close_button):
        assert widget.accessibleName()
