"""A vault's files read by worker processes when there are many, in the walk's order:
what ``core.vault.read_vault`` yields, the same items, but parsed on two processes.

Reading a markdown note (its front matter through PyYAML, its links and tags scanned) is
most of a large vault's import: 100,000 notes took a minute on one process. The files are
listed here (the same walk, the same left-out counts), read in chunks by ``spawn``ed
workers a few chunks ahead of the consumer, and sent back as plain tuples, which pickle
several times faster than the dataclasses they are made into again.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from notegui.core.import_files import PARALLEL_FROM, die_with_parent
from notegui.core.import_listing import IMAGE, MARKDOWN, Skipped, kind_of_name, walk
from notegui.core.vault import LinkRef, Problem, VaultAttachment, VaultFile
from notegui.core.vault.reader import read_attachment, read_note, vault_path

_WORKERS = 2
_CHUNK = 128  # files a task
_AHEAD = 16  # tasks in flight: bounded memory, whatever the vault's size

Item = VaultFile | VaultAttachment | Problem
# A note, an image or a problem, as plain tuples (one of the three is not None).
_NoteWire = tuple[str, str, str, str, str, tuple[str, ...], tuple[str, ...],
                  tuple[tuple[str, str, str, str, bool, bool], ...], str,
                  tuple[tuple[str, str, int], ...]]
_Wire = tuple[_NoteWire | None, tuple[str, str, bytes, str] | None,
              tuple[str, str, int] | None]


def read_items(folder: str, name: str, kind: str, skipped: Skipped) -> Iterator[Item]:
    """Every markdown file and image under ``folder``, read, in the walk's order; the
    other files counted in ``skipped`` (as ``read_vault`` does)."""
    prefix = os.path.join(folder, "")
    files = [(file, vault_path(name, file[len(prefix):] if file.startswith(prefix)
                               else os.path.basename(file)))
             for file in walk(folder, skipped, _wanted)]
    if len(files) < PARALLEL_FROM:
        yield from (_read(file, path, kind) for file, path in files)
        return
    # "spawn": never fork a process that may hold Qt and SQLite state.
    pool = ProcessPoolExecutor(max_workers=_WORKERS,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    pending: deque[Future[list[_Wire]]] = deque()
    try:
        for start in range(0, len(files), _CHUNK):
            pending.append(pool.submit(_read_chunk, files[start:start + _CHUNK], kind))
            if len(pending) >= _AHEAD:
                yield from map(_from_wire, pending.popleft().result())
        while pending:
            yield from map(_from_wire, pending.popleft().result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _wanted(name: str) -> bool:
    return kind_of_name(name) in (MARKDOWN, IMAGE)


def _read(file: str, path: str, kind: str) -> Item:
    if kind_of_name(path) == MARKDOWN:
        return read_note(file, path, kind)
    return read_attachment(file, path)


def _read_chunk(files: list[tuple[str, str]], kind: str) -> list[_Wire]:
    return [_to_wire(_read(file, path, kind)) for file, path in files]


def _to_wire(item: Item) -> _Wire:
    if isinstance(item, VaultFile):
        return (item.path, item.title, item.name_key, item.body, item.front_matter,
                item.aliases, item.tags,
                tuple([(r.target, r.heading, r.block, r.shown, r.embed, r.markdown)
                       for r in item.links]),
                item.digest, tuple([(p.path, p.reason, p.line) for p in item.problems])), \
            None, None
    if isinstance(item, VaultAttachment):
        return None, (item.path, item.name_key, item.data, item.digest), None
    return None, None, (item.path, item.reason, item.line)


def _from_wire(wire: _Wire) -> Item:
    note, attachment, problem = wire
    if note is not None:
        path, title, name_key, body, front, aliases, tags, links, digest, problems = note
        return VaultFile(path, title, name_key, body, front, aliases, tags,
                         tuple([LinkRef(*link) for link in links]), digest,
                         tuple([Problem(*found) for found in problems]))
    if attachment is not None:
        return VaultAttachment(*attachment)
    assert problem is not None
    return Problem(*problem)
