"""Which files this process holds open (Linux: read from /proc/self/fd)."""

from __future__ import annotations

import os
from pathlib import Path


def open_files(library: Path) -> list[str]:
    """This process's open files that are ``library`` or the files beside it named after
    it (its -wal, -shm, lock...)."""
    found = []
    for entry in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{entry}")
        except OSError:
            continue
        if target.startswith(str(library)):
            found.append(target)
    return found
