"""Files given to notegui to open (``notegui FILE…``, a file manager's Open With, a
double-click on a notegui JSON export or a question note, a Finder's open event on macOS)
are offered for import: a question names them and the library, and Import runs File ▸
Import's job (its results dialog, the imported note shown). A file that cannot be read is
named with why, and nothing is imported."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from notegui.gui.i18n import translate
from notegui.gui.plain_text import plain_box, warn

MAX_NAMED = 20  # files listed by name in the question; the rest counted


def why_unreadable(path: Path) -> str:
    """Why ``path`` cannot be imported as a file ("" when it can be read)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return translate("OpenedFiles", "there is no such file")
    except OSError as error:
        return error.strerror or str(error)
    if stat.S_ISDIR(mode):
        return translate("OpenedFiles", "it is a folder (File ▸ Import Folder… imports one)")
    if not stat.S_ISREG(mode):  # (a pipe or a device: reading it could block or never end)
        return translate("OpenedFiles", "it is not a regular file")
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        return translate("OpenedFiles", "you are not allowed to read it")
    except OSError as error:
        return error.strerror or str(error)
    return ""


class OpenedFiles(QObject):
    """Offers files for import into the window's library. ``import_paths(paths)`` imports
    them as File ▸ Import does; ``refusal()`` is why an import cannot run now ("" when it
    can); ``library_name()`` names the library in the question. With
    ``file_open_events`` (on macOS, which sends a document opened from the Finder as an
    event, not as an argument) it also takes the application's file-open events: only
    there, as a filter on the application sees every event of every widget."""

    def __init__(self, window: QWidget, import_paths: Callable[[list[Path]], object],
                 refusal: Callable[[], str], library_name: Callable[[], str],
                 file_open_events: bool = sys.platform == "darwin") -> None:
        super().__init__(window)
        self._window = window
        self._import_paths = import_paths
        self._refusal = refusal
        self._library_name = library_name
        self.question: QMessageBox | None = None  # (the one asking now, for tests)
        app = QApplication.instance()
        if file_open_events and app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent)
                and event.file() and self._window.isVisible()):  # (a closed window's: not)
            self.offer([Path(event.file())])
            return True
        return super().eventFilter(watched, event)

    def offer(self, paths: list[Path]) -> bool:
        """Ask whether to import ``paths`` and start the import if so; True when it
        started."""
        window = self._window
        problems = [(path, why) for path in paths if (why := why_unreadable(path))]
        if problems:
            lines = "\n".join(translate("OpenedFiles", "{file}: {why}").format(
                file=path, why=why) for path, why in problems)
            warn(window, translate("OpenedFiles", "Cannot import"),
                 translate("OpenedFiles", "{files}\n\nNothing was imported.").format(
                     files=lines))
            return False
        refusal = self._refusal()
        if refusal:
            warn(window, translate("OpenedFiles", "Cannot import"),
                 translate("OpenedFiles", "Nothing imported: {why}").format(why=refusal))
            return False
        if not self._ask(paths):
            return False
        self._import_paths(paths)
        return True

    def _ask(self, paths: list[Path]) -> bool:
        library = self._library_name()
        count = len(paths)
        if count == 1:
            text = translate("OpenedFiles", "Import {file} into the library {library}?").format(
                file=paths[0].name, library=library)
        else:
            text = translate("OpenedFiles", "Import %n file(s) into the library {library}?",
                             "", count).format(library=library)
        named = [str(path) for path in paths[:MAX_NAMED]]
        more = count - len(named)
        if more:
            named.append(translate("OpenedFiles", "and %n more file(s)", "", more))
        box = QMessageBox(QMessageBox.Icon.Question,
                          translate("OpenedFiles", "Import Notes"), "", parent=self._window)
        plain_box(box, text, "\n".join(named))
        importing = box.addButton(translate("OpenedFiles", "Import"),
                                  QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(importing)
        self.question = box
        try:
            box.exec()
        finally:
            self.question = None
        return box.clickedButton() is importing
