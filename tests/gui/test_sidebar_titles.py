"""Sources and Cited by show each title whole (on two lines when long, not elided), and
hovering one shows its full title and summary in a tooltip wrapped at a readable width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFontMetrics, QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QToolTip

from conftest import SAMPLE_CITED
from notegui.gui.item_delegate import PADDING, TwoLineDelegate
from notegui.gui.sources_panel import PLACE_ROLE


def settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(10)


def shown_lines(view: QListWidget, row: int) -> list[str]:
    """The lines the row's title is drawn on, at the list's width now."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, TwoLineDelegate)
    item = view.item(row)
    width = view.visualItemRect(item).width() - 2 * PADDING - 2
    return delegate.title_lines(item.text(), item.data(PLACE_ROLE), view.font(), width)


def hover(qtbot, view: QListWidget, row: int) -> QLabel:
    """Rest the pointer on a row, as a reader does: the tooltip label shown."""
    centre = view.visualItemRect(view.item(row)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)
    settle(qtbot)
    assert QToolTip.isVisible()
    return next(w for w in QApplication.topLevelWidgets()
                if w.inherits("QTipLabel") and w.isVisible())


def test_long_titles_wrap_to_two_lines_and_are_shown_whole(qtbot, window):
    settle(qtbot)
    sources = window.sidebar.sources
    metrics = QFontMetrics(sources.font())
    wrapped = 0
    for row in range(sources.count()):
        lines = shown_lines(sources, row)
        # Every word of it, none elided (broken at a space or after a hyphen).
        assert "".join(lines).replace(" ", "") == sources.item(row).text().replace(" ", "")
        assert len(lines) <= 2
        wrapped += len(lines) == 2
        # ...and the row has the room for both lines.
        assert sources.visualItemRect(sources.item(row)).height() >= 2 * metrics.lineSpacing()
    assert wrapped >= 3  # at the default width most of the sample's titles need two lines
    assert sources.item(0).text() == SAMPLE_CITED[0]


def test_a_title_wider_than_two_lines_keeps_two(qtbot, window):
    delegate = window.sidebar.sources.itemDelegate()
    title = "Why " + "very " * 60 + "long?"
    lines = delegate.title_lines(title, "", window.sidebar.sources.font(), 200)
    assert len(lines) == 2 and lines[0].startswith("Why very")


def test_hovering_a_source_shows_its_full_title_and_summary_wrapped(qtbot, window):
    settle(qtbot)
    sources = window.sidebar.sources
    label = hover(qtbot, sources, 0)
    document = QTextDocument()
    document.setHtml(label.text())
    text = document.toPlainText()
    assert text.startswith(SAMPLE_CITED[0])  # the whole title first
    assert "Analysis of 5 million pretraining documents" in text  # then the whole summary
    assert text.endswith("memorization of target facts.")
    # Wrapped at a readable width (before: one line of 1,250 px); several lines tall.
    average = QFontMetrics(label.font()).averageCharWidth()
    assert label.width() <= 90 * average
    assert label.height() >= 3 * QFontMetrics(label.font()).lineSpacing()
    QToolTip.hideText()


def test_a_tooltip_shows_markup_as_written(qtbot, window):
    from notegui.gui.plain_text import rich_tip

    document = QTextDocument()
    document.setHtml(rich_tip("<img src='/dev/zero'> & co", "a <b>b</b>\nc"))
    assert document.toPlainText() == "<img src='/dev/zero'> & co\na <b>b</b>\nc"
    QToolTip.showText(window.mapToGlobal(QPoint(5, 5)), rich_tip("t", "x"), window)
