"""Which files an import of files and folders reads, and what it leaves out, by kind.

A folder's ``*.txt`` files are its notes. Its other files are counted by kind (markdown,
images, PDFs, JSON, other) so that the summary says what was skipped and why, and a
folder with nothing to import says so rather than reporting "0 imported". Entries whose
name begins with a dot (.git, .obsidian, .trash, .DS_Store) are neither walked nor
counted: they are a tool's own files, not the user's notes.

Bounded on any tree: the walk keeps an explicit stack (a tree thousands of folders deep
needs no recursion), symbolic links to folders are not followed and a folder reached
twice (a bind mount of its parent) is walked once, and what is left out is a count per
kind, whatever the number of files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MARKDOWN = "markdown file"
IMAGE = "image"
PDF = "PDF"
JSON = "JSON file"
OTHER = "other file"
# The order the summary names the kinds in.
KINDS = (MARKDOWN, IMAGE, PDF, JSON, OTHER)
_PLURAL = {MARKDOWN: "markdown files", IMAGE: "images", PDF: "PDFs", JSON: "JSON files",
           OTHER: "other files"}
# Markdown is left out of an import of question notes only (--format question-notes, or
# the store's file import): every other import reads it as a vault's notes.
MARKDOWN_REASON = ("not question notes (import them as markdown notes with --format "
                   "vault)")
# Why each kind is left out, as the predicate of "markdown files …".
_REASONS = {
    MARKDOWN: "are " + MARKDOWN_REASON,
    IMAGE: "are not notes",
    PDF: "are not notes",
    JSON: "in a folder are not read (give a notegui JSON or W3C annotation file by name)",
    OTHER: "are not question-note .txt files",
}
_SUFFIXES = {
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".mdown": MARKDOWN, ".mkd": MARKDOWN,
    ".pdf": PDF, ".json": JSON, ".jsonld": JSON,
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".tif",
                     ".tiff", ".heic", ".avif", ".ico"), IMAGE),
}


def kind_of_name(name: str) -> str:
    """The kind of a file that is not a note, by its name's suffix."""
    dot = name.rfind(".")  # (not os.path.splitext: twice the time, at every file)
    return _SUFFIXES.get(name[dot:].lower(), OTHER) if dot > 0 else OTHER


def is_markdown(name: str) -> bool:
    return kind_of_name(name) == MARKDOWN


MARKDOWN_SUFFIXES = tuple(suffix for suffix, kind in _SUFFIXES.items() if kind == MARKDOWN)


def markdown_stem(name: str) -> str:
    """A file name without its markdown suffix (``.md``, ``.markdown``…, any case), else as
    it is: the name a vault's links use for the note."""
    lowered = name.lower()
    for suffix in MARKDOWN_SUFFIXES:
        if lowered.endswith(suffix):
            return name[:-len(suffix)]
    return name


@dataclass
class Skipped:
    """Files left out, counted by kind."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def add(self, kind: str, number: int = 1) -> None:
        self.counts[kind] += number

    def merge(self, other: Skipped) -> None:
        for kind, number in other.counts.items():
            self.counts[kind] += number

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def numbers(self) -> str:
        """``12 markdown files, 3 images and 1 PDF`` ("" when nothing was left out)."""
        parts = [f"{number:,} {kind if number == 1 else _PLURAL[kind]}"
                 for kind, number in self.counts.items() if number]
        return parts[0] if len(parts) == 1 else (
            ", ".join(parts[:-1]) + " and " + parts[-1] if parts else "")

    def reasons(self) -> str:
        """Why, kind by kind, kinds with one reason together: ``markdown files are …;
        images and PDFs are not notes``."""
        grouped: dict[str, list[str]] = {}
        for kind, number in self.counts.items():
            if number:
                grouped.setdefault(_REASONS[kind], []).append(_PLURAL[kind])
        return "; ".join(f"{_joined(kinds)} {reason}" for reason, kinds in grouped.items())

    def summary(self) -> str:
        """The summary's line: ``12 markdown files and 1 PDF skipped: …`` ("" for none)."""
        return f"{self.numbers()} skipped: {self.reasons()}" if self.total else ""


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@dataclass
class Listing:
    """The files to read, in order, what was left out, and the folders given that hold
    nothing to import, each with the line that says so."""

    files: list[str] = field(default_factory=list)
    skipped: Skipped = field(default_factory=Skipped)
    empty_folders: list[tuple[str, str]] = field(default_factory=list)  # (folder, why)


def list_files(paths: Iterable[Path | str]) -> Listing:
    """Files as given; folders walked, their ``*.txt`` files in the order of their paths'
    parts (as ``Path.rglob`` sorted would give them). As strings: a million Path objects
    (with their parts) took 500 MB."""
    listing = Listing()
    for path in paths:
        folder = str(path)
        if not _is_folder(folder):
            listing.files.append(folder)
            continue
        before = len(listing.files)
        skipped = Skipped()
        listing.files.extend(walk(folder, skipped, _is_text))
        listing.skipped.merge(skipped)
        if len(listing.files) == before:
            listing.empty_folders.append((folder, nothing_to_import(skipped)))
    return listing


def note_files(paths: Iterable[Path | str]) -> Iterator[str]:
    """The files ``list_files`` lists, alone."""
    yield from list_files(paths).files


def nothing_to_import(skipped: Skipped) -> str:
    """Why a folder gave no file: what it holds."""
    if not skipped.total:
        return ("nothing to import: it holds no files (notegui imports question-note .txt "
                "files; names beginning with a dot are not read)")
    return (f"nothing to import: it holds {skipped.numbers()} and no question-note .txt "
            f"file; {skipped.reasons()}")


def _is_folder(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # (a symbolic link loop, a NUL in the name: not a folder)
        return False


def _is_text(name: str) -> bool:
    return os.path.normcase(name).endswith(".txt")


def walk(top: str, skipped: Skipped, wanted: Callable[[str], bool]) -> Iterator[str]:
    """The files under ``top`` whose name is ``wanted`` (a question-note import: ``*.txt``;
    a vault: markdown and images), the others counted by kind in ``skipped``. Telling
    files from folders by the directory entry rather than a stat of each (a second less
    for 100,000 files), and sorting each folder on its own: one sort of 100,000 paths held
    Python's lock for a tenth of a second, a stall of the window importing them.
    Unreadable folders are skipped. A wanted entry whose type cannot be read (a symbolic
    link loop) is listed, and refused when read."""
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []
    entries = _entries(top, seen)
    if entries is None:
        return
    stack.append(entries)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            inner = _entries(entry.path, seen)
            if inner is not None:
                stack.append(inner)
        elif wanted(entry.name):
            if _is_file_or_unknown(entry):
                yield entry.path
        elif _is_file_or_unknown(entry):
            skipped.add(kind_of_name(entry.name))


def _entries(folder: str, seen: set[tuple[int, int]]) -> Iterator[os.DirEntry[str]] | None:
    """A folder's entries in name order; None when it cannot be read or was walked
    already (``seen`` holds the (device, inode) of each folder walked)."""
    try:
        identity = os.stat(folder)
        if (identity.st_dev, identity.st_ino) in seen:
            return None
        seen.add((identity.st_dev, identity.st_ino))
        with os.scandir(folder) as listing:
            return iter(sorted(listing, key=lambda entry: entry.name))
    except OSError:
        return None


def _is_file_or_unknown(entry: os.DirEntry[str]) -> bool:
    """A file, or what a symbolic link points to (even a FIFO or a loop: the reader
    refuses it, saying why) but not a folder."""
    try:
        return not entry.is_dir()
    except OSError:
        return True
