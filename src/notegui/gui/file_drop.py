"""Files and folders dropped on the window are imported, as File ▸ Import Files… and
Import Folder… import them (the same job, the same results dialog naming each file it
refused and why). Only local files and folders are taken: a web address or dragged text is
refused before the drop (the pointer says so)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from notegui.gui.i18n import translate


def dropped_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders a drag carries (none: not one to take)."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []  # (a web page's link, or files mixed with one: refused whole)
    return [Path(url.toLocalFile()) for url in urls]


class FileDrop(QObject):
    """Takes drops on ``window`` (those its widgets do not take themselves: the editor
    keeps a dropped file's text). ``import_paths(paths)`` imports them; ``refusal()`` is
    why an import cannot run now ("" when it can), shown in the status bar."""

    def __init__(self, window: QWidget, import_paths: Callable[[list[Path]], object],
                 refusal: Callable[[], str], status: Callable[[str], None]) -> None:
        super().__init__(window)
        self._import_paths = import_paths
        self._refusal = refusal
        self._status = status
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, (QDragEnterEvent, QDragMoveEvent)):
            if dropped_paths(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = dropped_paths(event.mimeData())
            if not paths:
                event.ignore()
                return True
            event.acceptProposedAction()
            self.drop(paths)
            return True
        return super().eventFilter(watched, event)

    def drop(self, paths: list[Path]) -> None:
        refusal = self._refusal()
        if refusal:
            self._status(
                translate("FileDrop", "Nothing imported: {refusal}").format(refusal=refusal))
            return
        shown = paths[0].name if len(paths) == 1 else translate(
            "FileDrop", "{count} files and folders").format(count=len(paths))
        self._status(translate("FileDrop", "Importing {shown}…").format(shown=shown))
        self._import_paths(paths)
