"""The settings File ▸ Settings… changes, applied to the window at once and written to the
settings file: the theme, the answer's and the editor's fonts, the autosave delay. The
backup settings need nothing applied (app.py's backup hooks read them at each use), the
start library neither (read at the next start); the language is told through
``languageChanged`` (the window built in one language does not retranslate itself yet, so
the dialog says it applies at the next start)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont

from notegui.core import settings as settings_file
from notegui.core.settings import Edits, Settings
from notegui.gui.answer_view import AnswerView
from notegui.gui.editing import EditSession
from notegui.gui.editor import NoteEditorPane
from notegui.gui.pane_widths import PaneSplitter

# What Restore Defaults puts back (not the window's geometry, recent libraries and such).
CHOSEN = ("theme", "answer_font", "answer_font_size", "editor_font", "editor_font_size",
          "autosave_seconds", "backup_keep", "backup_every_hours", "backup_folder",
          "language", "startup_library")


class PreferencesWindow(Protocol):
    """What the preferences use of the window."""

    settings: Settings
    answer: AnswerView
    editor: NoteEditorPane
    editing: EditSession
    splitter: PaneSplitter
    dark: bool  # the theme shown is dark

    def set_theme(self, name: str) -> None: ...


class Preferences(QObject):
    """Changes the window's settings: ``change(name=value, ...)`` applies and saves them
    (saved only when ``persist``: tests' windows write no settings file)."""

    languageChanged = Signal(str)  # the setting ('' the system's): the one place to hook
    changed = Signal()  # after any change (the dialog shows the values afresh)

    def __init__(self, window: PreferencesWindow, persist: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._persist = persist

    @property
    def settings(self) -> Settings:
        return self._window.settings

    def dark(self) -> bool:
        return self._window.dark

    def answer_font(self) -> QFont:
        """The answer's font as the settings make it (View ▸ Zoom aside)."""
        return QFont(self._window.answer.base_font)

    def editor_font(self) -> QFont:
        return QFont(self._window.editor.body.font())

    def apply(self) -> None:
        """Show the window as the settings say (at the start and after each change; the
        theme is the window's own at its start)."""
        window, chosen = self._window, self.settings
        window.answer.set_base_font(chosen.answer_font, chosen.answer_font_size)
        window.editor.set_preview_font(window.answer.base_font)
        window.editor.set_body_font(chosen.editor_font, chosen.editor_font_size)
        window.editing.set_autosave_delay(chosen.autosave_seconds)
        window.splitter.fit()  # (the answer's least width follows its letters)

    def change(self, **values: object) -> None:
        """Set, apply and save the settings named (each a field of Settings)."""
        chosen = self.settings
        known = {spec.name for spec in fields(Settings)}
        before = {name: getattr(chosen, name) for name in values if name in known}
        if before.keys() != values.keys():
            raise AttributeError(f"no such settings: {sorted(values.keys() - known)}")
        for name, value in values.items():
            setattr(chosen, name, value)
        if "theme" in values and values["theme"] != before["theme"]:
            self._window.set_theme(chosen.theme)
        self.apply()
        if "language" in values and values["language"] != before["language"]:
            self.languageChanged.emit(chosen.language)
        self.save(values)
        self.changed.emit()

    def restore_defaults(self) -> None:
        defaults = Settings()
        self.change(**{name: getattr(defaults, name) for name in CHOSEN})

    def save(self, names: Iterable[str] = CHOSEN) -> None:
        """Write the settings named over the file as it is now (another notegui's window
        may have saved its own since)."""
        if self._persist:
            settings_file.update(Edits().onto(self.settings, names))
