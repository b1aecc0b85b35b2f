"""The link health report (core/link_report.py): stubs and who cites them, orphans,
near-duplicate titles and unlinked mentions. Notes in the Trash are left out, as sources
and as targets.

What it costs at 100,000 notes is reading the note table once: its rows hold the bodies,
so any scan of it reads them all (0.7 s here, as long as reading every body). So the table
is scanned once, for the bodies (the mentions) and for which notes are stubs; the titles
come from the title index alone (``note_title``: title key, path, id), and what is linked
from the link table's two indexes."""

from __future__ import annotations

import sqlite3
from collections import Counter
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
from notegui.store.mention_scan import Prose, QuestionTitles, VaultNames

_CHUNK = 500
_TRASHED = search.TRASHED
_KEYS = "SELECT id, title_key, path FROM note"  # (the title index alone: no row is read)
_BODIES = "SELECT id, title, summary, path, description = '' AND path = '', body FROM note"
_SOURCES = f"SELECT DISTINCT source_id FROM link WHERE target_id NOT IN ({_TRASHED})"
_TARGETS = "SELECT DISTINCT target_id FROM link"  # (the target index alone)
_CITED_FROM_TRASH = f"SELECT target_id FROM link WHERE source_id IN ({_TRASHED})"
_CITED_HERE = (f"SELECT 1 FROM link WHERE target_id = ? AND source_id NOT IN ({_TRASHED}) "
               "LIMIT 1")

# (source id, target id, start, end, line, words) of a source's first mention of a target
_Mention = tuple[int, int, int, int, int, str]


def link_report(connection: sqlite3.Connection) -> LinkReport:
    trashed = {row[0] for row in connection.execute(_TRASHED)}
    keys = [row for row in connection.execute(_KEYS) if row[0] not in trashed]
    refs = _Refs(keys)
    stub_ids, found = _read_bodies(connection, keys, trashed, refs.seen)
    refs.stubs.update(stub_ids)
    return LinkReport(len(keys), stubs(connection, refs, stub_ids, trashed),
                      orphans(connection, refs, keys, stub_ids, trashed),
                      duplicates(refs, keys), _findings(connection, refs, found))


class _Refs:
    """NoteRefs of the notes found, made of what the one pass over the note table read
    (``seen``: title and summary, columns before the body) and of the title index's rows
    (``keys``: path, and whether another note has the title): no note is looked up."""

    def __init__(self, keys: list[tuple[int, str, str]]) -> None:
        self._where = {note_id: (key, path) for note_id, key, path in keys}
        self._shared = Counter(key for _id, key, path in keys if path)
        self._shared.update(key for _id, key, path in keys if not path and key in self._shared)
        self.stubs: set[int] = set()
        self.seen: dict[int, tuple[str, str]] = {}  # id -> title, summary

    def __call__(self, ids: Iterable[int]) -> dict[int, NoteRef]:
        found: dict[int, NoteRef] = {}
        for note_id in ids:
            (title, summary), (key, path) = self.seen[note_id], self._where[note_id]
            found[note_id] = NoteRef(note_id, title, summary, note_id in self.stubs, path,
                                     bool(path) and self._shared[key] > 1)
        return found


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for first in range(0, len(ids), _CHUNK):  # (SQLite's limit of variables)
        yield ids[first:first + _CHUNK]


def _by_title(refs: Iterable[NoteRef]) -> list[NoteRef]:
    return sorted(refs, key=lambda ref: (ref.title.casefold(), ref.path, ref.id))


def stubs(connection: sqlite3.Connection, refs: _Refs, stub_ids: list[int],
          trashed: set[int]) -> tuple[StubFinding, ...]:
    """Each stub, with the notes citing it (looked up by the stubs' ids in the links'
    target index: no scan of every link)."""
    citing: dict[int, list[int]] = {}
    for chunk in _chunks(stub_ids):
        for target_id, source_id in connection.execute(
                "SELECT target_id, source_id FROM link WHERE target_id IN "
                f"({','.join('?' * len(chunk))})", chunk):
            if source_id not in trashed:
                citing.setdefault(target_id, []).append(source_id)
    found = refs([*stub_ids, *(i for ids in citing.values() for i in ids)])
    return tuple(StubFinding(found[stub_id], tuple(_by_title(
        found[i] for i in citing.get(stub_id, ())))) for stub_id in stub_ids)


