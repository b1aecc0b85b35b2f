"""A lock held while an import or a check runs, so that they take turns on a library, and so
that another process opening the library can tell an import cut short (whose staged links
it should finish, and whose scratch index file it removes) from one under way (which will
finish them itself).

Imports take turns because what an import keeps between its transactions is the library's
alone: its citations staged in ``import_citation`` (another import resolving them would
link them before their stubs are made, or twice), and its scratch index file. A check
takes its turn so that it never sees an import half done (links still staged, the index
deferred), and ``check --repair`` never rebuilds the index under one. Edits do not take
turns: they wait only for the transaction under way (busy.py).

It is an operating-system lock on a small file beside the library (``LIBRARY-import``):
the system drops it when the process ends, however it ends."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

WAITING = "another notegui process is importing into or checking this library: waiting…"

if sys.platform == "win32":
    import msvcrt

    def _try_lock(file: IO[bytes]) -> bool:
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(file: IO[bytes]) -> bool:
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


def _still_there(file: IO[bytes], path: Path) -> bool:
    """Whether ``path`` is still the file locked: a holder removes it as it lets go, so a
    lock won on the removed file is no lock (a third process has made a new one)."""
    if sys.platform == "win32":  # (Windows removes no file that is open: it is still there)
        return True
    try:
        found, held = os.stat(path), os.fstat(file.fileno())
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (held.st_dev, held.st_ino)


class ImportLock:
    def __init__(self, library: Path) -> None:
        self.path = Path(f"{library}-import")
        self._file: IO[bytes] | None = None
        self.unavailable = False  # (the file cannot be made: nothing can be told)

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock if no other process holds it; False if one does (or the file
        cannot be made: ``unavailable``, and the caller goes on without it)."""
        if self._file is not None:
            return True
        while True:
            try:
                file = open(self.path, "a+b")  # noqa: SIM115 (held open while locked)
            except OSError:
                self.unavailable = True
                return False
            if not _try_lock(file):
                file.close()
                return False
            if _still_there(file, self.path):
                self._file = file
                return True
            file.close()

    def wait(self, say: Callable[[str], None], poll: float = 0.25) -> bool:
        """Take the lock, waiting as long as another process holds it (``say`` is told
        once). False only when the lock file cannot be made."""
        said = False
        pause = 0.01
        while not self.acquire():
            if self.unavailable:
                return False
            if not said:
                say(WAITING)
                said = True
            time.sleep(pause)
            pause = min(pause * 2, poll)
        return True

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):  # (Windows keeps a file that is open)
            self.path.unlink(missing_ok=True)  # before closing: no one else holds it
        self._file.close()  # closing drops the lock
        self._file = None
