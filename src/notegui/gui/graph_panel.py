"""View ▸ Graph: a dock with the citation graph, around the open note (to a depth of 1 to 3)
or of the whole library (filtered by a search). It follows the open note while shown; when
hidden it only remembers that it must redraw. Reads through the Library port, lays out with
core/graph_layout.py, draws with gui/graph_view.py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from notegui.core.citation_graph import (
    LIBRARY_LIMIT,
    LOCAL_LIMIT,
    MAX_DEPTH,
    CitationGraph,
)
from notegui.core.graph_layout import Point, layout
from notegui.core.ports import Library
from notegui.core.workers import Token
from notegui.gui.changes_hub import ChangeNotice
from notegui.gui.graph_view import GraphView
from notegui.gui.i18n import number, translate
from notegui.gui.plain_text import label
from notegui.gui.qt_typing import INT64
from notegui.gui.tasks import Task, Tasks

AROUND_NOTE, WHOLE_LIBRARY = 0, 1
GRAPH_WORKER = "notegui-graph"  # reads and lays out off the UI thread, the newest only
FILTER_DELAY_MS = 300  # typing in the filter: the library's graph is drawn once typing stops
DEFAULT_DEPTH = 2


class GraphPanel(QWidget):
    """The controls (what the graph is of, its depth or filter), the graph, and a line
    saying what is shown (and when it was cut at its limit). ``noteRequested(id)``."""

    noteRequested = Signal(INT64)

    def __init__(self, library: Callable[[], Library], tasks: Tasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._tasks = tasks
        self._task: Task[tuple[CitationGraph, dict[int, Point]]] | None = None
        self.setAccessibleName(translate("GraphPanel", "Citation graph panel"))
        self.scope = QComboBox()
        self.scope.addItems(
            [translate("GraphPanel", "Around this note"), translate("GraphPanel", "Whole library")])
        self.scope.setAccessibleName(translate("GraphPanel", "Graph of"))
        self.scope.setToolTip(
            translate("GraphPanel", "Show the notes around the open note, or the whole library"))
        self.depth_choice = QComboBox()
        self.depth_choice.addItems(
            [translate("GraphPanel", "Depth {n}").format(n=n) for n in range(1, MAX_DEPTH + 1)])
        self.depth_choice.setCurrentIndex(DEFAULT_DEPTH - 1)
        self.depth_choice.setAccessibleName(translate("GraphPanel", "Depth"))
        self.depth_choice.setToolTip(
            translate("GraphPanel", "How many citations away from the open note, either way"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(translate("GraphPanel", "Filter: words, tag:NAME, is:stub"))
        self.filter.setAccessibleName(translate("GraphPanel", "Library graph filter"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setVisible(False)
        self.fit = QToolButton()
        self.fit.setText(translate("GraphPanel", "Fit"))
        self.fit.setAccessibleName(translate("GraphPanel", "Fit the graph in view"))
        self.fit.setToolTip(
            translate("GraphPanel", "Zoom to show the whole graph (0); + and - zoom"))
        self.view = GraphView()
        self.summary = label()
        self.summary.setAccessibleName(translate("GraphPanel", "Graph summary"))
        self.summary.setWordWrap(True)
        self.focus_line = label()
        self.focus_line.setAccessibleName(translate("GraphPanel", "Focused note"))
        self.focus_line.setWordWrap(True)
        self.legend = label(translate(
            "GraphPanel", "● note   ◌ stub (cited, not written yet)   ⬤ open note   → cites"))
        self.legend.setAccessibleName(translate("GraphPanel", "Graph legend"))
        self.legend.setEnabled(False)  # (drawn grey: an aside)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.scope)
        controls.addWidget(self.depth_choice)
        controls.addWidget(self.filter, 1)
        controls.addStretch()
        controls.addWidget(self.fit)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(controls)
        column.addWidget(self.view, 1)
        column.addWidget(self.summary)
        column.addWidget(self.focus_line)
        column.addWidget(self.legend)
        self.setTabOrder(self.scope, self.depth_choice)
        self.setTabOrder(self.depth_choice, self.filter)
        self.setTabOrder(self.filter, self.view)
        self.current_id: int | None = None
        self.stale = True  # something changed since the graph was drawn
        self.shown_once = False
        self._drawn_for: tuple[object, ...] | None = None
        self._typing = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._typing.timeout.connect(self.refresh)
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.refresh)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.depth_choice.currentIndexChanged.connect(lambda _index: self.refresh())
        self.filter.textChanged.connect(lambda _text: self._typing.start())
        self.fit.clicked.connect(self.view.fit_all)
        self.view.noteRequested.connect(self.noteRequested)
        self.view.focusedNode.connect(self.focus_line.setText)

    # -- what the window tells it ----------------------------------------------------------

    def follow(self, note_id: int | None) -> None:
        """The window opened ``note_id``: drawn around it (soon, once the note is shown),
        if the graph is on screen; else when it is shown next."""
        if note_id == self.current_id and not self.stale:
            return
        self.current_id = note_id
        if self.scope.currentIndex() == WHOLE_LIBRARY:
            self.view.mark_current(note_id)
            return
        self._redraw_soon()

    def library_changed(self, notice: ChangeNotice) -> None:
        """A write: links or the list of notes changed, so the graph may have."""
        changes = notice.changes
        if changes.links or changes.listing or changes.notes & set(self.view.items_by_id):
            self.stale = True
            self._redraw_soon()

    def reset(self) -> None:
        """Another library is open."""
        self.stale = True
        self._drawn_for = None
        self.current_id = None
        self._redraw_soon()

    def _redraw_soon(self) -> None:
        if self.isVisible():
            self._soon.start()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown_once = True
        if self.stale:
            self._soon.start()

    def _scope_changed(self, scope: int) -> None:
        whole = scope == WHOLE_LIBRARY
        self.depth_choice.setVisible(not whole)
        self.filter.setVisible(whole)
        self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Draw the graph the controls ask for (nothing when it is drawn already): read and
        laid out on the graph's worker, drawn when done; a request made meanwhile
        replaces it."""
        self._soon.stop()
        self._typing.stop()
        whole = self.scope.currentIndex() == WHOLE_LIBRARY
        query, note_id = self.filter.text(), self.current_id
        depth = self.depth_choice.currentIndex() + 1
        wanted: tuple[object, ...] = (
            ("library", query.strip()) if whole else ("note", note_id, depth))
        if wanted == self._drawn_for and not self.stale:
            return
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._drawn_for, self.stale = wanted, False  # (a change from now on: stale again)
        if not whole and note_id is None:
            self.show_graph(CitationGraph(), {})
            return
        library = self._library()

        def work(_token: Token) -> tuple[CitationGraph, dict[int, Point]]:
            graph = (library.library_graph(query, LIBRARY_LIMIT) if whole or note_id is None
                     else library.neighbourhood(note_id, depth, LOCAL_LIMIT))
            return graph, layout(graph)

        self._tasks.worker(GRAPH_WORKER, newest_only=True)
        self._task = self._tasks.run(work, lambda done: self.show_graph(*done), self._failed,
                                     worker=GRAPH_WORKER)

    def busy(self) -> bool:
        """A graph is being read or laid out (or about to be)."""
        return self._soon.isActive() or self._typing.isActive() or (
            self._task is not None and self._task.running())

    def _failed(self, error: Exception) -> None:
        self._drawn_for = None
        self.summary.setText(
            translate("GraphPanel", "The graph could not be read: {error}").format(error=error))

    def show_graph(self, graph: CitationGraph, positions: dict[int, Point]) -> None:
        self._task = None
        self.view.set_graph(graph, positions)
        if graph.centre is None:
            self.view.mark_current(self.current_id)
        self.summary.setText(self._summary(graph))
        self.focus_line.setText("")

    def _summary(self, graph: CitationGraph) -> str:
        if not graph.nodes:
            if graph.centre is None and graph.query:
                return translate("GraphPanel", "No note matches the filter.")
            if graph.centre is None and self.scope.currentIndex() == AROUND_NOTE:
                return translate("GraphPanel", "No note is open.")
            return translate("GraphPanel", "The library has no notes.")
        if graph.centre is not None and len(graph.nodes) == 1:
            text = translate("GraphPanel", "This note cites no note and no note cites it.")
        else:
            notes, links = len(graph.nodes), len(graph.edges)
            stubs = sum(1 for node in graph.nodes if node.ref.is_stub)
            text = translate("GraphPanel", "%Ln note(s)", "", notes) + ", " + translate(
                "GraphPanel", "%Ln link(s)", "", links) + ", " + translate(
                "GraphPanel", "%Ln stub(s).", "", stubs)
        capped = capped_message(graph)
        return f"{text} {capped}" if capped else text


