"""The outline: the open note's headings in the sidebar and in a popup (Ctrl+Shift+O),
driven as a reader does (clicks, keys, typing) and checked by what the window shows."""

from __future__ import annotations

from driving import open_body
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from notegui.gui.outline_panel import OutlinePopup

PROSE = "Words to read before the next part of the answer comes along. " * 12
BODY = "\n".join([
    "An opening paragraph.", PROSE,
    "# Background", PROSE, PROSE,
    "## Earlier work", PROSE, PROSE,
    "## Earlier work", PROSE,  # (a second heading of one name: its own anchor)
    "### A detail & more", PROSE, PROSE,
    "# Results", PROSE, PROSE, PROSE,
    "# Open questions", PROSE, PROSE, PROSE, PROSE,
])


def heading_top(window, anchor: str) -> int:
    """Where the answer's heading with this anchor starts, in scroll units (pixels)."""
    document = window.answer.document()
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if anchor in fragments.fragment().charFormat().anchorNames():
                return int(document.documentLayout().blockBoundingRect(block).top())
            fragments += 1
        block = block.next()
    raise AssertionError(f"no heading {anchor!r} in the answer")


def text_left(view, row: int) -> int:
    """The x of the leftmost dark (text) pixel painted in a row of the list."""
    view.scrollToItem(view.item(row))
    image = view.viewport().grab().toImage()
    rect = view.visualItemRect(view.item(row))
    ratio = image.devicePixelRatio()
    for x in range(int(rect.width() * ratio)):
        for y in range(int(rect.top() * ratio), int(rect.bottom() * ratio)):
            if image.pixelColor(x, y).lightness() < 110:
                return x
    raise AssertionError(f"row {row} shows no text")


def marked_rows(view) -> list[int]:
    """The rows with the reading mark's bar painted at their left."""
    image = view.viewport().grab().toImage()
    highlight = view.palette().highlight().color()
    found = []
    for row in range(view.count()):
        rect = view.visualItemRect(view.item(row))
        colours = {image.pixelColor(x, rect.center().y()).rgb() for x in range(0, 60)}
        if highlight.rgb() in colours:
            found.append(row)
    return found


def scroll(window) -> int:
    return window.answer.verticalScrollBar().value()


def test_the_sidebar_lists_the_headings_indented_and_a_click_scrolls_there(qtbot, window):
    window.resize(1100, 600)
    open_body(window, BODY)
    outline = window.outline
    assert outline.texts() == ["Background", "Earlier work", "Earlier work",
                               "A detail & more", "Results", "Open questions"]
    assert outline.levels() == [1, 2, 2, 3, 1, 1]
    assert outline.isVisible()
    # indented by level: a deeper heading's text starts further right
    outline.clearSelection()
    lefts = [text_left(outline, row) for row in range(outline.count())]
    assert lefts[0] == lefts[4] == lefts[5] < lefts[1] == lefts[2] < lefts[3]
    assert scroll(window) == 0

    item = outline.item(4)  # Results
    outline.scrollToItem(item)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton,
                     pos=outline.visualItemRect(item).center())
    assert scroll(window) == heading_top(window, "results") > 0
    qtbot.waitUntil(lambda: outline.reading() == "results")
    assert outline.reading_row() == 4
    outline.clearSelection()
    assert marked_rows(outline) == [4]  # (the bar beside it, in the highlight colour)

    # the second "Earlier work" leads to its own place, not the first's
    outline.scrollToItem(outline.item(2))
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton,
                     pos=outline.visualItemRect(outline.item(2)).center())
    assert scroll(window) == heading_top(window, "earlier-work-1")
    assert heading_top(window, "earlier-work-1") > heading_top(window, "earlier-work")


def test_the_outline_works_from_the_keyboard(qtbot, window):
    window.resize(1100, 600)
    open_body(window, BODY)
    outline = window.outline
    outline.setFocus()
    qtbot.waitUntil(outline.hasFocus)
    outline.setCurrentRow(0)
    qtbot.keyClick(outline, Qt.Key.Key_Down)
    qtbot.keyClick(outline, Qt.Key.Key_Down)
    qtbot.keyClick(outline, Qt.Key.Key_Down)
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    assert scroll(window) == heading_top(window, "a-detail--more") > 0


