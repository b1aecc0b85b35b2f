"""The link health report (core/link_report.py): stubs and who cites them, orphans,
near-duplicate titles and unlinked mentions, read on one connection. Notes in the Trash
are left out, as sources and as targets."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from notegui.core.domain import NoteRef
from notegui.core.link_report import (
    DuplicateFinding,
    LinkReport,
    MentionFinding,
    OrphanFinding,
    StubFinding,
    loose_key,
)
from notegui.store import search
from notegui.store.link_completion import shortest_links
from notegui.store.mention_scan import NameAutomaton, QuestionTitles, unlinkable
from notegui.store.schema import is_stub_sql

_CHUNK = 500
_TRASHED = search.TRASHED

_STUBS = (
    f"SELECT {search.ref_columns('n')} FROM note AS n "
    f"WHERE {is_stub_sql('n')} AND n.id NOT IN ({_TRASHED})")
_STUB_CITERS = (
    f"SELECT l.target_id, {search.ref_columns('s')} FROM link AS l "
    "JOIN note AS t ON t.id = l.target_id JOIN note AS s ON s.id = l.source_id "
    f"WHERE {is_stub_sql('t')} AND s.id NOT IN ({_TRASHED}) ORDER BY s.title_key")
_ORPHANS = (
    f"SELECT {search.ref_columns('n')} FROM note AS n "
    f"WHERE NOT {is_stub_sql('n')} AND n.id NOT IN ({_TRASHED}) "
    "AND NOT EXISTS (SELECT 1 FROM link AS l WHERE l.source_id = n.id "
    f"  AND l.target_id NOT IN ({_TRASHED})) "
    "AND NOT EXISTS (SELECT 1 FROM link AS l WHERE l.target_id = n.id "
    f"  AND l.source_id NOT IN ({_TRASHED}))")


def link_report(connection: sqlite3.Connection) -> LinkReport:
    trashed = {row[0] for row in connection.execute(_TRASHED)}
    notes = connection.execute("SELECT count(*) FROM note").fetchone()[0] - len(trashed)
    return LinkReport(notes, stubs(connection), orphans(connection),
                      duplicates(connection, trashed), mentions(connection, trashed))


def refs(connection: sqlite3.Connection, ids: Iterable[int]) -> dict[int, NoteRef]:
    ids = list(dict.fromkeys(ids))
    found: dict[int, NoteRef] = {}
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first:first + _CHUNK]
        found.update((row[0], search.ref_from_row(row)) for row in connection.execute(
            f"SELECT {search.REF_COLUMNS} FROM note WHERE id IN ({','.join('?' * len(chunk))})",
            chunk))
    return found


def stubs(connection: sqlite3.Connection) -> tuple[StubFinding, ...]:
    citing: dict[int, list[NoteRef]] = {}
    for row in connection.execute(_STUB_CITERS):
        citing.setdefault(row[0], []).append(search.ref_from_row(row[1:]))
    return tuple(StubFinding(ref, tuple(citing.get(ref.id, ())))
                 for ref in map(search.ref_from_row, connection.execute(_STUBS)))


def orphans(connection: sqlite3.Connection) -> tuple[OrphanFinding, ...]:
    return tuple(OrphanFinding(search.ref_from_row(row))
                 for row in connection.execute(_ORPHANS))


def duplicates(connection: sqlite3.Connection,
               trashed: set[int]) -> tuple[DuplicateFinding, ...]:
    """Groups of notes whose titles have one loose key and are not all the same title
    (vault notes of one title in different folders are no mistake)."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for note_id, title in connection.execute("SELECT id, title FROM note"):
        if note_id not in trashed:
            key = loose_key(title)
            if key:
                groups.setdefault(key, []).append((note_id, title))
    alike = [group for group in groups.values()
             if len(group) > 1 and len({title for _id, title in group}) > 1]
    found = refs(connection, (note_id for group in alike for note_id, _title in group))
    return tuple(
        DuplicateFinding(tuple(sorted((found[note_id] for note_id, _title in group),
                                      key=lambda ref: (ref.title, ref.path))))
        for group in alike)


def _vault(path: str) -> str:
    return path.partition("/")[0]


def mentions(connection: sqlite3.Connection,
             trashed: set[int]) -> tuple[MentionFinding, ...]:
    """Each note's first mention of each other note it does not cite."""
    titles: list[tuple[str, int]] = []
    names: list[tuple[str, int]] = []
    vault_of: dict[int, str] = {}
    for note_id, title, path in connection.execute("SELECT id, title, path FROM note"):
        if note_id in trashed:
            continue
        if path:
            names.append((title, note_id))
            vault_of[note_id] = _vault(path)
        else:
            titles.append((title, note_id))
    if vault_of:
        names += [(alias, note_id) for note_id, alias in connection.execute(
            "SELECT note_id, alias FROM alias") if note_id in vault_of]
    questions = QuestionTitles(titles)
    automaton = NameAutomaton(names)
    del titles, names
    # (source id, target id, start, end, line, words) of each source's first mention of
    # each target
    found: list[tuple[int, int, int, int, int, str]] = []
    for note_id, path, body in connection.execute("SELECT id, path, body FROM note "
                                                  "WHERE body != ''"):
        if note_id in trashed:
            continue
        seen: set[int] = set()
        cited: set[int] | None = None
        matches: Iterator[tuple[int, int, int]]
        if path:
            vault = _vault(path)
            matches = ((start, end, target) for start, end, ids in automaton.find(body)
                       for target in ids if vault_of.get(target) == vault)
        else:
            matches = questions.find(body)
        for start, end, target in matches:
            if target == note_id or target in seen:
                continue
            if cited is None:
                cited = {row[0] for row in connection.execute(
                    "SELECT target_id FROM link WHERE source_id = ?", (note_id,))}
            if target in cited or unlinkable(body, start, end):
                continue
            seen.add(target)
            found.append((note_id, target, start, end, body.count("\n", 0, start) + 1,
                          body[start:end]))
    return _findings(connection, found)


def _findings(connection: sqlite3.Connection,
              found: list[tuple[int, int, int, int, int, str]]) -> tuple[MentionFinding, ...]:
    notes = refs(connection, (i for row in found for i in row[:2]))
    results = []
    for source_id, target_id, start, end, line, written in found:
        source, target = notes[source_id], notes[target_id]
        link = f"[[{written}]]"
        if source.path:  # (the shortest link text that leads there from this note)
            text = shortest_links(connection, source.path, [target]).get(target_id)
            if text is not None and text != written:
                link = f"[[{text}|{written}]]"
        results.append(MentionFinding(source, target, written, start, end, line, link))
    return tuple(results)
