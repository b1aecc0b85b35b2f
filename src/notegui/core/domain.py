"""The values that cross layers: frozen dataclasses, no behaviour beyond small helpers."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

# Characters that take no room on screen: a title holding one looks like the title without
# it, so it would become a second, look-alike note. Soft hyphen, Mongolian vowel separator,
# zero-width space, non-joiner and joiner, the direction marks, word joiner and invisible
# operators, and the zero-width no-break space (a BOM inside a line).
ZERO_WIDTH = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_NO_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))


def normalise_title(title: str) -> str:
    """A title as notegui stores it: zero-width characters removed, then NFC (so that an
    "é" written as one code point or as "e" and a combining accent is one title). ASCII
    text is returned as it is (nothing to do: most titles, at import speed)."""
    if title.isascii():
        return title
    return unicodedata.normalize("NFC", title.translate(_NO_ZERO_WIDTH))


def title_key(title: str) -> str:
    """The identity of a title: normalised (``normalise_title``), case-folded, white space
    collapsed, trimmed. Case folding can undo NFC ("İ" folds to "i" and a combining dot):
    the key is composed again."""
    if title.isascii():
        return " ".join(title.split()).casefold()
    key = " ".join(normalise_title(title).split()).casefold()
    return unicodedata.normalize("NFC", key)


def is_stub(description: str, body: str, path: str = "") -> bool:
    """A stub: a note other notes cite that has no text of its own yet (the one rule;
    ``store.schema.is_stub_sql`` says it in SQL). A note read from a markdown folder
    (a ``path``) is never one: an empty file is a note."""
    return not description and not body and not path


_MARKDOWN = (".md", ".markdown")


def note_place(path: str, title: str) -> str:
    """Where a note read from a markdown folder lives, to tell it apart from other notes of
    its title: its folder in the vault (``vault/folder``); for a Dendron name
    (``a.b.c.md``, titled after its last part) the hierarchy above it (``a.b``); the file
    too (``vault/folder/name``) when the title is not the file's name (front matter), so
    two files of one folder with one title differ. "" for the library's own notes."""
    if not path:
        return ""
    folder, _, name = path.rpartition("/")
    stem = name[: name.rindex(".")] if name.lower().endswith(_MARKDOWN) else name
    key = title_key(title)
    if title_key(stem) == key:
        return folder
    hierarchy, dot, last = stem.rpartition(".")
    if dot and hierarchy and title_key(last) == key:
        return hierarchy
    return f"{folder}/{stem}" if folder else stem


@dataclass(frozen=True)
class NoteRef:
    """Enough of a note to list it or link to it."""

    id: int
    title: str
    summary: str = ""
    is_stub: bool = False
    path: str = ""  # "" for the library's own notes; "<vault>/<path>" for a vault's
    # Another note (not in the Trash) has this title; the store says so of notes with a
    # path only, the ones a list must tell apart by where they live.
    shared: bool = False

    @property
    def place(self) -> str:
        """Where the note lives, shown beside its title when another note has that title
        (``note_place``); "" when its title is its own."""
        return note_place(self.path, self.title) if self.shared else ""

    @property
    def title_with_place(self) -> str:
        """The title, and its place in brackets when another note has that title
        ("Index (notes/a)"): one line that names this note alone."""
        place = self.place
        return f"{self.title} ({place})" if place else self.title


RefT = TypeVar("RefT", bound=NoteRef)


@dataclass(frozen=True)
class TrashedRef(NoteRef):
    """A note in the Trash, and when it was moved there (UTC ISO)."""

    trashed: str = ""


def told_apart(refs: Sequence[RefT]) -> list[RefT]:
    """``refs`` as listed together (the Trash, whose notes count for no one's ``shared``),
    each note with a path whose title another of them has marked shared, so that its
    place is shown too."""
    counts = Counter(title_key(ref.title) for ref in refs)
    return [replace(ref, shared=True) if ref.path and counts[title_key(ref.title)] > 1
            else ref for ref in refs]


@dataclass(frozen=True)
class LinkCompletion:
    """One offer of the editor's ``[[`` completion: ``shown`` in its list (a title, with
    its place when another note has that title), ``inserted`` after the ``[[`` when it is
    chosen (a title for the library's own notes; for a vault's notes the shortest link
    text that leads back to the note by Obsidian's rules). ``note_id``: the note it
    leads to."""

    shown: str
    inserted: str
    note_id: int = 0


