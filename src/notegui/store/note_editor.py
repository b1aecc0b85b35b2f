"""Writing the reader's edits: saving a note (its links follow its citations), creating,
renaming (every citation of the old title follows), the Trash and restoring a revision.
Each public function runs inside the caller's transaction on a raw connection, like the
importer, and returns what it changed."""

from __future__ import annotations

import json
import sqlite3

from notegui.core.domain import Changes, NoteText, title_key
from notegui.core.errors import LibraryError
from notegui.core.formats import question_note
from notegui.core.vault.resolve import stub_title
from notegui.store.db import inserted_id
from notegui.store.importing import staged_citations
from notegui.store.importing.note_import import NoteImporter
from notegui.store.schema import is_stub_sql
from notegui.store.vault_links import links_of

_TRASHED = "coalesce((SELECT trashed FROM trash WHERE note_id = note.id), '')"
_ROW = f"SELECT id, title, description, summary, body, {_TRASHED} FROM note WHERE id = ?"
_BY_KEY = (
    f"SELECT id, {is_stub_sql()}, {_TRASHED} FROM note WHERE title_key = ? AND path = ''"
)
_UPDATE = (
    "UPDATE note SET title = ?, title_key = ?, description = ?, summary = ?, body = ?, "
    "updated = ? WHERE id = ?"
)
_LINK_SUMMARIES = "SELECT target_id, summary FROM link WHERE source_id = ? ORDER BY ordinal"
_CITING = "SELECT DISTINCT source_id FROM link WHERE target_id = ? AND source_id != ?"


def check_title(title: str, question: bool = True) -> str:
    """The title as it will be stored; LibraryError saying what is wrong with it.
    ``question``: a library note's (it ends with '?'); a note read from a markdown folder
    has any one-line title."""
    title = title.strip()
    if not title:
        raise LibraryError("title: a note needs a title")
    if "\n" in title or "\r" in title:
        raise LibraryError("title: a title is one line")
    if len(title) > question_note.MAX_TITLE:
        raise LibraryError(f"title: longer than {question_note.MAX_TITLE} characters")
    if question and (not title.endswith("?") or not title[:-1].strip()):
        raise LibraryError("title: a title is a question; end it with '?' so notes can cite it")
    return title


def one_line(field: str, text: str) -> str:
    if "\n" in text.strip():
        raise LibraryError(f"{field}: it is one line")
    return text.strip()


def _merged(mine: NoteText, base: NoteText, now: NoteText) -> NoteText:
    """The fields changed since ``base`` from ``mine``, the others as they are ``now``: an
    import that gave the note its summary line while the window edited its body keeps it."""
    return NoteText(*(m if m != b else n for m, b, n in (
        (mine.title, base.title, now.title), (mine.description, base.description,
                                              now.description),
        (mine.summary, base.summary, now.summary), (mine.body, base.body, now.body))))


