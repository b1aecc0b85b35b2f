"""Full-text search over notes (FTS5, bm25 ranked inside the subquery) and its index check."""

from __future__ import annotations

from peewee import SqliteDatabase

from notegui.core.domain import NoteRef, Problem, SearchHit
from notegui.core.formats.question_note import unescape_brackets
from notegui.core.search_query import fts_query
from notegui.store.errors import DATABASE_ERRORS
from notegui.store.schema import BM25_WEIGHTS

_WEIGHTS = ", ".join(str(w) for w in BM25_WEIGHTS)
_SEARCH = f"""
SELECT n.id, n.title, n.summary, n.description = '' AND n.body = '', hit.snippet, hit.score
FROM (
    SELECT rowid, bm25(note_fts, {_WEIGHTS}) AS score,
           snippet(note_fts, -1, ?, ?, '…', 12) AS snippet
    FROM note_fts WHERE note_fts MATCH ? ORDER BY score LIMIT ?
) AS hit JOIN note AS n ON n.id = hit.rowid
ORDER BY hit.score
"""


def _clean_snippet(snippet: str) -> str:
    # Citations are stored as [[Title]]; a reader wants the bare title.
    return unescape_brackets(snippet.replace("[[", "").replace("]]", ""))


def search(
    database: SqliteDatabase, text: str, limit: int, mark: tuple[str, str]
) -> list[SearchHit]:
    query = fts_query(text)
    if not query:
        return []
    cursor = database.execute_sql(_SEARCH, (mark[0], mark[1], query, limit))
    return [
        SearchHit(NoteRef(row[0], row[1], row[2], bool(row[3])), _clean_snippet(row[4]), row[5])
        for row in cursor
    ]


def check_index(database: SqliteDatabase) -> list[Problem]:
    """FTS5's own integrity check, comparing the index with the note table."""
    try:
        database.execute_sql("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)")
    except DATABASE_ERRORS as error:
        return [Problem(f"full-text index: does not match the notes ({error}); "
                        "run 'notegui check --repair' to rebuild it")]
    return []


def rebuild_index(database: SqliteDatabase) -> None:
    database.execute_sql("INSERT INTO note_fts(note_fts) VALUES ('rebuild')")
