"""The user's settings: one typed object with its defaults, kept as JSON in the platform's
config folder. Unknown or malformed values fall back to the defaults."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
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
    # File ▸ Settings… (gui/settings_dialog.py). A font "" and a size 0: the system's.
    answer_font: str = ""
    answer_font_size: int = 0  # points, before View ▸ Zoom's steps
    editor_font: str = ""  # "": the system's fixed-width font
    editor_font_size: int = 0
    autosave_seconds: float = 1.0  # after typing stops
    backup_keep: int = 5  # backups kept a library, the oldest removed first
    backup_every_hours: int = 24  # one of BACKUP_EVERY_HOURS
    backup_folder: str = ""  # "": paths.backups_dir(); each library has a folder in it
    startup_library: str = ""  # "": the library open last


# The ranges a value must fall in (else its default): a hand-edited file cannot make the
# window save at every keystroke, keep no backup, or show 400-point letters.
AUTOSAVE_SECONDS = (0.2, 60.0)
BACKUP_KEEP = (1, 100)
BACKUP_EVERY_HOURS = (1, 6, 24, 168)
FONT_SIZES = (6, 72)  # (0 too: the system's)
_RANGES: dict[str, tuple[float, float]] = {
    "autosave_seconds": AUTOSAVE_SECONDS, "backup_keep": BACKUP_KEEP,
    "answer_font_size": FONT_SIZES, "editor_font_size": FONT_SIZES}

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
        if isinstance(default, float) and type(value) is int:
            value = float(value)  # (JSON writes 2.0 as 2.0, a person may write 2)
        if type(default) is int and isinstance(value, bool):
            value = default  # (a bool is an int to isinstance)
        values[spec.name] = value if isinstance(value, type(default)) else default
    settings = Settings(**values)
    if settings.theme not in THEMES:
        settings.theme = "system"
    for name, (least, most) in _RANGES.items():
        value = getattr(settings, name)
        if not (least <= value <= most or (name.endswith("font_size") and value == 0)):
            setattr(settings, name, getattr(defaults, name))
    if settings.backup_every_hours not in BACKUP_EVERY_HOURS:
        settings.backup_every_hours = defaults.backup_every_hours
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


def update(change: Callable[[Settings], None], path: Path | None = None) -> Settings:
    """Apply ``change`` to the settings file as it is now and write it back: another
    notegui (a second window on another library) may have saved its own changes since this
    one loaded the file, and they are kept. Returns what was written."""
    current = load(path)
    change(current)
    save(current, path)
    return current


@dataclass
class Edits:
    """What one window changed of its settings, so that its save writes only that over
    the file as it then is: the fields it set, the libraries whose last note it set, and
    its changes to the recent libraries, replayed in order."""

    fields: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)  # keys of last_note
    recent: list[tuple[str, str]] = field(default_factory=list)  # (what, library)

    def set(self, settings: Settings, **values: object) -> None:
        for name, value in values.items():
            setattr(settings, name, value)
        self.fields.update(values)

    def last_note(self, settings: Settings, library: Path | str, note_id: int) -> None:
        settings.last_note[str(library)] = note_id
        self.notes.add(str(library))

    def remember(self, settings: Settings, library: Path | str) -> None:
        remember_library(settings, library)
        self.recent.append(("remember", str(library)))

    def forget(self, settings: Settings, library: Path | str) -> None:
        forget_library(settings, library)
        self.recent.append(("forget", str(library)))

    def forget_all(self, settings: Settings) -> None:
        settings.recent_libraries = []
        self.recent.append(("clear", ""))

    def onto(self, mine: Settings, names: Iterable[str] | None = None
             ) -> Callable[[Settings], None]:
        """The change that writes these edits of ``mine`` (or only the fields ``names``)
        onto the settings as the file holds them."""
        chosen = set(names) if names is not None else set(self.fields)

        def change(current: Settings) -> None:
            for name in chosen:
                setattr(current, name, getattr(mine, name))
            if names is None:
                for library in self.notes:
                    if library in mine.last_note:
                        current.last_note[library] = mine.last_note[library]
                for what, library in self.recent:
                    if what == "remember":
                        remember_library(current, library)
                    elif what == "forget":
                        forget_library(current, library)
                    else:
                        current.recent_libraries = []

        return change
