"""Whether a library is sound, asked before anything is written to it: read-only, through
its own connection. ``preflight`` reads the application id, the schema version (negative
too), the schema and, on a library up to ``QUICK_CHECK_LIMIT``, SQLite's quick check;
``BackgroundCheck`` runs the quick check of a larger library on a thread of its own."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from notegui.core.domain import Problem
from notegui.store import schema
from notegui.store.errors import DATABASE_ERRORS, LibraryError, explain, is_damage
from notegui.store.side_logs import has_content, side

QUICK_CHECK_LIMIT = 64 * 1024 * 1024  # bytes: checked at opening up to this, beyond on a thread
STOP_WAIT_S = 1.0  # how long closing a library waits for its background check to end
_PROBLEMS_SHOWN = 3


@dataclass(frozen=True)
class Verdict:
    version: int  # the schema version found
    damaged: str  # what the quick check found ('' when it found nothing or did not run)
    checked: bool  # whether the quick check ran
    tolerant: bool = False  # readable only with writable_schema on (shorter than it says)

# SQLite refuses a file shorter than its header says (a truncated library) unless
# writable_schema is on; on a read-only connection it changes nothing else, and lets what
# is left be read (as SQLite's own .recover does).
TOLERANT = "PRAGMA writable_schema = ON"


def read_only_uri(path: Path, live: bool = False) -> str:
    """A URI that opens ``path`` for reading only. Without a WAL with content the file alone
    is the library: ``immutable=1`` reads it without making -wal or -shm files beside it
    (a refused file is left as it was found, and a read-only folder can be read). Never so
    a ``live`` library, one open for writing meanwhile: SQLite would read its pages as they
    are being written and checkpointed, and find damage that is not there."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    return uri if live or has_content(side(path, "-wal")) else uri + "&immutable=1"


def connect_read_only(path: Path, tolerant: bool = False,
                      live: bool = False) -> sqlite3.Connection:
    connection = sqlite3.connect(read_only_uri(path, live), uri=True, isolation_level=None,
                                 check_same_thread=False)
    connection.text_factory = replacing_text
    if tolerant:
        connection.execute(TOLERANT)
    return connection


def replacing_text(data: bytes) -> str:
    """Text as SQLite holds it; bytes that are not UTF-8 (a damaged page) become U+FFFD
    instead of failing the whole query."""
    return data.decode("utf-8", "replace")


def _expected_tables(version: int) -> set[str]:
    """The tables a library of schema ``version`` has (from its migrations' SQL)."""
    tables: set[str] = set()
    for step in schema.MIGRATIONS[:version]:
        if not isinstance(step, str):
            step = schema.TABLES_MADE_BY.get(step, "")
        tables |= set(re.findall(r"CREATE (?:VIRTUAL )?TABLE (\w+)", step))
        tables -= set(re.findall(r"DROP TABLE (?:IF EXISTS )?(\w+)", step))
    return tables


def preflight(path: Path, quick_check: bool = True) -> Verdict:
    """Read what the library at ``path`` is, without writing a byte: LibraryError (the file
    left untouched) when it is not a notegui library this version can open; else its
    schema version and, up to QUICK_CHECK_LIMIT, what SQLite's quick check says."""
    try:
        connection = connect_read_only(path)
    except DATABASE_ERRORS as error:
        raise LibraryError(f"{explain(error, path)}; it was left untouched") from None
    try:
        return _read_verdict(connection, path, quick_check)
    except DATABASE_ERRORS as error:
        if not is_damage(error):
            raise LibraryError(f"{explain(error, path)}; it was left untouched") from None
        damage = str(error)
    finally:
        connection.close()
    try:  # (a truncated library: what is left may still be read)
        connection = connect_read_only(path, tolerant=True)
        try:
            found = _read_verdict(connection, path, True)
        finally:
            connection.close()
    except DATABASE_ERRORS:
        raise LibraryError(f"{path} is damaged or unreadable: {damage}; it was left "
                           "untouched. 'notegui salvage NEW-FILE' may still save some of "
                           "it") from None
    return Verdict(found.version, found.damaged or damage, True, tolerant=True)


