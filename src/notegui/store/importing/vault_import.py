"""Writing a markdown folder (a vault) into the library: what ``core.vault`` reads, upserted
by path, its links resolved by Obsidian's rules over the vault as it will be after the
import (its notes already in the library and the files read), the vault design's "Store".

- A file whose path is new makes a note; one whose bytes are those last imported (its
  digest) changes nothing; a changed one keeps the note's text as a revision ('import')
  and updates title, description, summary, body, front matter, aliases, tags and links.
- Links: one row a target, in the order first written; a link inside the note (to itself)
  and links to images are not rows; a link that leads to no note of the vault cites the
  library's own note of that title, made as a stub if there is none, as a question note's
  citation does (``NoteImporter.target``). A link to a file of the vault that could not
  be read waits for it: neither a stub nor another note of that name (the next import
  that reads the file writes it).
- Images become attachments (upserted by path, compared by digest), copied as they are
  read.
- Notes of the vault whose files are gone are listed in the report, never deleted.

Files are written in batches, one transaction each (the import's lock held, as every
import: import_lock.py). A batch writes its notes and the links of its notes whose
targets exist by then; a link to a note of a later batch is written in that batch, so
the library is consistent after every commit and complete after the last. A batch that
fails is written again one file at a time, so only the file at fault is refused. An
import stopped midway (the window's Cancel) gives the notes it made the links that what
was read can tell; the next import of the folder writes the rest. What is kept of each
file until its links are written is its path, digest, name, aliases and where its links
lead (or the links, if they wait for every file): never its text, nor an image's bytes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from notegui.core import clock
from notegui.core.domain import Changes, ImportOutcome, title_key
from notegui.core.import_listing import (
    IMAGE,
    MARKDOWN,
    Skipped,
    kind_of_name,
    markdown_stem,
    walk,
)
from notegui.core.import_plan import VaultJob, less_texts
from notegui.core.vault import (
    LinkIndex,
    LinkRef,
    Problem,
    VaultAttachment,
    VaultFile,
    resolve,
)
from notegui.core.vault.reader import vault_path
from notegui.core.vault.resolve import stub_title
from notegui.core.vault_report import VaultReport
from notegui.store import schema
from notegui.store import tags as tag_rows
from notegui.store.errors import DATABASE_ERRORS, LibraryError
from notegui.store.importing.facade import ImportTarget
from notegui.store.importing.note_import import NoteImporter, Row
from notegui.store.importing.wal_checkpoints import BackgroundCheckpoints
from notegui.store.transaction import Transaction, foreign_keys_off

log = logging.getLogger("notegui")

BATCH = 5000  # files a transaction
DEFER_INDEX_FROM = 2_000  # files from which the index may be made at the end
_ATTACHMENT_BATCH_BYTES = 64 * 1024 * 1024  # image bytes a transaction
_CHUNK = 500  # parameters a query, under SQLite's limit

_IN_VAULT = "n.path >= ? AND n.path < ? AND n.path != ''"
_EXISTING = ("SELECT n.id, n.path, coalesce(f.digest, ''), coalesce(f.name_key, '') "
             f"FROM note AS n LEFT JOIN note_file AS f ON f.note_id = n.id WHERE {_IN_VAULT}")
_ALIASES = (f"SELECT n.path, a.alias FROM alias AS a JOIN note AS n ON n.id = a.note_id "
            f"WHERE {_IN_VAULT}")
_LINKS = ("SELECT l.source_id, l.target_id FROM link AS l JOIN note AS n ON n.id = l.source_id "
          f"WHERE {_IN_VAULT} ORDER BY l.source_id, l.ordinal")
_ATTACHMENTS = "SELECT path, digest FROM attachment WHERE path >= ? AND path < ?"
_ROWS = ("SELECT n.id, n.path, n.title, n.description, n.summary, n.body, n.updated, "
         "coalesce(f.digest, '') FROM note AS n LEFT JOIN note_file AS f ON f.note_id = n.id "
         "WHERE n.path IN ({marks})")
_INSERT_NOTE = ("INSERT INTO note (id, title, title_key, description, summary, body, "
                "created, updated, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
_UPDATE_NOTE = ("UPDATE note SET title = ?, title_key = ?, description = ?, summary = ?, "
                "body = ?, updated = ? WHERE id = ?")
_UNTRASH = "DELETE FROM trash WHERE note_id = ?"  # (a changed file brings its note back)
_NOTE_FILE = (
    "INSERT INTO note_file (note_id, name_key, front_matter, digest) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (note_id) DO UPDATE SET name_key = excluded.name_key, "
    "front_matter = excluded.front_matter, digest = excluded.digest")
_DEFER_INDEX = "INSERT OR IGNORE INTO import_state (name) VALUES ('index')"
_DELETE_ALIASES = "DELETE FROM alias WHERE note_id = ?"
_INSERT_ALIAS = "INSERT OR IGNORE INTO alias (note_id, alias, alias_key) VALUES (?, ?, ?)"
_DELETE_LINKS = "DELETE FROM link WHERE source_id = ?"
_INSERT_LINK = "INSERT INTO link (source_id, target_id, ordinal, summary) VALUES (?, ?, ?, NULL)"
_ATTACHMENT = (
    "INSERT INTO attachment (path, name_key, data, digest, added) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (path) DO UPDATE SET name_key = excluded.name_key, data = excluded.data, "
    "digest = excluded.digest, added = excluded.added")

class StubTitle(str):
    """A link's target that is a title to cite (a library note, made as a stub if there
    is none), not a vault note's path."""

    __slots__ = ()


