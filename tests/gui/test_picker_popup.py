"""The quick switcher and the command palette as a reader meets them: a frameless popup over
the top of the window, the letters typed marked in each row, shortcuts against the right
edge, and no row cut at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from notegui.gui.picker import Picker
from notegui.gui.picker_row import (
    MARKS_ROLE,
    PADDING,
    SHORTCUT_ROLE,
    matched_spans,
    segments,
)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def open_picker(qtbot, window, key: Qt.Key, modifiers, then) -> None:
    """Press ``key`` in the window and run ``then(picker)`` once the picker is up (it is
    closed with Escape afterwards if still open)."""
    done: list[bool] = []

    def look() -> None:
        picker = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if not isinstance(picker, Picker) or not picker.isVisible():
            QTimer.singleShot(20, look)
            return
        try:
            then(picker)
        finally:
            done.append(True)
            if picker.isVisible():
                qtbot.keyClick(picker.field, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    qtbot.keyClick(window, key, modifiers)
    assert done


def rows_whole(picker: Picker) -> None:
    """Every row that shows is shown whole: none cut at the list's bottom."""
    view = picker.list
    height = view.viewport().height()
    shown = [view.visualItemRect(view.item(r)) for r in range(view.count())]
    shown = [rect for rect in shown if rect.top() < height]
    assert shown and all(rect.bottom() < height for rect in shown)
    assert height - shown[-1].bottom() - 1 < shown[-1].height() / 2  # (no empty half row)


def test_the_palette_is_a_frameless_popup_over_the_window(qtbot, window):
    seen: dict[str, object] = {}

    def check(picker: Picker) -> None:
        flags = picker.windowFlags()
        seen["popup"] = flags & Qt.WindowType.WindowType_Mask == Qt.WindowType.Popup
        seen["frameless"] = bool(flags & Qt.WindowType.FramelessWindowHint)
        seen["buttons"] = bool(flags & (Qt.WindowType.WindowMinimizeButtonHint
                                        | Qt.WindowType.WindowMaximizeButtonHint))
        outer = window.frameGeometry()
        seen["inside"] = outer.contains(picker.frameGeometry())
        seen["centred"] = abs(picker.geometry().center().x() - outer.center().x()) <= 2
        seen["focus"] = QApplication.focusWidget() is picker.field
        rows_whole(picker)
        seen["rows"] = picker.list.count()

    open_picker(qtbot, window, Qt.Key.Key_P, CTRL_SHIFT, check)
    assert seen == {"popup": True, "frameless": True, "buttons": False, "inside": True,
                    "centred": True, "focus": True, "rows": seen["rows"]}
    assert seen["rows"] > 12  # (more than it shows: the list scrolls, rows still whole)


def test_palette_shortcuts_are_right_aligned_and_marks_follow_the_typing(qtbot, window):
    found: dict[str, object] = {}

    def check(picker: Picker) -> None:
        qtbot.keyClicks(picker.field, "zo")
        view = picker.list
        labels = [view.item(r).text() for r in range(view.count())]
        found["labels"] = labels
        found["marks"] = [view.item(r).data(MARKS_ROLE) for r in range(view.count())]
        found["shortcuts"] = [view.item(r).data(SHORTCUT_ROLE) for r in range(view.count())]
        rows_whole(picker)
        found["ink"] = [right_ink(picker, r) for r in range(view.count())]
        found["edge"] = view.viewport().width() - PADDING

    open_picker(qtbot, window, Qt.Key.Key_P, CTRL_SHIFT, check)
    assert found["labels"] == ["Zoom In", "Zoom Out", "Reset Zoom"]
    assert found["shortcuts"] == ["Ctrl++", "Ctrl+-", "Ctrl+0"]
    assert found["marks"] == [[(0, 2)], [(0, 2)], [(6, 8)]]
    # Each shortcut drawn against the same right edge, whatever its width.
    ink = found["ink"]
    assert len(set(ink)) == 1 and abs(ink[0] - found["edge"]) <= 3, (ink, found["edge"])


def right_ink(picker: Picker, row: int) -> int:
    """The x of the rightmost pixel painted in the row's text colour (its shortcut)."""
    view = picker.list
    rect = view.visualItemRect(view.item(row))
    image = QImage(rect.width(), rect.height(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, rect.width(), rect.height())
    option.font = view.font()
    option.fontMetrics = QFontMetrics(view.font())
    option.widget = view
    view.itemDelegate().paint(painter, option, view.model().index(row, 0))
    painter.end()
    for x in range(image.width() - 1, -1, -1):
        if any(QColor(image.pixel(x, y)).lightness() < 200 for y in range(image.height())):
            return x
    return -1


def test_the_quick_switcher_marks_the_letters_typed_and_opens_the_note(qtbot, window):
    chosen: dict[str, object] = {}

    def check(picker: Picker) -> None:
        qtbot.keyClicks(picker.field, "semantic corr")
        item = picker.list.item(0)
        chosen["label"] = item.text()
        chosen["pieces"] = segments(item.text(), item.data(MARKS_ROLE))
        rows_whole(picker)
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)

    open_picker(qtbot, window, Qt.Key.Key_O, CTRL, check)
    assert chosen["label"] == "Do reasoning traces need to be semantically correct?"
    assert [piece for piece, matched in chosen["pieces"] if matched] == ["semantic", "corr"]
    assert window.answer.toPlainText().startswith(chosen["label"])


def test_a_click_outside_closes_it(qtbot, window):
    closed: list[bool] = []

    def check(picker: Picker) -> None:
        qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker.rect().bottomRight()
                         + picker.rect().bottomRight())
        closed.append(not picker.isVisible())

    open_picker(qtbot, window, Qt.Key.Key_O, CTRL, check)
    assert closed == [True]


def test_matched_spans():
    assert matched_spans("Zoom In", "zo") == [(0, 2)]
    assert matched_spans("Reset Zoom", "zo") == [(6, 8)]
    assert matched_spans("Do traces need", "ace") == [(5, 8)]  # inside a word, when only there
    assert matched_spans("Open Open", "op") == [(0, 2), (5, 7)]
    assert matched_spans("Straße", "ss") == []
    assert matched_spans("a b", "") == []
    assert segments("Zoom In", [(0, 2)]) == [("Zo", True), ("om In", False)]
