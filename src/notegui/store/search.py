"""Full-text search over notes, fast at every keystroke, and the index checks.

Two FTS5 indexes: ``note_fts`` (title, description, summary, body; bm25 weighted) and
``title_fts`` (titles only, with prefix indexes). A search runs in tiers:

1. titles: every word in the title, the last one as a prefix. Ranked by bm25 when the
   matches are few enough to rank quickly (``RANK_CAP``), else in library order.
2. everything: the last word as a prefix too, unless it has only one to three letters
   (a prefix that short expands into thousands of terms of the big index: half a second
   at 100,000 notes), or the caller asks for a ``quick`` search (the window shows a quick
   search at every keystroke, then the full one); then it must match a whole word here.
   Ranked by bm25 (title > summary > description > body) when the matches are at most
   ``RANK_CAP``; a query that matches more than that (a very common word) adds the first
   matches in library order, after the title matches.

   The prefix is not left to FTS5 here: without a prefix index FTS5 merges the doclists of
   every word with that prefix into one, twice (to match, then again for bm25's document
   frequency), 45-80 ms for a four-letter prefix at 100,000 notes. Instead the index's own
   vocabulary (an ``fts5vocab`` table) gives those words, and the last word matches as
   ``("w1" OR "w2" OR ...)``: FTS5 then steps through each word's doclist only as far as
   the other words need, and ranks each word by its own rarity, as Lucene ranks a
   prefix query of a few terms. A four-letter prefix: 8-15 ms in all. An FTS5 prefix index
   (``prefix='4'``) would do it in 5 ms, but made a 100,000-note import 5 s slower and
   the library 120 MB bigger. Prefixes with more than ``EXPANSION_CAP`` words, or with
   other than ASCII letters and digits (whose folding FTS5's tokenizer decides), stay
   FTS5 prefix queries.

Snippets are made only for the results shown first (``SNIPPETS``); the others show their
summary until they are searched more narrowly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from peewee import SqliteDatabase

from notegui.core.domain import NoteRef, Problem, SearchHit, title_key
from notegui.core.formats.question_note import unescape_brackets
from notegui.core.search_query import SearchQuery, parse_query
from notegui.core.snippets import make_snippet
from notegui.core.title_match import rank_titles
from notegui.store.errors import DATABASE_ERRORS
from notegui.store.schema import BM25_WEIGHTS, is_question_sql, is_stub_sql

SHORT_PREFIX = 3
RANK_CAP = 2_000
EXPANSION_CAP = 4_000
SNIPPETS = 50
_LAST_CHAR = "\U0010ffff"  # above every character: key + it bounds the keys starting key
_CHECK_EVERY = 10_000  # SQLite virtual machine steps between two cancellation checks
_WEIGHTS = ", ".join(str(w) for w in BM25_WEIGHTS)
_IS_STUB = is_stub_sql("n")
_IS_QUESTION = is_question_sql("n")
_HAS_TAG = (
    "EXISTS (SELECT 1 FROM note_tag AS nt JOIN tag AS t ON t.id = nt.tag_id "
    "WHERE nt.note_id = n.id AND t.name = ?)"
)


TRASHED = "SELECT note_id FROM trash"  # the ids of the notes in the Trash
IN_LIBRARY = f"n.id NOT IN ({TRASHED})"  # not in the Trash


def ref_columns(table: str = "note") -> str:
    """The columns of a NoteRef's row, of the note table named ``table`` (its alias in a
    join). ``shared`` (another note in the library has the title) is asked only of notes
    with a path, by one look-up in the title index each: the library's own notes have
    unique titles among themselves, and a list shows no place for them."""
    t = f"{table}."
    return f"{t}id, {t}title, {t}summary, {is_stub_sql(table)}, {t}path, {shared_sql(table)}"


def shared_sql(table: str = "note") -> str:
    """Whether another note (not in the Trash) has the title of the note ``table`` names,
    asked of notes with a path only (``NoteRef.shared``)."""
    t = f"{table}."
    return (f"CASE WHEN {t}path = '' THEN 0 ELSE EXISTS (SELECT 1 FROM note AS other "
            f"WHERE other.title_key = {t}title_key AND other.id != {t}id "
            f"AND other.id NOT IN ({TRASHED})) END")


REF_COLUMNS = ref_columns()  # a NoteRef's row, of ``FROM note`` (not aliased)
REF_WIDTH = 6  # its columns: a query's own columns after them begin at row[REF_WIDTH]


def ref_from_row(row: tuple) -> NoteRef:
    """A NoteRef from a row of ``REF_COLUMNS``."""
    return NoteRef(row[0], row[1], row[2], bool(row[3]), row[4], bool(row[5]))


def _clean_snippet(snippet: str) -> str:
    # Citations are stored as [[Title]]; a reader wants the bare title.
    return unescape_brackets(snippet.replace("[[", "").replace("]]", ""))


def _filters(query: SearchQuery) -> tuple[str, list[object]]:
    """SQL conditions on ``note AS n``: not in the Trash, is:stub, is:question and
    tag:NAME."""
    clauses: list[str] = [IN_LIBRARY]
    params: list[object] = []
    if query.stub is not None:
        clauses.append(_IS_STUB if query.stub else f"NOT {_IS_STUB}")
    if query.question is not None:
        clauses.append(_IS_QUESTION if query.question else f"NOT {_IS_QUESTION}")
    for tag in query.tags:
        clauses.append(_HAS_TAG)
        params.append(tag)
    return " AND ".join(clauses), params


def _matching(database: SqliteDatabase, table: str, match: str, rank: str,
              where: str, params: list[object], limit: int) -> list[int]:
    """Ids of notes whose ``table`` index matches, best first when they are few enough to
    rank quickly; otherwise the first ``limit`` in library order."""
    join = f"JOIN note AS n ON n.id = {table}.rowid WHERE {table} MATCH ? AND {where}"
    # One probe: the first ``limit`` matches in library order, and how many there are up
    # to RANK_CAP + 1, counted in SQLite (fetched a row at a time into Python, 2,001 ids
    # cost 1-2 ms). Not run again for a common word: an FTS5 prefix query would merge
    # its doclists again.
    probe = database.execute_sql(
        f"SELECT id, count(*) OVER () FROM (SELECT {table}.rowid AS id FROM {table} {join}"
        " LIMIT ?) ORDER BY id LIMIT ?", [match, *params, RANK_CAP + 1, limit]).fetchall()
    if not probe or probe[0][1] > RANK_CAP:
        return [row[0] for row in probe]
    ranked = database.execute_sql(
        f"SELECT {table}.rowid FROM {table} {join} ORDER BY {rank} LIMIT ?",
        [match, *params, limit],
    )
    return [row[0] for row in ranked]


def matching_titles(database: SqliteDatabase, match: str, where: str,
                    params: list[object], limit: int) -> list[int]:
    """Ids of notes whose title matches ``match`` (FTS5 syntax) and ``where`` (on
    ``note AS n``), best first (as ``_matching``)."""
    return _matching(database, "title_fts", match, "rank", where, params, limit)


INDEXES = ("note_fts", "title_fts", "annotation_fts")


class Cancelled(Exception):
    """The caller's ``cancelled()`` said stop: a newer query was typed."""


