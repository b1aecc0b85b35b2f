"""The window's three panes side by side, the answer first in line for width.

When the window narrows, the list and the sidebar give way first, down to their least
widths, then fold away (the sidebar first, then the list), so that the answer keeps a
readable width; when it widens again they come back to the widths the reader gave them
(dragging a handle, or the last session's). ``fit_widths`` is the rule, on numbers only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

LIST_LEAST = 200  # px: a list narrower than this shows too little of each title
SIDEBAR_LEAST = 220
ANSWER_LEAST_CHARS = 60  # the answer keeps room for about this many characters a line


def fit_widths(total: int, preferred: Sequence[int], least: Sequence[int], answer: int,
               answer_least: int, fold_order: Sequence[int]) -> list[int]:
    """Widths for panes sharing ``total``: each other pane its ``preferred`` width (0: not
    shown; never less than its ``least``) and the answer (index ``answer``) the rest.
    When that leaves the answer less than ``answer_least``, the other panes shrink towards
    their least widths in proportion to what each has above it, then fold (width 0) in
    ``fold_order`` until the answer has its least width or nothing more can fold."""
    room = max(0, total - answer_least)
    shown = [i for i, size in enumerate(preferred) if i != answer and size > 0]
    can_fold = [i for i in fold_order if i in shown]
    while sum(least[i] for i in shown) > room and can_fold:
        shown.remove(can_fold.pop(0))
    wanted = {i: max(preferred[i], least[i]) for i in shown}
    floor = sum(least[i] for i in shown)
    result = [0] * len(preferred)
    if sum(wanted.values()) <= room:
        for i in shown:
            result[i] = wanted[i]
    elif floor <= room:
        spare = room - floor  # shared out in proportion to what each would take more
        above = sum(wanted[i] - least[i] for i in shown) or 1
        for i in shown:
            result[i] = least[i] + spare * (wanted[i] - least[i]) // above
    elif floor < total:  # (nothing more may fold: the answer makes do)
        for i in shown:
            result[i] = least[i]
    result[answer] = total - sum(result)
    return result


class PaneSplitter(QSplitter):
    """A horizontal splitter whose pane ``answer`` keeps its readable width (see the
    module's docstring); the others fold in ``fold_order``. ``preferred_sizes()`` is what
    the reader chose, for the settings; ``set_preferred(sizes)`` restores it."""

    def __init__(self, answer: int, fold_order: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._answer = answer
        self._fold_order = tuple(fold_order)
        self._preferred: list[int] = []
        self._revealed: int | None = None  # a pane the reader asked to see: folds last
        self._fitting = False
        self.least: dict[int, int] = {}  # least widths by pane, beyond its own minimum
        self.measured: QWidget | None = None  # whose font the answer's least width is in
        self.splitterMoved.connect(self._moved)

    def answer_least(self) -> int:
        """The answer's least width: ANSWER_LEAST_CHARS of its font (``measured``'s, which
        follows the zoom), and room for its margins."""
        widget = self.measured or self._pane(self._answer)
        metrics = widget.fontMetrics()
        return ANSWER_LEAST_CHARS * metrics.averageCharWidth() + 3 * metrics.height()

    def preferred_sizes(self) -> list[int]:
        """The widths the reader chose (the answer's: what it had then)."""
        return list(self._preferred) if self._preferred else self.sizes()

    def set_preferred(self, sizes: Sequence[int]) -> None:
        self._preferred = [max(0, int(size)) for size in sizes]
        self.fit()

    def reveal(self, index: int | None) -> None:
        """Show pane ``index`` even when the window is narrow (others fold first); None:
        back to the usual order."""
        self._revealed = index
        if index is not None and self._preferred and self._preferred[index] == 0:
            self._preferred[index] = self._least(index)
        self.fit()

    def fit(self) -> None:
        """Lay the panes out again by the rule (after a resize, a pane shown or hidden)."""
        count = self.count()
        if len(self._preferred) != count:
            self._preferred = self.sizes()
        total = sum(self.sizes())
        if total <= 0:
            return
        shown = [0 if self._pane(i).isHidden() else self._preferred[i] for i in range(count)]
        order = [i for i in self._fold_order if i != self._revealed]
        if self._revealed is not None:
            order.append(self._revealed)
        widths = fit_widths(total, shown, [self._least(i) for i in range(count)],
                            self._answer, self.answer_least(), order)
        self._fitting = True
        try:
            self.setSizes(widths)
        finally:
            self._fitting = False

    def folded(self, index: int) -> bool:
        """Whether pane ``index`` is shown but folded away for want of width."""
        return not self._pane(index).isHidden() and self.sizes()[index] == 0

    def _pane(self, index: int) -> QWidget:
        widget = self.widget(index)
        assert widget is not None, f"no pane {index}"
        return widget

    def _least(self, index: int) -> int:
        return max(self.least.get(index, 0), self._pane(index).minimumSizeHint().width())

    def _moved(self, _position: int, handle: int) -> None:
        if self._fitting:
            return
        # The reader dragged a handle: the two panes beside it have the widths to keep
        # (0: dragged shut, and it stays shut until dragged open or asked for).
        sizes = self.sizes()
        if len(self._preferred) != len(sizes):
            self._preferred = list(sizes)
        for index in (handle - 1, handle):
            if 0 <= index < len(sizes) and index != self._answer:
                self._preferred[index] = sizes[index]
        self._preferred[self._answer] = sizes[self._answer]
        self._revealed = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
