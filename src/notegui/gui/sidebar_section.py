"""The sidebar's sections: each a header that collapses it and a body sized to its content.

    sections = SidebarSections()
    section = sections.add("outline", "O&utline", view)   # one call adds a section

``add(key, title, body)`` puts ``body`` under a header reading ``title (N)`` and returns the
``Section``. When ``body`` is an item view (a QListWidget, QTreeView…) the section follows
its model by itself: the count in the header (a tree's top-level rows), the body hidden
while it has no rows (an empty section is just its header), its height that of the rows
it shows (up to what the sidebar has room for; a view with more rows scrolls). For another
widget, call ``section.set_count(n)`` (or ``None`` for no count) and ``section.refit()``
when its content changes size.

A click, Space or Enter on a header collapses or expands its section; Alt and the title's
mnemonic letter expands it and puts the focus in it. ``collapsed()`` is the keys of the
collapsed sections (the window keeps them in its settings) and ``restore(keys)`` collapses
them again, including sections added after it is called. ``toggled(key, collapsed)`` is
emitted after each change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QLayout,
    QSizePolicy,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from notegui.gui.i18n import translate

_ROWS_MEASURED = 40  # a long view's rows past these are taken to be as tall as these
_MIN_ROWS = 3  # a squeezed section still shows this many rows (or all it has)



def _tree_height(view: QTreeView, rows: int) -> int:
    """The height of the first ``rows`` rows a tree shows (its expanded children too),
    and of its header when it shows one."""
    model = view.model()
    index = model.index(0, 0, view.rootIndex()) if model is not None else QModelIndex()
    height, seen = 0, 0
    while index.isValid() and seen < min(rows, _ROWS_MEASURED):
        height += view.sizeHintForIndex(index).height()
        seen += 1
        index = view.indexBelow(index)
    if index.isValid() and seen and rows > seen:  # (more rows: as tall as these, about)
        more = 0
        while index.isValid() and seen + more < min(rows, 10_000):
            more += 1
            index = view.indexBelow(index)
        height += height * more // seen
    header = view.header()
    return height + (header.sizeHint().height() if not view.isHeaderHidden() else 0)


def _rows_height(view: QAbstractItemView, rows: int) -> int:
    """The height of the first ``rows`` top-level rows of ``view`` (the rest estimated
    from the ones measured: a delegate that lays out text costs per row)."""
    if isinstance(view, QTreeView):
        return _tree_height(view, rows)
    model = view.model()
    total = model.rowCount(view.rootIndex()) if model is not None else 0
    rows = min(rows, total)
    if rows <= 0:
        return 0
    measured = min(rows, _ROWS_MEASURED)
    first = view.sizeHintForRow(0)
    if getattr(view, "uniformItemSizes", lambda: False)():
        height = first * measured
    else:
        height = first + sum(view.sizeHintForRow(row) for row in range(1, measured))
    return height if measured == rows else height * rows // measured


class SectionHeader(QToolButton):
    """A section's header: an arrow and its title; clicking it (or Space) collapses or
    expands the section. Its mnemonic (Alt+letter) expands it and focuses the body."""

    mnemonicActivated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # (not checkable: Fusion would draw an open section's header pressed in)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setArrowType(Qt.ArrowType.DownArrow)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        bold = QFont(self.font())
        bold.setBold(True)
        self.setFont(bold)

    def event(self, event: QEvent) -> bool:
        # Alt+letter: go to the section (as a label's buddy did), not toggle it.
        if event.type() == QEvent.Type.Shortcut:
            self.mnemonicActivated.emit()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)


class Section(QWidget):
    """One section: ``header`` and ``body``. See the module's docstring."""

    toggled = Signal(bool)  # collapsed

    def __init__(self, key: str, title: str, body: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.title = title
        self.body = body
        self._count: int | None = None
        self._collapsed = False
        self._hide_pending = False
        self._heights: dict[tuple[int, int], int] = {}  # (rows, body width) -> height
        self.header = SectionHeader(self)
        self.header.setText(title)
        plain = title.replace("&&", "\0").replace("&", "").replace("\0", "&")
        self.header.setAccessibleName(plain)
        self.setAccessibleName(translate("SidebarSection", "{plain} section").format(plain=plain))
        layout = QVBoxLayout(self)
        # (no constraint: the section's least height is its minimumSizeHint, a few rows)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(body, 1)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.header.clicked.connect(lambda: self.set_collapsed(not self._collapsed))
        self.header.setAccessibleDescription(translate("SidebarSection", "Expanded"))
        self.header.mnemonicActivated.connect(self._go_to)
        self._view = body if isinstance(body, QAbstractItemView) else None
        if self._view is not None:
            self._follow_model()
            self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # -- state ------------------------------------------------------------------------

    def is_collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed == self._collapsed:
            return
        self._collapsed = collapsed
        self.header.setArrowType(Qt.ArrowType.RightArrow if collapsed
                                 else Qt.ArrowType.DownArrow)
        self.header.setAccessibleDescription(translate(
            "SidebarSection",
            "Collapsed") if collapsed else translate("SidebarSection", "Expanded"))
        self._show_body()
        self.toggled.emit(collapsed)

    def count(self) -> int | None:
        return self._count

    def set_count(self, count: int | None) -> None:
        """The number in the header (None: none shown); 0 hides the body (once the events
        of the moment are handled: a view refilled, emptied then filled again, is not
        hidden in between, which would take the focus out of it)."""
        if count == self._count:
            return
        self._count = count
        self.header.setText(self.title if count is None else translate(
            "SidebarSection", "{title} ({count})").format(title=self.title, count=count))
        if count == 0 and not self.body.isHidden():
            if not self._hide_pending:
                self._hide_pending = True
                QTimer.singleShot(0, self, self._hide_if_empty)
        else:
            self._show_body()

    def refit(self) -> None:
        """The body's content changed size: the sidebar lays the sections out again."""
        self._heights.clear()
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.refit()  # (its rows' heights follow the font)
        super().changeEvent(event)

    # -- sizes ------------------------------------------------------------------------

    def _body_height(self, rows: int) -> int:
        """What the body needs for ``rows`` of its rows, until the next refit (a layout
        asks each section's sizes several times, each a delegate's measure of a row)."""
        key = (rows, self.body.width())
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = self._measured_height(rows)
        return height

    def _measured_height(self, rows: int) -> int:
        """What the body needs for ``rows`` of its rows (all of it, for another widget)."""
        if self._view is None:
            return max(0, self.body.sizeHint().height())
        frame = 2 * self._view.frameWidth() if isinstance(self._view, QAbstractScrollArea) else 0
        margins = self._view.contentsMargins()
        return _rows_height(self._view, rows) + frame + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        width = self.header.sizeHint().width()
        height = self.header.sizeHint().height()
        if not self.body.isHidden():
            height += self._body_height(1 << 30)
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        width = self.header.minimumSizeHint().width()
        height = self.header.sizeHint().height()
        if not self.body.isHidden():
            height += (self._body_height(_MIN_ROWS) if self._view is not None
                       else self.body.minimumSizeHint().height())
        return QSize(width, height)

    # -- inside -----------------------------------------------------------------------

    def _follow_model(self) -> None:
        assert self._view is not None
        model = self._view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset,
                       model.layoutChanged):
            signal.connect(self._model_changed)
        if isinstance(self._view, QTreeView):  # (a branch opened or closed: its height)
            self._view.expanded.connect(self.refit)
            self._view.collapsed.connect(self.refit)
        self._model_changed()

    def _model_changed(self, *_args: object) -> None:
        assert self._view is not None
        self.set_count(self._view.model().rowCount(self._view.rootIndex()))
        self.refit()

    def _hide_if_empty(self) -> None:
        self._hide_pending = False
        self._show_body()

    def _show_body(self) -> None:
        self.body.setHidden(self.is_collapsed() or self._count == 0)
        self.refit()

    def _go_to(self) -> None:
        self.set_collapsed(False)
        if self.body.isHidden():
            self.header.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.body.setFocus(Qt.FocusReason.ShortcutFocusReason)


