"""Which files an import reads, and reading and parsing them, in worker processes when
there are many (parsing is pure Python: on two cores it overlaps the database writes)."""

from __future__ import annotations

import errno
import logging
import multiprocessing
import os
import stat
import sys
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from notegui.core.formats import json_format, question_note
from notegui.core.formats.errors import FormatError
from notegui.core.formats.question_note import Citation, ParsedNote
from notegui.core.import_listing import MARKDOWN_REASON, is_markdown, note_files

__all__ = ["note_files"]  # (the listing moved to import_listing; importers use it here)

PARALLEL_FROM = 2_000  # files; below this, worker processes cost more than they save
_CHUNK = 64
# Two: the writes no longer keep up with one parser (a large import stages its links).
_WORKERS = 2
_AHEAD = 100  # chunks parsed ahead of the writes: more than a batch, so that the parser
# keeps working while a batch is committed

# The largest file an import reads (README, "What an import refuses"). A question note is
# a page of text: 50 MB is a thousand times the largest seen. A notegui JSON export holds a
# whole library (80 MB at 100,000 notes), so a file named .json or .jsonld may be larger.
MAX_NOTE_BYTES = 50 * 1024 * 1024
MAX_JSON_BYTES = 1024 * 1024 * 1024
_JSON_NAMES = (".json", ".jsonld")
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"))
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadFile:
    """One file, read and parsed: a note, a JSON document to load, or a refusal."""

    path: str
    parsed: ParsedNote | None = None
    json_text: str | None = None
    refused: str = ""
    # The text again when its citations and Sources did not pair up: the library decides
    # then which citations are proven (those of notes it already has), so it parses again.
    unpaired_text: str | None = None

    @property
    def note(self) -> ParsedNote:
        """The parsed note of a question-note file (ValueError for a refusal or JSON)."""
        if self.parsed is None:
            raise ValueError(f"{self.path}: no question note was read")
        return self.parsed


def is_json(name: str, data: bytes) -> bool:
    lowered = name.lower()
    return lowered.endswith((".json", ".jsonld")) or (
        not lowered.endswith(".txt") and json_format.looks_like_json(data)
    )


def read_one(path: Path | str) -> ReadFile:
    name = str(path)
    try:
        data = read_limited(name)
    except Refused as refused:
        return ReadFile(name, refused=str(refused))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return ReadFile(name, refused="a symbolic link loop (it leads back to itself): "
                                          "not read")
        return ReadFile(name, refused=f"cannot read: {error.strerror or error}")
    except ValueError as error:  # (a NUL in the path)
        return ReadFile(name, refused=f"cannot read: {error}")
    return parse_bytes(data, name)


class Refused(Exception):
    """What a file is not (its kind, its size): read_one's reason to refuse it."""


