"""One notegui window a library: a lock file beside the library, ``<library>.lock``.

Beside the library, not in a per-user folder: SQLite already needs that folder writable
(its -wal and -shm files go there), the lock is found by every process that can reach the
library, also another user's or another computer's on a shared folder, and it needs no key
made from a path. The library's real path is used, so a link to it finds the same lock.

QLockFile writes the holder's process id, program and host into it. A lock left by a process
that crashed or was killed is stale and taken over (stale by age is off: a library may stay
open for weeks); one held by another computer is never taken over. The CLI takes no lock:
SQLite's WAL keeps its writes safe while the app is open."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox, QWidget

from notegui.core.errors import LibraryError
from notegui.core.visible_text import visible
from notegui.gui.i18n import translate
from notegui.gui.plain_text import plain_box
from notegui.gui.window_title import window_title

log = logging.getLogger("notegui")

# Testing hook: "quit" or "open" answers the "already open" question without a dialog
# (an offscreen test has no one to click it).
LOCKED_ANSWER_ENV = "NOTEGUI_LOCKED_ANSWER"


def lock_path(library: Path) -> Path:
    resolved = Path(library).expanduser().resolve()
    return resolved.with_name(resolved.name + ".lock")


class LibraryLock:
    """The lock of one library. Independent objects: make one for each library opened."""

    def __init__(self, library: Path) -> None:
        self.library = Path(library)
        self.path = lock_path(library)
        self._file = QLockFile(str(self.path))
        self._file.setStaleLockTime(0)

    def acquire(self) -> bool:
        """False only while another live notegui process holds the lock. True when this
        process holds it now, and also when no lock file can be made here at all (a read-only
        folder: logged; not a reason to refuse a library)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("no lock for %s: %s", self.library, error)
            return True
        if self._file.tryLock(0):
            return True
        if self._file.error() == QLockFile.LockError.LockFailedError:
            return False
        log.warning("no lock for %s: cannot write %s (%s)", self.library, self.path,
                    self._file.error().name)
        return True

    def holder(self) -> str:
        """Who holds the lock, e.g. "process 1234 on laptop"."""
        pid, host, _program = self._file.getLockInfo()
        if not pid:
            return translate("InstanceLock", "another process")
        if host:
            return translate("InstanceLock", "process {pid} on {host}").format(pid=pid, host=host)
        return translate("InstanceLock", "process {pid}").format(pid=pid)

    def holder_pid(self) -> int:
        return self._file.getLockInfo()[0]

    def release(self) -> None:
        """Let another process open the library (a no-op when not held)."""
        self._file.unlock()


class LibraryLocked(LibraryError):
    """Another notegui process has the library open; ``str()`` says which and what to do."""

    def __init__(self, library: Path, holder: str, ours: bool = False) -> None:
        self.library = library
        self.holder = holder
        if ours:
            message = translate(
                "InstanceLock",
                "{library} is already open in this notegui window.").format(library=library)
        else:
            message = (translate(
                "InstanceLock",
                "{library} is already open in notegui ({holder}). Open it there, or choose "
                "another library.").format(library=library, holder=holder))
        super().__init__(message)


def lock_library(library: Path) -> LibraryLock:
    """The lock of ``library``, held; LibraryLocked when another notegui process (or this
    one) already has the library open. The caller releases it when it closes the library."""
    lock = LibraryLock(library)
    if lock.acquire():
        return lock
    raise LibraryLocked(library, lock.holder(), ours=lock.holder_pid() == os.getpid())


def ask_about_locked_library(error: LibraryLocked, parent: QWidget | None = None) -> str:
    """What to do about a library another notegui has open: 'open' (another library) or
    'quit'. The message also goes to the log and to stderr, for a start from a terminal."""
    log.warning("%s", error)
    print(f"notegui: {visible(str(error))}", file=sys.stderr, flush=True)
    answer = os.environ.get(LOCKED_ANSWER_ENV, "")
    if answer in ("quit", "open"):
        return answer
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(window_title(translate("InstanceLock", "Library already open")))
    plain_box(box, str(error),
              translate("InstanceLock", "A library is opened by one notegui at a time, so "
                        "that no change is lost between two windows."))
    open_other = box.addButton(translate("InstanceLock", "Open Another Library…"),
                               QMessageBox.ButtonRole.AcceptRole)
    quit_ = box.addButton(translate("InstanceLock", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(quit_)
    box.setEscapeButton(quit_)
    box.exec()
    return "open" if box.clickedButton() is open_other else "quit"
