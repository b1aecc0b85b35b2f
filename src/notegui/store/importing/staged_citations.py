"""What a write outside an import does with the import's staged citations (staged_import.py):
the citations of a note an import wrote wait in ``import_citation`` until the import ends,
and meanwhile the window may save that note, an import of one file may replace it, or the
Trash may delete it.

Left there, the import's end would add links the note no longer cites, or the same links a
second time (a UNIQUE failure that rolled the whole end back, for good). So a write that
rewrites a note first resolves that note's staged citations (its stubs, summary lines and
links, as the import's end would have made them: the edit then starts from the note as
the import left it); a note deleted takes its staged citations with it, and a note that
staged citations cite stays as a stub, as it would for a link. Each is a few
statements on the caller's transaction; with nothing staged, one look at an empty table."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_ANY = "SELECT 1 FROM import_citation WHERE source_id = ? LIMIT 1"


def _first_summaries(rows: str) -> str:
    """Each cited title's first Sources line among the staged ``rows`` (a condition)."""
    return ("SELECT title_key, summary, min(seq) FROM import_citation "
            f"WHERE {rows} AND summary != '' GROUP BY title_key")


# (SQLite gives a bare column of a min() aggregate the value of the row with that minimum.)
def make_stubs(rows: str) -> str:
    """SQL making a stub of each title the staged ``rows`` cite that no note has yet, with
    its first Sources line, in the order first cited (parameters: two timestamps, then
    those of ``rows`` twice)."""
    return f"""
INSERT INTO note (title, title_key, description, summary, body, created, updated)
SELECT first.title, first.title_key, '', coalesce(said.summary, ''), '', ?, ?
FROM (SELECT title, title_key, min(seq) AS seq FROM import_citation WHERE {rows}
      GROUP BY title_key) AS first
LEFT JOIN ({_first_summaries(rows)}) AS said USING (title_key)
WHERE first.title_key NOT IN (SELECT title_key FROM note WHERE path = '')
ORDER BY first.seq
"""


def give_summaries(rows: str) -> str:
    """SQL giving a note without a summary line the first one the staged ``rows`` say."""
    return f"""
UPDATE note SET summary = said.summary FROM ({_first_summaries(rows)}) AS said
WHERE note.title_key = said.title_key AND note.path = '' AND note.summary = ''
"""


def make_links(rows: str) -> str:
    """SQL making the links of the staged ``rows``, in their order."""
    return f"""
INSERT INTO link (source_id, target_id, ordinal, summary)
SELECT c.source_id, n.id, c.ordinal, c.summary FROM import_citation AS c
JOIN note AS n ON n.title_key = c.title_key AND n.path = ''
WHERE {rows} ORDER BY c.seq
"""


_OF_NOTE = "source_id = ?"
_STUBS, _SUMMARIES, _LINKS = (make_stubs(_OF_NOTE), give_summaries(_OF_NOTE),
                              make_links(_OF_NOTE))
_DROP = "DELETE FROM import_citation WHERE source_id = ?"
_CITING = "SELECT DISTINCT source_id FROM import_citation WHERE title_key = ?"
_CITED = ("SELECT 1 FROM import_citation WHERE title_key = (SELECT title_key FROM note "
          "WHERE id = ?) AND source_id NOT IN (SELECT note_id FROM trash) LIMIT 1")
# An import cut short and finished twice, or two imports at once before they took turns
# (import_lock.py), left some notes' citations staged twice: only the last staging of each
# note (from its last citation numbered 1 on) is what its text cites.
_DROP_EARLIER_STAGINGS = """
DELETE FROM import_citation WHERE seq IN (
    SELECT c.seq FROM import_citation AS c
    JOIN (SELECT source_id, max(seq) AS last FROM import_citation WHERE ordinal = 1
          GROUP BY source_id) AS latest USING (source_id)
    WHERE c.seq < latest.last)
"""


def resolve_note(connection: sqlite3.Connection, note_id: int, stamp: str) -> bool:
    """Make the links of ``note_id``'s staged citations now (and the stubs and summary lines
    they bring); False when it had none."""
    if connection.execute(_ANY, (note_id,)).fetchone() is None:
        return False
    connection.execute(_STUBS, (stamp, stamp, note_id, note_id))
    connection.execute(_SUMMARIES, (note_id,))
    connection.execute("DELETE FROM link WHERE source_id = ?", (note_id,))
    connection.execute(_LINKS, (note_id,))
    connection.execute(_DROP, (note_id,))
    return True


def resolve_citing(connection: sqlite3.Connection, key: str, stamp: str) -> None:
    """Resolve every note whose staged citations cite ``key`` (a title about to be
    renamed: its citing notes are then found by their links, and rewritten)."""
    for (source_id,) in connection.execute(_CITING, (key,)).fetchall():
        resolve_note(connection, source_id, stamp)


def cited(connection: sqlite3.Connection, note_id: int) -> bool:
    """Whether a note outside the Trash cites ``note_id`` in citations an import holds."""
    return connection.execute(_CITED, (note_id,)).fetchone() is not None


def drop(connection: sqlite3.Connection, note_ids: Iterable[int]) -> None:
    """Forget the staged citations of notes being deleted (their ids may be reused)."""
    connection.executemany(_DROP, [(note_id,) for note_id in note_ids])


def drop_earlier_stagings(connection: sqlite3.Connection) -> None:
    connection.execute(_DROP_EARLIER_STAGINGS)
