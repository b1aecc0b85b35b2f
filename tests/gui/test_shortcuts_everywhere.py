"""Each window shortcut works from every field where its action is enabled, also from a field
that claims the key for itself: with Linux key bindings a one-line field takes Ctrl+E for
"end of line", so Edit Note did nothing from the search box (which has the focus when a
library opens), the Title, Description, Summary or tag field.

Qt's offscreen platform, which the suite uses, has Windows key bindings where no field
claims these keys. So the last test runs this module again on an X server (Xvfb) with the
X11 platform and its Linux bindings, where the fields do claim them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from conftest import SAMPLE_TITLE
from notegui.gui.shortcut_override import field_keys

UNDER_X11 = "NOTEGUI_TEST_UNDER_X11"


def field(window, name: str) -> QWidget:
    return {
        "search box": window.search,
        "tag field": window.sidebar.tags.field,
        "Title": window.editor.title,
        "Description": window.editor.description,
        "Summary": window.editor.summary,
        "body": window.editor.body,
    }[name]


EDITOR_FIELDS = ("Title", "Description", "Summary", "body")
READING_FIELDS = ("search box", "tag field")


def claims(widget: QWidget, key: str) -> bool:
    """Whether the widget itself (no filter, no window) wants this key before shortcuts."""
    combination = QKeySequence(key)[0]
    event = QKeyEvent(QEvent.Type.ShortcutOverride, combination.key(),
                      combination.keyboardModifiers())
    event.setAccepted(False)
    widget.event(event)
    return event.isAccepted()


def press(qtbot, widget: QWidget, key: str) -> None:
    """Give the widget the focus, then press the key as the keyboard would (Qt asks the
    focused widget before it looks for a shortcut)."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def editing(window) -> bool:
    return window.middle.currentWidget() is window.editor


def start_editing(qtbot, window) -> None:
    press(qtbot, window.list, "Ctrl+E")
    assert editing(window)


@pytest.fixture
def linux_bindings_checked(window):
    """Under X11, the reason for this module: Qt's one-line fields claim Ctrl+E."""
    if QGuiApplication.platformName() == "xcb":
        assert claims(window.search, "Ctrl+E")
        assert claims(window.editor.title, "Ctrl+E")
    return window


def test_the_search_box_has_the_focus_when_a_library_opens_and_ctrl_e_edits(
        qtbot, linux_bindings_checked):
    window = linux_bindings_checked
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert editing(window)
    assert window.editor.title.text() == SAMPLE_TITLE


@pytest.mark.parametrize("name", READING_FIELDS)
def test_ctrl_e_edits_from_a_field_while_reading(qtbot, linux_bindings_checked, name):
    window = linux_bindings_checked
    press(qtbot, field(window, name), "Ctrl+E")
    assert editing(window)
    assert window.editor.title.text() == SAMPLE_TITLE


@pytest.mark.parametrize("name", (*EDITOR_FIELDS, "search box"))
def test_ctrl_e_ends_editing_from_every_field_of_the_editor(qtbot, linux_bindings_checked,
                                                            name):
    window = linux_bindings_checked
    start_editing(qtbot, window)
    press(qtbot, field(window, name), "Ctrl+E")
    assert not editing(window)
    assert window.answer.isVisible()


@pytest.mark.parametrize("name", EDITOR_FIELDS)
def test_ctrl_k_and_ctrl_f_go_to_the_search_box_from_the_editor(qtbot, window, name):
    start_editing(qtbot, window)
    for key in ("Ctrl+K", "Ctrl+F"):
        press(qtbot, field(window, name), key)
        qtbot.waitUntil(window.search.hasFocus)
        assert editing(window)  # still editing: only the focus moved


@pytest.mark.parametrize("name", ("search box", "Title"))
def test_ctrl_h_opens_the_history_and_ctrl_n_a_new_note_from_a_field(qtbot, window, name):
    if name == "Title":
        start_editing(qtbot, window)
    press(qtbot, field(window, name), "Ctrl+H")
    qtbot.waitUntil(lambda: window.notes.history_dialog is not None
                    and window.notes.history_dialog.isVisible())
    assert window.notes.history_dialog.windowTitle().endswith(SAMPLE_TITLE) or \
        SAMPLE_TITLE in window.notes.history_dialog.windowTitle()
    window.notes.history_dialog.reject()
    press(qtbot, field(window, "search box"), "Ctrl+N")
    assert editing(window)
    assert window.editor.title.text() == ""


def test_no_window_shortcut_is_a_text_editing_key(window):
    """The keys a field keeps (copy, paste, undo, …) are never a window action's."""
    kept = field_keys()
    assert kept  # (the platform has bindings for them)
    taken = [s for spec in window.action_specs for s in spec.shortcuts
             if QKeySequence(s)[0].toCombined() in kept]
    assert taken == []


def test_a_field_keeps_its_editing_keys_and_a_key_whose_action_is_off(qtbot, window):
    search = window.search
    search.setText("seasons")
    press(qtbot, search, "Ctrl+A")
    assert search.selectedText() == "seasons"  # select all, not an action
    window.actions_by_name["edit_note"].setEnabled(False)  # (a read-only library)
    search.setCursorPosition(0)
    press(qtbot, search, "Ctrl+E")
    assert not editing(window)
    if QGuiApplication.platformName() == "xcb":
        assert search.cursorPosition() == len("seasons")  # the field's "end of line"


@pytest.mark.skipif(os.environ.get(UNDER_X11) == "1", reason="already under X11")
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs Xvfb (apt install xvfb)")
def test_under_x11_with_linux_key_bindings(tmp_path):
    environment = dict(os.environ, QT_QPA_PLATFORM="xcb", **{UNDER_X11: "1"})
    environment.pop("WAYLAND_DISPLAY", None)
    run = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "pytest",
         "-q", "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "x11"), __file__],
        env=environment, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and " failed" not in run.stdout
