"""The annotation browser over a fake library: filter by typing, by colour and to the current
note; detached annotations listed and marked; Enter or a double-click opens one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from notegui.core.domain import Annotation
from notegui.gui.annotation_browser import AnnotationBrowser, swatch_color

LEAVES, COLD = "Why do leaves fall?", "Why is winter cold?"


def annotation(number: int, note_id: int, title: str, exact: str, comment: str, color: str,
               detached: bool = False) -> Annotation:
    return Annotation(title, exact, "", "", 0, len(exact), comment, color,
                      "2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z", number, note_id, detached)


ANNOTATIONS = [
    annotation(1, 7, LEAVES, "days shorten in autumn", "The main cause.", "yellow"),
    annotation(2, 7, LEAVES, "chlorophyll breaks down", "", "green"),
    annotation(3, 9, COLD, "the sun is low", "Angle of light", "yellow"),
    annotation(4, 9, COLD, "snow reflects sunlight", "gone since the rewrite", "blue",
               detached=True),
]


class FakeLibrary:
    """``all_annotations`` as the library gives it: every word must be in the quote, the
    comment or the note title."""

    def __init__(self, annotations: list[Annotation]) -> None:
        self.annotations = annotations
        self.calls: list[tuple[str, str, int]] = []

    def all_annotations(self, words: str = "", color: str = "",
                        note_id: int = 0) -> list[Annotation]:
        self.calls.append((words, color, note_id))
        found = []
        for shown in self.annotations:
            text = f"{shown.exact} {shown.comment} {shown.note_title}".casefold()
            if all(word in text for word in words.casefold().split()) \
                    and color in ("", shown.color) and note_id in (0, shown.note_id):
                found.append(shown)
        return found


@pytest.fixture
def library() -> FakeLibrary:
    return FakeLibrary(list(ANNOTATIONS))


@pytest.fixture
def browser(qtbot, library):
    shown = AnnotationBrowser(library.all_annotations, current_note_id=9)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def listed(browser: AnnotationBrowser) -> list[int]:
    return [browser.model.annotation(row).id for row in range(browser.model.rowCount())]


def click_row(qtbot, browser: AnnotationBrowser, row: int, double: bool = False) -> None:
    center = browser.list.visualRect(browser.model.index(row)).center()
    viewport = browser.list.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=center)
    if double:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=center)


def test_every_annotation_is_listed_with_a_count(browser, library):
    assert listed(browser) == [1, 2, 3, 4]
    assert browser.count_label.text() == "4 annotations"
    assert library.calls == [("", "", 0)]
    assert browser.list.currentIndex().row() == 0
    first = browser.model.index(0)
    assert first.data() == LEAVES
    assert "“days shorten in autumn”" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert "The main cause." in first.data(Qt.ItemDataRole.ToolTipRole)


def test_a_detached_annotation_is_listed_and_marked(browser):
    detached = browser.model.index(3)
    assert "detached" in detached.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "detached" not in browser.model.index(2).data(Qt.ItemDataRole.AccessibleTextRole)
    # its row is taller than a comment-less one and paints without trouble
    assert browser.list.visualRect(detached).height() > \
        browser.list.visualRect(browser.model.index(1)).height()
    assert not browser.list.grab().isNull()


def test_typing_filters_after_a_pause(qtbot, browser, library):
    browser.filter.setFocus()
    qtbot.keyClicks(browser.filter, "sun")
    assert listed(browser) == [1, 2, 3, 4]  # not on every keystroke
    qtbot.waitUntil(lambda: listed(browser) == [3, 4])
    assert library.calls == [("", "", 0), ("sun", "", 0)]  # one fetch for the three keys
    assert browser.count_label.text() == "2 annotations"
    qtbot.keyClicks(browser.filter, " angle")
    qtbot.waitUntil(lambda: listed(browser) == [3])
    assert browser.count_label.text() == "1 annotation"


def test_words_also_match_the_note_title_and_nothing_found_says_so(qtbot, browser):
    browser.filter.setFocus()
    qtbot.keyClicks(browser.filter, "leaves")
    qtbot.waitUntil(lambda: listed(browser) == [1, 2])
    qtbot.keyClicks(browser.filter, " nowhere")
    qtbot.waitUntil(lambda: browser.count_label.text() == "No annotations match")
    assert browser.list.placeholder == "No annotations match these filters."
    assert not browser.open_button.isEnabled()


def test_colour_filter(qtbot, browser, library):
    assert browser.color.currentText() == "Any colour"
    browser.color.setFocus()
    qtbot.keyClick(browser.color, Qt.Key.Key_Down)  # Yellow
    assert browser.color.currentText() == "Yellow"
    assert listed(browser) == [1, 3]
    assert library.calls[-1] == ("", "yellow", 0)
    qtbot.keyClick(browser.color, Qt.Key.Key_Down)
    qtbot.keyClick(browser.color, Qt.Key.Key_Down)  # Blue
    assert listed(browser) == [4]
    assert browser.color.itemIcon(3).pixmap(14, 14).toImage().pixelColor(7, 7) \
        == swatch_color("blue")


def test_this_note_only(qtbot, browser, library):
    assert browser.this_note.isEnabled()
    qtbot.mouseClick(browser.this_note, Qt.MouseButton.LeftButton)
    assert browser.this_note.isChecked()
    assert listed(browser) == [3, 4]
    assert library.calls[-1] == ("", "", 9)
    browser.set_current_note(7)  # the window moved to another note
    assert listed(browser) == [1, 2]
    browser.set_current_note(0)  # no note open: the toggle cannot apply
    assert not browser.this_note.isEnabled() and not browser.this_note.isChecked()
    assert listed(browser) == [1, 2, 3, 4]


def test_enter_on_a_row_opens_it_once(qtbot, browser):
    opened: list[tuple[int, int]] = []
    browser.annotationRequested.connect(lambda note, mark: opened.append((note, mark)))
    click_row(qtbot, browser, 2)
    assert browser.list.hasFocus()
    qtbot.keyClick(browser.list, Qt.Key.Key_Return)
    assert opened == [(9, 3)]
    assert browser.isVisible()  # a browser stays open for the next one
    qtbot.keyClick(browser.list, Qt.Key.Key_Down)
    qtbot.keyClick(browser.list, Qt.Key.Key_Enter)
    assert opened == [(9, 3), (9, 4)]


def test_double_click_opens_a_row(qtbot, browser):
    with qtbot.waitSignal(browser.annotationRequested) as opened:
        click_row(qtbot, browser, 1, double=True)
    assert opened.args == [7, 2]


def test_keys_in_the_filter_move_and_open(qtbot, browser):
    opened: list[tuple[int, int]] = []
    browser.annotationRequested.connect(lambda note, mark: opened.append((note, mark)))
    browser.filter.setFocus()
    qtbot.keyClick(browser.filter, Qt.Key.Key_Down)
    qtbot.keyClick(browser.filter, Qt.Key.Key_Down)
    assert browser.current_annotation().id == 3
    qtbot.keyClick(browser.filter, Qt.Key.Key_Return)
    assert opened == [(9, 3)]
    qtbot.keyClicks(browser.filter, "chlorophyll")
    qtbot.keyClick(browser.filter, Qt.Key.Key_Return)  # before the pause: what now matches
    assert opened[-1] == (7, 2)


def test_refresh_keeps_the_selected_annotation(qtbot, browser, library):
    click_row(qtbot, browser, 2)
    library.annotations.insert(0, annotation(5, 7, LEAVES, "red and gold", "", "pink"))
    browser.refresh()
    assert listed(browser) == [5, 1, 2, 3, 4]
    assert browser.current_annotation().id == 3
    assert browser.count_label.text() == "5 annotations"


def test_an_empty_library_says_so(qtbot):
    browser = AnnotationBrowser(FakeLibrary([]).all_annotations)
    qtbot.addWidget(browser)
    browser.show()
    assert browser.count_label.text() == "No annotations yet"
    assert browser.list.placeholder.startswith("No annotations yet.")
    assert not browser.this_note.isEnabled()
    QApplication.processEvents()


def test_every_control_has_an_accessible_name(browser):
    for widget in (browser, browser.filter, browser.color, browser.this_note, browser.list,
                   browser.open_button, browser.close_button, browser.count_label):
        assert widget.accessibleName()
