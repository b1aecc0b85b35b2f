"""Note ▸ Conflicts…: the notes changed on both sides, each shown mine beside theirs and
settled by Keep Mine, Keep Theirs or Edit a Merge, which call Sync.settle with the right
arguments; by mouse and by keyboard, every control named for a screen reader."""

from __future__ import annotations

import pytest
from fake_sync import FakeSync, conflict, opened_window, when_shown
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QListWidget, QPlainTextEdit

from notegui.core.sync_model import Conflict, SyncError, SyncSettings, SyncStatus
from notegui.gui.conflicts_dialog import ConflictsDialog, MergeDialog
from prompts import answer_next_box

TITLES = ("Why do both machines edit this?", "Is the other one in conflict too?")


class Settled:
    """The dialog's ``settle``: records each call; removes the conflict like the engine."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        self.calls: list[tuple[str, str, str]] = []
        self.refuse: SyncError | None = None

    def __call__(self, chosen: Conflict, keep: str, text: str) -> None:
        if self.refuse is not None:
            raise self.refuse
        self.calls.append((chosen.uid, keep, text))
        self.conflicts[:] = [c for c in self.conflicts if c.uid != chosen.uid]


@pytest.fixture
def settled() -> Settled:
    return Settled([conflict("u1", TITLES[0]), conflict("u2", TITLES[1], note_id=2)])


@pytest.fixture
def dialog(qtbot, settled) -> ConflictsDialog:
    shown = ConflictsDialog(lambda: tuple(settled.conflicts), settled)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def test_lists_each_conflict_and_shows_both_versions_side_by_side(qtbot, dialog):
    rows = dialog.rows()
    assert len(rows) == 2
    assert rows[0].startswith(f"{TITLES[0]}  —  body  —  found 2026-01-0")
    assert dialog.mine.toPlainText() == f"# {TITLES[0]}\n\nMy paragraph of u1.\n"
    assert dialog.theirs.toPlainText() == f"# {TITLES[0]}\n\nTheir paragraph of u1.\n"
    assert dialog.mine.isReadOnly() and dialog.theirs.isReadOnly()
    assert dialog.mine.geometry().top() == dialog.theirs.geometry().top()  # side by side
    assert dialog.mine.geometry().right() < dialog.theirs.geometry().left()
    QTest.keyClick(dialog.list, Qt.Key.Key_Down)
    assert "Their paragraph of u2." in dialog.theirs.toPlainText()


def test_keep_mine_and_keep_theirs_settle_the_chosen_note(qtbot, dialog, settled):
    QTest.mouseClick(dialog.keep_mine_button, Qt.MouseButton.LeftButton)
    assert settled.calls == [("u1", "mine", "")]
    assert len(dialog.rows()) == 1 and dialog.rows()[0].startswith(TITLES[1])
    dialog.keep_theirs_button.setFocus()
    QTest.keyClick(dialog.keep_theirs_button, Qt.Key.Key_Space)  # by keyboard
    assert settled.calls == [("u1", "mine", ""), ("u2", "theirs", "")]
    assert dialog.rows() == []
    assert dialog.none_label.isVisible()
    assert not dialog.keep_mine_button.isEnabled() and not dialog.merge_button.isEnabled()


def test_edit_a_merge_settles_with_the_text_written(qtbot, dialog, settled):
    failures: list[str] = []
    QTest.keyClick(dialog.list, Qt.Key.Key_Down)  # the second conflict

    def merge(shown: MergeDialog) -> None:
        assert shown.editor.toPlainText() == f"# {TITLES[1]}\n\nMy paragraph of u2.\n"
        assert shown.theirs.isReadOnly()
        shown.editor.moveCursor(shown.editor.textCursor().MoveOperation.End)
        QTest.keyClicks(shown.editor, "Their paragraph too.")
        QTest.keyClick(shown.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    when_shown(lambda: dialog.merge_dialog, merge, failures)
    QTest.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert failures == []
    assert settled.calls == [
        ("u2", "merged", f"# {TITLES[1]}\n\nMy paragraph of u2.\nTheir paragraph too.")]
    assert [row.split("  ")[0] for row in dialog.rows()] == [TITLES[0]]


def test_an_empty_merge_or_a_cancel_settles_nothing(qtbot, dialog, settled):
    failures: list[str] = []
    said: list[str] = []

    def empty_then_cancel(shown: MergeDialog) -> None:
        shown.editor.clear()
        QTest.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
        said.append(shown.message.text())
        shown.reject()

    when_shown(lambda: dialog.merge_dialog, empty_then_cancel, failures)
    dialog.merge_button.click()
    assert failures == [] and settled.calls == []
    assert said == ["The merged note: empty. Write the note, or Cancel."]
    assert len(dialog.rows()) == 2


def test_a_refused_settle_says_why_and_keeps_the_conflict(qtbot, dialog, settled):
    settled.refuse = SyncError("busy", "a sync is running; settle it when it ends")
    seen = answer_next_box("OK")
    dialog.keep_theirs_button.click()
    assert "a sync is running" in seen[0] and TITLES[0] in seen[0]
    assert len(dialog.rows()) == 2 and settled.calls == []


def test_every_control_has_an_accessible_name(qtbot, dialog):
    controls = [*dialog.findChildren(QListWidget), *dialog.findChildren(QPlainTextEdit),
                *dialog.findChildren(QAbstractButton)]
    assert len(controls) == 7  # list, mine, theirs, three choices, Close
    assert all(control.accessibleName() for control in controls)


# -- in the window ------------------------------------------------------------------------


def test_note_menu_conflicts_settles_through_the_sync(qtbot, library):
    note_id = library.create_note(TITLES[0], "", "", "My paragraph.")[0]
    fake = FakeSync(SyncSettings("/srv/notes.git"),
                    SyncStatus(conflicts=(conflict("u1", TITLES[0], note_id),)))
    with opened_window(qtbot, library, fake, note_id) as window:
        assert window.sync_control.item.text().endswith("1 conflict")
        failures: list[str] = []

        def keep_mine(shown: ConflictsDialog) -> None:
            assert shown.rows()[0].startswith(TITLES[0])
            shown.keep_mine_button.click()
            shown.accept()

        when_shown(lambda: window.sync_control.conflicts_dialog, keep_mine, failures)
        window.actions_by_name["sync_conflicts"].trigger()  # Note ▸ Conflicts…
        assert failures == []
        assert fake.settled == [("u1", "mine", "")]
        assert "conflict" not in window.sync_control.item.text()
        assert window.statusBar().currentMessage() == f"Settled “{TITLES[0]}”."
