"""Driving the window as a reader does: clicking a link in the answer pane, opening a note
made for the test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from notegui.gui.answer_view import AnswerView


def click_link(qtbot, view: AnswerView, href: str) -> None:
    """Click, with the mouse, the first link to ``href`` in the view (with no selection)."""
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + 1)
                point = view.cursorRect(cursor).center()
                view.setTextCursor(QTextCursor(view.document()))
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def open_body(window, body: str) -> int:
    """A new note with ``body``, opened in the window; its id."""
    title = f"Where do the links of note {window.library.count() + 1} lead?"
    note_id, _ = window.library.create_note(title, "", "", body)
    window.load_library(window.library, note_id)
    return note_id
