"""One note merged three ways against the version last synced (docs/sync.md, "Merging a
note"): each field on its own (one side's change wins, the same change is one), tags and
aliases as sets, the body by line (diff3's merge; one paragraph a line: by paragraph), the
Sources lines by cited title; annotations as a set by id; citations of renamed notes
rewritten. Pure: no store, no git."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from notegui.core.domain import Annotation, title_key
from notegui.core.formats.question_note import cited_titles, split_citations
from notegui.core.sync_model import Merged, SyncAnnotation, SyncNote

_T = TypeVar("_T")


def merge(base: SyncNote | None, mine: SyncNote | None, theirs: SyncNote | None) -> Merged:
    """The note as both sides' changes since ``base`` make it. None: the note is not on
    that side (new on the others, or deleted there)."""
    if mine is None or theirs is None:
        kept = mine if theirs is None else theirs
        if kept is None or base is None:
            return Merged(kept)  # (new on one side; or gone on both)
        if _unchanged(base, kept):
            return Merged(None)  # deleted on one side, untouched on the other
        return Merged(kept, kept_over_delete=True)
    conflicts: list[str] = []
    two_way = base is None  # (both new: what differs is a conflict)
    was = base if base is not None else SyncNote(uid=mine.uid, title="")

    def field(name: str) -> str:
        value, clash = _scalar(getattr(was, name), getattr(mine, name),
                               getattr(theirs, name))
        if clash:
            conflicts.append(name)
        return value

    note = dataclasses.replace(
        mine, title=field("title"), description=field("description"),
        summary=field("summary"), path=field("path"),
        tags=_as_set(was.tags, mine.tags, theirs.tags),
        aliases=_as_set(was.aliases, mine.aliases, theirs.aliases),
        created=min(filter(None, (mine.created, theirs.created)), default=""),
        updated=max(mine.updated, theirs.updated))
    body, clash = merge_lines(was.body, mine.body, theirs.body, insertions=not two_way)
    if clash:
        conflicts.append("body")
    front, clash = merge_lines(was.front_matter, mine.front_matter, theirs.front_matter,
                               insertions=not two_way)
    if clash:
        conflicts.append("front_matter")
    sources, clash = _sources(was, mine, theirs, body)
    if clash:
        conflicts.append("sources")
    note = dataclasses.replace(note, body=body, front_matter=front, sources=sources)
    return Merged(note, tuple(conflicts), theirs if conflicts else None)


def _unchanged(base: SyncNote, note: SyncNote) -> bool:
    """Whether ``note`` is ``base`` but for its times (a save that changed nothing)."""
    return (dataclasses.replace(note, created="", updated="")
            == dataclasses.replace(base, created="", updated=""))


def _scalar(base: _T, mine: _T, theirs: _T) -> tuple[_T, bool]:
    """(the merged value, whether both sides changed it differently: then mine)."""
    if mine == theirs or theirs == base:
        return mine, False
    if mine == base:
        return theirs, False
    return mine, True


def _as_set(base: Iterable[str], mine: Iterable[str], theirs: Iterable[str]) -> tuple[str, ...]:
    """Added on either side kept, removed on either side removed (by case: "Tag" and
    "tag" are one; a spelling changed on one side wins), in mine's order, then theirs'."""
    was, ours, other = (_by_case(values) for values in (base, mine, theirs))
    merged: dict[str, str] = {}
    for key in [*ours, *(key for key in other if key not in ours)]:
        if key in was and (key not in ours or key not in other):
            continue  # removed on one side
        spelling, _ = _scalar(was.get(key), ours.get(key), other.get(key))
        merged[key] = spelling or ours.get(key) or other[key]
    return tuple(merged.values())


def _by_case(values: Iterable[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for value in values:
        found.setdefault(value.casefold(), value)
    return found


def merge_lines(base: str, mine: str, theirs: str, insertions: bool = True,
                ) -> tuple[str, bool]:
    """A text merged by line (diff3): (the text, whether both sides changed the same
    lines differently; those lines are then mine). ``insertions``: lines both sides added
    at one place, none replaced, are all kept (mine first) rather than a conflict."""
    if mine == theirs or theirs == base:
        return mine, False
    if mine == base:
        return theirs, False
    was, ours, other = (_lines(text) for text in (base, mine, theirs))
    merged: list[str] = []
    clash = False
    at_base = at_mine = at_theirs = 0
    for base_start, base_end, start, their_start in _sync_regions(was, ours, other):
        changed_mine, changed_theirs = ours[at_mine:start], other[at_theirs:their_start]
        replaced = was[at_base:base_start]
        if changed_mine == changed_theirs or changed_theirs == replaced:
            merged += changed_mine
        elif changed_mine == replaced:
            merged += changed_theirs
        elif insertions and not replaced:  # (both only added lines here)
            merged += _both(changed_mine, changed_theirs)
        else:
            merged += changed_mine
            clash = True
        merged += was[base_start:base_end]
        at_base = base_end
        at_mine = start + base_end - base_start
        at_theirs = their_start + base_end - base_start
    return "".join(merged).removesuffix("\n"), clash


def _sync_regions(base: list[str], mine: list[str], theirs: list[str],
                  ) -> list[tuple[int, int, int, int]]:
    """The runs of base lines that both sides kept, as (base start, base end, start in
    mine, start in theirs), in order, ending with an empty run at the three ends: what
    lies between two runs is a change of one side, of both, or the same change (diff3's
    sync regions, as merge3 finds them)."""
    regions = []
    ours = _matching(base, mine)
    other = _matching(base, theirs)
    i = j = 0
    while i < len(ours) and j < len(other):
        base_a, mine_at, length_a = ours[i]
        base_b, theirs_at, length_b = other[j]
        start, end = max(base_a, base_b), min(base_a + length_a, base_b + length_b)
        if start < end:
            regions.append((start, end, mine_at + start - base_a, theirs_at + start - base_b))
        if base_a + length_a < base_b + length_b:
            i += 1
        else:
            j += 1
    regions.append((len(base), len(base), len(mine), len(theirs)))
    return regions


def _matching(base: list[str], side: list[str]) -> list[tuple[int, int, int]]:
    """The runs of lines ``side`` shares with ``base``: (base start, side start, length)."""
    matcher = difflib.SequenceMatcher(None, base, side, autojunk=False)
    return [(block.a, block.b, block.size) for block in matcher.get_matching_blocks()
            if block.size]


def _both(mine: list[str], theirs: list[str]) -> list[str]:
    """Lines both sides added at one place: the lines they share once, each side's own
    lines where they added them (mine first)."""
    kept: list[str] = []
    for kind, start, end, their_start, their_end in difflib.SequenceMatcher(
            None, mine, theirs, autojunk=False).get_opcodes():
        kept += mine[start:end]
        if kind != "equal":
            kept += theirs[their_start:their_end]
    return kept


def _lines(text: str) -> list[str]:
    """A text's lines, each with its newline (one added at the end, taken off after:
    a line added after the last is not a change of the last)."""
    return [line + "\n" for line in text.split("\n")] if text else []


def _sources(base: SyncNote, mine: SyncNote, theirs: SyncNote, body: str,
             ) -> tuple[tuple[tuple[str, str], ...], bool]:
    """The Sources lines of the titles the merged body cites, each merged as a field
    (a line new on one side, or changed on one side, wins)."""
    lines = [{title_key(title): (title, line) for title, line in note.sources}
             for note in (base, mine, theirs)]
    was, ours, other = lines
    merged: dict[str, tuple[str, str]] = {}
    clash = False
    for key in dict.fromkeys(title_key(title) for title in cited_titles(body)):
        entry, changed_both = _scalar(was.get(key), ours.get(key), other.get(key))
        clash |= changed_both
        if entry is not None:
            merged[key] = entry
    return tuple(merged.values()), clash


def merge_annotations(base: Sequence[SyncAnnotation], mine: Sequence[SyncAnnotation],
                      theirs: Sequence[SyncAnnotation]) -> list[SyncAnnotation]:
    """A note's annotations as a set by id: added on either side kept, deleted on either
    side deleted, changed on one side that side's, changed on both mine. Mine's order,
    then theirs' new ones."""
    was = {item.uid: item for item in base}
    ours = {item.uid: item for item in mine}
    other = {item.uid: item for item in theirs}
    merged: list[SyncAnnotation] = []
    for uid in [*ours, *(uid for uid in other if uid not in ours)]:
        if uid in was and (uid not in ours or uid not in other):
            continue  # deleted on one side
        if uid not in ours:
            merged.append(other[uid])
        elif (uid in other and uid in was and _same(ours[uid], was[uid])
              and not _same(other[uid], was[uid])):
            merged.append(other[uid])  # changed on their side only
        else:
            merged.append(ours[uid])
    return merged


def _same(first: SyncAnnotation, second: SyncAnnotation) -> bool:
    """Whether two versions of an annotation say the same (the library's row ids and
    the note's title, which a rename changes, left aside)."""
    return _content(first.annotation) == _content(second.annotation)


def _content(annotation: Annotation) -> Annotation:
    return dataclasses.replace(annotation, id=0, note_id=0, note_title="", note_path="")


def follow_renames(note: SyncNote, renamed: Mapping[str, str]) -> SyncNote:
    """``note`` with its citations of renamed notes (old title key -> new title) written
    with the new titles, in its body and its Sources lines. A vault's note links by file
    names: it is left as it is."""
    if note.path or not renamed:
        return note

    def now(title: str) -> str:
        return renamed.get(title_key(title), title)

    body = "".join(f"[[{now(piece)}]]" if cited else piece
                   for piece, cited in split_citations(note.body))
    sources = _once(((now(title), line) for title, line in note.sources),
                    lambda entry: title_key(entry[0]))
    return dataclasses.replace(note, body=body, sources=sources)


def _once(items: Iterable[_T], key: Callable[[_T], str]) -> tuple[_T, ...]:
    found: dict[str, _T] = {}
    for item in items:
        found.setdefault(key(item), item)
    return tuple(found.values())
