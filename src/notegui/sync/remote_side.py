"""What changed on the remote since the last sync: the notes whose files (or annotation
files) differ between the base commit and the remote's, read from the files that differ
only (the trees are compared, unchanged folders never opened), each by its uid; the
conflicts other libraries opened or settled; the files that could not be read."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

from notegui.core.sync_model import SyncAnnotation, SyncNote
from notegui.store import sync_rows
from notegui.sync import annotation_file, note_file
from notegui.sync.paths import Kind, annotations_path, kind, uid_in
from notegui.sync.plan import Changed, Version
from notegui.sync.repository import Repository


@dataclass
class RemoteSide:
    changed: dict[str, Changed] = field(default_factory=dict)  # uid -> its change there
    paths: dict[str, str] = field(default_factory=dict)  # uid -> its file there now
    blobs: dict[str, tuple[str, str]] = field(default_factory=dict)  # uid -> file, marks
    unnamed: set[str] = field(default_factory=set)  # uids given here to files without one
    conflicts_opened: dict[str, bytes] = field(default_factory=dict)
    conflicts_closed: set[str] = field(default_factory=set)
    refused: list[str] = field(default_factory=list)  # "<path>: <reason>"
    files: dict[str, tuple[bytes | None, bytes | None]] = field(default_factory=dict)


def read(connection: sqlite3.Connection, repository: Repository, base: bytes | None,
         head: bytes | None, titles: Mapping[str, str]) -> RemoteSide:
    remote = RemoteSide()
    if head is None or head == base:
        return remote
    changed = remote.files = repository.diff(base, head)
    befores: dict[str, SyncNote] = {}
    afters: dict[str, tuple[SyncNote, str, bytes]] = {}
    annotated: set[str] = set()
    for path, (old, new) in changed.items():
        what = kind(path)
        if what is Kind.ANNOTATIONS:
            annotated.add(uid_in(path))
        elif what is Kind.CONFLICT:
            if new is None:
                remote.conflicts_closed.add(uid_in(path))
            else:
                remote.conflicts_opened[uid_in(path)] = repository.read(new)
        elif what in (Kind.OWN_NOTE, Kind.VAULT_NOTE):
            if old is not None:
                was = parsed(repository, old, path, titles)
                if was is not None and was.uid:
                    befores[was.uid] = was
            if new is not None:
                try:
                    now = note_file.parse(repository.read(new), path, titles)
                except ValueError as error:
                    remote.refused.append(f"{path}: {error}")
                    continue
                if not now.uid:  # (a file another tool added: a note from now on)
                    now = replace(now, uid=uuid.uuid4().hex)
                    remote.unnamed.add(now.uid)
                afters[now.uid] = (now, path, new)
    uids = befores.keys() | afters.keys() | annotated
    rows = sync_rows.base(connection, sorted(uids))

    def marks(uid: str, now: bool) -> tuple[tuple[SyncAnnotation, ...], str]:
        where = annotations_path(uid)
        blob: bytes | str | None
        if now and where in changed:
            blob = changed[where][1]
        else:
            blob = rows[uid].annotations if uid in rows else None
        text = blob.decode("ascii") if isinstance(blob, bytes) else (blob or "")
        return annotations_in(repository, blob, where), text

    for uid in sorted(uids):
        row = rows.get(uid)
        before_note = befores.get(uid)
        if before_note is None and row is not None and row.blob:
            before_note = parsed(repository, row.blob, row.path, titles)
        before = (Version(before_note, marks(uid, False)[0]) if before_note is not None
                  else Version(None))
        if uid in afters:
            after_note, path, blob = afters[uid]
            now_marks, marks_blob = marks(uid, True)
            after = Version(after_note, now_marks)
            remote.paths[uid] = path
            remote.blobs[uid] = (blob.decode("ascii"), marks_blob)
        elif uid in befores:  # (its file is gone: deleted there)
            after = Version(None)
        elif before.note is not None and row is not None:  # (its annotations alone)
            now_marks, marks_blob = marks(uid, True)
            after = replace(before, annotations=now_marks)
            remote.paths[uid] = row.path
            remote.blobs[uid] = (row.blob, marks_blob)
        else:
            continue
        if after != before:
            remote.changed[uid] = Changed(before, after)
    return remote


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

    def __getitem__(self, stem: str) -> str:
        if stem not in self._found:
            blob = self._tree.get(f"{stem}.md")
            if blob is None:
                raise KeyError(stem)
            note = parsed(self._repository, blob, f"{stem}.md", {})
            if note is None:
                raise KeyError(stem)
            self._found[stem] = note.title
        return self._found[stem]

    def __iter__(self) -> Iterator[str]:
        return (path[:-3] for path in self._tree if "/" not in path and path.endswith(".md"))

    def __len__(self) -> int:
        return sum(1 for _ in self)
