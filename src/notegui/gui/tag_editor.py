"""The current note's tags in the sidebar: a flow of chips (click a name to list the notes
with that tag, the cross to remove it) and a field that adds a tag, completing known names."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from notegui.core.tags import check_tag
from notegui.core.title_match import fold, rank_titles
from notegui.gui.i18n import translate
from notegui.gui.plain_text import tip
from notegui.gui.qt_typing import popup
from notegui.gui.theme import blend

REMOVE_MARK = "\N{MULTIPLICATION SIGN}"


class FlowLayout(QLayout):
    """Lays its items out left to right, wrapping to a new line when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class ChipButton(QToolButton):
    """A borderless button inside a chip, drawn by hand so that hover and keyboard focus
    show the same in every style and theme: a tinted pill on hover, the highlight colour
    when it has the focus."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 10, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_role = QPalette.ColorRole.WindowText
        if self.hasFocus() or self.isDown() or self.underMouse():
            window = palette.color(QPalette.ColorRole.Window)
            accent = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent if self.hasFocus() else blend(window, accent, 0.35))
            radius = self.height() / 2
            painter.drawRoundedRect(self.rect(), radius, radius)
            if self.hasFocus():
                text_role = QPalette.ColorRole.HighlightedText
        painter.setPen(palette.color(text_role))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()


class TagChip(QWidget):
    """One tag as a rounded chip: its name (a button: show notes with this tag) and a cross
    (remove it from the note)."""

    clicked = Signal(str)
    removeClicked = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setAccessibleName(translate("TagEditor", "Tag {name}").format(name=name))
        self.name_button = ChipButton(name, self)
        self.name_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.name_button.setToolTip(tip(
            translate("TagEditor", "Show the notes tagged {name} (tag:{name})").format(name=name)))
        self.name_button.setAccessibleName(
            translate("TagEditor", "Tag {name}: show the notes with this tag").format(name=name))
        self.remove_button = ChipButton(REMOVE_MARK, self)
        self.remove_button.setToolTip(
            tip(translate("TagEditor", "Remove the tag {name} from this note").format(name=name)))
        self.remove_button.setAccessibleName(
            translate("TagEditor", "Remove tag {name}").format(name=name))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 1, 2, 1)
        layout.setSpacing(0)
        layout.addWidget(self.name_button)
        layout.addWidget(self.remove_button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.name_button.clicked.connect(lambda: self.clicked.emit(self.name))
        self.remove_button.clicked.connect(lambda: self.removeClicked.emit(self.name))

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(blend(window, accent, 0.45))
        painter.setBrush(blend(window, accent, 0.14))
        box = self.rect().adjusted(0, 0, -1, -1)
        radius = box.height() / 2
        painter.drawRoundedRect(box, radius, radius)
        painter.end()


class TagEditor(QWidget):
    """``set_tags`` shows a note's tags (no signal); a user's change emits ``tagsChanged``
    with the whole new list; clicking a tag's name emits ``tagClicked(name)``; a tag that
    cannot be added emits ``statusMessage(why)``."""

    tagsChanged = Signal(list)
    tagClicked = Signal(str)
    statusMessage = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("TagEditor", "Tags"))
        self._tags: list[str] = []
        self._known: list[str] = []
        self.label = QLabel(translate("TagEditor", "&Tags"), self)
        bold = QFont(self.label.font())
        bold.setBold(True)
        self.label.setFont(bold)
        self.chips = QWidget(self)
        self.chips.setAccessibleName(translate("TagEditor", "The note's tags"))
        self._flow = FlowLayout(self.chips)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(translate("TagEditor", "Add tag…"))
        self.field.setAccessibleName(translate("TagEditor", "Add a tag to this note"))
        self.field.setToolTip(translate("TagEditor", "Type a tag and press Enter"))
        self.label.setBuddy(self.field)
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        # The names offered are chosen here (case and accents aside: "cafe" offers
        # "café"), not by Qt's filter, which compares accents as different letters.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        popup(self.completer).setAccessibleName(translate("TagEditor", "Known tags"))
        # Before the completer sees the text: the names in the order they are offered.
        self.field.textEdited.connect(self._update_completions)
        self.field.setCompleter(self.completer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.chips)
        layout.addWidget(self.field)
        self.field.returnPressed.connect(self._add_typed)
        # Queued: the line edit puts the chosen name in the field after the direct slots;
        # adding it afterwards clears the field for the next tag.
        self.completer.activated.connect(self._add_completed,
                                         Qt.ConnectionType.QueuedConnection)
        self._show()

    # -- the window's side ---------------------------------------------------------------

    def set_tags(self, tags: Sequence[str]) -> None:
        """Show a note's tags (when another note opens); emits nothing."""
        if list(tags) == self._tags:
            return  # the same chips (most often none): rebuilding them costs a relayout
        self._tags = list(tags)
        self._show()

    def tags(self) -> list[str]:
        return list(self._tags)

    def set_known_tags(self, names: Sequence[str]) -> None:
        """Every tag name in the library, offered as completions."""
        self._known = list(names)
        self._update_completions()

    # -- user changes --------------------------------------------------------------------

    def _add_typed(self) -> None:
        if popup(self.completer).isVisible():
            return  # the completer's activation adds the chosen name
        self._add(self.field.text())

    def _add_completed(self, text: str) -> None:
        self._add(text)

    def _add(self, text: str) -> None:
        name, problem = check_tag(text)
        if problem:
            self.statusMessage.emit(problem)
            return
        self.field.clear()
        if not name:
            return
        folded = name.casefold()
        if any(tag.casefold() == folded for tag in self._tags):
            self.statusMessage.emit(
                translate("TagEditor", "This note is already tagged {name}.").format(name=name))
            return
        # A known tag keeps its spelling: "ml" adds "ML" when the library has "ML".
        name = next((known for known in self._known if known.casefold() == folded), name)
        self._tags.append(name)
        self._show()
        self.tagsChanged.emit(self.tags())

    def _remove(self, name: str) -> None:
        self._tags = [tag for tag in self._tags if tag != name]
        self._show()
        self.field.setFocus()  # the chip that had the focus is gone
        self.tagsChanged.emit(self.tags())

    # -- showing -------------------------------------------------------------------------

    def chip(self, name: str) -> TagChip | None:
        return next((chip for chip in self.chips.findChildren(TagChip)
                     if chip.name == name and not chip.isHidden()), None)

    def _show(self) -> None:
        while (item := self._flow.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for name in self._tags:
            chip = TagChip(name, self.chips)
            chip.clicked.connect(self.tagClicked)
            chip.removeClicked.connect(self._remove)
            self._flow.addWidget(chip)
            chip.show()
        self.chips.setVisible(bool(self._tags))
        self._flow.invalidate()
        self._update_completions()

    def _update_completions(self) -> None:
        """Known names not on the note, those that start with the typed text first, then
        those with a word that does, then the others (case and accents aside)."""
        taken = {tag.casefold() for tag in self._tags}
        typed = fold(self.field.text())
        names = rank_titles(typed, [name for name in self._known
                                    if name.casefold() not in taken and typed in fold(name)])
        if names != self._completions.stringList():
            self._completions.setStringList(names)
