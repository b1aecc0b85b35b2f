"""Where notegui keeps things: platformdirs folders, overridable by the environment."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "notegui"
DB_ENV = "NOTEGUI_DB"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_library() -> Path:
    """``NOTEGUI_DB`` when set, else ``library.sqlite3`` in the user data folder."""
    override = os.environ.get(DB_ENV)
    return Path(override).expanduser() if override else data_dir() / "library.sqlite3"
