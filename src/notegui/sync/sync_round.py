"""One round of a sync: the remote's changes read, the library's changes read a batch at a
time (a note changed here only is written into the new tree at once and let go, so a first
sync of 100,000 notes holds a batch, not the library), the notes changed on both sides
merged (sync/plan.py), one commit on top of the remote's pushed, then the library's side
written in one transaction (docs/sync.md says why in this order). Notes new there and
unknown here are taken as they are, read again a batch at a time as they are written (so a
library joining holds a batch, not the remote); one citing a note renamed here is held
whole, to follow the rename."""

from __future__ import annotations

import heapq
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from notegui.core.domain import title_key
from notegui.core.files import MANIFEST
from notegui.core.formats.question_note import cited_titles
from notegui.core.sync_model import SyncAnnotation, SyncError, SyncNote, SyncReport
from notegui.store import sync_names, sync_rows
from notegui.sync import annotation_file, conflict_file, merge, note_file, remote_side
from notegui.sync.images import Images
from notegui.sync.names import Namer, named_after
from notegui.sync.paths import (
    CONFLICTS,
    Kind,
    annotations_path,
    conflict_path,
    kind,
    uid_in,
)
from notegui.sync.plan import Changed, Plan, Version, decide, new_line, renames
from notegui.sync.remote_side import RemoteSide, TitlesInTree
from notegui.sync.repository import Repository
from notegui.sync.tree_writer import TreeWriter

BATCH = 2000  # notes of the library read, rendered and let go at once
# The export's manifest, naming no file as the export's own: a clone reads as an export,
# and `notegui export` into one replaces nothing without --force.
_MANIFEST = b'{\n"written by": "notegui sync",\n"serial": 0,\n"files": {}\n}\n'


@dataclass
class _Round:
    connection: sqlite3.Connection
    repository: Repository
    head: bytes | None
    tree: Mapping[str, bytes]
    remote: RemoteSide
    namer: Namer
    writer: TreeWriter
    report: SyncReport
    mark: int = 0
    overlap: dict[str, Changed] = field(default_factory=dict)  # changed on both sides
    local_paths: dict[str, str] = field(default_factory=dict)  # uid -> path last synced
    takes: list[SyncNote] = field(default_factory=list)  # notes changed here by the sync
    sent: list[str] = field(default_factory=list)  # lines of the notes sent
    conflicts: list[sync_rows.ConflictFound] = field(default_factory=list)  # found now
    renamed: dict[str, str] = field(default_factory=dict)  # old title key -> new, here


def run(connection: sqlite3.Connection, repository: Repository, url: str, author: str,
        should_stop: Callable[[], bool]) -> SyncReport:
    base_hex = sync_rows.state(connection).get("base", "")
    base = base_hex.encode("ascii") if base_hex else None
    head = repository.fetch(url)  # (fails: nothing has changed)
    tree = repository.tree(head)
    report = SyncReport()
    remote = remote_side.read(connection, repository, base, head,
                              TitlesInTree(repository, tree))
    state = _Round(connection, repository, head, tree, remote, Namer(tree),
                   TreeWriter(repository, tree), report)
    sync_rows.ensure_uids(connection)
    _one_note_a_title(state)
    state.mark, dirty = sync_rows.dirty(connection)  # (never synced: every note)
    _name(state, dirty)
    renamed_there = remote_side.held_renames(remote)  # (those promoted below stay in it)
    remote_renames = {**renamed_there, **renames(remote.changed)}
    for start in range(0, len(dirty), BATCH):
        if should_stop():
            raise SyncError("stopped", "the sync was stopped: nothing changed")
        _local_batch(state, dirty[start:start + BATCH], remote_renames)
    _follow_here(state, {**state.renamed, **renames(state.overlap)})
    plan = decide(state.overlap, remote.changed, state.renamed, renamed_there)
    _outcomes(state, plan)
    held_deleted = _held_deletions(state)
    _conflict_files(state)
    images = Images(connection, repository, remote.images)
    images.send(state.writer, report)
    if MANIFEST not in tree:  # (a clone is a notegui export: `notegui import` reads it so)
        state.writer.put(MANIFEST, _MANIFEST)
    new_head = head
    if state.writer.changed():
        new = repository.changed_tree(head, state.writer.changes)
        lines = state.sent + [o.line for o in plan.outcomes if o.send]
        new_head = repository.commit(new, [head] if head else [], _message(lines), author)
        repository.push(url, head, new_head)  # (Rejected: the engine starts a new round)
    report.refused.extend(remote.refused)
    report.warned.extend(remote.warned)
    _take(state, plan, new_head, held_deleted)
    images.take()
    report.sent.extend(state.sent)
    report.commit = new_head.decode("ascii") if new_head else ""
    return report


