"""A note read from a markdown folder, in the real window: its heading and block links
scroll there, its section embeds show only the section, its images are the library's
copies (and nothing else is loaded), same-titled notes link to the right one, and the
editor edits and saves it (its description and summary written to its file's front
matter)."""

from __future__ import annotations

from driving import click_link
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QTextDocument, QTextImageFormat

from notegui.app import main
from vault_rows import add_attachment, add_note, png

FILLER = "\n\n".join(f"Paragraph {n} of filler text, long enough to wrap." for n in range(120))
RED = QColor(0xCC, 0x22, 0x22)
CTRL = Qt.KeyboardModifier.ControlModifier


def show(window, note_id: int) -> None:
    window.load_library(window.library, note_id)
    assert window.current_id == note_id


def block_top(view, text: str) -> float:
    """Where the paragraph starting with ``text`` is, in the view's coordinates."""
    block = view.document().begin()
    while block.isValid():
        if block.text().startswith(text):
            top = view.document().documentLayout().blockBoundingRect(block).top()
            return top - view.verticalScrollBar().value()
        block = block.next()
    raise AssertionError(f"no paragraph starting with {text!r}")


def test_a_heading_link_opens_the_note_scrolled_to_the_heading(qtbot, window):
    other = add_note(window.library, "v/Other.md",
                     f"# Other\n\n{FILLER}\n\n## Far Heading\n\nThe far words.\n\n{FILLER}")
    source = add_note(window.library, "v/Source.md", "Go to [[Other#Far Heading]].")
    show(window, source)
    click_link(qtbot, window.answer, f"note:{other}#far-heading")
    assert window.current_id == other
    assert window.answer.verticalScrollBar().value() > 0
    # At the top of the pane (to a fraction of a pixel: lines are 135% tall).
    assert -1 < block_top(window.answer, "Far Heading") < 40


def test_a_block_link_scrolls_to_the_block_and_hides_its_marker(qtbot, window):
    note = add_note(window.library, "v/Note.md",
                    f"[[#^the-claim|see the claim]]\n\n{FILLER}\n\nThe claim itself. ^the-claim"
                    f"\n\n{FILLER}")
    show(window, note)
    window.answer.verticalScrollBar().setValue(0)
    click_link(qtbot, window.answer, "#^the-claim")
    assert window.answer.verticalScrollBar().value() > 0
    assert -1 < block_top(window.answer, "The claim itself.") < 40
    assert "^the-claim" not in window.answer.toPlainText()


def test_a_section_embed_shows_only_that_section(qtbot, window):
    add_note(window.library, "v/Other.md",
             "# Intro\n\nIntro words.\n\n# Method\n\nMethod words.\n\n# End\n\nEnd words.")
    source = add_note(window.library, "v/Source.md", "Before.\n\n![[Other#Method]]\n\nAfter.")
    show(window, source)
    text = window.answer.toPlainText()
    assert "Method words." in text and "Before." in text and "After." in text
    assert "Intro words." not in text and "End words." not in text


def test_an_image_comes_from_the_attachments_and_nothing_else_is_loaded(qtbot, window):
    add_attachment(window.library, "v/assets/red.png", png(60, 40))
    asked: list[str] = []
    library_attachment = window.library.attachment

    def spy(path: str) -> bytes | None:
        asked.append(path)
        return library_attachment(path)

    window.answer.attachments = spy
    source = add_note(window.library, "v/Source.md",
                      "![[red.png]]\n\n![web](http://127.0.0.1:9/x.png)\n\n"
                      "![secret](/etc/passwd)\n\n![local](file:///etc/hostname)")
    show(window, source)
    images = []
    block = window.answer.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isImageFormat():
                images.append(QTextImageFormat(fmt).name())
            fragments += 1
        block = block.next()
    assert images == ["attachment:v/assets/red.png"]
    assert asked == ["v/assets/red.png"]
    shown = window.answer.viewport().grab().toImage()
    assert any(shown.pixelColor(x, y) == RED
               for x in range(0, shown.width(), 4) for y in range(0, shown.height(), 4))
    for url in ("http://127.0.0.1:9/x.png", "file:///etc/passwd", "/etc/passwd",
                "attachment:/etc/passwd"):
        assert window.answer.loadResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None
    assert "[image: web]" in window.answer.toPlainText()


def test_two_notes_titled_index_each_link_to_their_own(qtbot, window):
    a = add_note(window.library, "v/a/Index.md", "A's index. [[Page]]")
    page_a = add_note(window.library, "v/a/Page.md", "Page of a. Back to [[Index]].")
    b = add_note(window.library, "v/b/Index.md", "B's index. [[Page]]")
    page_b = add_note(window.library, "v/b/Page.md", "Page of b. Back to [[Index]].")
    for index, page in ((a, page_a), (b, page_b)):
        show(window, index)
        click_link(qtbot, window.answer, f"note:{page}")
        assert window.current_id == page
        click_link(qtbot, window.answer, f"note:{index}")
        assert window.current_id == index


def test_the_editor_edits_a_vault_note_and_the_answer_and_sources_follow(qtbot, window):
    home = add_note(window.library, "v/Home.md", "Home words.")
    add_note(window.library, "v/Other.md", "# Part\n\nEmbedded part words.")
    note = add_note(window.library, "v/notes/Reading list.md", "Old words.",
                    front_matter="title: Reading list\nrating: 5")
    show(window, note)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    assert window.middle.currentWidget() is editor
    assert editor.title.text() == "Reading list"
    editor.body.selectAll()
    qtbot.keyClicks(editor.body, "New words, see [[Home]].")
    assert not editor.body.completer.popup().isVisible()
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, "![[Other#Part]]")
    editor.refresh_preview()
    assert "Embedded part words." in editor.preview.toPlainText()  # as the pane will show
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert window.middle.currentWidget() is window.answer
    text = window.answer.toPlainText()
    assert "New words, see Home." in text and "Embedded part words." in text
    assert window.sidebar.sources.titles()[0] == "Home"
    saved = window.library.note(note)
    assert (saved.title, saved.path) == ("Reading list", "v/notes/Reading list.md")
    assert window.library.sources(note)[0].target.id == home


def test_a_vault_note_s_description_and_summary_typed_in_the_editor_reach_its_file(
        qtbot, window, tmp_path):
    note = add_note(window.library, "v/Roots.md", "They drink.\n",
                    front_matter="description: Old words\nrating: 5\n")
    show(window, note)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    editor = window.editor
    editor.description.selectAll()
    qtbot.keyClicks(editor.description, "What roots are for")
    qtbot.keyClicks(editor.summary, "Roots: water in")
    qtbot.waitUntil(lambda: editor.state.text().startswith("Saved"), timeout=3000)
    saved = window.library.note(note)
    assert (saved.description, saved.summary) == ("What roots are for", "Roots: water in")
    out = tmp_path / "out"
    assert main(["--db", str(window.library.path), "export", "--format", "markdown",
                 "-o", str(out)]) == 0
    assert (out / "v/Roots.md").read_text(encoding="utf-8") == (
        "---\ndescription: What roots are for\nrating: 5\nsummary: 'Roots: water in'\n"
        "---\nThey drink.\n")
