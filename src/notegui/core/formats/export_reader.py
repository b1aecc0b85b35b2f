"""Reading a notegui markdown export back (``core.vault.detect`` says ``notegui-export``: a
``.notegui-export.json`` manifest): the library's own notes from the ``.md`` files at its
top, as markdown_vault wrote them (front matter, heading, description, body, Sources), and
the vaults' notes from the folders beside them, each a vault of that name (read as any
markdown folder, by core.vault, so that they come back at their paths).

Qt-free and store-free: the store merges the own notes as a JSON import's and imports each
vault folder as a vault."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from notegui.core.domain import normalise_title, title_key
from notegui.core.files import MANIFEST
from notegui.core.formats import json_input, markdown_vault, own_body, vault_export
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.question_note import cited_titles
from notegui.core.import_files import Refused, read_limited
from notegui.core.import_listing import Skipped, is_markdown, walk
from notegui.core.vault import detect, front_matter
from notegui.core.vault.kinds import DENDRON, MARKDOWN

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A citation as markdown_vault writes it: [[file name|title as cited?]] (the shown text
# runs to the first "?]]", as a citation of the body does); or a link to a note's file
# alone, [[file name]], as another tool writes one
_WIKILINK = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\n]*?\?))?\]\]")
# A line of the Sources section: "- [[file name|title?]]: its summary line" (any list mark)
_SOURCE_LINE = re.compile(r"[-*+][ \t]+(\[\[[^\n]*?\]\])[ \t]*:[ \t]?([^\n]*)")


@dataclass(frozen=True)
class ExportFolder:
    """What an export folder holds: the library's own notes (``document``; the files not
    read are in ``document.refused``, each with its reason) and the vault folders beside
    them (name -> folder)."""

    document: LibraryDocument
    vaults: Mapping[str, Path]
    titles: Mapping[str, str] = field(default_factory=dict)  # top file's stem -> its title


def read_export(folder: Path | str) -> ExportFolder:
    """The notes of an export folder (see the module's documentation)."""
    top = Path(folder)
    files: dict[str, tuple[dict[str, Any], str]] = {}  # file stem -> (fields, rest)
    refused: list[str] = []
    vaults: dict[str, Path] = {}
    with os.scandir(top) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith(".") or entry.name == MANIFEST:
            continue
        if entry.is_dir(follow_symlinks=False):
            vaults[entry.name] = Path(entry.path)
        elif entry.name.lower().endswith(".md"):
            read = _read_file(entry.path)
            if isinstance(read, str):
                refused.append(f"{entry.name}: {read}")
            else:
                files[entry.name[:-3]] = read
    titles = {stem: normalise_title(str(fields["title"])) for stem, (fields, _) in files.items()}
    known = _Known(titles, {title_key(title): title for title in titles.values()})
    notes = []
    for stem, (fields, rest) in files.items():
        try:
            notes.append(_note(fields, rest, known))
        except ValueError as why:
            refused.append(f"{stem}.md: {why}")
        except json_input.BadField as bad:
            refused.append(f"{stem}.md: {bad.within('front matter')}")
    return ExportFolder(LibraryDocument(tuple(notes), refused=tuple(refused)), vaults, titles)


_SAMPLED = 50  # a vault folder's notes looked at for its kind
_SAMPLED_BYTES = 8 * 1024


def vault_kind(folder: Path | str) -> str:
    """How a vault folder of an export is read: as ``detect`` says, but a folder whose
    notes are mostly Dendron's (``vault_export.dendron_like``: the export does not have
    the workspace's ``dendron.yml``) as Dendron's, whose links put the label first."""
    kind = detect(folder)
    if kind != MARKDOWN:
        return kind
    sampled = dendron = 0
    for file in walk(os.fspath(folder), Skipped(), is_markdown):
        try:
            with open(file, "rb") as stream:
                head = stream.read(_SAMPLED_BYTES).decode("utf-8", "replace")
        except OSError:
            continue
        sampled += 1
        dendron += vault_export.dendron_like(front_matter.split(head).yaml_text)
        if sampled >= _SAMPLED:
            break
    return DENDRON if sampled and dendron * 2 > sampled else MARKDOWN


def _read_file(path: str) -> tuple[dict[str, Any], str] | str:
    """A top file's front matter fields and the text after it, or why it is not read."""
    try:
        text = read_limited(path).decode("utf-8")
    except (Refused, OSError, ValueError) as error:
        return f"cannot be read: {error}"
    parts = front_matter.split(text.replace("\r\n", "\n"))
    try:
        fields = yaml.load(parts.yaml_text, Loader=_LOADER) if parts.yaml_text else None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError, TypeError) as error:
        return f"its front matter is not YAML ({type(error).__name__}): not read"
    if not isinstance(fields, dict) or not isinstance(fields.get("title"), str):
        return ("not a note notegui wrote (no front matter with its title): not read; a "
                "folder of your own markdown notes is imported as a vault")
    return fields, parts.body


def _text(fields: Mapping[str, Any], key: str) -> str:
    value = fields.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"front matter '{key}' is not text")
    return value


@dataclass(frozen=True)
class _Known:
    """The top files' notes, looked up (made once: a note's file is read with them)."""

    titles: Mapping[str, str]  # file stem -> title
    by_key: Mapping[str, str]  # title key -> title


