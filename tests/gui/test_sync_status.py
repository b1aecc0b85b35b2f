"""The status bar's sync words: when the library last synced, what waits each way, the
conflicts; 'Syncing…' while a sync runs; a failure's reason, whole in the tooltip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fake_sync import conflict

from notegui.core.sync_model import SyncStatus
from notegui.gui.local_time import age
from notegui.gui.sync_status import status_words

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
REMOTE = "git@example.org:team/notes.git"


def at(**delta: int) -> str:
    return (NOW - timedelta(**delta)).isoformat()


@pytest.mark.parametrize("when, said", [
    (at(seconds=20), "just now"), (at(minutes=1), "1 minute ago"),
    (at(minutes=5, seconds=59), "5 minutes ago"), (at(hours=3), "3 hours ago"),
    (at(days=2, hours=5), "2 days ago"), ("2026-03-04T11:00:00", "1 hour ago"),
    ("not a time", ""), (at(minutes=-3), "just now"),  # (a clock behind the remote's)
])
def test_ago(when, said):
    assert age(when, NOW) == said


def test_the_words_for_each_state():
    synced = SyncStatus(REMOTE, last_sync=at(minutes=5), ahead=2, behind=1_200,
                        conflicts=(conflict("u1", "Why?"),))
    assert status_words(synced, NOW).text == (
        "Synced 5 minutes ago · 2 to send · 1,200 to receive · 1 conflict")
    assert "Click to sync now." in status_words(synced, NOW).tooltip
    assert "Note ▸ Conflicts…" in status_words(synced, NOW).tooltip
    assert status_words(synced, NOW, syncing=True).text.startswith("Syncing…")
    assert status_words(SyncStatus(REMOTE), NOW).text == "Not synced yet"
    assert status_words(SyncStatus(), NOW).text == "Sync: not set up"
    assert status_words(None, NOW).text == ""  # no sync: no item


def test_a_failure_shows_its_reason_cut_in_the_bar_whole_in_the_tooltip():
    reason = "authentication refused by " + "x" * 200
    words = status_words(SyncStatus(REMOTE, last_sync=at(hours=1)), NOW, failure=reason,
                         retry="It is tried again every 10 minutes; click to try now.")
    assert words.text.startswith("Sync failed: authentication refused by xxx")
    assert len(words.text) < 100 and words.text.endswith("…")
    assert reason in words.tooltip and "every 10 minutes" in words.tooltip
    # The engine's own record of the last failure, at the next start.
    kept = status_words(SyncStatus(REMOTE, last_result="remote unreachable"), NOW)
    assert kept.text == "Sync failed: remote unreachable"
