"""notegui JSON, version 1: the whole library, notes and annotations (see README)."""

from __future__ import annotations

import json
from typing import Any

from notegui.core.domain import Annotation
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.errors import FormatError

FORMAT_NAME = "notegui"
VERSION = 1


def dumps(document: LibraryDocument) -> str:
    return json.dumps(to_dict(document), ensure_ascii=False, indent=1) + "\n"


def to_dict(document: LibraryDocument) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": VERSION,
        "notes": [
            {
                "title": note.title,
                "description": note.description,
                "summary": note.summary,
                "body": note.body,
                "links": list(note.links),
                "sources": list(note.sources),
                "tags": list(note.tags),
                "created": note.created,
                "updated": note.updated,
            }
            for note in document.notes
        ],
        "annotations": [
            {
                "note": a.note_title,
                "exact": a.exact,
                "prefix": a.prefix,
                "suffix": a.suffix,
                "start": a.start,
                "end": a.end,
                "comment": a.comment,
                "color": a.color,
                "created": a.created,
                "updated": a.updated,
            }
            for a in document.annotations
        ],
    }


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def loads(text: str) -> LibraryDocument:
    """Parse notegui JSON; FormatError names the field that is wrong."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise FormatError('not a notegui JSON file ("format" is not "notegui")')
    if raw.get("version") != VERSION:
        raise FormatError(f'"version" is {raw.get("version")!r}; this notegui reads version 1')
    notes = _list(raw, "notes", "")
    annotations = _list(raw, "annotations", "", required=False)
    return LibraryDocument(
        notes=tuple(_note(item, f"notes[{i}]") for i, item in enumerate(notes)),
        annotations=tuple(
            _annotation(item, f"annotations[{i}]") for i, item in enumerate(annotations)
        ),
    )


def _list(raw: dict[str, Any], key: str, where: str, required: bool = True) -> list[Any]:
    value = raw.get(key, None if required else [])
    if not isinstance(value, list):
        raise FormatError(f"{where}{'.' if where else ''}{key}: expected a list")
    return value


def _text(raw: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str):
        raise FormatError(f"{where}.{key}: expected a string, found {value!r:.40}")
    return value


def _int(raw: dict[str, Any], key: str, where: str) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise FormatError(f"{where}.{key}: expected a whole number, found {value!r:.40}")
    return value


def _note(raw: Any, where: str) -> NoteRecord:
    if not isinstance(raw, dict):
        raise FormatError(f"{where}: expected an object")
    title = _text(raw, "title", where)
    if not title.strip():
        raise FormatError(f"{where}.title: empty")
    links = _list(raw, "links", where, required=False)
    sources = _list(raw, "sources", where, required=False)
    if not all(isinstance(link, str) for link in links):
        raise FormatError(f"{where}.links: expected a list of titles")
    if len(sources) != len(links) or not all(s is None or isinstance(s, str) for s in sources):
        raise FormatError(f"{where}.sources: expected one summary line per link")
    tags = _list(raw, "tags", where, required=False)
    if not all(isinstance(tag, str) for tag in tags):
        raise FormatError(f"{where}.tags: expected a list of strings")
    return NoteRecord(
        title=title,
        description=_text(raw, "description", where, ""),
        summary=_text(raw, "summary", where, ""),
        body=_text(raw, "body", where, ""),
        links=tuple(links),
        sources=tuple(sources),
        tags=tuple(tags),
        created=_text(raw, "created", where, ""),
        updated=_text(raw, "updated", where, ""),
    )


def _annotation(raw: Any, where: str) -> Annotation:
    if not isinstance(raw, dict):
        raise FormatError(f"{where}: expected an object")
    return Annotation(
        note_title=_text(raw, "note", where),
        exact=_text(raw, "exact", where),
        prefix=_text(raw, "prefix", where, ""),
        suffix=_text(raw, "suffix", where, ""),
        start=_int(raw, "start", where),
        end=_int(raw, "end", where),
        comment=_text(raw, "comment", where, ""),
        color=_text(raw, "color", where, "yellow"),
        created=_text(raw, "created", where, ""),
        updated=_text(raw, "updated", where, ""),
    )
