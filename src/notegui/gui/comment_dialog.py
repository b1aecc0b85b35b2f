"""The comment dialog: the quoted words being commented on, above a field that wraps its
lines; Ctrl+Enter (or the button) saves, Esc cancels. Enter alone starts a new line, as in
any multi-line field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from notegui.gui.i18n import translate
from notegui.gui.plain_text import label, shortened
from notegui.gui.theme import dress

MAX_QUOTE_CHARS = 600  # a whole paragraph at most: the dialog stays on the screen


class CommentDialog(QDialog):
    """Ask for a comment on ``quote``; ``comment()`` is the text once accepted."""

    def __init__(self, quote: str, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CommentDialog", "Edit Comment") if current
                            else translate("CommentDialog", "Comment"))
        self.setAccessibleName(translate("CommentDialog", "Comment on the selected words"))
        heading = QLabel(translate("CommentDialog", "On the words:"))
        self.quote = label(f"“{shortened(' '.join(quote.split()), MAX_QUOTE_CHARS)}”")
        self.quote.setAccessibleName(translate("CommentDialog", "The quoted words"))
        self.quote.setWordWrap(True)
        self.quote.setFrameShape(QFrame.Shape.StyledPanel)
        self.quote.setMargin(6)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.quote.font()
        font.setItalic(True)
        self.quote.setFont(font)
        prompt = QLabel(translate("CommentDialog", "Your &comment:"))
        self.field = QPlainTextEdit()
        self.field.setAccessibleName(translate("CommentDialog", "Comment"))
        # (QInputDialog's multi-line field does not wrap: a long comment ran off the right.)
        self.field.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.field.setTabChangesFocus(True)
        self.field.setPlainText(current)
        self.field.moveCursor(self.field.textCursor().MoveOperation.End)
        prompt.setBuddy(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(translate("CommentDialog", "Save the comment (Ctrl+Enter)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(translate("CommentDialog", "Ctrl+Enter saves; Esc cancels."))
        hint.setEnabled(False)  # greyed: a hint, not content
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the main key and the keypad's
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.quote)
        layout.addWidget(prompt)
        layout.addWidget(self.field, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(480, 320)
        self.field.setFocus()
        dress(self)

    def comment(self) -> str:
        return self.field.toPlainText()
