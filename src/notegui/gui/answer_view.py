"""The answer pane: a QTextBrowser that routes link clicks instead of following them, loads
nothing from outside, keeps zoom, marks searched words and shows annotations (highlights
painted over the text, never written into it; their comments on hover)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QCursor,
    QFont,
    QImage,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from notegui.core.anchoring import from_utf16, to_utf16
from notegui.core.domain import HIGHLIGHT_COLORS, Annotation
from notegui.core.render import MAX_NOTE_ID
from notegui.gui.i18n import translate
from notegui.gui.plain_text import InertBrowser, rich_tip
from notegui.gui.qt_typing import INT64
from notegui.gui.reading_measure import ReadingMeasure
from notegui.gui.swatches import swatch_color

NOTE_SCHEME = "note"
ATTACHMENT_SCHEME = "attachment"  # (render_syntax writes <img src="attachment:PATH">)
# An attachment's bytes by its path in the library (None: no such attachment).
Attachments = Callable[[str], bytes | None]
HIGHLIGHT_ALPHA = 120  # see-through, so selected and searched words still show


def note_id_of(url: QUrl) -> int | None:
    """The note a ``note:ID`` link leads to, or None (not such a link, or an id no note
    can have: a 64-bit SQLite integer, 1 or more)."""
    path = url.path()
    if url.scheme().lower() != NOTE_SCHEME or not (path.isascii() and path.isdigit()):
        return None
    note_id = int(path)
    return note_id if 1 <= note_id <= MAX_NOTE_ID else None


class AttachmentBrowser(InertBrowser):
    """An InertBrowser that shows one thing more: the images of a vault note, from the
    library's attachments (``<img src="attachment:PATH">``), scaled to the pane's width.
    Nothing else is ever loaded: no file, no web address, no other scheme."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attachments: Attachments | None = None

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url) if isinstance(url, str) else url
        if (getattr(kind, "value", kind) != QTextDocument.ResourceType.ImageResource.value
                or self.attachments is None
                or url.scheme().lower() != ATTACHMENT_SCHEME):
            return None
        data = self.attachments(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
        if not data:
            return None
        image = QImage.fromData(data)
        if image.isNull():
            return None
        width = max(64, self.viewport().width() - 32)
        if image.width() > width:
            image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        return image


class AnswerView(AttachmentBrowser):
    # Ids are 64-bit (SQLite integers): Signal(int) is 32-bit and raised OverflowError for
    # a link to note:2147483648.
    noteRequested = Signal(INT64)
    # A note:ID#anchor link: open that note at that heading (or block)
    noteAnchorRequested = Signal(INT64, str)
    # A web link as written in the note (a QUrl of "http://a b" is invalid and empty).
    externalLinkRequested = Signal(str)
    tagRequested = Signal(str)  # a tag: link (#tag in a note): show the notes with that tag
    statusMessage = Signal(str)
    highlightRequested = Signal(str)  # colour: annotate the selection
    commentRequested = Signal()  # comment on the selection (or the annotation under it)
    annotationClicked = Signal(INT64)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(translate("AnswerView", "Answer"))
        self.setAccessibleDescription(translate("AnswerView", "The selected note, rendered"))
        self.anchorClicked.connect(self._route)
        self.highlighted.connect(self._hover)
        self._summaries: dict[int, str] = {}
        self._zoom = 0
        self._system_font = QFont(self.font())  # (before any zoom or setting)
        self.base_font = QFont(self._system_font)  # the settings' font, before the zoom
        self._marks: list[QTextEdit.ExtraSelection] = []
        self._marked: tuple[str, ...] | None = None  # the words of _marks, in this text
        self._highlights: list[QTextEdit.ExtraSelection] = []
        self.annotations: list[Annotation] = []  # shown now, anchored in this text
        self._plain: tuple[int, str] = (-1, "")  # (document revision, its plain text)
        self._clicked_href = ""  # the link under the mouse when it was released
        self.setMouseTracking(True)
        self.measure = ReadingMeasure(self)  # lines of about 80 characters, centred

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
                colours = menu.addMenu(translate("AnswerView", "&Highlight"))
                for colour in HIGHLIGHT_COLORS:
                    colours.addAction(colour.capitalize()).triggered.connect(
                        lambda _=False, c=colour: self.highlightRequested.emit(c))
            menu.addAction(translate("AnswerView", "&Comment…")).triggered.connect(
                lambda _=False: self.commentRequested.emit())
            if under is not None:
                menu.addAction(translate("AnswerView", "Show &Annotation")).triggered.connect(
                    lambda _=False, a=under.id: self.annotationClicked.emit(a))
        menu.exec(event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        under = self.annotation_at(event.position().toPoint())
        if under is not None and under.comment:
            QToolTip.showText(event.globalPosition().toPoint(), rich_tip("", under.comment),
                             self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # anchorClicked (emitted inside) carries a QUrl; the href as written is kept here.
        self._clicked_href = self.anchorAt(event.position().toPoint())
        try:
            super().mouseReleaseEvent(event)
        finally:
            self._clicked_href = ""
        if not self.textCursor().hasSelection():
            under = self.annotation_at(event.position().toPoint())
            if under is not None:
                self.annotationClicked.emit(under.id)

    # -- zoom ----------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        steps = max(-8, min(20, steps))
        delta = steps - self._zoom
        if delta > 0:
            self.zoomIn(delta)
        elif delta < 0:
            self.zoomOut(-delta)
        self._zoom = steps

    def set_base_font(self, family: str, size: int) -> None:
        """The answer's letters (File ▸ Settings…): ``family`` ('' the system's) at
        ``size`` points (0 the system's), and View ▸ Zoom's steps on top of them."""
        font = QFont(self._system_font)
        if family:
            font.setFamily(family)
        if size > 0:
            font.setPointSize(size)
        self.base_font = QFont(font)
        zoom, self._zoom = self._zoom, 0
        self.setFont(font)
        self.set_zoom(zoom)

    def zoom(self) -> int:
        return self._zoom

    # -- links ---------------------------------------------------------------------------

    def _written_href(self, url: QUrl) -> str:
        """The link's target as the note wrote it: from the click, or (a link activated
        with the keyboard) from the text cursor, else as Qt read it."""
        href = self._clicked_href or self.textCursor().charFormat().anchorHref()
        if href and QUrl(href) == url:
            return href
        return url.toString() or url.errorString()

    def _route(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        note_id = note_id_of(url)
        if note_id is not None and url.hasFragment():
            self.noteAnchorRequested.emit(note_id, url.fragment())
        elif note_id is not None:
            self.noteRequested.emit(note_id)
        elif scheme in ("http", "https") or (not url.isValid() and (
                self._written_href(url).lower().startswith(("http:", "https:")))):
            self.externalLinkRequested.emit(self._written_href(url))
        elif scheme == "tag" and url.path():
            self.tagRequested.emit(url.path())  # a #tag in the note: the tag filter
        elif not scheme and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        else:
            self.statusMessage.emit(translate("AnswerView", "Link not followed: {url}").format(
                url=self._written_href(url)[:80]))

    def _hover(self, url: QUrl) -> None:
        note_id = note_id_of(url)
        if note_id is not None:
            summary = self._summaries.get(note_id)
            if summary:
                QToolTip.showText(QCursor.pos(), rich_tip("", summary), self)
                return
        QToolTip.hideText()