def search(
    database: SqliteDatabase, text: str, limit: int, mark: tuple[str, str],
    quick: bool = False, cancelled: Callable[[], bool] | None = None,
) -> list[SearchHit]:
    """Search (see the module's docstring); ``cancelled()`` is asked every few thousand
    SQLite steps, and when it says so the search stops with Cancelled."""
    if cancelled is None:
        return _search(database, text, limit, mark, quick)
    connection = database.connection()
    connection.set_progress_handler(lambda: 1 if cancelled() else 0, _CHECK_EVERY)
    try:
        return _search(database, text, limit, mark, quick)
    except DATABASE_ERRORS as error:
        if "interrupted" in str(error):
            raise Cancelled from None
        raise
    finally:
        connection.set_progress_handler(None, 0)


def _search(
    database: SqliteDatabase, text: str, limit: int, mark: tuple[str, str], quick: bool
) -> list[SearchHit]:
    query = parse_query(text)
    if query.is_empty:
        return []
    where, params = _filters(query)
    if not query.words:
        rows = database.execute_sql(
            f"SELECT n.id FROM note AS n WHERE {where} ORDER BY n.title_key LIMIT ?",
            [*params, limit],
        )
        return _hits(database, [row[0] for row in rows], None, mark)
    ids = _matching(database, "title_fts", query.fts, "rank", where, params, limit)
    if quick or len(query.words[-1]) <= SHORT_PREFIX:
        query = replace(query, prefix_last=False)
    # The reader's own words (annotation quotes and comments) come before the notes' text.
    annotated: dict[int, str] = {}
    if len(ids) < limit:
        annotated = _annotated(database, query.fts, where, params, limit, mark)
        _extend(ids, annotated, limit)
    if len(ids) < limit:
        match = _expanded_match(database, query)
        if match:  # (None: no word of the index starts with the prefix)
            _extend(ids, _matching(database, "note_fts", match,
                                   f"bm25(note_fts, {_WEIGHTS})", where, params, limit),
                    limit)
    return _hits(database, ids, query, mark, annotated)


