"""The one way a time is stamped: UTC, to the second, as ISO 8601 ending in ``Z`` (what
the library's rows, revisions and drafts hold, and what sorts as text)."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
