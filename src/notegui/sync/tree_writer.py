"""The files a sync writes into the repository, gathered as it goes: each note's file and
annotation file compared with the remote's tree (only what differs is written), their
contents turned into blobs a batch at a time (a first sync of 100,000 notes never holds
them all), and the rows the library keeps of what it synced."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from notegui.store import sync_rows
from notegui.sync.repository import Repository

_BATCH_BYTES = 16 * 1024 * 1024  # file contents held before they are written as blobs


def git_blob_id(data: bytes) -> str:
    """The id git gives a file's content (hex), without writing it."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@dataclass
class TreeWriter:
    """Changes to the remote's tree (``tree``: path -> blob id, as fetched)."""

    repository: Repository
    tree: Mapping[str, bytes]
    changes: dict[str, bytes | None] = field(default_factory=dict)  # path -> blob id or None
    synced: list[sync_rows.Synced] = field(default_factory=list)
    unsynced: list[str] = field(default_factory=list)
    _pending: dict[str, bytes] = field(default_factory=dict)
    _size: int = 0
    _filled: set[str] = field(default_factory=set)  # paths given a file by this sync
    _storing: Callable[[], None] | None = None  # stores the batch being compressed

    def put(self, path: str, data: bytes | None) -> str:
        """The file at ``path`` is ``data`` (None: no file); its blob id ('' for none)."""
        blob = git_blob_id(data) if data is not None else ""
        if data is not None:
            self._filled.add(path)
        held = self.tree.get(path)
        if (held.decode("ascii") if held else "") == blob:
            self.changes.pop(path, None)
            self._pending.pop(path, None)
            return blob
        if data is None:
            self.changes[path] = None
            self._pending.pop(path, None)
            return blob
        self._pending[path] = data
        self._size += len(data)
        if self._size >= _BATCH_BYTES:
            self.flush()
        return blob

    def remove(self, path: str) -> None:
        """No file at ``path`` (a note's old path), unless this sync put one there."""
        if path in self._filled:
            return
        if path in self.tree:
            self.changes[path] = None

    def flush(self) -> None:
        """The files held so far handed to the repository, compressed while the sync goes
        on (one batch at a time: the one before is stored first)."""
        self._store()
        if not self._pending:
            return
        paths = list(self._pending)
        ids, self._storing = self.repository.start_blobs([self._pending[p] for p in paths])
        self.changes.update(zip(paths, ids, strict=True))
        self._pending.clear()
        self._size = 0

    def changed(self) -> bool:
        """Whether the tree changed, every file given so far stored in the repository."""
        self.flush()
        self._store()
        return bool(self.changes)

    def _store(self) -> None:
        storing, self._storing = self._storing, None
        if storing is not None:
            storing()
