"""The schema and its migrations. ``PRAGMA user_version`` is the version; each step runs
in order, in one transaction, when a library is opened."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator

from notegui.core.domain import title_key
from notegui.core.vault import front_matter
from notegui.store.transaction import Transaction, foreign_keys_off

_log = logging.getLogger(__name__)

APPLICATION_ID = 0x4E4F5445  # "NOTE": marks a SQLite file as a notegui library


def is_stub_sql(table: str = "") -> str:
    """``core.domain.is_stub`` in SQL: a condition on the note table (named ``table`` in a
    join). A note from a markdown folder is never a stub: an empty file is a note."""
    t = f"{table}." if table else ""
    return f"({t}description = '' AND {t}body = '' AND {t}path = '')"


def is_question_sql(table: str = "") -> str:
    """A note whose title is a question: it ends in "?" (the question-note format's rule;
    a title from a markdown file need not be one). Asked of ``title_key`` (the title
    trimmed, case-folded), which the title index holds: filtering the whole list by it
    reads that index alone, never a row."""
    t = f"{table}." if table else ""
    return f"(substr({t}title_key, -1) = '?')"


# The library's own notes (question notes and stubs), as opposed to notes read from a
# markdown folder: their titles are unique, and "the note titled X" means one of them.
OWN = "path = ''"


def own(table: str) -> str:
    """``OWN`` for a note table named ``table`` in a join."""
    return f"{table}.{OWN}"


_V1_NOTES_AND_LINKS = """
CREATE TABLE note (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    title_key   TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    summary     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE TABLE link (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    summary   TEXT,
    UNIQUE (source_id, ordinal),
    UNIQUE (source_id, target_id)
);
CREATE INDEX link_target ON link(target_id);
"""

_V2_REVISIONS_ANNOTATIONS_TAGS = """
CREATE TABLE revision (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    summary     TEXT NOT NULL,
    body        TEXT NOT NULL,
    links       TEXT NOT NULL DEFAULT '[]',  -- JSON [[cited title, summary line], ...]
    saved       TEXT NOT NULL,
    replaced    TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX revision_note ON revision(note_id);
CREATE TABLE annotation (
    id      INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    exact   TEXT NOT NULL,
    prefix  TEXT NOT NULL DEFAULT '',
    suffix  TEXT NOT NULL DEFAULT '',
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    color   TEXT NOT NULL DEFAULT 'yellow',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX annotation_note ON annotation(note_id);
CREATE TABLE tag (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE note_tag (
    note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX note_tag_tag ON note_tag(tag_id);
"""

_FTS_COLUMNS = "title, description, summary, body"
_TOKENIZER = "tokenize='unicode61 remove_diacritics 2'"
_V3_FULL_TEXT = f"""
CREATE VIRTUAL TABLE note_fts USING fts5(
    {_FTS_COLUMNS}, content='note', content_rowid='id',
    {_TOKENIZER}
);
CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN
    INSERT INTO note_fts(rowid, {_FTS_COLUMNS})
    VALUES (new.id, new.title, new.description, new.summary, new.body);
END;
CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN
    INSERT INTO note_fts(note_fts, rowid, {_FTS_COLUMNS})
    VALUES ('delete', old.id, old.title, old.description, old.summary, old.body);
END;
CREATE TRIGGER note_fts_update AFTER UPDATE OF {_FTS_COLUMNS} ON note BEGIN
    INSERT INTO note_fts(note_fts, rowid, {_FTS_COLUMNS})
    VALUES ('delete', old.id, old.title, old.description, old.summary, old.body);
    INSERT INTO note_fts(rowid, {_FTS_COLUMNS})
    VALUES (new.id, new.title, new.description, new.summary, new.body);
END;
INSERT INTO note_fts(note_fts) VALUES ('rebuild');
"""

# A small second index of titles alone, with prefix indexes, so that one to three typed
# letters find titles at once (a prefix query on the big index expands into thousands of
# terms: half a second at 100,000 notes).
_TITLE_PREFIXES = "prefix='1 2 3'"
_V4_TITLE_INDEX = f"""
CREATE VIRTUAL TABLE title_fts USING fts5(
    title, content='note', content_rowid='id', {_TITLE_PREFIXES},
    {_TOKENIZER}
);
CREATE TRIGGER title_fts_insert AFTER INSERT ON note BEGIN
    INSERT INTO title_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER title_fts_delete AFTER DELETE ON note BEGIN
    INSERT INTO title_fts(title_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER title_fts_update AFTER UPDATE OF title ON note BEGIN
    INSERT INTO title_fts(title_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO title_fts(rowid, title) VALUES (new.id, new.title);
END;
INSERT INTO title_fts(title_fts) VALUES ('rebuild');
"""

# Editing and annotation: a Trash (a note in it keeps its annotations, links and history,
# and leaves the list and the search), detached annotations (their words are gone from the
# note; kept and listed, never dropped), and an index of annotation quotes and comments so
# the main search finds them.
_V5_TRASH_AND_ANNOTATION_INDEX = """
-- The Trash is a table of its own, not a column of note: the list and the search leave
-- out its few ids, and the migration reads nothing per note (a column with a partial index
-- had the migration read every row: 0.7 s more at 100,000 notes, from a cold disk).
CREATE TABLE trash (
    note_id INTEGER PRIMARY KEY REFERENCES note(id) ON DELETE CASCADE,
    trashed TEXT NOT NULL
);
ALTER TABLE annotation ADD COLUMN detached INTEGER NOT NULL DEFAULT 0;
CREATE VIRTUAL TABLE annotation_fts USING fts5(
    exact, comment, content='annotation', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER annotation_fts_insert AFTER INSERT ON annotation BEGIN
    INSERT INTO annotation_fts(rowid, exact, comment) VALUES (new.id, new.exact, new.comment);
END;
CREATE TRIGGER annotation_fts_delete AFTER DELETE ON annotation BEGIN
    INSERT INTO annotation_fts(annotation_fts, rowid, exact, comment)
    VALUES ('delete', old.id, old.exact, old.comment);
END;
CREATE TRIGGER annotation_fts_update AFTER UPDATE OF exact, comment ON annotation BEGIN
    INSERT INTO annotation_fts(annotation_fts, rowid, exact, comment)
    VALUES ('delete', old.id, old.exact, old.comment);
    INSERT INTO annotation_fts(rowid, exact, comment) VALUES (new.id, new.exact, new.comment);
END;
INSERT INTO annotation_fts(annotation_fts) VALUES ('rebuild');
"""

# How much tokenized text FTS5 holds in memory before it writes it out as a segment of the
# index (its "hashsize" setting, 1 MB by default). With 1 MB a bulk import flushed and then
# merged small segments all along: 64 MB makes the import of 100,000 notes 30 % faster (and
# a rebuild of the index 2.4 times). Memory is spent only while a transaction holds that
# much new text, which only a large import does; an edit holds a few kilobytes.
#
# A large import writes each batch's notes at once and their links when it ends
# (store/importing/staged_import.py): the citations wait in import_citation, in file order, and
# import_state says that the full-text index is to be rebuilt then. Both are empty between
# imports; a library opened with rows in them had an import cut short, which the opening
# finishes (library.py).
FTS_HASHSIZE = 64 * 1024 * 1024
_V6_BULK_IMPORT = f"""
INSERT INTO note_fts(note_fts, rank) VALUES ('hashsize', {FTS_HASHSIZE});
CREATE TABLE import_citation (
    seq       INTEGER PRIMARY KEY,  -- file order, then citation order
    source_id INTEGER NOT NULL,
    ordinal   INTEGER NOT NULL,
    title     TEXT NOT NULL,        -- as cited: the title of the stub it may make
    title_key TEXT NOT NULL,
    summary   TEXT
);
CREATE TABLE import_state (name TEXT PRIMARY KEY) WITHOUT ROWID;
"""


def contentless_indexes() -> str:
    """The library's two full-text indexes as contentless tables of the same names,
    columns, tokenizer and settings: their index rows are interchangeable with the
    library's (side_index.py builds them in a scratch database)."""
    return f"""
CREATE VIRTUAL TABLE note_fts USING fts5({_FTS_COLUMNS}, content='', {_TOKENIZER});
INSERT INTO note_fts(note_fts, rank) VALUES ('hashsize', {FTS_HASHSIZE});
CREATE VIRTUAL TABLE title_fts USING fts5(title, content='', {_TITLE_PREFIXES}, {_TOKENIZER});
"""


# bm25 weights, in the column order above: title > summary > description > body.
BM25_WEIGHTS = (10.0, 2.0, 4.0, 1.0)

# While a large import defers the index (a row in import_state), the triggers leave it
# alone: it is remade from every note at the import's end. Before, an edit or a deletion
# made elsewhere meanwhile (in a window open on the library) asked FTS5 to remove text
# the index did not hold, which FTS5 refuses as a "malformed" database: the edit was lost.
_NO_IMPORT_DEFERS_THE_INDEX = "WHEN NOT EXISTS (SELECT 1 FROM import_state)"
_NOTE_VALUES = "new.id, new.title, new.description, new.summary, new.body"
_OLD_NOTE_VALUES = _NOTE_VALUES.replace("new.", "old.")
_V7_INDEX_TRIGGERS_WAIT_FOR_IMPORTS = f"""
DROP TRIGGER note_fts_insert;
DROP TRIGGER note_fts_delete;
DROP TRIGGER note_fts_update;
DROP TRIGGER title_fts_insert;
DROP TRIGGER title_fts_delete;
DROP TRIGGER title_fts_update;
CREATE TRIGGER note_fts_insert AFTER INSERT ON note {_NO_IMPORT_DEFERS_THE_INDEX} BEGIN
    INSERT INTO note_fts(rowid, {_FTS_COLUMNS}) VALUES ({_NOTE_VALUES});
END;
CREATE TRIGGER note_fts_delete AFTER DELETE ON note {_NO_IMPORT_DEFERS_THE_INDEX} BEGIN
    INSERT INTO note_fts(note_fts, rowid, {_FTS_COLUMNS})
    VALUES ('delete', {_OLD_NOTE_VALUES});
END;
CREATE TRIGGER note_fts_update AFTER UPDATE OF {_FTS_COLUMNS} ON note
{_NO_IMPORT_DEFERS_THE_INDEX} BEGIN
    INSERT INTO note_fts(note_fts, rowid, {_FTS_COLUMNS})
    VALUES ('delete', {_OLD_NOTE_VALUES});
    INSERT INTO note_fts(rowid, {_FTS_COLUMNS}) VALUES ({_NOTE_VALUES});
END;
CREATE TRIGGER title_fts_insert AFTER INSERT ON note {_NO_IMPORT_DEFERS_THE_INDEX} BEGIN
    INSERT INTO title_fts(rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER title_fts_delete AFTER DELETE ON note {_NO_IMPORT_DEFERS_THE_INDEX} BEGIN
    INSERT INTO title_fts(title_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER title_fts_update AFTER UPDATE OF title ON note
{_NO_IMPORT_DEFERS_THE_INDEX} BEGIN
    INSERT INTO title_fts(title_fts, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO title_fts(rowid, title) VALUES (new.id, new.title);
END;
"""



def _v8_normalised_title_keys(connection: sqlite3.Connection) -> None:
    """Title keys became Unicode-normalised (domain.title_key: NFC, zero-width characters
    removed). Recompute each key that changes; a note whose new key another note already
    has keeps its old one (an old key that differs from its new one holds a character a
    new key never does, so the two sets cannot clash), and is logged: the two look alike."""
    taken = set()
    changed: list[tuple[str, int]] = []
    rows = connection.execute("SELECT id, title, title_key FROM note ORDER BY id").fetchall()
    for _id, _title, key in rows:
        taken.add(key)
    for note_id, title, key in rows:
        new = title_key(title)
        if new == key:
            continue
        if new in taken:
            _log.warning("note %d keeps its title key: its title looks like another's", note_id)
            continue
        taken.add(new)
        changed.append((new, note_id))
    connection.executemany("UPDATE note SET title_key = ? WHERE id = ?", changed)
    staged = connection.execute("SELECT seq, title FROM import_citation").fetchall()
    connection.executemany("UPDATE import_citation SET title_key = ? WHERE seq = ?",
                           [(title_key(title), seq) for seq, title in staged])


# Notes read from markdown folders (docs/vaults.md): a note gains its path, "" for the
# library's own notes, else "<vault>/<path in the vault>"; titles stay unique among the
# library's own notes only (a vault may hold one title many times). SQLite cannot drop a
# UNIQUE constraint: the note table is made anew (SQLite's twelve-step procedure, ids
# kept, so the full-text indexes, whose rows are note ids, stay as they are), its triggers
# put back as they were.
_V9_NOTE = """
CREATE TABLE note_v9 (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    title_key   TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    summary     TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL,
    path        TEXT NOT NULL DEFAULT ''
)"""
_V9_TABLES = """
CREATE UNIQUE INDEX note_title ON note(title_key, path);
CREATE UNIQUE INDEX note_path ON note(path) WHERE path != '';
CREATE TABLE note_file (
    note_id      INTEGER PRIMARY KEY REFERENCES note(id) ON DELETE CASCADE,
    name_key     TEXT NOT NULL,              -- title_key of the file name without .md
    front_matter TEXT NOT NULL DEFAULT '',   -- the YAML between the --- lines, verbatim
    digest       TEXT NOT NULL DEFAULT ''    -- sha256 of the file as last imported
);
CREATE INDEX note_file_name ON note_file(name_key);
CREATE TABLE alias (
    note_id   INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
    alias_key TEXT NOT NULL,
    alias     TEXT NOT NULL,  -- (after the key columns: the integrity_check of SQLite
                              -- 3.40 reports a NOT NULL column before them as NULL)
    PRIMARY KEY (note_id, alias_key)
) WITHOUT ROWID;
CREATE INDEX alias_key ON alias(alias_key);
CREATE TABLE attachment (
    id       INTEGER PRIMARY KEY,
    path     TEXT NOT NULL UNIQUE,            -- "<vault>/<path in the vault>", as note.path
    name_key TEXT NOT NULL,                   -- the file name, case-folded, with its extension
    data     BLOB NOT NULL,
    digest   TEXT NOT NULL,
    added    TEXT NOT NULL
);
CREATE INDEX attachment_name ON attachment(name_key);
"""


def _v9_notes_from_folders(connection: sqlite3.Connection) -> None:
    triggers = [sql for (sql,) in connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'note'")]
    connection.execute(_V9_NOTE)
    connection.execute(
        "INSERT INTO note_v9 (id, title, title_key, description, summary, body, created, "
        "updated) SELECT id, title, title_key, description, summary, body, created, updated "
        "FROM note")
    connection.execute("DROP TABLE note")
    connection.execute("ALTER TABLE note_v9 RENAME TO note")
    for sql in triggers:
        connection.execute(sql)
    for statement in _statements(_V9_TABLES):
        connection.execute(statement)
    broken = connection.execute("PRAGMA foreign_key_check").fetchone()
    if broken:
        raise sqlite3.IntegrityError(f"a row of {broken[0]} lost its note")


# Sync through git (docs/sync.md, "What the library keeps"): each note as last synced
# (sync_note: kept by uid, its note id plain, so a note deleted here is still known to have
# been synced), the stable ids given lazily to notes and annotations (sync_id,
# annotation_uid: an import writes none), the notes changed since (sync_dirty, filled by
# the triggers below), the sync's settings and base commit, and open conflicts. Nothing is
# read per note: a library of 100,000 notes migrates at once.
#
# The triggers mark only notes that have a uid: a note without one is new since the last
# sync, which sends it whole (sync_rows.dirty). An import into a library not synced since
# then pays one look-up a row, not a write (a write a note and a link made the import of
# 20,000 notes 13% slower). A mark grows with every change (the largest + 1, found through
# sync_dirty_mark), so a sync clears only the marks it saw: an edit made while it ran
# stays to be sent.
_MARK = "(SELECT coalesce(max(mark), 0) + 1 FROM sync_dirty)"


def _marks(name: str, event: str, table: str, note: str, known: str = "sync_id") -> str:
    """A trigger that marks the note ``note`` (new.x or old.x) dirty, if it is ``known``
    (in sync_id: it has a uid; in sync_note: it was synced)."""
    return f"""
CREATE TRIGGER {name} AFTER {event} ON {table}
WHEN EXISTS (SELECT 1 FROM {known} WHERE note_id = {note}) BEGIN
    INSERT INTO sync_dirty (note_id, mark) VALUES ({note}, {_MARK})
    ON CONFLICT (note_id) DO UPDATE SET mark = excluded.mark;
END;"""


_V10_SYNC = f"""
CREATE TABLE sync_note (
    uid         TEXT PRIMARY KEY,
    note_id     INTEGER UNIQUE,            -- (no foreign key: see above)
    path        TEXT NOT NULL,             -- the note's file in the repository
    blob        TEXT NOT NULL,             -- that file's git blob id (hex)
    annotations TEXT NOT NULL DEFAULT ''   -- its annotation file's blob id ('' none)
);
CREATE TABLE sync_id (
    note_id INTEGER PRIMARY KEY REFERENCES note(id) ON DELETE CASCADE,
    uid     TEXT NOT NULL UNIQUE
);
CREATE TABLE annotation_uid (
    annotation_id INTEGER PRIMARY KEY REFERENCES annotation(id) ON DELETE CASCADE,
    uid           TEXT NOT NULL UNIQUE
);
CREATE TABLE sync_dirty (
    note_id INTEGER PRIMARY KEY,  -- (no foreign key: a deleted note stays to be sent)
    mark    INTEGER NOT NULL
);
CREATE INDEX sync_dirty_mark ON sync_dirty(mark);
CREATE TABLE sync_state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_conflict (
    uid     TEXT PRIMARY KEY,
    note_id INTEGER,
    mine    TEXT NOT NULL,    -- the note's file as kept
    theirs  TEXT NOT NULL,    -- the other side's file
    base    TEXT NOT NULL,    -- the base commit (hex) both changed
    fields  TEXT NOT NULL,    -- JSON list of the fields both changed
    found   TEXT NOT NULL
);
{_marks("sync_note_update", "UPDATE", "note", "new.id")}
{_marks("sync_note_delete", "DELETE", "note", "old.id", known="sync_note")}
CREATE TRIGGER sync_note_retitle AFTER UPDATE OF title ON note
WHEN old.title IS NOT new.title BEGIN
    INSERT INTO sync_dirty (note_id, mark)
    SELECT source_id, {_MARK} FROM link
    WHERE target_id = new.id AND source_id IN (SELECT note_id FROM sync_id)
    ON CONFLICT (note_id) DO UPDATE SET mark = excluded.mark;
END;
{_marks("sync_link_insert", "INSERT", "link", "new.source_id")}
{_marks("sync_link_update", "UPDATE", "link", "new.source_id")}
{_marks("sync_link_delete", "DELETE", "link", "old.source_id")}
{_marks("sync_tag_insert", "INSERT", "note_tag", "new.note_id")}
{_marks("sync_tag_delete", "DELETE", "note_tag", "old.note_id")}
CREATE TRIGGER sync_tag_rename AFTER UPDATE OF name ON tag BEGIN
    INSERT INTO sync_dirty (note_id, mark)
    SELECT note_id, {_MARK} FROM note_tag
    WHERE tag_id = new.id AND note_id IN (SELECT note_id FROM sync_id)
    ON CONFLICT (note_id) DO UPDATE SET mark = excluded.mark;
END;
{_marks("sync_alias_insert", "INSERT", "alias", "new.note_id")}
{_marks("sync_alias_update", "UPDATE", "alias", "new.note_id")}
{_marks("sync_alias_delete", "DELETE", "alias", "old.note_id")}
{_marks("sync_file_insert", "INSERT", "note_file", "new.note_id")}
{_marks("sync_file_update", "UPDATE OF front_matter", "note_file", "new.note_id")}
{_marks("sync_annotation_insert", "INSERT", "annotation", "new.note_id")}
{_marks("sync_annotation_update", "UPDATE", "annotation", "new.note_id")}
{_marks("sync_annotation_delete", "DELETE", "annotation", "old.note_id")}
{_marks("sync_trash_insert", "INSERT", "trash", "new.note_id")}
{_marks("sync_trash_delete", "DELETE", "trash", "old.note_id")}
"""


def _v11_vault_descriptions(connection: sqlite3.Connection) -> None:
    """Notes read from folders before their front matter's ``description`` and ``summary``
    were read get them, each where the note has none: an export or a sync writes the
    note's, and would otherwise write them emptied over the vault's own. Only the blocks
    that name one are read."""
    rows = connection.execute(
        "SELECT n.id, f.front_matter FROM note AS n JOIN note_file AS f ON f.note_id = n.id "
        "WHERE (n.description = '' OR n.summary = '') AND (f.front_matter LIKE "
        "'%description%' OR f.front_matter LIKE '%summary%')").fetchall()
    filled = []
    for note_id, block in rows:
        fields = front_matter.read(block)
        if fields.description or fields.summary:
            filled.append((fields.description, fields.summary, note_id))
    connection.executemany(
        "UPDATE note SET description = iif(description = '', ?1, description), "
        "summary = iif(summary = '', ?2, summary) WHERE id = ?3", filled)


# Each step: SQL, or a function of the connection (run inside the step's transaction).
MIGRATIONS: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    _V1_NOTES_AND_LINKS,
    _V2_REVISIONS_ANNOTATIONS_TAGS,
    _V3_FULL_TEXT,
    _V4_TITLE_INDEX,
    _V5_TRASH_AND_ANNOTATION_INDEX,
    _V6_BULK_IMPORT,
    _V7_INDEX_TRIGGERS_WAIT_FOR_IMPORTS,
    _v8_normalised_title_keys,
    _v9_notes_from_folders,
    _V10_SYNC,
    _v11_vault_descriptions,
)
# The tables made by each step in Python (integrity.py's list of the tables expected).
TABLES_MADE_BY: dict[Callable[[sqlite3.Connection], None], str] = {
    _v9_notes_from_folders: _V9_TABLES}

# Steps that make a table anew: foreign keys are off while they run (dropping the old
# table would otherwise delete every row that refers to it).
_REMAKES_TABLES = frozenset({_v9_notes_from_folders})
LATEST = len(MIGRATIONS)

# The triggers that keep the index in step on every insert and update. A bulk import
# suspends them inside its transaction and writes the index itself (note_import.py):
# through a trigger, FTS5 flushes its buffer at every statement, three times slower.
FTS_WRITE_TRIGGERS = ("note_fts_insert", "note_fts_update", "title_fts_insert",
                      "title_fts_update")


# The index of links by their target: a bulk import into an empty link table makes it
# after the links (staged_import.py).
LINKS_BY_TARGET = ("link_target",)


def suspend_triggers(connection: sqlite3.Connection, names: tuple[str, ...]) -> list[str]:
    """Drop the named triggers (inside the caller's transaction); returns the SQL that
    ``restore_triggers`` runs to put them back, exactly as they were."""
    return _suspend(connection, "trigger", names)


def suspend_indexes(connection: sqlite3.Connection, names: tuple[str, ...]) -> list[str]:
    """Drop the named indexes, as ``suspend_triggers`` drops triggers (``restore_triggers``
    makes them again)."""
    return _suspend(connection, "index", names)


def _suspend(connection: sqlite3.Connection, kind: str, names: tuple[str, ...]) -> list[str]:
    marks = ",".join("?" * len(names))
    saved = [sql for (sql,) in connection.execute(
        f"SELECT sql FROM sqlite_master WHERE type = ? AND name IN ({marks})",
        (kind, *names))]
    for name in names:
        connection.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    return saved


def restore_triggers(connection: sqlite3.Connection, saved: list[str]) -> None:
    """Put back what ``suspend_triggers`` or ``suspend_indexes`` dropped."""
    for sql in saved:
        connection.execute(sql)


def version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(
    connection: sqlite3.Connection,
    target: int = LATEST,
    on_step: Callable[[int], None] | None = None,
) -> int:
    """Bring the schema up to ``target``, one transaction per step; returns the old version."""
    start = version(connection)
    for step in range(start, target):
        migration = MIGRATIONS[step]
        if migration in _REMAKES_TABLES:
            if connection.in_transaction:
                connection.commit()
            with foreign_keys_off(connection):
                _run_step(connection, migration, step)
        else:
            _run_step(connection, migration, step)
        if on_step:
            on_step(step + 1)
    return start


def _statements(script: str) -> Iterator[str]:
    """The statements of a SQL script, one at a time (a trigger's body kept whole)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def _run_step(connection: sqlite3.Connection,
              migration: str | Callable[[sqlite3.Connection], None], step: int) -> None:
    """One step, all or nothing, unless another process opening the library at the same
    moment took it first (two imports into a new library: the second found the tables
    made, and refused the library as damaged): the version is read again inside the
    step's transaction, which waits for the other's."""
    if connection.in_transaction:
        connection.commit()
    with Transaction(connection, say=None) as transaction:  # (the busy timeout waits)
        if version(connection) != step:
            transaction.discard()
            return
        if callable(migration):
            migration(connection)
        else:
            if step == 0:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for statement in _statements(migration):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {step + 1}")
