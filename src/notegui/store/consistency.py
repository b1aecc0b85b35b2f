"""A library's consistency, as ``notegui check`` asks it: SQLite's full integrity check and
foreign keys (damage), the full-text index against the notes, text that is not UTF-8, and
each note's links against the citations in its body. Read inside the caller's transaction
(SqliteLibrary.check), so that an edit made meanwhile is seen whole or not at all."""

from __future__ import annotations

import sqlite3

from peewee import JOIN, fn

from notegui.core.domain import Problem, title_key
from notegui.core.formats import question_note
from notegui.store import integrity, models, search
from notegui.store.db import Database
from notegui.store.errors import DATABASE_ERRORS, is_damage


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
        found = [Problem(f"database: {error}")]
        return (found, [], False) if is_damage(error) else ([], found, False)
    return damage, dangling, True


def find_problems(db: Database, writable: bool) -> list[Problem]:
    """The index, the text and the links (the database could be read)."""
    problems: list[Problem] = []
    connection = db.connection()
    try:
        if writable:  # (FTS5's check is an INSERT: refused read-only)
            problems.extend(search.check_index(db))
        problems.extend(integrity.undecodable_text(connection))
        problems.extend(_check_links(db))
    except DATABASE_ERRORS as error:
        problems.append(Problem(f"database: {error}"))
    return problems


def _stale_key(db: Database, title: str) -> str:
    """Why a note's title key is not its title's: a look-alike of another note's title
    (schema 8 left it its old key), or a key gone stale."""
    other = db.execute_sql("SELECT title FROM note WHERE title_key = ? AND path = ''",
                           (title_key(title),)).fetchone()
    if other is None:
        return f"note {title!r}: its title key is stale"
    return (f"note {title!r}: its title looks like the title of note {other[0]!r} (they "
            "differ only in how accents are written or in invisible characters): "
            "rename one of them")


def _check_links(db: Database) -> list[Problem]:
    Note, Link, Target = models.Note, models.Link, models.Note.alias()
    linked: dict[int, list[tuple[str, str | None]]] = {}
    source_id: int
    key: str
    summary: str | None
    for source_id, key, summary in (
        Link.select(Link.source, Target.title_key, Link.summary)
        .join(Target, on=(Link.target == Target.id))
        .order_by(Link.source, Link.ordinal).tuples().execute(db)
    ):
        linked.setdefault(source_id, []).append((key, summary))
    problems = []
    # (A vault's notes link by Obsidian's rules, not by title: their links are not read
    # back from their bodies here.)
    rows = Note.select(Note.id, Note.title, Note.title_key, Note.body).where(Note.path == "")
    for row in rows.join(Link, JOIN.LEFT_OUTER, on=(Link.source == Note.id)).group_by(
        Note.id
    ).having((fn.COUNT(Link.id) > 0) | (Note.body.contains("[["))).bind(db):
        if row.title_key != title_key(row.title):
            problems.append(Problem(_stale_key(db, row.title)))
        cited = list(dict.fromkeys(title_key(t) for t in question_note.cited_titles(row.body)))
        links = [key for key, _ in linked.get(row.id, [])]
        if cited != links:
            missing = [t for t in cited if t not in links]
            extra = [t for t in links if t not in cited]
            detail = "; ".join(
                part for part in (
                    f"cited without a link: {', '.join(missing)}" if missing else "",
                    f"linked but not cited: {', '.join(extra)}" if extra else "",
                    "links out of citation order" if not missing and not extra else "",
                ) if part
            )
            problems.append(Problem(f"note {row.title!r}: {detail}"))
    return problems
