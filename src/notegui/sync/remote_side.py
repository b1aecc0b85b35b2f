"""What changed on the remote since the last sync: the notes whose files (or annotation
files) differ between the base commit and the remote's, read from the files that differ
only (the trees are compared, unchanged folders never opened), each by its uid; the
conflicts other libraries opened or settled; the files that could not be read.

Nothing here holds every changed note at once: the files are read a batch at a time, and
each note is then held light, as its file's place and title, and read again when the
library takes it. A note new there and unknown here (every note, when a library joins) is
``incoming``; a note changed there (edited, renamed, deleted, its annotations) is ``held``
with its title before, its report line and its file at the base; one that turns out to be
changed here too is read whole again (``promote``, ``promote_held``) to be merged."""

from __future__ import annotations

import heapq
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from notegui.core.domain import title_key
from notegui.core.sync_model import SyncAnnotation, SyncNote
from notegui.store import sync_rows
from notegui.sync import annotation_file, note_file
from notegui.sync.paths import Kind, annotations_path, kind, uid_in
from notegui.sync.plan import Changed, Version, change_line
from notegui.sync.repository import Repository

BATCH = 2000  # files read before the library is asked which of their notes it knows


class Held(NamedTuple):
    """A note changed there and not here (as far as this sync has seen): held as its
    titles, its report line and its file at the base, and read again when the library
    takes it (its file there now: ``paths`` and ``blobs``), so that a sync receiving
    100,000 changed notes holds a batch of them, not all. ``was``: its title at the base
    (None: none); ``title`` '': deleted there; ``vault``: its vault path, '' own."""

    title: str
    was: str | None
    vault: str
    line: str
    base_path: str
    base_blob: str  # hex, '' none
    base_marks: str  # hex, '' none


class Incoming(NamedTuple):
    """A note new there that this library has never known: its file, that file's blob,
    its annotation file's blob ('' none) and its title."""

    path: str
    blob: str  # hex
    marks: str  # hex, '' none
    title: str


@dataclass
class RemoteSide:
    changed: dict[str, Changed] = field(default_factory=dict)  # uid -> its change there
    held: dict[str, Held] = field(default_factory=dict)  # uid -> changed there only
    incoming: dict[str, Incoming] = field(default_factory=dict)  # uid -> new there
    paths: dict[str, str] = field(default_factory=dict)  # uid -> its file there now
    blobs: dict[str, tuple[str, str]] = field(default_factory=dict)  # uid -> file, marks
    unnamed: set[str] = field(default_factory=set)  # uids given here to files without one
    conflicts_opened: dict[str, bytes] = field(default_factory=dict)
    conflicts_closed: set[str] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)  # "<path>: <reason>"
    warned: list[str] = field(default_factory=list)  # "<path>, line N: <reason>": read all the same
    images: dict[str, tuple[bytes | None, bytes | None]] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)  # what the files were read with

    def __contains__(self, uid: str) -> bool:
        """Whether the note of ``uid`` changed there."""
        return uid in self.changed or uid in self.held or uid in self.incoming

    def incoming_uids(self) -> list[str]:
        """The incoming notes' uids, in order."""
        return sorted(self.incoming)

    def notes(self) -> Iterator[tuple[str, str, str, str | None]]:
        """(uid, title, vault path or '', title before or None) of each note there now
        that changed, by uid."""
        changed = ((uid, c.now.note.title, c.now.note.path,
                    c.base.note.title if c.base.note is not None else None)
                   for uid, c in sorted(self.changed.items()) if c.now.note is not None)
        held = ((uid, one.title, one.vault, one.was)
                for uid, one in sorted(self.held.items()) if one.title)
        incoming = ((uid, self.incoming[uid].title, _vault_path(self.incoming[uid].path), None)
                    for uid in self.incoming_uids())
        yield from _by_uid(changed, held, incoming)


