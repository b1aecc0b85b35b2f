"""Which files an import reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def note_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders recursively, their ``*.txt`` files in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path
