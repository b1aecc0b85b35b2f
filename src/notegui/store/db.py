"""Opening a library file: nothing is written to it before it is known to be a sound notegui
library. In order: the header (is it SQLite, is it ours); the -journal and -wal beside it
(side_logs: one that does not belong is moved aside, unless another process has the
library open); then, read-only, the application id, the schema version and the schema, and
SQLite's quick check (integrity.py). Only then is it opened for writing and migrated. A
damaged library, or one in a read-only place, is opened read-only instead."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from notegui.core import paths, private_files
from notegui.core.health import Health
from notegui.core.import_files import kind_of
from notegui.store import damage_mark, integrity, schema, side_logs
from notegui.store.errors import DATABASE_ERRORS, LibraryError, explain, read_only_reason
from notegui.store.side_logs import has_content, side

log = logging.getLogger("notegui")

_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {"foreign_keys": 1, "synchronous": "normal", "busy_timeout": 5000,
           "cache_size": -16384}  # 16 MB a connection (there is one a thread)
_READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "cache_size": -16384}
# A new library's pages: SQLite's usual 4 KB, set rather than left to the build. 16 KB
# pages made a 100,000-note import 8% faster (a commit writes a quarter as many WAL frames),
# but a search 2 ms slower at its median and opening a note 1 ms slower: a reader
# searches and opens all day, and imports now and then. (The import's scratch index file
# has 16 KB pages: see side_index.py.)
PAGE_SIZE = 4 * 1024

# The libraries this process has open (resolved path -> how many times): their logs are
# live, and their files are never opened here to ask about locks (closing a descriptor
# would drop the locks SQLite holds on the file for this process).
_OPEN_HERE: Counter[str] = Counter()
_OPEN_LOCK = threading.Lock()


class Database(SqliteDatabase):
    """peewee's SqliteDatabase (a connection a thread) whose connections read text that is
    not UTF-8 (a damaged page, a flipped byte) with replacement characters rather than
    failing the query, and which can close every thread's connection: peewee's ``close``
    closes the calling thread's only, so a library closed by the window kept the search
    threads' connections (and their files) open for the life of the process."""

    def init(self, database: str | None, *args: Any, **kwargs: Any) -> None:
        # (each connection is still used by one thread at a time: only closed by another)
        kwargs.setdefault("check_same_thread", False)
        self._opened: list[tuple[threading.Thread, sqlite3.Connection]] = []
        self._opened_lock = threading.Lock()
        super().init(database, *args, **kwargs)

    # (ignore: peewee's stubs leave out the hook it calls to make a connection)
    def _connect(self) -> sqlite3.Connection:
        connection: sqlite3.Connection = super()._connect()  # type: ignore[misc]
        connection.text_factory = integrity.replacing_text
        with self._opened_lock:  # (those of threads that ended: closed now)
            for thread, opened in self._opened:
                if not thread.is_alive():
                    opened.close()
            self._opened = [(thread, opened) for thread, opened in self._opened
                            if thread.is_alive()]
            self._opened.append((threading.current_thread(), connection))
        return connection

    def close_everywhere(self) -> None:
        """Close this database's connections in every thread (when no thread uses them)."""
        self.close()
        with self._opened_lock:
            for _thread, opened in self._opened:
                opened.close()
            self._opened = []


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT just gave its row (typeshed's ``lastrowid`` is ``int | None``:
    None only before any INSERT)."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise sqlite3.InterfaceError("no row was inserted")
    return rowid


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def opened_here(path: Path) -> None:
    with _OPEN_LOCK:
        _OPEN_HERE[_key(path)] += 1


def closed_here(path: Path) -> None:
    with _OPEN_LOCK:
        key = _key(path)
        _OPEN_HERE[key] -= 1
        if _OPEN_HERE[key] <= 0:
            del _OPEN_HERE[key]


def _is_open_here(path: Path) -> bool:
    with _OPEN_LOCK:
        return _key(path) in _OPEN_HERE


def behind_schema(path: Path) -> bool:
    """Whether opening the library at ``path`` will migrate it (read-only, cheap): a
    window says so first, as a migration can take a while on a large library. False when
    the file cannot be read: opening it says why."""
    try:
        connection = integrity.connect_read_only(path)
        try:
            return 0 < schema.version(connection) < schema.LATEST
        finally:
            connection.close()
    except (*DATABASE_ERRORS, OSError):
        return False


def _header_field(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset : offset + 4], "big")


def header_kind(header: bytes) -> str:
    """What a file's first 100 bytes say it is: "library" (a notegui library), "sqlite"
    (a SQLite database of another program), or "" (no SQLite database)."""
    if len(header) < 100 or not header.startswith(_MAGIC):
        return ""
    return "library" if _header_field(header, 68) == schema.APPLICATION_ID else "sqlite"


def read_header(path: Path) -> bytes:
    """The first 100 bytes of ``path`` (SQLite's header); LibraryError if it cannot be read."""
    try:
        with path.open("rb") as stream:
            return stream.read(100)
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror or error}") from None


