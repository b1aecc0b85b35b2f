"""The library as a static web site that opens from disk (``file://``) with no server.

One page a note (``notes/<slug>-<id>.html``: the note as the answer pane renders it, its
Sources and Cited by), an index in title order (``index.html``, ``index-2.html``, ...), a
search page that works offline, and the light/dark style sheet. Chromium will not fetch
JSON from ``file://``, so the search index is JavaScript: shards (``search/index-NNN.js``)
that push their rows into one array, loaded by plain ``<script>`` tags.

Memory stays bounded whatever the library's size: pages are written as notes are read,
one at a time; only a map of note id -> page name is kept (about 100 bytes a note), and
the search index is written a shard at a time. Everything is written into a staging folder
beside the output and moved into place at the end, so a failure leaves nothing behind.

The note text is the renderer's HTML (raw HTML in a note is already escaped text there, and
only known tags and attributes pass); every other piece of text is escaped here, and the
search page builds its results with ``textContent``, never as HTML.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import secrets
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import quote, unquote

from notegui.core.answer_page import answer_html
from notegui.core.domain import Backlink, Note, NoteRef, SourceLink
from notegui.core.errors import ExportError
from notegui.core.ports import Library
from notegui.publish.site_assets import SEARCH_JS, style_sheet

MARKER = ".notegui-site"  # in a folder this export wrote: the next export may replace it
NOTES = "notes"
FILES = "files"  # the library's copies of the images the notes show
PER_INDEX_PAGE = 1000
PER_SHARD = 2000  # rows a search index file holds (about 0.5 MB)
EXCERPT = 160  # characters of a note's text in the search index

_NOTE_HREF = re.compile(r'href="note:([0-9]{1,19})(#[^"]*)?"')
_TAG_HREF = re.compile(r'href="tag:([^"]*)"')
_IMAGE_SRC = re.compile(r'src="attachment:([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class SiteWritten:
    notes: int
    index_pages: int
    shards: int
    images: int


def page_name(note_id: int, title: str) -> str:
    """A note's page: its title in ASCII letters and digits (at most 60), then its id, which
    makes it unique and safe on every file system and in a URL unquoted."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_title.lower()).strip("-")[:60].strip("-")
    return f"{slug}-{note_id}.html" if slug else f"{note_id}.html"


def check_output(folder: Path) -> None:
    """Refuse (ExportError, saying why) an output folder the site cannot be written to or
    must not replace, before anything is read or written."""
    shown = str(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{shown} is a file, not a folder: give a folder for the site")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise ExportError(f"{shown} is not empty and is not a site notegui wrote: choose an "
                          "empty or new folder")
    parent = folder.absolute().parent
    if not parent.is_dir():
        raise ExportError(f"{parent} does not exist: make it first, or choose another folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write in {parent}: permission denied")


