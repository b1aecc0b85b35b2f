"""File ▸ Sync Now and the status bar's sync item, against a fake of the Sync port: the sync
runs on the library's worker, never the UI thread, while reading and editing go on; the
item says how it went (a failure with its reason, tried again at the next interval); the
list and the open note show what the sync changed, and an editor's unsaved text is
kept."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import shiboken6
from fake_sync import FakeSync, conflict, opened_window, sync_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from notegui.core.sync_model import SyncError, SyncReport, SyncSettings, SyncStatus
from notegui.gui.question_list import NOTE_ID_ROLE
from notegui.gui.tasks import LIBRARY_WORKER
from prompts import back_to

REMOTE = "/srv/notes.git"
FIRST = "Why do notes sync through git?"
SECOND = "Does the list follow a sync?"
SYNC_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def fake() -> FakeSync:
    five_minutes_ago = (datetime.now(UTC) - timedelta(minutes=5, seconds=10)).isoformat()
    return FakeSync(SyncSettings(remote=REMOTE),
                    SyncStatus(last_sync=five_minutes_ago, ahead=2,
                               conflicts=(conflict("u1", FIRST),)))


@pytest.fixture
def notes(library) -> dict[str, int]:
    first, _ = library.create_note(FIRST, "", "", "The first paragraph.")
    second, _ = library.create_note(SECOND, "", "", "Its own paragraph.")
    return {FIRST: first, SECOND: second}


@pytest.fixture
def window(qtbot, library, fake, notes):
    yield from sync_window(qtbot, library, fake, notes[FIRST])


def press_sync_now(qtbot, window) -> None:
    back_to(qtbot, window)
    qtbot.keyClick(window.list, Qt.Key.Key_S, SYNC_KEYS)


def finished(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.sync_control.running)


def listed_titles(window) -> dict[int, str]:
    model = window.model
    return {model.index(row).data(NOTE_ID_ROLE): model.index(row).data()
            for row in range(model.rowCount())}


def test_sync_now_runs_off_the_ui_thread_while_reading_goes_on(qtbot, window, fake, notes):
    item = window.sync_control.item
    assert item.isVisible()
    assert item.text() == "Synced 5 minutes ago · 2 to send · 1 conflict"
    assert REMOTE in item.toolTip()
    fake.gate = threading.Event()
    fake.report = SyncReport(received=[f"{SECOND}: edited"], sent=["a: new", "b: edited"])
    press_sync_now(qtbot, window)
    qtbot.waitUntil(fake.started.is_set)
    assert item.text().startswith("Syncing…")
    # Reading goes on meanwhile: another note opens, the list answers.
    row = window.model.row_of(notes[SECOND])
    rect = window.list.visualRect(window.model.index(row))
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_id == notes[SECOND])
    assert "Its own paragraph." in window.answer.toPlainText()
    # A second Sync Now while the first runs only says so.
    press_sync_now(qtbot, window)
    assert "already running" in window.statusBar().currentMessage()
    fake.gate.set()
    finished(qtbot, window)
    assert fake.threads == [LIBRARY_WORKER]  # one sync, on the library's worker
    assert item.text() == "Synced just now · 1 conflict"
    assert window.statusBar().currentMessage() == "Synced: 1 received, 2 sent"


def test_a_failure_shows_its_reason_and_the_interval_tries_again(qtbot, window, fake, notes,
                                                                   library):
    reason = f"cannot reach {REMOTE}: no such repository"
    fake.error = SyncError("unreachable", reason)
    fake.settings_value = SyncSettings(remote=REMOTE, interval_minutes=10)
    control = window.sync_control
    control.set_sync(fake)
    window.actions_by_name["sync_now"].trigger()  # File ▸ Sync Now
    finished(qtbot, window)
    assert control.item.text().startswith(f"Sync failed: {reason}")
    assert reason in control.item.toolTip()
    assert "tried again every 10 minutes" in control.item.toolTip()
    assert reason in window.statusBar().currentMessage()
    # The window stays usable: the note is edited and saved.
    back_to(qtbot, window)
    window.actions_by_name["edit_note"].trigger()
    window.editor.body.setFocus()
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    QTest.keyClicks(window.editor.body, " Edited after the failure.")
    window.actions_by_name["edit_note"].trigger()  # Done Editing: saved
    assert library.note(notes[FIRST]).body.endswith("Edited after the failure.")
    # The next interval tries again, and this time it works.
    assert control.interval.isActive() and control.interval.interval() == 10 * 60_000
    fake.error = None
    control.interval.timeout.emit()
    finished(qtbot, window)
    assert len(fake.threads) == 2
    assert control.item.text().startswith("Synced just now")


def test_the_list_and_the_open_note_show_what_the_sync_changed(qtbot, window, fake, notes,
                                                               library):
    def remote_edits() -> set[int]:  # (on the worker's thread, as the engine writes)
        library.save_note(notes[FIRST], FIRST, "", "", "A paragraph from the other machine.")
        library.save_note(notes[SECOND], "Does the list follow a sync, renamed?", "", "",
                          "Its own paragraph.")
        return {notes[FIRST], notes[SECOND]}

    fake.work = remote_edits
    assert listed_titles(window)[notes[SECOND]] == SECOND
    press_sync_now(qtbot, window)
    finished(qtbot, window)
    qtbot.waitUntil(lambda: "from the other machine" in window.answer.toPlainText())
    assert listed_titles(window)[notes[SECOND]] == "Does the list follow a sync, renamed?"
    assert "changed outside" not in window.statusBar().currentMessage()


def test_an_editor_with_unsaved_text_keeps_it_and_a_clean_one_shows_the_sync(
        qtbot, window, fake, notes, library):
    def remote_edit(body: str):
        def edit() -> set[int]:
            library.save_note(notes[FIRST], FIRST, "", "", body)
            return {notes[FIRST]}
        return edit

    back_to(qtbot, window)
    window.actions_by_name["edit_note"].trigger()
    body = window.editor.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    QTest.keyClicks(body, " Typed here.")
    fake.work = remote_edit("Synced from afar.")
    window.sync_control.sync_now()
    finished(qtbot, window)
    assert body.toPlainText() == "The first paragraph. Typed here."  # kept, not replaced
    assert "your edit is kept" in window.statusBar().currentMessage()
    # Saved: the user's text wins the field they typed in, and the sync did not lose it.
    assert window.editing.save()
    assert library.note(notes[FIRST]).body == "The first paragraph. Typed here."
    # Nothing unsaved now: the next sync's text shows in the editor.
    fake.work = remote_edit("Synced again from afar.")
    window.sync_control.sync_now()
    finished(qtbot, window)
    assert body.toPlainText() == "Synced again from afar."
    assert window.editing.active and not window.editing.unsaved()


def test_without_a_sync_its_actions_are_off_and_no_item_shows(qtbot, library, notes):
    with opened_window(qtbot, library, None, notes[FIRST]) as window:
        for name in ("sync_now", "sync_settings", "sync_conflicts"):
            assert not window.actions_by_name[name].isEnabled()
        assert not window.sync_control.item.isVisible()
        window.sync_control.sync_now()
        assert window.statusBar().currentMessage() == "This library has no sync."


def test_an_unexpected_error_is_a_failure_like_any_other(qtbot, window, fake):
    class Broken(FakeSync):
        def sync(self, should_stop=lambda: False):
            raise RuntimeError("the engine tripped")

    broken = Broken(SyncSettings(remote=REMOTE))
    window.sync_control.set_sync(broken)
    window.sync_control.sync_now()
    finished(qtbot, window)
    assert "the engine tripped" in window.sync_control.item.text()
    assert window.isEnabled()


def test_with_no_interval_a_failed_automatic_sync_tries_again_later(qtbot, window, fake):
    fake.error = SyncError("unreachable", f"cannot reach {REMOTE}")
    fake.settings_value = SyncSettings(remote=REMOTE, after_saves=True)
    control = window.sync_control
    control.set_sync(fake)
    control.sync_now()
    finished(qtbot, window)
    assert control.retry.isActive() and not control.interval.isActive()
    assert "tried again in 5 minutes" in control.item.toolTip()
    fake.error = None
    control.retry.timeout.emit()
    finished(qtbot, window)
    assert len(fake.threads) == 2 and not control.retry.isActive()
    assert control.item.text().startswith("Synced just now")
    # Syncing only when asked: a failure waits for the next Sync Now.
    fake.error = SyncError("auth", f"{REMOTE} refused the ssh key")
    fake.settings_value = SyncSettings(remote=REMOTE)
    control.set_sync(fake)
    control.sync_now()
    finished(qtbot, window)
    assert not control.retry.isActive()
    assert "Click to try again." in control.item.toolTip()


def test_a_refresh_asked_for_as_the_window_goes_does_not_outlive_it(qtbot, library, notes):
    from notegui.app import open_library
    from notegui.core.domain import Changes
    from notegui.core.settings import Settings
    from notegui.gui.main_window import MainWindow

    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False, sync_for=lambda _library: FakeSync())
    window.show()
    window.hub.publish(Changes(notes=frozenset({notes[FIRST]})))  # (a refresh is due)
    window.close()
    shiboken6.delete(window)  # gone before the refresh's turn
    qtbot.wait(50)  # (pytest-qt fails the test on an exception raised in the event loop)
