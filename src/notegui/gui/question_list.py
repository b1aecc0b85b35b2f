"""The question list: a model over note ids whose rows are fetched lazily, in blocks, and
cached, so a library of a million notes costs a list of ints until rows are shown."""

from __future__ import annotations

import html
import re
import struct
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from notegui.core.domain import NoteRef
from notegui.gui.i18n import translate
from notegui.gui.item_delegate import PADDING, TwoLineDelegate, draw_title, row_height
from notegui.gui.plain_text import MAX_ROW_CHARS, MAX_TIP_CHARS, shortened

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
IS_STUB_ROLE = Qt.ItemDataRole.UserRole + 3
SNIPPET_LINES = 2  # lines of search snippet under a title

_BLOCK = 64  # rows fetched together when one is missing (about two screenfuls)
_CACHE_LIMIT = 20_000
_ID = struct.Struct("=q")  # an id as the array("q") of ids holds it

FetchRefs = Callable[[list[int]], dict[int, NoteRef]]
Index = QModelIndex | QPersistentModelIndex


# The roles data() answers. A view asks for about eight roles a row at every paint; the
# others (alignment, check state, decoration, background...) are answered first, cheaply.
_ROLES = frozenset(int(role) for role in (
    NOTE_ID_ROLE, SNIPPET_ROLE, IS_STUB_ROLE, Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole))


def _compact(ids: Iterable[int]) -> array[int]:
    """The ids as an array of 8-byte ints: the one given, not copied (8 MB a million
    notes; the list's arrays are never changed in place, only replaced)."""
    return ids if isinstance(ids, array) and ids.typecode == "q" else array("q", ids)