def write_site(library: Library, folder: Path,
               progress: Callable[[int], None] | None = None) -> SiteWritten:
    """Write the library's site into ``folder`` (new, empty, or an earlier site, which is
    replaced whole). ``progress(notes written)`` is called now and then. ExportError says
    what failed; the folder is then as it was."""
    check_output(folder)
    parent = folder.absolute().parent
    staging = parent / f".{folder.name}.notegui-site-{secrets.token_hex(4)}"
    try:
        staging.mkdir()
        written = _Writer(library, staging, progress).write()
        _swap_in(staging, folder.absolute())
    except OSError as error:
        raise ExportError(f"cannot write the site to {folder}: "
                          f"{error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def _swap_in(staging: Path, folder: Path) -> None:
    if not folder.exists():
        staging.rename(folder)
        return
    old = folder.with_name(f".{folder.name}.notegui-old-{secrets.token_hex(4)}")
    folder.rename(old)
    try:
        staging.rename(folder)
    except OSError:
        old.rename(folder)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _page(path: Path) -> Iterator[TextIO]:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream


def _head(title: str, root: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n"
            f'<link rel="stylesheet" href="{root}style.css">\n</head>\n<body>\n')


class _Writer:
    def __init__(self, library: Library, folder: Path,
                 progress: Callable[[int], None] | None) -> None:
        self.library = library
        self.folder = folder
        self.progress = progress
        self.name = library.path.stem
        self.pages: dict[int, str] = {}  # note id -> page name, in title order
        self.images: dict[str, str] = {}  # attachment path -> file name ('' if none)

    def _header(self, root: str) -> str:
        return (f'<header class="site"><a href="{root}index.html">Index</a>'
                f'<a href="{root}search.html">Search</a>'
                f'<span class="library">{html.escape(self.name)}</span></header>\n')

    def write(self) -> SiteWritten:
        (self.folder / NOTES).mkdir()
        (self.folder / "search").mkdir()
        index_pages = self._write_index()
        shards = self._write_notes()
        self._write_search(shards)
        (self.folder / "style.css").write_text(style_sheet(), encoding="utf-8")
        (self.folder / MARKER).write_text("A site notegui wrote: the next `notegui export "
                                          "--format html` into this folder replaces it.\n",
                                          encoding="utf-8")
        return SiteWritten(len(self.pages), index_pages, shards,
                           sum(1 for name in self.images.values() if name))

    # -- the index: every note in title order, a page of PER_INDEX_PAGE at a time ---------

    def _write_index(self) -> int:
        pages = 0
        stream: TextIO | None = None
        for ref in self.library.iter_refs():
            self.pages[ref.id] = page_name(ref.id, ref.title)
            if (len(self.pages) - 1) % PER_INDEX_PAGE == 0:  # (a page's first entry)
                if stream is not None:
                    self._close_index(stream, pages, more=True)
                pages += 1
                stream = self._open_index(pages)
            assert stream is not None
            stream.write(_index_entry(ref, self.pages[ref.id]))
        if stream is None:
            pages = 1
            stream = self._open_index(1)
            stream.write('</ol>\n<p class="empty">The library has no notes.</p>\n<ol>\n')
        self._close_index(stream, pages, more=False)
        return pages

    def _open_index(self, number: int) -> TextIO:
        stream = (self.folder / _index_name(number)).open("w", encoding="utf-8", newline="\n")
        title = f"{self.name} — index" + (f", page {number}" if number > 1 else "")
        stream.write(_head(title, "") + self._header("") + "<main>\n"
                     f"<h1>{html.escape(self.name)}</h1>\n"
                     f'<ol class="index" start="{(number - 1) * PER_INDEX_PAGE + 1}">\n')
        return stream

    def _close_index(self, stream: TextIO, number: int, more: bool) -> None:
        links = []
        if number > 1:
            links.append(f'<a href="{_index_name(number - 1)}" rel="prev">Previous</a>')
        links.append(f"page {number}")
        if more:
            links.append(f'<a href="{_index_name(number + 1)}" rel="next">Next</a>')
        stream.write(f'</ol>\n<p class="pager">{" · ".join(links)}</p>\n</main>\n'
                     "</body>\n</html>\n")
        stream.close()

    # -- the notes' pages, and the search index as they go --------------------------------

    def _write_notes(self) -> int:
        shard: list[list[object]] = []
        shards = 0
        for done, (note_id, name) in enumerate(self.pages.items(), start=1):
            note = self.library.note(note_id)
            if note is None:  # (gone meanwhile: its index entry leads nowhere, so say so)
                note = Note(note_id, "(deleted while exporting)", "", "", "", "", "")
            sources = self.library.sources(note_id)
            article = self._links(answer_html(self.library, note, False, sources))
            backlinks = self.library.backlinks(note_id)
            with _page(self.folder / NOTES / name) as stream:
                stream.write(_head(f"{note.title} — {self.name}", "../")
                             + self._header("../") + "<main>\n<article class=\"note\">\n"
                             + article + "\n</article>\n" + self._tags(note)
                             + self._sources(sources) + self._cited_by(backlinks)
                             + "</main>\n</body>\n</html>\n")
            shard.append(_index_row(name, note, article))
            if len(shard) == PER_SHARD:
                self._write_shard(shards, shard)
                shards += 1
                shard = []
            if self.progress is not None and done % 1000 == 0:
                self.progress(done)
        if shard or not shards:
            self._write_shard(shards, shard)
            shards += 1
        return shards

    def _write_shard(self, number: int, rows: list[list[object]]) -> None:
        # ensure_ascii: no character can end a line early; no "<" that could end a script
        rows_json = json.dumps(rows, ensure_ascii=True, separators=(",", ":"))
        text = ("NOTEGUI_INDEX.push.apply(NOTEGUI_INDEX, " + rows_json.replace("<", "\\u003c")
                + ");\n")
        (self.folder / "search" / _shard_name(number)).write_text(text, encoding="utf-8")

    def _write_search(self, shards: int) -> None:
        scripts = "".join(f'<script src="search/{_shard_name(n)}"></script>\n'
                          for n in range(shards))
        with _page(self.folder / "search.html") as stream:
            stream.write(
                _head(f"{self.name} — search", "") + self._header("") + "<main>\n"
                "<h1>Search</h1>\n"
                '<input id="query" type="search" aria-label="Search the notes" '
                'placeholder="Words, or tag:NAME" autofocus>\n'
                '<p id="status" class="count" aria-live="polite">Loading the index…</p>\n'
                '<ol id="results" class="results"></ol>\n'
                "<noscript><p>Search needs JavaScript; the <a href=\"index.html\">index</a> "
                "lists every note.</p></noscript>\n</main>\n"
                "<script>window.NOTEGUI_INDEX = [];</script>\n" + scripts
                + '<script src="search.js"></script>\n</body>\n</html>\n')
        (self.folder / "search.js").write_text(SEARCH_JS, encoding="utf-8")

    # -- pieces of a note's page ----------------------------------------------------------

    def _links(self, article: str) -> str:
        """The renderer's ``note:ID`` links made links to pages, ``tag:NAME`` to the
        search page, images to the library's copies written beside the pages."""
        def note_link(match: re.Match[str]) -> str:
            name = self.pages.get(int(match.group(1)))
            if name is None:  # (a note not in the site: shown as text, not a dead link)
                return 'data-missing=""'
            return f'href="{name}{match.group(2) or ""}"'

        def tag_link(match: re.Match[str]) -> str:
            tag = html.unescape(match.group(1))
            return f'href="../search.html#q={quote("tag:" + tag, safe=":")}"'

        article = _NOTE_HREF.sub(note_link, article)
        article = _TAG_HREF.sub(tag_link, article)
        return _IMAGE_SRC.sub(self._image, article)

    def _image(self, match: re.Match[str]) -> str:
        path = unquote(html.unescape(match.group(1)))
        name = self.images.get(path)
        if name is None:
            data = self.library.attachment(path)
            name = ""
            if data is not None:
                suffix = re.sub(r"[^a-z0-9]", "", PurePosixPath(path).suffix.lower())[:8]
                name = hashlib.sha256(path.encode()).hexdigest()[:20] + (
                    f".{suffix}" if suffix else "")
                (self.folder / FILES).mkdir(exist_ok=True)
                (self.folder / FILES / name).write_bytes(data)
            self.images[path] = name
        return f'src="../{FILES}/{name}"' if name else 'src=""'

    def _ref_link(self, ref: NoteRef) -> str:
        name = self.pages.get(ref.id)
        title = html.escape(ref.title_with_place)
        stub = ' class="stub"' if ref.is_stub else ""
        return f'<a href="{name}"{stub}>{title}</a>' if name else f"<span>{title}</span>"

    def _sources(self, sources: list[SourceLink]) -> str:
        if not sources:
            return ""
        items = "".join(
            f"<li>{self._ref_link(s.target)}{_summary(s.summary or s.target.summary)}</li>\n"
            for s in sources)
        return (f'<section class="links" id="sources">\n<h2>Sources ({len(sources)})</h2>\n'
                f"<ol>\n{items}</ol>\n</section>\n")

    def _cited_by(self, backlinks: list[Backlink]) -> str:
        if not backlinks:
            return ""
        items = "".join(f"<li>{self._ref_link(b.source)}{_summary(b.summary)}</li>\n"
                        for b in backlinks)
        return (f'<section class="links" id="cited-by">\n<h2>Cited by ({len(backlinks)})'
                f"</h2>\n<ul>\n{items}</ul>\n</section>\n")

    def _tags(self, note: Note) -> str:
        if not note.tags:
            return ""
        links = "".join(
            f'<a href="../search.html#q={quote("tag:" + tag, safe=":")}">#{html.escape(tag)}'
            "</a>" for tag in note.tags)
        return f'<p class="tags">{links}</p>\n'


def _summary(text: str) -> str:
    return f' <span class="summary">— {html.escape(text)}</span>' if text else ""


def _index_entry(ref: NoteRef, name: str) -> str:
    stub = ' class="stub"' if ref.is_stub else ""
    return (f'<li><a href="{NOTES}/{name}"{stub}>{html.escape(ref.title_with_place)}</a>'
            f"{_summary(ref.summary)}</li>\n")


def _index_row(name: str, note: Note, article: str) -> list[object]:
    # The text after the title and description: what the note says, for matching and
    # for the snippet of a note that has no summary.
    text = html.unescape(_SPACES.sub(" ", _TAG.sub(" ", article.split("</h1>", 1)[-1])))
    return [name, note.title, note.summary or note.description, " ".join(note.tags),
            text.strip()[:EXCERPT], 1 if note.is_stub else 0]


def _index_name(number: int) -> str:
    return "index.html" if number == 1 else f"index-{number}.html"


def _shard_name(number: int) -> str:
    return f"index-{number:03d}.js"
