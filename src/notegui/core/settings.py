"""The user's settings: one typed object with its defaults, kept as JSON in the platform's
config folder. Unknown or malformed values fall back to the defaults."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

from notegui.core.paths import APP_NAME

THEMES = ("system", "light", "dark")


@dataclass
class Settings:
    theme: str = "system"
    zoom: int = 0  # steps of QTextBrowser.zoomIn
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    window_state: str = ""
    splitter_sizes: list[int] = field(default_factory=list)
    last_library: str = ""
    last_note: dict[str, int] = field(default_factory=dict)  # library path -> note id
    questions_only: bool = False  # View ▸ Questions Only: the list shows questions only
    collapsed_sections: list[str] = field(default_factory=list)  # the sidebar's, by key
    recent_libraries: list[str] = field(default_factory=list)  # File ▸ Open Recent, newest first
    language: str = ""  # a code of gui.i18n.LANGUAGES; "": as the system prefers


RECENT_KEPT = 10  # libraries File ▸ Open Recent remembers


def remember_library(settings: Settings, path: Path | str) -> None:
    """``path`` becomes the newest of the recent libraries (once; the oldest beyond
    RECENT_KEPT forgotten)."""
    name = str(path)
    kept = [p for p in settings.recent_libraries if isinstance(p, str) and p != name]
    settings.recent_libraries = [name, *kept][:RECENT_KEPT]


def forget_library(settings: Settings, path: Path | str) -> None:
    """``path`` is no longer among the recent libraries."""
    settings.recent_libraries = [p for p in settings.recent_libraries if p != str(path)]


def settings_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"


def load(path: Path | None = None) -> Settings:
    path = path or settings_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values = {}
    for spec in fields(Settings):
        value = raw.get(spec.name, getattr(defaults, spec.name))
        default = getattr(defaults, spec.name)
        values[spec.name] = value if isinstance(value, type(default)) else default
    settings = Settings(**values)
    if settings.theme not in THEMES:
        settings.theme = "system"
    return settings


def save(settings: Settings, path: Path | None = None) -> None:
    """Write atomically; a settings file that cannot be written is not worth a crash."""
    path = path or settings_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".settings.")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(settings), stream, indent=1)
        os.replace(temporary, path)
    except OSError:
        pass