# -- names -----------------------------------------------------------------------------------

def _one_note_a_title(state: _Round) -> None:
    """A note of the library's own that another library made too, apart (same title, two
    uids): it takes the remote's uid, so the two are merged as one note (two ways: equal
    texts are one, different ones a conflict) and its own file, if it had one, goes."""
    incoming = {}
    for uid, title, path, was in state.remote.notes():
        if not path and (was is None or title_key(was) != title_key(title)):
            incoming[title_key(title)] = uid
    held = sync_names.own_by_titles(state.connection, incoming)
    adopted = []
    for key, (note_id, uid) in held.items():
        if uid != incoming[key] and uid not in state.remote:
            sync_names.adopt(state.connection, note_id, incoming[key])
            adopted.append(incoming[key])
    remote_side.promote(state.repository, state.remote,
                        [uid for uid in adopted if uid in state.remote.incoming])


def _name(state: _Round, dirty: list[int]) -> None:
    """Every file name this sync gives, before any file is written (a citation names the
    file of the note it cites): notes changed there keep theirs; notes changed here keep
    theirs while their titles stay, the others (new, renamed) get free ones, oldest first."""
    remote, namer = state.remote, state.namer
    for uid, title, path, _was in remote.notes():
        if not path:
            namer.keep(uid, remote.paths[uid] if uid in remote.paths
                       else remote.incoming[uid].path, title)
    later = []
    for _note_id, uid, title, was in sync_names.own_notes(state.connection, dirty):
        if uid in remote:
            continue
        state.local_paths[uid] = was
        if was and named_after(was, title):
            namer.keep(uid, was, title)
        else:
            later.append((uid, title, was))
    for uid, title, was in later:
        namer.name(uid, title, was)


def _names(state: _Round, notes: Iterable[SyncNote | None]) -> dict[str, str]:
    """Cited title key -> its note's file name, for the notes' citations."""
    keys = {title_key(title) for note in notes if note is not None and not note.path
            for title in [*cited_titles(note.body), *(t for t, _ in note.sources)]}
    names = sync_names.own_paths(state.connection, keys - state.namer.by_title.keys())
    names.update({key: state.namer.by_title[key] for key in keys
                  if key in state.namer.by_title})
    return names


# -- the library's side ----------------------------------------------------------------------

def _local_batch(state: _Round, note_ids: list[int], remote_renames: Mapping[str, str]
                 ) -> None:
    connection, writer = state.connection, state.writer
    records = sync_rows.records(connection, note_ids)
    marks_of = sync_rows.annotations_of(connection, note_ids)
    bases = sync_rows.base_of_notes(connection, note_ids)
    followed = {note_id: merge.follow_renames(note, remote_renames)
                for note_id, note in records.items() if note is not None}
    names = _names(state, followed.values())
    for note_id in note_ids:
        note, row = followed.get(note_id), bases.get(note_id)
        if note is None and row is None:
            continue
        uid = note.uid if note is not None else row.uid  # type: ignore[union-attr]
        marks = tuple(marks_of.get(note_id, ())) if note is not None else ()
        if row is not None and row.uid != uid:  # (adopted another library's uid)
            writer.remove(row.path)
            writer.remove(annotations_path(row.uid))
            writer.unsynced.append(row.uid)
            row = None
        if row is not None:
            state.local_paths.setdefault(uid, row.path)
        if uid in state.remote.incoming:  # (never so: an incoming note is unknown here)
            remote_side.promote(state.repository, state.remote, [uid])
        if uid in state.remote.held:  # (changed here too: merged whole)
            remote_side.promote_held(state.repository, state.remote, [uid])
        if uid in state.remote.changed:  # (merged with the remote's change, below)
            before = (_version(state, row) if row is not None else Version(None))
            # (as the library holds it: the merge follows the remote's renames, once)
            state.overlap[uid] = Changed(before, Version(records[note_id], marks))
            continue
        if row is None and note is not None and _derived(note, marks):
            continue  # (a stub never synced: each library makes its own from citations)
        if note is None:  # deleted or put in the Trash here
            assert row is not None
            writer.remove(row.path)
            writer.remove(annotations_path(uid))
            writer.unsynced.append(uid)
            state.sent.append(f"{_title(state, row)}: deleted (sent)")
            continue
        path = note.path or state.namer.paths[uid]
        data = note_file.render(note, names)
        marks_data = annotation_file.render(marks) if marks else None
        if row is not None and row.path != path:
            writer.remove(row.path)
            if not note.path:  # (renamed here: its citations on the other side follow)
                state.renamed[title_key(_title(state, row))] = note.title
        blob = writer.put(path, data)
        marks_blob = writer.put(annotations_path(uid), marks_data)
        if note is not records[note_id] and note != records[note_id]:
            state.takes.append(note)  # (its citations follow a rename made there)
        synced = sync_rows.Synced(uid, path, blob, marks_blob)
        if row is None or (row.path, row.blob, row.annotations) != (path, blob, marks_blob):
            writer.synced.append(synced)
            state.sent.append(_line(note, row, path))


