"""The answer keeps priority when the window narrows (the sidebar, then the list, give way
and fold), and its text keeps a readable measure: about 80 characters a line, centred, at
every window width and zoom; a body heading is smaller than the note's title."""

from __future__ import annotations

import statistics

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from notegui.gui.pane_widths import fit_widths

LIST, ANSWER, SIDEBAR = 0, 1, 2
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(10)


def line_lengths(view) -> list[int]:
    """The characters on each full line of the answer's paragraphs (a paragraph's last line,
    and lines of headings and short paragraphs, left out)."""
    lengths = []
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None and layout.lineCount() > 2:
            lengths += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    return lengths


def title_lines(view) -> int:
    return view.document().begin().layout().lineCount()


def test_fit_widths_gives_way_then_folds():
    least, order = [200, 0, 220], (SIDEBAR, LIST)
    # Room for everyone: each as preferred, the answer the rest.
    assert fit_widths(1270, [300, 0, 320], least, ANSWER, 400, order) == [300, 650, 320]
    # Less room: the list and sidebar shrink towards their least widths, in proportion.
    assert fit_widths(1000, [300, 0, 320], least, ANSWER, 400, order) == [290, 400, 310]
    # Too little for both at their least: the sidebar folds first, the list keeps its own.
    assert fit_widths(790, [300, 0, 320], least, ANSWER, 400, order) == [300, 490, 0]
    # Then the list shrinks, and folds too.
    assert fit_widths(560, [300, 0, 320], least, ANSWER, 400, order) == [0, 560, 0]
    # A pane not shown (0) stays so; a pane that may not fold keeps its least width.
    assert fit_widths(1000, [300, 0, 0], least, ANSWER, 400, order) == [300, 700, 0]
    assert fit_widths(500, [300, 0, 0], least, ANSWER, 400, ()) == [200, 300, 0]


def test_at_800_by_560_the_answer_stays_readable(qtbot, window):
    window.resize(800, 560)
    settle(qtbot)
    answer = window.answer
    list_width, answer_width, sidebar_width = window.splitter.sizes()
    # Before: the answer 165 px (its title a word a line), the list 290, the sidebar 310.
    assert answer_width >= window.splitter.answer_least() and answer_width > list_width
    assert sidebar_width == 0 and window.splitter.folded(SIDEBAR)  # folded, the sidebar
    assert window.list.isVisible() and list_width >= 200
    assert title_lines(answer) <= 3  # (81 characters)
    assert statistics.median(line_lengths(answer)) >= 55
    # Widened again: the sidebar and list come back at their widths.
    window.resize(1280, 800)
    settle(qtbot)
    assert window.splitter.sizes()[SIDEBAR] == 320 and window.splitter.sizes()[LIST] == 300


def test_asking_for_the_sidebar_in_a_narrow_window_shows_it(qtbot, window):
    window.resize(800, 560)
    settle(qtbot)
    assert window.splitter.folded(SIDEBAR)
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL_SHIFT)  # View ▸ Show Sources Sidebar
    settle(qtbot)
    sizes = window.splitter.sizes()
    assert sizes[SIDEBAR] >= 220 and window.sidebar.sources.isVisible()
    assert sizes[ANSWER] >= window.splitter.answer_least()  # the list gave way instead
    assert window.actions_by_name["toggle_sidebar"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL_SHIFT)  # and hidden again
    settle(qtbot)
    assert not window.sidebar.isVisible() and window.splitter.sizes()[LIST] >= 200


def test_widths_dragged_are_kept_for_the_next_start(qtbot, window):
    window.resize(1280, 800)
    settle(qtbot)
    handle = window.splitter.handle(SIDEBAR)  # between the answer and the sidebar
    start = QPoint(handle.width() // 2, handle.height() // 2)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start - QPoint(80, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start - QPoint(80, 0))
    settle(qtbot)
    dragged = window.splitter.sizes()[SIDEBAR]
    assert dragged > 330
    window.resize(800, 560)  # narrowed: folded; the width dragged is kept all the same
    settle(qtbot)
    window.remember_state()
    assert window.settings.splitter_sizes[SIDEBAR] == dragged


def test_the_answer_keeps_about_80_characters_a_line_centred(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_B, CTRL_SHIFT)  # no sidebar: the answer is wide
    window.resize(1600, 900)
    settle(qtbot)
    answer = window.answer
    for zoom in (0, 4, -2):
        answer.set_zoom(zoom)
        settle(qtbot)
        median = statistics.median(line_lengths(answer))
        assert 70 <= median <= 90, (zoom, median)  # before: about 170
        left, right = answer.measure.margins()
        assert left == right and left > 100  # centred, with room either side
        assert answer.viewport().geometry().left() - answer.frameWidth() == left
    answer.set_zoom(0)
    # The wheel over a margin scrolls the text as it does over the text.
    window.resize(1600, 400)
    settle(qtbot)
    assert answer.verticalScrollBar().maximum() > 0
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    inside_margin = QPointF(answer.measure.margins()[0] / 2, 100)
    wheel = QWheelEvent(inside_margin, answer.mapToGlobal(inside_margin), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(answer, wheel)
    assert answer.verticalScrollBar().value() > 0


def test_a_narrow_answer_keeps_margins(qtbot, window):
    window.resize(800, 560)
    settle(qtbot)
    left, right = window.answer.measure.margins()
    assert left == right and left >= window.answer.fontMetrics().height()


def test_a_body_heading_is_smaller_than_the_title(qtbot, window):
    note_id, _ = window.library.create_note(
        "Are headings smaller than titles?", "", "", "# A heading\n\nText.\n\n## Another\n\nMore.")
    window.open_note(note_id)
    settle(qtbot)

    def size_of(text: str) -> float:
        cursor = window.answer.document().find(text)
        assert not cursor.isNull(), text
        cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
        return cursor.charFormat().font().pointSizeF()

    title, heading, second, text = (size_of(t) for t in (
        "Are headings", "A heading", "Another", "More."))
    assert title > heading > second > text

