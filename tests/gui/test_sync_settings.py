"""File ▸ Sync Settings…: typed in with the keyboard and saved through the Sync; bad input
refused with a message naming the field, nothing saved; the automatic syncs (on start,
every N minutes, after saves) start and stop with the settings, and never two at once."""

from __future__ import annotations

import threading

import pytest
from fake_sync import FakeSync, opened_window, sync_window, when_shown
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QSpinBox

from notegui.core.sync_model import SyncError, SyncSettings
from notegui.gui import sync_control
from notegui.gui.sync_settings_dialog import SyncSettingsDialog, problem
from notegui.store.library import SqliteLibrary
from prompts import back_to

REMOTE = "git@example.org:team/notes.git"
TITLE = "Why sync a library?"


@pytest.fixture
def note(library) -> int:
    return library.create_note(TITLE, "", "", "A paragraph.")[0]


@pytest.fixture
def window(qtbot, library, note):
    yield from sync_window(qtbot, library, FakeSync(), note)


def dialog(qtbot, current: SyncSettings, saved: list[SyncSettings],
           refuse: SyncError | None = None) -> SyncSettingsDialog:
    def save(settings: SyncSettings) -> None:
        if refuse is not None:
            raise refuse
        saved.append(settings)

    shown = SyncSettingsDialog(current, save)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()  # (as a window manager does; offscreen, nothing is active)
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def test_typed_settings_are_saved_through_the_sync(qtbot):
    saved: list[SyncSettings] = []
    shown = dialog(qtbot, SyncSettings(), saved)
    assert shown.remote.hasFocus()
    QTest.keyClicks(shown.remote, f"  {REMOTE} ")
    QTest.keyClick(shown.remote, Qt.Key.Key_Tab)  # (past the hint) to Sync on start
    QTest.keyClick(shown.focusWidget(), Qt.Key.Key_Space)
    assert shown.on_start.isChecked()
    shown.interval.setFocus()
    shown.interval.selectAll()
    QTest.keyClicks(shown.interval, "15")
    QTest.keyClick(shown.interval, Qt.Key.Key_Tab)
    QTest.keyClick(shown.focusWidget(), Qt.Key.Key_Space)
    QTest.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    assert saved == [SyncSettings(REMOTE, on_start=True, interval_minutes=15,
                                  after_saves=True)]
    assert not shown.isVisible()


def test_no_password_field_and_every_control_is_named(qtbot):
    shown = dialog(qtbot, SyncSettings(REMOTE), [])
    fields = [f for f in shown.findChildren(QLineEdit)
              if not isinstance(f.parent(), QSpinBox)]  # (not the spin box's own)
    assert [f.accessibleName() for f in fields if f.isVisible()] == ["Remote URL"]
    assert all(f.echoMode() == QLineEdit.EchoMode.Normal for f in fields)
    controls = [*fields, *shown.findChildren(QSpinBox), *shown.findChildren(QAbstractButton)]
    assert len(controls) == 6  # URL, interval, two boxes, Save, Cancel
    assert all(control.accessibleName() for control in controls if control.isVisible())
    hints = [w.text() for w in shown.findChildren(QLabel) if "ssh agent" in w.text()]
    assert hints and "credential helper" in hints[0] and "never asks for" in hints[0]


@pytest.mark.parametrize("settings, field, says", [
    (SyncSettings("", on_start=True), "Remote URL", "Sync on start is on"),
    (SyncSettings("", interval_minutes=5, after_saves=True), "Remote URL",
     "Sync every N minutes, Sync after saves is on"),
    (SyncSettings("https://me:hunter2@example.org/notes.git"), "Remote URL", "password"),
    (SyncSettings("/srv/notes\n.git"), "Remote URL", "line break"),
])
def test_bad_settings_are_refused_naming_the_field(settings, field, says):
    why = problem(settings)
    assert why.startswith(f"{field}: ") and says in why


@pytest.mark.parametrize("settings", [
    SyncSettings(),  # sync off
    SyncSettings("ssh://git@example.org:2222/team/notes.git", interval_minutes=30),
    SyncSettings(REMOTE, on_start=True, after_saves=True),
    SyncSettings("/mnt/usb/notes.git"),
])
def test_good_settings_pass(settings):
    assert problem(settings) == ""


