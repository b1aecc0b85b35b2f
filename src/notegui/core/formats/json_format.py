"""notegui JSON, version 1: the whole library, notes and annotations (see README)."""

from __future__ import annotations

import json
from typing import Any

from notegui.core.domain import Annotation, normalise_title, title_key
from notegui.core.formats import json_input, question_note
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
        "notes": [_note_dict(note) for note in document.notes],
        "annotations": [
            {
                "note": a.note_title,
                **({"note_path": a.note_path} if a.note_path else {}),
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


def _note_dict(note: NoteRecord) -> dict[str, Any]:
    record: dict[str, Any] = {
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
    if note.path:  # (a note read from a markdown folder; absent for the library's own)
        record.update(path=note.path, front_matter=note.front_matter,
                      aliases=list(note.aliases))
    return record


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def loads(text: str) -> LibraryDocument:
    """Parse notegui JSON, strictly: FormatError at the first entry at fault, naming it
    and its field (``read`` leaves bad entries out instead)."""
    document = read(text)
    if document.refused:
        raise FormatError(document.refused[0])
    return document


def read(text: str) -> LibraryDocument:
    """Parse notegui JSON. A file that is not one raises FormatError saying why; an entry
    (a note, an annotation) with a field at fault is left out, and listed in ``refused``
    with its place, its title and the field."""
    raw = json_input.load(text)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
        raise FormatError('not a notegui JSON file ("format" is not "notegui")')
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version != VERSION:
        raise FormatError(f'"version" is {json_input.shown(version)}; this notegui reads '
                          f"version {VERSION}")
    notes = _list(raw, "notes", "")
    annotations = _list(raw, "annotations", "", required=False)
    refused: list[str] = []
    records: list[NoteRecord] = []
    seen: dict[str, str] = {}  # title key (path key for a vault's note) -> its entry
    refused_keys: set[str] = set()
    bracketed = _bracketed_titles(notes)
    for i, item in enumerate(notes):
        where = f"notes[{i}]"
        try:
            record = _note(item, bracketed)
            key = title_key(record.title) if not record.path else "/" + record.path.casefold()
            if key in seen:
                raise json_input.BadField(
                    "path" if record.path else "title",
                    f"the same {'path' if record.path else 'title'} as {seen[key]}")
        except json_input.BadField as bad:
            refused.append(bad.within(where, item))
            if isinstance(item, dict) and isinstance(item.get("title"), str):
                refused_keys.add(title_key(item["title"]))
            continue
        seen[key] = where
        records.append(record)
    kept: list[Annotation] = []
    for i, item in enumerate(annotations):
        where = f"annotations[{i}]"
        try:
            annotation = _annotation(item)
            if title_key(annotation.note_title) in refused_keys - seen.keys():
                raise json_input.BadField("note", "its note was refused (above)")
        except json_input.BadField as bad:
            refused.append(bad.within(where, item, "note"))
            continue
        kept.append(annotation)
    return LibraryDocument(tuple(records), tuple(kept), tuple(refused))


def _list(raw: dict[str, Any], key: str, where: str, required: bool = True) -> list[Any]:
    value = raw.get(key, None if required else [])
    if not isinstance(value, list):
        raise FormatError(f"{where}{'.' if where else ''}{key}: expected a list")
    return value


def _bracketed_titles(notes: list[Any]) -> frozenset[str]:
    """The title keys of the document's notes whose title holds ``[[`` or ``]]``: a body
    may cite those (json_input.settle_citations)."""
    return frozenset(
        title_key(normalise_title(item["title"])) for item in notes
        if isinstance(item, dict) and isinstance(item.get("title"), str)
        and ("[[" in item["title"] or "]]" in item["title"]))


def _note(raw: Any, bracketed: frozenset[str] = frozenset()) -> NoteRecord:
    """One note, every field checked (json_input); BadField names the one at fault."""
    if not isinstance(raw, dict):
        raise json_input.BadField("", "expected an object")
    if raw.get("path") not in (None, ""):
        return _vault_note(raw)
    # (a stub may be what a vault's note links to: any one-line title)
    title = (json_input.line_title if _is_stub(raw) else json_input.title)(raw, "title")
    body = json_input.settle_citations(json_input.text(raw, "body", ""), bracketed)
    links = raw.get("links", [])
    sources = raw.get("sources", [])
    if not isinstance(links, list):
        raise json_input.BadField("links", "expected a list of titles")
    links = [json_input.check_title(_string(link, f"links[{i}]"), f"links[{i}]")
             for i, link in enumerate(links)]
    if not isinstance(sources, list) or len(sources) != len(links):
        raise json_input.BadField("sources", "expected one summary line per link")
    for i, source in enumerate(sources):
        if source is not None:
            json_input.line({f"sources[{i}]": _string(source, f"sources[{i}]")},
                            f"sources[{i}]")
    for i, link in enumerate(links):
        if ("[[" in link or "]]" in link) and title_key(link) not in bracketed:
            raise json_input.BadField(
                f"links[{i}]", f"{json_input.shown(link, 60)} holds '[[' or ']]', and no note "
                "of the file has this title: the body's [[…]] are read one by one, so none "
                "cites it")
    _check_links(body, links)
    tags = raw.get("tags", [])
    if not isinstance(tags, list):
        raise json_input.BadField("tags", "expected a list of tags")
    return NoteRecord(
        title=title,
        description=json_input.line(raw, "description", ""),
        summary=json_input.line(raw, "summary", ""),
        body=body,
        links=tuple(links),
        sources=tuple(sources),
        tags=tuple(json_input.tag(name, f"tags[{i}]") for i, name in enumerate(tags)),
        created=json_input.date(raw, "created"),
        updated=json_input.date(raw, "updated"),
    )


def _is_stub(raw: dict[str, Any]) -> bool:
    return raw.get("description", "") == "" and raw.get("body", "") == ""


def _vault_note(raw: dict[str, Any]) -> NoteRecord:
    """A note read from a markdown folder: its body is plain markdown, kept as it is; its
    links are found again from it by the vault's rules when it is imported (``links`` and
    ``sources`` are checked for their types only)."""
    path = json_input.vault_path(raw, "path")
    links = raw.get("links", [])
    if not isinstance(links, list):
        raise json_input.BadField("links", "expected a list of titles")
    for i, link in enumerate(links):
        _string(link, f"links[{i}]")
    sources = raw.get("sources", [])
    if not isinstance(sources, list):
        raise json_input.BadField("sources", "expected a list")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list):
        raise json_input.BadField("aliases", "expected a list of names")
    tags = raw.get("tags", [])
    if not isinstance(tags, list):
        raise json_input.BadField("tags", "expected a list of tags")
    return NoteRecord(
        title=json_input.line_title(raw, "title"),
        description=json_input.line(raw, "description", ""),
        summary=json_input.line(raw, "summary", ""),
        body=json_input.text(raw, "body", ""),
        links=tuple(links),
        sources=tuple(None if s is None else _string(s, f"sources[{i}]")
                      for i, s in enumerate(sources)),
        tags=tuple(json_input.tag(name, f"tags[{i}]") for i, name in enumerate(tags)),
        created=json_input.date(raw, "created"),
        updated=json_input.date(raw, "updated"),
        path=path,
        front_matter=json_input.text(raw, "front_matter", ""),
        aliases=tuple(json_input.line_title({f"aliases[{i}]": alias}, f"aliases[{i}]")
                      for i, alias in enumerate(aliases)),
    )


def _string(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise json_input.BadField(key, f"expected a string, found {json_input.shown(value)}")
    json_input.check_string(value, key)
    return value


def _check_links(body: str, links: list[str]) -> None:
    """``links`` are the notes the body cites, in the order it first cites them: a link
    the body does not cite (or a citation without its link) would leave the library with
    links that contradict its text, which no repair can decide."""
    cited = list(dict.fromkeys(title_key(t) for t in question_note.cited_titles(body)))
    linked = [title_key(link) for link in links]
    if cited == linked:
        return
    missing = [t for t in question_note.cited_titles(body) if title_key(t) not in linked]
    extra = [link for link in links if title_key(link) not in cited]
    if missing:
        raise json_input.BadField("links", f"the body cites {json_input.shown(missing[0], 60)}"
                                           ", which links does not list")
    if extra:
        raise json_input.BadField("links", f"{json_input.shown(extra[0], 60)} is not cited "
                                           "in the body")
    raise json_input.BadField("links", "not in the order the body cites them (or repeated)")


def _annotation(raw: Any) -> Annotation:
    if not isinstance(raw, dict):
        raise json_input.BadField("", "expected an object")
    exact = json_input.text(raw, "exact")
    if not exact:
        raise json_input.BadField("exact", "empty: an annotation quotes some text")
    start, end = json_input.offsets(raw)
    path = json_input.vault_path(raw, "note_path") if "note_path" in raw else ""
    return Annotation(
        # (a note of a markdown folder, named by its path, need not have a question title)
        note_title=json_input.line_title(raw, "note") if path else json_input.title(raw, "note"),
        note_path=path,
        exact=exact,
        prefix=json_input.text(raw, "prefix", ""),
        suffix=json_input.text(raw, "suffix", ""),
        start=start,
        end=end,
        comment=json_input.text(raw, "comment", ""),
        color=json_input.color(raw, "color"),
        created=json_input.date(raw, "created"),
        updated=json_input.date(raw, "updated"),
    )
