"""A note's history: its earlier versions, newest first, each shown as a coloured line diff
against the current text, with a way to bring one back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from notegui.core.domain import Note, Revision
from notegui.core.revision_diff import DiffLine, FieldDiff, note_diff
from notegui.gui.i18n import translate
from notegui.gui.item_delegate import TwoLineDelegate
from notegui.gui.local_time import shown
from notegui.gui.plain_text import tip
from notegui.gui.qt_typing import INT64
from notegui.gui.theme import blend, dress
from notegui.gui.window_title import at_word

REVISION_ROLE = Qt.ItemDataRole.UserRole + 20
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 21
MINUS = "\N{MINUS SIGN}"  # the mark of a removed line

def local_time(stamp: str) -> str:
    """An ISO time stamp (``2026-11-27T13:03:00Z``) as local time in the locale's format, to
    the second (a naive stamp is taken as local already); anything that does not parse is
    shown as it is."""
    return shown(stamp, naive_is_utc=False)


def reason_text(reason: str) -> str:
    reasons = {"save": translate("HistoryDialog", "Replaced by a save"),
               "import": translate("HistoryDialog", "Replaced by an import"),
               "rename": translate("HistoryDialog", "Replaced by a rename"),
               "restore": translate("HistoryDialog", "Replaced by a restore")}
    if reason in reasons:
        return reasons[reason]
    return (translate("HistoryDialog", "Replaced ({reason})").format(reason=reason) if reason
            else translate("HistoryDialog", "Replaced"))


@dataclass(frozen=True)
class DiffColors:
    removed: QColor
    removed_words: QColor
    added: QColor
    added_words: QColor
    dim: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> DiffColors:
        """Backgrounds tinted from the palette's base, so text stays readable in both
        light and dark themes."""
        base = palette.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        light_tint, strong_tint = (0.28, 0.55) if dark else (0.16, 0.38)
        red, green = QColor(229, 57, 53), QColor(46, 175, 80)
        return cls(
            removed=blend(base, red, light_tint),
            removed_words=blend(base, red, strong_tint),
            added=blend(base, green, light_tint),
            added_words=blend(base, green, strong_tint),
            dim=palette.color(QPalette.ColorRole.PlaceholderText),
        )


class DiffView(QTextEdit):
    """A read-only, wrapped, monospace diff: a removed line (marked with a minus sign) on
    red, an added one (+) on green, the words that changed within a line on a stronger
    tint."""

    _MARKS: ClassVar[dict[str, str]] = {" ": "  ", "-": f"{MINUS} ", "+": "+ ", "…": "  "}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName(
            translate("HistoryDialog", "Changes from the selected version to the current text"))
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._mono.setPointSizeF(self.font().pointSizeF())
        self._shown: tuple[Sequence[FieldDiff], Sequence[str]] | None = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.show_diff(*self._shown)  # the tints follow the theme

    def show_message(self, text: str) -> None:
        self._shown = None
        self.document().clear()
        cursor = QTextCursor(self.document())
        fmt = QTextCharFormat()
        fmt.setForeground(DiffColors.from_palette(self.palette()).dim)
        cursor.insertText(text, fmt)

    def show_diff(self, fields: Sequence[FieldDiff], unchanged: Sequence[str]) -> None:
        self._shown = (fields, unchanged)
        colors = DiffColors.from_palette(self.palette())
        self.document().clear()
        cursor = QTextCursor(self.document())
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        first = True
        for field in fields:
            block = QTextBlockFormat()
            block.setTopMargin(0 if first else 10)
            block.setBottomMargin(2)
            if not first:
                cursor.insertBlock(block, heading)
            else:
                cursor.setBlockFormat(block)
                cursor.setCharFormat(heading)
            cursor.insertText(field.name)
            first = False
            for line in field.lines:
                self._insert_line(cursor, line, colors)
        if unchanged:
            note = QTextCharFormat()
            note.setForeground(colors.dim)
            block = QTextBlockFormat()
            block.setTopMargin(12)
            cursor.insertBlock(block, note)
            cursor.insertText("Unchanged: " + ", ".join(name.lower() for name in unchanged))
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _insert_line(self, cursor: QTextCursor, line: DiffLine, colors: DiffColors) -> None:
        indent = QFontMetricsF(self._mono).horizontalAdvance("+ ")
        block = QTextBlockFormat()
        block.setLeftMargin(indent)
        block.setTextIndent(-indent)  # wrapped lines hang under the text, not the mark
        background = {"-": colors.removed, "+": colors.added}.get(line.kind)
        if background is not None:
            block.setBackground(background)
        plain = QTextCharFormat()
        plain.setFont(self._mono)
        if line.kind == "…":
            plain.setForeground(colors.dim)
        cursor.insertBlock(block, plain)
        cursor.insertText(self._MARKS[line.kind] + (line.text if line.kind != "…" else "⋯"))
        if not line.changed:
            return
        strong = QTextCharFormat()
        strong.setBackground(colors.removed_words if line.kind == "-" else colors.added_words)
        start = cursor.block().position() + 2
        for begin, end in line.changed:
            if line.text[begin:end].strip():
                marked = QTextCursor(cursor.document())
                marked.setPosition(start + begin)
                marked.setPosition(start + end, QTextCursor.MoveMode.KeepAnchor)
                marked.mergeCharFormat(strong)


class HistoryDialog(QDialog):
    """Earlier versions of one note, newest first; the selected one diffed against the
    current text. "Restore this version" (a click or Alt+R; Enter does not) emits
    ``restoreRequested(revision_id)`` and accepts the dialog."""

    restoreRequested = Signal(INT64)  # revision ids are 64-bit

    def __init__(self, note: Note, revisions: Sequence[Revision],
                 sources: Sequence[tuple[str, str | None]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note = note
        self._sources = sources
        self.setWindowTitle(
            translate("HistoryDialog", "History — {title}").format(title=at_word(note.title)))
        self.setAccessibleName(translate("HistoryDialog", "Note history"))
        self.resize(960, 600)

        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("HistoryDialog", "Earlier versions, newest first"))
        self.list.setItemDelegate(TwoLineDelegate(DETAIL_ROLE, self.list, lines=2))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.diff = DiffView(self)
        self.legend = QLabel(translate(
            "HistoryDialog",
            "Lines marked {minus} are only in the selected version, lines marked + only in the "
            "current text.").format(minus=MINUS), self)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(translate("HistoryDialog", "What the colours mean"))
        empty = translate("HistoryDialog", "No earlier versions of this note yet.")
        self.empty = QLabel(empty + "\n\n" + translate(
            "HistoryDialog", "A version is kept each time the note is saved, imported over, "
            "renamed or restored."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName(empty)
        self.restore_button = QPushButton(translate("HistoryDialog", "&Restore this version"), self)
        self.restore_button.setAccessibleName(translate("HistoryDialog", "Restore this version"))
        self.restore_button.setToolTip(
            translate("HistoryDialog",
                      "Make this version the current text (the current text is kept as a version)"))
        self.close_button = QPushButton(translate("HistoryDialog", "Close"), self)
        self.close_button.setAccessibleName(translate("HistoryDialog", "Close"))
        for button in (self.restore_button, self.close_button):
            button.setAutoDefault(False)  # Enter must never restore by accident
            button.setDefault(False)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._versions_page())
        self.pages.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(self._show_selected)
        self.restore_button.clicked.connect(self._restore)
        self.close_button.clicked.connect(self.reject)
        self._fill(revisions)
        dress(self)

    def _versions_page(self) -> QWidget:
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.legend)
        right_layout.addWidget(self.diff, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        splitter.setChildrenCollapsible(False)
        return splitter

    def _fill(self, revisions: Sequence[Revision]) -> None:
        for revision in reversed(revisions):
            item = QListWidgetItem(local_time(revision.replaced))
            detail = reason_text(revision.reason)
            if revision.title != self._note.title:
                detail += translate("HistoryDialog", " · was “{title}”").format(
                    title=revision.title)
            item.setData(REVISION_ROLE, revision)
            item.setData(DETAIL_ROLE, detail)
            item.setToolTip(tip(f"This text was saved {local_time(revision.saved)}; "
                                f"{reason_text(revision.reason).lower()} "
                                f"{local_time(revision.replaced)}."))
            self.list.addItem(item)
        if revisions:
            self.pages.setCurrentIndex(0)
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            self.pages.setCurrentIndex(1)
            self.restore_button.setEnabled(False)
            self.restore_button.hide()

    def selected_revision(self) -> Revision | None:
        item = self.list.currentItem()
        return item.data(REVISION_ROLE) if item is not None else None

    def _show_selected(self, item: QListWidgetItem | None) -> None:
        revision = item.data(REVISION_ROLE) if item is not None else None
        if revision is None:
            self.restore_button.setEnabled(False)
            self.diff.show_message(
                translate("HistoryDialog", "Select a version to see how it differs."))
            return
        fields = note_diff(revision, self._note, self._sources)
        if not fields:
            if self._sources is not None:
                self.diff.show_message(
                    translate("HistoryDialog", "This version is the same as the current text."))
                self.restore_button.setEnabled(False)
            else:  # its Sources lines may still differ: restoring stays possible
                self.diff.show_message(translate("HistoryDialog",
                                                 "This version's text is the same as the current "
                                                 "text (Sources lines not compared)."))
                self.restore_button.setEnabled(True)
            return
        changed = {field.name for field in fields}
        names = [translate("HistoryDialog", "Title"), translate("HistoryDialog", "Description"),
                 translate("HistoryDialog", "Summary"), translate("HistoryDialog", "Body")]
        if self._sources is not None:
            names.append(translate("HistoryDialog", "Sources"))
        self.diff.show_diff(fields, [name for name in names if name not in changed])
        self.restore_button.setEnabled(True)

    def _restore(self) -> None:
        revision = self.selected_revision()
        if revision is None or not self.restore_button.isEnabled():
            return
        self.restoreRequested.emit(revision.id)
        self.accept()
