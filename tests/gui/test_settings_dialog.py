"""File ▸ Settings… (Ctrl+,), driven as a reader does: each change shows in the window at
once (theme, fonts, the autosave's wait), changes what the automatic backup does and
where File ▸ Restore Backup… looks, is written to the settings file, and a folder that
cannot hold backups is refused with its name. Keyboard alone reaches every control."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from conftest import SAMPLE_TITLE
from notegui import app
from notegui.core import paths
from notegui.core import settings as settings_file
from notegui.core.settings import Settings
from notegui.gui.settings_dialog import SettingsDialog
from notegui.store import backup as backups


def press(qtbot, widget: QWidget, key: str) -> None:
    """Give ``widget`` the focus and press ``key`` on it, as the keyboard does."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    combination = QKeySequence(key)[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


def open_dialog(qtbot, window) -> SettingsDialog:
    """Ctrl+, from the question list, as a reader opens it."""
    press(qtbot, window.list, "Ctrl+,")
    dialog = window._settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)  # (the keys go to it now)
    return dialog


def choose(qtbot, combo, text: str) -> None:
    """Pick the entry ``text`` of a combo box with the keyboard (Up or Down, as often as
    it takes: each entry passed is chosen on the way, as for a reader)."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    texts = [combo.itemText(i) for i in range(combo.count())]
    steps = texts.index(text) - combo.currentIndex()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert combo.currentText() == text


def type_into(qtbot, field, text: str) -> None:
    """Replace a field's text by typing, then press Enter (which applies it)."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def step(qtbot, box, times: int) -> None:
    """Press Up (or Down, ``times`` below 0) in a spin box."""
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    key = Qt.Key.Key_Up if times > 0 else Qt.Key.Key_Down
    for _ in range(abs(times)):
        qtbot.keyClick(box, key)


def window_colour(window) -> int:
    window.ensurePolished()
    return QApplication.palette(window).color(QPalette.ColorRole.Window).lightness()


def test_ctrl_comma_opens_it_from_the_file_menu_and_escape_closes_it(qtbot, window):
    action = window.actions_by_name["settings"]
    assert action.shortcut().toString() == "Ctrl+,"
    file_menu = next(menu.menu() for menu in window.menuBar().actions()
                     if action in menu.menu().actions())
    names = [entry.objectName() for entry in file_menu.actions()]
    assert names[0] == "new_library"  # the File menu,
    assert names.index("settings") == names.index("quit") - 1  # just before Quit
    dialog = open_dialog(qtbot, window)
    assert dialog.isVisible() and dialog.windowTitle() == "Settings"
    focused = QApplication.focusWidget()
    assert focused is not None and focused.window() is dialog
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert open_dialog(qtbot, window) is dialog  # the one dialog, shown again


