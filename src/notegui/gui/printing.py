"""File ▸ Print…: the open note on paper, as it reads (light theme, whatever the window's),
through the system's print dialog (which also prints to a PDF file)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

from notegui.core.ports import Library
from notegui.gui.i18n import translate
from notegui.gui.plain_text import warn
from notegui.publish.pdf import print_notes


class PrintingWindow(Protocol):
    @property
    def library(self) -> Library: ...
    @property
    def current_id(self) -> int | None: ...

    def statusBar(self) -> QStatusBar: ...


def choose_printer(printer: QPrinter, parent: QWidget | None) -> bool:
    """The print dialog: the printer, pages and copies chosen (True), or cancelled."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Printing", "Print Note"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_note(window: PrintingWindow) -> None:
    note_id = window.current_id
    note = window.library.note(note_id) if note_id is not None else None
    if note is None:
        window.statusBar().showMessage(translate("Printing", "Open a note to print it."), 5000)
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(note.title)
    if not choose_printer(printer, window if isinstance(window, QWidget) else None):
        return
    try:
        printed = print_notes(window.library, [note.id], printer)
    except OSError as error:
        warn(window if isinstance(window, QWidget) else None, translate("Printing", "Print"),
             translate("Printing", "The note could not be printed: {error}").format(error=error))
        return
    pages = printed.pages
    window.statusBar().showMessage(
        translate("Printing", "Printed “{title}” (%n page(s)).", "", pages).format(
            title=note.title), 5000)
