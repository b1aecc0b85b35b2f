"""An import's orchestration, for one library: files read and claimed, written in batches
(their links staged, staged_import.py) or one at a time, the end of the import (links
resolved, the index rebuilt or copied in from beside), and what an import cut short left.
``SqliteLibrary`` owns one and delegates its import methods to it."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from notegui.core import clock
from notegui.core.domain import Annotation, Changes, ImportOutcome, title_key
from notegui.core.formats import question_note
from notegui.core.formats.document import NoteRecord
from notegui.core.formats.errors import FormatError
from notegui.core.import_files import ReadFile, note_files, parse_bytes, read_all
from notegui.core.import_plan import VaultJob
from notegui.core.vault.kinds import NOTEGUI_EXPORT
from notegui.core.vault_report import VaultReport
from notegui.store import db as database_file
from notegui.store.errors import DATABASE_ERRORS, LibraryError
from notegui.store.importing import documents, staged_import, vault_records
from notegui.store.importing.export_import import import_export
from notegui.store.importing.facade import ImportTarget
from notegui.store.importing.import_claims import ImportClaims
from notegui.store.importing.import_lock import ImportLock
from notegui.store.importing.note_import import KnownNotes, NoteImporter, Unchanged
from notegui.store.importing.side_index import (
    SideIndex,
    data_version,
    remove_scratch,
    scratch_path,
)
from notegui.store.importing.staged_import import ImportMemory, StagedBatch
from notegui.store.importing.vault_import import VaultImport
from notegui.store.importing.wal_checkpoints import BackgroundCheckpoints
from notegui.store.transaction import Transaction

log = logging.getLogger("notegui")

_BATCH = 5000  # files per transaction in an import (fewer, larger index segments)
_BULK_FROM = 20  # files in a batch from which their links are staged (staged_import)
_DEFER_INDEX_FROM = 2_000  # files in an import from which the index may be rebuilt at its end
# The page cache of a large import's connection: with the usual 16 MB, a batch's pages
# spilled to the log before its commit, and pages changed again were written again (a
# 100k import: 19.6 -> 18.8 s, medians of three; 192 MB did no better). 48 MB holds a
# batch's pages (5,000 notes, about 30 MB) and is half of a million-note import's peak
# less than the 96 MB it had.
_LARGE_IMPORT_CACHE_KB = 48 * 1024


def _keys(batch: list[ReadFile]) -> dict[str, str]:
    """Title -> title key, for every title a batch names: its notes' and their
    citations' (a title is cited several times: its key is computed once)."""
    keys: dict[str, str] = {}
    for read in batch:
        if read.parsed is not None:
            for title in (read.parsed.title, *(c.title for c in read.parsed.citations)):
                if title not in keys:
                    keys[title] = title_key(title)
    return keys


