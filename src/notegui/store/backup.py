"""Backups of a library: SQLite's online backup API (a consistent copy of a library that is
open and in use, the WAL included), a few kept a library, the oldest removed first; and
restoring one, with the library as it was saved as one more backup first, so that nothing
is ever lost.

A library's backups live in their own folder, ``<data dir>/backups/<stem>-<hash>`` (the
hash of the library's resolved path: two libraries both called ``library.sqlite3`` never
share one), named ``<stem>-<UTC time YYYYmmdd-HHMMSS>.sqlite3``; each is one self-contained
file (rollback journal, not WAL) that notegui can open as it is."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from notegui.core import paths
from notegui.store import damage_mark, schema
from notegui.store.db import header_kind, inspect_file, read_header
from notegui.store.errors import LibraryError
from notegui.store.transaction import Transaction

log = logging.getLogger("notegui")

DEFAULT_KEEP = 5
DEFAULT_EVERY = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"
_SUFFIX = ".sqlite3"
_PARTIAL = ".partial"
_STALE_PARTIAL = timedelta(hours=1)  # a partial copy this old was left by a crash
_BUSY_MS = 5000
_SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupInfo(NamedTuple):
    """One backup: a plain (path, when, size) tuple, which is what the GUI is given."""

    path: Path
    when: datetime  # UTC, from the file name
    size: int  # bytes


def default_folder(library_path: Path, root: Path | None = None) -> Path:
    """Where the backups of ``library_path`` go unless told otherwise: a folder of its own
    in ``root`` (the settings' backup folder; None: ``paths.backups_dir()``)."""
    return (root if root is not None else paths.backups_dir()) / paths.path_key(library_path, 8)


def _stem(library_path: Path) -> str:
    """The name a library's backups start with (its real name, when opened by a link)."""
    return Path(library_path).expanduser().resolve().stem


# -- making backups ----------------------------------------------------------------------


def backup_library(library_path: Path, folder: Path | None = None,
                   keep: int = DEFAULT_KEEP) -> Path:
    """Copy the library at ``library_path`` (open elsewhere or not) into ``folder`` and keep
    the newest ``keep`` backups of it; returns the new backup. LibraryError says what failed;
    a failed backup leaves no file behind and removes none."""
    library_path = Path(library_path)
    if keep < 1:
        raise ValueError("keep at least one backup")
    if inspect_file(library_path):
        raise LibraryError(f"{library_path} does not exist yet; there is nothing to back up")
    try:
        with closing(_connect(library_path)) as source:
            return _write_backup(source, library_path, folder, keep)
    except sqlite3.Error as error:
        raise LibraryError(f"cannot back up {library_path}: {error}") from None


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=_BUSY_MS / 1000, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
    return connection


def _write_backup(source: sqlite3.Connection, library_path: Path, folder: Path | None,
                  keep: int, spare: Path | None = None) -> Path:
    """Copy ``source`` into a new backup file (written under a temporary name, then renamed),
    then rotate, never removing ``spare``."""
    folder = folder if folder is not None else default_folder(library_path)
    stem = _stem(library_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_partials(folder, stem)
        target, partial = _reserve_name(folder, stem)
    except OSError as error:
        raise LibraryError(f"cannot write backups to {folder}: {error.strerror or error}") from None
    try:
        with closing(sqlite3.connect(partial, isolation_level=None)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
            if copy.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
                raise LibraryError(f"{library_path} is not a notegui library; no backup made")
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise LibraryError(f"cannot back up {library_path} to {target}: {error}") from None
    except OSError as error:
        raise LibraryError(f"cannot write the backup {target}: {error.strerror or error}") from None
    finally:
        for leftover in (partial, *_side_files(partial)):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
    log.info("backed up %s to %s", library_path, target)
    _rotate(library_path, folder, keep, spare)
    return target


def _reserve_name(folder: Path, stem: str) -> tuple[Path, Path]:
    """A backup name that sorts after every other, even one made in the same second (by
    another thread too): its partial file is created exclusively."""
    stamp = datetime.now(UTC).strftime(_STAMP)
    taken = re.compile(rf"\.?{re.escape(stem)}-{stamp}(?:-(\d+))?{re.escape(_SUFFIX)}.*")
    numbers = [int(match[1] or 1) for entry in folder.iterdir()
               if (match := taken.fullmatch(entry.name))]
    for number in range(max(numbers, default=0) + 1, 10_000):
        name = f"{stem}-{stamp}{'' if number == 1 else f'-{number}'}{_SUFFIX}"
        target, partial = folder / name, folder / f".{name}{_PARTIAL}"
        try:
            os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            continue
        return target, partial
    raise OSError(f"too many backups of {stem} made at {stamp}")


def _remove_stale_partials(folder: Path, stem: str) -> None:
    """Remove the partial copies a crash or a kill left behind (not one being written)."""
    too_old = datetime.now(UTC).timestamp() - _STALE_PARTIAL.total_seconds()
    for partial in folder.glob(f".{_glob_escape(stem)}-*{_PARTIAL}*"):
        with suppress(OSError):
            if partial.stat().st_mtime < too_old:
                partial.unlink()


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in _SIDE_FILES]


def _wal_has_data(library_path: Path) -> bool:
    wal = _side_files(library_path)[0]
    return wal.is_file() and wal.stat().st_size > 0


def _rotate(library_path: Path, folder: Path, keep: int, spare: Path | None) -> None:
    for old in list_backups(library_path, folder)[keep:]:
        if spare is not None and old.path.resolve() == spare.resolve():
            continue
        try:
            old.path.unlink(missing_ok=True)
            log.info("removed the old backup %s", old.path)
        except OSError as error:
            log.warning("cannot remove the old backup %s: %s", old.path, error)


# -- listing -----------------------------------------------------------------------------


def list_backups(library_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups of ``library_path`` in ``folder``, newest first."""
    library_path = Path(library_path)
    folder = folder if folder is not None else default_folder(library_path)
    pattern = re.compile(
        rf"{re.escape(_stem(library_path))}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(_SUFFIX)}")
    found: list[tuple[datetime, int, BackupInfo]] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match:
            continue
        try:
            when = datetime.strptime(match[1], _STAMP).replace(tzinfo=UTC)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append((when, int(match[2] or 1), BackupInfo(entry, when, size)))
    found.sort(key=lambda item: item[:2], reverse=True)
    return [info for _when, _number, info in found]


def should_back_up(library_path: Path, folder: Path | None = None,
                   every: timedelta = DEFAULT_EVERY) -> bool:
    """True when the library has no backup yet, or its newest is older than ``every`` and
    the library changed since (a copy of an unchanged library would only push an older,
    different backup out)."""
    library_path = Path(library_path)
    if not library_path.is_file() or library_path.stat().st_size == 0:
        return False
    backups = list_backups(library_path, folder)
    if not backups:
        return True
    newest = backups[0].when
    age = datetime.now(UTC) - newest
    if timedelta(0) <= age < every:
        return False
    return _changed_since(library_path, newest)


def _changed_since(library_path: Path, when: datetime) -> bool:
    """Whether the library file, or a WAL with changes in it, was written after ``when``."""
    wal = _side_files(library_path)[0]
    candidates = [library_path] + ([wal] if _wal_has_data(library_path) else [])
    newest = max(path.stat().st_mtime for path in candidates)
    return datetime.fromtimestamp(newest, UTC) >= when


# -- restoring ---------------------------------------------------------------------------


class _Unreadable(Exception):
    """The current library cannot be read as a database (it is damaged)."""


def restore_backup(backup: Path, library_path: Path, folder: Path | None = None,
                   keep: int = DEFAULT_KEEP) -> Path | None:
    """Make the library at ``library_path`` what ``backup`` holds. The library as it was is
    saved as one more backup first; that backup is returned (None when there was no library).

    The backup is checked first: one that is not a sound notegui library raises LibraryError
    naming it, and nothing is changed. The content is written into the library through the
    backup API, in one transaction: connections still open on it (another thread, a CLI
    import) see the restored library, never a file swapped under them. Only a library too
    damaged to be read is replaced as a file (after a raw copy of it is kept). The caller
    reopens the library afterwards (an older backup's schema is migrated then)."""
    backup, library_path = Path(backup), Path(library_path)
    check_backup(backup)
    if backup.resolve() == library_path.resolve():
        raise LibraryError(f"{backup} is the library itself; nothing was restored")
    saved = _restore(backup, library_path, folder, keep)
    damage_mark.clear(library_path)  # (a sound backup's content: no damage known now)
    return saved


def _restore(backup: Path, library_path: Path, folder: Path | None, keep: int) -> Path | None:
    if _is_empty(library_path):
        # Nothing to keep, unless a WAL with changes in it is left beside no database.
        saved = _copy_raw(library_path, folder) if _wal_has_data(library_path) else None
        _replace_file(backup, library_path)
        return saved
    if not _has_sqlite_header(library_path):
        return _restore_over_damaged(backup, library_path, folder)
    try:
        return _restore_in_place(backup, library_path, folder, keep)
    except _Unreadable:
        return _restore_over_damaged(backup, library_path, folder)


def check_backup(backup: Path) -> None:
    """LibraryError, naming ``backup``, unless it is a whole notegui library this version
    can open."""
    if not backup.is_file():
        raise LibraryError(f"{backup} does not exist; nothing was restored")
    try:
        is_empty = inspect_file(backup)
    except LibraryError as error:
        raise LibraryError(f"{error}. Nothing was restored.") from None
    if is_empty:
        raise LibraryError(f"{backup} is empty, not a backup; nothing was restored")
    try:
        with closing(_connect_read_only(backup)) as connection:
            found = schema.version(connection)
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
    except sqlite3.Error as error:
        raise LibraryError(f"{backup} is damaged or unreadable ({error}); "
                           "nothing was restored") from None
    if problems != ["ok"]:
        raise LibraryError(f"{backup} is damaged ({problems[0]}); nothing was restored")
    if not 0 < found <= schema.LATEST:
        raise LibraryError(f"{backup} has schema {found}, which this notegui cannot read "
                           f"(it reads 1 to {schema.LATEST}); nothing was restored")


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _is_empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror or error}") from None


def _has_sqlite_header(path: Path) -> bool:
    """True for a SQLite file (LibraryError if it belongs to another program: a restore never
    overwrites that); False for a file too damaged to be one."""
    kind = header_kind(read_header(path))
    if not kind:
        return False
    if kind != "library":
        raise LibraryError(f"{path} is a SQLite database of another program, not a notegui "
                           "library; nothing was restored over it")
    return True


def _restore_in_place(backup: Path, library_path: Path, folder: Path | None,
                      keep: int) -> Path:
    with closing(_connect(library_path)) as target:
        before = _readable_version(target, library_path)
        saved = _write_backup(target, library_path, folder, keep, spare=backup)
        with _no_writers(target, library_path):
            if _data_version(target) != before:
                raise LibraryError(
                    f"{library_path} changed while it was being saved (is an import running?);"
                    " nothing was restored: try again when it is done")
        try:
            with _in_page_size(backup, _page_size(target), library_path) as usable, \
                    closing(_connect_read_only(usable)) as source:
                source.backup(target)
        except (OSError, sqlite3.Error) as error:
            reason = error.strerror if isinstance(error, OSError) else error
            raise LibraryError(f"cannot restore {backup} into {library_path}: "
                               f"{reason or error}; the library is unchanged") from None
    log.info("restored %s from %s (the library before it: %s)", library_path, backup, saved)
    return saved


def _page_size(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA page_size").fetchone()[0]


@contextmanager
def _in_page_size(backup: Path, page_size: int, library_path: Path) -> Iterator[Path]:
    """The backup, or a copy of it (beside the library, removed afterwards) with pages of
    ``page_size``: the backup API cannot write pages of another size into a library in WAL
    mode (a library whose pages were changed, or made by a SQLite built with other
    defaults)."""
    with closing(_connect_read_only(backup)) as source:
        if _page_size(source) == page_size:
            yield backup
            return
    converted = library_path.with_name(f".{library_path.name}.converting")
    try:
        converted.unlink(missing_ok=True)
        with closing(_connect_read_only(backup)) as source, \
                closing(sqlite3.connect(converted, isolation_level=None)) as copy:
            source.backup(copy)  # (a file in rollback mode takes the backup's page size)
            copy.execute(f"PRAGMA page_size = {page_size}")
            copy.execute("VACUUM")  # (which rewrites it in the size just set)
        yield converted
    finally:
        for leftover in (converted, *_side_files(converted)):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)


def _readable_version(connection: sqlite3.Connection, library_path: Path) -> int:
    """The connection's data version; _Unreadable when the library is too damaged to read."""
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return _data_version(connection)
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT,
                                                         sqlite3.SQLITE_NOTADB):
            raise _Unreadable from None
        raise LibraryError(f"cannot read {library_path}: {error}; nothing was restored"
                           ) from None


def _data_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA data_version").fetchone()[0]


@contextmanager
def _no_writers(connection: sqlite3.Connection, library_path: Path) -> Iterator[None]:
    """Hold the write lock for the ``with`` block (a restore then starts at once); it
    writes nothing. Not waiting past the busy timeout: another writer is reported."""
    holding = Transaction(connection, say=None)
    try:
        with holding:
            yield
    except sqlite3.OperationalError as error:
        if holding.begun:
            raise
        raise LibraryError(f"{library_path} is being written by another program (is an import "
                           f"running?): {error}; nothing was restored") from None


def _restore_over_damaged(backup: Path, library_path: Path, folder: Path | None) -> Path:
    saved = _copy_raw(library_path, folder)
    _replace_file(backup, library_path)
    log.info("replaced the damaged %s with %s (its files were kept as %s)",
             library_path, backup, saved)
    return saved


def _copy_raw(library_path: Path, folder: Path | None) -> Path:
    """Keep a library SQLite cannot read, byte for byte with its WAL, beside the backups
    (named ``…-damaged.sqlite3``: never listed, never rotated away). Either file may be
    missing."""
    folder = folder if folder is not None else default_folder(library_path)
    stamp = datetime.now(UTC).strftime(_STAMP)
    stem = _stem(library_path)
    target = folder / f"{stem}-{stamp}-damaged{_SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        number = 1
        while target.exists():
            number += 1
            target = folder / f"{stem}-{stamp}-damaged-{number}{_SUFFIX}"
        if library_path.exists():
            shutil.copy2(library_path, target)
        wal = _side_files(library_path)[0]
        if wal.exists():
            shutil.copy2(wal, _side_files(target)[0])
    except OSError as error:
        raise LibraryError(f"cannot keep a copy of {library_path} in {folder}: "
                           f"{error.strerror or error}; nothing was restored") from None
    return target


def _replace_file(backup: Path, library_path: Path) -> None:
    """Write the backup into a temporary file beside the library, then rename it over the
    library. Only for a library nothing can have open (missing or unreadable): its stale
    -wal/-shm go first, so that SQLite never replays an old WAL into the restored file."""
    partial = library_path.with_name(f".{library_path.name}.restoring")
    try:
        library_path.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with closing(_connect_read_only(backup)) as source, \
                closing(sqlite3.connect(partial, isolation_level=None)) as copy:
            source.backup(copy)
        for stale in _side_files(library_path):
            stale.unlink(missing_ok=True)
        os.replace(partial, library_path)
    except (OSError, sqlite3.Error) as error:
        reason = error.strerror if isinstance(error, OSError) else error
        raise LibraryError(f"cannot restore {backup} to {library_path}: {reason or error}"
                           ) from None
    finally:
        for leftover in (partial, *_side_files(partial)):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