def test_the_theme_changes_the_window_at_once(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert dialog.theme.currentText() == "Light"  # (the test window's)
    light = window_colour(window)
    choose(qtbot, dialog.theme, "Dark")
    assert window.settings.theme == "dark" and window.dark
    assert window_colour(window) < light - 100
    assert window.actions_by_name["theme_dark"].isChecked()  # View ▸ Theme agrees
    choose(qtbot, dialog.theme, "Light")
    assert window_colour(window) == light
    window.actions_by_name["theme_dark"].trigger()  # View ▸ Theme, the dialog open
    qtbot.waitUntil(lambda: dialog.theme.currentText() == "Dark")  # (the palette's event)


def test_the_answer_font_size_and_family_change_the_answer(qtbot, window):
    dialog = open_dialog(qtbot, window)
    before = window.answer.font().pointSize()
    assert dialog.answer_size.value() == before
    step(qtbot, dialog.answer_size, 4)
    assert window.settings.answer_font_size == before + 4
    assert window.answer.font().pointSize() == before + 4
    window.zoom_in()  # View ▸ Zoom adds to the size chosen
    assert window.answer.font().pointSize() == before + 5
    listed = {dialog.answer_font.itemText(i) for i in range(dialog.answer_font.count())}
    family = next(name for name in ("DejaVu Serif", "Nimbus Roman", "Liberation Serif",
                                    "DejaVu Sans Mono") if name in listed
                  and name != window.answer.font().family())
    choose(qtbot, dialog.answer_font, family)
    assert window.settings.answer_font == family
    assert window.answer.font().family() == family
    assert window.answer.font().pointSize() == before + 5  # (the size and zoom kept)
    assert (window.editor.preview.font().family(),
            window.editor.preview.font().pointSize()) == (family, before + 4)  # (no zoom)


def test_the_editor_font_size_changes_the_markdown_field(qtbot, window):
    dialog = open_dialog(qtbot, window)
    before = window.editor.body.font().pointSize()
    assert dialog.editor_size.value() == before
    step(qtbot, dialog.editor_size, 3)
    assert window.editor.body.font().pointSize() == before + 3
    assert window.settings.editor_font_size == before + 3


def test_the_autosave_delay_sets_the_editing_timer(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert dialog.autosave.value() == 1.0 and window.editing.autosave_delay_ms() == 1000
    type_into(qtbot, dialog.autosave, "2.5")
    assert window.settings.autosave_seconds == 2.5
    assert window.editing.autosave_delay_ms() == 2500


def test_keep_and_folder_change_what_the_automatic_backup_does(qtbot, window, tmp_path):
    window.files.backups = app.backup_hooks(window.settings)  # (as app.py gives the window)
    dialog = open_dialog(qtbot, window)
    assert dialog.keep.value() == 5
    assert dialog.folder.text() == str(paths.backups_dir())
    step(qtbot, dialog.keep, -3)
    assert window.settings.backup_keep == 2
    chosen = tmp_path / "my backups"
    type_into(qtbot, dialog.folder, str(chosen))
    assert window.settings.backup_folder == str(chosen)
    library = window.library.path
    folder = app.backup_folder(window.settings, library)
    assert folder is not None and folder.parent == chosen
    for _ in range(4):  # four backups due (each after a change): two kept
        window.library.create_note(f"Is backup {_} kept?")
        outcome = app.automatic_backup(library, folder, window.settings.backup_keep,
                                       timedelta(0))
        assert outcome == ""
    kept = backups.list_backups(library, folder)
    assert len(kept) == 2 and all(entry.path.parent == folder for entry in kept)
    assert backups.list_backups(library) == []  # none in the default folder
    # File ▸ Restore Backup… lists the chosen folder's backups
    assert window.files.backups.list_backups(library) == kept
    assert window.files.backups.folder(library) == folder
    qtbot.mouseClick(dialog.folder_default, Qt.MouseButton.LeftButton)
    assert window.settings.backup_folder == ""
    assert dialog.folder.text() == str(paths.backups_dir())


def test_how_often_sets_when_a_backup_is_due(qtbot, window):
    dialog = open_dialog(qtbot, window)
    assert dialog.every.currentText() == "Once a day"
    choose(qtbot, dialog.every, "Every hour")
    assert window.settings.backup_every_hours == 1


def test_a_folder_that_cannot_hold_backups_is_refused_by_name(qtbot, window, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    dialog = open_dialog(qtbot, window)
    wanted = blocked / "backups"
    type_into(qtbot, dialog.folder, str(wanted))
    assert window.settings.backup_folder == ""  # unchanged
    assert dialog.problem.isVisible()
    assert str(wanted) in dialog.problem.text()
    assert "The backup folder is unchanged" in dialog.problem.text()
    assert dialog.folder.text() == str(paths.backups_dir())  # the field shows the setting
    if Path("/proc/self").exists():  # (a folder with no write permission, on Linux)
        locked = tmp_path / "read-only"
        locked.mkdir(mode=0o500)
        try:
            if not paths.folder_refusal(locked):
                pytest.skip("running as root: every folder can be written")
            type_into(qtbot, dialog.folder, str(locked))
            assert str(locked) in dialog.problem.text()
            assert window.settings.backup_folder == ""
        finally:
            locked.chmod(0o700)


def test_the_startup_library_is_the_one_chosen_else_the_last(qtbot, window, tmp_path,
                                                             monkeypatch):
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.startup_file, str(tmp_path / "no-such.sqlite3"))
    assert "There is no library file at" in dialog.problem.text()
    assert window.settings.startup_library == ""
    other = app.create_demo_library(tmp_path / "other.sqlite3")
    other.close()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        lambda *_args, **_kwargs: (str(other.path), ""))
    qtbot.mouseClick(dialog.startup_browse, Qt.MouseButton.LeftButton)  # Browse…
    assert not dialog.problem.isVisible()
    assert window.settings.startup_library == str(other.path)
    assert dialog.startup_file.text() == str(other.path)
    type_into(qtbot, dialog.startup_file, str(window.library.path))  # or typed
    assert window.settings.startup_library == str(window.library.path)
    type_into(qtbot, dialog.startup_file, str(other.path))
    args = app.cli.build_parser().parse_args([])
    window.settings.last_library = str(window.library.path)
    assert app.gui_library_path(args, window.settings) == other.path
    qtbot.mouseClick(dialog.startup_last, Qt.MouseButton.LeftButton)
    assert window.settings.startup_library == ""
    assert app.gui_library_path(args, window.settings) == window.library.path


def test_the_language_is_saved_and_applies_at_the_next_start(qtbot, window):
    dialog = open_dialog(qtbot, window)
    told: list[str] = []
    window.preferences.languageChanged.connect(told.append)
    assert dialog.language.currentText() == "System default"
    choose(qtbot, dialog.language, "Deutsch")
    assert window.settings.language == "de" and told[-1] == "de"
    labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.problem)))
    assert "applies when notegui next starts" in labels


