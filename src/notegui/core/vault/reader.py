"""Reading a folder of markdown notes (an Obsidian vault, a Foam or Dendron workspace, a
plain folder): one ``VaultFile`` per markdown file, one ``VaultAttachment`` per image,
one ``Problem`` per file refused, never an exception for one bad file.

The folder is walked by ``import_listing.walk`` (names beginning with a dot skipped, no
recursion, symbolic links to folders not followed); files are read with the import's
size cap (``import_files.read_limited``). Qt-free and store-free: the store imports what
this yields, the resolver (``resolve.py``) links it.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import multiprocessing
import os
import unicodedata
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from pathlib import Path
from typing import Any

from notegui.core.domain import normalise_title, title_key
from notegui.core.import_files import PARALLEL_FROM, Refused, die_with_parent, read_limited
from notegui.core.import_listing import IMAGE, MARKDOWN, Skipped, kind_of_name, markdown_stem, walk
from notegui.core.vault import front_matter
from notegui.core.vault.kinds import DENDRON, detect
from notegui.core.vault.links import scan
from notegui.core.vault.model import LinkRef, Problem, VaultAttachment, VaultFile

# The largest image copied into the library (a photo is a few MB; a scan may be 20).
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
# Worker processes read a vault of PARALLEL_FROM files or more (below, starting them
# costs more than they save: about a third of a second each); two, as the question-note
# import has.
_WORKERS = 2
_CHUNK = 128  # files a task
_AHEAD = 16  # tasks in flight: memory stays flat however large the vault
_log = logging.getLogger(__name__)


def read_vault(folder: Path | str, vault_name: str = "", kind: str = "",
               skipped: Skipped | None = None, parallel_from: int = 0,
               ) -> Iterator[VaultFile | VaultAttachment | Problem]:
    """Every markdown file and image under ``folder``, read, in the walk's order (each
    folder's entries by name). ``vault_name``: the first segment of every path (default:
    the folder's name); ``kind``: as ``detect`` says (detected when ''); ``skipped``:
    counts the other files by kind (PDFs, JSON, other). From ``parallel_from`` files on
    (default ``PARALLEL_FROM``), worker processes read them, a few chunks ahead of the
    consumer."""
    top = os.fspath(folder)
    name = check_vault_name(vault_name or vault_name_of(top))
    kind = kind or detect(top)
    skipped = Skipped() if skipped is None else skipped
    prefix = os.path.join(top, "")
    # (listed as read: a million paths held at once were a quarter of a gigabyte)
    jobs = ((file, vault_path(name, file[len(prefix):] if file.startswith(prefix)
                              else os.path.basename(file)), kind)
            for file in walk(top, skipped, _wanted))
    first = list(islice(jobs, parallel_from or PARALLEL_FROM))
    if len(first) < (parallel_from or PARALLEL_FROM):
        yield from (read_file(*job) for job in first)
    else:
        yield from _read_in_workers(chain(first, jobs))


def read_file(file: str, path: str, kind: str = "") -> VaultFile | VaultAttachment | Problem:
    """One file of a vault: a note (markdown) or an attachment (an image); a case the
    reader's rules missed is this file's refusal, never the import's end."""
    try:
        if kind_of_name(path.rpartition("/")[2]) == MARKDOWN:
            return read_note(file, path, kind)
        return read_attachment(file, path)
    except (ValueError, TypeError, RecursionError, MemoryError) as error:
        _log.exception("reading %s failed", file)
        return Problem(_shown(path), f"cannot be read ({type(error).__name__}): a bug, "
                                     "please report it with the file")


def _wanted(name: str) -> bool:
    return kind_of_name(name) in (MARKDOWN, IMAGE)


def vault_name_of(folder: str) -> str:
    """A folder's name as a vault's (``notes/`` → ``notes``; ``/`` → ``vault``)."""
    name = os.path.basename(os.path.normpath(os.path.abspath(folder)))
    return unicodedata.normalize("NFC", name) if name else "vault"


def check_vault_name(name: str) -> str:
    """A vault's name as paths begin with it, or ValueError saying why it cannot be one."""
    if not name.strip() or "/" in name or "\\" in name or name in (".", ".."):
        raise ValueError(f"{name!r} cannot be a vault's name: one folder name, without "
                         "'/' or '\\'")
    return unicodedata.normalize("NFC", name)


def vault_path(vault_name: str, inside: str) -> str:
    """``<vault>/<path inside>``: ``/`` separators, NFC, the file's own case."""
    if os.sep != "/":
        inside = inside.replace(os.sep, "/")
    path = f"{vault_name}/{inside}"
    return path if path.isascii() else unicodedata.normalize("NFC", path)


def read_note(file: str, path: str, kind: str = "") -> VaultFile | Problem:
    """One markdown file: a VaultFile, or the Problem that refuses it (its name, its size,
    its bytes are not UTF-8 text). A bad front matter is a problem of the note, which is
    read with its text all the same."""
    refused = _unreadable_name(path)
    if refused:
        return Problem(_shown(path), refused)
    try:
        data = read_limited(file)
    except (Refused, OSError, ValueError) as error:
        return Problem(path, _refusal(error))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return Problem(path, f"not valid UTF-8 text (byte offset {error.start:,}): not "
                             "read", line)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Problem(path, "contains a NUL character: not a text file, not read", line)
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    parts = front_matter.split(text)
    return note_of(parts.yaml_text, parts.body, path, kind, hashlib.sha256(data).hexdigest())


