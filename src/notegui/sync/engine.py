"""One library's sync through git (``core.ports.Sync``): the library's changes since the last
sync and the remote's, each note merged three ways, one commit on top of the remote's, a
push, then the library's side in one transaction. docs/sync.md says why in this order: the
library is untouched until the remote has the result, so a sync that fails or is killed
anywhere leaves nothing half done, and the next sync completes it (objects are
content-addressed; the base moves only with the library's commit)."""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from notegui.core import clock
from notegui.core.sync_model import (
    SyncError,
    SyncNote,
    SyncReport,
    SyncSettings,
    SyncStatus,
)
from notegui.store import sync_rows
from notegui.store.errors import DATABASE_ERRORS, LibraryError
from notegui.store.importing.import_lock import ImportLock
from notegui.store.library import SqliteLibrary
from notegui.sync import note_file
from notegui.sync.paths import Kind, kind

log = logging.getLogger("notegui")

ATTEMPTS = 5  # fetch-merge-push rounds before giving up on a remote that keeps moving


def repository_path(library: Path) -> Path:
    """The library's own bare repository, beside it (machine-local, never pushed as such)."""
    return Path(f"{library}.sync.git")


class GitSync:
    """``core.ports.Sync`` for a SqliteLibrary."""

    def __init__(self, library: SqliteLibrary, author: str = "") -> None:
        self.library = library
        self.path = repository_path(library.path)
        self.author = author or f"notegui on {socket.gethostname()} <notegui@localhost>"

    # -- settings and status (no network) --------------------------------------------------

    def settings(self) -> SyncSettings:
        return sync_rows.settings(self._connection())

    def set_settings(self, settings: SyncSettings) -> None:
        self.library.refuse_writes()
        sync_rows.set_settings(self._connection(), settings)

    def status(self, fetch: bool = False) -> SyncStatus:
        connection = self._connection()
        settings = sync_rows.settings(connection)
        state = sync_rows.state(connection)
        dirty, _conflicts = sync_rows.counts(connection)
        behind = 0
        if fetch and settings.remote:
            from notegui.sync.repository import Repository  # (as in sync)

            with Repository.open_or_init(self.path) as repository:
                head = repository.fetch(settings.remote)
                base = state["base"].encode("ascii") if state.get("base") else None
                if head is not None and head != base:
                    behind = sum(1 for path in repository.diff(base, head)
                                 if kind(path) in (Kind.OWN_NOTE, Kind.VAULT_NOTE))
        return SyncStatus(settings.remote, state.get("last_sync", ""),
                          state.get("last_result", ""), dirty, behind,
                          tuple(sync_rows.conflicts(connection)))

    def settle(self, uid: str, keep: str, text: str = "") -> None:
        """Settle a conflict: keep mine, take theirs, or a merge written by the user (the
        note's file text, as the conflict shows it)."""
        if keep not in ("mine", "theirs", "merged"):
            raise ValueError(f"keep: {keep!r} is not mine, theirs or merged")
        connection = self._connection()
        conflict = next((c for c in sync_rows.conflicts(connection) if c.uid == uid), None)
        if conflict is None:
            raise ValueError(f"no conflict of note {uid}")
        chosen: SyncNote | None = None
        if keep != "mine":
            data = (conflict.theirs if keep == "theirs" else text).encode("utf-8")
            chosen = replace(note_file.parse(data, "", {}), uid=uid)
        self.library.refuse_writes()
        sync_rows.settle(connection, uid, keep, chosen)

    # -- a sync ----------------------------------------------------------------------------

    def sync(self, should_stop: Callable[[], bool] = lambda: False) -> SyncReport:
        settings = self.settings()
        if not settings.remote:
            raise SyncError("not-set-up", "no remote to sync with: give one with "
                            "`notegui sync --remote URL` or File ▸ Sync Settings…")
        # (git, its transports and the merge are imported when a sync runs: they took 0.1
        # to 0.3 s of each window's start, which asks only the settings)
        from notegui.sync import sync_round
        from notegui.sync.repository import Repository
        from notegui.sync.transport import Rejected

        self.library.refuse_writes()
        lock = ImportLock(self.path)  # (one sync of a library at a time, in any process)
        if not lock.acquire():
            raise SyncError("busy", "another notegui is syncing this library: try again "
                            "when it is done")
        try:
            for _attempt in range(ATTEMPTS):
                try:
                    with Repository.open_or_init(self.path) as repository:
                        report = sync_round.run(self._connection(), repository,
                                                settings.remote, self.author, should_stop)
                        repository.maintain()  # (its loose trees packed once they pile up)
                except (Rejected, sync_rows.LibraryMoved):
                    continue  # (the remote moved meanwhile, or a note was edited here)
                self._record(clock.utc_now(), "")
                return report
            raise SyncError("rejected", f"{settings.remote} kept changing during the sync: "
                            "try again")
        except SyncError as error:
            self._record("", str(error))
            raise
        finally:
            lock.release()

    def _record(self, when: str, result: str) -> None:
        try:
            if when:
                sync_rows.set_state(self._connection(), last_sync=when, last_result=result)
            else:
                sync_rows.set_state(self._connection(), last_result=result)
        except (*DATABASE_ERRORS, LibraryError) as error:  # (the sync's outcome matters more)
            log.warning("the sync's result could not be kept: %s", error)

    def _connection(self) -> sqlite3.Connection:
        return self.library.db.connection()
