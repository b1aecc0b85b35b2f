"""Helpers for the publishing tests: a small library to publish, and reading a PDF back
(pages' text, where each link leads)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pypdf import PdfReader

from notegui.store.library import SqliteLibrary

CITED = "How are links drawn in a PDF?"
CITING = "Where do citations lead on paper?"
OUTSIDE = "Which note is left out of the book?"
HOSTILE = '<script>alert("x")</script> & <b>bold</b>?'


def small_library(path: Path) -> SqliteLibrary:
    """Four notes: one citing two others (one tagged ``paper`` like it, one not), a hostile
    title, and a web link."""
    library = SqliteLibrary(path)
    library.create_note(CITED, "How a PDF link is made.", "", "Qt writes named destinations.")
    library.create_note(OUTSIDE, "Not tagged.", "", "Nothing to see.")
    citing, _ = library.create_note(
        CITING, "Citations in a PDF are links to pages.", "",
        f"First [[{CITED}]], then [[{OUTSIDE}]].\nAnd [the web](https://example.org/x).")
    hostile, _ = library.create_note(HOSTILE, "A <i>title</i> & more.", "",
                                     f"Cites [[{CITING}]] with </script> in it.")
    library.set_tags(citing, ["paper"])
    library.set_tags(library.find(CITED).id, ["paper"])
    library.set_tags(hostile, ["odd"])
    return library


@dataclass(frozen=True)
class Link:
    page: int  # where the link is (from 0)
    dest: str  # a named destination ('' for a web link)
    uri: str


def read_pdf(path: Path) -> tuple[list[str], list[Link], dict[str, int]]:
    """Each page's text, every link, and each named destination's page (from 0)."""
    reader = PdfReader(path)
    texts = [page.extract_text() or "" for page in reader.pages]
    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A") or {}
            links.append(Link(number, str(annotation.get("/Dest", "")),
                              str(action.get("/URI", ""))))
    destinations = {name: reader.get_destination_page_number(dest)
                    for name, dest in reader.named_destinations.items()}
    return texts, links, destinations


def flat(text: str) -> str:
    """Text without its white space: pypdf's extraction breaks lines and words where the
    layout did (and at times inside a word of a large heading), and keeps the font's
    ligatures (\ufb00 for "ff"): texts are compared without either."""
    return "".join(unicodedata.normalize("NFKC", text).split())


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []  # every href and src
        self.anchors: set[str] = set()  # every id and <a name>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.targets.append(value)
            elif name == "id" or (tag == "a" and name == "name"):
                self.anchors.add(value)


def crawl(folder: Path) -> tuple[int, list[str]]:
    """Every link and source in every page of the site at ``folder``: how many are
    internal, and those whose file or #anchor is not there."""
    folder = folder.resolve()
    pages = {path: _parsed(path) for path in folder.rglob("*.html")}
    internal, broken = 0, []
    for path, page in pages.items():
        for target in page.targets:
            if urlsplit(target).scheme in ("http", "https", "mailto"):
                continue
            internal += 1
            parts = urlsplit(target)
            goal = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not goal.is_file() or folder.resolve() not in goal.parents:
                broken.append(f"{path.relative_to(folder)}: {target}")
            elif parts.fragment and not parts.fragment.startswith("q="):
                anchors = pages[goal].anchors if goal in pages else set()
                if unquote(parts.fragment) not in anchors:
                    broken.append(f"{path.relative_to(folder)}: {target} (no such anchor)")
    return internal, broken


def _parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page
