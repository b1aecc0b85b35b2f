"""Helpers for the publishing tests: a small library to publish, and reading a PDF back
(pages' text, where each link leads)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    layout did (and at times inside a word of a large heading), so texts are compared so."""
    return "".join(text.split())
