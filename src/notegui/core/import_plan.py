"""What an import of files and folders does with each: question-note files and notegui
JSON go to the file import (as before); a markdown folder, or a markdown file that is not
a question note, is a vault, imported by ``Library.import_vault``.

A folder's kind is ``core.vault.detect``'s, unless ``--format`` says it: a folder of
question-note ``.txt`` files (and no markdown, or a plain folder with no more markdown
files than ``.txt`` files: a README beside the notes) is imported exactly as before; any
other folder is a vault, and the ``.txt`` files beside its markdown are still imported as
question notes. A markdown file given alone is a note of the vault of its folder (or of
the nearest folder above it that a tool marks as a vault's root: ``.obsidian/``,
``dendron.yml``, ``.foam/``), so that importing one edited file of a vault imported
before updates its note; a question note saved as ``.md`` still imports as one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from notegui.core.formats import question_note
from notegui.core.formats.errors import FormatError
from notegui.core.import_files import Refused, read_limited
from notegui.core.import_listing import MARKDOWN as MARKDOWN_FILE
from notegui.core.import_listing import (
    OTHER,
    Listing,
    Skipped,
    is_markdown,
    list_files,
    walk,
)
from notegui.core.vault import Problem, VaultAttachment, VaultFile, read_vault
from notegui.core.vault.kinds import MARKDOWN, QUESTION_NOTES, detect
from notegui.core.vault.reader import check_vault_name, read_note, vault_name_of, vault_path

VAULT, JSON = "vault", "json"
FORMATS = (VAULT, QUESTION_NOTES, JSON)
_ROOT_SEARCH_DEPTH = 32  # folders above a file looked at for a vault's root


@dataclass(frozen=True)
class VaultJob:
    """One vault to import: a whole folder, or one markdown file of it (``file``)."""

    folder: str  # the vault's root
    name: str  # the vault's name: its notes' paths begin with it
    kind: str  # as detect says
    file: str = ""  # one file inside ``folder`` ('' for the whole folder)
    texts: int = 0  # .txt files beside its markdown (imported as question notes)
    markdown: int = 1  # its markdown files, as listed when planned (before any is read)

    @property
    def whole(self) -> bool:
        """Whether every file of the vault is read (notes whose files are gone are found
        only then)."""
        return not self.file

    def read(self, skipped: Skipped) -> Iterator[VaultFile | VaultAttachment | Problem]:
        """What the import writes: every markdown file and image, or the one file."""
        if self.whole:
            yield from read_vault(self.folder, self.name, self.kind, skipped)
            return
        inside = os.path.relpath(self.file, self.folder)
        yield read_note(self.file, vault_path(self.name, inside), self.kind)


@dataclass
class ImportPlan:
    """The file import's listing (as ``list_files`` makes it) and the vaults."""

    listing: Listing = field(default_factory=Listing)
    vaults: list[VaultJob] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, why)


def plan(paths: list[Path | str], form: str = "", vault_name: str = "") -> ImportPlan:
    """How each path is imported. ``form``: '' (detected), 'vault', 'question-notes' or
    'json'; ``vault_name``: the name of the vaults' notes' first path segment (default:
    each vault's folder name). A bad vault name: ValueError saying why."""
    if vault_name:
        check_vault_name(vault_name)
    result = ImportPlan()
    files: list[Path | str] = []
    for path in paths:
        text = os.fspath(path)
        if _is_folder(text):
            _plan_folder(result, text, form, vault_name)
        elif form != JSON and is_markdown(text) and _is_vault_note(text, form):
            root = _root_of(text)
            result.vaults.append(VaultJob(root, vault_name or vault_name_of(root),
                                          detect(root), os.path.abspath(text)))
        else:
            files.append(text)
    old = list_files(files)  # (the files given by name, as before)
    result.listing.files.extend(old.files)
    return result


def _plan_folder(result: ImportPlan, folder: str, form: str, vault_name: str) -> None:
    kind = detect(folder) if form != VAULT else ""
    if form == JSON:
        result.refused.append((folder, "a folder is not a JSON file: give the notegui JSON "
                                       "or W3C annotation file by name"))
        return
    if form == QUESTION_NOTES or (not form and kind == QUESTION_NOTES):
        listing = list_files([folder])
        result.listing.files.extend(listing.files)
        result.listing.skipped.merge(listing.skipped)
        result.listing.empty_folders.extend(listing.empty_folders)
        return
    kind = kind if kind not in ("", QUESTION_NOTES) else MARKDOWN
    counted = Skipped()
    texts = list(walk(folder, counted, _is_text))
    if not form and kind == MARKDOWN and texts and len(texts) >= counted.counts[MARKDOWN_FILE]:
        # A plain folder mostly of .txt files is a folder of question notes (with a README):
        # imported as before, its markdown left out saying why.
        _plan_folder(result, folder, QUESTION_NOTES, vault_name)
        return
    # The question notes beside a vault's markdown are imported as they were before.
    result.listing.files.extend(texts)
    result.vaults.append(VaultJob(folder, vault_name or vault_name_of(folder), kind,
                                  texts=len(texts), markdown=counted.counts[MARKDOWN_FILE]))


def less_texts(skipped: Skipped, texts: int) -> Skipped:
    """A vault's files left out, less its ``.txt`` files (imported as question notes)."""
    counts = dict(skipped.counts)
    counts[OTHER] = max(0, counts.get(OTHER, 0) - texts)
    return Skipped(counts)


def _is_text(name: str) -> bool:
    return os.path.normcase(name).endswith(".txt")


def _is_folder(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _is_vault_note(file: str, form: str) -> bool:
    """Whether a markdown file is a vault's note: asked, or not a question note."""
    if form:
        return form == VAULT
    try:
        question_note.parse(read_limited(file), file)
    except (FormatError, Refused, OSError, ValueError, RecursionError, MemoryError):
        return True
    return False


def _root_of(file: str) -> str:
    """The folder of a vault a file belongs to: the nearest above it that a tool marks as
    a vault's root, else its own folder."""
    folder = os.path.dirname(os.path.abspath(file))
    current = folder
    for _ in range(_ROOT_SEARCH_DEPTH):
        if detect_root(current):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    return folder


def detect_root(folder: str) -> bool:
    """Whether a tool marks ``folder`` as a vault's root (not a plain folder)."""
    return any(os.path.exists(os.path.join(folder, name))
               for name in (".obsidian", "dendron.yml", ".foam", ".notegui-export.json"))


def nothing_in_vault(skipped: Skipped) -> str:
    """Why a folder imported as markdown gave no note: what it holds."""
    if not skipped.total:
        return ("nothing to import: it holds no files (notegui imports markdown notes, "
                "question-note .txt files, notegui JSON and W3C annotations; names beginning "
                "with a dot are not read)")
    return (f"nothing to import: it holds {skipped.numbers()} and no markdown note or "
            "question-note .txt file")
