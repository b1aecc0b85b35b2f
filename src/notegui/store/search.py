"""Full-text search over notes (FTS5, bm25 ranked inside the subquery), filters, and the
index check."""

from __future__ import annotations

from peewee import SqliteDatabase

from notegui.core.domain import NoteRef, Problem, SearchHit
from notegui.core.formats.question_note import unescape_brackets
from notegui.core.search_query import SearchQuery, parse_query
from notegui.store.errors import DATABASE_ERRORS
from notegui.store.schema import BM25_WEIGHTS

_WEIGHTS = ", ".join(str(w) for w in BM25_WEIGHTS)
_COLUMNS = "n.id, n.title, n.summary, n.description = '' AND n.body = ''"
_IS_STUB = "(n.description = '' AND n.body = '')"
_HAS_TAG = (
    "EXISTS (SELECT 1 FROM note_tag AS nt JOIN tag AS t ON t.id = nt.tag_id "
    "WHERE nt.note_id = n.id AND t.name = ?)"
)


def _clean_snippet(snippet: str) -> str:
    # Citations are stored as [[Title]]; a reader wants the bare title.
    return unescape_brackets(snippet.replace("[[", "").replace("]]", ""))


def _filters(query: SearchQuery) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.stub is not None:
        clauses.append(_IS_STUB if query.stub else f"NOT {_IS_STUB}")
    for tag in query.tags:
        clauses.append(_HAS_TAG)
        params.append(tag)
    return clauses, params


def search(
    database: SqliteDatabase, text: str, limit: int, mark: tuple[str, str]
) -> list[SearchHit]:
    query = parse_query(text)
    if query.is_empty:
        return []
    clauses, params = _filters(query)
    if not query.words:
        sql = (f"SELECT {_COLUMNS}, n.summary, 0 FROM note AS n WHERE {' AND '.join(clauses)} "
               "ORDER BY n.title_key LIMIT ?")
        rows = database.execute_sql(sql, [*params, limit])
    elif not clauses:
        # Rank and cut inside the FTS subquery, so only `limit` rows are joined.
        sql = f"""
            SELECT {_COLUMNS}, hit.snippet, hit.score FROM (
                SELECT rowid, bm25(note_fts, {_WEIGHTS}) AS score,
                       snippet(note_fts, -1, ?, ?, '…', 12) AS snippet
                FROM note_fts WHERE note_fts MATCH ? ORDER BY score LIMIT ?
            ) AS hit JOIN note AS n ON n.id = hit.rowid ORDER BY hit.score"""
        rows = database.execute_sql(sql, [*mark, query.fts, limit])
    else:
        sql = f"""
            SELECT {_COLUMNS}, snippet(note_fts, -1, ?, ?, '…', 12),
                   bm25(note_fts, {_WEIGHTS}) AS score
            FROM note_fts JOIN note AS n ON n.id = note_fts.rowid
            WHERE note_fts MATCH ? AND {' AND '.join(clauses)} ORDER BY score LIMIT ?"""
        rows = database.execute_sql(sql, [*mark, query.fts, *params, limit])
    return [
        SearchHit(NoteRef(row[0], row[1], row[2], bool(row[3])), _clean_snippet(row[4]), row[5])
        for row in rows
    ]


def search_titles(database: SqliteDatabase, text: str, limit: int) -> list[NoteRef]:
    """Notes whose title has every typed word, each as a prefix, best first."""
    query = parse_query(text)
    if not query.words:
        return []
    sql = f"""
        SELECT {_COLUMNS} FROM (
            SELECT rowid, rank FROM note_fts WHERE note_fts MATCH ? ORDER BY rank LIMIT ?
        ) AS hit JOIN note AS n ON n.id = hit.rowid ORDER BY hit.rank, length(n.title)"""
    prefixes = " ".join(f'"{word}"*' for word in query.words)
    rows = database.execute_sql(sql, [f"title : ({prefixes})", limit])
    return [NoteRef(row[0], row[1], row[2], bool(row[3])) for row in rows]


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
