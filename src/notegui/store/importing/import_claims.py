"""Two files of one import with one title: the first one's text is kept, the later is
refused naming it (a JSON document's entry of that title is left out, likewise).

Written one after the other, the later replaced the earlier silently, both "imported", and
which one won depended on file names. Refusing the later loses nothing (the earlier's text
is in the library, the later file is where it was), says which file won, and keeps a
re-import of the same folder unchanged (replacing would swap the two texts at every
import, each time one more revision). To take the later one's text, import it on its own.
A title a file cites is no claim: only a note's own file (or JSON entry) writes its text."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from notegui.core.domain import title_key
from notegui.core.formats.document import LibraryDocument
from notegui.core.formats.json_input import shown
from notegui.core.import_files import ReadFile
from notegui.store.importing.key_flags import KeyFlags


class ImportClaims:
    """Title key -> the file of this import that wrote that note, kept in the import's
    ``KeyFlags`` (key_flags.py: the key once for all the import knows of it, the file by
    its place in ``files``, the import's list of files)."""

    def __init__(self, files: Sequence[str] = (), flags: KeyFlags | None = None) -> None:
        self.flags = KeyFlags() if flags is None else flags
        self._files = files
        self._others: list[str] = []  # files named by path, not by place (JSON files)

    def _place(self, path: str, place: int | None) -> int:
        if place is not None and place < len(self._files) and self._files[place] is path:
            return place
        if not self._others or self._others[-1] != path:
            self._others.append(path)
        return len(self._files) + len(self._others) - 1

    def _path(self, place: int) -> str:
        return (self._files[place] if place < len(self._files)
                else self._others[place - len(self._files)])

    def _earlier(self, title: str, path: str, place: int | None = None) -> str | None:
        """The file that wrote ``title`` earlier in this import, or None (the title is
        claimed for ``path`` now; ``place``: its place in ``files``)."""
        earlier = self.flags.claim(title_key(title), self._place(path, place))
        if earlier is None:
            return None
        first = self._path(earlier)
        if first == path or _same_file(first, path):
            return None  # (one file named twice: its second import changes nothing)
        return first

    def claim(self, read: ReadFile, path: str, place: int | None = None) -> ReadFile:
        """``read`` (a parsed question note, from ``path``, at ``place`` in ``files``) as
        it is, or refused when an earlier file of this import had its title."""
        first = self._earlier(read.note.title, path, place)
        if first is None:
            return read
        return replace(read, parsed=None, unpaired_text=None, refused=(
            f"its title {shown(read.note.title, 80)} is also {_named(first, path)}'s, "
            "imported before it in this import; that text was kept (import this file on "
            "its own to replace it)"))

    def claim_document(self, document: LibraryDocument, path: str) -> LibraryDocument:
        """The document less its notes whose titles an earlier file of this import had,
        each said among its refused entries."""
        kept, refused = [], []
        for record in document.notes:
            first = self._earlier(record.title, path)
            if first is None:
                kept.append(record)
            else:
                refused.append(
                    f"note {shown(record.title, 80)}: also {_named(first, path)}'s title, "
                    "imported before it in this import; that text was kept")
        if not refused:
            return document
        return replace(document, notes=tuple(kept), refused=(*document.refused, *refused))


def _named(first: str, later: str) -> str:
    """The earlier file as the message names it: by its name alone beside the later one
    (the line already names the folder), else by its path."""
    if os.path.dirname(first) == os.path.dirname(later):
        return os.path.basename(first)
    return first


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False
