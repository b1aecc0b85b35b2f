"""What an import needs of the library it writes into: ``SqliteLibrary`` is the one, and
the importing package never imports it (it sits below the facade, as store/note_editor.py
does; an import-linter contract holds it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from notegui.core.health import Health
from notegui.store.busy import Say
from notegui.store.db import Database

_T = TypeVar("_T")


class ImportTarget(Protocol):
    path: Path
    on_wait: Say  # told when a write waits for another process
    db: Database

    def health(self) -> Health: ...

    def count(self) -> int: ...

    def refuse_writes(self, wait: bool = False) -> None:
        """LibraryError when the library must not be written (damaged, read-only)."""

    def in_transaction(self, write: Callable[..., _T], connection: sqlite3.Connection,
                       *args: object) -> _T:
        """``write`` in a transaction of its own: the one way the store writes."""
