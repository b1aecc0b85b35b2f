"""The library, its -wal and -shm, the import's scratch index and the log are readable by
their owner only (0600) however permissive the umask, as backups, settings and drafts are.
A library notegui made earlier in its own data folder is narrowed to 0600; one elsewhere
keeps the mode it was given."""

from __future__ import annotations

import logging
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import SAMPLE, write_note
from notegui import app
from notegui.core import paths
from notegui.store.importing.side_index import SideIndex, scratch_path
from notegui.store.library import SqliteLibrary

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


@pytest.fixture(autouse=True)
def permissive_umask():
    """022: what most systems give, under which a plain open() makes files 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_library_and_its_wal_and_shm_are_owner_only(tmp_path):
    path = tmp_path / "library.sqlite3"
    with SqliteLibrary(path) as library:
        list(library.import_paths([SAMPLE]))
        library.import_bytes(SAMPLE.read_bytes().replace(b"numbers", b"digits"), "b.txt")
        wal, shm = path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
        assert wal.exists() and shm.exists()
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    assert mode(path) == 0o600


def test_the_demo_library_of_a_first_start_is_owner_only(tmp_path):
    path = tmp_path / "deep" / "demo.sqlite3"
    app.create_demo_library(path).close()
    assert mode(path) == 0o600


def test_an_empty_file_standing_for_a_new_library_becomes_owner_only(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.touch(0o644)
    SqliteLibrary(path).close()
    assert mode(path) == 0o600


def test_the_scratch_index_of_a_large_import_is_owner_only(tmp_path):
    path = tmp_path / "library.sqlite3"
    SqliteLibrary(path).close()
    index = SideIndex(path)
    try:
        index.add_all()
        assert index.wait()
        assert mode(scratch_path(path)) == 0o600
    finally:
        index.discard()


def test_a_library_elsewhere_keeps_its_mode(tmp_path):
    """Elsewhere (a folder shared with a group, say) the mode is the owner's choice."""
    path = tmp_path / "shared.sqlite3"
    SqliteLibrary(path).close()
    path.chmod(0o640)
    SqliteLibrary(path).close()
    assert mode(path) == 0o640


def test_an_earlier_library_in_the_data_folder_is_narrowed(tmp_path):
    path = paths.default_library()
    SqliteLibrary(path).close()
    path.chmod(0o644)  # as notegui made it before
    with SqliteLibrary(path) as library:
        library.import_bytes(SAMPLE.read_bytes(), "sample.txt")
        assert mode(path) == 0o600
        assert mode(path.with_name(path.name + "-wal")) == 0o600


@contextmanager
def app_logging():
    """The app's logging set up as at its start; its handlers taken off again after."""
    logger = logging.getLogger("notegui")
    before = list(logger.handlers)
    log_file = app.setup_logging(debug=False)
    added = [h for h in logger.handlers if h not in before]
    try:
        yield logger, log_file, added
    finally:
        for handler in added:
            logger.removeHandler(handler)
            handler.close()


def test_the_log_is_owner_only_and_stays_so_after_rotation(tmp_path):
    folder = paths.log_dir()
    folder.mkdir(parents=True)
    (folder / "notegui.log.1").write_text("an earlier notegui's\n")
    (folder / "notegui.log.1").chmod(0o644)
    with app_logging() as (logger, log_file, added):
        logger.warning("a title: %s", "Why?")
        assert log_file is not None and mode(log_file) == 0o600
        assert mode(folder / "notegui.log.1") == 0o600
        added[0].doRollover()
        logger.warning("after the rotation")
        assert mode(log_file) == 0o600
        assert mode(folder / "notegui.log.1") == 0o600


def test_an_existing_wider_log_is_narrowed(tmp_path):
    folder = paths.log_dir()
    folder.mkdir(parents=True)
    (folder / "notegui.log").write_text("old\n")
    (folder / "notegui.log").chmod(0o644)
    with app_logging():
        assert mode(folder / "notegui.log") == 0o600


def test_a_note_file_imported_is_not_touched(tmp_path):
    note = write_note(tmp_path, "n.txt", SAMPLE.read_text(encoding="utf-8"))
    note.chmod(0o644)
    with SqliteLibrary(tmp_path / "l.sqlite3") as library:
        list(library.import_paths([note]))
    assert mode(note) == 0o644
