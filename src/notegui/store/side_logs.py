"""The files SQLite keeps beside a library (``-wal``, ``-journal``), checked before SQLite
sees them. SQLite applies a WAL, or plays a rollback journal back, into whatever database
it finds them beside: a stale or foreign one would overwrite the library's pages (issue 14:
a foreign WAL left a library empty). One that does not belong is moved aside, as
``<library>.rejected-wal`` or ``.rejected-journal``, and said once; the library then opens
as it was. Nothing is judged while another process has the library open: its logs are live.

Only the files' headers and a few pages are read here; whether the library *with* a WAL is
a sound notegui library is tried by the caller (db.py), through a read-only connection."""

from __future__ import annotations

import logging
import os
import struct
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

log = logging.getLogger("notegui")

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_VERSION = 3007000
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
_APPLICATION_ID_AT, _CHANGE_COUNTER_AT, _PAGE_SIZE_AT = 68, 24, 16
_DMS_BYTE = 128  # SQLite's "dead man switch" in -shm: every connection holds it shared
_PENDING_BYTE = 0x40000000  # SQLite's lock bytes in the database file (rollback mode)


def side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


@dataclass(frozen=True)
class DbHeader:
    """What the library file's own first page says."""

    page_size: int
    change_counter: int
    application_id: int
    wal_mode: bool

    @classmethod
    def of(cls, page: bytes) -> DbHeader:
        size = int.from_bytes(page[_PAGE_SIZE_AT:_PAGE_SIZE_AT + 2], "big")
        return cls(65536 if size == 1 else size,
                   int.from_bytes(page[_CHANGE_COUNTER_AT:_CHANGE_COUNTER_AT + 4], "big"),
                   int.from_bytes(page[_APPLICATION_ID_AT:_APPLICATION_ID_AT + 4], "big"),
                   page[18] == 2 and page[19] == 2)


def has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


# -- who has the library open ---------------------------------------------------------------


def in_use_elsewhere(path: Path) -> bool:
    """Whether another process has the library open (its logs are then live: never judged).
    A WAL connection holds a shared lock on -shm's DMS byte for as long as it is open; a
    rollback-mode writer holds locks on the database file's lock bytes. Where locks cannot
    be asked about (not POSIX), any -shm counts as in use."""
    try:
        import fcntl
    except ImportError:
        return side(path, "-shm").exists()
    return (_locked(fcntl, side(path, "-shm"), _DMS_BYTE, 1)
            or _locked(fcntl, path, _PENDING_BYTE, 512))


