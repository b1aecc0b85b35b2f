"""A library's consistency, as ``notegui check`` asks it: SQLite's full integrity check and
foreign keys (damage), the full-text index against the notes, text that is not UTF-8, and
each note's links against the citations in its body. Read inside the caller's transaction
(SqliteLibrary.check), so that an edit made meanwhile is seen whole or not at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from notegui.core.domain import Problem, title_key
from notegui.core.formats import question_note
from notegui.store import integrity, search
from notegui.store.db import Database
from notegui.store.errors import DATABASE_ERRORS, is_damage

_Found = TypeVar("_Found")


def check(db: Database, path: Path, writable: bool,
          ) -> tuple[list[Problem], list[Problem], bool]:
    """(damage, other problems, whether the database could be read). Holding the write
    lock (``writable``: the caller's transaction took it), SQLite's own checks and the
    text and link checks run on connections of their own beside the full-text index's
    (which needs the write lock): no writer can commit meanwhile, so all read the same
    state, and the work spreads over the cores (a million notes: 3 min on one)."""
    if not writable:
        damage, problems, readable = find_damage(db.connection())
        return damage, problems + (find_problems(db, writable) if readable else []), readable
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="notegui-check") as pool:
        beside = pool.submit(_read_beside, path, find_damage)
        texts = pool.submit(_read_beside, path, _text_problems)
        problems = _guarded(lambda: search.check_index(db))
        try:
            damage, dangling, readable = beside.result()
        except DATABASE_ERRORS as error:  # (its connection could not be opened)
            damage, dangling, readable = _unreadable(error)
        problems += _guarded(texts.result)
    return damage, dangling + (problems if readable else []), readable


def _read_beside(path: Path, read: Callable[[sqlite3.Connection], _Found]) -> _Found:
    """``read`` on a read-only connection of its own; DATABASE_ERRORS when it cannot be
    opened."""
    connection = integrity.connect_read_only(path, live=True)
    try:
        return read(connection)
    finally:
        connection.close()


def _unreadable(error: Exception) -> tuple[list[Problem], list[Problem], bool]:
    """A database that could not be read: damage, or another problem (a lock, a file)."""
    found = [Problem(f"database: {error}")]
    return (found, [], False) if is_damage(error) else ([], found, False)


def find_damage(connection: sqlite3.Connection) -> tuple[list[Problem], list[Problem], bool]:
    """What SQLite's full integrity check finds (damage: the quick check at opening
    does not compare indexes with their tables), dangling references, and whether the
    database could be read at all."""
    damage: list[Problem] = []
    try:
        for (message,) in connection.execute("PRAGMA integrity_check"):
            if message != "ok":
                damage.append(Problem(f"database: {message}"))
        dangling = [Problem(f"database: dangling reference in table {row[0]}")
                    for row in connection.execute("PRAGMA foreign_key_check")]
    except DATABASE_ERRORS as error:
        return _unreadable(error)
    return damage, dangling, True


def find_problems(db: Database, writable: bool) -> list[Problem]:
    """The index, the text and the links (the database could be read)."""
    problems = _guarded(lambda: search.check_index(db)) if writable else []
    return problems + _text_problems(db.connection())


def _text_problems(connection: sqlite3.Connection) -> list[Problem]:
    """Text that is not UTF-8, and links that disagree with the citations."""
    return _guarded(lambda: [*integrity.undecodable_text(connection),
                             *_check_links(connection)])


def _guarded(find: Callable[[], list[Problem]]) -> list[Problem]:
    try:
        return find()
    except DATABASE_ERRORS as error:
        return [Problem(f"database: {error}")]


def _stale_key(connection: sqlite3.Connection, title: str) -> str:
    """Why a note's title key is not its title's: a look-alike of another note's title
    (schema 8 left it its old key), or a key gone stale."""
    other = connection.execute("SELECT title FROM note WHERE title_key = ? AND path = ''",
                               (title_key(title),)).fetchone()
    if other is None:
        return f"note {title!r}: its title key is stale"
    return (f"note {title!r}: its title looks like the title of note {other[0]!r} (they "
            "differ only in how accents are written or in invisible characters): "
            "rename one of them")


def _check_links(connection: sqlite3.Connection) -> list[Problem]:
    """Each note's links against the citations in its body. The notes and the links are
    read side by side in note order, as plain rows: a million notes' links are never
    held at once (the links of one note are)."""
    links = connection.execute(
        "SELECT l.source_id, t.title_key FROM link AS l JOIN note AS t ON t.id = l.target_id "
        "ORDER BY l.source_id, l.ordinal")
    pending = next(links, None)
    problems = []
    # (A vault's notes link by Obsidian's rules, not by title: their links are not read
    # back from their bodies here.)
    for note_id, title, key, body in connection.execute(
            "SELECT id, title, title_key, body FROM note WHERE path = '' ORDER BY id"):
        while pending is not None and pending[0] < note_id:  # (a vault note's links)
            pending = next(links, None)
        linked = []
        while pending is not None and pending[0] == note_id:
            linked.append(pending[1])
            pending = next(links, None)
        if not linked and "[[" not in body:
            continue
        if key != title_key(title):
            problems.append(Problem(_stale_key(connection, title)))
        cited = list(dict.fromkeys(title_key(t) for t in question_note.cited_titles(body)))
        if cited != linked:
            problems.append(Problem(f"note {title!r}: {_difference(cited, linked)}"))
    return problems


def _difference(cited: list[str], linked: list[str]) -> str:
    missing = [t for t in cited if t not in linked]
    extra = [t for t in linked if t not in cited]
    return "; ".join(part for part in (
        f"cited without a link: {', '.join(missing)}" if missing else "",
        f"linked but not cited: {', '.join(extra)}" if extra else "",
        "links out of citation order" if not missing and not extra else "",
    ) if part)