# A link's target: a vault note's path, or a StubTitle (a plain string a link: a million
# notes' links are millions of them).
Target = str


def prefix_range(vault: str) -> tuple[str, str]:
    """The paths of a vault's notes: from ``<vault>/`` up to (not with) ``<vault>0``."""
    return f"{vault}/", f"{vault}0"  # ('0' is the character after '/')


class _Kept(NamedTuple):
    """What the import keeps of a file read until the end, when its links are written:
    not its text (a million files' text is gigabytes), nor its links once they are
    resolved (``VaultImport.targets``)."""

    path: str
    digest: str
    name_key: str
    aliases: tuple[str, ...]
    links: tuple[LinkRef, ...]


# A file whose links are written: read (its last batch) or kept.
_Linked = VaultFile | _Kept


@dataclass
class _Read:
    """What the vault's files gave: notes, images, refusals (in the walk's order)."""

    files: list[_Kept] = field(default_factory=list)
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (path, name key)
    refused: list[Problem] = field(default_factory=list)


@dataclass
class _Batch:
    """What a batch did that is undone if it rolls back."""

    ids: dict[str, int] = field(default_factory=dict)  # paths inserted -> ids
    waiting: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    taken: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    changed: set[int] = field(default_factory=set)
    rows: list[tuple[int, int, int]] = field(default_factory=list)  # links to insert