class NoteEditor:
    """The reader's writes, on ``connection`` inside the caller's transaction."""

    def __init__(self, connection: sqlite3.Connection, stamp: str) -> None:
        self.connection = connection
        self.stamp = stamp
        self.importer = NoteImporter(connection)
        # Notes written whole by a sync: a rename written after them does not rewrite their
        # citations (each is the other side's text, already citing the new titles; in a swap
        # of two titles the old title of one is the new title of the other).
        self.settled: set[int] = set()

    def forget_notes_met(self) -> None:
        """What it remembers of the notes it met (each cited title's note) forgotten, and
        looked up again when met again: a sync writing 100,000 notes with one editor."""
        self.importer.known.clear()

    def _row(self, note_id: int) -> tuple:
        row = self.connection.execute(_ROW, (note_id,)).fetchone()
        if row is None:
            raise LibraryError(f"note {note_id} no longer exists")
        return row

    def missing_citations(self, body: str) -> list[str]:
        """Titles the body cites that no note has, in order, each once."""
        missing: dict[str, str] = {}
        for title in question_note.cited_titles(body):
            key = title_key(title)
            if key not in missing and not self.connection.execute(
                _BY_KEY, (key,)
            ).fetchone():
                missing[key] = title
        return list(missing.values())

    def create(self, fields: NoteText, create_missing: bool = True) -> tuple[int, Changes]:
        title = check_title(fields.title)
        key = title_key(title)
        found = self.connection.execute(_BY_KEY, (key,)).fetchone()
        if found is not None:
            note_id, is_stub, trashed = found
            if not is_stub or trashed:
                where = " (in the Trash)" if trashed else ""
                raise LibraryError(f"title: a note titled {title!r} already exists{where}")
            # A stub waits for this note: writing it fills the stub, keeping its citations.
            return note_id, self.save(note_id, fields, create_missing)
        note_id = inserted_id(self.connection.execute(
            "INSERT INTO note (title, title_key, description, summary, body, created, updated)"
            " VALUES (?, ?, '', '', '', ?, ?)", (title, key, self.stamp, self.stamp),
        ))
        changes = self.save(note_id, fields, create_missing)
        return note_id, Changes(notes=changes.notes | {note_id}, links=True)

    def save(self, note_id: int, fields: NoteText, create_missing: bool,
             reason: str = "save", base: NoteText | None = None) -> Changes:
        """Write the note's fields; its links follow its citations (a missing cited title
        becomes a stub when ``create_missing``, else it stays unlinked text). A text change
        keeps the old text as a revision; a new title is written into every note citing
        it."""
        _, old_title, description, summary, body, trashed = self._row(note_id)
        if trashed:
            raise LibraryError("this note is in the Trash: restore it before editing")
        if base is not None:  # (what the editor did not change is not written back)
            fields = _merged(fields, base, NoteText(old_title, description, summary, body))
        path = self.connection.execute("SELECT path FROM note WHERE id = ?",
                                       (note_id,)).fetchone()[0]
        if path:
            return self._save_vault_note(note_id, path, fields, NoteText(
                old_title, description, summary, body), create_missing, reason)
        title = check_title(fields.title)
        # An import under way may still hold this note's citations (staged_citations.py).
        staged_citations.resolve_note(self.connection, note_id, self.stamp)
        new = NoteText(title, one_line("description", fields.description),
                     one_line("summary", fields.summary), fields.body)
        old = NoteText(old_title, description, summary, body)
        if new == old:
            # The text is as it was; its citations may have found notes since (a stub made).
            linked = self._relink(note_id, body, create_missing)
            return Changes(notes=frozenset(linked | {note_id}), links=True,
                           listing=self.importer.created > 0) if linked else Changes()
        key = title_key(title)
        touched = {note_id}
        if key != title_key(old_title):
            touched |= self._take_title(note_id, key, title)
            # Notes citing the old title whose citations an import holds: linked now, so
            # that the rename rewrites them too.
            staged_citations.resolve_citing(self.connection, title_key(old_title), self.stamp)
        if description or body:  # (by id: a sync may hold its key aside, sync_writes.py)
            self.importer.keep_revision_of(note_id, self.stamp, reason)
        self.connection.execute(_UPDATE, (title, key, new.description, new.summary, new.body,
                                          self.stamp, note_id))
        touched |= self._relink(note_id, new.body, create_missing)
        if title != old_title:
            touched |= self._recite(note_id, old_title, title)
        return Changes(notes=frozenset(touched), links=True,
                       listing=title != old_title or self.importer.created > 0)

    def _save_vault_note(self, note_id: int, path: str, fields: NoteText, old: NoteText,
                         create_missing: bool, reason: str) -> Changes:
        """A note read from a markdown folder: any one-line title, shared with other notes
        or not (no stub merged, no citation rewritten: its links go by file names); its
        links re-resolved by Obsidian's rules; its path and front matter kept."""
        new = NoteText(check_title(fields.title, question=False),
                       one_line("description", fields.description),
                       one_line("summary", fields.summary), fields.body)
        touched = {note_id}
        if new != old:
            self.importer.keep_revision_of(note_id, self.stamp, reason)
            self.connection.execute(_UPDATE, (new.title, title_key(new.title), new.description,
                                              new.summary, new.body, self.stamp, note_id))
        linked = self._relink_vault(note_id, path, new.body, create_missing)
        if new == old and not linked:
            return Changes()
        return Changes(notes=frozenset(touched | linked), links=True,
                       listing=new.title != old.title or self.importer.created > 0)

    def _relink_vault(self, note_id: int, path: str, body: str,
                      create_missing: bool) -> set[int]:
        """A vault note's links as the import makes them: each note its links lead to, in
        order, once; an unresolved target's stub (made when ``create_missing``); not
        itself, not images. Returns the notes whose links changed."""
        refs, resolved, _label_first = links_of(self.connection, path, body)
        current = self.connection.execute(_LINK_SUMMARIES, (note_id,)).fetchall()
        old = dict(current)
        targets: list[tuple[int, str | None]] = []
        seen: set[int] = set()
        for ref in refs:
            found = resolved.get((ref.target.strip(), ref.markdown))
            if found is None or found.attachment:
                continue
            if found.note is not None:
                target = found.note.id
            elif not create_missing or not stub_title(ref):
                continue  # (a missing image, PDF or JSON file is no note to wait for)
            else:
                target = self.importer.target(stub_title(ref), None, self.stamp)
            if target not in seen and target != note_id:
                seen.add(target)
                targets.append((target, old.get(target)))
        if targets == [tuple(row) for row in current]:
            return set()
        self.importer.replace_links(note_id, targets)
        return seen | set(old)

    def _take_title(self, note_id: int, key: str, title: str) -> set[int]:
        """Make room for a new title: a stub of it is merged into this note (its citations
        now lead here); any other note of that title is a clash."""
        found = self.connection.execute(_BY_KEY, (key,)).fetchone()
        if found is None:
            return set()
        other_id, is_stub, trashed = found
        if not is_stub or trashed:
            where = " (in the Trash)" if trashed else ""
            raise LibraryError(f"title: another note is already titled {title!r}{where}")
        citing = {row[0] for row in self.connection.execute(
            "SELECT source_id FROM link WHERE target_id = ?", (other_id,))}
        # A note citing both keeps its citation of this one.
        self.connection.execute(
            "UPDATE OR IGNORE link SET target_id = ? WHERE target_id = ?", (note_id, other_id))
        self.connection.execute("DELETE FROM note WHERE id = ?", (other_id,))
        return citing

    def _relink(self, note_id: int, body: str, create_missing: bool) -> set[int]:
        """The note's links, in citation order, keeping each kept link's summary line;
        returns the notes whose links changed (none when they were right already)."""
        current = self.connection.execute(_LINK_SUMMARIES, (note_id,)).fetchall()
        old = dict(current)
        targets: list[tuple[int, str | None]] = []
        seen: set[int] = set()
        for cited in question_note.cited_titles(body):
            key = title_key(cited)
            found = self.connection.execute(_BY_KEY, (key,)).fetchone()
            if found is None and not create_missing:
                continue
            target = found[0] if found else self.importer.target(cited, None, self.stamp)
            if target not in seen and target != note_id:
                seen.add(target)
                targets.append((target, old.get(target) or self._default_line(target)))
        if targets == [tuple(row) for row in current]:
            return set()
        self.importer.replace_links(note_id, targets)
        return seen | set(old)

    def _default_line(self, target: int) -> str:
        """The Sources line of a new citation: the cited note's summary (else its
        description, else its title), so the note exports with a whole Sources list."""
        summary, description, title = self.connection.execute(
            "SELECT summary, description, title FROM note WHERE id = ?", (target,)).fetchone()
        return summary or description or title

    def recite(self, note_id: int, old_title: str, title: str) -> set[int]:
        """``_recite`` for a merge (note_merge.py): the notes whose text changed."""
        return self._recite(note_id, old_title, title)

    def relink(self, note_id: int) -> set[int]:
        """A note's links made again from its stored citations (none created)."""
        return self._relink(note_id, self._row(note_id)[4], create_missing=False)

    def _recite(self, note_id: int, old_title: str, title: str) -> set[int]:
        """Write the new title into every citation of the old one, in every citing note
        (each keeps its old text as a revision)."""
        old_key = title_key(old_title)
        touched = set()
        citing = [row[0] for row in self.connection.execute(_CITING, (note_id, note_id))]
        for source_id in citing:
            if source_id in self.settled:
                continue
            body = self._row(source_id)[4]
            pieces = [
                f"[[{title}]]" if is_citation and title_key(piece) == old_key
                else (f"[[{piece}]]" if is_citation else piece)
                for piece, is_citation in question_note.split_citations(body)
            ]
            new_body = "".join(pieces)
            if new_body != body:
                self.importer.keep_revision_of(source_id, self.stamp, "rename")
                self.connection.execute(
                    "UPDATE note SET body = ?, updated = ? WHERE id = ?",
                    (new_body, self.stamp, source_id))
                touched.add(source_id)
        return touched

    # -- the Trash ------------------------------------------------------------------------

    def trash(self, note_id: int) -> Changes:
        self._row(note_id)
        self.connection.execute("INSERT OR REPLACE INTO trash (note_id, trashed) VALUES (?, ?)",
                                (note_id, self.stamp))
        return Changes(notes=frozenset({note_id}), links=True)

    def restore(self, note_id: int) -> Changes:
        self._row(note_id)
        self.connection.execute("DELETE FROM trash WHERE note_id = ?", (note_id,))
        return Changes(notes=frozenset({note_id}), links=True)

    def empty_trash(self) -> Changes:
        """Delete the notes in the Trash for good. One still cited by a note in the
        library stays there as a stub of its title, so the citation keeps its target."""
        gone = [row[0] for row in self.connection.execute(
            "SELECT note_id FROM trash")]
        staged_citations.drop(self.connection, gone)
        for note_id in gone:
            cited = self.connection.execute(
                "SELECT 1 FROM link AS l JOIN note AS s ON s.id = l.source_id "
                "WHERE l.target_id = ? AND s.id NOT IN (SELECT note_id FROM trash) LIMIT 1",
                (note_id,)).fetchone() or staged_citations.cited(self.connection, note_id)
            if cited:
                self.connection.execute(
                    "UPDATE note SET description = '', body = '' WHERE id = ?", (note_id,))
                self.connection.execute("DELETE FROM trash WHERE note_id = ?", (note_id,))
                self.connection.execute("DELETE FROM link WHERE source_id = ?", (note_id,))
            else:
                self.connection.execute("DELETE FROM note WHERE id = ?", (note_id,))
        return Changes(notes=frozenset(gone), links=bool(gone))

    # -- history ----------------------------------------------------------------------------

    def restore_revision(self, revision_id: int) -> Changes:
        """Bring back an earlier version; what it replaces is kept as a revision too, so a
        restore can itself be undone."""
        found = self.connection.execute(
            "SELECT note_id, title, description, summary, body, links FROM revision "
            "WHERE id = ?", (revision_id,)).fetchone()
        if found is None:
            raise LibraryError(f"revision {revision_id} no longer exists")
        note_id, title, description, summary, body, links = found
        cited = json.loads(links)  # [title, Sources line, note id (since issue 15)]
        renamed = self._renamed_since(note_id, body, cited)
        if renamed:  # cited by their titles now, not brought back as stubs of the old ones
            body = _recited(body, renamed)
        changes = self.save(note_id, NoteText(title, description, summary, body),
                            create_missing=True, reason="restore")
        # The Sources lines as they were then, for the links the text still has.
        lines = {title_key(renamed.get(title_key(entry[0]), entry[0])): entry[1]
                 for entry in cited}
        for target_id, target_title in self.connection.execute(
            "SELECT l.target_id, t.title FROM link AS l JOIN note AS t ON t.id = l.target_id "
            "WHERE l.source_id = ?", (note_id,)).fetchall():
            if title_key(target_title) in lines:
                self.connection.execute(
                    "UPDATE link SET summary = ? WHERE source_id = ? AND target_id = ?",
                    (lines[title_key(target_title)], note_id, target_id))
        return Changes(notes=changes.notes | {note_id}, links=True)

    def _renamed_since(self, note_id: int, body: str, cited: list[list]) -> dict[str, str]:
        """Title key -> the title its note has now, for each title a version's ``body``
        cites whose note was renamed since: found by the note id the version kept with
        the title (if that note had the title: the id of a deleted note may be reused);
        else, when no note has that title now, the note whose own history had it (a
        version kept before notes were kept with their ids). Titles not found are cited
        as they were."""
        ids = {title_key(entry[0]): entry[2] for entry in cited if len(entry) > 2}
        renamed: dict[str, str] = {}
        lost: set[str] = set()  # cited titles no note has now
        for key in dict.fromkeys(title_key(t) for t in question_note.cited_titles(body)):
            now = self._title_of(ids.get(key), key, note_id)
            if now is not None:
                if title_key(now) != key:
                    renamed[key] = now
            elif self.connection.execute(_BY_KEY, (key,)).fetchone() is None:
                lost.add(key)
        if lost:  # one pass over the histories, newest first (titles there have no key)
            for old, now in self.connection.execute(
                    "SELECT r.title, n.title FROM revision AS r JOIN note AS n "
                    "ON n.id = r.note_id WHERE r.note_id != ? ORDER BY r.id DESC", (note_id,)):
                key = title_key(old)
                if key in lost:
                    lost.discard(key)
                    renamed[key] = now
                    if not lost:
                        break
        return renamed

    def _title_of(self, target_id: int | None, key: str, note_id: int) -> str | None:
        """The title now of note ``target_id``, if it is the note that had title ``key``."""
        if target_id is None or target_id == note_id:
            return None
        row = self.connection.execute("SELECT title FROM note WHERE id = ?",
                                      (target_id,)).fetchone()
        if row is None:
            return None
        if title_key(row[0]) == key or any(
                title_key(old) == key for (old,) in self.connection.execute(
                    "SELECT title FROM revision WHERE note_id = ?", (target_id,))):
            return row[0]
        return None


def _recited(body: str, renamed: dict[str, str]) -> str:
    """``body`` with each citation of a key in ``renamed`` written with its title now."""
    return "".join(
        f"[[{renamed.get(title_key(piece), piece)}]]" if is_citation else piece
        for piece, is_citation in question_note.split_citations(body))
