"""The outline's headings, read from the rendered note: level, text as shown, and the anchor
the answer pane scrolls to."""

from __future__ import annotations

from notegui.core.domain import Note
from notegui.core.outline import Heading, headings, matching
from notegui.core.render import MARKDOWN, QUESTION_NOTE, render_body, render_note_html


def nothing(_title: str) -> None:
    return None


def test_a_markdown_notes_headings_with_their_levels_texts_and_anchors():
    body = ("# Intro *with* `code`\n\ntext\n\nSetext two\n----------\n\n### Deep & <b>\n\n"
            "```\n# not a heading\n```\n\n## Intro with code\n")
    found = headings(render_body(body, nothing, flavour=MARKDOWN))
    assert found == (
        Heading(1, "Intro with code", "intro-with-code"),
        Heading(2, "Setext two", "setext-two"),
        Heading(3, "Deep & <b>", "deep--b"),
        Heading(2, "Intro with code", "intro-with-code-1"),  # (a second: its own anchor)
    )


def test_a_question_notes_headings_and_not_its_title():
    note = Note(id=1, title="Why is the sky blue?", description="", summary="",
                body="# Rayleigh [[Scattering]]\nShort waves scatter more.\n## Sunsets\nRed.",
                created="", updated="")
    html = render_note_html(note, nothing, flavour=QUESTION_NOTE)
    assert ">Why is the sky blue?</h1>" in html  # (the title: an <h1> without an id)
    assert [(h.level, h.text) for h in headings(html)] == [
        (1, "Rayleigh [[Scattering]]"), (2, "Sunsets")]


def test_no_headings_and_an_embedded_notes_headings_left_out():
    assert headings(render_body("just text\n\nmore", nothing, flavour=MARKDOWN)) == ()
    embedded = ('<h2 id="mine">Mine</h2><blockquote class="embed"><p>x</p>'
                '<h2 id="theirs">Theirs</h2><blockquote><h3 id="q">Q</h3></blockquote>'
                '<h2 id="theirs2">Theirs too</h2></blockquote><h2 id="after">After</h2>')
    assert [h.anchor for h in headings(embedded)] == ["mine", "after"]


def test_matching_keeps_the_headings_holding_every_word_typed_in_order():
    found = (Heading(1, "Method and Results", "a"), Heading(2, "Results", "b"),
             Heading(2, "Discussion", "c"))
    assert matching(found, "res") == found[:2]
    assert matching(found, "RESULTS meth") == found[:1]
    assert matching(found, "") == found
    assert matching(found, "zzz") == ()
