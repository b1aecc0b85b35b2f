"""A vault's images (the library's attachments) as a sync moves them (sync/images.py):
those the library holds, by path and digest, written and removed as the remote's come in,
and what was last synced of each (path -> [digest, git blob id], kept in sync_state)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping

from notegui.core import clock
from notegui.core.domain import title_key
from notegui.store.transaction import Transaction

_SYNCED = "images"  # the sync_state entry


def held(connection: sqlite3.Connection) -> dict[str, str]:
    """Path -> digest of every attachment (their bytes not read)."""
    return dict(connection.execute("SELECT path, digest FROM attachment").fetchall())


def data(connection: sqlite3.Connection, path: str) -> bytes | None:
    row = connection.execute("SELECT data FROM attachment WHERE path = ?", (path,)).fetchone()
    return bytes(row[0]) if row is not None else None


def synced(connection: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Path -> (digest, blob id) of each image as last synced."""
    row = connection.execute("SELECT value FROM sync_state WHERE name = ?",
                             (_SYNCED,)).fetchone()
    try:
        found = json.loads(row[0]) if row else {}
        return {path: (pair[0], pair[1]) for path, pair in found.items()}
    except (ValueError, TypeError, IndexError, AttributeError):
        return {}  # (unreadable: every image is compared with the remote's again)


def write(connection: sqlite3.Connection, images: Mapping[str, bytes | None],
          record: Mapping[str, tuple[str, str]]) -> None:
    """The remote's images into the library (None: removed there), and ``record`` as what
    was last synced, in one transaction."""
    stamp = clock.utc_now()
    with Transaction(connection):
        for path, content in images.items():
            if content is None:
                connection.execute("DELETE FROM attachment WHERE path = ?", (path,))
                continue
            connection.execute(
                "INSERT INTO attachment (path, name_key, data, digest, added) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
                "data = excluded.data, digest = excluded.digest, added = excluded.added",
                (path, title_key(path.rpartition("/")[2]), content,
                 hashlib.sha256(content).hexdigest(), stamp))
        connection.execute(
            "INSERT INTO sync_state (name, value) VALUES (?, ?) ON CONFLICT (name) "
            "DO UPDATE SET value = excluded.value",
            (_SYNCED, json.dumps({path: list(pair) for path, pair in sorted(record.items())})))


def digest_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
