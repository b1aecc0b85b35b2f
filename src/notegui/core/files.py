"""Writing export files so that a failed write never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from notegui.core.errors import ExportError


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename over it: a failed write leaves
    any existing file as it was. ExportError names the file and the reason."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None


def write_folder(folder: Path, files: dict[str, str]) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} exists and is not a folder")
    for name, text in files.items():
        write_atomically(folder / name, text)
