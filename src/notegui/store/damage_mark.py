"""What one process learnt of a library's damage, kept for the next: a file beside the
library (``<library>-damaged``) naming what was found.

SQLite's quick check at opening reads every page but not whether each index agrees with its
table, and a flipped byte inside a stored value passes it; such damage shows only in a full
``PRAGMA integrity_check`` (``notegui check``) or when a query trips over it. Without this
mark, the next process (an import, a repair) would open the library as sound and write into
it. The mark holds until a full check finds the library sound again, a backup is restored,
or the library is replaced by another file (the mark names the file's inode)."""

from __future__ import annotations

import json
import logging
import os
from contextlib import suppress
from pathlib import Path

from notegui.store.side_logs import side

log = logging.getLogger("notegui")

_SUFFIX = "-damaged"
_MAX_BYTES = 64 * 1024  # a mark is a few lines: a larger file is not one of ours


def mark_path(library: Path) -> Path:
    return side(Path(library), _SUFFIX)


def _identity(library: Path) -> list[int] | None:
    try:
        found = os.stat(library)
    except OSError:
        return None
    return [found.st_dev, found.st_ino]


def mark(library: Path, problems: str) -> None:
    """Remember that ``library`` is damaged (best effort: a folder that cannot be written
    cannot have its library written either)."""
    identity = _identity(library)
    if identity is None:
        return
    text = json.dumps({"file": identity, "problems": problems[:2000]})
    target = mark_path(library)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(partial, target)
    except OSError as error:
        log.warning("could not note beside %s that it is damaged: %s", library, error)
        with suppress(OSError):
            partial.unlink()


def known(library: Path) -> str:
    """What an earlier process found wrong with ``library`` ('' when nothing is known). A
    mark left by another file at this path (the library was replaced) is removed."""
    target = mark_path(library)
    try:
        if not target.is_file() or target.stat().st_size > _MAX_BYTES:
            return ""
        found = json.loads(target.read_text(encoding="utf-8"))
        problems, identity = found["problems"], found["file"]
    except (OSError, ValueError, KeyError, TypeError):
        return ""  # (not a mark we wrote: ignored, left as it is)
    if not isinstance(problems, str) or identity != _identity(library):
        clear(library)
        return ""
    return problems or "damage found earlier"


def clear(library: Path) -> None:
    with suppress(OSError):
        mark_path(library).unlink()