def _note(fields: Mapping[str, Any], rest: str, known: _Known) -> NoteRecord:
    """One note of the library's own, from its file (markdown_vault.render_note's inverse)."""
    title = normalise_title(_text(fields, "title"))
    description, summary = _text(fields, "description"), _text(fields, "summary")
    tags = fields.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError("front matter 'tags' is not a list of tags")
    heading = f"\n# {markdown_vault.heading(title)}"
    if not rest.startswith(heading):
        raise ValueError("its heading is not its title's (edited since the export?): not "
                         "read")
    rest = rest[len(heading):].removesuffix("\n")
    body, listed = own_text(rest, description, fields.get(own_body.BODY_KEY), known.titles)
    sources: dict[str, str] = {}
    for cited, line in listed:
        sources.setdefault(title_key(cited), line)
    links = list(dict.fromkeys(title_key(t) for t in cited_titles(body)))
    by_key = known.by_key
    for key in links:
        if key not in by_key:
            raise ValueError("it cites a note whose file is not in the folder")
    if description or body:  # (a stub may be what a vault's note links to: any title)
        json_input.check_title(title, "title")
    return NoteRecord(
        title=title, description=description,
        summary=summary, body=body, links=tuple(by_key[key] for key in links),
        sources=tuple(sources.get(key) for key in links),
        tags=tuple(json_input.tag(tag, "tags") for tag in tags))


def own_text(rest: str, description: str, stored: object, titles: Mapping[str, str],
             ) -> tuple[str, list[tuple[str, str]]]:
    """The body (stored form: citations as ``[[Title?]]``) and the Sources lines ((cited
    title, line), in their order) of a note of the library's own, from ``rest``: its
    file's text after the heading, as markdown_vault writes it ("\\n\\n" before the
    description, the body and the Sources section; the final newline taken off).
    ``stored``: the front matter's copy of the body (``own_body.BODY_KEY``), taken while
    the text is still what it was written from. A description paragraph that is not the
    front matter's is body text; a Sources section with a line that is not a cited note's
    stays in the body."""
    if description and rest.startswith("\n\n" + description) \
            and rest[len(description) + 2:len(description) + 3] in ("", "\n"):
        rest = rest[len(description) + 2:]
    whole = rest.removeprefix("\n\n")
    text, sources = whole, []
    section = None
    for found in markdown_vault.SOURCES_HEADING.finditer(rest):
        section = found  # (the last one)
    if section is not None:
        listed = [_source(line, titles) for line in rest[section.end():].split("\n")
                  if line.strip()]
        if all(listed):
            sources = [line for line in listed if line is not None]
            text = rest[:section.start()].removeprefix("\n\n")
    if isinstance(stored, str):  # (a body the text alone does not give back)
        names = _names_in(whole, titles)
        written = own_body.written(markdown_vault.linked_body(stored, names))[0]
        for candidate, cited in ((text, sources), (whole, [])):
            if written == candidate:
                return stored, cited
    return citations_of(own_body.unparagraphed(text) or text, titles), sources


def _source(line: str, titles: Mapping[str, str]) -> tuple[str, str] | None:
    """A Sources line's cited title and summary line, or None when it is not one."""
    match = _SOURCE_LINE.fullmatch(line)
    if match is None:
        return None
    cited = citations_of(match.group(1), titles)
    found = cited_titles(cited)
    return (found[0], match.group(2)) if len(found) == 1 and cited == f"[[{found[0]}]]" \
        else None


def _unshown(shown: str) -> str:
    return (shown.replace("¦", "|").replace("] ]", "]]").replace("[ [", "[[")
            .replace("% %", "%%"))


def citations_of(text: str, titles: Mapping[str, str]) -> str:
    """The export's wikilinks back as citations: ``[[Title as cited?]]`` (the rest of the
    text is the stored body's, its literal ``[[`` escaped as ``[\\[``). ``titles``: file
    stem -> title. A link to a file not there cites the title it shows; ``[[file name]]``
    (another tool's link) cites that file's note when its title is a question."""
    pieces, position = [], 0
    for match in _WIKILINK.finditer(text):
        cited = _cited(match, titles)
        if cited is None:
            continue
        pieces.append(text[position:match.start()])
        pieces.append(f"[[{cited}]]")
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)


def _cited(link: re.Match[str], titles: Mapping[str, str]) -> str | None:
    """The title a wikilink cites (citations_of's rules), or None: not a citation."""
    stem, shown = link.group(1), link.group(2)
    title = titles.get(stem)
    if shown is None:
        return title if title is not None and title.endswith("?") else None
    if title is None:
        return _unshown(shown)
    written = _unshown(shown)
    if written == title:  # (as almost every link: cited as titled)
        return written
    key = title_key(title)
    if title_key(written) == key:
        return written
    cited = markdown_vault.cited_as_shown(shown, title)
    return cited if cited is not None and title_key(cited) == key else (
        shown if title_key(shown) == key else title)


def _names_in(text: str, titles: Mapping[str, str]) -> dict[str, str]:
    """Title key -> file name of each note the text's wikilinks cite (markdown_vault's
    ``names``, for the titles this text cites)."""
    names: dict[str, str] = {}
    for match in _WIKILINK.finditer(text):
        cited = _cited(match, titles)
        if cited is not None:
            names.setdefault(title_key(cited), match.group(1) + ".md")
    return names