def read(connection: sqlite3.Connection, repository: Repository, base: bytes | None,
         head: bytes | None, titles: Mapping[str, str]) -> RemoteSide:
    remote = RemoteSide(titles=titles)
    if head is None or head == base:
        return remote
    changed = repository.diff(base, head)  # (let go once read: a join's is every file)
    was: dict[str, _Was] = {}  # uid -> its file at the base, for the notes changed there
    annotated: set[str] = set()
    new_files: list[tuple[str, bytes]] = []
    for path, (old, new) in changed.items():
        what = kind(path)
        if what is Kind.IMAGE:
            remote.images[path] = (old, new)
        elif what is Kind.ANNOTATIONS:
            annotated.add(uid_in(path))
        elif what is Kind.CONFLICT:
            if new is None:
                remote.conflicts_closed.add(uid_in(path))
            else:
                remote.conflicts_opened[uid_in(path)] = repository.read(new)
        elif what in (Kind.OWN_NOTE, Kind.VAULT_NOTE):
            if old is not None:
                uid = _uid_of(repository, old, path, titles)
                if uid:
                    was[uid] = _Was(path, old)
            if new is not None:
                new_files.append((path, new))
    incoming = remote.incoming
    settled: set[str] = set()
    for start in range(0, len(new_files), BATCH):
        # (uid, title, file, blob, its note when read whole); a file at the top is read
        # for its id and title only, and whole only if its note is known here
        read_now: list[tuple[str, str, str, bytes, SyncNote | None]] = []
        for path, new in new_files[start:start + BATCH]:
            data = repository.read(new)
            note: SyncNote | None = None
            try:
                if "/" in path:
                    note = note_file.parse(data, path, titles, remote.warned)
                    uid, title = note.uid, note.title
                else:
                    uid, title = note_file.head(data, path)
                    if not uid:
                        note = note_file.parse(data, path, titles)
            except ValueError as error:
                remote.refused.append(f"{path}: {error}")
                continue
            if not uid:  # (a file another tool added: a note from now on)
                assert note is not None
                note = replace(note, uid=uuid.uuid4().hex)
                uid = note.uid
                remote.unnamed.add(uid)
            read_now.append((uid, title, path, new, note))
            if isinstance(titles, TitlesInTree):
                titles.learn(path, title)
        known = sync_rows.known_uids(connection, [uid for uid, *_ in read_now])
        afters: dict[str, tuple[SyncNote, str, bytes]] = {}
        for uid, title, path, new, note in read_now:
            if uid in known or uid in was or uid in remote.unnamed:
                if note is None:  # (its id and title read: it reads whole)
                    note = note_file.parse(repository.read(new), path, titles)
                afters[uid] = (note, path, new)
            else:  # (held as its file's place only: read again when taken)
                held = changed.get(annotations_path(uid), (None, None))[1]
                incoming[uid] = Incoming(path, new.decode("ascii"),
                                         held.decode("ascii") if held else "", title)
        _settle(connection, repository, remote, changed, was, afters, sorted(afters))
        settled.update(afters)
    rest = sorted((was.keys() | (annotated - incoming.keys())) - settled)
    for start in range(0, len(rest), BATCH):  # (deleted there, or their annotations alone)
        _settle(connection, repository, remote, changed, was, {}, rest[start:start + BATCH])
    return remote


class _Was(NamedTuple):
    """A note's file at the base, in the commit last synced."""

    path: str
    blob: bytes


def _uid_of(repository: Repository, blob: bytes, path: str, titles: Mapping[str, str]) -> str:
    """The note id in a file ('' none, or the file could not be read)."""
    try:
        if "/" in path:
            return note_file.parse(repository.read(blob), path, titles).uid
        return note_file.head(repository.read(blob), path)[0]
    except ValueError:
        return ""


def _settle(connection: sqlite3.Connection, repository: Repository, remote: RemoteSide,
            changed: Mapping[str, tuple[bytes | None, bytes | None]], was: Mapping[str, _Was],
            afters: Mapping[str, tuple[SyncNote, str, bytes]], uids: list[str]) -> None:
    """The change there of each note of ``uids`` (a batch), from its file at the base and
    now (``afters``: read now; absent, its file is gone or only its annotations changed):
    held as its files' places (``held``), or whole when it came with no id."""
    rows = sync_rows.base(connection, uids)

    def marks(uid: str, now: bool) -> tuple[tuple[SyncAnnotation, ...], str]:
        where = annotations_path(uid)
        blob: bytes | str | None
        if now and where in changed:
            blob = changed[where][1]
        else:
            blob = rows[uid].annotations if uid in rows else None
        text = blob.decode("ascii") if isinstance(blob, bytes) else (blob or "")
        return annotations_in(repository, blob, where), text

    for uid in uids:
        row, then = rows.get(uid), was.get(uid)
        before_note = parsed(repository, then.blob, then.path, remote.titles) if then else None
        if before_note is None and row is not None and row.blob:
            before_note = parsed(repository, row.blob, row.path, remote.titles)
        before_marks, before_marks_blob = marks(uid, False)
        before = (Version(before_note, before_marks) if before_note is not None
                  else Version(None))
        if uid in afters:
            after_note, path, blob = afters[uid]
            now_marks, marks_blob = marks(uid, True)
            after = Version(after_note, now_marks)
            remote.paths[uid] = path
            remote.blobs[uid] = (blob.decode("ascii"), marks_blob)
        elif then is not None:  # (its file is gone: deleted there)
            after = Version(None)
        elif before.note is not None and row is not None:  # (its annotations alone)
            now_marks, marks_blob = marks(uid, True)
            after = replace(before, annotations=now_marks)
            remote.paths[uid] = row.path
            remote.blobs[uid] = (row.blob, marks_blob)
        else:
            continue
        if after == before:
            continue
        change = Changed(before, after)
        if uid in remote.unnamed:  # (its file is written again, with its id)
            remote.changed[uid] = change
            continue
        if then is not None:
            base_file = (then.path, then.blob.decode("ascii"))
        else:
            base_file = (row.path, row.blob) if row is not None else ("", "")
        remote.held[uid] = Held(
            title=after.note.title if after.note is not None else "",
            was=before.note.title if before.note is not None else None,
            vault=after.note.path if after.note is not None else "",
            line=change_line(change, "received"),
            base_path=base_file[0], base_blob=base_file[1], base_marks=before_marks_blob)


