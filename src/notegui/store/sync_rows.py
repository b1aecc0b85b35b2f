"""What the library keeps of its sync through git (schema 10; docs/sync.md, "What the
library keeps"), read and written for the sync engine only (sync/engine.py): each function
takes a sqlite3 connection. The notes changed since the last sync (marked by triggers),
notes as their repository files hold them (``records``), the last synced state
(``base``), and ``apply``: a sync's outcome written in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from notegui.core import clock
from notegui.core.domain import Annotation
from notegui.core.errors import LibraryError
from notegui.core.sync_model import Conflict, SyncAnnotation, SyncNote, SyncSettings
from notegui.store import sync_writes
from notegui.store.note_editor import NoteEditor
from notegui.store.sync_writes import SyncRefused as SyncRefused  # (the engine's to catch)
from notegui.store.sync_writes import note_of
from notegui.store.transaction import Transaction

_CHUNK = 500  # ids a statement (under SQLite's variable limit)


class LibraryMoved(LibraryError):
    """A note the sync would write was edited here while the sync ran: nothing was
    written; syncing again merges that edit too."""


@dataclass(frozen=True)
class Synced:
    """A note's files as the new commit holds them (a ``sync_note`` row)."""

    uid: str
    path: str
    blob: str  # hex
    annotations: str = ""  # the annotation file's blob id, '' none


@dataclass(frozen=True)
class ConflictFound:
    """A note both sides changed in the same lines: ``theirs`` goes into its history."""

    uid: str
    fields: tuple[str, ...]
    mine: str  # the note's file text as kept
    theirs: str  # the other side's file text
    theirs_note: SyncNote


@dataclass(frozen=True)
class Received:
    """A note new here or changed there only, taken as the other side has it, with its
    annotations and its files as synced."""

    note: SyncNote
    annotations: tuple[SyncAnnotation, ...]
    synced: Synced


@dataclass(frozen=True)
class Applied:
    """One sync's outcome for the library. ``notes``: written here (by uid: created or
    updated); ``deleted``: uids deleted on the other side (moved to the Trash);
    ``annotations``: uid -> that note's whole merged set; ``synced``/``unsynced``: the
    sync_note rows set and dropped; ``conflicts`` written, ``settled`` cleared; ``base``:
    the commit the library now stands on; ``mark``: the dirty mark the sync read
    (``dirty``): marks up to it are cleared. ``received``: notes new here or changed there
    only, in batches, each batch written and let go (a library joining takes 100,000);
    ``received_vault``: the vault notes new here among them, placed before any note is
    written; ``updating``: the uids of those changed there only (refused as ``notes``
    are when edited meanwhile); ``renaming``: uid -> new title of the library's own among
    them renamed there (their titles freed first, as those of ``notes``)."""

    base: str
    mark: int
    notes: tuple[SyncNote, ...] = ()
    deleted: tuple[str, ...] = ()
    annotations: Mapping[str, tuple[SyncAnnotation, ...]] = field(default_factory=dict)
    synced: tuple[Synced, ...] = ()
    unsynced: tuple[str, ...] = ()
    conflicts: tuple[ConflictFound, ...] = ()
    settled: tuple[str, ...] = ()
    received: Iterable[Sequence[Received]] = ()
    received_vault: Iterable[SyncNote] = ()
    updating: tuple[str, ...] = ()
    renaming: Mapping[str, str] = field(default_factory=dict)


def _chunks(ids: Sequence[int] | Sequence[str]) -> Iterator[tuple[list, str]]:
    items = list(ids)
    for start in range(0, len(items), _CHUNK):
        part = items[start:start + _CHUNK]
        yield part, ",".join("?" * len(part))


# -- uids and marks ------------------------------------------------------------------------

_UID = "lower(hex(randomblob(16)))"


def ensure_uids(connection: sqlite3.Connection) -> None:
    """Every note and annotation without a uid gets a random one (two statements)."""
    with Transaction(connection):
        _give_uids(connection)


def _give_uids(connection: sqlite3.Connection) -> None:
    if _some_without(connection, "note", "sync_id"):
        connection.execute(f"INSERT INTO sync_id (note_id, uid) SELECT id, {_UID} FROM note "
                           "WHERE id NOT IN (SELECT note_id FROM sync_id)")
    if _some_without(connection, "annotation", "annotation_uid"):
        connection.execute(
            f"INSERT INTO annotation_uid (annotation_id, uid) SELECT id, {_UID} FROM "
            "annotation WHERE id NOT IN (SELECT annotation_id FROM annotation_uid)")


