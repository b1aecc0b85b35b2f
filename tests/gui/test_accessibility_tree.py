"""What a screen reader is given: the accessibility tree (QAccessible) of the main window and
of each dialog and popup the window opens, walked whole; every control that can take the
focus has a role and a name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# The actions that open a dialog or a popup of the window's own (a system file or print
# dialog is the platform's).
DIALOG_ACTIONS = ["show_trash", "note_history", "link_health", "annotation_browser",
                  "quick_switcher", "command_palette", "keyboard_shortcuts",
                  "about", "settings"]


def unnamed(root: QWidget) -> tuple[int, list[str]]:
    """How many focusable controls the tree under ``root`` has, and those without a role
    or a name (each as its role, class and object name)."""
    focusable, missing = 0, []

    def walk(node: QAccessibleInterface | None, depth: int) -> None:
        nonlocal focusable
        if node is None or not node.isValid() or depth > 40:
            return
        state = node.state()
        if state.focusable and not state.invisible:
            focusable += 1
            if node.role() == QAccessible.Role.NoRole or not node.text(
                    QAccessible.Text.Name).strip():
                thing = node.object()
                missing.append(f"{node.role().name} {type(thing).__name__} "
                               f"{thing.objectName() if thing is not None else ''}".strip())
        for number in range(node.childCount()):
            walk(node.child(number), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return focusable, missing


def test_the_main_window_names_every_control(window):
    focusable, missing = unnamed(window)
    assert focusable > 30
    assert missing == []


@pytest.mark.parametrize("action", DIALOG_ACTIONS)
def test_each_dialog_names_every_control(qtbot, window, action):
    found: dict[str, tuple[int, list[str]]] = {}

    def inspect_and_close() -> None:
        opened = [widget for widget in QApplication.topLevelWidgets()
                  if widget.isVisible() and widget is not window
                  and (isinstance(widget, QDialog) or widget.windowTitle())]
        for widget in opened:
            found[type(widget).__name__] = unnamed(widget)
            widget.close()

    QTimer.singleShot(300, inspect_and_close)  # (a modal dialog is open by then)
    window.actions_by_name[action].trigger()
    qtbot.waitUntil(lambda: bool(found), timeout=3000)
    assert found
    for name, (focusable, missing) in found.items():
        assert focusable >= 1, name
        assert missing == [], name