@dataclass(frozen=True)
class LinkTarget:
    """Where one link of a vault note leads: a note (or, for a target no file has, the
    stub the import made of it), or an image of the library's attachments (its path).
    Neither: the link leads nowhere yet (shown as missing)."""

    note: NoteRef | None = None
    attachment: str = ""


@dataclass(frozen=True)
class VaultLinks:
    """How the links of one vault note (at ``path``) resolve, by Obsidian's rules: keyed
    by (target as written, without its ``#Heading``; whether a markdown link). A markdown
    link's target is URL-decoded. ``Library.vault_links`` makes it."""

    path: str
    targets: Mapping[tuple[str, bool], LinkTarget] = field(default_factory=dict)
    # Dendron's order, [[label|target]]: chosen for a note when it resolves more of its
    # links than [[target|label]] (Obsidian's and Foam's) does
    label_first: bool = False

    def target(self, target: str, markdown: bool = False) -> LinkTarget | None:
        return self.targets.get((target.strip(), markdown))


@dataclass(frozen=True)
class Note:
    id: int
    title: str
    description: str
    summary: str
    body: str  # markdown; citations as [[Title]], literal "[[" escaped as "[\["
    created: str
    updated: str
    tags: tuple[str, ...] = ()
    trashed: str = ""  # when it was moved to the Trash; "" while it is in the library
    # "" for the library's own notes (question-note rules); "<vault>/<path in the vault>"
    # for a note read from a markdown folder (plain markdown, links by Obsidian's rules).
    path: str = ""

    @property
    def is_stub(self) -> bool:
        return is_stub(self.description, self.body, self.path)


@dataclass(frozen=True)
class NoteText:
    """The four fields of a note a reader edits (the editor's buffer, a save)."""

    title: str
    description: str
    summary: str
    body: str


@dataclass(frozen=True)
class SourceLink:
    """One citation from a note: the cited note and the summary line the citing file gave."""

    target: NoteRef
    ordinal: int
    summary: str


@dataclass(frozen=True)
class Backlink:
    """A note that cites the current one, with the summary line it gave for it."""

    source: NoteRef
    summary: str


@dataclass(frozen=True)
class Annotation:
    """A highlight and/or comment on a span of a note's rendered text. The span is kept as
    W3C Web Annotation selectors: the quote with some text either side (TextQuote) and
    offsets into the rendered plain text (TextPosition). ``detached``: its words are gone
    from the note; it is kept, and listed, never dropped."""

    note_title: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    comment: str
    color: str
    created: str
    updated: str
    id: int = 0
    note_id: int = 0
    detached: bool = False
    # The note's path when it was read from a markdown folder: its title may repeat there,
    # so the path says which note (JSON's optional "note_path").
    note_path: str = ""
    # another note has its note's title (as NoteRef.shared): how it is shown, not what it is
    note_shared: bool = field(default=False, compare=False)

    @property
    def note_label(self) -> str:
        """The note's title, with its place when another note has that title."""
        return NoteRef(self.note_id, self.note_title, path=self.note_path,
                       shared=self.note_shared).title_with_place


HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink", "purple")


@dataclass(frozen=True)
class Revision:
    """An earlier version of a note: its text and Sources lines when ``saved``, replaced
    at ``replaced`` by a save, an import, a rename or a restore (``reason``)."""

    id: int
    note_id: int
    title: str
    description: str
    summary: str
    body: str
    sources: tuple[tuple[str, str | None], ...]  # (cited title, summary line)
    saved: str
    replaced: str
    reason: str


@dataclass(frozen=True)
class SearchHit:
    note: NoteRef
    snippet: str
    score: float


@dataclass(frozen=True)
class Changes:
    """What one write touched, so each view can decide whether to refresh."""

    notes: frozenset[int] = field(default_factory=frozenset)
    links: bool = False
    annotations: frozenset[int] = field(default_factory=frozenset)
    # Whether notes were added, removed or retitled, so the list's rows or order changed.
    # False lets a view refresh the changed rows only (a save of a note's text).
    listing: bool = True
    # Notes whose tags changed (and nothing else of them: their text and links are as
    # they were, so the views showing those need not refresh).
    tags: frozenset[int] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.notes or self.links or self.annotations or self.tags)


@dataclass(frozen=True)
class ImportOutcome:
    """The result of importing one file: imported, unchanged or refused, with warnings."""

    path: str
    status: str  # "imported" | "unchanged" | "refused"
    reason: str = ""
    notes: int = 0
    warnings: tuple[str, ...] = ()
    changes: Changes = field(default_factory=Changes)
    # Entries of a JSON file left out, each with its place and why; the rest was imported.
    refused_entries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One inconsistency found by a library check."""

    what: str
