"""File ▸ Settings… (Ctrl+,): the theme, the answer's and the editor's fonts, the autosave
delay, the backups (how many, how often, where), the language and the library opened at
the start. A change applies at once and is saved (gui/preferences.py); there is nothing
to confirm, so the dialog has Close (Esc) and Restore Defaults. It is not modal: the
reader sees each change in the window beside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from notegui.core import paths
from notegui.core.settings import AUTOSAVE_SECONDS, BACKUP_KEEP, FONT_SIZES
from notegui.gui import theme
from notegui.gui.i18n import LANGUAGES, translate
from notegui.gui.plain_text import label, tip
from notegui.gui.preferences import Preferences


def _context_label(text: str) -> QLabel:
    """A line explaining a group, wrapped, in plain text (it may name a path)."""
    shown = label(text)
    shown.setWordWrap(True)
    return shown


def _button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons under the path field they fill, to the right (the path gets the width)."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


class SettingsDialog(QDialog):
    """Every control changes its setting as soon as it is changed (a path field when it is
    left or Enter is pressed in it); ``problem`` tells a folder or file refused."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self._showing = False  # (filling the controls: their signals are no change)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setAccessibleName(translate("SettingsDialog", "Settings"))
        self._build_appearance()
        self._build_editing()
        self._build_language()  # (built in the order Tab goes: the left column first)
        self._build_backups()
        self._build_startup()
        self.problem = label()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(translate("SettingsDialog", "Problem"))
        bold = self.problem.font()
        bold.setBold(True)
        self.problem.setFont(bold)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            translate("SettingsDialog", "&Restore Defaults"),
            QDialogButtonBox.ButtonRole.ResetRole)
        self.restore_button.setAccessibleName(translate("SettingsDialog", "Restore defaults"))
        self.restore_button.setToolTip(tip(translate(
            "SettingsDialog", "Every setting in this dialog as notegui first had it")))
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(translate("SettingsDialog", "Close"))
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore_defaults)
        for button in (self.restore_button, self.close_button, self.folder_browse,
                       self.folder_default, self.startup_browse, self.startup_last):
            button.setAutoDefault(False)  # (Enter in a field applies it, closes nothing)
        grid = QGridLayout(self)
        grid.addWidget(self.appearance, 0, 0)
        grid.addWidget(self.editing, 1, 0)
        grid.addWidget(self.language_box, 2, 0)
        grid.addWidget(self.backups, 0, 1, 2, 1)
        grid.addWidget(self.startup, 2, 1)
        grid.addWidget(self.problem, 3, 0, 1, 2)
        grid.addWidget(self.buttons, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self.resize(max(self.sizeHint().width(), 900), self.sizeHint().height())
        theme.edge_fields(self, preferences.dark())  # (as the window's fields)
        self._connect()
        self.show_values()
        preferences.changed.connect(self.show_values)

    # -- the groups ----------------------------------------------------------------------

    def _build_appearance(self) -> None:
        self.appearance = QGroupBox(translate("SettingsDialog", "Appearance"))
        self.theme = QComboBox()
        for code, text in (("system", translate("SettingsDialog", "As the system")),
                           ("light", translate("SettingsDialog", "Light")),
                           ("dark", translate("SettingsDialog", "Dark"))):
            self.theme.addItem(text, code)
        self.theme.setAccessibleName(translate("SettingsDialog", "Theme"))
        self.answer_font = QFontComboBox()
        self.answer_font.setAccessibleName(translate("SettingsDialog", "Answer font"))
        self.answer_size = self._size_box(translate("SettingsDialog", "Answer font size"))
        self.editor_font = QFontComboBox()
        self.editor_font.setAccessibleName(translate("SettingsDialog", "Editor font"))
        self.editor_font.setToolTip(tip(translate(
            "SettingsDialog", "The font of the markdown in the editor (fixed-width ones "
            "keep tables and code aligned)")))
        self.editor_size = self._size_box(translate("SettingsDialog", "Editor font size"))
        for box in (self.answer_font, self.editor_font):
            typed = box.lineEdit()  # (a screen reader meets the field typed in, too)
            if typed is not None:
                typed.setAccessibleName(box.accessibleName())
        form = QFormLayout(self.appearance)
        form.addRow(translate("SettingsDialog", "&Theme:"), self.theme)
        form.addRow(translate("SettingsDialog", "&Answer font:"), self.answer_font)
        form.addRow(translate("SettingsDialog", "Answer font si&ze:"), self.answer_size)
        form.addRow(translate("SettingsDialog", "&Editor font:"), self.editor_font)
        form.addRow(translate("SettingsDialog", "Editor font s&ize:"), self.editor_size)
        form.addRow(_context_label(translate(
            "SettingsDialog", "Ctrl++ and Ctrl+- zoom the answer in and out from this size.")))

    @staticmethod
    def _size_box(name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(*FONT_SIZES)
        box.setSuffix(translate("SettingsDialog", " pt"))
        box.setAccessibleName(name)
        box.setKeyboardTracking(False)  # (typing "12" is not a change to 1 first)
        return box

    def _build_editing(self) -> None:
        self.editing = QGroupBox(translate("SettingsDialog", "Editing"))
        self.autosave = QDoubleSpinBox()
        self.autosave.setRange(*AUTOSAVE_SECONDS)
        self.autosave.setDecimals(1)
        self.autosave.setSingleStep(0.5)
        self.autosave.setSuffix(translate("SettingsDialog", " s"))
        self.autosave.setKeyboardTracking(False)
        self.autosave.setAccessibleName(translate("SettingsDialog", "Autosave delay"))
        self.autosave.setToolTip(tip(translate(
            "SettingsDialog", "How long after typing stops an edit is saved (a title is "
            "saved when you leave its field)")))
        form = QFormLayout(self.editing)
        form.addRow(translate("SettingsDialog", "Save automatically after &pausing for:"),
                    self.autosave)

    def _build_backups(self) -> None:
        self.backups = QGroupBox(translate("SettingsDialog", "Backups"))
        self.keep = QSpinBox()
        self.keep.setRange(*BACKUP_KEEP)
        self.keep.setKeyboardTracking(False)
        self.keep.setAccessibleName(translate("SettingsDialog", "Backups kept"))
        self.keep.setToolTip(tip(translate(
            "SettingsDialog", "How many backups of each library are kept; the oldest goes "
            "when a new one is made")))
        self.every = QComboBox()
        for hours, text in ((1, translate("SettingsDialog", "Every hour")),
                            (6, translate("SettingsDialog", "Every 6 hours")),
                            (24, translate("SettingsDialog", "Once a day")),
                            (168, translate("SettingsDialog", "Once a week"))):
            self.every.addItem(text, hours)
        self.every.setAccessibleName(translate("SettingsDialog", "How often to back up"))
        self.every.setToolTip(tip(translate(
            "SettingsDialog", "A library is backed up this often while it is open, when it "
            "changed since its last backup")))
        self.folder = QLineEdit()
        self.folder.setAccessibleName(translate("SettingsDialog", "Backup folder"))
        self.folder.setToolTip(tip(translate(
            "SettingsDialog", "Each library's backups go in a folder of their own in here")))
        self.folder_browse = QPushButton(translate("SettingsDialog", "&Browse…"))
        self.folder_browse.setAccessibleName(translate("SettingsDialog",
                                                       "Choose the backup folder"))
        self.folder_default = QPushButton(translate("SettingsDialog", "Defa&ult"))
        self.folder_default.setAccessibleName(translate("SettingsDialog",
                                                        "Use the default backup folder"))
        form = QFormLayout(self.backups)
        form.addRow(translate("SettingsDialog", "Backups &kept of each library:"), self.keep)
        form.addRow(translate("SettingsDialog", "Back up &how often:"), self.every)
        form.addRow(translate("SettingsDialog", "Backup f&older:"), self.folder)
        form.addRow(_button_row(self.folder_browse, self.folder_default))
        form.addRow(_context_label(translate(
            "SettingsDialog", "Backups already made stay in the folder they were made in; "
            "restoring a backup offers those in the folder chosen here.")))

    def _build_language(self) -> None:
        self.language_box = QGroupBox(translate("SettingsDialog", "Language"))
        self.language = QComboBox()
        self.language.addItem(translate("SettingsDialog", "System default"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # (each named in itself)
        self.language.setAccessibleName(translate("SettingsDialog", "Language"))
        form = QFormLayout(self.language_box)
        form.addRow(translate("SettingsDialog", "Lan&guage:"), self.language)
        form.addRow(_context_label(translate(
            "SettingsDialog", "A new language applies when notegui next starts.")))

    def _build_startup(self) -> None:
        self.startup = QGroupBox(translate("SettingsDialog", "Startup"))
        self.startup_file = QLineEdit()
        self.startup_file.setPlaceholderText(translate("SettingsDialog",
                                                       "The library open last time"))
        self.startup_file.setAccessibleName(translate("SettingsDialog",
                                                      "Library opened at the start"))
        self.startup_file.setToolTip(tip(translate(
            "SettingsDialog", "Empty: notegui opens the library that was open when it was "
            "last closed")))
        self.startup_browse = QPushButton(translate("SettingsDialog", "Bro&wse…"))
        self.startup_browse.setAccessibleName(translate(
            "SettingsDialog", "Choose the library opened at the start"))
        self.startup_last = QPushButton(translate("SettingsDialog", "&Last Opened"))
        self.startup_last.setAccessibleName(translate(
            "SettingsDialog", "Open the library open last time at the start"))
        form = QFormLayout(self.startup)
        form.addRow(translate("SettingsDialog", "Open at &start:"), self.startup_file)
        form.addRow(_button_row(self.startup_browse, self.startup_last))

    def _connect(self) -> None:
        self.theme.currentIndexChanged.connect(
            lambda _i: self._change(theme=self.theme.currentData()))
        self.answer_font.currentFontChanged.connect(
            lambda font: self._change(answer_font=font.family()))
        self.answer_size.valueChanged.connect(
            lambda size: self._change(answer_font_size=size))
        self.editor_font.currentFontChanged.connect(
            lambda font: self._change(editor_font=font.family()))
        self.editor_size.valueChanged.connect(
            lambda size: self._change(editor_font_size=size))
        self.autosave.valueChanged.connect(
            lambda seconds: self._change(autosave_seconds=round(seconds, 1)))
        self.keep.valueChanged.connect(lambda keep: self._change(backup_keep=keep))
        self.every.currentIndexChanged.connect(
            lambda _i: self._change(backup_every_hours=self.every.currentData()))
        self.folder.editingFinished.connect(lambda: self.choose_folder(self.folder.text()))
        self.folder_browse.clicked.connect(self._browse_folder)
        self.folder_default.clicked.connect(lambda: self.choose_folder(""))
        self.language.currentIndexChanged.connect(
            lambda _i: self._change(language=self.language.currentData()))
        self.startup_file.editingFinished.connect(
            lambda: self.choose_startup(self.startup_file.text()))
        self.startup_browse.clicked.connect(self._browse_startup)
        self.startup_last.clicked.connect(lambda: self.choose_startup(""))

    # -- values --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.show_values()  # (View ▸ Theme changed the theme while it is open)
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self.show_values()  # (View ▸ Theme may have changed one while it was closed)
        super().showEvent(event)

    def show_values(self) -> None:
        """The controls as the settings are (after a change here, or elsewhere: View ▸
        Theme)."""
        chosen = self.preferences.settings
        window_answer = self.preferences.answer_font()
        window_editor = self.preferences.editor_font()
        self._showing = True
        try:
            self.theme.setCurrentIndex(max(0, self.theme.findData(chosen.theme)))
            self.answer_font.setCurrentFont(QFont(window_answer.family()))
            self.answer_size.setValue(chosen.answer_font_size or window_answer.pointSize())
            self.editor_font.setCurrentFont(QFont(window_editor.family()))
            self.editor_size.setValue(chosen.editor_font_size or window_editor.pointSize())
            self.autosave.setValue(chosen.autosave_seconds)
            self.keep.setValue(chosen.backup_keep)
            self.every.setCurrentIndex(max(0, self.every.findData(chosen.backup_every_hours)))
            self.folder.setText(chosen.backup_folder or str(paths.backups_dir()))
            self.language.setCurrentIndex(max(0, self.language.findData(chosen.language)))
            self.startup_file.setText(chosen.startup_library)
        finally:
            self._showing = False

    def _change(self, **values: object) -> None:
        if self._showing:
            return
        self._tell("")
        self.preferences.change(**values)

    def choose_folder(self, text: str) -> bool:
        """Keep backups in the folder ``text`` names ('' or the default one: the default),
        once it is known files can be written there; else say why, and keep the old."""
        text = text.strip()
        chosen = Path(text).expanduser() if text else paths.backups_dir()
        setting = "" if chosen == paths.backups_dir() else str(chosen)
        if setting == self.preferences.settings.backup_folder:
            self.show_values()
            return True
        refusal = paths.folder_refusal(chosen)
        if refusal:
            self._tell(translate(
                "SettingsDialog", "Backups cannot be kept in {folder}: {reason}. The backup "
                "folder is unchanged.").format(folder=chosen, reason=refusal))
            self.show_values()
            return False
        self._change(backup_folder=setting)
        return True

    def choose_startup(self, text: str) -> bool:
        """Open the library file ``text`` names at the start ('': the one open last)."""
        text = text.strip()
        chosen = Path(text).expanduser() if text else None
        if chosen is not None and not chosen.is_file():
            self._tell(translate(
                "SettingsDialog", "There is no library file at {path}. The library opened at "
                "the start is unchanged.").format(path=chosen))
            self.show_values()
            return False
        setting = str(chosen) if chosen is not None else ""
        if setting != self.preferences.settings.startup_library:
            self._change(startup_library=setting)
        return True

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("SettingsDialog", "Backup Folder"), self.folder.text())
        if folder:
            self.choose_folder(folder)

    def _browse_startup(self) -> None:
        near = self.startup_file.text() or str(paths.data_dir())
        chosen, _ = QFileDialog.getOpenFileName(
            self, translate("SettingsDialog", "Library Opened at the Start"), near,
            translate("SettingsDialog", "notegui libraries (*.sqlite3 *.db);;All files (*)"))
        if chosen:
            self.choose_startup(chosen)

    def _restore_defaults(self) -> None:
        self._tell("")
        self.preferences.restore_defaults()

    def _tell(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