def _some_without(connection: sqlite3.Connection, rows: str, uids: str) -> bool:
    """Whether some of ``rows`` may lack a uid: the uid table (whose rows go with theirs,
    ON DELETE CASCADE) has fewer rows. Counting both takes milliseconds; finding the rows
    without one, a look-up for each of 100,000 notes (0.25 s), is done only then."""
    counted = connection.execute(
        f"SELECT (SELECT count(*) FROM {rows}) - (SELECT count(*) FROM {uids})").fetchone()
    return bool(counted[0])


def uids(connection: sqlite3.Connection, note_ids: Sequence[int]) -> dict[int, str]:
    """Note id -> uid (a note deleted here: the uid it was last synced with)."""
    found: dict[int, str] = {}
    for part, marks in _chunks(note_ids):
        found.update(connection.execute(
            f"SELECT note_id, uid FROM sync_note WHERE note_id IN ({marks})", part).fetchall())
        found.update(connection.execute(
            f"SELECT note_id, uid FROM sync_id WHERE note_id IN ({marks})", part).fetchall())
    return found


def dirty(connection: sqlite3.Connection) -> tuple[int, list[int]]:
    """(mark, ids of the notes to look at): those changed since the last sync (deleted ones
    too), those new since (given their uids here, and their annotations theirs), and
    those never synced (a library never synced: every note). ``apply`` with that mark
    clears these marks only."""
    with Transaction(connection):
        new = [row[0] for row in connection.execute(
            "SELECT id FROM note WHERE id NOT IN (SELECT note_id FROM sync_id)")] \
            if _some_without(connection, "note", "sync_id") else []
        _give_uids(connection)
        mark = connection.execute("SELECT coalesce(max(mark), 0) FROM sync_dirty").fetchone()[0]
        ids = set(new)
        ids.update(row[0] for row in connection.execute("SELECT note_id FROM sync_dirty"))
        ids.update(row[0] for row in connection.execute(
            "SELECT note_id FROM sync_id WHERE note_id NOT IN "
            "(SELECT note_id FROM sync_note WHERE note_id IS NOT NULL)"))
    return mark, sorted(ids)


def mark_dirty(connection: sqlite3.Connection, note_ids: Iterable[int] | None = None) -> None:
    """Mark notes for the next sync (all, when None) in one statement, inside the caller's
    transaction: for writes made with the marking triggers suspended."""
    source, params = "SELECT id FROM note", []
    if note_ids is not None:
        source, params = "SELECT value FROM json_each(?)", [json.dumps(list(note_ids))]
    connection.execute(
        "INSERT INTO sync_dirty (note_id, mark) SELECT ids.*, "
        f"(SELECT coalesce(max(mark), 0) + 1 FROM sync_dirty) FROM ({source}) AS ids "
        "WHERE true ON CONFLICT (note_id) DO UPDATE SET mark = excluded.mark", params)


# -- notes as the repository holds them ------------------------------------------------------

_NOTES = (
    "SELECT n.id, coalesce(s.uid, ''), n.title, n.description, n.summary, n.body, n.path, "
    "coalesce(f.front_matter, ''), n.created, n.updated FROM note AS n "
    "LEFT JOIN sync_id AS s ON s.note_id = n.id LEFT JOIN note_file AS f ON f.note_id = n.id "
    "WHERE n.id IN ({}) AND n.id NOT IN (SELECT note_id FROM trash)")
_SOURCES = (
    "SELECT l.source_id, t.title, coalesce(l.summary, '') FROM link AS l "
    "JOIN note AS t ON t.id = l.target_id WHERE l.source_id IN ({}) "
    "ORDER BY l.source_id, l.ordinal")
_TAGS = ("SELECT nt.note_id, t.name FROM note_tag AS nt JOIN tag AS t ON t.id = nt.tag_id "
         "WHERE nt.note_id IN ({})")
_ALIASES = "SELECT note_id, alias FROM alias WHERE note_id IN ({}) ORDER BY alias_key"