class VaultImport:
    """One vault's import into one library (``run``)."""

    def __init__(self, library: ImportTarget, job: VaultJob, report: VaultReport,
                 checkpoints: BackgroundCheckpoints | None = None) -> None:
        self.library = library
        self.checkpoints = checkpoints  # (a large import's: told after each commit)
        self.job = job
        self.report = report
        self.connection = library.db.connection()
        self.ids: dict[str, int] = {}  # path -> id of every note of the vault in the library
        self.made: set[str] = set()  # paths of the notes this import made
        self.digests: dict[str, str] = {}  # path -> digest as last imported
        self.links: dict[int, list[int]] = {}  # source id -> its link targets before the import
        self.targets: dict[str, tuple[Target, ...]] = {}  # path -> where its links lead
        # Links waiting for their target, a note of a later batch: path -> (source, ordinal)
        self.waiting: dict[str, list[tuple[int, int]]] = {}
        # The index kept in step by the batches (their triggers suspended: through them
        # FTS5 flushes at every row, several times slower), unless the import defers it.
        self.importer = NoteImporter(self.connection, index_directly=True)
        self.defer_index = False  # a large import: the index is made once, at the end
        self.name_keys: dict[str, str] = {}  # path -> name key, of the notes in the library
        self.aliases: dict[str, list[str]] = {}  # path -> aliases, of the notes in the library
        self.images: dict[str, str] = {}  # path -> digest of the vault's attachments
        self.pending_images: list[VaultAttachment] = []  # read, to be copied
        self.pending_bytes = 0

    def run(self, should_stop: Callable[[], bool]) -> Iterator[ImportOutcome]:
        """A vault of one batch is written whole in one transaction. A larger one is
        written as it is read (the workers reading the next files meanwhile): each batch's
        notes, then, once every file is read and the vault's links can be resolved, the
        links, a batch of notes at a time."""
        report, job = self.report, self.job
        report.folder, report.vault, report.kind = job.folder, job.name, job.kind
        skipped = Skipped()
        report.notes = job.markdown  # (as planned, until they are read: the progress)
        self._snapshot()
        early = self._early_index() if job.whole and job.markdown >= BATCH else None
        read = _Read()
        batch: list[VaultFile] = []
        written = False  # whether notes were written before their links
        for item in _unique(job.read(skipped), read):
            if isinstance(item, Problem):
                yield ImportOutcome(item.path, "refused", _reason(item))
                continue
            if isinstance(item, VaultAttachment):
                self._image(item)
                continue
            found = None
            if early is not None:  # (while the workers read the next files)
                found = _targets(early, item, strict=True)
                if found is not None:
                    self.targets[item.path] = found
            # (a new note's digest is never compared)
            read.files.append(_Kept(item.path, item.digest if item.path in self.ids else "",
                                    item.name_key, item.aliases,
                                    item.links if found is None else ()))
            batch.append(item)
            if len(batch) >= BATCH:
                if should_stop():
                    self._link_the_new(read)
                    return
                if not written:
                    self._decide_index()
                yield from self._batch(batch, notes_only=True)
                batch, written = [], True
        early = None  # (the whole index is made below)
        report.skipped = less_texts(skipped, job.texts)
        report.notes = len(read.files) + sum(1 for p in read.refused
                                             if kind_of_name(p.path) != IMAGE)
        if not report.notes:  # (nothing to import: its images alone are not copied)
            report.skipped.add(IMAGE, len(read.attachments) - report.images_copied
                               - report.images_unchanged)
            return
        if not written:
            self._decide_index()
        later = [file for file in read.files if file.path not in self.targets]
        if later:
            index = self._index(read)
            for file in later:
                self.targets[file.path] = _targets(index, file) or ()
        if not should_stop():
            self._write_images()
        if should_stop():
            self._link_the_new(read)
            return
        if written:
            yield from self._batch(batch, notes_only=True)
            # (every key a link row holds is a note's that is there: checking each again
            # took 2.5 s of a 100,000-note import's 28)
            with foreign_keys_off(self.connection):
                for start in range(0, len(read.files), BATCH):
                    self._links(read.files[start:start + BATCH])
        else:
            yield from self._batch(batch)
        if self.waiting:  # (their targets' files could not be written)
            log.warning("%d links of %s lead to notes that could not be written",
                        sum(len(w) for w in self.waiting.values()), job.name)
        if job.whole:
            seen = {file.path for file in read.files} | {p.path for p in read.refused}
            report.gone = sorted(path for path in self.ids if path not in seen)
        report.stubs = self.importer.created

    def _link_the_new(self, read: _Read) -> None:
        """An import stopped before its links: the notes it made get theirs now, those it
        can tell from what was read (a link to a file not read yet, or that may name an
        alias of one, waits for the next import of the folder, which writes every link of
        the vault again). A note it changed keeps its links until then."""
        new = [file for file in read.files if file.path in self.made]
        if not new:
            return
        index = self._index(read)
        for path in self._listed():  # (so that a link never leads to the wrong one of two)
            if index.exact(path) is None:
                _add_listed(index, path)
        for file in new:
            if file.path not in self.targets:  # (those resolved early are whole)
                self.targets[file.path] = tuple(
                    target for target in _targets(index, file) or ()
                    if not isinstance(target, StubTitle))
        with foreign_keys_off(self.connection):
            self._links(new)
        self.waiting.clear()  # (their targets were not read: the next import links them)

    def _decide_index(self) -> None:
        """As a large import of question notes does (staged_import.py): an import at least
        as large as the library makes the index once at its end, which the importer does
        (or the next opening, if the import is cut short)."""
        files = self.job.markdown
        self.defer_index = files >= DEFER_INDEX_FROM and files >= self.library.count()

    # -- what the library holds of the vault ---------------------------------------------

    def _snapshot(self) -> None:
        bounds = prefix_range(self.job.name)
        for note_id, path, digest, name_key in self.connection.execute(_EXISTING, bounds):
            self.ids[path] = note_id
            self.digests[path] = digest
            self.name_keys[path] = name_key
        for path, alias in self.connection.execute(_ALIASES, bounds):
            self.aliases.setdefault(path, []).append(alias)
        for source, target in self.connection.execute(_LINKS, bounds):
            self.links.setdefault(source, []).append(target)
        self.images = dict(self.connection.execute(_ATTACHMENTS, bounds).fetchall())

    def _early_index(self) -> LinkIndex:
        """The vault's notes and images as its folder lists them, before they are read,
        without aliases: a link it resolves leads where it will once every file is read
        (Obsidian's rules look at aliases last); the others wait for the whole index."""
        index = LinkIndex()
        listed = set(self._listed())
        for path in listed:
            _add_listed(index, path)
        for path in self.ids:
            if path not in listed:
                index.add_note(path, self.name_keys[path] or _name_key(path))
        for path in self.images:
            if path not in listed:
                index.add_attachment(path, title_key(path.rpartition("/")[2]))
        return index

    def _listed(self) -> Iterator[str]:
        """The paths of the vault's notes and images, as its folder lists them now."""
        top = self.job.folder
        prefix = os.path.join(top, "")
        for file in walk(top, Skipped(), _note_or_image):
            yield vault_path(self.job.name, file[len(prefix):] if file.startswith(prefix)
                             else os.path.basename(file))

    def _index(self, read: _Read) -> LinkIndex:
        """The vault after the import: its files read, and its notes and images already
        in the library whose files were not (gone, or not given)."""
        index = LinkIndex()
        for file in read.files:
            index.add_note(file.path, file.name_key, file.aliases)
        paths = {file.path for file in read.files}
        for path in self.ids:
            if path not in paths:
                index.add_note(path, self.name_keys[path] or _name_key(path),
                               self.aliases.get(path, ()))
        for path, name_key in read.attachments:
            index.add_attachment(path, name_key)
        images = {path for path, _ in read.attachments}
        for path in self.images:
            if path not in images:
                index.add_attachment(path, title_key(path.rpartition("/")[2]))
        for problem in read.refused:  # (a link to a file that could not be read waits for it)
            if index.exact(problem.path) is None:
                _add_listed(index, problem.path)
        return index

    # -- images --------------------------------------------------------------------------

    def _image(self, item: VaultAttachment) -> None:
        """An image read: copied if it is new or changed, with others up to 64 MB a
        transaction, as the files are read (their bytes are not kept to the end). A folder
        without notes copies none."""
        if not self.job.markdown:
            return
        if self.images.get(item.path) == item.digest:
            self.report.images_unchanged += 1
            return
        self.pending_images.append(item)
        self.pending_bytes += len(item.data)
        if self.pending_bytes >= _ATTACHMENT_BATCH_BYTES:
            self._write_images()

    def _write_images(self) -> None:
        batch, stamp = self.pending_images, clock.utc_now()
        if not batch:
            return
        self.pending_images, self.pending_bytes = [], 0
        with Transaction(self.connection, self.library.on_wait):
            self.connection.executemany(_ATTACHMENT, [
                (item.path, item.name_key, item.data, item.digest, stamp) for item in batch])
        self.report.images_copied += len(batch)
        if self.checkpoints is not None:
            self.checkpoints.committed()

    # -- notes ---------------------------------------------------------------------------

    def _batch(self, files: list[VaultFile], notes_only: bool = False) -> list[ImportOutcome]:
        """A batch in one transaction; if it fails, each of its files in one of its own."""
        try:
            return self._write(files, notes_only)
        except DATABASE_ERRORS as error:
            if len(files) == 1:
                return [ImportOutcome(files[0].path, "refused",
                                      f"the library could not be written: {error}")]
        return [outcome for file in files for outcome in self._batch([file], notes_only)]

    def _write(self, files: list[VaultFile], notes_only: bool = False) -> list[ImportOutcome]:
        """A batch's notes, and their links unless ``notes_only`` (written by ``_links``
        once every note of the vault is)."""
        batch = _Batch()
        outcomes: list[ImportOutcome] = []

        def write() -> None:
            outcomes.extend(self._write_notes(files, batch, clock.utc_now()))
            if not notes_only:
                self._write_all_links(files, batch)

        self._in_transaction(write, batch)
        return outcomes

    def _links(self, files: Sequence[_Linked]) -> None:
        """The links of notes written before (each file's note is in the library, or was
        refused), in one transaction."""
        batch = _Batch()
        written = [file for file in files if file.path in self.ids]
        try:
            self._in_transaction(lambda: self._write_all_links(written, batch), batch)
        except DATABASE_ERRORS as error:
            raise LibraryError(f"the links of {self.job.name}'s notes could not be written: "
                               f"{error}") from None

    def _write_all_links(self, files: Sequence[_Linked], batch: _Batch) -> None:
        stamp = clock.utc_now()
        for file in files:
            self._write_links(file, batch, stamp)
        self.connection.executemany(_INSERT_LINK, batch.rows)

    def _in_transaction(self, write: Callable[[], None], batch: _Batch) -> None:
        """``write`` in a transaction, the index kept in step (or deferred); what the batch
        did is kept if it commits, undone if it rolls back."""
        connection = self.connection
        try:
            with Transaction(connection, self.library.on_wait):
                if self.defer_index:
                    connection.execute(_DEFER_INDEX)
                triggers = schema.suspend_triggers(connection, schema.FTS_WRITE_TRIGGERS)
                write()
                if self.defer_index:
                    self.importer.forget_index()
                else:
                    self.importer.flush_index()
                schema.restore_triggers(connection, triggers)
        except BaseException:
            self._undo(batch)
            raise
        self.ids.update(batch.ids)
        self.made.update(batch.ids)
        self.report.changed.update(batch.changed)
        if self.checkpoints is not None:
            self.checkpoints.committed()

    def _undo(self, batch: _Batch) -> None:
        self.importer.known.clear()  # (stubs it made are gone)
        self.importer.forget_index()
        for path, entry in reversed(batch.waiting):
            self.waiting[path].remove(entry)
            if not self.waiting[path]:
                del self.waiting[path]
        for path, entries in batch.taken.items():
            self.waiting.setdefault(path, []).extend(entries)

    def _write_notes(self, files: list[VaultFile], batch: _Batch,
                     stamp: str) -> list[ImportOutcome]:
        # (a file whose bytes are those last imported changes nothing: its row is not read)
        rows = self._rows([file.path for file in files if file.path in self.ids
                           and self.digests.get(file.path) != file.digest])
        written: list[tuple[int, VaultFile]] = []
        outcomes = []
        execute = self.connection.execute
        # New notes get their ids here (max + 1 on: the transaction holds the write lock)
        # and are inserted with one statement.
        new_id = self.connection.execute("SELECT coalesce(max(id), 0) FROM note").fetchone()[0]
        inserted: list[tuple[object, ...]] = []
        for file in files:
            warnings = tuple(str(problem) for problem in file.problems)
            row = rows.get(file.path)
            if (row is None and file.path in self.ids) or (row is not None
                                                           and row[1] == file.digest):
                outcomes.append(ImportOutcome(file.path, "unchanged", warnings=warnings))
                continue
            if row is None:
                new_id += 1
                note_id = new_id
                inserted.append((note_id, file.title, title_key(file.title), file.description,
                                 file.summary, file.body, stamp, stamp, file.path))
                if not self.defer_index:
                    self.importer.index_new(note_id, file.title, file.description,
                                            file.summary, file.body)
                batch.ids[file.path] = note_id
                status, new = "imported", 1
            else:
                current = row[0]
                note_id = current.id
                self.importer.keep_revisions(
                    [(current, self.importer.current_links(note_id))], stamp, "import")
                execute(_UPDATE_NOTE, (file.title, title_key(file.title), file.description,
                                       file.summary, file.body, stamp, note_id))
                self.importer.unindex(current)
                self.importer.index_new(note_id, file.title, file.description,
                                        file.summary, file.body)
                execute(_UNTRASH, (note_id,))
                status, new = "updated", 0
            written.append((note_id, file))
            outcomes.append(ImportOutcome(file.path, status, notes=new, warnings=warnings,
                                          changes=Changes(notes=frozenset({note_id}),
                                                          links=True)))
        self.connection.executemany(_INSERT_NOTE, inserted)
        self.connection.executemany(_NOTE_FILE, [
            (note_id, file.name_key, file.front_matter, file.digest)
            for note_id, file in written])
        self.connection.executemany(_DELETE_ALIASES, [(note_id,) for note_id, _ in written])
        self.connection.executemany(_INSERT_ALIAS, [
            (note_id, alias, key) for note_id, file in written for alias in file.aliases
            if (key := title_key(alias))])
        tag_rows.write_many(self.connection, [
            (note_id, tag_rows.wanted(file.tags)) for note_id, file in written])
        # Links waiting for the notes just made: written now that their targets exist.
        for path, note_id in batch.ids.items():
            entries = self.waiting.pop(path, None)
            if entries:
                batch.taken[path] = entries
                self.connection.executemany(_INSERT_LINK, [
                    (source, note_id, ordinal) for source, ordinal in entries])
                batch.changed.update(source for source, _ in entries)
        return outcomes

    def _rows(self, paths: Sequence[str]) -> dict[str, tuple[Row, str]]:
        """The current rows of notes of the vault (read in the batch's transaction: a
        revision keeps the text as it is now), with their digests."""
        found: dict[str, tuple[Row, str]] = {}
        for start in range(0, len(paths), _CHUNK):
            chunk = paths[start:start + _CHUNK]
            for note_id, path, title, description, summary, body, updated, digest in (
                    self.connection.execute(_ROWS.format(marks=",".join("?" * len(chunk))),
                                            chunk)):
                found[path] = (Row(note_id, title, description, summary, body, updated),
                               digest)
        return found

    def _write_links(self, file: _Linked, batch: _Batch, stamp: str) -> None:
        """A note's links, unless they are what the library holds (a file that did not
        change whose links lead where they did)."""
        source = batch.ids.get(file.path) or self.ids[file.path]
        targets = self.targets[file.path]
        new = file.path in batch.ids
        if (not new and self.digests.get(file.path) == file.digest
                and self._resolved(targets, batch) == self.links.get(source, [])):
            return
        ids: list[tuple[int, int]] = []
        for ordinal, name in enumerate(targets, start=1):
            if not isinstance(name, StubTitle):
                target = batch.ids.get(name) or self.ids.get(name)
                if target is None:  # (a note of a later batch: linked when it is made)
                    self.waiting.setdefault(name, []).append((source, ordinal))
                    batch.waiting.append((name, (source, ordinal)))
                    continue
            else:
                made = self.importer.created
                target = self.importer.target(name, None, stamp)
                if self.importer.created != made:
                    batch.changed.add(target)
            ids.append((target, ordinal))
        if not new:
            self.connection.execute(_DELETE_LINKS, (source,))
            batch.changed.add(source)
        batch.rows.extend((source, target, ordinal) for target, ordinal in ids)

    def _resolved(self, targets: tuple[Target, ...], batch: _Batch) -> list[int] | None:
        """The ids ``targets`` lead to now, or None if one is not in the library yet."""
        found = []
        for name in targets:
            target = (self.importer.find_own(name) if isinstance(name, StubTitle)
                      else batch.ids.get(name) or self.ids.get(name))
            if target is None:
                return None
            found.append(target)
        return found