def _derived(note: SyncNote, marks: tuple[SyncAnnotation, ...]) -> bool:
    """The stub a vault's link made (its title no question: no one made it by hand), which
    each library makes again from the link."""
    return (not note.path and not note.title.endswith("?") and not note.description
            and not note.body and not note.summary and not note.tags and not marks)


def _version(state: _Round, row: sync_rows.Base) -> Version:
    note = remote_side.parsed(state.repository, row.blob, row.path, {}) if row.blob else None
    if note is None:
        return Version(None)
    marks = remote_side.annotations_in(state.repository, row.annotations, row.path)
    return Version(note, marks)


def _title(state: _Round, row: sync_rows.Base) -> str:
    note = remote_side.parsed(state.repository, row.blob, row.path, {}) if row.blob else None
    return note.title if note is not None else row.path


def _line(note: SyncNote, row: sync_rows.Base | None, path: str) -> str:
    if row is None:
        return f"{note.title}: new (sent)"
    if row.path != path:
        return f"{note.title}: renamed (sent)"
    return f"{note.title}: edited (sent)"


# -- notes changed on the remote (and on both sides) ---------------------------------------

def _follow_here(state: _Round, renamed: Mapping[str, str]) -> None:
    """Notes new or changed there citing a note renamed here are held whole: their
    citations follow the rename, and they are sent so (the others are taken as they are)."""
    if not renamed:
        return
    remote, repository = state.remote, state.repository

    def citing(versions: Iterable[tuple[str, Version]]) -> list[str]:
        return [uid for uid, version in versions if version.note is not None
                and merge.follow_renames(version.note, renamed) != version.note]

    remote_side.promote(repository, remote,
                        citing(remote_side.taken(repository, remote, list(remote.incoming))))
    updated = [uid for uid, one in remote.held.items() if one.title]
    remote_side.promote_held(repository, remote,
                             citing(remote_side.updated(repository, remote, updated)))


def _outcomes(state: _Round, plan: Plan) -> None:
    writer, remote = state.writer, state.remote
    kept = [o.result.note for o in plan.outcomes if o.result.note is not None]
    for outcome in plan.outcomes:  # (merged notes whose titles changed: new names)
        note = outcome.result.note
        if note is not None and not note.path and outcome.uid not in state.namer.paths:
            state.namer.name(outcome.uid, note.title, remote.paths.get(outcome.uid, ""))
        elif (note is not None and not note.path
              and title_key(note.title) not in state.namer.by_title):
            state.namer.name(outcome.uid, note.title, state.namer.paths[outcome.uid])
    names = _names(state, kept)
    for outcome in plan.outcomes:
        uid, note = outcome.uid, outcome.result.note
        old = {remote.paths.get(uid, ""), state.local_paths.get(uid, "")} - {""}
        if note is None:
            for path in old:
                writer.remove(path)
            writer.remove(annotations_path(uid))
            writer.unsynced.append(uid)
            continue
        path = note.path or state.namer.paths[uid]
        for stale in old - {path}:
            writer.remove(stale)
        if outcome.send or uid in remote.unnamed or path != remote.paths.get(uid):
            data = note_file.render(note, names)
            marks = outcome.result.annotations
            blob = writer.put(path, data)
            marks_blob = writer.put(annotations_path(uid),
                                    annotation_file.render(marks) if marks else None)
        else:  # (the remote's files as they are)
            blob, marks_blob = remote.blobs[uid]
            data = b""
        writer.synced.append(sync_rows.Synced(uid, path, blob, marks_blob))
        if outcome.conflict:
            theirs = (note_file.render(outcome.theirs, names).decode("utf-8")
                      if outcome.theirs is not None else "")
            mine = (data or note_file.render(note, names)).decode("utf-8")
            found = sync_rows.ConflictFound(uid, outcome.conflict, mine, theirs,
                                            outcome.theirs or note)
            state.report.conflicts.append(outcome.line)
            writer.put(conflict_path(uid), conflict_file.render(found, note.title))
            state.conflicts.append(found)


def _held_deletions(state: _Round) -> list[str]:
    """The notes deleted there only: their annotation files go, and their sync rows."""
    deleted = [uid for uid, one in state.remote.held.items() if not one.title]
    for uid in deleted:
        state.writer.remove(annotations_path(uid))
        state.writer.unsynced.append(uid)
    return deleted


