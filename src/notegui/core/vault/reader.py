"""Reading a folder of markdown notes (an Obsidian vault, a Foam or Dendron workspace, a
plain folder): one ``VaultFile`` per markdown file, one ``VaultAttachment`` per image,
one ``Problem`` per file refused, never an exception for one bad file.

The folder is walked by ``import_listing.walk`` (names beginning with a dot skipped, no
recursion, symbolic links to folders not followed); files are read with the import's
size cap (``import_files.read_limited``). Qt-free and store-free: the store imports what
this yields, the resolver (``resolve.py``) links it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from notegui.core.domain import normalise_title, title_key
from notegui.core.import_files import Refused, read_limited
from notegui.core.import_listing import IMAGE, MARKDOWN, Skipped, kind_of_name, walk
from notegui.core.vault import front_matter
from notegui.core.vault.kinds import DENDRON, detect
from notegui.core.vault.links import scan
from notegui.core.vault.model import Problem, VaultAttachment, VaultFile

# The largest image copied into the library (a photo is a few MB; a scan may be 20).
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def read_vault(folder: Path | str, vault_name: str = "", kind: str = "",
               skipped: Skipped | None = None,
               ) -> Iterator[VaultFile | VaultAttachment | Problem]:
    """Every markdown file and image under ``folder``, read, in the walk's order (each
    folder's entries by name). ``vault_name``: the first segment of every path (default:
    the folder's name); ``kind``: as ``detect`` says (detected when ''); ``skipped``:
    counts the other files by kind (PDFs, JSON, other)."""
    top = os.fspath(folder)
    name = check_vault_name(vault_name or vault_name_of(top))
    kind = kind or detect(top)
    skipped = Skipped() if skipped is None else skipped
    prefix = os.path.join(top, "")
    for file in walk(top, skipped, _wanted):
        inside = file[len(prefix):] if file.startswith(prefix) else os.path.basename(file)
        if kind_of_name(inside) == MARKDOWN:
            yield read_note(file, vault_path(name, inside), kind)
        else:
            yield read_attachment(file, vault_path(name, inside))


def _wanted(name: str) -> bool:
    return kind_of_name(name) in (MARKDOWN, IMAGE)


def vault_name_of(folder: str) -> str:
    """A folder's name as a vault's (``notes/`` → ``notes``; ``/`` → ``vault``)."""
    name = os.path.basename(os.path.normpath(os.path.abspath(folder)))
    return unicodedata.normalize("NFC", name) if name else "vault"


def check_vault_name(name: str) -> str:
    """A vault's name as paths begin with it, or ValueError saying why it cannot be one."""
    if not name.strip() or "/" in name or "\\" in name or name in (".", ".."):
        raise ValueError(f"{name!r} cannot be a vault's name: one folder name, without "
                         "'/' or '\\'")
    return unicodedata.normalize("NFC", name)


def vault_path(vault_name: str, inside: str) -> str:
    """``<vault>/<path inside>``: ``/`` separators, NFC, the file's own case."""
    if os.sep != "/":
        inside = inside.replace(os.sep, "/")
    path = f"{vault_name}/{inside}"
    return path if path.isascii() else unicodedata.normalize("NFC", path)


def read_note(file: str, path: str, kind: str = "") -> VaultFile | Problem:
    """One markdown file: a VaultFile, or the Problem that refuses it (its name, its size,
    its bytes are not UTF-8 text). A bad front matter is a problem of the note, which is
    read with its text all the same."""
    refused = _unreadable_name(path)
    if refused:
        return Problem(_shown(path), refused)
    try:
        data = read_limited(file)
    except (Refused, OSError, ValueError) as error:
        return Problem(path, _refusal(error))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return Problem(path, f"not valid UTF-8 text (byte offset {error.start:,}): not "
                             "read", line)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return Problem(path, "contains a NUL character: not a text file, not read", line)
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    parts = front_matter.split(text)
    fields = front_matter.read(parts.yaml_text)
    stem = _stem(path.rpartition("/")[2])
    title = fields.title or (stem.rpartition(".")[2] or stem if kind == DENDRON else stem)
    links, inline_tags = scan(parts.body)
    tags = fields.tags
    if inline_tags:
        known = {tag.casefold() for tag in tags}
        tags += tuple(tag for tag in inline_tags if tag.casefold() not in known)
    problems = tuple(Problem(path, reason, line) for line, reason in fields.problems)
    return VaultFile(path=path, title=normalise_title(title), name_key=title_key(stem),
                     body=parts.body, front_matter=parts.yaml_text, aliases=fields.aliases,
                     tags=tags, links=links, digest=hashlib.sha256(data).hexdigest(),
                     problems=problems)


def read_attachment(file: str, path: str) -> VaultAttachment | Problem:
    """One image, up to MAX_ATTACHMENT_BYTES, or the Problem that refuses it."""
    refused = _unreadable_name(path)
    if refused:
        return Problem(_shown(path), refused)
    try:
        data = read_limited(file, MAX_ATTACHMENT_BYTES, "an image")
    except (Refused, OSError, ValueError) as error:
        return Problem(path, _refusal(error))
    return VaultAttachment(path, title_key(path.rpartition("/")[2]), data,
                           hashlib.sha256(data).hexdigest())


def _stem(name: str) -> str:
    lowered = name.lower()
    for suffix in _MARKDOWN_SUFFIXES:
        if lowered.endswith(suffix):
            return name[:-len(suffix)]
    return name


def _unreadable_name(path: str) -> str:
    """Why a file's name cannot be a note's path ("" when it can): bytes that are not
    UTF-8 (Python keeps them as lone surrogates, which no database takes)."""
    if path.isascii():
        return ""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8: not read (rename the file)"
    return ""


def _shown(path: str) -> str:
    """A path whose name is not UTF-8, printable (its odd bytes as escapes)."""
    return path.encode("utf-8", "backslashreplace").decode("utf-8")


def _refusal(error: Exception) -> str:
    if isinstance(error, Refused):
        return str(error)
    if isinstance(error, OSError) and error.errno == errno.ELOOP:
        return "a symbolic link loop (it leads back to itself): not read"
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or error}"
    return f"cannot read: {error}"
