"""The window from the keyboard alone: every menu and menu item has its own Alt letter (in
English and in German), Tab reaches every control of each dialog and Escape closes it, and
the control that has the focus is drawn with a visible ring."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from conftest import shown_window
from notegui.gui import i18n, theme

DIALOG_ACTIONS = ["show_trash", "note_history", "link_health", "annotation_browser",
                  "keyboard_shortcuts", "settings"]


def mnemonic(text: str) -> str:
    """The Alt letter of a menu text ('' when it has none)."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def menus_of(window) -> list[QMenu]:
    return [action.menu() for action in window.menuBar().actions() if action.menu()]


@pytest.fixture(params=["en", "de"])
def any_language_window(request, qtbot, tmp_path):
    from notegui.app import create_demo_library

    i18n.LANGUAGE.use(request.param)
    library = create_demo_library(tmp_path / "demo.sqlite3")
    try:
        yield from shown_window(qtbot, library)
    finally:
        i18n.LANGUAGE.use("en")


def test_every_menu_and_menu_item_has_its_own_alt_letter(any_language_window):
    menus = menus_of(any_language_window)
    letters = [mnemonic(menu.title()) for menu in menus]
    assert all(letters) and len(set(letters)) == len(letters), [m.title() for m in menus]
    for menu in menus:
        menu.aboutToShow.emit()  # (File ▸ Open Recent fills itself as it opens)
        items = [a.text() for a in menu.actions() if not a.isSeparator() and a.text()]
        keys = [mnemonic(text) for text in items]
        assert all(keys), (menu.title(), [t for t, k in zip(items, keys, strict=True) if not k])
        assert len(set(keys)) == len(keys), (menu.title(), items)


def focus_chain(dialog: QDialog) -> list[QWidget]:
    """The dialog's controls that Tab should reach: shown, enabled, taking the Tab focus."""
    return [widget for widget in dialog.findChildren(QWidget)
            if widget.isVisibleTo(dialog) and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None]


@pytest.mark.parametrize("action", DIALOG_ACTIONS)
def test_tab_reaches_every_control_of_a_dialog_and_escape_closes_it(qtbot, window, action):
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget() or next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, QDialog) and w.isVisible()), None)
        if dialog is None:
            return
        wanted = focus_chain(dialog)
        reached = set()
        for _ in range(3 * len(wanted) + 3):
            focused = QApplication.focusWidget()
            if focused is not None:
                reached.add(id(focused))
                qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen["controls"] = len(wanted)
        seen["missed"] = [f"{type(w).__name__} {w.accessibleName()!r}" for w in wanted
                          if id(w) not in reached]
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        seen["closed"] = not dialog.isVisible()

    if action == "note_history":  # (a version to list, compare and restore)
        note = window.library.note(window.current_id)
        window.library.save_note(note.id, note.title, note.description, note.summary,
                                 note.body + "\n\nOne more line.")
    QTimer.singleShot(300, drive)
    window.actions_by_name[action].trigger()
    qtbot.waitUntil(lambda: "closed" in seen, timeout=5000)
    assert seen["controls"] >= 2
    assert seen["missed"] == []
    assert seen["closed"]


def rendered(widget: QWidget) -> QImage:
    return widget.grab().toImage()


@pytest.mark.parametrize("dark", [False, True])
def test_the_focused_control_is_drawn_with_a_visible_ring(qtbot, dark):
    theme.apply("dark" if dark else "light")
    try:
        host = QWidget()
        qtbot.addWidget(host)
        layout = QVBoxLayout(host)
        controls = [QLineEdit("text"), QPushButton("Button"), QCheckBox("Check"),
                    QListWidget()]
        controls[-1].addItems(["one", "two"])
        for control in controls:
            layout.addWidget(control)
        host.show()
        qtbot.waitExposed(host)
        host.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
        before = [rendered(control) for control in controls]
        controls[-1].setFocus(Qt.FocusReason.OtherFocusReason)
        for index, control in enumerate(controls):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # (as a reader moves)
            qtbot.waitUntil(control.hasFocus)
            assert rendered(control) != before[index], type(control).__name__
    finally:
        theme.apply("light")
