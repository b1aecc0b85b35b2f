"""Vault notes made by inserting their rows directly (note with a path, note_file, alias,
attachment, link), as the vault import writes them: for tests of what is done with them
(rendering, editing), apart from how a folder is read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from notegui.core.domain import title_key
from notegui.store.library import SqliteLibrary

STAMP = "2026-12-07T00:00:00Z"


def _stem(path: str) -> str:
    name = path.rpartition("/")[2]
    for suffix in (".md", ".markdown"):
        if name.lower().endswith(suffix):
            return name[:-len(suffix)]
    return name


def add_note(library: SqliteLibrary, path: str, body: str, title: str | None = None,
             aliases: Sequence[str] = (), front_matter: str = "") -> int:
    """A vault note at ``path`` (``<vault>/<path in the vault>``); its id."""
    title = title if title is not None else _stem(path)
    with library.db.atomic():
        connection = library.db.connection()
        note_id = connection.execute(
            "INSERT INTO note (title, title_key, description, summary, body, created, updated,"
            " path) VALUES (?, ?, '', '', ?, ?, ?, ?)",
            (title, title_key(title), body, STAMP, STAMP, path)).lastrowid
        connection.execute(
            "INSERT INTO note_file (note_id, name_key, front_matter, digest) VALUES (?, ?, ?, ?)",
            (note_id, title_key(_stem(path)), front_matter,
             hashlib.sha256(body.encode()).hexdigest()))
        connection.executemany(
            "INSERT INTO alias (note_id, alias, alias_key) VALUES (?, ?, ?)",
            [(note_id, alias, title_key(alias)) for alias in aliases])
    assert note_id is not None
    return int(note_id)


def add_attachment(library: SqliteLibrary, path: str, data: bytes) -> None:
    with library.db.atomic():
        library.db.connection().execute(
            "INSERT INTO attachment (path, name_key, data, digest, added) VALUES (?, ?, ?, ?, ?)",
            (path, title_key(path.rpartition("/")[2]), data,
             hashlib.sha256(data).hexdigest(), STAMP))


def add_links(library: SqliteLibrary, source_id: int, target_ids: Iterable[int]) -> None:
    """The source's link rows, in order (as the import writes a note's resolved links)."""
    with library.db.atomic():
        library.db.connection().executemany(
            "INSERT INTO link (source_id, target_id, ordinal, summary) VALUES (?, ?, ?, NULL)",
            [(source_id, target, ordinal)
             for ordinal, target in enumerate(dict.fromkeys(target_ids), start=1)])


def add_stub(library: SqliteLibrary, title: str) -> int:
    """A stub of the library's own (path ''): what an unresolved vault link leads to."""
    with library.db.atomic():
        note_id = library.db.connection().execute(
            "INSERT INTO note (title, title_key, created, updated) VALUES (?, ?, ?, ?)",
            (title, title_key(title), STAMP, STAMP)).lastrowid
    assert note_id is not None
    return int(note_id)


def png(width: int = 4, height: int = 3) -> bytes:
    """A small valid PNG (a solid colour), made without Qt."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def add_vault_note(library: SqliteLibrary, path: str, title: str, body: str,
                   front_matter: str = "", aliases: Sequence[str] = (),
                   tags: Iterable[str] = ()) -> int:
    """A vault note (add_note) with its tags; its id."""
    from notegui.store import tags as tag_rows

    note_id = add_note(library, path, body, title, aliases, front_matter)
    with library.db.atomic():
        tag_rows.write(library.db, note_id, tags)
    return note_id