def size_limit(name: str) -> int:
    return MAX_JSON_BYTES if name.lower().endswith(_JSON_NAMES) else MAX_NOTE_BYTES


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is ("" for a regular file)."""
    return next((kind for test, kind in _KINDS if test(mode)), "" if stat.S_ISREG(mode)
                else "not a regular file")


def read_limited(name: str, limit: int = 0, what: str = "") -> bytes:
    """The file's bytes, or Refused when it is not a regular file (a FIFO would block the
    read for ever, a device never end) or is larger than its size limit. The type is read
    by os.stat before the file is opened (opening some devices does something). Opened
    without blocking (were it swapped for a FIFO meanwhile, the read ends at once) and
    read up to the limit only (a file in /proc says it has no size; a file may grow).
    ``limit`` and ``what`` ("an image"): another limit than a note's or a JSON file's."""
    limit = limit or size_limit(name)
    found = os.stat(name)
    kind = kind_of(found.st_mode)
    if kind:
        raise Refused(f"{kind}, not a file: not read")
    _check_size(found.st_size, limit, what)
    descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        # Unbuffered, in one read of the size the file has: half the time of
        # Path.read_bytes, which an import of 100,000 files pays 100,000 times.
        chunks = [os.read(descriptor, found.st_size + 1)]
        size = len(chunks[0])
        while chunks[-1]:  # (until the end: it grew, or said it had no size)
            chunks.append(os.read(descriptor, 1 << 20))
            size += len(chunks[-1])
            _check_size(size, limit, what)
        return b"".join(chunks)
    except BlockingIOError:  # (a FIFO after all: no writer has written)
        raise Refused("a named pipe (FIFO), not a file: not read") from None
    finally:
        os.close(descriptor)


def _check_size(size: int, limit: int, what: str = "") -> None:
    if size > limit and what:
        raise Refused(f"larger than {limit // 2**20:,} MB, the limit for {what}: not read")
    if size > limit:
        json_hint = ("" if limit == MAX_JSON_BYTES else
                     "; a notegui JSON file named .json may have up to "
                     f"{MAX_JSON_BYTES // 2**20:,} MB")
        raise Refused(f"larger than {limit // 2**20:,} MB, the limit for "
                       f"{'a JSON' if limit == MAX_JSON_BYTES else 'a note'} file"
                       f"{json_hint}: not read")


def parse_bytes(data: bytes, name: str) -> ReadFile:
    """A file's bytes as a note, a JSON document or a refusal. A markdown file (``.md``)
    that is a question note imports as one (the format's body is markdown); any other is
    refused as markdown, which the question-note import does not read."""
    try:
        if is_json(name, data):
            return ReadFile(name, json_text=question_note.decode(data))
        parsed = question_note.parse(data, name)
    except FormatError as error:
        if is_markdown(name):  # (its front matter's "---" is no question: say what is)
            return ReadFile(name, refused=f"a markdown file: {MARKDOWN_REASON}")
        return ReadFile(name, refused=str(error))
    except (ValueError, RecursionError, MemoryError) as error:
        # A case the parser's rules missed: this file is refused, the import goes on.
        _log.exception("parsing %s failed", name)
        return ReadFile(name, refused=f"cannot be parsed ({type(error).__name__}): a bug, "
                                      "please report it with the file")
    unpaired = question_note.decode(data) if parsed.warnings else None
    return ReadFile(name, parsed=parsed, unpaired_text=unpaired)


# A file read, as a worker process sends it: plain tuples, which pickle in a fifth of
# the time the dataclasses take (each pickled through copyreg, field by field).
_WireNote = tuple[str, str, str, list[tuple[str, str | None]], tuple[str, ...]]
_Wire = tuple[str, _WireNote | None, str | None, str, str | None]


def _to_wire(read: ReadFile) -> _Wire:
    parsed = read.parsed
    wired: _WireNote | None = None
    if parsed is not None:
        wired = (parsed.title, parsed.description, parsed.body,
                 [(citation.title, citation.summary) for citation in parsed.citations],
                 parsed.warnings)
    return read.path, wired, read.json_text, read.refused, read.unpaired_text


def _from_wire(wire: _Wire) -> ReadFile:
    path, wired, json_text, refused, unpaired_text = wire
    parsed = None
    if wired is not None:
        title, description, body, citations, warnings = wired
        parsed = ParsedNote(title, description, body,
                            tuple([Citation(*citation) for citation in citations]), warnings)
    return ReadFile(path, parsed, json_text, refused, unpaired_text)


def _read_chunk(paths: list[str]) -> list[_Wire]:
    return [_to_wire(read_one(path)) for path in paths]


def read_all(files: Sequence[str]) -> Iterator[ReadFile]:
    """Every file read and parsed, in order; worker processes do it for large imports,
    a few chunks ahead of the consumer (so memory stays flat however many files there are)."""
    if len(files) < PARALLEL_FROM:
        yield from map(read_one, files)
        return
    # "spawn": never fork a process that may hold Qt and SQLite state.
    pool = ProcessPoolExecutor(max_workers=_WORKERS,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    chunks = iter(list(files[i : i + _CHUNK]) for i in range(0, len(files), _CHUNK))
    pending: deque[Future[list[_Wire]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(_read_chunk, chunk))
            if len(pending) >= _AHEAD:
                yield from map(_from_wire, pending.popleft().result())
        while pending:
            yield from map(_from_wire, pending.popleft().result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_PARENT_CHECK_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Run in each worker process as it starts: end it when the importing process ends,
    however that ends (a kill -9 runs no clean-up). A worker waiting for work otherwise
    waits for ever: it holds the write end of its own task queue. On Linux the kernel
    kills it (PR_SET_PDEATHSIG); elsewhere, and should that fail, a thread looks once a
    second whether its parent is still the importing process."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # (it ended before the line above)
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="notegui-parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(_PARENT_CHECK_SECONDS)
    os._exit(1)
