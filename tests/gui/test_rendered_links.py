"""Links the new syntax makes, clicked in the real answer pane: a #tag shows the notes with
that tag, a [[#Heading]] link scrolls to the heading, an embed links to its note."""

from __future__ import annotations

from driving import click_link, open_body


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


def test_show_html_prints_what_the_answer_pane_receives(qtbot, window, capsys, monkeypatch):
    from notegui.app import main

    body = ("Cites [[Which note is embedded?]] with ==marks==, #tags and $x^2$.\n"
            "> [!tip] A tip\n```python\nx = 1\n```")
    window.library.create_note("Which note is embedded?", "A summary.", "", "Words.")
    note_id = open_body(window, body)
    received: list[str] = []
    original = window.answer.show_note

    def spy(html: str, *args, **kwargs) -> None:
        received.append(html)
        original(html, *args, **kwargs)

    monkeypatch.setattr(window.answer, "show_note", spy)
    window.open_note(note_id)
    title = window.library.note(note_id).title
    capsys.readouterr()
    assert main(["--db", str(window.library.path), "show", title, "--html"]) == 0
    assert capsys.readouterr().out == received[-1] + "\n"
    assert 'class="callout' in received[-1] and 'href="tag:tags"' in received[-1]
