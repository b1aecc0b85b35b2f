"""The note editor: title, description, summary and the markdown body, with highlighting,
a live preview beside it, undo/redo (Qt's own, per field), and completion of links
after ``[[``. It only edits; the window decides when to save (gui/editing.py)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from notegui.core.domain import LinkCompletion, Note, NoteText
from notegui.gui import completion_popup
from notegui.gui.answer_view import AttachmentBrowser
from notegui.gui.i18n import translate
from notegui.gui.markdown_highlighter import MarkdownHighlighter
from notegui.gui.plain_text import tip
from notegui.gui.qt_typing import activated_index, popup
from notegui.gui.theme import field_css

PREVIEW_DELAY_MS = 250
COMPLETIONS = 20
# The store names the field at fault first ("title: a note needs a title").
FIELDS = ("title", "description", "summary")
REFUSED = {False: "#b3261e", True: "#ff7b72"}  # red, on a light and on a dark theme


def field_at_fault(error: str) -> tuple[str, str]:
    """(the field the store's message names, the reason), or ("", the message)."""
    field, colon, reason = error.partition(": ")
    if colon and field in FIELDS:
        return field, reason
    return "", error


def open_citation(text_before: str) -> str | None:
    """The title being typed after an unclosed ``[[`` on this line, else None."""
    start = text_before.rfind("[[")
    if start < 0 or "]]" in text_before[start:]:
        return None
    return text_before[start + 2 :]


class BodyEdit(QPlainTextEdit):
    """The markdown body. Typing after ``[[`` offers notes (``completions_for(typed)``:
    each shown as the library says, a title and where it lives); choosing one writes its
    link text (a title, or a vault's file name or path) and closes the link."""

    def __init__(self, completions_for: Callable[[str], list[LinkCompletion]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._completions_for = completions_for
        self._offers: list[LinkCompletion] = []  # (the popup's rows, in order)
        self.setAccessibleName(translate("Editor", "Answer (markdown)"))
        self.setTabChangesFocus(False)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.completer = QCompleter(QStringListModel(self), self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # (the row clicked: two offers may show alike, never insert alike)
        activated_index(self.completer).connect(self._chosen)
        popup(self.completer).setAccessibleName(translate("Editor", "Cited title suggestions"))
        completion_popup.prepare(self.completer)

    def typed_title(self) -> str | None:
        cursor = self.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        return open_citation(before)

    def _chosen(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._offers):
            self.insert_citation(self._offers[index.row()].inserted)

    def offers(self) -> list[LinkCompletion]:
        """What the popup offers (or last offered), in its order."""
        return list(self._offers)

    def insert_citation(self, title: str) -> None:
        """Write ``title`` (a link's text) over what was typed after ``[[``, and close it."""
        typed = self.typed_title()
        if typed is None:
            return
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            len(typed))
        after = cursor.block().text()[cursor.positionInBlock() + len(typed):]
        closing = "" if after.startswith("]]") else "]]"
        cursor.insertText(title + closing)
        if not closing:
            cursor.movePosition(QTextCursor.MoveOperation.Right, n=2)
        self.setTextCursor(cursor)
        popup(self.completer).hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        shown = popup(self.completer)
        if shown.isVisible() and event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape,
            Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                current = shown.currentIndex()
                row = current.row() if current.isValid() else 0
                if 0 <= row < len(self._offers):
                    self.insert_citation(self._offers[row].inserted)
                    return
            if event.key() == Qt.Key.Key_Escape:
                shown.hide()
                return
            event.ignore()  # the popup handles moving through the list
            return
        super().keyPressEvent(event)
        self._offer_titles()

    def _offer_titles(self) -> None:
        typed = self.typed_title()
        if typed is None or not typed.strip():
            popup(self.completer).hide()
            return
        self._offers = self._completions_for(typed)[:COMPLETIONS]
        if not self._offers:
            popup(self.completer).hide()
            return
        completion_popup.show(self.completer, self, self.cursorRect(),
                              [offer.shown for offer in self._offers])


class NoteEditorPane(QWidget):
    """Edits one note. ``edited`` fires on every change the reader makes;
    ``createRequested(title)`` when they ask to create a cited note that does not exist;
    ``discardRequested`` (the Discard button) and ``leaveRequested`` (Esc) ask to leave."""

    edited = Signal()
    createRequested = Signal(str)
    discardRequested = Signal()
    leaveRequested = Signal()

    def __init__(self, completions_for: Callable[[str, str], list[LinkCompletion]],
                 render_preview: Callable[[NoteText], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Editor", "Note editor"))
        self._render_preview = render_preview
        self._loading = False
        self._dark = False
        self.note_id = 0
        self.path = ""  # the note's place in its vault ('': the library's own, or new)
        self.title = QLineEdit()
        self.title.setAccessibleName(translate("Editor", "Title (a question)"))
        self.title.setPlaceholderText(translate("Editor", "The question, ending in '?'"))
        self.description = QLineEdit()
        self.description.setAccessibleName(translate("Editor", "Description"))
        self.description.setPlaceholderText(
            translate("Editor", "One line saying what the note answers"))
        self.summary = QLineEdit()
        self.summary.setAccessibleName(translate("Editor", "Summary"))
        self.summary.setPlaceholderText(
            translate("Editor", "One line: how notes citing this one sum it up"))
        # (links are completed by the rules of the note being edited: its path says)
        self.body = BodyEdit(lambda typed: completions_for(self.path, typed))
        self.highlighter = MarkdownHighlighter(self.body.document())
        # loads nothing a note names (a vault note's images: the library's copies)
        self.preview = AttachmentBrowser()
        self.preview.setAccessibleName(translate("Editor", "Preview"))
        self.preview.setOpenLinks(False)
        self.preview_button = QToolButton()
        self.preview_button.setText(translate("Editor", "Preview"))
        self.preview_button.setCheckable(True)
        self.preview_button.setChecked(True)
        self.preview_button.setAccessibleName(translate("Editor", "Show the preview"))
        self.preview_button.toggled.connect(self._toggle_preview)
        self.message = QLabel()
        self.message.setAccessibleName(translate("Editor", "Editor messages"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.linkActivated.connect(self.createRequested)
        self.message.hide()
        self.state = QLabel()
        self.state.setAccessibleName(translate("Editor", "Save state"))
        self.discard_button = QPushButton(translate("Editor", "Discard"))
        self.discard_button.setAccessibleName(translate("Editor", "Discard the unsaved edit"))
        self.discard_button.setToolTip(
            translate("Editor",
                      "Leave the editor without saving what is not saved yet (Esc leaves a new "
                      "note)"))
        self.discard_button.setAutoDefault(False)
        self.discard_button.clicked.connect(self.discardRequested)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._layout()
        for field in (self.title, self.description, self.summary):
            field.textEdited.connect(self._changed)  # typed, never a setText
        # Not textChanged: the highlighter's rehighlight (a theme change, the first paint)
        # emits it with the text unchanged, and that started a phantom edit and draft.
        self.body.document().contentsChange.connect(self._body_changed)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(translate("Editor", "&Title"), self.title)
        form.addRow(translate("Editor", "&Description"), self.description)
        form.addRow(translate("Editor", "S&ummary"), self.summary)
        bar = QHBoxLayout()
        bar.addWidget(self.state, 1)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.preview_button)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.body)
        self.split.addWidget(self.preview)
        self.split.setChildrenCollapsible(False)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.split, 1)
        column.addLayout(bar)

    # -- content ---------------------------------------------------------------------------

    def load(self, note: Note | None, fields: NoteText | None = None) -> None:
        """Edit ``note`` (None: a new note); ``fields`` instead of its text (a draft)."""
        self._loading = True
        self.note_id = note.id if note else 0
        self.path = note.path if note else ""
        if fields is None:
            fields = NoteText(note.title, note.description, note.summary, note.body
                                ) if note else NoteText("", "", "", "")
        for line, text in ((self.title, fields.title), (self.description, fields.description),
                           (self.summary, fields.summary)):
            line.setText(text)
            line.setCursorPosition(0)  # show a long line from its start
        self.body.setPlainText(fields.body)
        self.body.document().clearUndoRedoStacks()
        self._loading = False
        self.show_problem("")
        self.refresh_preview()

    def fields(self) -> NoteText:
        return NoteText(self.title.text(), self.description.text(), self.summary.text(),
                          self.body.toPlainText())

    def set_body_font(self, family: str, size: int) -> None:
        """The markdown's letters (File ▸ Settings…): ``family`` ('' the system's fixed-width
        font) at ``size`` points (0 its own size)."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if family:
            font.setFamily(family)
        if size > 0:
            font.setPointSize(size)
        self.body.setFont(font)

    def set_preview_font(self, font: QFont) -> None:
        """The preview's letters: the answer's (File ▸ Settings…), as the note will read."""
        self.preview.setFont(font)

    def set_dark(self, dark: bool, css: str) -> None:
        self._dark = dark
        self.highlighter.set_dark(dark)
        self.preview.document().setDefaultStyleSheet(css)
        self.refresh_preview()

    # -- messages --------------------------------------------------------------------------

    def line_fields(self) -> dict[str, QLineEdit]:
        return {"title": self.title, "description": self.description,
                "summary": self.summary}

    def show_problem(self, text: str) -> None:
        """A problem that stops saving (a bad title, a failed write), in red above the
        editor; the field it names is framed in red, with the reason as its tooltip. ''
        hides it."""
        field, reason = field_at_fault(text)
        red = REFUSED[self._dark]
        for name, line in self.line_fields().items():
            refused = bool(text) and name == field
            line.setProperty("refused", refused)
            line.setStyleSheet(f"QLineEdit {{ border: 2px solid {red}; border-radius: 3px; }}"
                               if refused else field_css(self._dark))
            why = translate("Editor", "Not saved: {reason}").format(
                reason=reason) if refused else ""
            line.setToolTip(tip(why))
            line.setAccessibleDescription(why)
        labels = {"title": translate("Editor", "Title"),
                  "description": translate("Editor", "Description"),
                  "summary": translate("Editor", "Summary")}
        named = f"{labels[field]}: " if field else ""
        self.message.setStyleSheet(f"color: {red};" if text else "")
        self.message.setText(translate("Editor", "<b>Not saved.</b> {reason}").format(
            reason=html.escape(named + reason)) if text else "")
        self.message.setVisible(bool(text))

    def show_missing(self, titles: list[str]) -> None:
        """Cited titles with no note: each with a link that creates it."""
        self.show_problem("")
        if not titles:
            return
        links = ", ".join(
            translate("Editor", "“{title}” (<a href=\"{href}\">create it</a>)").format(
                title=html.escape(t), href=html.escape(t, quote=True))
            for t in titles[:5])
        others = len(titles) - 5
        more = translate("Editor", " and %Ln more", "", others) if others > 0 else ""
        self.message.setText(translate("Editor", "Not in the library yet: {links}{more}").format(
            links=links, more=more))
        self.message.show()

    def set_state(self, text: str) -> None:
        self.state.setText(text)

    # -- reacting --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc that no field used (the body's completion takes it first): leave the editor.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.leaveRequested.emit()
            return
        super().keyPressEvent(event)

    def _changed(self) -> None:
        if not self._loading:
            self._preview_timer.start()
            self.edited.emit()

    def _body_changed(self, _position: int, removed: int, added: int) -> None:
        if removed or added:
            self._changed()

    def _toggle_preview(self, shown: bool) -> None:
        self.preview.setVisible(shown)
        if shown:
            self.refresh_preview()

    def refresh_preview(self) -> None:
        if self.preview.isVisibleTo(self) or not self.isVisible():
            bar = self.preview.verticalScrollBar()
            position = bar.value()
            self.preview.setHtml(self._render_preview(self.fields()))
            bar.setValue(position)
