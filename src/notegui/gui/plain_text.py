"""Text from notes, files and errors shown by Qt as written, never read as markup.

Qt guesses the format of a tooltip, a message box and a label left at ``Qt.AutoText``
(``Qt.mightBeRichText``): a summary, comment, title, tag or file name starting with a tag
such as ``<img src="/path">`` would be rich text, and Qt would read that file to draw it
(``/dev/zero`` until the window ran out of memory). So every such widget that shows text
we did not write gets it through here: ``literal`` for the widgets that guess, ``label``
for labels (told ``Qt.PlainText``), ``ask``/``warn``/``inform`` for message boxes, and
``InertBrowser`` for a QTextBrowser that must never load anything.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QTextBrowser, QWidget

# A tooltip is laid out whole at every hover: a 1 MB comment must not be.
MAX_TIP_CHARS = 2_000
# What a list row draws of a text (it shows at most a few lines): a 1 MB comment or title,
# laid out or elided whole at every paint, took 4.6 s to show in the sidebar.
MAX_ROW_CHARS = 1_000
MAX_MESSAGE_CHARS = 4_000


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"


def literal(text: str) -> str:
    """``text`` for a widget that guesses its format: unchanged when Qt would show it as
    plain text anyway, else escaped rich text that shows exactly ``text``."""
    if Qt.mightBeRichText(text):
        return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return text


def tip(text: str) -> str:
    """A tooltip showing ``text`` as written (cut to MAX_TIP_CHARS)."""
    return literal(shortened(text, MAX_TIP_CHARS))


def rich_tip(title: str, text: str = "") -> str:
    """A tooltip of ``title`` in bold over ``text``, each shown as written (escaped, cut to
    MAX_TIP_CHARS). Rich text, so that Qt wraps it (a label's width of about 80 average
    characters at most) where it shows a plain one on a single line as wide as the screen."""
    parts = [f"<b>{escape(shortened(title, MAX_TIP_CHARS))}</b>"] if title else []
    if text:
        parts.append(escape(shortened(text, MAX_TIP_CHARS)).replace("\n", "<br>"))
    return f"<p>{'<br>'.join(parts)}</p>"


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as plain text, whatever is set on it later."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    return widget


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question; ``text`` is shown as written. True for Yes."""
    answer = QMessageBox.question(parent, title, literal(shortened(text, MAX_MESSAGE_CHARS)))
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, literal(shortened(text, MAX_MESSAGE_CHARS)))


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, literal(shortened(text, MAX_MESSAGE_CHARS)))


def plain_box(box: QMessageBox, text: str, informative: str = "") -> None:
    """Set a message box's text and informative text, both shown as written."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(shortened(text, MAX_MESSAGE_CHARS))
    if informative:
        box.setInformativeText(literal(shortened(informative, MAX_MESSAGE_CHARS)))


class InertBrowser(QTextBrowser):
    """A QTextBrowser that loads nothing: no image, style sheet or page from the disk or
    anywhere else, whatever the HTML asks for (a QTextBrowser reads local files)."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        return None