def records(connection: sqlite3.Connection, note_ids: Sequence[int]) -> dict[int, SyncNote | None]:
    """Each note as its repository file holds it; None for a note deleted or in the Trash.
    The library's own notes: body with citations as ``[[Title]]``, sources as (cited
    title, Sources line) in citation order. Vault notes: path, front matter verbatim,
    aliases. Tags sorted."""
    found: dict[int, SyncNote | None] = dict.fromkeys(note_ids)
    for part, marks in _chunks(note_ids):
        rows = connection.execute(_NOTES.format(marks), part).fetchall()
        if not rows:
            continue
        sources: dict[int, list[tuple[str, str]]] = {}
        for note_id, title, line in connection.execute(_SOURCES.format(marks), part):
            sources.setdefault(note_id, []).append((title, line))
        tags: dict[int, list[str]] = {}
        for note_id, name in connection.execute(_TAGS.format(marks), part):
            tags.setdefault(note_id, []).append(name)
        aliases: dict[int, list[str]] = {}
        for note_id, alias in connection.execute(_ALIASES.format(marks), part):
            aliases.setdefault(note_id, []).append(alias)
        for (note_id, uid, title, description, summary, body, path, front_matter, created,
             updated) in rows:
            found[note_id] = SyncNote(
                uid, title, description, summary, body,
                sources=() if path else tuple(sources.get(note_id, ())),
                tags=tuple(sorted(tags.get(note_id, ()), key=lambda t: (t.casefold(), t))),
                aliases=tuple(aliases.get(note_id, ())), path=path,
                front_matter=front_matter, created=created, updated=updated)
    return found


_ANNOTATIONS = (
    "SELECT a.note_id, coalesce(u.uid, ''), n.title, a.exact, a.prefix, a.suffix, a.start, "
    "a.\"end\", a.comment, a.color, a.created, a.updated, a.id, a.detached, n.path "
    "FROM annotation AS a JOIN note AS n ON n.id = a.note_id "
    "LEFT JOIN annotation_uid AS u ON u.annotation_id = a.id "
    "WHERE a.note_id IN ({}) ORDER BY a.note_id, a.start, a.id")


def annotations_of(connection: sqlite3.Connection,
                   note_ids: Sequence[int]) -> dict[int, list[SyncAnnotation]]:
    """Each note's annotations with their uids (a note without any: an empty list)."""
    found: dict[int, list[SyncAnnotation]] = {note_id: [] for note_id in note_ids}
    for part, marks in _chunks(note_ids):
        for (note_id, uid, title, exact, prefix, suffix, start, end, comment, color, created,
             updated, annotation_id, detached, path) in connection.execute(
                _ANNOTATIONS.format(marks), part):
            found[note_id].append(SyncAnnotation(uid, Annotation(
                title, exact, prefix, suffix, start, end, comment, color, created, updated,
                annotation_id, note_id, bool(detached), path)))
    return found


# -- the last synced state -----------------------------------------------------------------

@dataclass(frozen=True)
class Base:
    """A note as last synced (its ``sync_note`` row); ``note_id`` None: deleted here."""

    uid: str
    note_id: int | None
    path: str
    blob: str
    annotations: str


def base(connection: sqlite3.Connection, uids: Sequence[str] | None = None) -> dict[str, Base]:
    """uid -> the note as last synced (every synced note when ``uids`` is None)."""
    query = "SELECT uid, note_id, path, blob, annotations FROM sync_note"
    if uids is None:
        return {row[0]: Base(*row) for row in connection.execute(query)}
    found: dict[str, Base] = {}
    for part, marks in _chunks(uids):
        found.update((row[0], Base(*row)) for row in connection.execute(
            f"{query} WHERE uid IN ({marks})", part))
    return found


def known_uids(connection: sqlite3.Connection, uids: Sequence[str]) -> set[str]:
    """Those of ``uids`` this library knows: a note of its own has it, or it was synced."""
    found: set[str] = set()
    for part, marks in _chunks(uids):
        found.update(row[0] for row in connection.execute(
            f"SELECT uid FROM sync_note WHERE uid IN ({marks}) UNION "
            f"SELECT uid FROM sync_id WHERE uid IN ({marks})", part + part))
    return found


def without_notes(connection: sqlite3.Connection, uids: Sequence[str]) -> list[str]:
    """Those of ``uids`` no note here has (known only as synced once), in order."""
    held: set[str] = set()
    for part, marks in _chunks(uids):
        held.update(row[0] for row in connection.execute(
            f"SELECT uid FROM sync_id WHERE uid IN ({marks})", part))
    return [uid for uid in uids if uid not in held]


