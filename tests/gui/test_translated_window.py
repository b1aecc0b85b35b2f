"""The window in German: its menus, toolbar, status bar, side panes and every dialog it
opens show no English word of the window's own (the notes are the user's, in any
language), and a count takes German's plural."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from conftest import ROOT, shown_window
from notegui.gui import i18n

# Words the window's English uses and German does not (checked whole, case-insensitive);
# the notes of the library below are German, so any of them is the window's own.
ENGLISH_WORDS = {
    "the", "and", "of", "to", "is", "this", "with", "for", "from", "not", "yet", "all",
    "note", "notes", "library", "open", "close", "save", "cancel", "show", "edit", "search",
    "restore", "trash", "history", "annotations", "comment", "sources", "cited", "by",
    "type", "settings", "view", "help", "file", "go", "back", "forward",
    "keys", "action", "menu", "outline", "tags", "questions", "answer", "empty", "none",
}
# The dialogs the window opens from its actions (the platform's file and print dialogs are
# Qt's own, translated by Qt's catalogue).
DIALOG_ACTIONS = ["show_trash", "note_history", "link_health", "annotation_browser",
                  "quick_switcher", "command_palette", "keyboard_shortcuts", "about", "settings"]


def english_sources() -> set[str]:
    """The English texts the German catalogue translates differently, as shown (no '&')."""
    root = ET.parse(ROOT / "resources" / "translations" / "notegui_de.ts").getroot()
    found = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if "{" not in source and "%" not in source and source != translation:
            found.add(shown(source))
    return found


def shown(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def chrome_texts(root: QWidget) -> list[str]:
    """What a reader sees or hears of ``root``'s own controls: titles, labels, buttons,
    placeholders, tooltips, accessible names and descriptions, menus and their actions."""
    texts = [root.windowTitle(), root.accessibleName(), root.accessibleDescription()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QMenu):
            texts.append(widget.title())
        for action in widget.actions():
            texts += [action.text(), action.toolTip(), action.statusTip()]
            if action.menu() is not None:
                texts += [a.text() for a in action.menu().actions()]
    # (markup and file paths are not words of the window's)
    return [shown(re.sub(r"(<[^>]+>|/\S+)", " ", text)) for text in texts
            if text and text.strip()]


def english_in(texts: list[str], sources: set[str]) -> list[str]:
    """The texts that are an English source or hold an English word (the search syntax's
    operators, ``is:stub`` and ``tag:name``, are the same in every language)."""
    return sorted({text for text in texts if text in sources or ENGLISH_WORDS & {
        word.lower() for word in re.findall(r"[A-Za-z]+", re.sub(r"\b(is|tag):\S+", "", text))}})


@pytest.fixture
def german_window(qtbot, tmp_path: Path):
    from notegui.app import open_library

    i18n.LANGUAGE.use("de")
    library = open_library(tmp_path / "bibliothek.sqlite3")
    first, _ = library.create_note("Warum fallen Blätter im Herbst?", "Eine Frage zum Herbst.",
                                   "Das Laub fällt.", "Weil die Tage kürzer werden.\n\n## Licht\n\n"
                                   "Siehe [[Was macht Chlorophyll?]].")
    library.save_note(first, "Warum fallen Blätter im Herbst?", "Eine Frage zum Herbst.",
                      "Das Laub fällt.", "Weil die Tage kürzer werden. Eine zweite Fassung.")
    try:
        yield from shown_window(qtbot, library, first)
    finally:
        i18n.LANGUAGE.use("en")


def test_the_window_shows_no_english(german_window):
    texts = chrome_texts(german_window)
    assert "Datei" in texts and "Notiz bearbeiten" in texts
    assert english_in(texts, english_sources()) == []


def test_a_count_in_the_status_bar_takes_the_german_plural(qtbot, german_window):
    assert german_window.count_label.text() == "2 Notizen"  # (the note and the stub it cites)
    german_window.search.setText("Herbst")
    qtbot.waitUntil(lambda: "Treffer" in german_window.count_label.text())
    assert german_window.count_label.text().startswith("1 Treffer von 2 Notizen")


@pytest.mark.parametrize("action", DIALOG_ACTIONS)
def test_each_dialog_shows_no_english(qtbot, german_window, action):
    window, found = german_window, {}

    def inspect_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if (widget.isVisible() and widget is not window
                    and (isinstance(widget, QDialog) or widget.windowTitle())):
                found[type(widget).__name__] = chrome_texts(widget)
                widget.close()

    QTimer.singleShot(400, inspect_and_close)  # (a modal dialog is open by then)
    window.actions_by_name[action].trigger()
    qtbot.waitUntil(lambda: bool(found), timeout=4000)
    sources = english_sources()
    for name, texts in found.items():
        assert texts, name
        assert english_in(texts, sources) == [], name


def dialogs_without_an_action() -> list[QDialog]:
    """The dialogs that need a sync remote, backups, a selection or an import to open,
    built as the window builds them."""
    from datetime import UTC, datetime

    from notegui.core.sync_model import Conflict, SyncSettings
    from notegui.gui.backup_dialog import BackupDialog
    from notegui.gui.comment_dialog import CommentDialog
    from notegui.gui.conflicts_dialog import ConflictsDialog, MergeDialog
    from notegui.gui.import_dialog import ImportSummary
    from notegui.gui.sync_settings_dialog import SyncSettingsDialog

    conflict = Conflict("u1", 1, "Warum fallen Blätter?", ("body",), "Meine Fassung.",
                        "Ihre Fassung.", "2026-12-07T15:04:12Z")
    summary = ImportSummary()
    summary.counts.update(imported=3, refused=1)
    from notegui.gui.import_dialog import ImportResults

    return [
        SyncSettingsDialog(SyncSettings(remote="", interval_minutes=10), lambda chosen: None),
        ConflictsDialog(lambda: [conflict], lambda *args: None),
        MergeDialog(conflict.title, conflict.mine, conflict.theirs),
        BackupDialog([(Path("/backups/bibliothek-1.sqlite3"), datetime.now(UTC), 40_960)],
                     Path("/bibliothek.sqlite3")),
        CommentDialog("die Tage werden kürzer", "Ein Kommentar."),
        ImportResults(summary),
    ]


def test_the_dialogs_opened_from_elsewhere_show_no_english(qtbot, german_window):
    sources = english_sources()
    for dialog in dialogs_without_an_action():
        qtbot.addWidget(dialog)
        dialog.show()
        texts = chrome_texts(dialog)
        assert texts, type(dialog).__name__
        assert english_in(texts, sources) == [], type(dialog).__name__
        dialog.close()


def test_the_command_line_stays_english_on_a_german_system(tmp_path: Path):
    """Scripts parse the CLI's output: a command loads no catalogue (not even Qt), whatever
    the system's language, and says what it says in English."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "LANG": "de_DE.UTF-8", "LANGUAGE": "de", "LC_ALL": "de_DE.UTF-8",
           "NOTEGUI_DB": str(tmp_path / "library.sqlite3")}
    probe = ("import sys\nfrom notegui.launch import main\ntry:\n    main(['search', 'x'])\n"
             "except SystemExit:\n    pass\nprint(sorted(m for m in ('PySide6.QtCore', "
             "'notegui.gui.i18n') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.stdout.splitlines() == ["no matches", "[]"], run.stdout + run.stderr
