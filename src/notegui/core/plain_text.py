"""A note's visible text without Qt: its rendered HTML with the tags taken out, each block
on a line of its own, near what the window's ``QTextDocument.toPlainText`` gives. The
store re-anchors annotations on it (store/sync_writes.py) to tell whether their words are
still in a note a sync changed; the window re-anchors them exactly when it shows the note."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from notegui.core.domain import Note
from notegui.core.render import MARKDOWN, QUESTION_NOTE, render_note_html

_SPACES = re.compile(r"[ \t\r\n\f]+")  # (HTML's white space, collapsed as Qt does)
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote",
                     "tr", "td", "th", "div", "hr", "br", "table", "ul", "ol"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pre += tag == "pre"
        if tag in _BLOCKS:
            self._break()
        elif tag == "img":
            self.parts.append("\ufffc")  # (an image is one character in a QTextDocument)

    def handle_endtag(self, tag: str) -> None:
        self.pre -= tag == "pre" and self.pre > 0
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.pre:
            data = _SPACES.sub(" ", data)
            if not self.parts or self.parts[-1].endswith(("\n", " ")):
                data = data.lstrip(" ")
        if data:
            self.parts.append(data.replace("\xa0", " "))

    def _break(self) -> None:
        if self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1].rstrip(" ")
            if not self.parts[-1]:
                self.parts.pop()
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")


def plain_text(note: Note) -> str:
    """``note`` as the answer pane shows it, as plain text (links unresolved: their text)."""
    flavour = MARKDOWN if note.path else QUESTION_NOTE
    parser = _Text()
    parser.feed(render_note_html(note, lambda _title: None, flavour=flavour))
    parser.close()
    return "".join(parser.parts).strip("\n")
