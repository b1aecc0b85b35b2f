"""The database errors the store turns into ``LibraryError`` (defined in core, so the GUI
can catch it without knowing the store)."""

import sqlite3

import peewee

from notegui.core.errors import LibraryError

# What SQLite can raise, directly or wrapped by peewee.
DATABASE_ERRORS = (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError)

__all__ = ["DATABASE_ERRORS", "LibraryError"]