def _expanded_match(database: SqliteDatabase, query: SearchQuery) -> str | None:
    """The query's FTS5 match for ``note_fts``: its last word, when a prefix, as the
    words of the index that start with it (see the module's docstring)."""
    prefix = query.words[-1].lower()
    if not query.prefix_last or not (prefix.isascii() and prefix.isalnum()):
        return query.fts
    words = _words_starting(database, prefix)
    if len(words) > EXPANSION_CAP:
        return query.fts
    if not words:
        return None
    alternatives = " OR ".join(f'"{word}"' for word in words)
    whole = SearchQuery(query.words[:-1], prefix_last=False).fts
    return f"{whole} AND ({alternatives})" if whole else f"({alternatives})"


def _words_starting(database: SqliteDatabase, prefix: str) -> list[str]:
    """Up to EXPANSION_CAP + 1 words of the ``note_fts`` index that start with ``prefix``
    (lower-case ASCII letters and digits, as the tokenizer stores them)."""
    # A temporary table, one a connection: it stores nothing, and no migration needed.
    database.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.note_words "
        "USING fts5vocab(main, note_fts, row)")
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)  # ('z' + 1 is '{': still above)
    rows = database.execute_sql(
        "SELECT term FROM temp.note_words WHERE term >= ? AND term < ? LIMIT ?",
        [prefix, after, EXPANSION_CAP + 1])
    return [row[0] for row in rows]


def _extend(ids: list[int], more: Iterable[int], limit: int) -> None:
    """Add the ids of a later tier that are not in the list yet, up to ``limit``."""
    seen = set(ids)
    ids += [note_id for note_id in more if note_id not in seen][: limit - len(ids)]


def _annotated(database: SqliteDatabase, match: str, where: str, params: list[object],
               limit: int, mark: tuple[str, str]) -> dict[int, str]:
    """Notes with an annotation whose quote or comment matches, best first, each with a
    snippet of the best such annotation."""
    rows = database.execute_sql(
        "SELECT a.note_id, snippet(annotation_fts, -1, ?, ?, '…', 12) FROM annotation_fts "
        "JOIN annotation AS a ON a.id = annotation_fts.rowid JOIN note AS n ON n.id = a.note_id"
        f" WHERE annotation_fts MATCH ? AND {where} ORDER BY annotation_fts.rank LIMIT ?",
        [*mark, match, *params, limit * 4],
    )
    found: dict[int, str] = {}
    for note_id, snippet in rows:
        found.setdefault(note_id, f"\u270e {snippet}")
    return found


