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
    return {sequence[0].toCombined() for standard in FIELD_KEYS
            for sequence in QKeySequence.keyBindings(standard) if sequence.count() == 1}


class WindowShortcuts(QObject):
    """Installed on the application for one window; lets that window's enabled actions have
    their keys in any of its widgets."""

    def __init__(self, window: QWidget, actions: Iterable[QAction]) -> None:
        super().__init__(window)
        self._window = window
        kept = field_keys()
        self._actions: dict[int, list[QAction]] = {}
        for action in actions:
            for sequence in action.shortcuts():
                if sequence.count() == 1 and sequence[0].toCombined() not in kept:
                    self._actions.setdefault(sequence[0].toCombined(), []).append(action)
        QApplication.instance().installEventFilter(self)

    def owns(self, event: QKeyEvent) -> bool:
        """True when an enabled action of the window has this key."""
        actions = self._actions.get(event.keyCombination().toCombined(), ())
        return any(action.isEnabled() for action in actions)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget)
                and watched.window() is self._window and self.owns(event)):
            # Not accepted: Qt goes on to the window's shortcut. (It also asks each parent
            # of the field; they are answered the same.)
            event.ignore()
            return True
        return False
