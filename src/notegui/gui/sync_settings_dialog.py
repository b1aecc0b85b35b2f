"""File ▸ Sync Settings…: the library's git remote and when it syncs by itself (on start,
every N minutes, after saves). No password field, ever: ssh keys come from the agent and
~/.ssh, https credentials from git's credential helpers. Bad input is refused with a
message naming the field, and nothing is saved; so is a save the sync itself refuses."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from notegui.core.errors import LibraryError
from notegui.core.sync_model import SyncError, SyncSettings
from notegui.gui.i18n import translate
from notegui.gui.plain_text import label
from notegui.gui.theme import dress

MAX_INTERVAL_MINUTES = 24 * 60
# scheme://user:password@… (an ssh URL's user@host:port has no ':' before its '@')
_PASSWORD = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/@]*:[^/@]*@")


def problem(settings: SyncSettings) -> str:
    """Why ``settings`` cannot be saved, naming the field; '' when they can."""
    remote = settings.remote
    if any(ord(c) < 32 or ord(c) == 127 for c in remote):
        return translate("SyncSettings",
                         "Remote URL: it holds a line break or another control character.")
    if _PASSWORD.match(remote):
        return (translate("SyncSettings",
                          "Remote URL: it holds a password. notegui never keeps one: remove it "
                          "and let git's credential helper (https) or your ssh keys answer."))
    automatic = [name for name, on in (
        (translate("SyncSettings", "Sync on start"), settings.on_start),
        (translate("SyncSettings", "Sync every N minutes"), settings.interval_minutes > 0),
        (translate("SyncSettings", "Sync after saves"), settings.after_saves)) if on]
    if not remote and automatic:
        return (translate("SyncSettings",
                          "Remote URL: empty, but {automatic} is on. Enter the remote's URL, or "
                          "turn those off.").format(automatic=', '.join(automatic)))
    if not 0 <= settings.interval_minutes <= MAX_INTERVAL_MINUTES:
        return translate("SyncSettings",
                         "Sync every N minutes: from 0 (off) to {max_interval_minutes}.").format(
            max_interval_minutes=MAX_INTERVAL_MINUTES)
    return ""


class SyncSettingsDialog(QDialog):
    """The settings as ``current`` has them; Save hands the new ones to ``save`` (which
    raises SyncError or LibraryError to refuse them) and closes, a refusal is shown in the
    dialog, which stays open with what was typed."""

    def __init__(self, current: SyncSettings, save: Callable[[SyncSettings], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: SyncSettings | None = None
        self.setWindowTitle(translate("SyncSettings", "Sync Settings"))
        self.setAccessibleName(translate("SyncSettings", "Sync settings"))
        self.remote = QLineEdit(current.remote)
        self.remote.setAccessibleName(translate("SyncSettings", "Remote URL"))
        self.remote.setPlaceholderText("git@example.org:me/notes.git")
        self.remote.setMinimumWidth(420)
        hint = label(translate(
            "SyncSettings", "A git remote: an ssh or https URL (GitHub, GitLab, Gitea, your own "
            "server) or a bare repository on a disk. ssh keys come from your ssh agent and "
            "~/.ssh; https credentials from git's credential helper. notegui never asks for or "
            "keeps a password."))
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed: a hint, not content
        hint.setAccessibleName(translate("SyncSettings", "About the remote URL"))
        self.on_start = QCheckBox(translate("SyncSettings", "Sync when the library &opens"))
        self.on_start.setAccessibleName(translate("SyncSettings", "Sync on start"))
        self.on_start.setChecked(current.on_start)
        self.interval = QSpinBox()
        self.interval.setAccessibleName(translate("SyncSettings", "Sync every N minutes"))
        self.interval.setRange(0, MAX_INTERVAL_MINUTES)
        self.interval.setSuffix(translate("SyncSettings", " minutes"))
        self.interval.setSpecialValueText(translate("SyncSettings", "Off"))  # (shown for 0)
        self.interval.setValue(current.interval_minutes)
        self.after_saves = QCheckBox(translate("SyncSettings", "Sync a few seconds after &saves"))
        self.after_saves.setAccessibleName(translate("SyncSettings", "Sync after saves"))
        self.after_saves.setChecked(current.after_saves)
        self.message = label()
        self.message.setObjectName("sync_settings_problem")
        self.message.setAccessibleName(translate("SyncSettings", "Why the settings were not saved"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        form = QFormLayout()
        remote_label = QLabel(translate("SyncSettings", "&Remote URL:"))
        remote_label.setBuddy(self.remote)
        form.addRow(remote_label, self.remote)
        form.addRow("", hint)
        form.addRow("", self.on_start)
        interval_label = QLabel(translate("SyncSettings", "Sync &every:"))
        interval_label.setBuddy(self.interval)
        form.addRow(interval_label, self.interval)
        form.addRow("", self.after_saves)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(translate("SyncSettings", "Save the sync settings"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            translate("SyncSettings", "Cancel: keep the settings as they were"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.remote.setFocus(Qt.FocusReason.OtherFocusReason)
        dress(self)

    def settings(self) -> SyncSettings:
        """What the dialog holds now (the URL without surrounding spaces)."""
        return SyncSettings(self.remote.text().strip(), self.on_start.isChecked(),
                            self.interval.value(), self.after_saves.isChecked())

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setAccessibleDescription(text)

    def accept(self) -> None:
        chosen = self.settings()
        why = problem(chosen)
        if not why:
            try:
                self._save(chosen)
            except (SyncError, LibraryError) as error:
                why = str(error)
        if why:
            self.show_problem(why)
            if why.startswith(translate("SyncSettings", "Remote URL")):
                self.remote.setFocus()
            return
        self.saved = chosen
        super().accept()
