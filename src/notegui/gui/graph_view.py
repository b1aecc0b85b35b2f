"""The citation graph drawn: a QGraphicsView of one circle a note and one path for every
link. Laid out elsewhere (core/graph_layout.py); this module only draws, and lets the
reader move between notes with the mouse or the keyboard (arrows or Tab, Enter opens,
+ and - zoom, Home back to the centre)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from notegui.core.citation_graph import CitationGraph, GraphNode
from notegui.core.graph_layout import Point
from notegui.gui.i18n import translate
from notegui.gui.plain_text import tip
from notegui.gui.qt_typing import INT64

CENTRE_RADIUS = 13.0
RADIUS = 8.0
LABEL_WIDTH = 130  # pixels of a title drawn under its circle (elided; the tooltip has it all)
LABELLED = 40  # at most this many titles drawn (the nearest, or the most linked)
ARROW = 7.0
MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.1, 4.0, 1.25
FIT_ZOOM = 1.25  # a small graph is drawn larger, up to this


@dataclass(frozen=True)
class Look:
    """The graph's colours, from the palette (light or dark theme)."""

    background: QColor
    text: QColor
    note: QColor
    stub: QColor
    centre: QColor
    edge: QColor
    focus: QColor

    @staticmethod
    def of(palette: QPalette) -> Look:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        edge = QColor(text)
        edge.setAlpha(90)
        return Look(base, text, _mix(highlight, base, 0.6),
                    palette.color(QPalette.ColorRole.PlaceholderText), highlight, edge,
                    highlight)


