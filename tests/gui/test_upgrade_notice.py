"""A library made by an older notegui is migrated when the app opens it; on a large one that
takes a while, so the app says so in a notice that stays responsive, rather than hanging."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from notegui import app
from notegui.core.errors import LibraryError
from notegui.gui import upgrade_notice
from notegui.store import schema
from notegui.store.db import behind_schema
from test_migrations import make_version_1_library


def _notices() -> list[upgrade_notice.UpgradeNotice]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, upgrade_notice.UpgradeNotice) and w.isVisible()]


def test_an_old_library_is_upgraded_behind_a_notice(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    make_version_1_library(path)
    assert behind_schema(path)
    seen: list[str] = []
    real = upgrade_notice.upgrade_with_notice

    def watched(path, upgrade):
        def slow_upgrade():
            # The notice is up, and the event loop runs, while the migration does.
            seen.extend(n.label.text() for n in _notices())
            upgrade()
        real(path, slow_upgrade)

    monkeypatch.setattr(upgrade_notice, "upgrade_with_notice", watched)
    library = app.open_locked(path)
    try:
        assert schema.version(library.db.connection()) == schema.LATEST
        assert library.count() == 2
    finally:
        library.close()
    assert seen and "Upgrading old.sqlite3" in seen[0]
    assert not _notices()
    assert not behind_schema(path)


def test_a_current_library_opens_without_a_notice(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "new.sqlite3"
    app.open_locked(path).close()
    monkeypatch.setattr(upgrade_notice, "upgrade_with_notice",
                        lambda *_: pytest.fail("no upgrade was due"))
    app.open_locked(path).close()


def test_the_notice_keeps_the_event_loop_running_and_hands_back_a_failure(qtbot, tmp_path):
    ticks: list[int] = []
    from PySide6.QtCore import QTimer
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    release = threading.Event()
    QTimer.singleShot(300, release.set)

    def upgrade():
        release.wait(5)
        raise LibraryError("old.sqlite3 could not be opened: disk full")

    with pytest.raises(LibraryError, match="disk full"):
        upgrade_notice.upgrade_with_notice(tmp_path / "old.sqlite3", upgrade)
    timer.stop()
    assert len(ticks) >= 5  # the window's events went on while the upgrade ran
    assert not _notices()
