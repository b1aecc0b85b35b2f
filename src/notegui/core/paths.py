"""Where notegui keeps things: platformdirs folders, overridable by the environment."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "notegui"
DB_ENV = "NOTEGUI_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def backups_dir() -> Path:
    """Where backups go unless the settings name another folder (a folder each library)."""
    return data_dir() / "backups"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_library() -> Path:
    """``NOTEGUI_DB`` when set, else ``library.sqlite3`` in the user data folder."""
    override = os.environ.get(DB_ENV)
    return Path(override).expanduser() if override else data_dir() / "library.sqlite3"


def path_key(path: Path | str, digits: int) -> str:
    """A name for the file at ``path`` (its drafts' and backups' folder or file names):
    readable (its stem) and unique to its resolved path (``digits`` hex digits of a hash;
    backups have used 8, drafts 12, so each keeps finding its old files)."""
    resolved = Path(path).expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:digits]
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", resolved.stem)[:60] or "library"
    return f"{stem}-{digest}"


def folder_refusal(folder: Path) -> str:
    """'' when files can be written into ``folder`` (made if missing), else why not (the
    system's words): a backup folder is checked when it is chosen, not at the next backup."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return error.strerror or str(error)
    return ""
