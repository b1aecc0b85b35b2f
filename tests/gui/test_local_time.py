"""Times shown in the window: stored as UTC, shown in the local time zone and the locale's
format with seconds, or as an age."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from notegui.core.sync_model import SyncStatus
from notegui.gui.local_time import age, clock, shown, shown_with_age, with_seconds
from notegui.gui.sync_status import status_words

STAMP = "2026-12-07T15:04:12Z"
NOW = datetime(2026, 12, 7, 15, 9, 40, tzinfo=UTC)


@pytest.fixture
def in_kolkata(monkeypatch):
    """The machine's zone: UTC+05:30, all year (no daylight saving to make the test vary)."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("locale", "text"), [
    ("de_DE", "07.12.26 20:34:12"), ("en_GB", "07/12/2026 20:34:12"),
    ("en_US", "12/7/26 8:34:12\u202fPM"), ("ja_JP", "2026/12/07 20:34:12"),
    ("C", "2026-12-07 20:34:12"),
])
def test_a_stored_time_is_shown_in_the_local_zone_and_format_with_seconds(
        in_kolkata, locale, text):
    assert shown(STAMP, locale=QLocale(locale)) == text


def test_a_time_without_a_zone_is_utc_unless_told_otherwise(in_kolkata):
    assert shown("2026-12-07T15:04:12", locale=QLocale("C")) == "2026-12-07 20:34:12"
    assert shown("2026-12-07T15:04:12", naive_is_utc=False,
                 locale=QLocale("C")) == "2026-12-07 15:04:12"


def test_what_is_not_a_time_is_shown_as_written():
    assert shown("yesterday-ish") == "yesterday-ish"
    assert age("yesterday-ish", NOW) == ""
    assert shown_with_age("yesterday-ish", NOW) == "yesterday-ish"


@pytest.mark.parametrize(("pattern", "with_them"), [
    ("dd.MM.yy HH:mm", "dd.MM.yy HH:mm:ss"), ("h:mm AP", "h:mm:ss AP"),
    ("HH:mm:ss", "HH:mm:ss"), ("yyyy/MM/dd H:mm", "yyyy/MM/dd H:mm:ss"),
])
def test_seconds_are_added_to_the_locale_pattern(pattern, with_them):
    assert with_seconds(pattern) == with_them


@pytest.mark.parametrize(("delta", "said"), [
    (timedelta(seconds=20), "just now"), (timedelta(minutes=1), "1 minute ago"),
    (timedelta(minutes=5, seconds=28), "5 minutes ago"), (timedelta(hours=3), "3 hours ago"),
    (timedelta(days=2, hours=5), "2 days ago"), (timedelta(minutes=-3), "just now"),
])
def test_an_age_reads_as_words(qapp, delta, said):
    assert age(NOW - delta, NOW) == said


def test_the_time_of_a_save_has_seconds(in_kolkata):
    when = datetime(2026, 12, 7, 15, 4, 12, tzinfo=UTC)
    assert clock(when, QLocale("de_DE")) == "20:34:12"


def test_the_sync_status_tells_the_last_sync_to_the_second(qapp, in_kolkata):
    words = status_words(SyncStatus("/srv/notes.git", last_sync=STAMP), NOW)
    assert words.text.startswith("Synced 5 minutes ago")
    assert f"Last synced: {shown(STAMP)}" in words.tooltip
