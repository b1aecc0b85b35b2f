"""A note as its file in the sync repository, and back (docs/sync.md, "The repository's
files"). The library's own notes are written as the markdown export writes them
(markdown_vault), with ``notegui-id``, ``created`` and ``updated`` in the front matter;
a vault's notes as their own file, a ``notegui-id`` line added to their front matter.

Reading is tolerant of another tool's edits: the front matter says the title, the
description and the summary; the heading under it is dropped whatever it says; text
edited anywhere is body; a Sources section that does not read as one is body. A file
that cannot be read at all raises ValueError with the reason, in one line."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

import yaml

from notegui.core.domain import normalise_title, title_key
from notegui.core.formats import export_reader, json_input, markdown_vault, own_body, vault_export
from notegui.core.formats.document import NoteRecord
from notegui.core.formats.question_note import cited_titles
from notegui.core.import_listing import markdown_stem
from notegui.core.sync_model import SyncNote
from notegui.core.vault import front_matter, reader

ID_KEY = "notegui-id"
# The id's line, as render writes it (quoted by YAML when it reads as a number) or as
# another tool may rewrite it.
_ID_LINE = re.compile(r"^notegui-id[ \t]*:[ \t]*(.*?)[ \t]*(?:\n|\Z)", re.MULTILINE)
_UID = re.compile(r"[0-9a-f]{32}")
# The heading markdown_vault writes under the front matter (any first-level heading)
_HEADING = re.compile(r"\n*#(?:[ \t]([^\n]*))?(?=\n|\Z)")
_HEADING_ESCAPE = re.compile(r"\\([\\`*_\[\]<#%=~$^|])")  # (markdown_vault.heading's)


def render(note: SyncNote, names: Mapping[str, str]) -> bytes:
    """The note's file. ``names``: cited title key -> file name (markdown_vault's)."""
    return (_vault_file(note) if note.path else _own_file(note, names)).encode("utf-8")


def _own_file(note: SyncNote, names: Mapping[str, str]) -> str:
    extra = {key: value for key, value in ((ID_KEY, note.uid), ("created", note.created),
                                           ("updated", note.updated)) if value}
    return markdown_vault.render_note(NoteRecord(
        title=note.title, description=note.description, summary=note.summary,
        body=note.body, links=tuple(title for title, _ in note.sources),
        sources=tuple(line for _, line in note.sources), tags=note.tags), names, extra)


def _vault_file(note: SyncNote) -> str:
    block = _ID_LINE.sub("", vault_export.block_of(NoteRecord(
        title=note.title, description=note.description, summary=note.summary,
        body=note.body, tags=note.tags, path=note.path, front_matter=note.front_matter,
        aliases=note.aliases), note.path))  # (an id it had, from a clone imported: ours)
    if block and not block.endswith("\n"):
        block += "\n"
    identity = f"{ID_KEY}: {note.uid}\n" if note.uid else ""
    return f"---\n{block}{identity}---\n{note.body}"


def parse(data: bytes, path: str, titles: Mapping[str, str],
          warnings: list[str] | None = None) -> SyncNote:
    """The note of a file at ``path`` in the repository (at the top: a note of the
    library's own; in a folder: a vault's note, at that path). ``titles``: the top
    files' stems -> their titles (a citation's file names its note). ValueError: why
    the file cannot be read. A vault note read in spite of its front matter (a key not
    understood, YAML that does not parse: the file's name is then its title, as an
    import reads it) adds "<path>, line N: <what>" to ``warnings``."""
    text = _decoded(data)
    parts = front_matter.split(text)
    uid, block = _without_id(parts.yaml_text)
    if "/" in path:
        found = reader.note_of(block, parts.body, path)
        if warnings is not None:
            warnings.extend(str(problem) for problem in found.problems)
        return SyncNote(uid=uid, title=found.title, description=found.description,
                        summary=found.summary, body=found.body, tags=found.tags,
                        aliases=found.aliases, path=path, front_matter=block)
    return _own_note(uid, block, parts.body, path, titles)


def _decoded(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte offset {error.start:,})") from None
    if "\x00" in text:
        raise ValueError("holds a NUL character: not a text file")
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _without_id(block: str) -> tuple[str, str]:
    """The note id a front matter gives ('' none) and the front matter without it."""
    found = _ID_LINE.search(block)
    if found is None:
        return "", block
    uid = found.group(1).strip("'\"").lower()
    if uid and not _UID.fullmatch(uid):
        raise ValueError(f"its {ID_KEY} {found.group(1)[:40]!r} is not a note's id (32 "
                         "hexadecimal digits)")
    return uid, _ID_LINE.sub("", block)


def head(data: bytes, path: str) -> tuple[str, str]:
    """The note id ('' none) and the title of the note of a file at the top, as ``parse``
    reads them, its text left unread (a join first reads every file for these only).
    ValueError as ``parse`` raises it, with its reason."""
    text = _decoded(data)
    parts = front_matter.split(text)
    uid, block = _without_id(parts.yaml_text)
    fields = _fields(block)
    found, _rest = _titled(fields, parts.body, path)
    for key in ("description", "summary"):  # (ValueError as parse raises it)
        _line(fields, key)
    try:
        json_input.check_title(found, "title")
        _tags(fields.get("tags"))
    except json_input.BadField:  # (whether it reads depends on its text: all of it read)
        note = parse(data, path, {})
        return note.uid, note.title
    return uid, found


def title(data: bytes, path: str) -> str:
    """The title of the note of a file at the top (a citation's file names its note)."""
    return head(data, path)[1]


def _titled(fields: Mapping[Any, Any], rest: str, path: str) -> tuple[str, str]:
    """The title of a note of the library's own, and its file's text after the heading."""
    rest = rest.removesuffix("\n")  # (the file's last newline)
    heading = _HEADING.match(rest)
    if heading is not None:
        rest = rest[heading.end():]
    if rest and not rest.startswith("\n\n"):  # (as written: a blank line before each part)
        rest = "\n\n" + rest.lstrip("\n")
    shown = _HEADING_ESCAPE.sub(r"\1", heading.group(1) or "") if heading else ""
    return normalise_title(_text(fields, "title") or shown.strip() or markdown_stem(path)), rest


def _own_note(uid: str, block: str, rest: str, path: str,
              titles: Mapping[str, str]) -> SyncNote:
    fields = _fields(block)
    title, rest = _titled(fields, rest, path)
    description, summary = _line(fields, "description"), _line(fields, "summary")
    body, sources = export_reader.own_text(rest, description, fields.get(own_body.BODY_KEY),
                                           titles)
    try:
        if description or body.strip():  # (a stub may be what a vault links to: any title)
            json_input.check_title(title, "title")
        tags = _tags(fields.get("tags"))
    except json_input.BadField as bad:
        raise ValueError(bad.within("front matter")) from None
    return SyncNote(uid=uid, title=title, description=description, summary=summary,
                    body=body, sources=_cited(body, sources), tags=tags,
                    created=_text(fields, "created"), updated=_text(fields, "updated"))


def _fields(block: str) -> dict[Any, Any]:
    if not block.strip():
        return {}
    try:
        fields = front_matter.load(block)
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError, TypeError) as error:
        raise ValueError(f"its front matter is not YAML ({type(error).__name__})") from None
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise ValueError("its front matter is not a list of 'key: value' lines")
    return fields