def test_the_heading_being_read_is_marked_as_the_reader_scrolls(qtbot, window):
    window.resize(1100, 600)
    open_body(window, BODY)
    outline, bar = window.outline, window.answer.verticalScrollBar()
    qtbot.waitUntil(lambda: outline.reading() == "")  # the opening, before any heading
    bar.setValue(heading_top(window, "earlier-work") + 5)
    qtbot.waitUntil(lambda: outline.reading() == "earlier-work")
    assert marked_rows(outline) == [1]
    bar.setValue(heading_top(window, "results") + 40)
    qtbot.waitUntil(lambda: outline.reading() == "results")
    bar.setValue(bar.maximum())  # the end: the last heading in sight
    qtbot.waitUntil(lambda: outline.reading() == "open-questions")
    assert outline.reading_row() == 5
    bar.setValue(0)
    qtbot.waitUntil(lambda: outline.reading() == "")
    assert outline.reading_row() == -1


def test_another_note_shows_its_own_outline_and_a_note_without_headings_none(qtbot, window):
    open_body(window, BODY)
    assert window.outline.count() == 6
    plain, _ = window.library.create_note("Is a note without headings plain?", "", "",
                                          "No headings here.\nJust two lines.")
    window.open_note(plain)
    assert window.outline.count() == 0
    assert window.outline.reading() == ""
    window.go_back()
    assert window.outline.count() == 6


def open_popup(qtbot, window) -> OutlinePopup:
    window.answer.setFocus()
    qtbot.keyClick(window.answer, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    popup = window.findChild(OutlinePopup)
    assert popup is not None, "Ctrl+Shift+O opened no outline"
    qtbot.waitUntil(popup.isVisible)
    return popup


def popup_texts(popup: OutlinePopup) -> list[str]:
    return popup.list.texts() if popup.list.isVisible() else []


def test_ctrl_shift_o_opens_a_frameless_popup_that_filters_as_you_type(qtbot, window):
    window.resize(1100, 600)
    open_body(window, BODY)
    popup = open_popup(qtbot, window)
    assert popup.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert popup.windowFlags() & Qt.WindowType.Popup == Qt.WindowType.Popup
    assert popup.accessibleName() == "Outline"
    assert QApplication.focusWidget() is popup.field
    assert popup_texts(popup) == window.outline.texts()
    tall = popup.height()
    qtbot.keyClicks(popup.field, "EARLIER")
    assert popup_texts(popup) == ["Earlier work", "Earlier work"]
    assert popup.height() < tall  # (as tall as what it shows: no empty rows)
    assert popup.list.viewport().height() >= 2 * popup.list.sizeHintForRow(0)  # none cut
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)  # the second of them
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(OutlinePopup) is None)
    assert scroll(window) == heading_top(window, "earlier-work-1")
    # (offscreen, no window is active once a popup closes: the window's own focus)
    assert window.focusWidget() is window.answer
    assert window.outline.reading() == "earlier-work-1"


def test_the_popup_says_when_nothing_matches_and_escape_closes_it(qtbot, window):
    open_body(window, BODY)
    popup = open_popup(qtbot, window)
    qtbot.keyClicks(popup.field, "no such heading")
    assert popup_texts(popup) == []
    assert popup.empty.isVisible() and popup.empty.text() == "No heading matches."
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)  # (nothing to go to: nothing happens)
    assert scroll(window) == 0
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(OutlinePopup) is None)
    assert scroll(window) == 0


def test_the_popup_of_a_note_without_headings_says_so(qtbot, window):
    open_body(window, "Only a paragraph.")
    popup = open_popup(qtbot, window)
    assert popup.empty.text() == "This note has no headings."
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)


def test_the_popup_starts_at_the_heading_being_read(qtbot, window):
    window.resize(1100, 600)
    open_body(window, BODY)
    window.answer.verticalScrollBar().setValue(heading_top(window, "results") + 10)
    qtbot.waitUntil(lambda: window.outline.reading() == "results")
    popup = open_popup(qtbot, window)
    assert popup.list.currentItem().text() == "Results"
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)


def painted_lightness(widget) -> int:
    """How light the widget is painted, at its lower right corner (no text there)."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 8, image.height() - 8).lightness()


def test_the_outline_follows_the_theme(qtbot, window):
    open_body(window, BODY)
    window.set_theme("dark")
    qtbot.waitUntil(lambda: painted_lightness(window.outline.viewport()) < 80)
    popup = open_popup(qtbot, window)
    assert painted_lightness(popup.list.viewport()) < 80
    assert painted_lightness(popup.field) < 80
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    window.set_theme("light")
    qtbot.waitUntil(lambda: painted_lightness(window.outline.viewport()) > 200)
    assert window.outline.count() == 6  # (the note shown again: its outline kept)


def test_the_outline_is_off_while_editing(qtbot, window):
    open_body(window, BODY)
    assert window.actions_by_name["outline"].isEnabled()
    window.actions_by_name["edit_note"].trigger()
    assert not window.actions_by_name["outline"].isEnabled()
    window.outline.headingRequested.emit("results")
    assert "Done Editing" in window.statusBar().currentMessage()
