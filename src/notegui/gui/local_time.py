"""Times as a reader wants them: the library stores UTC stamps (``2026-12-07T15:04:12Z``);
the window shows them in the local time zone, in the locale's own format and to the
second (two versions saved within a minute read apart), or as an age ("5 minutes ago")
where that reads better.

    shown("2026-12-07T15:04:12Z")          # "07/12/2026 16:04:12" for fr_FR in Paris
    age("2026-12-07T15:04:12Z", now)       # "5 minutes ago"
    shown_with_age(stamp, now)             # "07/12/2026 16:04:12 (5 minutes ago)"
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from notegui.gui.i18n import translate

_MINUTES = re.compile(r"mm(?!:s)")


def moment(stamp: str | datetime, naive_is_utc: bool = True) -> datetime | None:
    """The time a stamp names, aware of its zone; None when it cannot be read. A stamp
    without a zone is UTC (what the library writes), or local time when told."""
    if isinstance(stamp, datetime):
        when = stamp
    else:
        try:
            when = datetime.fromisoformat(stamp.strip())
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC) if naive_is_utc else when.astimezone()
    return when


def with_seconds(pattern: str) -> str:
    """A QLocale date-time (or time) pattern that shows seconds: the locale's own short
    pattern stops at the minutes in most languages."""
    if "s" in pattern:
        return pattern
    return _MINUTES.sub("mm:ss", pattern, count=1)


def shown(stamp: str | datetime, naive_is_utc: bool = True,
          locale: QLocale | None = None) -> str:
    """The stamp as local date and time in the locale's short format, with seconds; one
    that cannot be read as it is written."""
    when = moment(stamp, naive_is_utc)
    if when is None:
        return str(stamp)
    local = when.astimezone()
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:  # (LANG=C: no one's format; ISO reads best)
        return f"{local:%Y-%m-%d %H:%M:%S}"
    pattern = with_seconds(locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(_qt(local), pattern)


def clock(when: datetime | None = None, locale: QLocale | None = None) -> str:
    """A local time of day in the locale's format, with seconds ("Saved 16:04:12")."""
    local = (when or datetime.now(UTC)).astimezone()
    locale = locale or QLocale()
    pattern = with_seconds(locale.timeFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QTime(local.hour, local.minute, local.second), pattern)


def age(stamp: str | datetime, now: datetime | None = None, naive_is_utc: bool = True
        ) -> str:
    """'just now', '1 minute ago', '3 hours ago', '2 days ago'; '' for a stamp that
    cannot be read. A time ahead of ``now`` (another machine's clock) is 'just now'."""
    when = moment(stamp, naive_is_utc)
    if when is None:
        return ""
    seconds = max(0, int(((now or datetime.now(UTC)) - when).total_seconds()))
    days, hours, minutes = seconds // 86_400, seconds // 3_600, seconds // 60
    if days:
        return translate("Age", "%Ln day(s) ago", "", days)
    if hours:
        return translate("Age", "%Ln hour(s) ago", "", hours)
    if minutes:
        return translate("Age", "%Ln minute(s) ago", "", minutes)
    return translate("Age", "just now")


def shown_with_age(stamp: str | datetime, now: datetime | None = None,
                   naive_is_utc: bool = True) -> str:
    """"<local date and time> (<age>)", or the stamp as written when it cannot be read."""
    said = age(stamp, now, naive_is_utc)
    return f"{shown(stamp, naive_is_utc)} ({said})" if said else shown(stamp, naive_is_utc)


def _qt(local: datetime) -> QDateTime:
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute, local.second))
