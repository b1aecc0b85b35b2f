"""The answer pane's HTML for a note, from the library: one function, so the window and
``notegui show TITLE --html`` show the same thing."""

from __future__ import annotations

from collections.abc import Sequence

from notegui.core.domain import Note, NoteRef, SourceLink, title_key
from notegui.core.ports import Library
from notegui.core.render import QUESTION_NOTE, render_note_html


def answer_html(library: Library, note: Note, dark: bool = False,
                sources: Sequence[SourceLink] | None = None) -> str:
    """``note`` as the answer pane shows it: its citations resolved through its links (then
    by title), ``![[Title]]`` embeds given the cited note's text. Every note in a library
    is a question note today."""
    if sources is None:
        sources = library.sources(note.id)
    by_key = {title_key(s.target.title): s.target for s in sources}

    def resolve(title: str) -> NoteRef | None:
        ref = by_key.get(title_key(title))
        if ref is None:
            found = library.find(title)
            ref = (NoteRef(found.id, found.title, found.summary, found.is_stub)
                   if found is not None else None)
        return ref

    def embed(title: str) -> str | None:
        found = library.find(title)
        return found.body if found is not None and found.body else None

    return render_note_html(note, resolve, dark, flavour=QUESTION_NOTE, embed=embed)