def held_renames(remote: RemoteSide) -> dict[str, str]:
    """Old title key -> new title, of the library's own notes renamed there and held."""
    return {title_key(remote.held[uid].was or ""): title
            for uid, title in held_renames_by_uid(remote).items()}


def held_renames_by_uid(remote: RemoteSide) -> dict[str, str]:
    """uid -> new title, of the library's own notes renamed there and held."""
    return {uid: one.title for uid, one in remote.held.items()
            if one.was is not None and one.title and not one.vault
            and title_key(one.was) != title_key(one.title)}


def promote_held(repository: Repository, remote: RemoteSide, uids: Iterable[str]) -> None:
    """Held changes of ``uids`` read whole again, as changes to merge or follow."""
    for uid in sorted(set(uids)):
        one = remote.held.pop(uid)
        before = Version(None)
        if one.base_blob:
            note = parsed(repository, one.base_blob, one.base_path, remote.titles)
            if note is not None:
                before = Version(note, annotations_in(repository, one.base_marks or None,
                                                      annotations_path(uid)))
        after = Version(None)
        if uid in remote.blobs:
            after = next(updated(repository, remote, [uid]))[1]
        remote.changed[uid] = Changed(before, after)


def updated(repository: Repository, remote: RemoteSide, uids: Iterable[str],
            ) -> Iterator[tuple[str, Version]]:
    """The held notes of ``uids`` there now (none deleted), each read again from its files,
    in that order."""
    for uid in uids:
        blob, marks = remote.blobs[uid]
        note = note_file.parse(repository.read(blob.encode("ascii")), remote.paths[uid],
                               remote.titles)  # (it was read so before: it reads)
        yield uid, Version(note, annotations_in(repository, marks or None,
                                                annotations_path(uid)))


def taken(repository: Repository, remote: RemoteSide, uids: Iterable[str],
          ) -> Iterator[tuple[str, Version]]:
    """The incoming notes of ``uids``, each read again from its files, in that order."""
    for uid in uids:
        one = remote.incoming[uid]
        note = note_file.parse(repository.read(one.blob.encode("ascii")), one.path,
                               remote.titles)  # (it was read so before: it reads)
        yield uid, Version(note, annotations_in(repository, one.marks or None,
                                                annotations_path(uid)))


def promote(repository: Repository, remote: RemoteSide, uids: Iterable[str]) -> None:
    """Incoming notes of ``uids`` made changes as any other (held whole): to be merged,
    renamed or written again."""
    for uid, version in list(taken(repository, remote, sorted(set(uids)))):
        one = remote.incoming.pop(uid)
        remote.changed[uid] = Changed(Version(None), version)
        remote.paths[uid] = one.path
        remote.blobs[uid] = (one.blob, one.marks)


def _vault_path(path: str) -> str:
    return path if "/" in path else ""


def _by_uid(*sorted_parts: Iterable[tuple[str, str, str, str | None]],
            ) -> Iterator[tuple[str, str, str, str | None]]:
    return heapq.merge(*sorted_parts, key=lambda item: item[0])


def parsed(repository: Repository, blob: str | bytes, path: str,
           titles: Mapping[str, str]) -> SyncNote | None:
    """A note's file as it was (None: it could not be read then either)."""
    try:
        return note_file.parse(repository.read(_id(blob)), path, titles)
    except ValueError:
        return None


def annotations_in(repository: Repository, blob: str | bytes | None, name: str,
                ) -> tuple[SyncAnnotation, ...]:
    if not blob:
        return ()
    try:
        found, _refused = annotation_file.parse(repository.read(_id(blob)), name)
    except ValueError:
        return ()
    return tuple(found)


def _id(blob: str | bytes) -> bytes:
    return blob if isinstance(blob, bytes) else blob.encode("ascii")


class TitlesInTree(Mapping[str, str]):
    """File stem -> title of the note at the top of a tree, read when asked (a wikilink whose
    shown text is not its note's title)."""

    def __init__(self, repository: Repository, tree: Mapping[str, bytes]) -> None:
        self._repository = repository
        self._tree = tree
        self._found: dict[str, str] = {}

    def learn(self, path: str, title: str) -> None:
        """The title of the note of the file at ``path``, read whole (the same)."""
        if "/" not in path and path.endswith(".md") and path in self._tree:
            self._found[path[:-3]] = title

    def __getitem__(self, stem: str) -> str:
        if stem not in self._found:
            blob = self._tree.get(f"{stem}.md")
            if blob is None:
                raise KeyError(stem)
            try:
                self._found[stem] = note_file.title(self._repository.read(blob), f"{stem}.md")
            except ValueError:
                raise KeyError(stem) from None
        return self._found[stem]

    def __iter__(self) -> Iterator[str]:
        return (path[:-3] for path in self._tree if "/" not in path and path.endswith(".md"))

    def __len__(self) -> int:
        return sum(1 for _ in self)