def note_of(yaml_text: str, body: str, path: str, kind: str = "", digest: str = "",
            ) -> VaultFile:
    """The note of a markdown file at ``path`` with this front matter and body: its title
    (the front matter's, else the file's name), aliases, tags (the front matter's, then
    the body's #tags) and links."""
    fields = front_matter.read(yaml_text)
    stem = markdown_stem(path.rpartition("/")[2])
    title = fields.title or (stem.rpartition(".")[2] or stem if kind == DENDRON else stem)
    links, inline_tags = scan(body, label_first=kind == DENDRON)
    tags = fields.tags
    if inline_tags:
        known = {tag.casefold() for tag in tags}
        tags += tuple(tag for tag in inline_tags if tag.casefold() not in known)
    problems = tuple(Problem(path, reason, line) for line, reason in fields.problems)
    return VaultFile(path=path, title=normalise_title(title), name_key=title_key(stem),
                     body=body, front_matter=yaml_text, aliases=fields.aliases,
                     tags=tags, links=links, digest=digest, problems=problems,
                     description=fields.description, summary=fields.summary)


def read_attachment(file: str, path: str) -> VaultAttachment | Problem:
    """One image, up to MAX_ATTACHMENT_BYTES, or the Problem that refuses it."""
    refused = _unreadable_name(path)
    if refused:
        return Problem(_shown(path), refused)
    try:
        data = read_limited(file, MAX_ATTACHMENT_BYTES, "an image")
    except (Refused, OSError, ValueError) as error:
        return Problem(path, _refusal(error))
    return VaultAttachment(path, title_key(path.rpartition("/")[2]), data,
                           hashlib.sha256(data).hexdigest())


def _unreadable_name(path: str) -> str:
    """Why a file's name cannot be a note's path ("" when it can): bytes that are not
    UTF-8 (Python keeps them as lone surrogates, which no database takes)."""
    if path.isascii():
        return ""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8: not read (rename the file)"
    return ""


def _shown(path: str) -> str:
    """A path whose name is not UTF-8, printable (its odd bytes as escapes)."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _refusal(error: Exception) -> str:
    if isinstance(error, Refused):
        return str(error)
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return "a symbolic link loop (it leads back to itself): not read"
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or error}"
    return f"cannot read: {error}"


# -- worker processes ----------------------------------------------------------------------
# What a worker sends back: plain tuples, which pickle in a fraction of the time dataclasses
# and named tuples take.
_Wire = tuple[Any, ...]
Job = tuple[str, str, str]  # (file, vault path, kind)


def _to_wire(item: VaultFile | VaultAttachment | Problem) -> _Wire:
    if isinstance(item, VaultFile):
        return ("f", item.path, item.title, item.name_key, item.body, item.front_matter,
                item.aliases, item.tags, tuple(map(tuple, item.links)), item.digest,
                tuple((p.path, p.reason, p.line) for p in item.problems), item.description,
                item.summary)
    if isinstance(item, VaultAttachment):
        return ("a", item.path, item.name_key, item.data, item.digest)
    return ("p", item.path, item.reason, item.line)


def _from_wire(wire: _Wire) -> VaultFile | VaultAttachment | Problem:
    if wire[0] == "f":
        (_kind, path, title, name_key, body, front, aliases, tags, links, digest,
         problems, description, summary) = wire
        return VaultFile(path, title, name_key, body, front, aliases, tags,
                         tuple([LinkRef._make(link) for link in links]), digest,
                         tuple([Problem(*problem) for problem in problems]), description,
                         summary)
    if wire[0] == "a":
        return VaultAttachment(*wire[1:])
    return Problem(*wire[1:])


def _read_chunk(jobs: list[Job]) -> list[_Wire]:
    return [_to_wire(read_file(*job)) for job in jobs]


def _read_in_workers(jobs: Iterator[Job]) -> Iterator[VaultFile | VaultAttachment | Problem]:
    """The files read by worker processes ("spawn": never fork a process that may hold Qt
    and SQLite state), in order. A chunk whose worker failed (killed, out of memory) is
    read here instead: the import goes on."""
    pool = ProcessPoolExecutor(max_workers=_WORKERS,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    chunks = iter(lambda: list(islice(jobs, _CHUNK)), [])
    pending: deque[tuple[list[Job], Future[list[_Wire]] | None]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, _submit(pool, chunk)))
            if len(pending) >= _AHEAD:
                yield from _received(*pending.popleft())
        while pending:
            yield from _received(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, chunk: list[Job]) -> Future[list[_Wire]] | None:
    try:
        return pool.submit(_read_chunk, chunk)
    except (BrokenProcessPool, RuntimeError):  # (the pool broke: read it here)
        return None


def _received(chunk: list[Job], future: Future[list[_Wire]] | None,
              ) -> Iterator[VaultFile | VaultAttachment | Problem]:
    if future is not None:
        try:
            yield from map(_from_wire, future.result())
            return
        except (BrokenProcessPool, OSError, MemoryError, EOFError) as error:
            _log.warning("a worker reading %d files failed (%s): read in this process",
                         len(chunk), error)
    yield from (read_file(*job) for job in chunk)