def base_of_notes(connection: sqlite3.Connection, note_ids: Sequence[int]) -> dict[int, Base]:
    """note id -> the note as last synced (notes never synced left out)."""
    found: dict[int, Base] = {}
    for part, marks in _chunks(note_ids):
        for row in connection.execute("SELECT uid, note_id, path, blob, annotations FROM "
                                      f"sync_note WHERE note_id IN ({marks})", part):
            found[row[1]] = Base(*row)
    return found


# -- state and settings --------------------------------------------------------------------

def state(connection: sqlite3.Connection) -> dict[str, str]:
    """sync_state: remote, base (commit hex), last_sync, last_result and the settings."""
    return dict(connection.execute("SELECT name, value FROM sync_state").fetchall())


def _set_state(connection: sqlite3.Connection, values: Mapping[str, str]) -> None:
    connection.executemany(
        "INSERT INTO sync_state (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value", list(values.items()))


def set_state(connection: sqlite3.Connection, **values: str) -> None:
    """Set sync_state values in a transaction of their own (last_result after a failure)."""
    with Transaction(connection):
        _set_state(connection, values)


def settings(connection: sqlite3.Connection) -> SyncSettings:
    kept = state(connection)
    try:
        minutes = max(0, int(kept.get("interval_minutes", "0")))
    except ValueError:
        minutes = 0
    return SyncSettings(kept.get("remote", ""), kept.get("on_start") == "1", minutes,
                        kept.get("after_saves") == "1")


def set_settings(connection: sqlite3.Connection, chosen: SyncSettings) -> None:
    set_state(connection, remote=chosen.remote.strip(), on_start=str(int(chosen.on_start)),
              interval_minutes=str(max(0, chosen.interval_minutes)),
              after_saves=str(int(chosen.after_saves)))


def counts(connection: sqlite3.Connection) -> tuple[int, int]:
    """(notes marked changed since the last sync, open conflicts)."""
    return (connection.execute("SELECT count(*) FROM sync_dirty").fetchone()[0],
            connection.execute("SELECT count(*) FROM sync_conflict").fetchone()[0])


def conflicts(connection: sqlite3.Connection) -> list[Conflict]:
    """The open conflicts, by note title."""
    rows = connection.execute(
        "SELECT c.uid, coalesce(c.note_id, 0), coalesce(n.title, ''), c.fields, c.mine, "
        "c.theirs, c.found FROM sync_conflict AS c LEFT JOIN note AS n ON n.id = c.note_id "
        "ORDER BY n.title_key, c.uid").fetchall()
    return [Conflict(uid, note_id, title, tuple(json.loads(fields)), mine, theirs, found)
            for uid, note_id, title, fields, mine, theirs, found in rows]


# -- writing a sync's outcome --------------------------------------------------------------

def apply(connection: sqlite3.Connection, changes: Applied) -> set[int]:
    """Write ``changes`` in one transaction (all or nothing); returns the ids of the notes
    written. Deletions first, then the notes (renamed ones freed of their old titles
    first), their annotations, conflicts, sync_note rows, the base; then the marks the
    sync saw are cleared, and those of its own writes. SyncRefused for a note whose title
    (or path) is another note's; LibraryMoved when a note to write was edited here
    while the sync ran."""
    stamp = clock.utc_now()
    with Transaction(connection):
        top = connection.execute("SELECT coalesce(max(mark), 0) FROM sync_dirty").fetchone()[0]
        _refuse_moved(connection, changes)
        editor = NoteEditor(connection, stamp)
        written = _trash(editor, changes.deleted)
        sync_writes.free_titles(connection, [*((n.uid, n.title) for n in changes.notes
                                               if not n.path), *changes.renaming.items()])
        sync_writes.place_vault_notes(editor, changes.notes)
        sync_writes.place_vault_notes(editor, changes.received_vault)
        ids = {note.uid: sync_writes.write_note(editor, note) for note in changes.notes}
        written |= _received(editor, changes.received, stamp)
        annotated = set()
        for uid, merged in changes.annotations.items():
            note_id = ids.get(uid) or note_of(connection, uid)
            if note_id is not None:
                sync_writes.replace_annotations(connection, note_id, merged, stamp)
                annotated.add(note_id)
        for note_id in set(ids.values()) - annotated:  # (their text may have changed)
            sync_writes.reanchor_note(connection, note_id)
        written |= annotated | set(ids.values())
        _conflicts(connection, changes, stamp)
        _sync_notes(connection, changes)
        _set_state(connection, {"base": changes.base, "last_sync": stamp, "last_result": ""})
        connection.execute(
            "DELETE FROM sync_dirty WHERE mark <= ? OR (mark > ? AND note_id IN "
            "(SELECT value FROM json_each(?)))", (changes.mark, top, json.dumps(sorted(written))))
    return written