def _hits(database: SqliteDatabase, ids: list[int], query: SearchQuery | None,
          mark: tuple[str, str], annotated: dict[int, str] | None = None) -> list[SearchHit]:
    """The notes of ``ids`` in that order, with snippets for the first ``SNIPPETS``."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    refs = {
        row[0]: ref_from_row(row)
        for row in database.execute_sql(
            f"SELECT {REF_COLUMNS} FROM note WHERE id IN ({marks})", ids)
    }
    snippets: dict[int, str] = {}
    if query is not None and query.words:
        first = ids[:SNIPPETS]
        rows = database.execute_sql(
            "SELECT id, summary, description, body FROM note WHERE id IN "
            f"({','.join('?' * len(first))})", first)
        for note_id, *texts in rows:
            snippet = make_snippet(texts, query.words, query.prefix_last, mark)
            if snippet:
                snippets[note_id] = _clean_snippet(snippet)
    for note_id, snippet in (annotated or {}).items():
        snippets.setdefault(note_id, snippet)
    return [
        SearchHit(refs[note_id], snippets.get(note_id, refs[note_id].summary), float(rank))
        for rank, note_id in enumerate(ids)
        if note_id in refs
    ]


def is_quick_enough(text: str) -> bool:
    """Whether a quick search of ``text`` already is the full one."""
    query = parse_query(text)
    return not query.words or not query.prefix_last or len(query.words[-1]) <= SHORT_PREFIX


def search_titles(database: SqliteDatabase, text: str, limit: int,
                  own_only: bool = False) -> list[NoteRef]:
    """Notes whose title has every typed word, each as a prefix; best first as
    ``rank_titles`` says (a title that starts with the text, then one with a word that
    does, then the others by bm25). Each tier is looked up on its own, so a title that
    starts with the text is offered even when thousands of titles have its words.
    ``own_only``: the library's own notes only (path ''), which cite each other by title."""
    query = parse_query(text)
    if not query.words:
        return []
    where = f"{IN_LIBRARY} AND n.path = ''" if own_only else IN_LIBRARY
    # (A lone surrogate, which no title holds and SQLite cannot take, is left out.)
    key = title_key(text).encode("utf-8", "ignore").decode("utf-8")
    starting = [row[0] for row in database.execute_sql(
        f"SELECT n.id FROM note AS n WHERE n.title_key >= ? AND n.title_key < ? "
        f"AND {where} ORDER BY n.title_key LIMIT ?", [key, key + _LAST_CHAR, limit])]
    phrase = '"' + " ".join(query.words) + '"' + ("*" if query.prefix_last else "")
    in_order = _matching(database, "title_fts", phrase, "rank", where, [], limit)
    prefixes = " ".join(f'"{word}"*' for word in query.words)
    anywhere = _matching(database, "title_fts", prefixes, "rank", where, [], limit)
    ids = list(dict.fromkeys([*starting, *in_order, *anywhere]))
    refs = [hit.note for hit in _hits(database, ids, None, ("", ""))]
    return rank_titles(text, refs, lambda ref: ref.title)[:limit]


def check_index(database: SqliteDatabase) -> list[Problem]:
    """FTS5's own integrity checks, comparing each index with the note table."""
    problems = []
    for table in INDEXES:
        try:
            database.execute_sql(
                f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
        except DATABASE_ERRORS as error:
            problems.append(Problem(
                f"full-text index ({table}): does not match the notes ({error}); "
                "run 'notegui check --repair' to rebuild it"))
    return problems


def rebuild_index(database: SqliteDatabase) -> None:
    for table in INDEXES:
        database.execute_sql(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