def test_restore_defaults_puts_every_setting_back(qtbot, window):
    dialog = open_dialog(qtbot, window)
    size = window.answer.font().pointSize()
    step(qtbot, dialog.answer_size, 2)
    step(qtbot, dialog.keep, 4)
    choose(qtbot, dialog.theme, "Dark")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    chosen, defaults = window.settings, Settings()
    assert (chosen.answer_font_size, chosen.backup_keep, chosen.theme) == (
        defaults.answer_font_size, defaults.backup_keep, "system")
    assert window.answer.font().pointSize() == size
    assert dialog.keep.value() == 5 and dialog.theme.currentText() == "As the system"


def test_changes_are_saved_and_survive_a_new_load(qtbot, tmp_path):
    """A window that saves its settings (the app's): each change is in the file at once."""
    from notegui.gui.main_window import MainWindow

    library = app.create_demo_library(tmp_path / "demo.sqlite3")
    shown = MainWindow(library, Settings(theme="light"), app.open_library, app.open_library,
                       save_settings=True, start_note=library.find(SAMPLE_TITLE).id)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    try:
        dialog = open_dialog(qtbot, shown)
        choose(qtbot, dialog.theme, "Dark")
        step(qtbot, dialog.keep, 2)
        type_into(qtbot, dialog.autosave, "3")
        choose(qtbot, dialog.language, "Deutsch")
        loaded = settings_file.load()  # (before the window closes: saved as changed)
        assert (loaded.theme, loaded.backup_keep, loaded.autosave_seconds,
                loaded.language) == ("dark", 7, 3.0, "de")
    finally:
        shown.close()
        shown.library.close()
        QApplication.instance().setPalette(QApplication.style().standardPalette())