def orphans(connection: sqlite3.Connection, refs: _Refs, keys: list[tuple[int, str, str]],
            stub_ids: list[int], trashed: set[int]) -> tuple[OrphanFinding, ...]:
    """The notes (not stubs) that cite no note and that no note cites, out of the Trash
    both."""
    linked = {row[0] for row in connection.execute(_SOURCES)}
    targets = {row[0] for row in connection.execute(_TARGETS)}
    if trashed:  # (a note cited from the Trash only is cited by no one)
        for (target_id,) in connection.execute(_CITED_FROM_TRASH).fetchall():
            if connection.execute(_CITED_HERE, (target_id,)).fetchone() is None:
                targets.discard(target_id)
    linked |= targets
    linked.update(stub_ids)
    found = refs(note_id for note_id, _key, _path in keys if note_id not in linked)
    return tuple(OrphanFinding(ref) for ref in found.values())


def duplicates(refs: _Refs, keys: list[tuple[int, str, str]]) -> tuple[DuplicateFinding, ...]:
    """Groups of notes whose titles have one loose key and are not all the same title
    (vault notes of one title in different folders are no mistake). The loose key of a
    title key is the title's: what the key folds, the loose key drops."""
    # (the loose keys counted first, in C: groups are made for the few that repeat)
    loose = [loose_key(key) for _id, key, _path in keys]
    repeated = {key for key, count in Counter(loose).items() if count > 1 and key}
    groups: dict[bytes, list[int]] = {}
    for (note_id, _key, _path), key in zip(keys, loose, strict=True):
        if key in repeated:
            groups.setdefault(key, []).append(note_id)
    alike = [group for group in groups.values() if len(group) > 1]
    found = refs(note_id for group in alike for note_id in group)
    return tuple(DuplicateFinding(tuple(sorted(
        (found[note_id] for note_id in group), key=lambda ref: (ref.title, ref.path))))
        for group in alike if len({found[note_id].title for note_id in group}) > 1)


def _vault(path: str) -> str:
    return path.partition("/")[0]


def _read_bodies(connection: sqlite3.Connection, keys: list[tuple[int, str, str]],
                 trashed: set[int], seen: dict[int, tuple[str, str]],
                 ) -> tuple[list[int], list[_Mention]]:
    """The one pass over the note table: each note's title and summary (into ``seen``),
    which notes are stubs, and each note's first mention of each other note it does not
    cite."""
    vault_of = {note_id: _vault(path) for note_id, _key, path in keys if path}
    names: list[tuple[str, int]] = []
    if vault_of:  # (their titles as written, and their aliases: vaults only)
        names = [(title, note_id) for note_id, title in connection.execute(
            "SELECT id, title FROM note WHERE path != ''") if note_id in vault_of]
        names += [(alias, note_id) for note_id, alias in connection.execute(
            "SELECT note_id, alias FROM alias") if note_id in vault_of]
    questions = QuestionTitles((key, note_id) for note_id, key, path in keys if not path)
    vault_names = VaultNames(names)
    del names
    stub_ids: list[int] = []
    found: list[_Mention] = []
    for note_id, title, summary, path, may_be_stub, body in connection.execute(_BODIES):
        if note_id in trashed:
            continue
        seen[note_id] = title, summary
        if not body:
            if may_be_stub:
                stub_ids.append(note_id)
            continue
        matches: Iterator[tuple[int, int, int]]
        if path:
            vault = _vault(path)
            matches = ((start, end, target) for start, end, ids in vault_names.find(body)
                       for target in ids if vault_of.get(target) == vault)
        elif questions.may_be_in(body):
            matches = questions.find(body)
        else:
            continue
        found += _mentions(connection, note_id, body, matches)
    return stub_ids, found


def _mentions(connection: sqlite3.Connection, note_id: int, body: str,
              matches: Iterator[tuple[int, int, int]]) -> list[_Mention]:
    """Of ``matches`` in a note's body, the first of each other note it does not cite,
    in prose."""
    found: list[_Mention] = []
    seen: set[int] = set()
    cited: set[int] | None = None
    prose = Prose(body)
    for start, end, target in matches:
        if target == note_id or target in seen:
            continue
        if cited is None:
            cited = {row[0] for row in connection.execute(
                "SELECT target_id FROM link WHERE source_id = ?", (note_id,))}
        if target in cited or not prose.holds(start, end):
            continue
        seen.add(target)
        found.append((note_id, target, start, end, body.count("\n", 0, start) + 1,
                      body[start:end]))
    return found


def _findings(connection: sqlite3.Connection, refs: _Refs,
              found: list[_Mention]) -> tuple[MentionFinding, ...]:
    notes = refs(i for row in found for i in row[:2])
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
