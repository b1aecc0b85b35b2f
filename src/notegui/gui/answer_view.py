"""The answer pane: a QTextBrowser that routes link clicks instead of following them, loads
nothing from outside, keeps zoom, and marks searched words."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QCursor, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip

NOTE_SCHEME = "note"


class AnswerView(QTextBrowser):
    noteRequested = Signal(int)
    externalLinkRequested = Signal(QUrl)
    statusMessage = Signal(str)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Answer")
        self.setAccessibleDescription("The selected note, rendered")
        self.anchorClicked.connect(self._route)
        self.highlighted.connect(self._hover)
        self._summaries: dict[int, str] = {}
        self._zoom = 0

    # -- content -----------------------------------------------------------------------

    def show_note(self, html: str, summaries: dict[int, str], scroll: int = 0) -> None:
        """Show rendered HTML; ``summaries`` are shown when hovering a citation."""
        self._summaries = summaries
        self.setHtml(html)
        self.verticalScrollBar().setValue(scroll)

    def scroll_position(self) -> int:
        return self.verticalScrollBar().value()

    def mark_words(self, words: list[str]) -> int:
        """Highlight every occurrence of the words; returns how many were found."""
        selections = []
        found_format = QTextCharFormat()
        found_format.setBackground(QColor(255, 214, 0, 150))
        for word in words:
            cursor = self.document().find(word, 0)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = found_format
                selections.append(selection)
                cursor = self.document().find(word, cursor, QTextDocument.FindFlag(0))
        self.setExtraSelections(selections)
        return len(selections)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        # The app never touches the network or the disk on a note's behalf.
        return None

    # -- zoom ----------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        steps = max(-8, min(20, steps))
        delta = steps - self._zoom
        if delta > 0:
            self.zoomIn(delta)
        elif delta < 0:
            self.zoomOut(-delta)
        self._zoom = steps

    def zoom(self) -> int:
        return self._zoom

    # -- links ---------------------------------------------------------------------------

    def _route(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == NOTE_SCHEME and url.path().isdigit():
            self.noteRequested.emit(int(url.path()))
        elif scheme in ("http", "https"):
            self.externalLinkRequested.emit(url)
        elif not scheme and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        else:
            self.statusMessage.emit(f"Link not followed: {url.toString()[:80]}")

    def _hover(self, url: QUrl) -> None:
        if url.scheme() == NOTE_SCHEME and url.path().isdigit():
            summary = self._summaries.get(int(url.path()))
            if summary:
                QToolTip.showText(QCursor.pos(), summary, self)
                return
        QToolTip.hideText()
