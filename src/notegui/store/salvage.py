"""Salvage: every row of a damaged library that can still be read, copied into a new
library (what SQLite's ``.recover`` does for any database; the sqlite3 shell is not at
hand, and notegui knows its own tables). The damaged file is only read.

Each table is read in rowid order until a damaged page stops the scan, then from its end
backwards, and the rows in between are asked for one by one: a damaged page then loses
only the rows it held. Text that is not UTF-8 is kept with replacement characters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from notegui.core.domain import title_key
from notegui.store import db as database_file
from notegui.store.errors import DATABASE_ERRORS, LibraryError, explain
from notegui.store.integrity import TOLERANT, read_only_uri
from notegui.store.transaction import Transaction

_PROBE_LIMIT = 2_000_000  # row ids asked for one by one across a damaged stretch, at most
_BLIND_PROBES = 100_000  # ids asked for past the last row read, when the end is unknown
# The tables worth saving, parents first; the indexes and full-text indexes are remade.
_TABLES = ("note", "tag", "link", "revision", "annotation", "trash", "note_tag")
_NOUNS = {"note": "notes", "tag": "tags", "link": "links", "revision": "earlier versions",
          "annotation": "annotations", "trash": "notes in the Trash",
          "note_tag": "tags of notes"}


@dataclass
class TableResult:
    saved: int = 0
    lost: int = 0  # row ids that could not be read (some may have been deleted rows)
    skipped: int = 0  # rows read but not kept (their note was lost, or a duplicate title)
    unreadable: str = ""  # why the table could not be read at all
    uncounted: bool = False  # rows may be lost that nothing could count


@dataclass
class SalvageReport:
    target: Path
    tables: dict[str, TableResult] = field(default_factory=dict)
    replaced_text: int = 0  # values whose bytes were not UTF-8

    @property
    def complete(self) -> bool:
        return not self.replaced_text and all(
            not (t.lost or t.skipped or t.unreadable or t.uncounted)
            for t in self.tables.values())

    def lines(self) -> list[str]:
        lines = []
        for table, result in self.tables.items():
            noun = _NOUNS[table]
            if result.unreadable:
                lines.append(f"{noun}: none could be read ({result.unreadable})")
                continue
            parts = [f"{result.saved:,} saved"]
            if result.lost:
                parts.append(f"{result.lost:,} could not be read (lost)")
            if result.uncounted:
                parts.append("others past a damaged page may be lost (they could not be "
                             "counted)")
            if result.skipped:
                parts.append(f"{result.skipped:,} left out (their note was lost, or they "
                             "repeat a title)")
            lines.append(f"{noun}: {', '.join(parts)}")
        if self.replaced_text:
            lines.append(f"{self.replaced_text:,} texts held bytes that are not UTF-8: kept "
                         "with replacement characters (\N{REPLACEMENT CHARACTER})")
        return lines


class _Source:
    """The damaged library, read-only; counts the text it had to mend."""

    def __init__(self, path: Path) -> None:
        self.replaced = 0
        self.connection = sqlite3.connect(read_only_uri(path), uri=True,
                                          isolation_level=None)
        self.connection.text_factory = self._text
        self.connection.execute(TOLERANT)  # (reads a library shorter than it says)

    def _text(self, data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.replaced += 1
            return data.decode("utf-8", "replace")

    def columns(self, table: str) -> list[str]:
        return [row[1] for row in self.connection.execute(f"PRAGMA table_info({table})")]

    def rows(self, table: str, columns: list[str], result: TableResult
             ) -> Iterator[tuple]:
        """Every readable row of a rowid table, with its rowid first."""
        listed = ", ".join(f'"{c}"' for c in columns)
        select = f'SELECT rowid, {listed} FROM "{table}"'
        low = None
        try:
            for row in self.connection.execute(f"{select} ORDER BY rowid"):
                low = row[0]
                yield row
            return  # read to the end
        except DATABASE_ERRORS:
            pass
        high = None
        try:
            above = low if low is not None else -(2**63)
            for row in self.connection.execute(
                    f"{select} WHERE rowid > ? ORDER BY rowid DESC", (above,)):
                high = row[0]
                yield row
        except DATABASE_ERRORS:
            pass
        start = (low if low is not None else 0) + 1
        end = high if high is not None else None
        for rowid in self._ids_between(table, start, end, result):
            try:
                row = self.connection.execute(f"{select} WHERE rowid = ?", (rowid,)
                                              ).fetchone()
            except DATABASE_ERRORS:
                result.lost += not result.uncounted  # (past the known end: maybe no row)
                continue
            if row is not None:
                yield row

    def _ids_between(self, table: str, start: int, end: int | None,
                     result: TableResult) -> Iterator[int]:
        """The row ids to ask for across a damaged stretch: those an intact index of the
        table lists (each a row that existed), else every id in the stretch."""
        for (index,) in self.connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                (table,)).fetchall():
            try:
                ids = [rowid for (rowid,) in self.connection.execute(
                    f'SELECT rowid FROM "{table}" INDEXED BY "{index}" '
                    "WHERE rowid >= ? AND rowid < ?", (start, end or 2**62))]
            except DATABASE_ERRORS:
                continue
            yield from sorted(ids)
            return
        if end is None:  # (even the table's end cannot be read: ask a stretch)
            result.uncounted = True
            end = start + _BLIND_PROBES
        if end - start > _PROBE_LIMIT:
            result.uncounted = True
            end = start + _PROBE_LIMIT
        yield from range(start, end)

    def close(self) -> None:
        self.connection.close()


def salvage(source: Path, target: Path) -> SalvageReport:
    """Copy what can be read of the library at ``source`` into a new library at ``target``
    (which must not exist). LibraryError when nothing can be done."""
    source, target = Path(source), Path(target)
    if target.exists() and target.stat().st_size > 0:
        raise LibraryError(f"{target} already exists; salvage writes a new file only")
    if not source.is_file():
        raise LibraryError(f"{source} does not exist; there is nothing to salvage")
    if source.resolve() == target.resolve():
        raise LibraryError("salvage needs a new file, not the damaged library itself")
    try:
        reading = _Source(source)
        reading.columns("note")
    except DATABASE_ERRORS as error:
        raise LibraryError(f"{source} cannot be read at all ({explain(error, source)}); "
                           "nothing was salvaged") from None
    report = SalvageReport(target)
    try:
        database, _health, _checked = database_file.connect(target)
        try:
            _copy(reading, database.connection(), report)
        finally:
            database.close()
    except DATABASE_ERRORS as error:
        raise LibraryError(f"cannot write {target}: {explain(error, target)}") from None
    finally:
        reading.close()
    report.replaced_text = reading.replaced
    return report


def _copy(reading: _Source, writing: sqlite3.Connection, report: SalvageReport) -> None:
    with Transaction(writing, say=None):
        kept: dict[str, set[int]] = {}
        for table in _TABLES:
            result = report.tables[table] = TableResult()
            try:
                wanted = [c for c in _columns(writing, table) if c in reading.columns(table)]
            except DATABASE_ERRORS as error:
                result.unreadable = str(error)
                continue
            if not wanted:
                continue  # (an older schema without it)
            if table == "note_tag":
                _copy_note_tags(reading, writing, kept, result)
                continue
            kept[table] = set()
            listed = ", ".join(f'"{c}"' for c in wanted)
            marks = ", ".join("?" * len(wanted))
            insert = f'INSERT OR IGNORE INTO "{table}" ({listed}) VALUES ({marks})'
            for row in reading.rows(table, wanted, result):
                values = dict(zip(wanted, row[1:], strict=True))
                if not _fits(table, values, kept):
                    result.skipped += 1
                    continue
                if table == "note":
                    values["title_key"] = title_key(str(values.get("title") or ""))
                if writing.execute(insert, list(values.values())).rowcount:
                    result.saved += 1
                    kept[table].add(row[0])
                else:
                    result.skipped += 1


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def _fits(table: str, values: dict[str, object], kept: dict[str, set[int]]) -> bool:
    """Whether a row's references point at rows that were saved (the rest would break the
    new library's foreign keys), and its required text is there."""
    notes = kept.get("note", set())
    if table == "note":
        return bool(values.get("title"))
    if table == "link":
        return values.get("source_id") in notes and values.get("target_id") in notes
    if table in ("revision", "annotation", "trash"):
        return values.get("note_id") in notes
    return True


def _copy_note_tags(reading: _Source, writing: sqlite3.Connection,
                    kept: dict[str, set[int]], result: TableResult) -> None:
    """note_tag has no rowid: asked note by note (a damaged page loses only its rows)."""
    tags = kept.get("tag", set())
    for note_id in sorted(kept.get("note", ())):
        try:
            rows = reading.connection.execute(
                "SELECT tag_id FROM note_tag WHERE note_id = ?", (note_id,)).fetchall()
        except DATABASE_ERRORS:
            result.lost += 1
            continue
        for (tag_id,) in rows:
            if tag_id in tags:
                writing.execute("INSERT OR IGNORE INTO note_tag (note_id, tag_id) "
                                "VALUES (?, ?)", (note_id, tag_id))
                result.saved += 1
            else:
                result.skipped += 1
