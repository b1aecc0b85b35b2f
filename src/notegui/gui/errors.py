"""Errors a user sees as dialogs: a library that cannot be opened, an unexpected exception."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from notegui.gui.i18n import translate
from notegui.gui.plain_text import plain_box
from notegui.gui.window_title import window_title

log = logging.getLogger("notegui")


def ask_about_library(problem: str, path: Path, parent: QWidget | None = None) -> str:
    """What to do about a library that cannot be opened: 'open', 'new' or 'quit'."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(window_title(translate("Errors", "Cannot open the library")))
    plain_box(
        box, translate("Errors", "The library at\n{path}\ncannot be opened.").format(path=path),
        translate("Errors", "{problem}\n\nThe file has not been changed.").format(problem=problem))
    open_other = box.addButton(translate("Errors", "Open Another…"),
                               QMessageBox.ButtonRole.AcceptRole)
    create = box.addButton(translate("Errors", "Create New…"), QMessageBox.ButtonRole.ActionRole)
    quit_ = box.addButton(translate("Errors", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_other)
    box.setEscapeButton(quit_)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_other else "new" if clicked is create else "quit"


def install_exception_hook(log_file: Path | None) -> None:
    """Log unexpected exceptions, show them in a dialog, and keep the app running."""

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, trace)
            return
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(window_title(translate("Errors", "Unexpected error")))
        where = translate("Errors", "The details are in {log_file}.").format(
            log_file=log_file) if log_file else ""
        plain_box(box, translate("Errors", "Something went wrong: {error}").format(error=error),
                  translate(
                      "Errors",
                      "notegui keeps running; your library is safe. {where}").format(where=where))
        box.setDetailedText("".join(traceback.format_exception(kind, error, trace)))
        box.exec()

    sys.excepthook = hook
