"""Closing a library closes its connections in every thread (issue 16: after File ▸ Open
Library the first library kept the search threads' 2 connections, 6 open files, for the
life of the process). Counted from the process's open files."""

from __future__ import annotations

import sys
import threading

import pytest

from conftest import SAMPLE
from notegui.store.library import SqliteLibrary
from open_files import open_files

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_closing_a_library_closes_the_connections_of_threads_still_running(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = SqliteLibrary(path)
    library.import_bytes(SAMPLE.read_bytes(), "sample.txt")
    searched, done = threading.Barrier(3), threading.Event()

    def search_then_wait() -> None:  # (as the window's search threads live on)
        library.search("reasoning")
        searched.wait()
        done.wait()

    threads = [threading.Thread(target=search_then_wait) for _ in range(2)]
    for thread in threads:
        thread.start()
    searched.wait()
    assert len(open_files(path)) >= 6  # (three connections: database, -wal, -shm each)
    library.close()
    try:
        assert open_files(path) == []
    finally:
        done.set()
        for thread in threads:
            thread.join()


def test_the_connection_of_a_thread_that_ended_is_closed_at_the_next_one(tmp_path):
    path = tmp_path / "library.sqlite3"
    with SqliteLibrary(path) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample.txt")
        own = len(open_files(path))
        for _ in range(5):
            thread = threading.Thread(target=lambda: library.search("reasoning"))
            thread.start()
            thread.join()
        library.search("transfer")
        assert len(open_files(path)) <= own + 3  # (at most the last thread's, until then)