def _cosmetic(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    return pen


def _mix(one: QColor, other: QColor, share: float) -> QColor:
    """``share`` of ``one`` and the rest of ``other``: a note's colour, the highlight's
    toned towards the background (light or dark alike)."""
    return QColor(*(round(share * a + (1 - share) * b) for a, b in (
        (one.red(), other.red()), (one.green(), other.green()), (one.blue(), other.blue()))))


class Label(QGraphicsSimpleTextItem):
    """A title under its circle, on a patch of the background so crossing lines and a
    neighbour's title do not garble it."""

    def __init__(self, text: str, parent: QGraphicsItem, view: GraphView) -> None:
        super().__init__(text, parent)
        self._view = view

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        patch = QColor(self._view.look.background)
        patch.setAlpha(215)
        painter.fillRect(self.boundingRect().adjusted(-2, 0, 2, 0), patch)
        # (Qt passes no widget when the scene is drawn on an image; the stubs say it must)
        super().paint(painter, option, widget)  # type: ignore[arg-type]


def node_tip(node: GraphNode) -> str:
    """A node's tooltip: its full title (and place), what kind of note, its summary; shown
    as written (``plain_text.tip``, which also wraps tooltips where the window does)."""
    ref = node.ref
    kind = translate("GraphView", "Stub: cited, but not written yet.") if ref.is_stub else ""
    return "\n\n".join(part for part in (ref.title_with_place, kind, ref.summary) if part)


class NodeItem(QGraphicsItem):
    """One note: a filled circle, a hollow dashed one for a stub; ringed when focused."""

    def __init__(self, node: GraphNode, view: GraphView, centre: bool) -> None:
        super().__init__()
        self.node = node
        self.note_id = node.ref.id
        self.is_stub = node.ref.is_stub
        self.centre = centre
        self.current = centre  # the note open in the window
        self.radius = CENTRE_RADIUS if centre else RADIUS
        self._view = view
        self._hovered = False
        self.label: Label | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip(node_tip(node)))
        self.setZValue(1)

    def boundingRect(self) -> QRectF:
        r = self.radius + 4
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, _option: QStyleOptionGraphicsItem,
              _widget: QWidget | None = None) -> None:
        look = self._view.look
        r = self.radius
        if self.hasFocus() or self._hovered:
            painter.setPen(QPen(look.focus, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 2.5, r + 2.5)
        if self.is_stub:  # hollow and dashed: no text of its own yet
            pen = QPen(look.centre if self.current else look.stub,
                       2.4 if self.current else 1.6, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QBrush(look.background))
        else:
            painter.setPen(QPen(look.background, 1.2))
            painter.setBrush(QBrush(look.centre if self.current else look.note))
        painter.drawEllipse(QPointF(0, 0), r, r)

    def show_label(self, shown: bool) -> None:
        """The title under the circle (always for some nodes; for the others while they
        have the focus)."""
        if shown and self.label is None:
            metrics = QFontMetrics(self._view.font())
            text = metrics.elidedText(self.node.ref.title, Qt.TextElideMode.ElideRight,
                                      LABEL_WIDTH)
            self.label = Label(text, self, self._view)
            self.label.setBrush(self._view.look.text)
            if self.centre:
                font = self.label.font()
                font.setBold(True)
                self.label.setFont(font)
            self.label.setPos(-self.label.boundingRect().width() / 2, self.radius + 2)
            self.label.setAcceptHoverEvents(False)
        elif self.label is not None:
            self.label.setVisible(shown)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if (event.button() == Qt.MouseButton.LeftButton
                and self.contains(event.pos())):
            self._view.noteRequested.emit(self.note_id)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        self._view.node_focused(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        self._view.node_unfocused(self)


class GraphView(QGraphicsView):
    """Draws a CitationGraph at the positions given. ``noteRequested(id)``: a note clicked,
    or Enter on it; ``focusedNode(text)``: what the keyboard's focus is on, said in words
    (also the view's accessible description)."""

    noteRequested = Signal(INT64)
    focusedNode = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("GraphView", "Citation graph"))
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.look = Look.of(self.palette())
        self.graph = CitationGraph()
        self.items_by_id: dict[int, NodeItem] = {}
        self.order: list[NodeItem] = []  # Tab's order: the graph's (nearest first)
        self._degree: dict[int, int] = {}
        self._edges = QGraphicsPathItem()
        self._focus_edges = QGraphicsPathItem()
        self._labelled: set[int] = set()
        self._fitted = False  # the view is as _fit left it: a resize fits it again
        self._apply_look()

    # -- drawing ----------------------------------------------------------------------

    def set_graph(self, graph: CitationGraph, positions: dict[int, Point]) -> None:
        """Draw ``graph`` (its notes at ``positions``), the view on its centre."""
        scene = self.scene()
        scene.clearFocus()
        scene.clear()  # (deletes the old items)
        self.graph = graph
        self.items_by_id = {}
        self.order = []
        self._degree = {}
        for a, b in graph.edges:
            self._degree[a] = self._degree.get(a, 0) + 1
            self._degree[b] = self._degree.get(b, 0) + 1
        for node in graph.nodes:
            item = NodeItem(node, self, node.ref.id == graph.centre)
            x, y = positions.get(node.ref.id, (0.0, 0.0))
            item.setPos(x, y)
            scene.addItem(item)
            self.items_by_id[node.ref.id] = item
            self.order.append(item)
        self._edges = QGraphicsPathItem(self._edge_path(graph.edges))
        self._edges.setZValue(-1)
        scene.addItem(self._edges)
        self._focus_edges = QGraphicsPathItem()
        self._focus_edges.setZValue(0)
        scene.addItem(self._focus_edges)
        self._labelled = self._to_label(graph)
        for note_id in self._labelled:
            self.items_by_id[note_id].show_label(True)
        self._apply_look()
        bounds = scene.itemsBoundingRect().adjusted(-40, -40, 40, 40)
        scene.setSceneRect(bounds)
        self._fit(bounds)

    def _to_label(self, graph: CitationGraph) -> set[int]:
        """The notes whose titles are drawn: around a note, it and its neighbours (all of a
        small graph); in a view of the library, the most linked."""
        if graph.centre is not None:  # (the rest show theirs under the mouse or the focus)
            small = len(graph.nodes) <= LABELLED
            ranked = [node.ref.id for node in graph.nodes if small or node.depth <= 1]
        else:
            ranked = sorted(self.items_by_id, key=lambda i: -self._degree.get(i, 0))
        return set(ranked[:LABELLED])

    def _edge_path(self, edges: tuple[tuple[int, int], ...]) -> QPainterPath:
        """Every link as a line from the citing note's circle to the cited one's, with an
        arrowhead at the cited note. (Plain floats: a QPointF a step cost 9 ms a graph.)"""
        path = QPainterPath()
        where = {note_id: (item.x(), item.y(), item.radius)
                 for note_id, item in self.items_by_id.items()}
        heads = [(math.cos(turn), math.sin(turn)) for turn in (0.45, -0.45)]
        for a, b in edges:
            if a == b or a not in where or b not in where:
                continue
            ax, ay, ar = where[a]
            bx, by, br = where[b]
            length = math.hypot(bx - ax, by - ay)
            if length <= ar + br:
                continue
            dx, dy = (bx - ax) / length, (by - ay) / length
            tx, ty = bx - dx * (br + 1), by - dy * (br + 1)
            path.moveTo(ax + dx * ar, ay + dy * ar)
            path.lineTo(tx, ty)
            for cos, sin in heads:  # the arrowhead's two strokes
                path.moveTo(tx, ty)
                path.lineTo(tx - (dx * cos - dy * sin) * ARROW, ty - (dx * sin + dy * cos) * ARROW)
        return path

    def _fit(self, bounds: QRectF) -> None:
        """The whole graph in view, enlarged up to FIT_ZOOM when small, reduced down to
        MIN_ZOOM when large; when even that cannot show it all, the view is on the centre
        note."""
        self.resetTransform()
        viewport = self.viewport().rect()
        scale = min(FIT_ZOOM, viewport.width() / max(bounds.width(), 1),
                    viewport.height() / max(bounds.height(), 1))
        self.scale(max(MIN_ZOOM, scale), max(MIN_ZOOM, scale))
        centre = self.items_by_id.get(self.graph.centre or -1)
        self.centerOn(centre.pos() if centre is not None and scale < MIN_ZOOM
                      else bounds.center())
        self._fitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:  # (not zoomed by the reader since: keep the graph in view)
            self._fit(self.sceneRect())

    def _apply_look(self) -> None:
        look = self.look
        self.setBackgroundBrush(QBrush(look.background))
        # Cosmetic pens (a width in pixels at any zoom): Qt draws them without its path
        # stroker, which took 20 ms a graph of 200 links.
        self._edges.setPen(_cosmetic(look.edge, 1))
        self._focus_edges.setPen(_cosmetic(look.focus, 2))
        for item in self.order:
            if item.label is not None:
                item.label.setBrush(look.text)
            item.update()

    def changeEvent(self, event: QEvent) -> None:
        # The theme changed (View ▸ Theme, or the system's): the palette tells the colours.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.look = Look.of(self.palette())
            self._apply_look()
        super().changeEvent(event)

    def mark_current(self, note_id: int | None) -> None:
        """Mark the note open in the window (a view of the library keeps its layout)."""
        for item in self.order:
            current = item.note_id == note_id
            if item.current != current:
                item.current = current
                item.update()

    # -- the keyboard's focus ------------------------------------------------------------

    def focused(self) -> NodeItem | None:
        item = self.scene().focusItem()
        return item if isinstance(item, NodeItem) else None

    def focus_node(self, item: NodeItem) -> None:
        item.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureVisible(item, 60, 60)

    def node_focused(self, item: NodeItem) -> None:
        item.show_label(True)
        path = QPainterPath()
        for a, b in self.graph.edges:
            if item.note_id in (a, b):
                other = self.items_by_id.get(b if a == item.note_id else a)
                if other is not None:
                    path.moveTo(item.pos())
                    path.lineTo(other.pos())
        self._focus_edges.setPath(path)
        text = self.describe(item)
        self.setAccessibleDescription(text)
        self.focusedNode.emit(text)

    def node_unfocused(self, item: NodeItem) -> None:
        if item.note_id not in self._labelled:
            item.show_label(False)
        self._focus_edges.setPath(QPainterPath())
        self.setAccessibleDescription("")
        self.focusedNode.emit("")

    def describe(self, item: NodeItem) -> str:
        """The focused note in words: its title, kind, and links in the graph."""
        cites = sum(1 for a, _ in self.graph.edges if a == item.note_id)
        cited = sum(1 for _, b in self.graph.edges if b == item.note_id)
        kind = translate("GraphView", " (stub)") if item.is_stub else ""
        return (translate("GraphView",
                          "{title_with_place}{kind}: cites {cites}, cited by {cited} in this "
                          "graph. Enter opens it.").format(
            title_with_place=item.node.ref.title_with_place, kind=kind, cites=cites, cited=cited))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.focused() is None and self.order:
            start = self.order[-1] if event.reason() == Qt.FocusReason.BacktabFocusReason \
                else self.order[0]
            self.focus_node(start)

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab go from note to note in the graph's order, then on to the next
        # widget (not round and round: the keyboard is never trapped in the graph).
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and \
                not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier):
            forward = event.key() == Qt.Key.Key_Tab and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            current = self.focused()
            if current is not None and current in self.order:
                at = self.order.index(current) + (1 if forward else -1)
                if 0 <= at < len(self.order):
                    self.focus_node(self.order[at])
                    return True
            elif self.order:  # (no note focused: a click on the background) the first
                self.focus_node(self.order[0 if forward else -1])
                return True
            self.focusNextPrevChild(forward)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.focused()
        directions = {Qt.Key.Key_Left: (-1.0, 0.0), Qt.Key.Key_Right: (1.0, 0.0),
                      Qt.Key.Key_Up: (0.0, -1.0), Qt.Key.Key_Down: (0.0, 1.0)}
        if key in directions and current is not None:
            found = self._nearest(current, directions[Qt.Key(key)])
            if found is not None:
                self.focus_node(found)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and current:
            self.noteRequested.emit(current.note_id)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_Home and self.order:
            self.focus_node(self.items_by_id.get(self.graph.centre or -1, self.order[0]))
        else:
            super().keyPressEvent(event)

    def _nearest(self, item: NodeItem, direction: tuple[float, float]) -> NodeItem | None:
        """The nearest note in a direction (within 60 degrees either side of it)."""
        best: tuple[float, NodeItem] | None = None
        for other in self.order:
            if other is item:
                continue
            dx, dy = other.x() - item.x(), other.y() - item.y()
            along = dx * direction[0] + dy * direction[1]
            across = abs(dx * direction[1] - dy * direction[0])
            if along <= 0 or across > along * 1.8:
                continue
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, other)
        return best[1] if best else None

    # -- zoom ----------------------------------------------------------------------------

    def fit_all(self) -> None:
        self._fit(self.sceneRect())

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor)) / self.zoom()
        self.scale(factor, factor)
        self._fitted = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
        else:
            super().wheelEvent(event)
