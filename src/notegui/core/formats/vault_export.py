"""The markdown export of notes read from a markdown folder (a vault): each written back at
its own path with its body as it was read, and its front matter as it was unless notegui's
title, aliases, tags, description or summary of the note now differ from what the block
says (then the block is written anew by PyYAML, its other keys kept in their order).
docs/formats.md says it for users; the reading side is core/vault (a note exported here
reads back as the same note)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from notegui.core.domain import normalise_title, title_key
from notegui.core.formats import yaml_text
from notegui.core.formats.document import AttachmentRecord, NoteRecord
from notegui.core.formats.export_names import vault_file_names
from notegui.core.import_listing import markdown_stem
from notegui.core.vault import front_matter
from notegui.core.vault.links import scan
from notegui.core.vault.model import VaultFile

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What YAML 1.1 reads (its "printable" characters), tab and line breaks aside: the rest
# cannot stand even in a comment.
_UNPRINTABLE = re.compile("[^\t\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_files(notes: Iterable[NoteRecord], attachments: Iterable[AttachmentRecord] = (),
             ) -> dict[str, str | bytes]:
    """Written path -> content of every vault note (text) and image (bytes)."""
    notes, attachments = list(notes), list(attachments)
    names = vault_file_names([note.path for note in notes]
                             + [attachment.path for attachment in attachments])
    files: dict[str, str | bytes] = {
        names[note.path]: note_text(note, names[note.path]) for note in notes}
    files.update((names[image.path], image.data) for image in attachments)
    return files


def note_text(note: NoteRecord, written_path: str) -> str:
    """The file of a vault note written at ``written_path``: its front matter (as read, or
    anew when it would not give the note's fields back) and its body."""
    block = block_of(note, written_path)
    if not block and front_matter.split(note.body).body == note.body:
        return note.body  # (no front matter, and the body does not look like one)
    return f"---\n{block}---\n{note.body}"


def block_of(note: NoteRecord, written_path: str) -> str:
    """The front matter the file of a vault note is written with: as read, or anew when
    it would not give the note's title, aliases, tags, description and summary back."""
    block = note.front_matter
    return block if _reads_back(note, block, written_path) else rewritten(
        note, block, written_path)


def _stem(path: str) -> str:
    return markdown_stem(path.rpartition("/")[2])


def _folded(names: Iterable[str]) -> set[str]:
    return {name.casefold() for name in names}


def _reads_back(note: NoteRecord, block: str, written_path: str) -> bool:
    """Whether the file written with ``block`` reads back (core/vault's rules for a plain
    markdown folder) with the note's title, aliases, tags, description and summary."""
    fields = front_matter.read(block)
    title = normalise_title(fields.title or _stem(written_path))
    if title != note.title or _folded(fields.aliases) != _folded(note.aliases):
        return False
    if (fields.description, fields.summary) != (note.description, note.summary):
        return False
    _, inline = scan(note.body)
    return _folded(fields.tags) | _folded(inline) == _folded(note.tags)


def rewritten(note: NoteRecord, block: str, written_path: str) -> str:
    """``block`` with notegui's title, aliases, tags, description and summary of the note in
    place of its own (each where the block had it, else after its keys), every other key
    kept in order. A block that is not a YAML mapping cannot keep its keys: its lines
    follow as comments."""
    data: dict[Any, Any] = {}
    lost = ""
    if block.strip():
        try:
            loaded = yaml.load(block, Loader=_LOADER)
        except (yaml.YAMLError, RecursionError, ValueError, OverflowError, TypeError):
            loaded = None
        if isinstance(loaded, Mapping):
            data = dict(loaded)
        else:
            lost = "".join(f"# {_printable(line)}\n" for line in block.splitlines())
    if "title" in data or normalise_title(_stem(written_path)) != note.title:
        data["title"] = note.title
    _put(data, ("aliases", "alias"), list(note.aliases))
    _put(data, ("tags", "tag"), list(note.tags))
    was = front_matter.read(block)
    _put_line(data, "description", note.description, was.description)
    _put_line(data, "summary", note.summary, was.summary)
    return (yaml_text.dump(data) if data else "") + lost


def _printable(line: str) -> str:
    """``line`` with each character YAML allows nowhere, not even in a comment (a control
    character, a lone surrogate), written as its escape: else the block kept as comments
    would not read either, and the keys written above it would be lost with it."""
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", line)


def _put(data: dict[Any, Any], keys: tuple[str, ...], values: list[str]) -> None:
    """``values`` at the first of ``keys`` the block has (its other spelling dropped), or
    under the first key when there are values to say."""
    present = [key for key in keys if key in data]
    if present:
        data[present[0]] = values
        for other in present[1:]:
            del data[other]
    elif values:
        data[keys[0]] = values


def _put_line(data: dict[Any, Any], key: str, text: str, read_as: str) -> None:
    """A description or summary at its key. One the block already gives keeps its value as
    written (a folded line, or a number read as none); one emptied is written '' where it
    was, not removed: it reads back as none, and the block keeps the key its tool wrote."""
    if text == read_as:
        return
    if key in data or text:
        data[key] = text


_DENDRON_KEYS = re.compile(r"^(id|updated|created):", re.MULTILINE)


def dendron_like(block: str) -> bool:
    """Whether a note's front matter is Dendron's (it writes ``id``, ``created`` and
    ``updated`` in every note): its wikilinks put the label first (``[[label|note]]``).
    What tells a Dendron vault's notes where its ``dendron.yml`` is not at hand (a JSON
    file, a markdown export)."""
    return {m.group(1) for m in _DENDRON_KEYS.finditer(block)} == {"id", "updated", "created"}


def as_vault_file(note: NoteRecord) -> VaultFile:
    """A vault note of a JSON file as the vault import takes a file it read: its links
    found in its body (core.vault's scan), its digest that of the file the markdown export
    writes for it (so that importing that file after changes nothing)."""
    links, _ = scan(note.body, label_first=dendron_like(note.front_matter))
    data = note_text(note, note.path).encode("utf-8")
    return VaultFile(path=note.path, title=note.title, name_key=title_key(_stem(note.path)),
                     body=note.body, front_matter=note.front_matter, aliases=note.aliases,
                     tags=note.tags, links=links, digest=hashlib.sha256(data).hexdigest(),
                     description=note.description, summary=note.summary)
