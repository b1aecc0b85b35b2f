"""One way to hold a transaction on the library: ``Transaction``.

Every write transaction begins with ``BEGIN IMMEDIATE``, which takes the write lock first
(so in WAL mode nothing after it can find the library busy), waiting for another writer as
busy.py says and telling ``say`` once when it must; it commits when its block ends and rolls
back when the block raises anything, or after ``discard()`` (a write that turned out to
change nothing, a check that only reads under the lock). Transactions do not nest: SQLite
has one per connection, and a block that began inside another's would commit or roll back
its writes with it, so entering one on a connection already in a transaction is refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from notegui.store import busy


class Transaction:
    """``with Transaction(connection, say) as transaction: ...``: one transaction.

    ``say``: told when the write must wait for another process (busy.begin); None begins
    at once, failing as SQLite does after the connection's busy timeout (the callers that
    report that themselves: a restore, a migration, a salvage). ``patience``: seconds to
    wait in all (busy.PATIENCE by default). ``lock=False``: a plain ``BEGIN`` (reads only,
    on a library that cannot be written). ``begun`` tells a caller whether a failure came
    from beginning (nothing to roll back) or from the block."""

    def __init__(self, connection: sqlite3.Connection, say: busy.Say | None = busy.say_in_log,
                 patience: float | None = None, lock: bool = True) -> None:
        self.connection = connection
        self._say = say
        self._patience = patience
        self._lock = lock
        self.begun = False
        self._discarded = False

    def __enter__(self) -> Transaction:
        if self.connection.in_transaction:
            raise RuntimeError("a transaction is already open on this connection: "
                               "transactions do not nest")
        if not self._lock:
            self.connection.execute("BEGIN")
        elif self._say is None:
            self.connection.execute("BEGIN IMMEDIATE")
        else:
            busy.begin(self.connection, self._say, self._patience)
        self.begun = True
        return self

    def discard(self) -> None:
        """Roll back when the block ends, rather than commit."""
        self._discarded = True

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        connection = self.connection
        if kind is not None or self._discarded:
            self._roll_back()
            return
        try:
            connection.execute("COMMIT")
        except BaseException:
            self._roll_back()
            raise

    def _roll_back(self) -> None:
        # (SQLite may have rolled back already: on SQLITE_FULL, IOERR, NOMEM, BUSY in a
        # commit; a ROLLBACK then would raise over the error that says why)
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")


@contextmanager
def foreign_keys_off(connection: sqlite3.Connection) -> Iterator[None]:
    """SQLite's foreign key checks off in the block, as they were after it: for writes
    whose every key is known to exist. Between transactions only (SQLite ignores the
    pragma inside one): refused inside one."""
    if connection.in_transaction:
        raise RuntimeError("foreign keys cannot be turned off inside a transaction")
    was_on = connection.execute("PRAGMA foreign_keys").fetchone()[0]
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if was_on:
            connection.execute("PRAGMA foreign_keys = ON")