def capped_message(graph: CitationGraph) -> str:
    """What the reader is told of a graph cut at its limit ("" when it was not)."""
    if not graph.capped:
        return ""
    shown = number(len(graph.nodes))
    if graph.centre is not None:
        return translate("GraphPanel", "Only the nearest {shown} notes are shown (the graph's "
                         "limit): choose a smaller depth to see all of them.").format(shown=shown)
    if graph.query:
        return translate("GraphPanel", "More than {shown} notes match: the {shown} best are "
                         "shown. Narrow the filter to see the others.").format(shown=shown)
    if graph.total:
        return translate("GraphPanel", "The {shown} most cited notes of {total} are shown. Type "
                         "a filter (words, tag:NAME, is:stub) to see others.").format(
            shown=shown, total=number(graph.total))
    return translate("GraphPanel", "The {shown} most cited notes are shown. Type a filter "
                     "(words, tag:NAME, is:stub) to see others.").format(shown=shown)


class GraphDock(QDockWidget):
    """The panel in a dock (beside the sidebar, or floating on its own)."""

    def __init__(self, library: Callable[[], Library], tasks: Tasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("GraphPanel", "Citation Graph"), parent)
        self.setObjectName("graph")
        self.setAccessibleName(translate("GraphPanel", "Citation graph"))
        self.panel = GraphPanel(library, tasks, self)
        self.setWidget(self.panel)
        self.noteRequested = self.panel.noteRequested