def _unique(items: Iterable[VaultFile | VaultAttachment | Problem],
            read: _Read) -> Iterator[VaultFile | VaultAttachment | Problem]:
    """The reader's items, refusals and images also kept in ``read`` (the files are kept
    by ``run``); a second file of one path (two names that are one once NFC-normalised)
    refused."""
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, Problem):
            if item.path in seen:
                item = Problem(item.path, "another file has this name once its accents are "
                                          "written alike (NFC): not read")
            else:
                seen.add(item.path)
        if isinstance(item, Problem):
            read.refused.append(item)
        elif isinstance(item, VaultAttachment):
            read.attachments.append((item.path, item.name_key))
        yield item


def _reason(problem: Problem) -> str:
    return f"line {problem.line}: {problem.reason}" if problem.line else problem.reason


def _note_or_image(name: str) -> bool:
    return kind_of_name(name) in (MARKDOWN, IMAGE)


def _add_listed(index: LinkIndex, path: str) -> None:
    """A note or image known by its path alone (not read: no aliases, its file's name)."""
    if kind_of_name(path) == IMAGE:
        index.add_attachment(path, title_key(path.rpartition("/")[2]))
    else:
        index.add_note(path, _name_key(path))


def _name_key(path: str) -> str:
    return title_key(markdown_stem(path.rpartition("/")[2]))


def _targets(index: LinkIndex, file: _Linked,
             strict: bool = False) -> tuple[Target, ...] | None:
    """Where each link of ``file`` leads, each target once, in the order first written:
    a note's path, or the title of the stub an unresolved link cites. Links inside the note
    itself, to images, and unresolved links to files that are not notes are left out.
    ``strict``: None when a link leads nowhere in ``index`` (an index without aliases)."""
    found: list[Target] = []
    seen: set[tuple[bool, str]] = set()
    for ref in file.links:
        if not ref.target.strip():
            continue  # (a heading of the note itself)
        path = resolve(index, file.path, ref)
        if path is not None:
            if path == file.path or index.is_attachment(path):
                continue
            target, key = path, (True, path)
        elif strict:
            return None
        else:
            title = stub_title(ref)
            if not title:
                continue
            target, key = StubTitle(title), (False, title_key(title))
        if key not in seen:
            seen.add(key)
            found.append(target)
    return tuple(found)