def _text(fields: Mapping[Any, Any], key: str) -> str:
    """A front matter value as text: a number or a date as written, None as ''."""
    value = fields.get(key)
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        raise ValueError(f"front matter '{key}' is not text")
    return value if isinstance(value, str) else str(value)


def _line(fields: Mapping[Any, Any], key: str) -> str:
    """A one-line field (the description, the summary): line breaks made spaces."""
    return front_matter.one_line(_text(fields, key))


def _tags(value: object) -> tuple[str, ...]:
    """The front matter's tags: a list, or words in one text; each once (by case)."""
    if value is None:
        return ()
    items = value.replace(",", " ").split() if isinstance(value, str) else value
    if not isinstance(items, list):
        raise json_input.BadField("tags", "not a list of tags")
    found: dict[str, str] = {}
    for index, item in enumerate(items):
        tag = json_input.tag(item, f"tags[{index}]")
        found.setdefault(tag.casefold(), tag)
    return tuple(found.values())


def _cited(body: str, sources: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The Sources lines of titles the body cites, each title once (a line left for a
    citation taken out of the text goes with it)."""
    cited = {title_key(title) for title in cited_titles(body)}
    kept: dict[str, tuple[str, str]] = {}
    for title, line in sources:
        if title_key(title) in cited:
            kept.setdefault(title_key(title), (title, line))
    return tuple(kept.values())
