"""Tags: their names, a note's, and setting a note's (inside the caller's transaction)."""

from __future__ import annotations

from collections.abc import Iterable

from notegui.store import models
from notegui.store.db import Database


def names(db: Database) -> list[str]:
    """Every tag name in use, sorted."""
    Tag = models.Tag
    return [tag.name for tag in Tag.select(Tag.name).order_by(Tag.name).bind(db)]


def of_note(db: Database, note_id: int) -> list[str]:
    """A note's tag names, sorted."""
    return [name for (name,) in db.execute_sql(
        "SELECT t.name FROM tag AS t JOIN note_tag AS nt ON nt.tag_id = t.id "
        "WHERE nt.note_id = ? ORDER BY t.name", (note_id,))]


def write(db: Database, note_id: int, names: Iterable[str]) -> bool:
    """A note's tags set to ``names``, inside the caller's transaction; whether they
    changed."""
    Tag, NoteTag = models.Tag, models.NoteTag
    wanted = {name.strip() for name in names if name.strip()}
    if {name.casefold() for name in wanted} == {t.casefold() for t in of_note(db, note_id)}:
        return False
    NoteTag.delete().where(NoteTag.note == note_id).execute(db)
    for name in sorted(wanted):
        # (not get_or_create: it opens a transaction of its own, and we are in one)
        Tag.insert(name=name).on_conflict_ignore().execute(db)
        tag = Tag.select().where(Tag.name == name).get(db)
        NoteTag.insert(note=note_id, tag=tag.id).on_conflict_ignore().execute(db)
    return True
