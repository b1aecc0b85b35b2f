"""The error types the store lets out, and the database errors it turns into them."""

import sqlite3

import peewee

# What SQLite can raise, directly or wrapped by peewee.
DATABASE_ERRORS = (sqlite3.Error, peewee.DatabaseError, peewee.InterfaceError)


class LibraryError(Exception):
    """The library cannot be opened or written; ``str()`` says what, where and why."""
