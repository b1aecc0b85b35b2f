"""The window with the real git engine (app.py's git_sync), end to end on this machine: set
up through File ▸ Sync Settings…, File ▸ Sync Now on the library's worker, another
library's note arrives in the list, and a remote that is not there is a failure with its
reason while the window goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_sync import opened_window, when_shown
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bare_remote import bare_remote
from notegui.app import git_sync
from notegui.core.sync_model import SyncSettings
from notegui.store.library import SqliteLibrary
from notegui.sync.engine import GitSync

MINE = "Why keep notes on two machines?"
THEIRS = "Does the other machine's note arrive?"


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_remote(tmp_path / "remote.git")


def listed(window) -> list[str]:
    model = window.model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_set_up_sync_now_and_the_other_librarys_note_arrives(qtbot, tmp_path, remote):
    other = SqliteLibrary(tmp_path / "other.sqlite3")
    try:
        other.create_note(THEIRS, "", "", "Written on the other machine.")
        engine = GitSync(other)
        engine.set_settings(SyncSettings(remote=str(remote)))
        engine.sync()
    finally:
        other.close()
    library = SqliteLibrary(tmp_path / "mine.sqlite3")
    note = library.create_note(MINE, "", "", "Written here.")[0]
    with opened_window(qtbot, library, None, note) as window:
        window.sync_for = git_sync
        window.load_library(library, note)  # (as app.py opens it: with its sync)
        control = window.sync_control
        assert control.item.text() == "Sync: not set up"
        failures: list[str] = []

        def set_up(shown) -> None:
            QTest.keyClicks(shown.remote, str(remote))
            QTest.keyClick(shown.remote, Qt.Key.Key_Return)

        when_shown(lambda: control.settings_dialog, set_up, failures)
        window.actions_by_name["sync_settings"].trigger()
        assert failures == []
        assert control.sync.settings().remote == str(remote)  # kept in the library
        window.actions_by_name["sync_now"].trigger()
        qtbot.waitUntil(lambda: not control.running, timeout=30_000)
        assert control.failure == ""
        assert THEIRS in listed(window)
        assert control.item.text().startswith("Synced just now")

        gone = tmp_path / "no-such-remote.git"
        control.sync.set_settings(SyncSettings(remote=str(gone)))
        control.set_sync(control.sync)
        window.actions_by_name["sync_now"].trigger()
        qtbot.waitUntil(lambda: not control.running, timeout=30_000)
        assert control.item.text().startswith("Sync failed: ")
        assert str(gone) in control.item.toolTip()
        assert window.open_note(note)  # the window goes on
