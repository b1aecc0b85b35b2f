"""Which note (or image) a link of a vault's note leads to, by Obsidian's rules.

1. ``[[#Heading]]`` (target '') → the note itself.
2. A markdown link → the path relative to the note's folder (``/``: to the vault's root),
   ``..`` applied, exactly (``.md`` added when the link has no suffix). Not found, and not
   written as ``./`` or ``../``: as a wikilink (Obsidian writes ``[a](Note.md)`` for a
   note in another folder when it is the only one of its name).
3. A target with ``/`` → that path from the vault's root (with or without ``.md``; a
   ``./`` or ``../`` target from the note's folder), else the files whose path ends with
   ``/<target>``, the shortest if several.
4. A bare name → the note of that file name (``title_key``, ``.md`` or not); several: the
   one in the note's own folder, else the shortest path (fewest segments, then code point
   order). No note: the image of that file name (``![[img.png]]``).
5. An alias of one note (several: the shortest path).
6. Else None: the store makes a stub of it.

Case-insensitive throughout; one vault at a time (the paths beginning with the source's
``<vault>/``). Pure: no files, no store.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from notegui.core.domain import normalise_title, title_key
from notegui.core.import_listing import IMAGE, JSON, PDF, kind_of_name, markdown_stem
from notegui.core.vault.model import LinkRef, VaultAttachment, VaultFile

__all__ = ["LinkIndex", "resolve", "stub_title"]

_MD = ".md"


def path_key(path: str) -> str:
    """A path compared case-insensitively: case-folded, NFC (folding can undo it)."""
    if path.isascii():
        return path.lower()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", path).casefold())


def _order(path: str) -> tuple[int, str]:
    """Shortest first: fewest segments, then code point order."""
    return path.count("/"), path


@dataclass
class LinkIndex:
    """The notes and images of one or more vaults, looked up as links name them. Build it
    with ``add_note`` / ``add_attachment`` or ``LinkIndex.of(files)``."""

    _paths: dict[str, str] = field(default_factory=dict)  # path_key → path
    _names: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _images: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _aliases: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # (vault, folder key, name_key) → the note of that name in that folder
    _in_folder: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _attachments: set[str] = field(default_factory=set)
    _sorted: bool = True

    @classmethod
    def of(cls, files: Iterable[object]) -> LinkIndex:
        """An index of what ``read_vault`` yielded (its problems ignored)."""
        index = cls()
        for item in files:
            if isinstance(item, VaultFile):
                index.add_note(item.path, item.name_key, item.aliases)
            elif isinstance(item, VaultAttachment):
                index.add_attachment(item.path, item.name_key)
        return index

    def add_note(self, path: str, name_key: str, aliases: Sequence[str] = ()) -> None:
        vault = _vault(path)
        self._paths[path_key(path)] = path
        self._names.setdefault((vault, name_key), []).append(path)
        folder = sys.intern(path_key(path.rpartition("/")[0]))  # (a folder's notes share it)
        self._in_folder.setdefault((vault, folder, name_key), path)
        for alias in aliases:
            key = title_key(alias)
            if key:
                self._aliases.setdefault((vault, key), []).append(path)
        self._sorted = False

    def add_attachment(self, path: str, name_key: str) -> None:
        self._paths[path_key(path)] = path
        self._images.setdefault((_vault(path), name_key), []).append(path)
        self._attachments.add(path)
        self._sorted = False

    def is_attachment(self, path: str) -> bool:
        return path in self._attachments

    def __len__(self) -> int:
        return len(self._paths)

    def _ready(self) -> None:
        """Each list of same-named paths shortest first (once, before the first lookup)."""
        if self._sorted:
            return
        for table in (self._names, self._images, self._aliases):
            for paths in table.values():
                if len(paths) > 1:
                    paths.sort(key=_order)
        self._sorted = True

    def exact(self, path: str) -> str | None:
        return self._paths.get(path_key(path))

    def named(self, vault: str, name_key: str) -> Sequence[str]:
        self._ready()
        return self._names.get((vault, name_key), ())

    def images(self, vault: str, name_key: str) -> Sequence[str]:
        self._ready()
        return self._images.get((vault, name_key), ())

    def aliased(self, vault: str, alias_key: str) -> Sequence[str]:
        self._ready()
        return self._aliases.get((vault, alias_key), ())

    def in_folder(self, vault: str, folder: str, name_key: str) -> str | None:
        return self._in_folder.get((vault, path_key(folder), name_key))


def _vault(path: str) -> str:
    return sys.intern(path_key(path.partition("/")[0]))


def resolve(index: LinkIndex, source_path: str, ref: LinkRef) -> str | None:
    """The path of the note or image ``ref`` of the note at ``source_path`` leads to, or
    None (rules in the module's documentation)."""
    target = ref.target.strip()
    if not target:
        return source_path
    vault_name = source_path.partition("/")[0]
    folder = source_path.rpartition("/")[0]
    relative = target.startswith(("./", "../"))
    if ref.markdown:
        found = _from(index, folder if not target.startswith("/") else vault_name, target)
        if found is not None or relative:
            return found
    elif relative:
        return _from(index, folder, target)
    if "/" in target.strip("/"):
        return _by_path(index, vault_name, target.strip("/"))
    return _by_name(index, vault_name, folder, target.strip("/"))


def _from(index: LinkIndex, folder: str, target: str) -> str | None:
    """``target`` relative to ``folder`` (``..`` applied; never above the vault's root),
    as written or with ``.md`` added."""
    segments = folder.split("/")
    root = 1  # (the vault's name: a link cannot leave the vault)
    for segment in target.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if len(segments) <= root:
                return None
            segments.pop()
        else:
            segments.append(segment)
    path = "/".join(segments)
    return index.exact(path) or index.exact(path + _MD)


def _by_path(index: LinkIndex, vault_name: str, target: str) -> str | None:
    """A path from the vault's root, else the shortest path ending with ``/<target>``."""
    found = index.exact(f"{vault_name}/{target}") or index.exact(f"{vault_name}/{target}{_MD}")
    if found is not None:
        return found
    vault = path_key(vault_name)
    name = target.rpartition("/")[2]
    ending = "/" + path_key(target)
    candidates = [*index.named(vault, title_key(_without_md(name))),
                  *index.images(vault, title_key(name))]
    matches = [path for path in candidates
               if path_key(path).endswith(ending) or path_key(path).endswith(ending + _MD)]
    return min(matches, key=_order) if matches else None


def _by_name(index: LinkIndex, vault_name: str, folder: str, target: str) -> str | None:
    vault = path_key(vault_name)
    name_key = title_key(_without_md(target))
    notes = index.named(vault, name_key)
    if len(notes) == 1:
        return notes[0]
    if notes:
        return index.in_folder(vault, folder, name_key) or notes[0]
    if not target.lower().endswith(_MD):
        images = index.images(vault, title_key(target))
        if images:
            return images[0]
    aliased = index.aliased(vault, title_key(target))
    return aliased[0] if aliased else None


def _without_md(name: str) -> str:
    return name[:-len(_MD)] if name.lower().endswith(_MD) else name


def stub_title(ref: LinkRef) -> str:
    """The title of the stub (a library note, path '') an unresolved link leads to: the
    target's file name without its markdown suffix, white space collapsed
    (``[[folder/Missing]]`` and ``[m](../Missing.md)`` both wait for "Missing"); '' for
    a link to an image, a PDF or a JSON file, which is no note. The vault import and the
    note editor make stubs by it."""
    name = ref.target.strip().rstrip("/").rpartition("/")[2]
    if kind_of_name(name) in (IMAGE, PDF, JSON):
        return ""
    return normalise_title(" ".join(markdown_stem(name).split()))
