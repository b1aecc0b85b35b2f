"""The answer pane: a QTextBrowser that routes link clicks instead of following them, loads
nothing from outside, keeps zoom, marks searched words and shows annotations (highlights
painted over the text, never written into it; their comments on hover)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QCursor,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip

from notegui.core.anchoring import from_utf16, to_utf16
from notegui.core.domain import HIGHLIGHT_COLORS, Annotation
from notegui.gui.swatches import swatch_color

NOTE_SCHEME = "note"
HIGHLIGHT_ALPHA = 120  # see-through, so selected and searched words still show


class AnswerView(QTextBrowser):
    noteRequested = Signal(int)
    externalLinkRequested = Signal(QUrl)
    statusMessage = Signal(str)
    highlightRequested = Signal(str)  # colour: annotate the selection
    commentRequested = Signal()  # comment on the selection (or the annotation under it)
    annotationClicked = Signal(int)

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
        self._marks: list[QTextEdit.ExtraSelection] = []
        self._marked: tuple[str, ...] | None = None  # the words of _marks, in this text
        self._highlights: list[QTextEdit.ExtraSelection] = []
        self.annotations: list[Annotation] = []  # shown now, anchored in this text
        self._plain: tuple[int, str] = (-1, "")  # (document revision, its plain text)
        self.setMouseTracking(True)

    # -- content -----------------------------------------------------------------------

    def show_note(self, html: str, summaries: dict[int, str], scroll: int = 0) -> None:
        """Show rendered HTML; ``summaries`` are shown when hovering a citation."""
        self._summaries = summaries
        self.setHtml(html)
        self.verticalScrollBar().setValue(scroll)

    def setHtml(self, html: str) -> None:
        self._marked = None
        super().setHtml(html)

    def scroll_position(self) -> int:
        return self.verticalScrollBar().value()

    def mark_words(self, words: list[str]) -> int:
        """Highlight every occurrence of the words; returns how many were found."""
        if tuple(words) == self._marked:
            # The same words again (a search's full results after its quick ones): each
            # word searched through the whole note, and the note repainted, for nothing.
            return len(self._marks)
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
        self._marks, self._marked = selections, tuple(words)
        self._paint_selections()
        return len(selections)

    # -- annotations -----------------------------------------------------------------------

    def plain_text(self) -> str:
        """The rendered text that annotation offsets count in, in code points (Qt counts a
        character beyond U+FFFF, an emoji, as two positions: see _to_qt / _from_qt)."""
        revision = self.document().revision()
        if self._plain[0] != revision:
            self._plain = (revision, self.document().toPlainText())
        return self._plain[1]

    def _to_qt(self, index: int) -> int:
        text = self.plain_text()
        return index if text.isascii() else to_utf16(text, index)

    def _from_qt(self, position: int) -> int:
        return from_utf16(self.plain_text(), position)

    def cursor_offset(self) -> int:
        """Where the text cursor is, as a code point offset into ``plain_text()``."""
        return self._from_qt(self.textCursor().position())

    def selection_span(self) -> tuple[int, int] | None:
        """The selection, as code point offsets into ``plain_text()``."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._from_qt(cursor.selectionStart()), self._from_qt(cursor.selectionEnd())

    def show_annotations(self, annotations: list[Annotation]) -> None:
        """Paint the (attached) annotations over the text."""
        self.annotations = [a for a in annotations if not a.detached]
        length = self.document().characterCount() - 1
        self._highlights = []
        for annotation in self.annotations:
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(self._to_qt(annotation.start), length))
            cursor.setPosition(min(self._to_qt(annotation.end), length),
                               QTextCursor.MoveMode.KeepAnchor)
            look = QTextCharFormat()
            color = QColor(swatch_color(annotation.color))
            color.setAlpha(HIGHLIGHT_ALPHA)
            look.setBackground(color)
            if annotation.comment:
                look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                look.setUnderlineColor(swatch_color(annotation.color).darker(160))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = look
            self._highlights.append(selection)
        self._paint_selections()

    def select_span(self, start: int, end: int) -> None:
        """Select (and scroll to) a span of code points: where an annotation is."""
        cursor = QTextCursor(self.document())
        length = self.document().characterCount() - 1
        cursor.setPosition(min(self._to_qt(start), length))
        cursor.setPosition(min(self._to_qt(end), length), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def annotation_at(self, point: QPoint) -> Annotation | None:
        position = self._from_qt(self.cursorForPosition(point).position())
        for annotation in self.annotations:
            if annotation.start <= position < annotation.end:
                return annotation
        return None

    def _paint_selections(self) -> None:
        self.setExtraSelections(self._highlights + self._marks)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        under = self.annotation_at(event.pos())
        if self.textCursor().hasSelection() or under is not None:
            menu.addSeparator()
            if self.textCursor().hasSelection():
                colours = menu.addMenu("&Highlight")
                for colour in HIGHLIGHT_COLORS:
                    colours.addAction(colour.capitalize()).triggered.connect(
                        lambda _=False, c=colour: self.highlightRequested.emit(c))
            menu.addAction("&Comment…").triggered.connect(
                lambda _=False: self.commentRequested.emit())
            if under is not None:
                menu.addAction("Show &Annotation").triggered.connect(
                    lambda _=False, a=under.id: self.annotationClicked.emit(a))
        menu.exec(event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        under = self.annotation_at(event.position().toPoint())
        if under is not None and under.comment:
            QToolTip.showText(event.globalPosition().toPoint(), under.comment, self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            under = self.annotation_at(event.position().toPoint())
            if under is not None:
                self.annotationClicked.emit(under.id)

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
