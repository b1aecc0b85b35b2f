"""Waiting for the library when another writer has it, rather than failing.

SQLite lets one connection write at a time. Each waits ``busy_timeout`` (db.PRAGMAS) for the
other's transaction on its own; past that it raises "database is locked", which an import's
long last transaction or a large batch easily outlasts. Here a writer that finds the library
busy says so once, after ``SAY_AFTER_MS`` (``say``: stderr for the command line, the status
bar for the window) and tries again, for up to ``PATIENCE`` seconds, before giving up with a
LibraryError that says why.

Only the start of a transaction is retried: every write transaction (transaction.py) begins
with ``BEGIN IMMEDIATE``, which takes the write lock first, so in WAL mode nothing after it can
find the library busy. ``retrying`` reruns a whole transaction for the callers that can
(a function of what the library holds), in case one does."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from notegui.store.errors import DATABASE_ERRORS, LibraryError

log = logging.getLogger(__name__)

_T = TypeVar("_T")
Say = Callable[[str], None]

PATIENCE = 300.0  # seconds a writer waits for another, in all, before it gives up
WAITING = "another process is writing to this library: waiting…"
SAY_AFTER_MS = 250  # waited before saying so
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def say_in_log(message: str) -> None:
    log.info("%s", message)


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` (sqlite3's, or peewee's wrapping of it) means another connection
    holds a lock: SQLITE_BUSY or SQLITE_LOCKED, extended codes included."""
    seen: set[int] = set()
    found: BaseException | None = error
    while found is not None and id(found) not in seen:
        seen.add(id(found))
        if isinstance(found, sqlite3.Error):
            code = getattr(found, "sqlite_errorcode", None)
            if code is not None:
                return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
            return "locked" in str(found) or "busy" in str(found)
        inner = found.args[0] if found.args and isinstance(found.args[0], BaseException) else None
        found = inner or found.__cause__ or found.__context__
    return False


def begin(connection: sqlite3.Connection, say: Say = say_in_log,
          patience: float | None = None) -> None:
    """``BEGIN IMMEDIATE``, waiting while another writer holds the library. ``say`` is told
    once, as soon as the first ``SAY_AFTER_MS`` of waiting show the library is held (the
    window shows it while it waits); each later attempt waits the connection's own busy
    timeout."""
    deadline = time.monotonic() + (PATIENCE if patience is None else patience)
    if _first_attempt(connection):
        return
    say(WAITING)
    while True:
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            if time.monotonic() >= deadline:
                raise LibraryError(_gave_up(patience)) from None
            time.sleep(0.05)  # (the busy timeout did the waiting; this only yields)


def _first_attempt(connection: sqlite3.Connection) -> bool:
    """Whether ``BEGIN IMMEDIATE`` succeeded within ``SAY_AFTER_MS``."""
    (timeout,) = connection.execute("PRAGMA busy_timeout").fetchone()
    connection.execute(f"PRAGMA busy_timeout = {min(timeout, SAY_AFTER_MS)}")
    try:
        connection.execute("BEGIN IMMEDIATE")
        return True
    except sqlite3.OperationalError as error:
        if not is_busy(error):
            raise
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout = {timeout}")


def retrying(write: Callable[[], _T], say: Say = say_in_log,
             patience: float | None = None) -> _T:
    """Run ``write`` (a whole transaction that rolls itself back when it fails) again while
    it fails because the library is busy."""
    deadline = time.monotonic() + (PATIENCE if patience is None else patience)
    said = False
    while True:
        try:
            return write()
        except DATABASE_ERRORS as error:
            if not is_busy(error):
                raise
            if time.monotonic() >= deadline:
                raise LibraryError(_gave_up(patience)) from None
            if not said:
                say(WAITING)
                said = True
            time.sleep(0.1)


def _gave_up(patience: float | None) -> str:
    seconds = PATIENCE if patience is None else patience
    waited = f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"
    return (f"the library stayed locked by another process for {waited}; "
            "nothing was written (try again when it is done)")