def _locked(fcntl: ModuleType, path: Path, start: int, length: int) -> bool:
    """Whether another process holds a lock on those bytes (F_GETLK only asks: this process
    takes no lock, and sees none of its own). Called only while this process has no
    connection to the file: closing the descriptor drops a process's locks on it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # (cannot tell: assume it is)
    try:
        asked = _flock(fcntl, fcntl.F_WRLCK, start, length)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, asked)
        kind = (struct.unpack("qqihh", answer)[3] if sys.platform == "darwin"
                else struct.unpack("hhqqi", answer)[0])
        return kind != fcntl.F_UNLCK
    except OSError:
        return True
    finally:
        os.close(fd)


@contextmanager
def alone(path: Path) -> Iterator[bool]:
    """Whether no connection to the library exists, kept true while inside: -shm's DMS byte
    held exclusively (every WAL connection holds it shared for its whole life, and one that
    starts meanwhile finds it taken). Files beside a library are only ever renamed or
    removed inside: a -wal or -shm removed under a connection another process had just
    opened left two processes with different logs of one library, which damages it. Where
    locks cannot be taken (not POSIX, a read-only place), whether none was seen open."""
    try:
        import fcntl
    except ImportError:
        yield not in_use_elsewhere(path)
        return
    shm = side(path, "-shm")
    made = not shm.exists()
    try:
        mode = os.stat(path).st_mode & 0o666
        fd = os.open(shm, os.O_RDWR | os.O_CREAT, mode)
    except OSError:
        yield not in_use_elsewhere(path)
        return
    try:
        try:
            fcntl.fcntl(fd, fcntl.F_SETLK, _flock(fcntl, fcntl.F_WRLCK, _DMS_BYTE, 1))
        except OSError:
            yield False  # (a connection holds it)
            return
        yield not _locked(fcntl, path, _PENDING_BYTE, 512)  # (nor a rollback-mode writer)
        if made:  # (made here to be locked: gone again, before the lock is let go)
            with suppress(OSError):
                shm.unlink()
    finally:
        os.close(fd)


def _flock(fcntl: ModuleType, kind: int, start: int, length: int) -> bytes:
    if sys.platform == "darwin":  # (struct flock's fields in another order)
        return struct.pack("qqihh", start, length, 0, kind, os.SEEK_SET)
    return struct.pack("hhqqi", kind, os.SEEK_SET, start, length, 0)


# -- WAL --------------------------------------------------------------------------------------


def wal_problem(path: Path, header: bytes) -> str:
    """Why the WAL beside ``path`` cannot belong to it ('' when nothing says so). Reads its
    header and its copies of page 1 (``header``: the library file's first 100 bytes). The
    page size must be the library's, and page 1 a notegui library's. SQLite adds one to the
    change counter each time it writes page 1, so the copies in the WAL's current frames
    count on from the file's state when that WAL began: the file's own counter is one less
    than the first copy's (nothing copied back yet), or that of a copy whose header it then
    holds byte for byte (copied back by a checkpoint). Anything else is another database's
    WAL, or this one's from another time."""
    wal = side(path, "-wal")
    ours = DbHeader.of(header)
    try:
        with wal.open("rb") as stream:
            head = stream.read(32)
            if len(head) < 32:
                return ""  # (SQLite ignores it)
            magic, version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", head[:24])
            if magic not in WAL_MAGIC or version != WAL_VERSION:
                return ""  # not a WAL: SQLite ignores it, and writes over it
            if page_size != ours.page_size:
                return (f"its pages are of {page_size} bytes, the library's of "
                        f"{ours.page_size}")
            copies = _copies_of_page_one(stream, page_size, salt1, salt2)
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"
    if not copies:
        return ""
    if any(DbHeader.of(copy).application_id != ours.application_id for copy in copies):
        return "its copy of the first page is not this library's"
    first = DbHeader.of(copies[0]).change_counter
    if ours.change_counter == (first - 1) & 0xFFFFFFFF:
        return ""
    if any(copy == header[:100] for copy in copies):
        return ""
    if ours.change_counter > DbHeader.of(copies[-1]).change_counter:
        return "it is older than the library (a log left from before)"
    return "it does not continue the library as it is (a log of another copy of it)"


def _copies_of_page_one(stream: BinaryIO, page_size: int, salt1: int, salt2: int
                        ) -> list[bytes]:
    """The headers of the copies of page 1 in the committed frames of this WAL's current
    generation (their salts are the header's; frames after the last commit, or of an older
    generation further on, are not applied by SQLite, and a crash may have torn them)."""
    committed: list[bytes] = []
    pending: list[bytes] = []
    while True:
        frame = stream.read(24)
        if len(frame) < 24:
            return committed
        page_number, size_after, frame_salt1, frame_salt2 = struct.unpack(">4I", frame[:16])
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            return committed
        if page_number == 1:
            pending.append(stream.read(100))
            stream.seek(page_size - 100, os.SEEK_CUR)
        else:
            stream.seek(page_size, os.SEEK_CUR)
        if size_after:  # a commit frame: its transaction's copies count
            committed.extend(pending)
            pending.clear()


# -- rollback journal -----------------------------------------------------------------------


def journal_problem(path: Path, first_page: bytes) -> str:
    """Why the rollback journal beside ``path`` cannot belong to it ('' when nothing says
    so). A notegui library is in WAL mode (a rollback journal then belongs to nothing);
    a new one is made in rollback mode, whose journal must have its page size, and a saved
    page 1 of a notegui library if it saved one."""
    journal = side(path, "-journal")
    header = DbHeader.of(first_page)
    try:
        with journal.open("rb") as stream:
            head = stream.read(28)
            if not head or head[0] == 0:
                return ""  # (not a live journal: SQLite does not play it back)
            if header.wal_mode:
                return "the library keeps a WAL, not a rollback journal"
            if len(head) < 28 or head[:8] != JOURNAL_MAGIC:
                return "it is not a SQLite rollback journal"
            sector, page_size = struct.unpack(">II", head[20:28])
            if page_size != header.page_size:
                return (f"its pages are of {page_size} bytes, the library's of "
                        f"{header.page_size}")
            if not 512 <= sector <= 65536:
                return "its header is damaged"
            stream.seek(sector)
            while True:
                number = stream.read(4)
                if len(number) < 4:
                    return ""
                page = stream.read(page_size + 4)
                if len(page) < page_size + 4:
                    return ""
                if int.from_bytes(number, "big") == 1:
                    if DbHeader.of(page[:100]).application_id != header.application_id:
                        return "its copy of the first page is not this library's"
                    return ""
    except OSError as error:
        return f"it cannot be read ({error.strerror or error})"


# -- moving aside ---------------------------------------------------------------------------


def move_aside(path: Path, suffix: str) -> Path:
    """Rename the library's ``suffix`` file (``-wal``, ``-journal``) to
    ``<library>.rejected-wal`` (a number added if that exists): kept, never applied. Only
    inside ``alone``. OSError when it cannot be moved."""
    source = side(path, suffix)
    kind = suffix.lstrip("-")
    target = path.with_name(f"{path.name}.rejected-{kind}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.rejected-{kind}-{number}")
    # (its -shm, built from it, stays: the next connection finds nobody holding -shm's
    # DMS byte, and so builds it anew from the WAL there is then)
    os.replace(source, target)
    log.warning("moved %s aside as %s", source, target)
    return target


def put_back(path: Path, suffix: str, moved: Path) -> None:
    """Undo ``move_aside`` (the library was not sound without it either)."""
    os.replace(moved, side(path, suffix))
