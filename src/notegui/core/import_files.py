"""Which files an import reads, and reading and parsing them, in worker processes when
there are many (parsing is pure Python: on two cores it overlaps the database writes)."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from notegui.core.formats import json_format, question_note
from notegui.core.formats.errors import FormatError
from notegui.core.formats.question_note import Citation, ParsedNote

PARALLEL_FROM = 2_000  # files; below this, worker processes cost more than they save
_CHUNK = 64
# Two: the writes no longer keep up with one parser (a large import stages its links).
_WORKERS = 2
_AHEAD = 100  # chunks parsed ahead of the writes: more than a batch, so that the parser
# keeps working while a batch is committed


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


def note_files(paths: Iterable[Path | str]) -> Iterator[str]:
    """Files as given; folders recursively, their ``*.txt`` files in name order. As
    strings: a million Path objects (with their parts) took 500 MB."""
    for path in paths:
        folder = Path(path)
        if folder.is_dir():
            yield from _text_files(str(folder))
        else:
            yield str(path)


def _text_files(folder: str) -> Iterator[str]:
    """The ``*.txt`` files under ``folder`` in the order of their paths' parts, as
    ``Path.rglob`` finds them (symbolic links to folders not followed, unreadable folders
    skipped), but telling files from folders by the directory entry rather than a stat of
    each (a second less for 100,000 files), and sorting each folder on its own: one sort
    of 100,000 paths held Python's lock for a tenth of a second, a stall of the window
    importing them."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _text_files(entry.path)
        elif entry.is_file() and os.path.normcase(entry.name).endswith(".txt"):
            yield entry.path


def is_json(name: str, data: bytes) -> bool:
    lowered = name.lower()
    return lowered.endswith((".json", ".jsonld")) or (
        not lowered.endswith(".txt") and json_format.looks_like_json(data)
    )


def read_one(path: Path | str) -> ReadFile:
    name = str(path)
    try:
        # Unbuffered, in one read of the size the file has: half the time of
        # Path.read_bytes, which an import of 100,000 files pays 100,000 times.
        with open(path, "rb", buffering=0) as stream:
            data = stream.readall()
    except OSError as error:
        return ReadFile(name, refused=f"cannot read: {error.strerror or error}")
    return parse_bytes(data, name)


def parse_bytes(data: bytes, name: str) -> ReadFile:
    try:
        if is_json(name, data):
            return ReadFile(name, json_text=question_note.decode(data))
        parsed = question_note.parse(data, name)
    except FormatError as error:
        return ReadFile(name, refused=str(error))
    unpaired = question_note.decode(data) if parsed.warnings else None
    return ReadFile(name, parsed=parsed, unpaired_text=unpaired)


# A file read, as a worker process sends it: plain tuples, which pickle in a fifth of
# the time the dataclasses take (each pickled through copyreg, field by field).
_Wire = tuple[str, tuple | None, str | None, str, str | None]


def _to_wire(read: ReadFile) -> _Wire:
    parsed = read.parsed
    if parsed is not None:
        parsed = (parsed.title, parsed.description, parsed.body,
                  [(citation.title, citation.summary) for citation in parsed.citations],
                  parsed.warnings)
    return read.path, parsed, read.json_text, read.refused, read.unpaired_text


def _from_wire(wire: _Wire) -> ReadFile:
    path, parsed, json_text, refused, unpaired_text = wire
    if parsed is not None:
        title, description, body, citations, warnings = parsed
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
                               mp_context=multiprocessing.get_context("spawn"))
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