def test_absurd_values_in_the_file_fall_back_to_the_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "autosave_seconds": 0.01, "backup_keep": 0, "backup_every_hours": 5,
        "answer_font_size": 400, "editor_font_size": True, "questions_only": True}))
    loaded = settings_file.load(path)
    defaults = Settings()
    assert loaded.autosave_seconds == defaults.autosave_seconds
    assert loaded.backup_keep == defaults.backup_keep
    assert loaded.backup_every_hours == defaults.backup_every_hours
    assert loaded.answer_font_size == 0 and loaded.editor_font_size == 0
    assert loaded.questions_only is True  # (a bool setting is still read)
    path.write_text(json.dumps({"autosave_seconds": 2, "backup_keep": 100}))
    assert settings_file.load(path).autosave_seconds == 2.0
    assert settings_file.load(path).backup_keep == 100


def test_every_control_has_a_name_and_tab_reaches_each(qtbot, window):
    dialog = open_dialog(qtbot, window)
    controls = [dialog.theme, dialog.answer_font, dialog.answer_size, dialog.editor_font,
                dialog.editor_size, dialog.autosave, dialog.keep, dialog.every,
                dialog.folder, dialog.folder_browse, dialog.folder_default,
                dialog.language, dialog.startup_file, dialog.startup_browse,
                dialog.startup_last, dialog.restore_button, dialog.close_button]
    for control in controls:
        assert control.accessibleName(), control
    dialog.theme.setFocus()
    qtbot.waitUntil(dialog.theme.hasFocus)

    def control_of(widget: QWidget | None) -> QWidget | None:
        while widget is not None and widget not in controls:
            widget = widget.parentWidget()  # (a font box's line edit: the box)
        return widget

    reached = []
    for _ in range(3 * len(controls)):
        focused = control_of(QApplication.focusWidget())
        if focused is not None and focused not in reached:
            reached.append(focused)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert set(reached) == set(controls)
    # the order is the one the dialog shows: the left column first, then the right
    assert reached.index(dialog.theme) < reached.index(dialog.autosave) < reached.index(
        dialog.language) < reached.index(dialog.keep) < reached.index(dialog.startup_file)


def mnemonics(dialog: SettingsDialog) -> list[str]:
    """The Alt+letter of each labelled control and of each button (but Close: Esc)."""
    from PySide6.QtWidgets import QLabel

    texts = [shown.text() for shown in dialog.findChildren(QLabel) if shown.buddy()]
    texts += [button.text() for button in (dialog.folder_browse, dialog.folder_default,
                                           dialog.startup_browse, dialog.startup_last,
                                           dialog.restore_button)]
    for text in texts:
        assert "&" in text, text
    return [text[text.index("&") + 1].lower() for text in texts]


def test_each_label_has_a_mnemonic_for_its_control(window, qtbot):
    dialog = open_dialog(qtbot, window)
    keys = mnemonics(dialog)
    assert len(keys) == 16 and len(set(keys)) == len(keys)  # no letter twice


