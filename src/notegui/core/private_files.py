"""Files readable by their owner only (0600): the library, its -wal and -shm, the import's
scratch index and the log, as backups, settings and drafts already are. The mode is set
at creation whatever the umask (a umask of 022 would leave others able to read them where
the home folder is 0755). SQLite gives a database's -wal and -shm the database file's
mode, so a library made 0600 keeps its logs 0600 too.

On Windows the mode bits mean nothing (the folder's ACL decides): nothing is changed."""

from __future__ import annotations

import contextlib
import os
from io import TextIOWrapper
from pathlib import Path

OWNER_ONLY = 0o600
_POSIX = os.name == "posix"


def create_owner_only(path: Path | str) -> None:
    """A new empty file at ``path``, mode 0600 (FileExistsError when there is one)."""
    handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY)
    try:
        if _POSIX:
            os.fchmod(handle, OWNER_ONLY)  # (the umask may have taken bits from it)
    finally:
        os.close(handle)


def open_owner_only(path: Path | str, encoding: str | None = None,
                    errors: str | None = None) -> TextIOWrapper:
    """``path`` opened for appending text; made 0600 if it is new or wider than that."""
    handle = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, OWNER_ONLY)
    try:
        if _POSIX and os.fstat(handle).st_mode & 0o077:
            os.fchmod(handle, OWNER_ONLY)
        return os.fdopen(handle, "a", encoding=encoding, errors=errors)
    except BaseException:
        os.close(handle)
        raise


def narrow(path: Path | str) -> bool:
    """Take the group's and others' permissions off ``path`` when it has any and belongs to
    this user; whether it was changed. A file that is not there, or cannot be changed, is
    left as it is."""
    if not _POSIX:
        return False
    with contextlib.suppress(OSError):
        status = os.stat(path)
        if status.st_mode & 0o077 and status.st_uid == os.getuid():
            os.chmod(path, status.st_mode & 0o700)
            return True
    return False
