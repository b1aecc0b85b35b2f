"""The file names of the library's own notes in a sync repository: a note keeps the name it
has while its title is the same (a name never changes under another tool's links), takes
a free one when it is new or renamed (export_names: its plain stem, else with its title's
hash), and a note's citations name the files of the notes they cite."""

from __future__ import annotations

import re
from collections.abc import Mapping

from notegui.core.domain import title_key
from notegui.core.formats.export_names import EXTENSION, free_name, readable_stem

_SUFFIXED = re.compile(r"(.*) \([0-9a-f]{6,32}\)")


def named_after(path: str, title: str) -> bool:
    """Whether a top file's name is the one a note of ``title`` is given (plain, or cut and
    with a hash when its plain name was taken)."""
    if "/" in path or not path.endswith(EXTENSION):
        return False
    stem, wanted = path[: -len(EXTENSION)].casefold(), readable_stem(title).casefold()
    if stem == wanted:
        return True
    match = _SUFFIXED.fullmatch(stem)
    return match is not None and wanted.startswith(match.group(1)) and bool(match.group(1))


class Namer:
    """The names of one sync, among the files of the remote's tree."""

    def __init__(self, tree: Mapping[str, bytes]) -> None:
        self._taken = {path.casefold() for path in tree}
        self.paths: dict[str, str] = {}  # uid -> its file
        self.by_title: dict[str, str] = {}  # title key -> its file

    def keep(self, uid: str, path: str, title: str) -> None:
        self.paths[uid] = path
        self.by_title[title_key(title)] = path
        self._taken.add(path.casefold())

    def name(self, uid: str, title: str, was: str) -> str:
        """The file of note ``uid`` titled ``title``, whose file was ``was`` ('' none)."""
        if was and named_after(was, title):
            self.keep(uid, was, title)
            return was
        if was:
            self._taken.discard(was.casefold())
        path = free_name(title, self._taken)
        self.keep(uid, path, title)
        return path
