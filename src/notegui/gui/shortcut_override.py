"""The window's shortcuts work in every field: a key an enabled action has is the window's,
even when the focused field would claim it.

Before a key press reaches the focused widget, Qt asks that widget (a ShortcutOverride
event) whether it wants the key for itself. With Linux key bindings a one-line field says
yes to Ctrl+E ("end of line"), so Edit Note did nothing while the search box, the Title or
a tag field had focus. This filter answers for the field: no, unless the key is one of the
text-editing keys a field keeps (copy, cut, paste, undo, redo, select all) or no enabled
action has it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from notegui.gui.qt_typing import application, first_key

# What a field keeps whatever an action says: the keys of editing its text.
FIELD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)


def field_keys() -> set[int]:
    """The keys of FIELD_KEYS on this platform (its bindings), as combined key codes."""
    return {first_key(sequence) for standard in FIELD_KEYS
            for sequence in QKeySequence.keyBindings(standard) if sequence.count() == 1}


class WindowShortcuts(QObject):
    """The keys of one window's actions, claimed from the window's focused field. The filter
    sits on that field alone and moves with the focus: an application-wide filter would be a
    call into Python for every event of the app (about eighty each time a note opens)."""

    def __init__(self, window: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(window)
        self._window = window
        kept = field_keys()
        self._actions: dict[int, list[QAction]] = {}
        for action in actions:
            for sequence in action.shortcuts():
                if sequence.count() == 1 and first_key(sequence) not in kept:
                    self._actions.setdefault(first_key(sequence), []).append(action)
        self._watched: QWidget | None = None
        application().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    def owns(self, event: QKeyEvent) -> bool:
        """True when an enabled action of the window has this key."""
        actions = self._actions.get(event.keyCombination().toCombined(), ())
        return any(action.isEnabled() for action in actions)

    def stop(self) -> None:
        """No longer claim keys (the window closes)."""
        application().focusChanged.disconnect(self._focus_changed)
        self._focus_changed(None, None)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        if self._watched is not None and isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if now is not None and now.window() is self._window:
            now.installEventFilter(self)
            self._watched = now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A field's claim on a key the window's action has is ignored (not accepted, so
        Qt goes on to the window's shortcut) and filtered out."""
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self.owns(event)):
            event.ignore()
            return True
        return super().eventFilter(watched, event)
