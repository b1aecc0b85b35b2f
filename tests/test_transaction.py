"""The store's one transaction helper (store/transaction.py): it commits a block that ends,
rolls back one that raises midway (the error goes on to the caller), rolls back a discarded
one, refuses to nest, and waits for another connection's write lock, telling its ``say``."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from notegui.store import busy
from notegui.store.library import SqliteLibrary
from notegui.store.transaction import Transaction, foreign_keys_off


def _tags(path) -> list[str]:
    with sqlite3.connect(path) as other:  # (another connection: sees only what committed)
        return [name for (name,) in other.execute("SELECT name FROM tag ORDER BY name")]


def test_a_block_that_ends_is_committed(library: SqliteLibrary):
    connection = library.db.connection()
    with Transaction(connection):
        connection.execute("INSERT INTO tag (name) VALUES ('kept')")
        assert _tags(library.path) == []  # (not before the block ends)
    assert _tags(library.path) == ["kept"]
    assert not connection.in_transaction


def test_a_block_that_raises_midway_is_rolled_back_and_the_error_goes_on(
        library: SqliteLibrary):
    connection = library.db.connection()
    with pytest.raises(ZeroDivisionError), Transaction(connection):
        connection.execute("INSERT INTO tag (name) VALUES ('first')")
        1 / 0  # noqa: B018 (a failure between two writes)
        connection.execute("INSERT INTO tag (name) VALUES ('second')")
    assert _tags(library.path) == []
    assert not connection.in_transaction
    with Transaction(connection):  # (the connection is usable again)
        connection.execute("INSERT INTO tag (name) VALUES ('after')")
    assert _tags(library.path) == ["after"]


def test_a_discarded_block_is_rolled_back(library: SqliteLibrary):
    connection = library.db.connection()
    with Transaction(connection) as transaction:
        connection.execute("INSERT INTO tag (name) VALUES ('unchanged')")
        transaction.discard()
    assert _tags(library.path) == []
    assert not connection.in_transaction


def test_transactions_do_not_nest(library: SqliteLibrary):
    connection = library.db.connection()
    with Transaction(connection):
        connection.execute("INSERT INTO tag (name) VALUES ('outer')")
        inner = Transaction(connection)
        with pytest.raises(RuntimeError, match="do not nest"), inner:
            pass
        assert not inner.begun
    assert _tags(library.path) == ["outer"]  # (the outer one is whole)


def test_a_write_waits_for_another_connections_lock_and_says_so(library: SqliteLibrary):
    holder = sqlite3.connect(library.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the library
    said: list[str] = []
    told = threading.Event()
    finished: list[BaseException | None] = []

    def say(message: str) -> None:
        said.append(message)
        told.set()

    def write() -> None:
        try:
            with SqliteLibrary(library.path) as other:  # (its own connection, this thread)
                connection = other.db.connection()
                with Transaction(connection, say):
                    connection.execute("INSERT INTO tag (name) VALUES ('waited')")
            finished.append(None)
        except BaseException as error:
            finished.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert told.wait(30), "the waiting writer never said so"
        assert _tags(library.path) == []  # still waiting
        assert not finished
    finally:
        holder.execute("COMMIT")
        holder.close()
        writer.join(30)
    assert finished == [None]
    assert said == [busy.WAITING]
    assert _tags(library.path) == ["waited"]


def test_a_failed_beginning_is_told_apart(library: SqliteLibrary):
    holder = sqlite3.connect(library.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    connection = library.db.connection()
    connection.execute("PRAGMA busy_timeout = 50")
    transaction = Transaction(connection, say=None)  # (no waiting beyond the busy timeout)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"), transaction:
            pass
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        connection.execute("PRAGMA busy_timeout = 5000")
    assert not transaction.begun
    assert not connection.in_transaction


def test_foreign_keys_are_off_only_in_their_block_and_never_inside_a_transaction(
        library: SqliteLibrary):
    connection = library.db.connection()

    def checked() -> int:
        return connection.execute("PRAGMA foreign_keys").fetchone()[0]

    with foreign_keys_off(connection):
        assert checked() == 0
        with Transaction(connection):  # (a link to no note goes in: nothing checks it)
            connection.execute("INSERT INTO link (source_id, target_id, ordinal) "
                               "VALUES (998, 999, 1)")
        connection.execute("DELETE FROM link")
    assert checked() == 1
    with pytest.raises(sqlite3.IntegrityError), Transaction(connection):
        connection.execute("INSERT INTO link (source_id, target_id, ordinal) VALUES (998, 999, 1)")
    with (Transaction(connection), pytest.raises(RuntimeError, match="inside a transaction"),
          foreign_keys_off(connection)):
        pass  # (SQLite would ignore the pragma here, silently)
    assert checked() == 1