def test_in_german_the_dialog_shows_no_english(qtbot, window):
    """Every label, entry, button and tip of the dialog comes from the catalogue."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel

    from notegui.gui.i18n import LANGUAGE

    LANGUAGE.use("de")
    try:
        dialog = SettingsDialog(window.preferences, window)
        qtbot.addWidget(dialog)
        texts = [dialog.windowTitle()]
        texts += [w.text() for w in dialog.findChildren(QLabel)]
        texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
        texts += [w.title() for w in dialog.findChildren(QGroupBox)]
        texts += [w.toolTip() for w in dialog.findChildren(QWidget)]
        texts += [w.accessibleName() for w in dialog.findChildren(QWidget)]
        for combo in (dialog.theme, dialog.every):
            texts += [combo.itemText(i) for i in range(combo.count())]
        assert isinstance(dialog.language, QComboBox)
        texts.append(dialog.language.itemText(0))
        shown = " | ".join(text for text in texts if text)
        assert "Farbschema" in shown and "Sicherungen" in shown and "Systemstandard" in shown
        english = ("Settings", "Theme", "Backup", "Language", "Browse", "font", "Close",
                   "Restore", "Every", "Once", "library", "Autosave")
        assert [word for word in english if re.search(rf"\b{word}", shown)] == []
        assert len(set(mnemonics(dialog))) == len(mnemonics(dialog)) == 16  # none twice
    finally:
        LANGUAGE.use("en")


def test_two_windows_keep_each_others_settings(qtbot, tmp_path):
    """Two notegui windows (each on its own library) loaded the settings at their start: a
    setting one changes, and the recent libraries and last notes of each, survive the other
    closing later (it writes what it changed, not the whole file as it read it)."""
    from notegui.gui.main_window import MainWindow

    windows = []
    for name in ("first", "second"):
        library = app.create_demo_library(tmp_path / f"{name}.sqlite3")
        shown = MainWindow(library, settings_file.load(), app.open_library, app.open_library,
                           save_settings=True, start_note=library.find(SAMPLE_TITLE).id)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.waitExposed(shown)
        windows.append(shown)
    first, second = windows
    try:
        dialog = open_dialog(qtbot, first)
        step(qtbot, dialog.keep, 3)
        dialog.close()
        first.close()
        second.actions_by_name["questions_only"].trigger()
        second.close()
        kept = settings_file.load()
        assert kept.backup_keep == 8  # (first's change, not second's stale 5)
        assert kept.questions_only  # (second's own)
        assert kept.recent_libraries[:2] == [str(second.library.path), str(first.library.path)]
        assert set(kept.last_note) == {str(first.library.path), str(second.library.path)}
        assert kept.last_library == str(second.library.path)
    finally:
        for shown in windows:
            shown.close()
            shown.library.close()
        QApplication.instance().setPalette(QApplication.style().standardPalette())


def test_a_started_app_follows_the_saved_settings(qtbot, monkeypatch, tmp_path):
    """The app as started (app.main): the fonts and the autosave wait from the settings
    file, its automatic backups in the folder and number chosen, File ▸ Restore Backup…
    listing them, and a folder chosen in the dialog used by the next automatic backup."""
    import gc

    from conftest import run_and_capture
    from notegui.gui.backup_dialog import AutomaticBackups

    db = tmp_path / "lib.sqlite3"
    chosen = tmp_path / "kept here"
    settings_file.save(Settings(answer_font_size=17, editor_font_size=13,
                                autosave_seconds=4.5, backup_keep=1,
                                backup_folder=str(chosen)))
    code, window = run_and_capture(monkeypatch, ["--db", str(db)])
    assert code == 0
    qtbot.addWidget(window)
    try:
        assert window.answer.font().pointSize() == 17
        assert window.editor.body.font().pointSize() == 13
        assert window.editing.autosave_delay_ms() == 4500
        gc.collect()  # (the scheduler is kept by its window)
        [automatic] = window.findChildren(AutomaticBackups)
        job = automatic.run_now()
        assert job is not None
        qtbot.waitUntil(lambda: not job.running())
        [made] = backups.list_backups(db, backups.default_folder(db, chosen))
        assert made.path.parent.parent == chosen
        assert backups.list_backups(db) == []  # nothing in the default folder
        assert window.files.backups.list_backups(db) == [made]  # File ▸ Restore Backup…
        # Another folder chosen in the dialog (with Browse…): the next backup goes there.
        elsewhere = tmp_path / "elsewhere"
        monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory",
                            lambda *_args, **_kwargs: str(elsewhere))
        dialog = open_dialog(qtbot, window)
        qtbot.mouseClick(dialog.folder_browse, Qt.MouseButton.LeftButton)
        assert window.settings.backup_folder == str(elsewhere)
        assert settings_file.load().backup_folder == str(elsewhere)  # saved at once
        window.library.create_note("Does a changed library get a new backup?")
        job = automatic.run_now()
        assert job is not None
        qtbot.waitUntil(lambda: not job.running())
        assert len(backups.list_backups(db, backups.default_folder(db, elsewhere))) == 1
    finally:
        window.close()
