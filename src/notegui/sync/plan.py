"""What one sync does with each note, decided from what changed on each side since the last
sync (no git, no store): a change on one side is taken by the other; a change on both is
merged three ways (sync/merge.py); renames on one side are followed by the citations the
other side wrote. The engine (sync/engine.py) reads the sides and carries the plan out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from notegui.core.domain import title_key
from notegui.core.sync_model import SyncAnnotation, SyncNote
from notegui.sync import merge

Annotations = tuple[SyncAnnotation, ...]


@dataclass(frozen=True)
class Version:
    """A note as one side holds it: None when that side deleted it (or never had it)."""

    note: SyncNote | None
    annotations: Annotations = ()


@dataclass(frozen=True)
class Changed:
    """A note changed on one side since the last sync: its last synced version (``base``,
    None for a note new on that side) and the side's."""

    base: Version
    now: Version


@dataclass(frozen=True)
class Outcome:
    """What both sides hold of a note after the sync. ``send``: the repository takes
    ``result``; ``take``: the library does. ``conflict``: the fields both sides changed
    differently (the library keeps its own for them; ``theirs`` is the other side whole)."""

    uid: str
    result: Version
    send: bool
    take: bool
    line: str  # what happened, for the report
    conflict: tuple[str, ...] = ()
    theirs: SyncNote | None = None


@dataclass
class Plan:
    outcomes: list[Outcome] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # old title key -> new title


def decide(local: Mapping[str, Changed], remote: Mapping[str, Changed],
           renamed_here: Mapping[str, str] | None = None,
           renamed_there: Mapping[str, str] | None = None) -> Plan:
    """Each note changed on either side, by uid. ``renamed_here``: renames of notes changed
    here only (old title key -> new title), beside those of ``local``; ``renamed_there``:
    of notes changed there only that are not in ``remote``, beside those of ``remote``."""
    plan = Plan()
    local_renames = {**(renamed_here or {}), **renames(local)}
    remote_renames = {**(renamed_there or {}), **renames(remote)}
    plan.renamed = {**local_renames, **remote_renames}
    for uid in sorted(local.keys() | remote.keys()):
        mine, theirs = local.get(uid), remote.get(uid)
        if theirs is None:
            assert mine is not None
            now = _following(mine.now, remote_renames)
            plan.outcomes.append(Outcome(uid, now, send=True, take=now != mine.now,
                                         line=_what(mine, "sent")))
        elif mine is None:
            now = _following(theirs.now, local_renames)
            plan.outcomes.append(Outcome(uid, now, send=now != theirs.now, take=True,
                                         line=_what(theirs, "received")))
        else:
            plan.outcomes.append(_merged(uid, mine, theirs, local_renames, remote_renames))
    return plan


def _merged(uid: str, mine: Changed, theirs: Changed, local_renames: dict[str, str],
            remote_renames: dict[str, str]) -> Outcome:
    base = mine.base if mine.base.note is not None else theirs.base
    # Each version cites renamed notes by their new titles before the merge: a paragraph
    # one side edited and the other's rename rewrote is then one change, not a conflict.
    # A side's own version already follows its own renames: following them again would
    # undo a swap of two titles, or the second step of a chain (A->B, B->C).
    renamed = {**local_renames, **remote_renames}

    def following(note: SyncNote | None, renames: Mapping[str, str]) -> SyncNote | None:
        return merge.follow_renames(note, renames) if note is not None else None

    merged = merge.merge(following(base.note, renamed), following(mine.now.note, remote_renames),
                         following(theirs.now.note, local_renames))
    annotations = tuple(merge.merge_annotations(
        base.annotations, mine.now.annotations, theirs.now.annotations))
    note = merged.note
    result = Version(note, annotations if note is not None else ())
    title = _title(mine.now) or _title(theirs.now) or _title(base)
    if merged.conflict:
        line = f"{title}: conflict in {', '.join(merged.conflict)} (both versions kept)"
    elif merged.kept_over_delete:
        line = f"{title}: edited on one side and deleted on the other: the edit is kept"
    else:
        line = f"{title}: merged"
    return Outcome(uid, result, send=result != theirs.now, take=result != mine.now, line=line,
                   conflict=merged.conflict, theirs=merged.theirs)


def renames(changes: Mapping[str, Changed]) -> dict[str, str]:
    """Old title key -> new title, of the library's own notes renamed on that side."""
    renamed = {}
    for change in changes.values():
        before, after = change.base.note, change.now.note
        if (before is not None and after is not None and not after.path
                and title_key(before.title) != title_key(after.title)):
            renamed[title_key(before.title)] = after.title
    return renamed


def _following(version: Version, renamed: Mapping[str, str]) -> Version:
    if version.note is None or not renamed:
        return version
    return replace(version, note=merge.follow_renames(version.note, renamed))


def _title(version: Version) -> str:
    return version.note.title if version.note is not None else ""


def new_line(title: str, done: str) -> str:
    """The report's line of a note new on one side."""
    return f"{title}: new ({done})"


def change_line(change: Changed, done: str) -> str:
    """The report's line of a note changed on one side only."""
    return _what(change, done)


def _what(change: Changed, done: str) -> str:
    before, after = change.base.note, change.now.note
    if after is None:
        return f"{_title(change.base)}: deleted ({done})"
    if before is None:
        return new_line(after.title, done)
    if title_key(before.title) != title_key(after.title):
        return f"{after.title}: renamed from {before.title} ({done})"
    if before == after:
        return f"{after.title}: annotations ({done})"
    return f"{after.title}: edited ({done})"
