"""Help ▸ About: the version, the library open, and in a packaged notegui the components
it carries (Python, Qt, ICU, SQLite, …) with their licences, and a Licences… button that
opens the folder of their texts."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from notegui.core.bundled_licences import bundled_components
from notegui.gui.i18n import translate
from notegui.gui.plain_text import tip


class AboutBox(QMessageBox):
    def __init__(self, version: str, library: Path, licences: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The texts About had before it listed the components: their context kept.
        self.setWindowTitle(translate("MainWindow", "About notegui"))
        self.licences = licences
        components = bundled_components(licences) if licences else []
        text = (f"<h3>notegui {escape(version)}</h3><p>"
                + escape(translate("MainWindow", "Read, search, annotate and edit a library "
                                   "of linked question notes, offline.")) + "</p><p>"
                + escape(translate("MainWindow", "Library: {path}").format(path=library))
                + "</p>")
        if components:
            text += "<p>" + escape(translate(
                "AboutBox", "This package carries {count} components, each under its own "
                "licence: see Show Details and Licences.").format(count=len(components))) + "</p>"
            self.setDetailedText("\n".join(
                f"{component.name} {component.version}: {component.licence}"
                for component in components))
        self.setText(text)
        self.licences_button: QAbstractButton | None = None
        if licences is not None:
            self.licences_button = self.addButton(translate("AboutBox", "Licences…"),
                                                  QMessageBox.ButtonRole.ActionRole)
            self.licences_button.setToolTip(tip(str(licences)))
        self.addButton(QMessageBox.StandardButton.Close)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        if button is self.licences_button and self.licences is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.licences)))
