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

    @property
    def is_stub(self) -> bool:
        return domain.is_stub(self.description, self.body)


@dataclass(frozen=True)
class LibraryDocument:
    notes: tuple[NoteRecord, ...]
    annotations: tuple[Annotation, ...] = ()
    # Read from a file: the entries left out, each with where it is and why
    # (``notes[3] "Why…?": tags[0]: …``); the rest is imported.
    refused: tuple[str, ...] = ()