class SidebarSections(QWidget):
    """Sections one under the other, each as tall as its content; the room left over stays
    below the last one. See the module's docstring."""

    toggled = Signal(str, bool)  # key, collapsed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections: dict[str, Section] = {}
        self._restored: set[str] = set()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addStretch(1)  # (the room the sections leave)

    def add(self, key: str, title: str, body: QWidget,
            on_toggle: Callable[[bool], object] | None = None) -> Section:
        """A section under the others: ``title`` (with an ``&`` before its mnemonic letter)
        over ``body``; ``key`` names it in the settings. Collapsed when ``restore`` was
        given its key."""
        if key in self._sections:
            raise ValueError(f"a sidebar section named {key!r} is there already")
        section = Section(key, title, body, self)
        section.set_collapsed(key in self._restored)
        section.toggled.connect(lambda collapsed: self.toggled.emit(key, collapsed))
        if on_toggle is not None:
            section.toggled.connect(on_toggle)
        self._layout.insertWidget(self._layout.count() - 1, section)
        self._sections[key] = section
        return section

    def section(self, key: str) -> Section:
        return self._sections[key]

    def sections(self) -> list[Section]:
        return list(self._sections.values())

    def collapsed(self) -> list[str]:
        """The keys of the collapsed sections, in order (for the settings)."""
        return [key for key, section in self._sections.items() if section.is_collapsed()]

    def restore(self, collapsed: Iterable[str]) -> None:
        """Collapse the sections named (and those added later with these keys); expand
        the others."""
        self._restored = set(collapsed)
        for key, section in self._sections.items():
            section.set_collapsed(key in self._restored)

