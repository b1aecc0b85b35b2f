"""SqliteLibrary: the one implementation of ``core.ports.Library``."""

from __future__ import annotations

import json
import logging
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from notegui.core import clock
from notegui.core.citation_graph import CitationGraph
from notegui.core.domain import (
    Annotation,
    Backlink,
    Changes,
    ImportOutcome,
    LinkCompletion,
    Note,
    NoteRef,
    NoteText,
    Problem,
    Revision,
    SearchHit,
    SourceLink,
    TrashedRef,
    VaultLinks,
    title_key,
)
from notegui.core.errors import ExportError
from notegui.core.formats import question_note
from notegui.core.formats.document import LibraryDocument
from notegui.core.health import Health
from notegui.core.import_plan import VaultJob
from notegui.core.link_report import LinkReport
from notegui.core.vault_report import VaultReport
from notegui.store import annotations as annotation_rows
from notegui.store import (
    busy,
    consistency,
    damage_mark,
    link_completion,
    link_health,
    models,
    note_merge,
    search,
)
from notegui.store import db as database_file
from notegui.store import document as library_document
from notegui.store import graph as citation_graph
from notegui.store import tags as tag_rows
from notegui.store import vault_links as vault_link_rows
from notegui.store.errors import DATABASE_ERRORS, LibraryError, explain, is_damage
from notegui.store.importing.importer import Importer
from notegui.store.integrity import BackgroundCheck
from notegui.store.note_editor import NoteEditor
from notegui.store.schema import is_question_sql
from notegui.store.transaction import Transaction, foreign_keys_off

log = logging.getLogger("notegui")

_CHUNK = 500
_T = TypeVar("_T")


