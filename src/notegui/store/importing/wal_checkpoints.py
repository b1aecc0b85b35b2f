"""Checkpoints of the write-ahead log in a thread of their own, while a large import runs.

SQLite checkpoints the log (copies its pages into the library file) in the connection that
commits, once the log passes 1,000 pages: a large import's every batch commit did, a
tenth of the import's time, with the import's own thread waiting. Here that connection
leaves them (``wal_autocheckpoint`` 0) and after each commit a thread with a connection of
its own checkpoints what was committed, while the import writes its next batch. A passive
checkpoint never waits for readers or writers; whatever it cannot copy yet, the next one
copies."""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from pathlib import Path

_DEFAULT = 1000  # pages: SQLite's own wal_autocheckpoint


class BackgroundCheckpoints:
    """``committed`` after each commit of ``connection``; ``close`` when done (the
    connection checkpoints on its own again)."""

    def __init__(self, library: Path, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._requests: queue.Queue[bool] = queue.Queue()
        self._thread = threading.Thread(target=self._run, args=(library,),
                                        name="wal-checkpoints", daemon=True)
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        self._thread.start()

    def committed(self) -> None:
        self._requests.put(True)

    def close(self) -> None:
        self._requests.put(False)
        self._thread.join()
        self.connection.execute(f"PRAGMA wal_autocheckpoint = {_DEFAULT}")

    def _run(self, library: Path) -> None:
        checkpointer = None
        with contextlib.suppress(sqlite3.Error):
            checkpointer = sqlite3.connect(library, isolation_level=None)
        try:
            going_on = self._requests.get()
            while going_on:
                while going_on and not self._requests.empty():  # (several: one checkpoint)
                    going_on = self._requests.get()
                if checkpointer is not None:
                    with contextlib.suppress(sqlite3.Error):  # (the next one copies it)
                        checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)")
                if going_on:
                    going_on = self._requests.get()
        finally:
            if checkpointer is not None:
                checkpointer.close()
