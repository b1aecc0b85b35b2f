"""What reading a vault gives: notes, attachments, links and problems (plain values)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Problem:
    """What is wrong with one file of a vault: a refusal (``read_vault`` yields it instead
    of the file) or a warning (in ``VaultFile.problems``: the note is read all the same).
    ``path`` is the vault path (``<vault>/<path inside>``); ``line`` 0 when no line is to
    blame."""

    path: str
    reason: str
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


class LinkRef(NamedTuple):
    """One link of a note, as written. ``target``: the note (or file) named, without its
    ``#Heading`` or ``#^block``; '' for a link inside the note (``[[#Heading]]``). A
    markdown link's target is its path relative to the note's folder (or ``/``: to the
    vault's root), URL-decoded. ``shown``: the text the link shows ('' when the link shows
    its target). ``embed``: ``![[…]]`` or ``![…](…)``. A named tuple: made eight times
    a note at import speed, five times faster than a frozen dataclass, and sent cheaply
    between processes."""

    target: str
    heading: str = ""
    block: str = ""
    shown: str = ""
    embed: bool = False
    markdown: bool = False


@dataclass(frozen=True)
class VaultFile:
    """One markdown file of a vault, read. ``path``: ``<vault>/<path inside the vault>``,
    ``/`` separators, NFC, the file's own case, extension kept. ``name_key``: the
    ``title_key`` of the file name without its extension (links resolve by it). ``body``:
    the text after the front matter (BOM dropped, CRLF as LF); ``front_matter``: the YAML
    between the ``---`` lines, verbatim ('' when none). ``digest``: sha256 of the bytes.
    ``description``, ``summary``: the front matter's, each one line ('' when none)."""

    path: str
    title: str
    name_key: str
    body: str
    front_matter: str
    aliases: tuple[str, ...]
    tags: tuple[str, ...]
    links: tuple[LinkRef, ...]
    digest: str
    problems: tuple[Problem, ...] = ()
    description: str = ""
    summary: str = ""


@dataclass(frozen=True)
class VaultAttachment:
    """An image of a vault, read. ``name_key``: the ``title_key`` of its file name with
    its extension (``![[img.png]]`` resolves by it)."""

    path: str
    name_key: str
    data: bytes
    digest: str
