"""File names for the markdown export: one per note, safe on Windows, macOS and Linux and in
Obsidian's link syntax, readable, and stable (a note's name does not change when notes are
added). docs/formats.md states the rules."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from notegui.core.domain import title_key

EXTENSION = ".md"
# A name's bytes (UTF-8) with its extension: 255 is the limit of ext4, APFS and NTFS (NTFS
# counts UTF-16 units, never more than UTF-8 bytes). The rest is for the temporary name a
# file is written under first (core/files.write_atomically: "." + name + "." + 8 random).
MAX_BYTES = 255 - 10
# Windows, macOS and Obsidian's link syntax forbid these (Obsidian: # ^ | [[ ]] %% in links).
_FORBIDDEN = re.compile(r'%%|\[\[|\]\]|[#^|/\\:*?"<>\[\]\x00-\x1f\x7f-\x9f]')
_SPACES = re.compile(r"\s+")
# Windows reserves these names whatever their extension or case ("con.md", "Com1.txt").
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?",
                       re.IGNORECASE)
# A cut must not part a letter from its accent, nor an emoji from what joins or modifies it.
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def _joined_to_previous(char: str) -> bool:
    return (unicodedata.combining(char) != 0 or char in _JOINERS
            or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tones
            or "\U000e0020" <= char <= "\U000e007f")  # tag characters (flags)


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, between characters a reader sees."""
    if len(text.encode("utf-8")) <= limit:
        return text
    end, size = 0, 0
    for char in text:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            break
        size += width
        end += 1
    while end > 0 and (_joined_to_previous(text[end]) or text[end - 1] == "\u200d"):
        end -= 1
    return text[:end]


def _tidy(stem: str) -> str:
    """No leading dot, no trailing dot or space, no reserved name."""
    while stem != (tidier := stem.strip().lstrip(".").rstrip(". ")):
        stem = tidier
    reserved = _RESERVED.fullmatch(stem)
    if reserved:  # "CON" -> "CON_", "nul.txt" -> "nul_.txt"
        stem = reserved.group(1) + "_" + (reserved.group(2) or "")
    return stem


def readable_stem(title: str, extension: str = EXTENSION) -> str:
    """The title as a file name's stem: NFC, each run of forbidden characters (a question's
    "?", "/", ":", "#", "[[", ...) becomes one space (a final "?" simply goes), white space
    collapsed, no leading dot or trailing dot or space, "_" after a name Windows reserves,
    at most MAX_BYTES with the extension. "untitled" when nothing is left."""
    stem = unicodedata.normalize("NFC", title).strip()
    stem = _FORBIDDEN.sub(" ", stem)
    stem = _SPACES.sub(" ", stem)
    stem = _tidy(stem)
    stem = _tidy(_cut(stem, MAX_BYTES - len(extension)))
    return stem or "untitled"


def _hash(title: str, length: int) -> str:
    return hashlib.blake2b(title_key(title).encode("utf-8"), digest_size=16).hexdigest()[:length]


def _suffixed(stem: str, title: str, length: int, extension: str) -> str:
    suffix = f" ({_hash(title, length)})"
    room = MAX_BYTES - len(extension) - len(suffix.encode("utf-8"))
    return _tidy(_cut(stem, room)) + suffix


@dataclass(frozen=True)
class Named:
    """A note to name: its title and when it was made (the elder keeps the plain name)."""

    title: str
    created: str = ""