def test_an_empty_url_with_an_option_on_changes_nothing(qtbot):
    saved: list[SyncSettings] = []
    shown = dialog(qtbot, SyncSettings(), saved)
    QTest.mouseClick(shown.on_start, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, shown.on_start.height() // 2))  # (its box)
    QTest.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    assert saved == []
    assert shown.isVisible()
    assert shown.message.isVisible()
    assert shown.message.text().startswith("Remote URL: empty, but Sync on start is on")
    assert shown.remote.hasFocus()


def test_a_refusal_by_the_sync_is_shown_and_the_dialog_stays(qtbot):
    saved: list[SyncSettings] = []
    shown = dialog(qtbot, SyncSettings(), saved, refuse=SyncError(
        "not-a-repository", "/tmp/nothing is not a git repository"))
    QTest.keyClicks(shown.remote, "/tmp/nothing")
    QTest.keyClick(shown.remote, Qt.Key.Key_Return)
    assert shown.isVisible() and saved == []
    assert shown.message.text() == "/tmp/nothing is not a git repository"


# -- the timers, in the window --------------------------------------------------------


def save_in_window(qtbot, window, fill) -> list[str]:
    """Open File ▸ Sync Settings…, ``fill`` the dialog, press Enter to save."""
    failures: list[str] = []

    def act(shown: SyncSettingsDialog) -> None:
        fill(shown)
        QTest.keyClick(shown.remote, Qt.Key.Key_Return)

    when_shown(lambda: window.sync_control.settings_dialog, act, failures)
    window.actions_by_name["sync_settings"].trigger()
    return failures


def test_the_timers_start_and_stop_with_the_settings(qtbot, window):
    control = window.sync_control
    assert not control.interval.isActive()

    def every_ten(shown: SyncSettingsDialog) -> None:
        shown.remote.setText(REMOTE)
        shown.interval.setValue(10)
        shown.after_saves.setChecked(True)

    assert save_in_window(qtbot, window, every_ten) == []
    assert control.sync.saved[-1] == SyncSettings(REMOTE, False, 10, True)
    assert control.interval.isActive() and control.interval.interval() == 600_000
    assert window.statusBar().currentMessage() == "Sync settings saved."

    def interval_off(shown: SyncSettingsDialog) -> None:
        shown.interval.setValue(0)

    assert save_in_window(qtbot, window, interval_off) == []
    assert not control.interval.isActive()


def test_a_save_syncs_a_few_seconds_after_the_last_save(qtbot, library, note):
    fake = FakeSync(SyncSettings(REMOTE, after_saves=True))
    with opened_window(qtbot, library, fake, note) as window:
        control = window.sync_control
        control.after_saves.setInterval(200)
        back_to(qtbot, window)
        window.actions_by_name["edit_note"].trigger()
        body = window.editor.body
        body.setFocus()
        QTest.keyClicks(body, "More. ")
        assert window.editing.save()
        qtbot.waitUntil(lambda: bool(fake.threads))
        qtbot.waitUntil(lambda: not control.running)
        assert len(fake.threads) == 1


def test_saves_while_a_sync_runs_give_one_more_sync_after_it(qtbot, library, note):
    fake = FakeSync(SyncSettings(REMOTE, after_saves=True, interval_minutes=5))
    with opened_window(qtbot, library, fake, note) as window:
        control = window.sync_control
        control.after_saves.setInterval(50)
        fake.gate = threading.Event()
        control.sync_now()
        qtbot.waitUntil(fake.started.is_set)
        window.hub.publish(window.library.save_note(note, TITLE, "", "", "Again."))
        qtbot.wait(200)  # the debounce fires: the sync running, it waits
        control.interval.timeout.emit()  # and the interval: skipped, not a second at once
        assert len(fake.threads) == 1
        fake.gate.set()
        qtbot.waitUntil(lambda: len(fake.threads) == 2)
        qtbot.waitUntil(lambda: not control.running)
        qtbot.wait(200)
        assert len(fake.threads) == 2


def test_a_library_that_syncs_on_start_syncs_once_the_window_shows(qtbot, library, note,
                                                                   monkeypatch):
    monkeypatch.setattr(sync_control, "START_DELAY_MS", 10)
    fake = FakeSync(SyncSettings(REMOTE, on_start=True))
    with opened_window(qtbot, library, fake, note) as window:
        qtbot.waitUntil(lambda: bool(fake.threads))
        qtbot.waitUntil(lambda: not window.sync_control.running)
        assert window.sync_control.item.text().startswith("Synced just now")
    off = FakeSync(SyncSettings(REMOTE))
    with opened_window(qtbot, SqliteLibrary(library.path), off, note):
        qtbot.wait(100)
        assert off.threads == []


def test_the_item_opens_the_settings_while_sync_is_not_set_up(qtbot, window):
    item = window.sync_control.item
    assert item.text() == "Sync: not set up"
    failures: list[str] = []
    seen: list[str] = []

    def look(shown: SyncSettingsDialog) -> None:
        seen.append(shown.windowTitle())
        shown.reject()

    when_shown(lambda: window.sync_control.settings_dialog, look, failures)
    qtbot.mouseClick(item, Qt.MouseButton.LeftButton)
    assert failures == [] and seen == ["Sync Settings"]
    assert window.sync_control.sync.threads == []  # no sync without a remote
