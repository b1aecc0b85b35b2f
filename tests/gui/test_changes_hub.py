"""Every write goes to every view with who made it (gui/changes_hub.py): a write from one
view refreshes the others, and the view that made it does not redo what it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from shown import chip_names

from conftest import SAMPLE_TITLE
from notegui.core.domain import Changes

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PHRASE = "five million pretraining documents"


def highlight(qtbot, window, phrase: str = PHRASE) -> None:
    cursor = window.answer.document().find(phrase)
    assert not cursor.isNull(), phrase
    window.answer.setTextCursor(cursor)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL_SHIFT)


def calls(monkeypatch, obj, name: str) -> list[tuple]:
    """Record each call of ``obj.name`` (still made), with its arguments."""
    made: list[tuple] = []
    original = getattr(obj, name)

    def recording(*args):
        made.append(args)
        return original(*args)

    monkeypatch.setattr(obj, name, recording)
    return made


def browser_quotes(browser) -> list[str]:
    model = browser.list.model()
    return [model.annotation(row).exact for row in range(model.rowCount())]


def test_a_highlight_in_the_answer_shows_in_the_open_annotation_browser(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL_SHIFT)
    browser = window.notes.browser
    qtbot.waitExposed(browser)
    assert PHRASE not in browser_quotes(browser)
    highlight(qtbot, window)
    assert PHRASE in browser_quotes(browser)  # without closing and opening it again
    # Deleting it in the sidebar's list: gone from the browser too.
    [annotation] = window.library.annotations(window.current_id)
    window.sidebar.annotations.deleteRequested.emit(annotation.id)
    assert PHRASE not in browser_quotes(browser)
    browser.close()


def test_the_annotator_does_not_redo_its_own_write_but_shows_another(
        qtbot, window, monkeypatch):
    shown = calls(monkeypatch, window.annotator, "note_shown")
    highlight(qtbot, window)
    assert len(shown) == 1  # shown once, as it wrote it: the hub's notice is skipped
    assert window.sidebar.annotations.labels() == [f"“{PHRASE}”"]
    # A write no view made (another process, say) to the shown note's annotations.
    text = window.answer.plain_text()
    start = text.index("reasoning")
    library = window.library
    library.add_annotation(window.current_id, "reasoning", "", "", start,
                           start + len("reasoning"), "green")
    window.hub.publish(Changes(annotations=frozenset({window.current_id})))
    assert len(shown) == 2
    assert sorted(window.sidebar.annotations.labels()) == sorted([f"“{PHRASE}”", "“reasoning”"])


def test_tags_typed_in_the_field_keep_its_chips_and_teach_its_completions(
        qtbot, window, monkeypatch):
    tags = window.sidebar.tags
    refilled = calls(monkeypatch, tags, "set_tags")
    tags.field.setFocus()
    qtbot.keyClicks(tags.field, "glacial")
    qtbot.keyClick(tags.field, Qt.Key.Key_Return)
    note = window.library.find(SAMPLE_TITLE)
    assert "glacial" in note.tags  # written
    assert chip_names(tags) == list(note.tags)
    assert refilled == []  # its own change: the field was not filled again
    # The same kind of write, made elsewhere: the field shows it.
    window.hub.publish(window.library.set_tags(note.id, ["glacial", "moraine"]))
    assert [list(names) for names, in refilled] == [["glacial", "moraine"]]
    assert chip_names(tags) == ["glacial", "moraine"]
    # Both are offered on another note.
    other = next(i for i in window.model.ids() if i != note.id)
    window.open_note(other)
    offered = tags.completer.model().stringList()
    assert "glacial" in offered and "moraine" in offered


def test_a_tag_change_leaves_the_answer_and_the_list_as_they_are(qtbot, window,
                                                                  monkeypatch):
    rendered = calls(monkeypatch, window.answer, "show_note")
    refreshed = calls(monkeypatch, window.model, "refresh")
    tags = window.sidebar.tags
    tags.field.setFocus()
    qtbot.keyClicks(tags.field, "glacial")
    qtbot.keyClick(tags.field, Qt.Key.Key_Return)
    assert "glacial" in window.library.find(SAMPLE_TITLE).tags
    assert rendered == []  # the answer shows no tags: nothing to show again
    assert all(not notes for notes, in refreshed)  # no row to read again either