def _received(editor: NoteEditor, batches: Iterable[Sequence[Received]], stamp: str,
              ) -> set[int]:
    """Notes new here written a batch at a time, each with its annotations and its
    sync_note row."""
    connection, written = editor.connection, set()
    for batch in batches:
        for one in batch:
            note_id = sync_writes.write_note(editor, one.note)
            sync_writes.replace_annotations(connection, note_id, one.annotations, stamp)
            written.add(note_id)
        _synced_rows(connection, [one.synced for one in batch])
        editor.forget_notes_met()
    return written


def _refuse_moved(connection: sqlite3.Connection, changes: Applied) -> None:
    touched = [note_id for note_id in (
        note_of(connection, uid) for uid in (*(n.uid for n in changes.notes),
                                             *changes.deleted, *changes.annotations,
                                             *changes.updating))
        if note_id is not None]
    for part, marks in _chunks(touched):
        row = connection.execute(
            f"SELECT d.note_id, n.title FROM sync_dirty AS d JOIN note AS n ON n.id = d.note_id"
            f" WHERE d.mark > ? AND d.note_id IN ({marks}) LIMIT 1",
            [changes.mark, *part]).fetchone()
        if row:
            raise LibraryMoved(f"note {row[1]!r} was edited while the sync ran; nothing was "
                               "changed: sync again")


def _trash(editor: NoteEditor, deleted: Sequence[str]) -> set[int]:
    """Notes deleted on the other side, moved to the Trash (never deleted here)."""
    moved = set()
    for uid in deleted:
        note_id = note_of(editor.connection, uid)
        if note_id is not None and editor.connection.execute(
                "SELECT 1 FROM trash WHERE note_id = ?", (note_id,)).fetchone() is None:
            editor.trash(note_id)
            moved.add(note_id)
    return moved


def _conflicts(connection: sqlite3.Connection, changes: Applied, stamp: str) -> None:
    for uid in changes.settled:
        connection.execute("DELETE FROM sync_conflict WHERE uid = ?", (uid,))
    for found in changes.conflicts:
        note_id = note_of(connection, found.uid)
        connection.execute(
            "INSERT OR REPLACE INTO sync_conflict (uid, note_id, mine, theirs, base, fields, "
            "found) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (found.uid, note_id, found.mine, found.theirs, changes.base,
             json.dumps(list(found.fields)), stamp))
        if note_id is not None:
            sync_writes.keep_other_side(connection, note_id, found.theirs_note, stamp)


def _sync_notes(connection: sqlite3.Connection, changes: Applied) -> None:
    connection.executemany("DELETE FROM sync_note WHERE uid = ?",
                           [(uid,) for uid in changes.unsynced])
    _synced_rows(connection, changes.synced)


def _synced_rows(connection: sqlite3.Connection, synced: Iterable[Synced]) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO sync_note (uid, note_id, path, blob, annotations) VALUES "
        "(?, (SELECT note_id FROM sync_id WHERE uid = ?), ?, ?, ?)",
        [(s.uid, s.uid, s.path, s.blob, s.annotations) for s in synced])


def settle(connection: sqlite3.Connection, uid: str, keep: str,
           note: SyncNote | None = None) -> int:
    """Settle the conflict of ``uid``: 'mine' keeps the note as it is; 'theirs' and
    'merged' write ``note`` (the other side's, or a merge of both; its text kept in the
    history as any save's). The note is marked for the next sync; returns its id."""
    if keep not in ("mine", "theirs", "merged"):
        raise LibraryError(f"settle: {keep!r} is not mine, theirs or merged")
    with Transaction(connection):
        row = connection.execute("SELECT note_id FROM sync_conflict WHERE uid = ?",
                                 (uid,)).fetchone()
        if row is None:
            raise LibraryError(f"no conflict is open for note {uid}")
        note_id = note_of(connection, uid) or row[0]
        if keep != "mine":
            if note is None or note.uid != uid:
                raise LibraryError(f"settle: keeping {keep} needs that note ({uid})")
            note_id = sync_writes.write_note(NoteEditor(connection, clock.utc_now()), note,
                                             reason="settle")
        connection.execute("DELETE FROM sync_conflict WHERE uid = ?", (uid,))
        if note_id is not None:
            mark_dirty(connection, [note_id])
    return note_id or 0
