"""Export to a folder of markdown files that Obsidian opens as a vault: one ``.md`` per note,
YAML front matter (written by PyYAML, safe for every character), citations as wikilinks to
the cited note's file. File names: export_names; the rules: docs/formats.md."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from notegui.core.domain import title_key
from notegui.core.errors import ExportError
from notegui.core.formats import own_body, vault_export, yaml_text
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.export_names import EXTENSION, Named, file_names, readable_stem
from notegui.core.formats.question_note import split_citations


def file_stem(title: str) -> str:
    """A note's file name without its extension, when it is named alone (one note's
    export)."""
    return readable_stem(title)


def front_matter(fields: dict[str, Any]) -> str:
    """The YAML block between ``---`` lines, readable by any YAML parser (yaml.safe_load
    gives ``fields`` back, whatever characters the strings hold)."""
    return f"---\n{yaml_text.dump(fields)}---"


_LOOK_ALIKES = {"|": "¦", "]]": "] ]", "[[": "[ [", "%%": "% %"}
_LINK_SYNTAX = re.compile(r"\||\]\]|\[\[|%%")


def _shown(title: str) -> str:
    """A title as a wikilink's shown text: what would end the link or the alias
    (``|``, ``]]``, ``[[``) or open a comment (``%%``) is replaced by a look-alike; the
    front matter has the title."""
    return _LINK_SYNTAX.sub(lambda syntax: _LOOK_ALIKES[syntax.group()], title)


def cited_as_shown(shown: str, title: str) -> str | None:
    """The citation of ``title`` (the same title key, its own case) that a link shows as
    ``shown``, or None. Needed only when the title holds a look-alike itself (``a|¦?``
    shows as ``a¦¦?``), where the shown text alone cannot say which ``¦`` was a ``|``."""
    pieces = _LINK_SYNTAX.split(title)
    syntax = _LINK_SYNTAX.findall(title)
    # (each piece between syntax as long as the title's: "p % %%?" and "p %% %?" show alike)
    pattern = "".join((f"(.{{{len(pieces[index // 2])}}})" if index % 2 == 0
                       else re.escape(_LOOK_ALIKES[syntax[index // 2]]))
                      for index in range(2 * len(pieces) - 1))
    match = re.fullmatch(pattern, shown, re.DOTALL)
    if match is None:
        return None
    groups = match.groups()
    cited = "".join(groups[index] + (syntax[index] if index < len(syntax) else "")
                    for index in range(len(groups)))
    return cited if _shown(cited) == shown else None


_HEADING_SYNTAX = re.compile(r"([\\`*_\[\]<#%=~$^|])")


def heading(title: str) -> str:
    """The title as a heading's text, every character that markdown or Obsidian would read
    as syntax (a link, a tag, a comment, emphasis, math) escaped (CommonMark's backslash)."""
    return _HEADING_SYNTAX.sub(r"\\\1", title)


# A Sources section as the reader finds one (export_reader): a body of the library's own
# whose text holds one is also written in the front matter (the reader could not tell).
SOURCES_HEADING = re.compile(r"\n\n##[ \t]+Sources[ \t]*(?=\n)")


def _wikilink(title: str, names: Mapping[str, str]) -> str:
    name = names.get(title_key(title))
    if name is None and "|" not in title and "]]" not in title:
        # A citation of a note that is not there (a link to no file): as it is, so that
        # no other file's name takes it (export_reader reads it back as it is)
        return f"[[{title}]]"
    stem = (name or readable_stem(title) + EXTENSION)[: -len(EXTENSION)]
    shown = _shown(title)
    return f"[[{stem}|{shown}]]" if stem != shown else f"[[{stem}]]"


def linked_body(body: str, names: Mapping[str, str]) -> str:
    """A stored body with its citations as wikilinks to the cited notes' files."""
    return "".join(_wikilink(piece, names) if is_citation else piece
                   for piece, is_citation in split_citations(body))


def render_note(note: NoteRecord, names: Mapping[str, str],
                extra: Mapping[str, Any] | None = None) -> str:
    """A note of the library's own as its markdown file; ``extra``: front matter keys
    written after notegui's (a sync's note id and times)."""
    fields: dict[str, Any] = {
        "title": note.title,
        "aliases": [note.title],
        "description": note.description,
        "summary": note.summary,
        "tags": list(note.tags),
    }
    if note.is_stub:
        fields["stub"] = True
    # One paragraph per line in our format; markdown needs a blank line between them.
    body, alone = own_body.written(linked_body(note.body, names))
    cited = [(t, s) for t, s in zip(note.links, note.sources, strict=True) if s is not None]
    # (blank lines of its own where paragraphs adds them, or a text that reads as a
    # Sources section: kept exactly)
    if not alone or (not cited and SOURCES_HEADING.search("\n\n" + body)):
        fields[own_body.BODY_KEY] = note.body
    fields.update(extra or {})
    parts = [front_matter(fields), f"# {heading(note.title)}"]
    if note.description:
        parts.append(note.description)
    if body:
        parts.append(body)
    if cited:
        parts.append("## Sources\n\n" + "\n".join(
            f"- {_wikilink(title, names)}: {summary}" for title, summary in cited
        ))
    return "\n\n".join(parts) + "\n"


def names_of(document: LibraryDocument) -> dict[str, str]:
    """title_key -> file name of every note of the library's own (export_names.file_names;
    notes read from a markdown folder keep their paths)."""
    return file_names(Named(note.title, note.created) for note in document.notes
                      if not note.path)


def to_files(document: LibraryDocument) -> dict[str, str | bytes]:
    """File name -> content, for every note of the library: the library's own notes at the
    top, named after their titles; a vault's notes and images at their paths, in a folder
    named after the vault (vault_export)."""
    names = names_of(document)
    files: dict[str, str | bytes] = {
        names[title_key(note.title)]: render_note(note, names)
        for note in document.notes if not note.path}
    vault = vault_export.to_files((note for note in document.notes if note.path),
                                  document.attachments)
    clashes = sorted({name.casefold() for name in files}
                     & {path.partition("/")[0].casefold() for path in vault})
    if clashes:  # (a vault folder named like a note's file: "Why.md/")
        raise ExportError(f"a vault's folder has the file name of a note: {clashes[0]!r}; "
                          "nothing was written")
    files.update(vault)
    return files
