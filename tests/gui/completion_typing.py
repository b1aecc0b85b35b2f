"""Typing a link or citation in the note editor, as a reader does, and reading what the
completion popup offers (shared by the completion tests)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor


def edit(window, note_id: int):  # type: ignore[no-untyped-def]
    """The editor, open on the note ``note_id``."""
    assert window.open_note(note_id)
    window.actions_by_name["edit_note"].trigger()
    assert window.middle.currentWidget() is window.editor
    return window.editor


def type_at_end(qtbot, editor, typed: str):  # type: ignore[no-untyped-def]
    """Type at the end of the body; the popup of offers, once shown."""
    body = editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, typed)
    popup = body.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    return popup


def offered(popup) -> list[str]:  # type: ignore[no-untyped-def]
    model = popup.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]
