"""Notes on paper: a PDF file (``notegui export --format pdf``) or a printer (File ▸
Print…), laid out by Qt's text engine from the renderer's HTML, in the light theme.

Several notes make a book: a table of contents (each entry a link, with its page), each
note from a new page, its citations of notes in the set links to their pages, and a page
number at the foot of every page. Qt's PDF engine (6.8 and later) writes a ``<a
name="...">`` as a named destination and an ``href="#..."`` to it as a link inside the
file, so the links need no post-processing; ``http(s)`` links stay links to the web.

Pages are painted here rather than by ``QTextDocument.print_``: it would number the pages
itself, but on a copy laid out again, so the table of contents could not know the pages
that copy gives each note.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from notegui import __version__
from notegui.core.answer_page import answer_html
from notegui.core.domain import Note, SourceLink
from notegui.core.errors import ExportError
from notegui.core.files import write_atomically
from notegui.core.ports import Library
from notegui.core.render import pygments_css

ANCHOR = "note-{}"  # a note's place in the document: its page's named destination
_NOTE_HREF = re.compile(r'href="note:([0-9]{1,19})(?:#[^"]*)?"')
_OTHER_HREF = re.compile(r'href="(?:tag|attachment):[^"]*"')  # (src= of an image stays)
_IMAGE_SRC = re.compile(r'src="attachment:([^"]*)"')
_FIRST_H1 = re.compile(r"^<h1( class=\"title\")?>")  # (the note's title)
# Paper: the renderer's light rules, a heading scale below the title's, room to read.
_PRINT_CSS = """
h1 { font-size: 20pt; margin-top: 0px; }
h2 { font-size: 15pt; } h3 { font-size: 13pt; } h4, h5, h6 { font-size: 11pt; }
h1.book { font-size: 24pt; margin-bottom: 18px; }
h2.sources { font-size: 12pt; margin-top: 18px; }
p.contents { font-size: 13pt; font-weight: 600; margin-top: 6px; margin-bottom: 8px; }
table.contents, table.contents td { border-width: 0px; border-style: none; }
table.contents a { color: #1f2328; text-decoration: none; }
td.page { color: #59636e; }
span.summary { color: #59636e; }
"""


@dataclass(frozen=True)
class Printed:
    pages: int


def ensure_application() -> None:
    """Qt's fonts and text layout need a QGuiApplication: a command line export makes one
    on the offscreen platform (no display is needed or used)."""
    if QGuiApplication.instance() is None:
        global _application
        _application = QGuiApplication(["notegui", "-platform", "offscreen"])


_application: QGuiApplication | None = None


def write_pdf(library: Library, ids: Sequence[int], path: Path, title: str = "") -> Printed:
    """The notes ``ids`` (in that order) as a PDF file at ``path``, written whole or not at
    all (ExportError names the file and the reason)."""
    ensure_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator(f"notegui {__version__}")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 18, 20, 14), QPageLayout.Unit.Millimeter)
    first = library.note(ids[0]) if len(ids) == 1 else None
    writer.setTitle(title or (first.title if first is not None else "notegui"))
    printed = print_notes(library, ids, writer, title)
    buffer.close()
    write_atomically(path, bytes(buffer.data().data()))
    return printed


def print_notes(library: Library, ids: Sequence[int], device: QPagedPaintDevice,
                title: str = "") -> Printed:
    """Paint the notes ``ids`` on ``device`` (a QPdfWriter or a QPrinter, its page size and
    margins set): one note as it reads; several after a table of contents."""
    ensure_application()
    notes = [note for note in (library.note(i) for i in ids) if note is not None]
    chosen = {note.id for note in notes}
    parts = [_note_html(library, note, chosen, first=index == 0 and len(notes) == 1)
             for index, note in enumerate(notes)]
    if not notes:
        raise ExportError("the notes to print are no longer in the library")
    document = _document(device)
    if len(notes) == 1:
        _set_html(library, document, parts[0])
        return Printed(paint(document, device))
    body = "\n".join(parts)
    # The table of contents with placeholder numbers, to learn each note's page; then
    # with the real ones (the same lines: the pages do not move).
    _set_html(library, document, _contents(title or "Notes", notes, {}) + body)
    pages = _note_pages(document)
    _set_html(library, document, _contents(title or "Notes", notes, pages) + body)
    return Printed(paint(document, device))


def _document(device: QPagedPaintDevice) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)  # (fonts measured at its resolution)
    document.setDefaultStyleSheet(pygments_css(False) + _PRINT_CSS)
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    page = device.pageLayout().paintRectPixels(device.logicalDpiY())
    document.setPageSize(QSizeF(page.width(), page.height() - _footer(device)))
    return document


def _footer(device: QPagedPaintDevice) -> float:
    return device.logicalDpiY() * 0.35  # (inches: the page number's line)


def paint(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Paint a paginated ``document`` page by page, each with its number at the foot."""
    height = document.pageSize().height()
    width = document.pageSize().width()
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file cannot be written")
    try:
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(9)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
        for index in range(pages):
            if index and not device.newPage():
                raise OSError("the printer or PDF file refused a new page")
            painter.save()
            painter.translate(0, -index * height)
            # (one device pixel short: a line starting exactly on the next page would
            # count as on this one too, drawn clipped: its text found on both pages)
            view = QRectF(0, index * height, width, height - 1)
            painter.setClipRect(view)
            context.clip = view
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(QRectF(0, height, width, _footer(device)),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             f"{index + 1} / {pages}")
    finally:
        painter.end()
    return pages


def _note_html(library: Library, note: Note, chosen: set[int], first: bool) -> str:
    sources = library.sources(note.id)
    rendered = answer_html(library, note, False, sources)
    anchor = f'<a name="{ANCHOR.format(note.id)}"></a>'
    rendered = _FIRST_H1.sub(lambda title: title.group()[:-1] + (
        ">" if first else ' style="page-break-before: always">') + anchor, rendered, count=1)
    return _links(rendered + _sources(sources), chosen)


def _links(text: str, chosen: set[int]) -> str:
    """Citations of notes in the set lead to their pages; other ``note:``, ``tag:`` and
    ``attachment:`` links mean nothing on paper: their text stays, not as a link."""
    def note_link(match: re.Match[str]) -> str:
        note_id = int(match.group(1))
        return f'href="#{ANCHOR.format(note_id)}"' if note_id in chosen else ""

    return _OTHER_HREF.sub("", _NOTE_HREF.sub(note_link, text))


def _sources(sources: list[SourceLink]) -> str:
    if not sources:
        return ""
    items = "".join(
        f'<li><a class="citation" href="note:{s.target.id}">{html.escape(s.target.title)}</a>'
        + (f' <span class="summary">— {html.escape(s.summary or s.target.summary)}</span>'
           if s.summary or s.target.summary else "") + "</li>"
        for s in sources)
    return f'<h2 class="sources">Sources</h2><ol>{items}</ol>'


def _contents(title: str, notes: list[Note], pages: dict[int, int]) -> str:
    rows = "".join(
        f'<tr><td><a href="#{ANCHOR.format(note.id)}">{html.escape(note.title)}</a></td>'
        f'<td class="page" align="right">{pages.get(note.id, 888)}</td></tr>'
        for note in notes)
    return (f'<h1 class="book">{html.escape(title)}</h1><p class="contents">Contents</p>'
            f'<table class="contents" width="100%" border="0" cellspacing="0" cellpadding="4">'
            f"{rows}</table>")


def _note_pages(document: QTextDocument) -> dict[int, int]:
    """Each note's page (from 1), read from the layout: the page of its title's block."""
    layout = document.documentLayout()
    height = document.pageSize().height()
    pages: dict[int, int] = {}
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 1:
            fragments = block.begin()
            if not fragments.atEnd():
                for name in fragments.fragment().charFormat().anchorNames():
                    if name.startswith("note-") and name[5:].isdigit():
                        top = layout.blockBoundingRect(block).top()
                        pages[int(name[5:])] = int(top // height) + 1
        block = block.next()
    return pages


def _set_html(library: Library, document: QTextDocument, text: str) -> None:
    """``text`` in ``document``, with the library's copies of the images it shows (nothing
    is read from disk or the network). setHtml drops the resources: they come after it."""
    document.setHtml(text)
    added = False
    for path in set(_IMAGE_SRC.findall(text)):
        data = library.attachment(html.unescape(path))
        image = QImage.fromData(QByteArray(data)) if data else QImage()
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"attachment:{html.unescape(path)}"), image)
            added = True
    if added:  # (laid out again with the images' sizes)
        document.markContentsDirty(0, document.characterCount())
