"""Links the new syntax makes, clicked in the real answer pane: a #tag shows the notes with
that tag, a [[#Heading]] link scrolls to the heading, an embed links to its note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from notegui.gui.answer_view import AnswerView


def click_link(qtbot, view: AnswerView, href: str) -> None:
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position() + 1)
                point = view.cursorRect(cursor).center()
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            fragments += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def open_body(window, body: str) -> int:
    title = f"What do the links of note {window.library.count() + 1} do?"
    note_id, _ = window.library.create_note(title, "", "", body)
    window.load_library(window.library, note_id)
    return note_id


def test_a_tag_in_a_note_shows_the_notes_with_that_tag(qtbot, window):
    open_body(window, "Filed under #reading/later today.")
    click_link(qtbot, window.answer, "tag:reading/later")
    assert window.search.text() == "tag:reading/later"


def test_a_heading_link_scrolls_to_the_heading(qtbot, window):
    filler = "\n".join(f"Line {n} of filler text." for n in range(200))
    open_body(window, f"See [the end](#the-end) below.\n{filler}\n## The End\nDone.")
    window.answer.verticalScrollBar().setValue(0)
    click_link(qtbot, window.answer, "#the-end")  # the heading's anchor (its id)
    assert window.answer.verticalScrollBar().value() > 0


def test_an_embedded_note_is_shown_inside_with_a_link_to_it(qtbot, window):
    cited_id, _ = window.library.create_note("Which note is embedded?", "", "",
                                             "The embedded words.")
    open_body(window, "Here it is: ![[Which note is embedded?]]")
    text = window.answer.toPlainText()
    assert "The embedded words." in text
    click_link(qtbot, window.answer, f"note:{cited_id}")
    assert window.current_id == cited_id