def _conflict_files(state: _Round) -> None:
    """The conflict files of conflicts settled here go (the others' stay or come). One this
    library cannot read was never its conflict: it is left alone, as a note file is."""
    kept = ({c.uid for c in sync_rows.conflicts(state.connection)}
            | {c.uid for c in state.conflicts} | set(state.remote.conflicts_opened))
    for path, blob in state.tree.items():
        if (path.startswith(CONFLICTS) and kind(path) is Kind.CONFLICT  # (cheap test first)
                and uid_in(path) not in kept):
            try:
                conflict_file.parse(state.repository.read(blob), uid_in(path))
            except ValueError:
                continue
            state.writer.remove(path)


def _take(state: _Round, plan: Plan, head: bytes | None, held_deleted: list[str]) -> None:
    report, remote = state.report, state.remote
    taken = [o for o in plan.outcomes if o.take]
    opened = []
    for uid, data in remote.conflicts_opened.items():
        try:
            opened.append(conflict_file.parse(data, uid))
        except ValueError as error:
            report.refused.append(f"{conflict_path(uid)}: {error}")
    annotations: dict[str, tuple[SyncAnnotation, ...]] = {
        o.uid: o.result.annotations for o in taken if o.result.note is not None}
    notes = [o.result.note for o in taken if o.result.note is not None]
    notes.extend(state.takes)
    incoming = remote.incoming_uids()
    vault = [uid for uid in incoming if "/" in remote.incoming[uid].path]
    updating = sorted(uid for uid, one in remote.held.items() if one.title)
    applied = sync_rows.Applied(
        base=head.decode("ascii") if head else "",
        mark=state.mark,
        notes=tuple(notes),
        deleted=(*(o.uid for o in taken if o.result.note is None), *held_deleted),
        annotations=annotations,
        synced=tuple(state.writer.synced),
        unsynced=tuple(state.writer.unsynced),
        conflicts=(*state.conflicts, *opened),
        settled=tuple(remote.conflicts_closed),
        received=itertools.chain(_received(state, incoming), _updated(state, updating)),
        received_vault=itertools.chain(
            (version.note for _, version in remote_side.taken(state.repository, remote, vault)
             if version.note is not None),
            (version.note for _, version in remote_side.updated(state.repository, remote, (
                sync_rows.without_notes(state.connection, [
                    uid for uid in updating if remote.held[uid].vault])))
             if version.note is not None)),
        updating=tuple(updating),
        renaming=remote_side.held_renames_by_uid(remote),
    )
    report.changed = set(sync_rows.apply(state.connection, applied))
    received = []
    for outcome in plan.outcomes:
        if outcome.conflict:
            continue
        if outcome.send and outcome.take:
            report.merged.append(outcome.line)
        elif outcome.send:
            report.sent.append(outcome.line)
        elif outcome.take:
            received.append((outcome.uid, outcome.line))
    report.received.extend(line for _uid, line in heapq.merge(
        received, ((uid, new_line(remote.incoming[uid].title, "received"))
                   for uid in incoming),
        sorted((uid, one.line) for uid, one in remote.held.items())))


def _received(state: _Round, uids: list[str]) -> Iterator[list[sync_rows.Received]]:
    """The incoming notes, read again a batch at a time, as the library takes them."""
    incoming = state.remote.incoming
    for start in range(0, len(uids), BATCH):
        batch = []
        for uid, version in remote_side.taken(state.repository, state.remote,
                                              uids[start:start + BATCH]):
            one = incoming[uid]
            assert version.note is not None
            batch.append(sync_rows.Received(version.note, version.annotations,
                                            sync_rows.Synced(uid, one.path, one.blob,
                                                             one.marks)))
        yield batch


def _updated(state: _Round, uids: list[str]) -> Iterator[list[sync_rows.Received]]:
    """The notes changed there only, read again a batch at a time, as the library takes
    them."""
    remote = state.remote
    for start in range(0, len(uids), BATCH):
        batch = []
        for uid, version in remote_side.updated(state.repository, remote,
                                                uids[start:start + BATCH]):
            assert version.note is not None
            blob, marks = remote.blobs[uid]
            batch.append(sync_rows.Received(
                version.note, version.annotations,
                sync_rows.Synced(uid, remote.paths[uid], blob, marks)))
        yield batch


def _message(lines: list[str]) -> str:
    head = f"notegui sync: {len(lines)} note{'s' if len(lines) != 1 else ''}"
    return "\n\n".join([head, "\n".join(lines[:200])]) + "\n"
