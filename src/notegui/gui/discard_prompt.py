"""The question asked before unsaved text is thrown away: Discard, or Keep Editing (the
default, and what Esc answers)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from notegui.gui.i18n import translate
from notegui.gui.plain_text import plain_box


def confirm_discard(parent: QWidget | None, title: str, text: str, detail: str = "") -> bool:
    """True when the reader chose Discard. ``text`` and ``detail`` are shown as written."""
    box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("discard_prompt")
    plain_box(box, text, detail)
    discard = box.addButton(translate("DiscardPrompt", "Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("DiscardPrompt", "Keep Editing"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard
