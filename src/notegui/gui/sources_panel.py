"""The linked-sources sidebar: what the note cites, in citation order, with the summary
line each citation gave; then the notes that cite it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from notegui.core.domain import Backlink, SourceLink
from notegui.gui.annotation_list import AnnotationList
from notegui.gui.i18n import translate
from notegui.gui.item_delegate import TwoLineDelegate
from notegui.gui.plain_text import MAX_ROW_CHARS, rich_tip, shortened
from notegui.gui.qt_typing import INT64
from notegui.gui.sidebar_section import SidebarSections
from notegui.gui.tag_editor import TagEditor

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 10
NOTE_ROLE = Qt.ItemDataRole.UserRole + 11
PLACE_ROLE = Qt.ItemDataRole.UserRole + 12  # where the note lives, when its title is shared
SUMMARY_LINES = 2  # (three when the title takes one line)
LinkRow = tuple[int, str, str, bool, str]  # note id, title, summary, is stub, place


class LinkList(QListWidget):
    noteRequested = Signal(INT64)  # note ids are 64-bit

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        # Each entry the title (on two lines when long, never elided) and at most
        # SUMMARY_LINES lines of its summary (the whole one in its tooltip), all of one
        # height: the list then lays out one entry, not each one's wrapped text, at every
        # note opened (1.8 ms less for the two lists).
        self.setItemDelegate(TwoLineDelegate(SUMMARY_ROLE, self, lines=SUMMARY_LINES,
                                             uniform=True, place_role=PLACE_ROLE,
                                             title_lines=2))
        self.setUniformItemSizes(True)
        self._shown: tuple[list[LinkRow], int] = ([], 0)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)

    def fill(self, rows: list[LinkRow]) -> None:
        """Rows of (note id, title, summary, is stub, place): the place (where the note
        lives, "" when its title is its own) shown dimmed after the title."""
        # The application's palette: a theme change reaches this widget's own palette only
        # later, after the window has shown the note again.
        grey = QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        shown = (list(rows), grey.color().rgba())  # a stub's grey follows the theme
        if shown == self._shown:
            return  # unchanged (an empty list stays empty): no relayout, no repaint
        self._shown = shown
        self.clear()
        for note_id, title, summary, is_stub, place in rows:
            # What a row can show, not a megabyte: Qt copies the text at every paint.
            item = QListWidgetItem(shortened(title, MAX_ROW_CHARS)
                                   + (translate("SourcesPanel", " (stub)") if is_stub else ""))
            item.setData(NOTE_ROLE, note_id)
            item.setData(SUMMARY_ROLE, shortened(summary, MAX_ROW_CHARS))
            item.setData(PLACE_ROLE, place)  # (every row answers it, "" or not)
            if place:
                item.setData(Qt.ItemDataRole.AccessibleTextRole, translate(
                    "SourcesPanel", "{title} (in {place})").format(title=title, place=place))
            item.setToolTip(rich_tip(translate("SourcesPanel", "{title} ({place})").format(
                title=title, place=place) if place else title, summary))
            if is_stub:
                font = QFont(self.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(grey)
            self.addItem(item)

    def titles(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def places(self) -> list[str]:
        """Each row's place ("" when its title is its own), as painted after the title."""
        return [self.item(row).data(PLACE_ROLE) for row in range(self.count())]

    def _open(self, item: QListWidgetItem) -> None:
        self.noteRequested.emit(item.data(NOTE_ROLE))


class SourcesPanel(QWidget):
    """The tags, then the sections (``sections``: Sources, Cited by, Annotations, and any a
    caller adds), each sized to its content and collapsible (sidebar_section.py)."""

    noteRequested = Signal(INT64)  # note ids are 64-bit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("SourcesPanel", "Linked sources"))
        self.sources = LinkList(translate("SourcesPanel", "Sources: the notes this one cites"))
        self.cited_by = LinkList(
            translate("SourcesPanel", "Cited by: the notes that cite this one"))
        self.annotations = AnnotationList()
        self.tags = TagEditor()
        self.sections = SidebarSections()
        self.sources_label = self.sections.add("sources", translate("SourcesPanel", "&Sources"),
                                               self.sources).header
        self.cited_label = self.sections.add("cited_by", translate("SourcesPanel", "Cite&d by"),
                                             self.cited_by).header
        self.annotations_label = self.sections.add(
            "annotations", translate("SourcesPanel", "Anno&tations"), self.annotations).header
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.addWidget(self.tags)
        self.layout_.addWidget(self.sections, 1)
        for links in (self.sources, self.cited_by):
            links.noteRequested.connect(self.noteRequested)

    def show_links(self, sources: list[SourceLink], backlinks: list[Backlink]) -> None:
        self.sources.fill([(s.target.id, s.target.title, s.summary or s.target.summary,
                            s.target.is_stub, s.target.place) for s in sources])
        self.cited_by.fill([
            (b.source.id, b.source.title,
             b.source.summary or (translate("SourcesPanel", "Cites this note as: {summary}").format(
                 summary=b.summary) if b.summary else ""),
             b.source.is_stub, b.source.place)
            for b in backlinks
        ])
