"""The database errors the store turns into ``LibraryError`` (defined in core, so the GUI
can catch it without knowing the store), and the words that say which one it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee

from notegui.core.errors import LibraryError

# What SQLite can raise, directly or wrapped by peewee.
DATABASE_ERRORS = (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError)

# SQLite's primary result codes (the low byte of an extended code).
BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_IOERR_WRITE_FAMILY = {IOERR | (n << 8) for n in (3, 4, 13, 24)}  # write, fsync, truncate, shm


def sqlite_error(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind ``error`` (peewee wraps it), if there is one."""
    seen: BaseException | None = error
    for _ in range(4):
        if seen is None:
            return None
        if isinstance(seen, sqlite3.Error):
            return seen
        inner = seen.args[0] if seen.args else None
        seen = inner if isinstance(inner, BaseException) else seen.__cause__ or seen.__context__
    return None


def code_of(error: BaseException) -> int:
    """SQLite's primary result code for ``error`` (0 when unknown)."""
    found = sqlite_error(error)
    code = getattr(found, "sqlite_errorcode", None) if found is not None else None
    if code is None:  # (no code: a message from an older sqlite3 module)
        text = str(error).lower()
        for words, guess in (("disk is full", FULL), ("readonly database", READONLY),
                             ("database is locked", BUSY), ("malformed", CORRUPT),
                             ("not a database", NOTADB), ("unable to open", CANTOPEN),
                             ("disk i/o error", IOERR)):
            if words in text:
                return guess
        return 0
    return code & 0xFF


def is_damage(error: BaseException) -> bool:
    return code_of(error) in (CORRUPT, NOTADB)


def explain(error: BaseException, path: Path) -> str:
    """What went wrong with the library at ``path``, in words: a full disk, a read-only
    folder or file, another program holding it, damage, or SQLite's own message."""
    code, folder = code_of(error), Path(path).parent
    found = sqlite_error(error)
    extended = getattr(found, "sqlite_errorcode", 0) or 0
    if code == FULL:
        return f"the disk holding {folder} is full"
    if code == READONLY or (code == CANTOPEN and not _writable(folder)):
        return read_only_reason(Path(path)) or f"{path} cannot be written ({error})"
    if code in (BUSY, LOCKED):
        return f"another program is writing to {path} and did not finish in time ({error})"
    if code in (CORRUPT, NOTADB):
        return f"{path} is damaged ({error})"
    if code == IOERR:
        if extended in _IOERR_WRITE_FAMILY and not _writable(folder):
            return read_only_reason(Path(path)) or f"{path} could not be written ({error})"
        return f"the disk could not read or write {path} ({error})"
    if code == CANTOPEN:
        return f"{path} cannot be opened ({error})"
    return f"{path}: {error}"


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def read_only_reason(path: Path) -> str:
    """Why the library at ``path`` cannot be written ('' when it can): a read-only file, or
    a folder where its journal cannot be made."""
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file {path} is read-only"
    return ""


__all__ = ["DATABASE_ERRORS", "LibraryError", "explain", "is_damage", "read_only_reason"]
