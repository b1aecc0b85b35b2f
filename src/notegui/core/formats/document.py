"""The whole library as plain values: what JSON and markdown export write, and what a
JSON import reads."""

from __future__ import annotations

from dataclasses import dataclass

from notegui.core import domain
from notegui.core.domain import Annotation


@dataclass(frozen=True)
class NoteRecord:
    title: str
    description: str
    summary: str
    body: str  # citations as [[Title]]
    links: tuple[str, ...] = ()  # cited titles, in citation order
    sources: tuple[str | None, ...] = ()  # the summary line each citation gave
    tags: tuple[str, ...] = ()
    created: str = ""
    updated: str = ""
    # A note read from a markdown folder (a vault): its path ("<vault>/<path inside>"),
    # its front matter as read (the YAML between the --- lines) and its aliases. "" and ()
    # for the library's own notes, whose body follows the question-note rules.
    path: str = ""
    front_matter: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def is_stub(self) -> bool:
        return domain.is_stub(self.description, self.body, self.path)


@dataclass(frozen=True)
class AttachmentRecord:
    """An image a vault's notes show: its path (``<vault>/<path inside>``) and bytes."""

    path: str
    data: bytes


@dataclass(frozen=True)
class LibraryDocument:
    notes: tuple[NoteRecord, ...]
    annotations: tuple[Annotation, ...] = ()
    # Read from a file: the entries left out, each with where it is and why
    # (``notes[3] "Why…?": tags[0]: …``); the rest is imported.
    refused: tuple[str, ...] = ()
    attachments: tuple[AttachmentRecord, ...] = ()