class NoteListModel(QAbstractListModel):
    def __init__(self, fetch_refs: FetchRefs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch_refs
        # Compact arrays, not lists of ints: a million notes cost 8 MB, not 36.
        self._ids = array("q")
        self._snippets: dict[int, str] = {}
        self._cache: OrderedDict[int, NoteRef] = OrderedDict()

    # -- content -----------------------------------------------------------------------

    def set_ids(self, ids: Iterable[int], snippets: dict[int, str] | None = None,
                refs: dict[int, NoteRef] | None = None) -> None:
        self.beginResetModel()
        self._ids = _compact(ids)
        self._snippets = snippets or {}
        for ref in (refs or {}).values():
            self._remember(ref)
        self.endResetModel()

    def extend(self, ids: Sequence[int]) -> None:
        """The whole list, when the rows shown are its beginning: the rest appended, the
        view keeping its place and selection; else set anew."""
        shown = len(self._ids)
        if len(ids) < shown or ids[:shown] != self._ids or self._snippets:
            self.set_ids(ids)
        elif len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = _compact(ids)  # (its first rows are those shown)
            self.endInsertRows()

    def ids(self) -> Sequence[int]:
        return self._ids

    def has_snippets(self) -> bool:
        return any(self._snippets.values())

    def snippet_at(self, row: int) -> str:
        return self._snippets.get(self._ids[row], "") if self._snippets else ""

    def forget_rows(self) -> None:
        """Drop every cached row (after a large write); the next paint fetches them."""
        self._cache.clear()

    def refresh(self, note_ids: set[int] | frozenset[int]) -> None:
        """Forget cached rows of changed notes and repaint what is on screen, in one step:
        only a cached row can be on screen (a row is fetched to be painted), and one
        dataChanged over every row makes the view repaint its visible rows only, which
        fetch again the ones forgotten. Nothing looks for the changed rows (500 of them
        found at 100,000 rows took half a second one by one, 10 ms in one pass)."""
        shown = [note_id for note_id in note_ids if self._cache.pop(note_id, None) is not None]
        if shown and self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def row_of(self, note_id: int) -> int | None:
        # The id's 8 bytes looked for in the array's own memory by the regular expression
        # engine's search for a literal (a row is where a match starts at a multiple of
        # 8): 6 ms for the last of a million rows, where array.index, which compares each
        # row as a Python int, took 44. No index to build or hold.
        needle = re.compile(re.escape(_ID.pack(note_id)))
        with memoryview(self._ids) as ids, ids.cast("B") as raw:
            found = needle.search(raw)
            while found is not None and found.start() % _ID.size:
                found = needle.search(raw, found.start() + 1)
            return None if found is None else found.start() // _ID.size

    def ref_at(self, row: int) -> NoteRef | None:
        if not 0 <= row < len(self._ids):
            return None
        note_id = self._ids[row]
        ref = self._cache.get(note_id)
        if ref is None:
            start = max(0, row - _BLOCK // 4)
            for fetched in self._fetch(list(self._ids[start : start + _BLOCK])).values():
                self._remember(fetched)
            ref = self._cache.get(note_id)
        return ref

    def _remember(self, ref: NoteRef) -> None:
        self._cache[ref.id] = ref
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.popitem(last=False)

    # -- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        if role == NOTE_ID_ROLE:
            return self._ids[index.row()]
        if role == SNIPPET_ROLE:
            return self._snippets.get(self._ids[index.row()], "")
        ref = self.ref_at(index.row())
        if ref is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ref.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_title(ref)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Escaped rich text (a bold title): never the note's own markup.
            place = (f" <i>({html.escape(shortened(ref.place, MAX_TIP_CHARS))})</i>"
                     if ref.place else "")
            return (f"<b>{html.escape(shortened(ref.title, MAX_TIP_CHARS))}</b>{place}<br>"
                    f"{html.escape(shortened(ref.summary, MAX_TIP_CHARS))}")
        if role == IS_STUB_ROLE:
            return ref.is_stub
        if role == Qt.ItemDataRole.ForegroundRole and ref.is_stub:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.FontRole and ref.is_stub:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def accessible_title(ref: NoteRef) -> str:
    """A row's title as a screen reader says it: with "(stub)", or where the note lives
    when another note has its title."""
    if ref.is_stub:
        return translate("QuestionList", "{title} (stub)").format(title=ref.title)
    return translate("QuestionList", "{title} (in {place})").format(
        title=ref.title, place=ref.place) if ref.place else ref.title


class QuestionRowDelegate(TwoLineDelegate):
    """Paints a row from its NoteRef and snippet, with a handful of calls. Through
    QStyledItemDelegate each row asked the model for eight roles, each a call into Python,
    and laid its title out as a text layout: a screenful cost 1.3 ms more, at every note
    opened from far down the list; a screenful of search results painted the same way
    took half the window's time at each keystroke, time the full search running beside
    it waited for."""

    def __init__(self, model: NoteListModel, parent: QWidget) -> None:
        super().__init__(SNIPPET_ROLE, parent, lines=SNIPPET_LINES)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.row()
        ref = self._model.ref_at(row)
        if ref is None:
            return
        snippet = self._model.snippet_at(row)
        state = option.state
        group = (QPalette.ColorGroup.Active if state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        palette = option.palette
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, palette.brush(group, QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(group, QPalette.ColorRole.HighlightedText))
        elif ref.is_stub:
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        else:
            painter.setPen(palette.color(group, QPalette.ColorRole.Text))
        metrics = option.fontMetrics
        if ref.is_stub:
            font = QFont(option.font)
            font.setItalic(True)
            painter.setFont(font)
            metrics = painter.fontMetrics()
        if snippet:  # the title on the first line, the snippet under it
            rect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
            title = QRect(rect.left(), rect.top(), rect.width(), metrics.lineSpacing())
        else:  # the title alone, centred in the row
            rect = title = option.rect.adjusted(PADDING + 2, 0, -PADDING, 0)
        dim = (palette.color(group, QPalette.ColorRole.HighlightedText) if selected
               else palette.color(group, QPalette.ColorRole.PlaceholderText))
        # (The place comes with the row's NoteRef: painting asks the library nothing.)
        draw_title(painter, title, metrics, shortened(ref.title, MAX_ROW_CHARS), ref.place,
                   dim)
        if ref.is_stub:
            painter.setFont(option.font)
        if snippet:
            painter.save()
            self.paint_second(painter, snippet, option.font, rect, dim)
            painter.restore()


class QuestionListView(QTableView):
    """The question list's view: a one-column table without headers or grid, not a
    QListView. Its rows all have one height, so the table places them by arithmetic, while
    a list view lays out every row: after a search was cleared it spent 170 ms laying out
    100,000 rows again (in batches that delayed the next keystroke's results), and at a
    million rows ten seconds after the start. Rows are one line tall, or three (title and
    two lines of snippet) while search results are shown."""

    def __init__(self, model: NoteListModel) -> None:
        super().__init__()
        self._notes = model  # (model() is typed as any model: this one is ours)
        self.setModel(model)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list, as in any list
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(translate("QuestionList", "Question list"))
        self.setItemDelegate(QuestionRowDelegate(model, self))
        model.modelReset.connect(self.fit_rows)
        self.fit_rows()

    def fit_rows(self) -> None:
        """One line a row, or three while search snippets are shown."""
        height = (row_height(self.font(), SNIPPET_LINES) if self._notes.has_snippets()
                  else self.fontMetrics().lineSpacing() + 6)
        self.verticalHeader().setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_rows()
