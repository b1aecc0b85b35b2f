"""How the links of one vault note resolve, read from the library (no Qt).

``core.vault.resolve`` decides, by Obsidian's rules, on a ``LinkIndex``. The index holds
only the notes and images that could answer this note's links: those whose file name is
one a link names (with or without ``.md``), whose alias one names, and the note itself.
``resolve`` looks at nothing else (a path, a file name, an alias: each is found among the
files of that name), so the answer is the one an index of the whole vault gives, from a
few indexed look-ups instead of reading a vault of 100,000 notes, and never stale: there
is no cache to keep in step with imports and edits.

An unresolved target leads to the stub the import made of it (``resolve.stub_title``),
when the library has one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from notegui.core.domain import LinkTarget, NoteRef, VaultLinks, title_key
from notegui.core.vault.links import scan
from notegui.core.vault.model import LinkRef
from notegui.core.vault.resolve import LinkIndex, path_key, resolve, stub_title
from notegui.store.search import REF_WIDTH, ref_columns, ref_from_row

_NOTES_NAMED = (f"SELECT {ref_columns('n')}, f.name_key FROM note_file AS f "
                "JOIN note AS n ON n.id = f.note_id WHERE f.name_key IN ({})")
_NOTES_ALIASED = (f"SELECT {ref_columns('n')}, f.name_key, a.alias FROM alias AS a "
                  "JOIN note AS n ON n.id = a.note_id JOIN note_file AS f ON f.note_id = n.id "
                  "WHERE a.alias_key IN ({})")
# (path != '': the note_path index is partial, used only when the query says so)
_NOTE_AT = (f"SELECT {ref_columns('n')}, coalesce(f.name_key, '') FROM note AS n "
            "LEFT JOIN note_file AS f ON f.note_id = n.id WHERE n.path = ? AND n.path != ''")
_IMAGES_NAMED = "SELECT path, name_key FROM attachment WHERE name_key IN ({})"
_STUB = f"SELECT {ref_columns()} FROM note WHERE title_key = ? AND path = ''"
_CHUNK = 500  # keys a statement (SQLite's variable limit)
_SUFFIXES = (".md", ".markdown")


def vault_links(connection: sqlite3.Connection, path: str, body: str) -> VaultLinks:
    """Where each link of ``body`` (the note at ``path``) leads."""
    _refs, targets, label_first = links_of(connection, path, body)
    return VaultLinks(path, targets, label_first)


def links_of(connection: sqlite3.Connection, path: str, body: str,
             ) -> tuple[tuple[LinkRef, ...], dict[tuple[str, bool], LinkTarget], bool]:
    """The links of ``body``, where each leads, and whether they are read in Dendron's
    order (``[[label|target]]``): the order in which more of them lead into the vault
    (the library does not keep which tool wrote a vault; the import reads a Dendron
    workspace's links so, and a note is saved with the links it was imported with)."""
    refs, _tags = scan(body)
    targets = resolve_refs(connection, path, refs)
    if "|" not in body and "dendron://" not in body:
        return refs, targets, False
    dendron, _tags = scan(body, label_first=True)
    dendron_targets = resolve_refs(connection, path, dendron)
    if _found(dendron, dendron_targets) > _found(refs, targets):
        return dendron, dendron_targets, True
    return refs, targets, False


def _found(refs: Iterable[LinkRef], targets: dict[tuple[str, bool], LinkTarget]) -> int:
    """How many of ``refs`` lead to a note or an image of the vault."""
    count = 0
    for ref in refs:
        found = targets.get((ref.target.strip(), ref.markdown))
        count += found is not None and (bool(found.attachment) or (
            found.note is not None and bool(found.note.path)))
    return count


def resolve_refs(connection: sqlite3.Connection, path: str,
                 refs: Iterable[LinkRef]) -> dict[tuple[str, bool], LinkTarget]:
    """(target, markdown) -> where it leads, for each of ``refs`` of the note at ``path``
    (the note editor links a saved note by it too)."""
    refs = list(refs)
    if not refs:
        return {}
    index, notes = _index(connection, path, refs)
    targets: dict[tuple[str, bool], LinkTarget] = {}
    stubs: dict[str, NoteRef | None] = {}
    for ref in refs:
        key = (ref.target.strip(), ref.markdown)
        if key in targets:
            continue
        found = resolve(index, path, ref)
        if found is not None and index.is_attachment(found):
            targets[key] = LinkTarget(attachment=found)
        elif found is not None and found in notes:
            targets[key] = LinkTarget(note=notes[found])
        else:
            title = stub_title(ref)
            stub_key = title_key(title) if title else ""
            if stub_key not in stubs:
                row = connection.execute(_STUB, (stub_key,)).fetchone() if stub_key else None
                stubs[stub_key] = ref_from_row(row) if row is not None else None
            targets[key] = LinkTarget(note=stubs[stub_key])
    return targets


def _index(connection: sqlite3.Connection, path: str,
           refs: Sequence[LinkRef]) -> tuple[LinkIndex, dict[str, NoteRef]]:
    """The index of what could answer ``refs`` in the vault of ``path``, and its notes."""
    names: set[str] = set()
    images: set[str] = set()
    aliases: set[str] = set()
    for ref in refs:
        target = ref.target.strip()
        if not target:
            continue
        name = target.rstrip("/").rpartition("/")[2]
        images.add(title_key(name))
        names.add(title_key(name))
        for suffix in _SUFFIXES:
            if name.lower().endswith(suffix):
                names.add(title_key(name[:-len(suffix)]))
        aliases.add(title_key(target))
    vault = path_key(path.partition("/")[0])
    rows: dict[str, tuple[NoteRef, str, list[str]]] = {}

    def keep(row: tuple, alias: str | None = None) -> None:
        ref = ref_from_row(row[:REF_WIDTH])
        if path_key(ref.path.partition("/")[0]) != vault:
            return
        entry = rows.setdefault(ref.path, (ref, row[REF_WIDTH], []))
        if alias is not None:
            entry[2].append(alias)

    own = connection.execute(_NOTE_AT, (path,)).fetchone()
    if own is not None:
        keep(own)
    for row in _each(connection, _NOTES_NAMED, names):
        keep(row)
    for row in _each(connection, _NOTES_ALIASED, aliases):
        keep(row, row[REF_WIDTH + 1])
    index = LinkIndex()
    for note_path, (_ref, name_key, note_aliases) in rows.items():
        index.add_note(note_path, name_key, note_aliases)
    for image_path, name_key in _each(connection, _IMAGES_NAMED, images):
        if path_key(image_path.partition("/")[0]) == vault:
            index.add_attachment(image_path, name_key)
    return index, {note_path: entry[0] for note_path, entry in rows.items()}


def _each(connection: sqlite3.Connection, statement: str,
          keys: set[str]) -> Iterable[tuple]:
    ordered = sorted(keys)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start:start + _CHUNK]
        yield from connection.execute(statement.format(",".join("?" * len(chunk))), chunk)


def attachment(connection: sqlite3.Connection, path: str) -> bytes | None:
    """The bytes of the library's attachment at ``path`` (None: no such attachment)."""
    row = connection.execute("SELECT data FROM attachment WHERE path = ?", (path,)).fetchone()
    return bytes(row[0]) if row is not None else None