def file_names(notes: Iterable[Named], extension: str = EXTENSION) -> dict[str, str]:
    """title_key -> file name (with ``extension``), distinct even case-insensitively (macOS,
    Windows). Titles whose stems clash: the note made first (then the smaller title key)
    keeps the plain stem, each other one gets `` (hash)``, six hex digits of its own title
    key's hash, more when two of them share six. A note's name so depends on itself and on
    the notes that clash with it, never on the order of export or on notes added later
    (unless one is added with an older creation time, as a JSON import may)."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for note in notes:
        key, stem = title_key(note.title), readable_stem(note.title, extension)
        groups.setdefault(stem.casefold(), []).append((note.created, key, note.title))
    names: dict[str, str] = {}
    taken = set(groups)  # every plain stem, so that no suffixed name is another's plain one
    for folded, members in groups.items():
        members.sort()
        stem = readable_stem(members[0][2], extension)
        names[members[0][1]] = stem + extension
        length = 6
        while True:
            trial = {key: _suffixed(stem, title, length, extension)
                     for _, key, title in members[1:]}
            folded_names = [name.casefold() for name in trial.values()]
            if (len(set(folded_names)) == len(folded_names)
                    and not taken.intersection(folded_names)):
                break
            length += 6  # (a collision of six hex digits among clashing titles: rare)
            if length > 32:
                raise ValueError(f"no distinct file name for the titles of {folded!r}")
        for key, name in trial.items():
            names[key] = name + extension
        taken.update(name.casefold() for name in trial.values())
    return names


def free_name(title: str, taken: set[str], extension: str = EXTENSION) -> str:
    """A file name for one note added among ``taken`` (names, casefolded): its plain stem,
    else the stem with `` (hash)`` of its title, as ``file_names`` gives a clashing title,
    longer while that is taken too. A sync names a new note so: the names already in the
    repository never change."""
    stem = readable_stem(title, extension)
    name = stem + extension
    length = 6
    while name.casefold() in taken:
        if length > 32:
            raise ValueError(f"no free file name for {title!r}")
        name = _suffixed(stem, title, length, extension) + extension
        length += 6
    return name


# -- the files of notes read from a markdown folder: their own paths ------------------------

# What some system refuses in a file or folder name (Windows: these and control characters;
# every system: "/"). Obsidian's link syntax (# ^ [ ] %%) is left alone: the vault's own
# links name the files as they are.
_UNSAFE = re.compile(r' *[/\\:*?"<>|\x00-\x1f]+ *')  # (with the spaces around it)


def safe_segment(name: str) -> str:
    """One folder or file name of a vault's path as it is, unless some system refuses it:
    then each run of refused characters becomes one space, a leading dot and trailing dots
    and spaces go, "_" follows a name Windows reserves (``con.md`` → ``con_.md``), and a
    name longer than MAX_BYTES is cut, keeping its extension. NFC either way."""
    name = unicodedata.normalize("NFC", name)
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 10:
        stem, extension = name, ""
    else:
        extension = "." + extension
    safe = _UNSAFE.sub(" ", stem)
    while safe != (tidier := safe.lstrip(".").rstrip(". ")):
        safe = tidier
    safe = _cut(safe, MAX_BYTES - len(extension.encode("utf-8"))).rstrip(". ")
    safe = (safe or "untitled") + extension
    reserved = _RESERVED.fullmatch(safe)
    if reserved:
        safe = reserved.group(1) + "_" + (reserved.group(2) or "")
    return safe


def vault_file_names(paths: Iterable[str]) -> dict[str, str]:
    """Path of a vault's note or image -> the path its file is written at: the same path
    where every system takes it (most), else each segment made safe (``safe_segment``).
    Two paths that would then be one (also by case: macOS, Windows) keep apart: the one
    whose path is unchanged (then the smaller path) keeps it, each other one gets
    `` (hash)`` of its own path before its extension, as ``file_names`` does."""
    wanted = {path: "/".join(safe_segment(part) for part in path.split("/")) for path in paths}
    groups: dict[str, list[str]] = {}
    for path, written in wanted.items():
        groups.setdefault(written.casefold(), []).append(path)
    names: dict[str, str] = {}
    for members in groups.values():
        members.sort(key=lambda path: (wanted[path] != path, path))
        names[members[0]] = wanted[members[0]]
        for path in members[1:]:
            folder, _, name = wanted[path].rpartition("/")
            stem, dot, extension = name.rpartition(".")
            if not dot or not stem:
                stem, extension = name, ""
            else:
                extension = "." + extension
            suffix = " (" + hashlib.blake2b(path.encode("utf-8"),
                                            digest_size=16).hexdigest()[:8] + ")"
            room = MAX_BYTES - len(extension.encode("utf-8")) - len(suffix)
            names[path] = f"{folder}/{_cut(stem, room)}{suffix}{extension}"
    return names
