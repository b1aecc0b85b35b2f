"""A lock held while an import runs, so that another process opening the library can tell
an import cut short (whose staged links it should finish) from one under way (which will
finish them itself, and whose next batch would otherwise wait behind that work and fail).

It is an operating-system lock on a small file beside the library (``LIBRARY-import``):
the system drops it when the process ends, however it ends."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO

if os.name == "nt":
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


class ImportLock:
    def __init__(self, library: Path) -> None:
        self.path = Path(f"{library}-import")
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock if no other import holds it; False if one does (or the file
        cannot be made: then nothing can be told, and the caller goes on without it)."""
        if self._file is not None:
            return True
        try:
            file = open(self.path, "a+b")  # noqa: SIM115 (held open while locked)
        except OSError:
            return False
        if not _try_lock(file):
            file.close()
            return False
        self._file = file
        return True

    def release(self) -> None:
        if self._file is None:
            return
        with contextlib.suppress(OSError):  # (Windows keeps a file that is open)
            self.path.unlink(missing_ok=True)  # before closing: no one else holds it
        self._file.close()  # closing drops the lock
        self._file = None