def _kind(path: Path) -> str:
    try:
        return kind_of(os.stat(path).st_mode)
    except OSError:
        return ""  # (none there)


def inspect_file(path: Path) -> bool:
    """True when ``path`` is a new library to create, False when it is an existing notegui
    library; LibraryError when it is anything else. Reads the header only."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    # By type, before opening them: opening a FIFO waits for a writer, for ever (the
    # library, or the -shm that SQLite and side_logs open beside it).
    for suffix in ("-wal", "-shm", "-journal"):
        beside = path.with_name(path.name + suffix)
        kind = _kind(beside)
        if kind:
            raise LibraryError(f"{beside}, beside the library, is {kind}, not SQLite's file: "
                               "not opened; the library was left untouched")
    if not path.exists():
        return True
    kind = kind_of(path.stat().st_mode)
    if kind:
        raise LibraryError(f"{path} is {kind}, not a library file; it was left untouched")
    header = read_header(path)
    if not header:
        return True
    kind = header_kind(header)
    if not kind:
        raise LibraryError(f"{path} is not a notegui library (not a SQLite database); it was "
                           "left untouched")
    if kind != "library":
        raise LibraryError(
            f"{path} is a SQLite database, but not a notegui library; it was left untouched"
        )
    return False


def connect(path: Path) -> tuple[Database, Health, bool]:
    """Open (or create) the library at ``path``, migrated to the latest schema when it can
    be written. Returns the database, its health, and whether its quick check ran (a large
    library's is left to integrity.BackgroundCheck)."""
    path = Path(path)
    if inspect_file(path):
        _create(path)  # (then opened as any library is)
    verdict, notices = _settle(path)
    if verdict.damaged:
        return (_read_only(path, verdict.tolerant),
                Health(damaged=verdict.damaged, notices=notices), True)
    if earlier := damage_mark.known(path):  # (found by a full check the quick one misses)
        return _read_only(path), Health(damaged=earlier, notices=notices), True
    reason = read_only_reason(path)
    if reason:
        if verdict.version < schema.LATEST:
            raise LibraryError(
                f"{path} has an older schema ({verdict.version}) that must be upgraded to "
                f"{schema.LATEST} before this notegui can read it, and {reason}; it was "
                "left untouched")
        return _read_only(path), Health(read_only=reason, notices=notices), verdict.checked
    _narrow_own(path)
    return _open_for_writing(path), Health(notices=notices), verdict.checked


def _narrow_own(path: Path) -> None:
    """A library in notegui's own data folder that others can read (an earlier notegui made
    libraries 0644) is made readable by its owner only, with its -wal and -shm. A library
    elsewhere keeps the mode it has: a shared folder's group may be meant to read it."""
    try:
        inside = path.resolve().is_relative_to(paths.data_dir().resolve())
    except (OSError, RuntimeError):
        return
    if inside and any([private_files.narrow(file) for file in
                       (path, side(path, "-wal"), side(path, "-shm"))]):
        log.info("%s was readable by others: it is now readable by its owner only", path)


def _settle(path: Path) -> tuple[integrity.Verdict, tuple[str, ...]]:
    """The side logs judged (unless live) and the library read: its verdict, and what was
    moved aside. LibraryError when it cannot be opened: then every file is as it was (what
    was moved aside is put back)."""
    header = read_header(path)
    live = _is_open_here(path) or side_logs.in_use_elsewhere(path)
    shm_was_there = side(path, "-shm").exists()
    moved: dict[str, tuple[Path, str]] = {}  # suffix -> (where it went, why)
    try:
        if not live:
            _move_what_does_not_belong(path, header, moved)
        verdict = _judge(path, live, moved)
    except LibraryError:
        if not live:  # (live: nothing was moved, and its -shm is in use, here or elsewhere)
            _restore_as_found(path, moved, shm_was_there)
        raise
    return verdict, tuple(_said(path, suffix, why, where)
                          for suffix, (where, why) in moved.items())


def _restore_as_found(path: Path, moved: dict[str, tuple[Path, str]],
                      shm_was_there: bool) -> None:
    """A refused library's files as they were found: what was moved aside put back, and a
    -shm the read-only look made removed; not if a process opened it meanwhile (its logs
    are live then). Never called while this process has it open: ``alone`` opens and
    closes -shm, which would drop this process's own SQLite locks on it."""
    with side_logs.alone(path) as nobody_else:
        if not nobody_else:
            return
        for suffix, (where, _why) in moved.items():
            side_logs.put_back(path, suffix, where)
        if not shm_was_there:
            with contextlib.suppress(OSError):
                side(path, "-shm").unlink(missing_ok=True)


def _move_what_does_not_belong(path: Path, header: bytes,
                               moved: dict[str, tuple[Path, str]]) -> None:
    """Move aside a -journal or -wal that does not belong to the library: judged again
    while no other process can connect, since one that connected after the first look
    has made them its own."""
    found = [(suffix, problem) for suffix, problem in (("-journal", side_logs.journal_problem),
                                                      ("-wal", side_logs.wal_problem))
             if has_content(side(path, suffix)) and problem(path, header)]
    if not found:
        return
    with side_logs.alone(path) as nobody_else:
        if not nobody_else:
            return
        header = read_header(path)
        for suffix, problem in found:
            if has_content(side(path, suffix)) and (why := problem(path, header)):
                moved[suffix] = (_move(path, suffix), why)


def _judge(path: Path, live: bool, moved: dict[str, tuple[Path, str]]) -> integrity.Verdict:
    """The library's verdict; when it is not sound with a WAL beside it (and nobody has it
    open), it is tried without: if it is sound then, the WAL was what did not belong."""
    try:
        verdict = integrity.preflight(path)
    except LibraryError:
        if live or not has_content(side(path, "-wal")):
            raise
        verdict = None
    if verdict is not None and (not verdict.damaged or live
                                or not has_content(side(path, "-wal"))):
        return verdict
    with side_logs.alone(path) as nobody_else:
        if nobody_else:  # (the trial without the WAL: nobody may connect meanwhile)
            where = _move(path, "-wal")
            try:
                alone = integrity.preflight(path)
            except LibraryError:
                alone = None
            if alone is not None and not alone.damaged:
                moved["-wal"] = (where, "with it the library is not sound")
                return alone
            side_logs.put_back(path, "-wal", where)
    return verdict if verdict is not None else integrity.preflight(path)  # (raises)


def _move(path: Path, suffix: str) -> Path:
    try:
        return side_logs.move_aside(path, suffix)
    except OSError as error:
        raise LibraryError(
            f"{side(path, suffix)} does not belong to {path}, and cannot be moved aside "
            f"({error.strerror or error}); both were left untouched") from None


def _said(path: Path, suffix: str, why: str, moved: Path) -> str:
    return (f"{side(path, suffix).name} beside {path} did not belong to it ({why}); it was "
            f"moved aside as {moved.name}, and the library opens as it was")


def _create(path: Path) -> None:
    """A new library at ``path``, made whole beside it and then linked into place, so that
    no other process ever opens it half made (two imports into a new library at once: the
    second read the first's tables mid-transaction as a damaged file). When another process
    made it first, theirs is kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(f"cannot create {path.parent}: {error.strerror}") from None
    made = path.with_name(f".{path.name}.new-{os.getpid()}-{threading.get_native_id()}")
    try:
        made.unlink(missing_ok=True)  # (a crash's, of this process id)
        # Readable by its owner only, whatever the umask; its -wal and -shm take its mode.
        private_files.create_owner_only(made)
        _build(made, path)
        try:
            os.link(made, path)
        except FileExistsError:
            if path.stat().st_size == 0:  # (an empty file stood for a new library)
                os.replace(made, path)
        except OSError:  # (a file system without hard links)
            if not path.exists() or path.stat().st_size == 0:
                os.replace(made, path)
    except OSError as error:
        raise LibraryError(f"cannot create the library {path}: "
                           f"{error.strerror or error}") from None
    finally:
        for leftover in (made, side(made, "-wal"), side(made, "-shm"), side(made, "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def _build(made: Path, path: Path) -> None:
    database = Database(None, pragmas=PRAGMAS)
    database.init(str(made), pragmas=PRAGMAS)
    try:
        connection = database.connection()
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # (before the first table)
        schema.migrate(connection)
        connection.execute("PRAGMA journal_mode=wal")
    except DATABASE_ERRORS as error:
        raise LibraryError(f"cannot create the library: {explain(error, path)}") from None
    finally:
        database.close()


def _read_only(path: Path, tolerant: bool = False) -> Database:
    # (writable_schema first: the others may read the schema)
    pragmas = {**({"writable_schema": 1} if tolerant else {}), **_READ_ONLY_PRAGMAS}
    database = Database(None, pragmas=pragmas)
    database.init(integrity.read_only_uri(path), pragmas=pragmas, uri=True)
    try:
        database.connection()
    except DATABASE_ERRORS as error:
        database.close()
        raise LibraryError(f"{explain(error, path)}; it was left untouched") from None
    return database


def _stamp(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_size, status.st_mtime_ns


def _open_for_writing(path: Path) -> Database:
    before = _stamp(path)
    database = Database(None, pragmas=PRAGMAS)
    database.init(str(path), pragmas=PRAGMAS)
    try:
        connection = database.connection()
        schema.migrate(connection)
        connection.execute("PRAGMA journal_mode=wal")
    except DATABASE_ERRORS as error:
        database.close()
        untouched = _stamp(path) == before
        raise LibraryError(
            f"{path} could not be opened: {explain(error, path)}; "
            + ("it was left untouched" if untouched else "the change under way was rolled "
               "back")) from None
    return database
