"""The answer pane's HTML for a note, from the library: one function, so the window,
the editor's preview and ``notegui show TITLE --html`` show the same thing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from notegui.core.domain import Note, NoteRef, SourceLink, VaultLinks, title_key
from notegui.core.ports import Library
from notegui.core.render import MARKDOWN, QUESTION_NOTE, STUB_LINE, VaultPage, render_note_html


def answer_html(library: Library, note: Note, dark: bool = False,
                sources: Sequence[SourceLink] | None = None, stub_line: str = STUB_LINE,
                saved: bool = True) -> str:
    """``note`` as the answer pane shows it. A library note (path ''): its citations
    resolved through its links (then by title), ``![[Title]]`` embeds given the cited
    note's text. A note read from a markdown folder: plain markdown, its links resolved by
    Obsidian's rules (``Library.vault_links``), embeds of notes, sections and images.
    ``saved``: False for the editor's text (its links are read from it, not the library)."""
    if note.path:
        return render_note_html(note, _no_title, dark, stub_line, flavour=MARKDOWN,
                                vault=vault_page(library, note, saved))
    if sources is None:
        sources = library.sources(note.id) if saved and note.id else []
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

    return render_note_html(note, resolve, dark, stub_line, flavour=QUESTION_NOTE,
                            embed=embed)


def _no_title(_title: str) -> NoteRef | None:
    return None  # (a vault note's links go by its VaultPage, never by title)


def vault_page(library: Library, note: Note, saved: bool = True) -> VaultPage:
    """Where the links of the vault note ``note`` lead, and its embeds' text (the links of
    an embed resolved for the part embedded only: a section is a fifth of a note)."""
    links = library.vault_links(note.id, None if saved else note.body)

    def note_text(note_id: int) -> tuple[str, Callable[[str], VaultLinks] | None] | None:
        found = library.note(note_id)
        if found is None or not found.body:
            return None
        if not found.path:
            return found.body, None
        return found.body, lambda text: library.vault_links(note_id, text)

    return VaultPage(links, note_text)
