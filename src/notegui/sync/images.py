"""A vault's images in a sync: the library's attachments beside their notes' files, at their
paths (so a clone shows them as the vault did). Each side's changes since the last sync
are taken by the other; an image changed on both sides keeps this library's (an image does
not merge), and the report says so."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from notegui.core.sync_model import SyncReport
from notegui.store import sync_images
from notegui.sync.paths import Kind, kind
from notegui.sync.repository import Repository
from notegui.sync.tree_writer import TreeWriter


class Images:
    """One sync's images: ``send`` before the commit, ``take`` after the push."""

    def __init__(self, connection: sqlite3.Connection, repository: Repository,
                 changed: Mapping[str, tuple[bytes | None, bytes | None]]) -> None:
        self.connection = connection
        self.repository = repository
        self.remote = {path: pair for path, pair in changed.items()
                       if kind(path) is Kind.IMAGE}
        self.record = sync_images.synced(connection)
        self.incoming: dict[str, bytes | None] = {}

    def send(self, writer: TreeWriter, report: SyncReport) -> None:
        held = sync_images.held(self.connection)
        mine = {path for path, digest in held.items()
                if self.record.get(path, ("", ""))[0] != digest}
        mine |= {path for path in self.record if path not in held}  # (removed here)
        for path in sorted(mine):
            if path in self.remote and path in held:
                report.merged.append(f"{path}: changed on both sides: this library's kept")
            content = sync_images.data(self.connection, path) if path in held else None
            blob = writer.put(path, content)
            if content is None:
                self.record.pop(path, None)
                report.sent.append(f"{path}: removed (sent)")
            else:
                self.record[path] = (sync_images.digest_of(content), blob)
                report.sent.append(f"{path}: image (sent)")
        for path, (_old, new) in sorted(self.remote.items()):
            if path in mine:
                continue
            if new is None:
                self.incoming[path] = None
                self.record.pop(path, None)
                report.received.append(f"{path}: removed (received)")
            else:
                content = self.repository.read(new)
                self.incoming[path] = content
                self.record[path] = (sync_images.digest_of(content), new.decode("ascii"))
                report.received.append(f"{path}: image (received)")

    def take(self) -> None:
        """The remote's images into the library, and the record of what was synced."""
        if self.incoming or self.record != sync_images.synced(self.connection):
            sync_images.write(self.connection, self.incoming, self.record)