class SqliteLibrary:
    def __init__(self, path: Path | str, on_wait: busy.Say | None = None) -> None:
        self.path = Path(path)
        # Told when a write must wait for another process (busy.py, import_lock.py).
        self.on_wait: busy.Say = on_wait or busy.say_in_log
        self.db, self._health, checked = database_file.connect(self.path)
        database_file.opened_here(self.path)
        self._closed = False
        self._check: BackgroundCheck | None = None
        if not checked and self._health.writable:  # (a large library: checked beside)
            self._check = BackgroundCheck(self.path, self._found_damage)
        self._importer = Importer(self)  # imports, and what one under way knows
        self._importer.finish_cut_import()
        self._data_version = self._read_data_version()

    def in_transaction(self, write: Callable[..., _T], connection: sqlite3.Connection,
                       *args: object) -> _T:
        """``write`` in a transaction of its own, waiting for another writer if need be
        (busy.py), without foreign key checks: its writes are an import's end (staged
        links joined to their notes, whose look-ups SQLite would make again for every link:
        1.7 s of 4 at 100,000 notes) and the index's rebuild."""
        with foreign_keys_off(connection), Transaction(connection, self.on_wait):
            return write(connection, *args)

    def close(self) -> None:
        if self._check is not None:
            self._check.stop()
        self.db.close_everywhere()
        if not self._closed:
            self._closed = True
            database_file.closed_here(self.path)

    # -- health --------------------------------------------------------------------------

    def health(self) -> Health:
        """Whether the library can be written, and if not why (damaged, read-only); what
        its opening moved aside."""
        checking = self._check is not None and not self._check.done.is_set()
        return replace(self._health, checking=checking) if checking else self._health

    def sound(self) -> bool:
        """Whether the library is not known to be damaged, once its check is done (waits
        for a large library's)."""
        if self._check is not None:
            self._check.wait()
        return not self._health.damaged

    def _found_damage(self, problems: str) -> None:
        log.warning("%s is damaged: %s", self.path, problems)
        self._health = replace(self._health, damaged=problems)
        damage_mark.mark(self.path, problems)  # (for the processes that open it next)

    def refuse_writes(self, wait: bool = False) -> None:
        """LibraryError (saying why) when the library must not be written: it is damaged or
        read-only. ``wait``: a large library's check under way is waited for first (a bulk
        write: an import, a repair)."""
        if wait and self._check is not None:
            self._check.wait()
        if not self._health.writable:
            raise LibraryError(self._health.refusal(self.path))

    def __enter__(self) -> SqliteLibrary:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    def count(self) -> int:
        """Notes in the library (not in the Trash)."""
        return self.db.execute_sql(
            f"SELECT (SELECT count(*) FROM note) - (SELECT count(*) FROM ({search.TRASHED}))"
        ).fetchone()[0]

    def _trashed_at(self, note_id: int) -> str:
        row = self.db.execute_sql("SELECT trashed FROM trash WHERE note_id = ?",
                                  (note_id,)).fetchone()
        return row[0] if row else ""

    def _trashed_ids(self) -> set[int]:
        return {row[0] for row in self.db.execute_sql(search.TRASHED)}

    def note_ids(self, questions_only: bool = False, first: int | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Sequence[int]:
        """Every note id (not in the Trash), in title order (case-insensitive); compact
        (8 bytes a note). Read from the title index alone, the Trash left out after.
        ``questions_only``: the notes whose title ends in "?", told by the title key the
        index holds (no row is read). ``first``: the first that many only.
        ``cancelled()`` is asked every 10,000 rows; when it says so, Cancelled."""
        trashed = self._trashed_ids()
        where = f"WHERE {is_question_sql()} " if questions_only else ""
        limit = "" if first is None else f" LIMIT {int(first) + len(trashed)}"
        cursor = self.db.execute_sql(f"SELECT id FROM note {where}ORDER BY title_key{limit}")
        ids = array("q")
        while rows := cursor.fetchmany(10_000):
            if cancelled is not None and cancelled():
                raise search.Cancelled
            ids.extend(row[0] for row in rows if row[0] not in trashed)
        return ids if first is None else ids[:first]

    def refs(self, ids: Iterable[int]) -> dict[int, NoteRef]:
        ids = list(ids)
        found: dict[int, NoteRef] = {}
        for start in range(0, len(ids), _CHUNK):  # stay under SQLite's variable limit
            found.update(
                (row[0], search.ref_from_row(row))
                for row in self.db.execute_sql(
                    f"SELECT {search.REF_COLUMNS} FROM note WHERE id IN "
                    f"({','.join('?' * len(ids[start : start + _CHUNK]))})",
                    ids[start : start + _CHUNK],
                )
            )
        return found

    def iter_refs(self) -> Iterator[NoteRef]:
        """Every note, in title order."""
        for row in self.db.execute_sql(
            f"SELECT {search.ref_columns('n')} FROM note AS n WHERE {search.IN_LIBRARY} "
            "ORDER BY title_key"
        ):
            yield search.ref_from_row(row)

    def note(self, note_id: int) -> Note | None:
        return self._note_where("id = ?", note_id)

    def find(self, title: str) -> Note | None:
        """The library's own note of that title, else the first note of a vault that has
        it (by path)."""
        return self._note_where("title_key = ? ORDER BY path LIMIT 1", title_key(title))

    def _note_where(self, condition: str, value: object) -> Note | None:
        row = self.db.execute_sql(
            "SELECT id, title, description, summary, body, created, updated, path FROM note "
            f"WHERE {condition}", (value,)).fetchone()
        if row is None:
            return None
        note_id, title, description, summary, body, created, updated, path = row
        return Note(note_id, title, description, summary, body, created, updated,
                    tuple(self._tags(note_id)), self._trashed_at(note_id), path)

    # Sources and backlinks are read at every note opened: in SQL, and only the columns
    # of a NoteRef (through peewee, the whole rows of the linked notes came, bodies and all:
    # 1 ms of the 16 an open may take).
    def sources(self, note_id: int) -> list[SourceLink]:
        rows = self.db.execute_sql(
            f"SELECT l.ordinal, l.summary, {search.ref_columns('t')} FROM link AS l "
            "JOIN note AS t ON t.id = l.target_id WHERE l.source_id = ? ORDER BY l.ordinal",
            (note_id,))
        return [SourceLink(search.ref_from_row(row[2:]), row[0], row[1]) for row in rows]

    def backlinks(self, note_id: int) -> list[Backlink]:
        rows = self.db.execute_sql(
            f"SELECT l.summary, {search.ref_columns('s')} FROM link AS l "
            "JOIN note AS s ON s.id = l.source_id "
            f"WHERE l.target_id = ? AND s.id NOT IN ({search.TRASHED}) ORDER BY s.title_key",
            (note_id,))
        return [Backlink(search.ref_from_row(row[1:]), row[0] or "") for row in rows]

    def vault_links(self, note_id: int, body: str | None = None) -> VaultLinks:
        """Where each link of a vault note leads, by Obsidian's rules (store/vault_links.py):
        of ``body`` when given (the editor's text), else of the stored body. A library
        note (path '') has none: its citations are its links."""
        row = self.db.execute_sql("SELECT path, body FROM note WHERE id = ?",
                                  (note_id,)).fetchone()
        if row is None or not row[0]:
            return VaultLinks(row[0] if row else "")
        return vault_link_rows.vault_links(self.db.connection(), row[0],
                                           row[1] if body is None else body)

    def attachment(self, path: str) -> bytes | None:
        """The bytes of the image stored at ``path`` (``<vault>/<path in the vault>``), or
        None. Only the library's own copy: never a file, never the network."""
        return vault_link_rows.attachment(self.db.connection(), path)

    def search(
        self, query: str, limit: int = 20, mark: tuple[str, str] = ("[", "]"),
        quick: bool = False, cancelled: Callable[[], bool] | None = None,
    ) -> list[SearchHit] | None:
        """Ranked full-text search (see store/search.py). ``quick``: match the last word
        as a whole word in the notes' text (titles still by prefix): always fast.
        ``cancelled``: asked now and then; when it says so the search stops (None)."""
        try:
            return search.search(self.db, query, limit, mark, quick, cancelled)
        except search.Cancelled:
            return None

    def quick_search_is_complete(self, query: str) -> bool:
        return search.is_quick_enough(query)

    def search_titles(self, text: str, limit: int = 50) -> list[NoteRef]:
        return search.search_titles(self.db, text, limit)

    def link_completions(self, source_path: str, typed: str,
                         limit: int = 20) -> list[LinkCompletion]:
        """What ``[[typed`` completes to in the note at ``source_path`` ('': a note of the
        library's own), and the link text each writes (store/link_completion.py)."""
        return link_completion.link_completions(self.db, source_path, typed, limit)

    def tags(self) -> list[str]:
        """Every tag name in use, sorted."""
        return tag_rows.names(self.db)

    def neighbourhood(self, note_id: int, depth: int, limit: int) -> CitationGraph:
        """The notes up to ``depth`` citations from ``note_id``, either way, and the links
        among them, nearest first, at most ``limit`` (store/graph.py)."""
        return citation_graph.neighbourhood(self.db, note_id, depth, limit)

    def library_graph(self, query: str, limit: int) -> CitationGraph:
        """The notes a search finds (the most cited, with no query) and the links among
        them, at most ``limit`` (store/graph.py)."""
        return citation_graph.library_graph(self.db, query, limit)

    def _tags(self, note_id: int) -> list[str]:
        return tag_rows.of_note(self.db, note_id)

    # -- import --------------------------------------------------------------------------

    def import_paths(
        self, paths: Iterable[Path | str], should_stop: Callable[[], bool] = lambda: False
    ) -> Iterator[ImportOutcome]:
        """Import files and folders; yields one outcome per file, each file all or nothing
        (store/importing/importer.py)."""
        return self._importer.import_paths(paths, should_stop)

    def import_vault(self, job: VaultJob, report: VaultReport,
                     should_stop: Callable[[], bool] = lambda: False,
                     ) -> Iterator[ImportOutcome]:
        """Import a markdown folder, or one file of it; ``report`` says what else it did
        (store/importing/vault_import.py)."""
        return self._importer.import_vault(job, report, should_stop)

    def import_bytes(self, data: bytes, name: str) -> ImportOutcome:
        """Import one file's content (a question note, or notegui JSON)."""
        return self._importer.import_bytes(data, name)

    def revisions(self, note_id: int) -> list[Revision]:
        """Earlier versions of a note, oldest first (``saved``: when that text was saved,
        ``replaced``: when a save, an import, a rename or a restore replaced it)."""
        rows = models.Revision.select().where(models.Revision.note == note_id)
        return [
            Revision(r.id, note_id, r.title, r.description, r.summary, r.body,
                     tuple((title, line) for title, line, *_id in json.loads(r.links)),
                     r.saved, r.replaced, r.reason)
            for r in rows.order_by(models.Revision.id).bind(self.db)
        ]

    # -- editing -------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[NoteEditor]:
        """One write transaction; a database failure rolls it back and is told as a
        LibraryError, the library unchanged."""
        self.refuse_writes()
        connection = self.db.connection()
        transaction = Transaction(connection, self.on_wait)
        try:
            with transaction:
                yield NoteEditor(connection, clock.utc_now())
        except DATABASE_ERRORS as error:
            if not transaction.begun:  # (beginning failed: told as SQLite said it)
                raise
            if is_damage(error):  # (found by this write: none goes in after it)
                self._found_damage(str(error))
            raise LibraryError(f"the library could not be written: "
                               f"{explain(error, self.path)}") from None

    def create_note(
        self, title: str, description: str = "", summary: str = "", body: str = "",
        create_missing: bool = True,
    ) -> tuple[int, Changes]:
        """A new note (or the stub of that title, filled); LibraryError on a bad title."""
        with self._writing() as editor:
            return editor.create(NoteText(title, description, summary, body), create_missing)

    def save_note(
        self, note_id: int, title: str, description: str, summary: str, body: str,
        create_missing: bool = True, base: NoteText | None = None,
    ) -> Changes:
        """Save an edit (see store/note_editor.py); nothing is written when nothing changed.
        ``base``: the fields as the editor read them; a field not changed since keeps what
        the library holds now (another process may have written it meanwhile)."""
        with self._writing() as editor:
            return editor.save(note_id, NoteText(title, description, summary, body),
                               create_missing, base=base)

    def missing_citations(self, body: str) -> list[str]:
        """Titles ``body`` cites that no note has (reads only)."""
        return NoteEditor(self.db.connection(), clock.utc_now()).missing_citations(body)

    def trash_note(self, note_id: int) -> Changes:
        with self._writing() as editor:
            return editor.trash(note_id)

    def restore_note(self, note_id: int) -> Changes:
        with self._writing() as editor:
            return editor.restore(note_id)

    def trashed(self) -> list[TrashedRef]:
        """The notes in the Trash, latest first, each with when it was moved there."""
        rows = self.db.execute_sql(
            f"SELECT {search.REF_COLUMNS}, trash.trashed FROM note "
            "JOIN trash ON trash.note_id = note.id ORDER BY trash.trashed DESC")
        refs = ((search.ref_from_row(row), row[search.REF_WIDTH]) for row in rows)
        return [TrashedRef(ref.id, ref.title, ref.summary, ref.is_stub, ref.path, ref.shared,
                           trashed=trashed) for ref, trashed in refs]

    def empty_trash(self) -> Changes:
        with self._writing() as editor:
            return editor.empty_trash()

    def restore_revision(self, revision_id: int) -> Changes:
        with self._writing() as editor:
            return editor.restore_revision(revision_id)

    def set_tags(self, note_id: int, names: Iterable[str]) -> Changes:
        with self._writing():
            changed = self.write_tags(note_id, names)
        return Changes(tags=frozenset({note_id})) if changed else Changes()

    # -- annotations ---------------------------------------------------------------------

    def annotations(self, note_id: int) -> list[Annotation]:
        return annotation_rows.of_note(self.db.connection(), note_id)

    def all_annotations(
        self, words: str = "", color: str = "", note_id: int = 0
    ) -> list[Annotation]:
        return annotation_rows.browse(self.db.connection(), words, color, note_id)

    def add_annotation(
        self, note_id: int, exact: str, prefix: str, suffix: str, start: int, end: int,
        color: str = "yellow", comment: str = "",
    ) -> Annotation:
        with self._writing() as editor:
            new_id = annotation_rows.add(editor.connection, note_id, exact, prefix, suffix,
                                         start, end, color, comment, editor.stamp)
        return annotation_rows.one(self.db.connection(), new_id)

    def update_annotation(
        self, annotation_id: int, color: str | None = None, comment: str | None = None
    ) -> Annotation:
        with self._writing() as editor:
            annotation_rows.update(editor.connection, annotation_id, color, comment,
                                   editor.stamp)
        return annotation_rows.one(self.db.connection(), annotation_id)

    def move_annotations(self, moved: Iterable[Annotation]) -> None:
        with self._writing() as editor:
            annotation_rows.move(editor.connection, moved)

    def delete_annotation(self, annotation_id: int) -> Changes:
        with self._writing() as editor:
            note_id = annotation_rows.delete(editor.connection, annotation_id)
        return Changes(annotations=frozenset({note_id}))

    # -- other processes -----------------------------------------------------------------

    def _read_data_version(self) -> int:
        return self.db.connection().execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """Whether another connection (a CLI import, the app's import thread) committed
        since this was last asked; cheap enough to ask every second."""
        found = self._read_data_version()
        changed, self._data_version = found != self._data_version, found
        return changed

    def write_tags(self, note_id: int, names: Iterable[str]) -> bool:
        """A note's tags set to ``names``, inside the caller's transaction; whether they
        changed."""
        return tag_rows.write(self.db, note_id, names)

    # -- export --------------------------------------------------------------------------

    def export_text(self, title: str) -> str:
        """One note in the question-note format, as it was imported (or as it now is)."""
        note = self.find(title)
        if note is None:
            raise LibraryError(f"no note titled {title!r}")
        why = question_note.cannot_hold(note.title, note.path)
        if why:
            raise ExportError(f"{note.title!r} cannot be exported as question-note text: "
                              f"{why}")
        summaries = [link.summary for link in self.sources(note.id)]
        return question_note.write(note.title, note.description, note.body, summaries)

    def document(self, attachments: bool = False) -> LibraryDocument:
        """The whole library as plain values (for JSON and markdown export); with the
        vaults' images (their bytes) when ``attachments``."""
        return library_document.whole_library(self.db, attachments)

    # -- consistency ---------------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Database integrity, the full-text index against the notes, and links against the
        citations in the bodies; after any import under way (they take turns), and in one
        transaction, so that an edit made meanwhile is seen whole or not at all."""
        # FTS5's integrity check is written as an INSERT: it needs the write lock (read-only:
        # read as it is). It writes nothing: rolled back.
        with self._importer.taking_turns(), Transaction(
                self.db.connection(), self.on_wait, lock=self._health.writable) as checking:
            checking.discard()
            damage, problems, readable = consistency.check(self.db, self.path,
                                                           self._health.writable)
        if damage:  # (no write goes into it from now on, in any process)
            self._found_damage("; ".join(p.what for p in damage[:3]))
        elif readable:
            damage_mark.clear(self.path)  # (sound after all: it opens writable next time)
        return damage + problems

    def link_health(self) -> LinkReport:
        """Stubs, orphans, near-duplicate titles and unlinked mentions
        (store/link_health.py); reads only, in one read transaction (its several passes
        see one state of the library, whatever another process writes meanwhile)."""
        connection = self.db.connection()
        with Transaction(connection, self.on_wait, lock=False) as reading:
            reading.discard()
            return link_health.link_report(connection)

    def merge_notes(self, keep_id: int, gone_id: int) -> Changes:
        """Merge note ``gone_id`` into ``keep_id``, losing nothing (store/note_merge.py)."""
        with self._writing() as editor:
            return note_merge.merge_notes(editor, keep_id, gone_id)

    def repair_index(self) -> None:
        """Rebuild the full-text index from the notes (after any import under way)."""
        self.refuse_writes(wait=True)
        with self._importer.taking_turns():
            self.in_transaction(lambda _connection: search.rebuild_index(self.db),
                                 self.db.connection())