class Importer:
    """The imports of one library (its facade's database, path, health and transaction
    helper), and what the import under way knows."""

    def __init__(self, library: ImportTarget) -> None:
        self.library = library
        self._known = KnownNotes()  # what the import under way knows (note_import)
        self._known_version = 0  # the data_version it was true at
        self._staging: ImportMemory | None = None  # the import under way's (staged_import)
        self._checkpoints: BackgroundCheckpoints | None = None  # (a large import's)
        self._claimed: ImportClaims | None = None  # the titles the import under way wrote
        self._vault_notes: list[NoteRecord] = []  # a JSON file's, written after its own
        self._vault_annotations: list[Annotation] = []  # on those notes: added after them

    @property
    def _path(self) -> Path:
        return self.library.path

    def finish_cut_import(self) -> None:
        """An import cut short (the process ended) left citations staged, or the index to
        rebuild, or its scratch index file: finish it now, unless an import or a check is
        under way in another process (its lock is held): that one finishes them itself."""
        if not self.library.health().writable:
            return  # (finished when it can be written)
        lock = ImportLock(self._path)
        try:
            if ((scratch_path(self._path).exists()
                 or staged_import.has_unfinished_import(self.library.db.connection()))
                    and lock.acquire()):
                self._tidy_cut_import()
        except DATABASE_ERRORS:
            pass  # (tried again at the next opening)
        finally:
            lock.release()

    def _tidy_cut_import(self) -> None:
        """With the import lock held: what an import cut short left, finished or removed
        (if that fails, it stays for the next opening, and a check reports it)."""
        remove_scratch(self._path)
        try:
            if staged_import.has_unfinished_import(self.library.db.connection()):
                self._finish_staged()
        except DATABASE_ERRORS as error:
            log.warning("an import cut short could not be finished in %s: %s", self._path,
                        error)

    @contextmanager
    def taking_turns(self) -> Iterator[None]:
        """Hold the import lock (waiting for an import or a check under way, which is
        said): imports and checks take turns on a library (import_lock.py)."""
        lock = ImportLock(self._path)
        lock.wait(self.library.on_wait)
        try:
            if lock.held and self.library.health().writable:
                self._tidy_cut_import()  # (one that ended while this waited)
            yield
        finally:
            lock.release()

    def _finish_staged(self, index: bool = True, memory: ImportMemory | None = None) -> None:
        """staged_import.finish in a transaction of its own (rolled back if it fails: what
        is staged then stays, and is finished at the next opening). An import that defers
        the index commits its stubs and summary lines first, so that the thread indexing
        the notes beside it (side_index.py) indexes the last of them while the links are
        written."""
        db = self.library.db
        connection = db.connection()
        beside, version = None, 0
        if (index and memory is not None and memory.complete
                and staged_import.index_deferred(connection)):
            beside, version = self._give_stubs_and_summaries(connection, memory)
        try:
            self.library.in_transaction(staged_import.finish, connection, clock.utc_now(), index,
                                        memory, beside, version)
        finally:
            if beside is not None:
                beside.discard()
                if beside.copied:
                    db.close()  # (SideIndex.copy_into says why)
                    remove_scratch(self._path)  # (Windows: not while it was attached)

    def _give_stubs_and_summaries(self, connection: sqlite3.Connection,
                                  memory: ImportMemory) -> tuple[SideIndex, int]:
        """The first transaction of a large import's end. Returns the index beside, told
        what it has left to index (every note, if the import had to give it up), and the
        library's data_version in that transaction (the copy needs it unchanged)."""

        def first(connection: sqlite3.Connection) -> tuple[int, int]:
            memory.check_index(connection)
            top = staged_import.last_id(connection)
            staged_import.give_stubs_and_summaries(connection, clock.utc_now(), memory)
            return top, data_version(connection)

        try:
            top, version = self.library.in_transaction(first, connection)
        except BaseException:
            memory.give_up_index()
            raise
        memory.version = version
        beside, memory.index = memory.index, None
        if beside is None:
            beside = SideIndex(self._path)
            beside.add_all()
        else:
            beside.add_notes(memory.waiting)
            beside.add_after(top)
        del memory.waiting[:]
        return beside, version

    def import_paths(
        self, paths: Iterable[Path | str], should_stop: Callable[[], bool] = lambda: False
    ) -> Iterator[ImportOutcome]:
        """Import files and folders; yields one outcome per file, each file all or nothing.
        Files are written in batches of ``_BATCH``, one transaction each, and reported when
        their batch is committed; if a batch fails to write, its files are written again one
        transaction each, so only the file at fault is refused."""
        self.library.refuse_writes(wait=True)
        batch: list[ReadFile] = []
        files = list(note_files(paths))
        # Imports (and checks) take turns on a library (import_lock.py says why).
        lock = ImportLock(self._path)
        lock.wait(self.library.on_wait)
        if lock.held:
            self._tidy_cut_import()  # (one that ended while this one waited)
        self._known = KnownNotes()
        self._claimed = claimed = ImportClaims(files)
        large = len(files) >= _DEFER_INDEX_FROM
        # Rebuilding the index at the end costs less than keeping it in step, when the
        # import is at least as large as the library.
        self._staging = staging = ImportMemory(large and len(files) >= self.library.count(),
                                               claimed.flags)
        connection = self.library.db.connection()
        self._checkpoints = BackgroundCheckpoints(self._path, connection) if large else None
        if large:  # (set back when the import ends)
            connection.execute(f"PRAGMA cache_size = -{_LARGE_IMPORT_CACHE_KB}")
        try:
            if staging.defer_index and staged_import.last_id(connection) == 0:
                # An empty library: every note will be the import's, indexed beside it.
                staging.build_index_beside(SideIndex(self._path), connection)
            for position, read in enumerate(read_all(files)):
                if should_stop():
                    break
                if read.parsed is not None:  # (files[position]: the path, not a copy of it)
                    read = claimed.claim(read, files[position], position)
                if read.json_text is not None:  # a whole library: on its own
                    yield from self._write_batch(batch, staging)
                    batch = []
                    yield self._write_alone(read)
                    continue
                batch.append(read)
                if len(batch) >= _BATCH:
                    yield from self._write_batch(batch, staging)
                    batch = []
            yield from self._write_batch(batch, staging)
        finally:
            self._claimed = None
            if self._checkpoints is not None:
                self._checkpoints.close()
                self._checkpoints = None
            try:
                self._finish_import()
            finally:
                lock.release()
                if large:
                    self.library.db.connection().execute(
                        f"PRAGMA cache_size = {database_file.PRAGMAS['cache_size']}")

    def import_vault(self, job: VaultJob, report: VaultReport,
                     should_stop: Callable[[], bool] = lambda: False,
                     ) -> Iterator[ImportOutcome]:
        """Import a markdown folder (or one file of it): one outcome per markdown file,
        what else it did in ``report`` (store/importing/vault_import.py)."""
        self.library.refuse_writes(wait=True)
        with self.taking_turns():
            writers: list[VaultImport] = []
            connection = self.library.db.connection()
            large = job.markdown >= _DEFER_INDEX_FROM
            if large:  # (as a large import of question notes: set back when it ends)
                self._checkpoints = BackgroundCheckpoints(self._path, connection)
                connection.execute(f"PRAGMA cache_size = -{_LARGE_IMPORT_CACHE_KB}")
            try:
                if job.kind == NOTEGUI_EXPORT:  # (its own notes, then its vault folders)
                    yield from import_export(self, job, report, should_stop,
                                             self._writer_for(writers))
                else:
                    yield from self._writer_for(writers)(job, report).run(should_stop)
            finally:
                self._known.clear()  # (stubs were made past it)
                if self._checkpoints is not None:
                    self._checkpoints.close()
                    self._checkpoints = None
                try:
                    if any(writer.defer_index for writer in writers):
                        self._finish_deferred_index()
                finally:
                    if large:
                        connection.execute(
                            f"PRAGMA cache_size = {database_file.PRAGMAS['cache_size']}")

    def _writer_for(self, writers: list[VaultImport],
                    ) -> Callable[[VaultJob, VaultReport], VaultImport]:
        """Makes a vault's import into this library, kept in ``writers`` (whether one
        deferred the index is asked when they are done)."""
        def writer(job: VaultJob, report: VaultReport) -> VaultImport:
            writers.append(VaultImport(self.library, job, report, self._checkpoints))
            return writers[-1]
        return writer

    def _finish_deferred_index(self) -> None:
        """Make the index a large vault import deferred (or leave it to the next opening,
        saying so, if that fails)."""
        try:
            self._finish_staged()
        except DATABASE_ERRORS as error:
            raise LibraryError(
                f"the full-text index could not be made: {error}; it will be when the "
                "library is next opened") from None

    def import_bytes(self, data: bytes, name: str) -> ImportOutcome:
        """Import one file's content (a question note, or notegui JSON)."""
        self.library.refuse_writes()
        return self._write_alone(parse_bytes(data, name))

    def _write_batch(self, batch: list[ReadFile], staging: ImportMemory) -> list[ImportOutcome]:
        """A batch of files in one transaction, their links staged (staged_import.py)."""
        if not batch or (len(batch) < _BULK_FROM and not staging.defer_index):
            return [self._write_alone(read) for read in batch]
        connection = self.library.db.connection()
        staging.begin_batch()
        try:
            with Transaction(connection, self.library.on_wait):
                stage = StagedBatch(connection, _keys(batch), clock.utc_now(), staging)
                outcomes = [self._write_staged(read, stage) for read in batch]
                stage.end()
            if self._checkpoints is not None:
                self._checkpoints.committed()
            staging.batch_committed()
            stage.committed()
            return outcomes
        except DATABASE_ERRORS:
            staging.roll_back()
            return [self._write_alone(read) for read in batch]

    def _write_staged(self, read: ReadFile, stage: StagedBatch) -> ImportOutcome:
        if read.refused:
            return ImportOutcome(read.path, "refused", read.refused)
        parsed = read.note
        if read.unpaired_text is not None:
            parsed = question_note.parse(read.unpaired_text, read.path,
                                         is_known=stage.is_known)
        try:
            note_id, created = stage.write(parsed)
        except Unchanged:
            return ImportOutcome(read.path, "unchanged", warnings=parsed.warnings)
        return ImportOutcome(read.path, "imported", notes=created, warnings=parsed.warnings,
                             changes=Changes(notes=frozenset({note_id}), links=True))

    def _finish_import(self, index: bool = True) -> None:
        """Resolve the import's staged citations (and rebuild the index it deferred, unless
        ``index`` is False: the import goes on), in a transaction of its own."""
        staging = self._staging
        if staging is None or not (staging.sources or (index and staging.defer_index)):
            return
        try:
            self._finish_staged(index, staging)
        except DATABASE_ERRORS as error:
            raise LibraryError(
                f"the import's links could not be written: {error}; they will be when "
                "the library is next opened") from None
        finally:
            staging.sources.clear()
            self._known.clear()  # stubs were made past it
        if index:
            self._staging = None

    def _write_alone(self, read: ReadFile) -> ImportOutcome:
        if self._staging is not None:
            self._staging.give_up_index()  # (resolving now rewrites notes it indexed)
        self._finish_import(index=False)  # a file written alone finds every link in place
        connection = self.library.db.connection()
        try:
            self._vault_notes, self._vault_annotations = [], []
            with Transaction(connection, self.library.on_wait) as transaction:
                if data_version(connection) != self._known_version:  # (another wrote)
                    self._known.clear()
                    self._known_version = data_version(connection)
                outcome = self._write(read, NoteImporter(connection, known=self._known))
                if outcome.status != "imported":
                    transaction.discard()  # (nothing of it is kept)
            if outcome.status != "imported":
                self._known.clear()
            if self._vault_notes and outcome.status != "refused":
                # (after the library's own notes: the stubs their links lead to are there)
                outcome = self._with_vault_notes(outcome, self._vault_notes)
            if self._vault_annotations and outcome.status != "refused":
                outcome = self._with_vault_annotations(outcome, self._vault_annotations)
            return outcome
        except (FormatError, *DATABASE_ERRORS) as error:
            self._known.clear()
            if isinstance(error, FormatError):
                return ImportOutcome(read.path, "refused", str(error))
            return ImportOutcome(
                read.path, "refused", f"the library could not be written: {error}")

    def _write(self, read: ReadFile, importer: NoteImporter) -> ImportOutcome:
        """One file, inside the caller's transaction. A refused or unchanged file is found
        so before anything is written; a database error propagates to the caller."""
        if read.refused:
            return ImportOutcome(read.path, "refused", read.refused)
        importer.created = 0
        if read.json_text is not None:
            self._known.clear()  # a document writes past the look-up cache (document_merge)
            document = documents.read_document(read)
            # A vault's notes are written after, as a vault's files (_with_vault_notes).
            self._vault_notes = [note for note in document.notes if note.path]
            if self._vault_notes:
                document = replace(document, notes=tuple(n for n in document.notes
                                                         if not n.path))
            # Their annotations (named by path) after them (_with_vault_annotations).
            self._vault_annotations = [a for a in document.annotations if a.note_path]
            if self._vault_annotations:
                document = replace(document, annotations=tuple(
                    a for a in document.annotations if not a.note_path))
            if self._claimed is not None:
                document = self._claimed.claim_document(document, read.path)
            try:
                changes, refused = documents.merge(self.library, document, importer)
            except Unchanged as unchanged:
                refused = unchanged.args[0] if unchanged.args else []
                everything = (not document.notes and not self._vault_notes
                              and not self._vault_annotations
                              and len(refused) == len(document.annotations)
                              and bool(document.refused or refused))
                return ImportOutcome(
                    read.path, "refused" if everything else "unchanged",
                    "every entry is refused" if everything else "",
                    refused_entries=(*document.refused, *refused))
            return ImportOutcome(read.path, "imported", notes=importer.created,
                                 changes=changes,
                                 refused_entries=(*document.refused, *refused))
        parsed = read.note
        if read.unpaired_text is not None:
            parsed = question_note.parse(read.unpaired_text, read.path, is_known=importer.exists)
        try:
            changes = importer.apply(parsed, clock.utc_now())
        except Unchanged:
            return ImportOutcome(read.path, "unchanged", warnings=parsed.warnings)
        return ImportOutcome(read.path, "imported", notes=importer.created,
                             warnings=parsed.warnings, changes=changes)

    def _with_vault_annotations(self, outcome: ImportOutcome,
                                annotations: list[Annotation]) -> ImportOutcome:
        """A JSON file's outcome with its annotations on notes of markdown folders added
        (their notes are written by then), in a transaction of their own."""
        connection = self.library.db.connection()
        with Transaction(connection, self.library.on_wait):
            added, refused = documents.add_annotations(self.library, annotations, {})
        if not added:
            return replace(outcome, refused_entries=(*outcome.refused_entries, *refused))
        changes = replace(outcome.changes, notes=outcome.changes.notes | added,
                          annotations=outcome.changes.annotations | added)
        return replace(outcome, status="imported", changes=changes,
                       refused_entries=(*outcome.refused_entries, *refused))

    def _with_vault_notes(self, outcome: ImportOutcome,
                          notes: list[NoteRecord]) -> ImportOutcome:
        """A JSON file's outcome with its vault notes written (vault_records.py): each
        refused one an entry refused, new ones counted, changes joined."""
        self._known.clear()  # (stubs are made past it)
        imported = bool(outcome.status == "imported")
        created, ids = outcome.notes, set(outcome.changes.notes)
        refused = list(outcome.refused_entries)
        reports: dict[int, VaultReport] = {}
        writers: list[VaultImport] = []
        for result, report in vault_records.import_records(outcome.path, notes,
                                                           self._writer_for(writers)):
            reports[id(report)] = report
            if result.status == "refused":
                refused.append(f"{result.path}: {result.reason}")
            elif result.status != "unchanged":
                imported = True
                created += result.notes
                ids |= result.changes.notes
        for report in reports.values():
            created += report.stubs
            ids |= report.changed
        if any(writer.defer_index for writer in writers):
            self._finish_deferred_index()
        return replace(outcome, status="imported" if imported else outcome.status,
                       notes=created, refused_entries=tuple(refused),
                       changes=Changes(notes=frozenset(ids), links=True) if imported
                       else outcome.changes)
