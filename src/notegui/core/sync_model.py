"""What a sync through git moves and decides, shared by its parts (no Qt, no store, no
git): a note as its repository file holds it, an annotation with its stable id, the
outcome of merging one note three ways, and what a sync reports. The design:
docs/sync.md."""

from __future__ import annotations

from dataclasses import dataclass, field

from notegui.core.domain import Annotation


@dataclass(frozen=True)
class SyncNote:
    """One note as its file in the repository holds it. ``uid``: its stable id
    (``notegui-id`` in the front matter; '' for a file another tool added). The library's
    own notes (``path`` '') cite by title, ``[[Title?]]`` in ``body``, one paragraph a
    line; ``sources`` holds the summary line of each cited title (title key -> line).
    A vault note keeps its path, its front matter verbatim (``notegui-id`` left out) and
    its aliases."""

    uid: str
    title: str
    description: str = ""
    summary: str = ""
    body: str = ""
    sources: tuple[tuple[str, str], ...] = ()  # (cited title, its summary line), in order
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    path: str = ""
    front_matter: str = ""
    created: str = ""
    updated: str = ""


@dataclass(frozen=True)
class SyncAnnotation:
    """An annotation with its stable id (``urn:uuid:<uid>`` in the repository)."""

    uid: str
    annotation: Annotation


@dataclass(frozen=True)
class Merged:
    """A note merged three ways. ``note``: what the library and the repository keep (None:
    deleted on both sides, or deleted on one and unchanged on the other). ``conflict``: the
    fields both sides changed differently (``note`` then holds mine for those, and
    ``theirs`` the other side whole). ``kept_over_delete``: one side edited a note the other
    deleted; the edit is kept."""

    note: SyncNote | None
    conflict: tuple[str, ...] = ()
    theirs: SyncNote | None = None
    kept_over_delete: bool = False


@dataclass(frozen=True)
class Conflict:
    """A note both sides changed in the same lines, until someone settles it."""

    uid: str
    note_id: int
    title: str
    fields: tuple[str, ...]
    mine: str  # the note's file text as kept
    theirs: str  # the other side's file text
    found: str  # UTC ISO time


@dataclass(frozen=True)
class SyncStatus:
    """Where the library stands against its remote, as of the last fetch."""

    remote: str = ""
    last_sync: str = ""  # UTC ISO time, '' never
    last_result: str = ""  # '' ok, else the reason the last sync failed
    ahead: int = 0  # notes changed here since the last sync
    behind: int = 0  # notes changed on the remote since the last sync (as last fetched)
    conflicts: tuple[Conflict, ...] = ()


@dataclass
class SyncReport:
    """What one sync did: one line a note changed in either direction."""

    sent: list[str] = field(default_factory=list)  # "<title>: <what>" pushed
    received: list[str] = field(default_factory=list)  # taken from the remote
    merged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "<path>: <reason>" left alone
    # "<path>, line N: <reason>": a vault note taken in spite of its front matter
    warned: list[str] = field(default_factory=list)
    commit: str = ""  # the commit the library now stands on (hex)
    changed: set[int] = field(default_factory=set)  # ids of the notes changed here


@dataclass(frozen=True)
class SyncSettings:
    """The library's own sync settings (kept in the library, never a secret)."""

    remote: str = ""  # a URL or path git understands; '' not set up
    on_start: bool = False
    interval_minutes: int = 0  # 0: not on an interval
    after_saves: bool = False


class SyncError(Exception):
    """A sync that could not finish; the library is as it was. ``kind``: unreachable,
    auth, rejected, not-a-repository, corrupt, busy, not-set-up, or (given by the window
    to what the engine did not foresee) failed; the message is one line that names the
    remote (never a password)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