def _read_verdict(connection: sqlite3.Connection, path: Path, quick_check: bool) -> Verdict:
    if connection.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
        raise LibraryError(f"{path} is a SQLite database, but not a notegui library; it was "
                           "left untouched")
    found = schema.version(connection)
    if found > schema.LATEST:
        raise LibraryError(
            f"{path} was made by a newer notegui (schema {found}; this version reads up to "
            f"{schema.LATEST}); it was left untouched")
    if found < 1:
        raise LibraryError(f"{path} is not a notegui library (its schema version is {found}, "
                           "not one notegui writes); it was left untouched")
    tables = {name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(_expected_tables(found) - tables)
    if missing:
        raise LibraryError(f"{path} is not a whole notegui library (schema {found}, but no "
                           f"table {', '.join(missing)}); it was left untouched")
    size = path.stat().st_size + (side(path, "-wal").stat().st_size
                                  if has_content(side(path, "-wal")) else 0)
    if not quick_check or size > QUICK_CHECK_LIMIT:
        return Verdict(found, "", False)
    return Verdict(found, quick_check_problems(connection), True)


def quick_check_problems(connection: sqlite3.Connection) -> str:
    """What SQLite's quick check finds, in one line ('' when it finds nothing)."""
    try:
        found = [row[0] for row in connection.execute(
            f"PRAGMA quick_check({_PROBLEMS_SHOWN + 1})")]
    except DATABASE_ERRORS as error:
        if is_damage(error):
            return str(error)
        raise
    if found == ["ok"]:
        return ""
    # (a row may hold several lines, and a heading that names the main database)
    lines = [line.strip() for row in found for line in row.splitlines()
             if line.strip() and not line.startswith("*** in database")]
    more = " …" if len(lines) > _PROBLEMS_SHOWN else ""
    return "; ".join(lines[:_PROBLEMS_SHOWN]) + more


_TEXT_COLUMNS = ("title", "description", "summary", "body")


def undecodable_text(connection: sqlite3.Connection) -> list[Problem]:
    """Notes whose text holds bytes that are not UTF-8 (a flipped byte inside a note: SQLite's
    checks cannot see it). Read as bytes, so that each is named."""
    columns = ", ".join(f"CAST({c} AS BLOB)" for c in _TEXT_COLUMNS)
    problems = []
    for row in connection.execute(f"SELECT id, {columns} FROM note"):
        bad = []
        for name, data in zip(_TEXT_COLUMNS, row[1:], strict=True):
            try:
                (data or b"").decode("utf-8")
            except UnicodeDecodeError:
                bad.append(name)
        if bad:
            title = replacing_text(row[1] or b"")
            problems.append(Problem(
                f"note {title!r}: its {' and '.join(bad)} hold bytes that are not UTF-8 "
                "(shown with replacement characters, which a save of the note writes in "
                "their place)"))
    return problems


def _lower_priority() -> None:
    """This thread at the lowest CPU priority, where threads have their own (Linux): the
    check reads the whole library, and must not slow the window's searches meanwhile."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


class BackgroundCheck:
    """The quick check of a large library, on a thread with its own read-only connection.
    ``on_damage`` is called (on that thread) with what it found; ``stop`` ends it early."""

    def __init__(self, path: Path, on_damage: Callable[[str], None]) -> None:
        self._path = path
        self._on_damage = on_damage
        self._stopping = threading.Event()
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="notegui-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        _lower_priority()
        try:
            connection = connect_read_only(self._path, live=True)  # (written meanwhile)
            connection.set_progress_handler(lambda: int(self._stopping.is_set()), 10_000)
            with self._lock:
                self._connection = connection
            try:
                found = quick_check_problems(connection)
            finally:
                with self._lock:
                    self._connection = None
                connection.close()
            if found and not self._stopping.is_set():
                self._on_damage(found)
        except DATABASE_ERRORS:
            pass  # stopped (interrupted), or the file went away: nothing learnt
        finally:
            self.done.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self.done.wait(timeout)

    def stop(self) -> None:
        """Ends the check, waiting for it a moment only: at the lowest priority on a busy
        machine the thread may not run for minutes, and a command's exit must not wait for
        it (it is a daemon thread, reading through its own read-only connection)."""
        self._stopping.set()
        with self._lock:  # (never on a connection being closed)
            if self._connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.interrupt()  # (SQLite allows it from another thread)
        self._thread.join(STOP_WAIT_S)
