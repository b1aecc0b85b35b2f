"""View ▸ Citation Graph in the real window: the right notes and links at depth 1, 2 and 3
(chosen with the keyboard), stubs drawn hollow, a click or Enter opens a note, the graph
follows the open note, the whole library filtered, the keyboard moves between notes and
zooms, the colours follow the theme; hidden, it reads nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from conftest import shown_window
from graph_library import letters, make_graph_library
from notegui.gui import graph_panel
from notegui.gui.graph_view import NodeItem

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def graph_window(qtbot, tmp_path):
    from notegui.app import open_library

    library = open_library(tmp_path / "graph.sqlite3")
    ids = make_graph_library(library)
    for window in shown_window(qtbot, library, ids["A"]):
        window.resize(1400, 900)
        window.ids = ids
        yield window


def open_graph(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL_SHIFT)  # View ▸ Citation Graph
    panel = window.graph.panel
    qtbot.waitUntil(lambda: bool(panel.view.order) and not panel.busy(), timeout=5000)
    assert window.graph.isVisible() and window.actions_by_name["graph"].isChecked()
    return panel


def shown(window) -> set[str]:
    return letters(window.ids, list(window.graph.panel.view.items_by_id))


def drawn_edges(window) -> set[str]:
    by_id = {note_id: letter for letter, note_id in window.ids.items()}
    return {by_id[a] + by_id[b] for a, b in window.graph.panel.view.graph.edges}


def choose_depth(qtbot, panel, depth: int) -> None:
    """Choose a depth as a keyboard user does: focus the depth box, arrow to it."""
    box = panel.depth_choice
    box.setFocus()
    while box.currentIndex() + 1 != depth:
        key = Qt.Key.Key_Down if box.currentIndex() + 1 < depth else Qt.Key.Key_Up
        qtbot.keyClick(box, key)
    qtbot.waitUntil(lambda: not panel.busy()
                    and panel.view.graph.ids() != [] and panel._drawn_for[-1] == depth,
                    timeout=5000)


def centre_of(view, item: NodeItem) -> QPoint:
    return view.mapFromScene(item.scenePos())


def colour_at(view, item: NodeItem) -> QColor:
    return view.viewport().grab().toImage().pixelColor(centre_of(view, item))


def test_the_graph_shows_the_open_note_at_depths_one_to_three(qtbot, graph_window):
    panel = open_graph(qtbot, graph_window)
    assert panel.depth_choice.currentText() == "Depth 2"  # the default
    assert shown(graph_window) == {"A", "B", "C", "F", "D", "S"}
    assert drawn_edges(graph_window) == {"AB", "AC", "FA", "BD", "CS"}
    choose_depth(qtbot, panel, 1)
    assert shown(graph_window) == {"A", "B", "C", "F"}
    assert drawn_edges(graph_window) == {"AB", "AC", "FA"}
    assert panel.summary.text() == "4 notes, 3 links, 0 stubs."
    choose_depth(qtbot, panel, 3)
    assert shown(graph_window) == {"A", "B", "C", "F", "D", "S", "E"}
    assert panel.summary.text() == "7 notes, 6 links, 1 stub."
    view = panel.view
    assert view.items_by_id[graph_window.ids["A"]].centre


def test_stubs_are_drawn_hollow_and_said_so_on_hover(qtbot, graph_window):
    view = open_graph(qtbot, graph_window).view
    stub = view.items_by_id[graph_window.ids["S"]]
    note = view.items_by_id[graph_window.ids["B"]]
    assert stub.is_stub and not note.is_stub
    assert colour_at(view, stub) == view.look.background
    assert colour_at(view, note) == view.look.note
    assert "Stub: cited, but not written yet." in stub.toolTip()
    assert "How does B lead on?" in note.toolTip()


def test_a_click_opens_the_note_and_the_graph_follows_it(qtbot, graph_window):
    ids = graph_window.ids
    view = open_graph(qtbot, graph_window).view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=centre_of(view, view.items_by_id[ids["D"]]))
    assert graph_window.current_id == ids["D"]
    qtbot.waitUntil(lambda: view.graph.centre == ids["D"], timeout=5000)
    assert shown(graph_window) == {"D", "B", "E", "A"}  # depth 2 around D
    # Opened elsewhere (the list, a link, back): the graph follows too.
    graph_window.go_back()
    qtbot.waitUntil(lambda: view.graph.centre == ids["A"], timeout=5000)
    assert view.items_by_id[ids["A"]].centre


def test_the_keyboard_moves_between_notes_opens_one_and_zooms(qtbot, graph_window):
    ids = graph_window.ids
    panel = open_graph(qtbot, graph_window)
    view = panel.view
    view.setFocus()
    qtbot.waitUntil(lambda: view.focused() is not None, timeout=2000)
    assert view.focused().note_id == ids["A"]  # the centre first
    assert "Why does A cite two notes?" in panel.focus_line.text()
    assert view.accessibleDescription() == panel.focus_line.text()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    second = view.focused()
    assert second is view.order[1]
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.focused().note_id == ids["A"]
    # An arrow goes to a note that way (whichever is nearest on the screen).
    moved = set()
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
        qtbot.keyClick(view, Qt.Key.Key_Home)
        qtbot.keyClick(view, key)
        moved.add(view.focused().note_id)
    assert len(moved - {ids["A"]}) >= 2
    zoom = view.zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom() > zoom
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom() < zoom
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    target = view.focused().note_id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert graph_window.current_id == target != ids["A"]
    qtbot.waitUntil(lambda: view.graph.centre == target, timeout=5000)


def test_tab_leaves_the_graph_after_its_last_note(qtbot, graph_window):
    view = open_graph(qtbot, graph_window).view
    view.setFocus()
    qtbot.waitUntil(lambda: view.focused() is not None, timeout=2000)
    for _ in view.order:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus()


def test_a_click_on_the_background_then_tab_goes_to_a_note(qtbot, graph_window):
    panel = open_graph(qtbot, graph_window)
    view = panel.view
    corner = view.viewport().rect().bottomRight() - QPoint(5, 5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    assert view.hasFocus() and view.focused() is None  # (the scene let the note go)
    assert panel.focus_line.text() == ""
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.hasFocus() and view.focused() is view.order[0]
    assert panel.focus_line.text().startswith("Why does A cite two notes?")


def test_the_whole_library_filtered_by_tag_or_words(qtbot, graph_window, monkeypatch):
    panel = open_graph(qtbot, graph_window)
    panel.scope.setFocus()
    qtbot.keyClick(panel.scope, Qt.Key.Key_Down)  # Whole library
    qtbot.waitUntil(lambda: panel.view.graph.centre is None, timeout=5000)
    assert panel.filter.isVisible() and not panel.depth_choice.isVisible()
    assert shown(graph_window) == set(graph_window.ids)
    # The open note is marked in the library's graph.
    assert panel.view.items_by_id[graph_window.ids["A"]].current
    qtbot.keyClicks(panel.filter, "tag:core")
    qtbot.waitUntil(lambda: shown(graph_window) == {"A", "G"}, timeout=5000)
    assert panel.summary.text() == "2 notes, 0 links, 0 stubs."
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "no such words anywhere")
    qtbot.waitUntil(lambda: not panel.view.order, timeout=5000)
    assert panel.summary.text() == "No note matches the filter."
    # Past the limit: the most cited, and the reader told.
    monkeypatch.setattr(graph_panel, "LIBRARY_LIMIT", 3)
    panel.filter.clear()
    qtbot.waitUntil(lambda: len(panel.view.order) == 3, timeout=5000)
    assert "The 3 most cited notes of 9 are shown" in panel.summary.text()


def test_the_colours_follow_the_theme(qtbot, graph_window):
    view = open_graph(qtbot, graph_window).view
    light = view.backgroundBrush().color().lightness()
    assert light > 200
    graph_window.set_theme("dark")  # (the palette reaches the widgets as posted events)
    qtbot.waitUntil(lambda: view.backgroundBrush().color().lightness() < 100, timeout=2000)
    assert colour_at(view, view.items_by_id[graph_window.ids["S"]]) == view.look.background


def test_hidden_it_reads_nothing_and_catches_up_when_shown(qtbot, graph_window, monkeypatch):
    ids = graph_window.ids
    calls: list[int] = []
    real = graph_window.library.neighbourhood
    monkeypatch.setattr(graph_window.library, "neighbourhood",
                        lambda note_id, *rest: calls.append(note_id) or real(note_id, *rest))
    graph_window.open_note(ids["E"])
    graph_window.open_note(ids["D"])
    qtbot.wait(50)
    assert calls == []
    panel = open_graph(qtbot, graph_window)
    assert calls == [ids["D"]] and panel.view.graph.centre == ids["D"]
    # A new link shows at once in the graph around the note.
    graph_window.hub.publish(graph_window.library.save_note(
        ids["D"], "Where does D go?", "About D.", "",
        "Text of D. See [[Is E the end of the chain?]]. And [[Is G alone?]]."))
    qtbot.waitUntil(lambda: "G" in shown(graph_window), timeout=5000)
