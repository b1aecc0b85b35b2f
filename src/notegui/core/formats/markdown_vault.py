"""Export to a folder of markdown files that Obsidian opens as a vault: one ``.md`` per note,
YAML front matter, citations as wikilinks to the cited note's file."""

from __future__ import annotations

import json
import re

from notegui.core.domain import title_key
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.question_note import split_citations
from notegui.core.render import paragraphs

# Characters that Windows, macOS or Obsidian's link syntax do not allow in a file name.
_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f]')
_MAX_NAME = 120


def file_stem(title: str) -> str:
    stem = _UNSAFE.sub("", title).strip().rstrip(".")
    return stem[:_MAX_NAME].strip() or "untitled"


def _yaml(value: str) -> str:
    # A JSON string is a valid YAML scalar, whatever it contains.
    return json.dumps(value, ensure_ascii=False)


def stems_by_key(notes: tuple[NoteRecord, ...]) -> dict[str, str]:
    """A distinct file stem for every note (case-insensitively distinct, for macOS/Windows)."""
    taken: set[str] = set()
    stems: dict[str, str] = {}
    for note in notes:
        base = file_stem(note.title)
        stem, counter = base, 2
        while stem.casefold() in taken:
            stem, counter = f"{base} ({counter})", counter + 1
        taken.add(stem.casefold())
        stems[title_key(note.title)] = stem
    return stems


def _wikilink(title: str, stems: dict[str, str]) -> str:
    stem = stems.get(title_key(title), file_stem(title))
    return f"[[{stem}|{title}]]" if stem != title else f"[[{title}]]"


def render_note(note: NoteRecord, stems: dict[str, str]) -> str:
    front = [
        "---",
        f"title: {_yaml(note.title)}",
        f"aliases: [{_yaml(note.title)}]",
        f"description: {_yaml(note.description)}",
        f"summary: {_yaml(note.summary)}",
        "tags: [" + ", ".join(_yaml(tag) for tag in note.tags) + "]",
    ]
    if note.is_stub:
        front.append("stub: true")
    front.append("---")
    body = "".join(
        _wikilink(piece, stems) if is_citation else piece
        for piece, is_citation in split_citations(note.body)
    )
    parts = ["\n".join(front), f"# {note.title}"]
    if note.description:
        parts.append(note.description)
    if body:
        # One paragraph per line in our format; markdown needs a blank line between them.
        parts.append(paragraphs(body))
    cited = [(t, s) for t, s in zip(note.links, note.sources, strict=True) if s is not None]
    if cited:
        parts.append("## Sources\n\n" + "\n".join(
            f"- {_wikilink(title, stems)}: {summary}" for title, summary in cited
        ))
    return "\n\n".join(parts) + "\n"


def to_files(document: LibraryDocument) -> dict[str, str]:
    """File name -> content, for every note of the library."""
    stems = stems_by_key(document.notes)
    return {
        f"{stems[title_key(note.title)]}.md": render_note(note, stems) for note in document.notes
    }
