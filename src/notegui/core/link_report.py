"""Link health: what a library's citations leave undone (``notegui health``, Note ▸ Link
Health…). The findings as plain values, how they are told in one line each and as JSON,
and the one text edit a fix makes (a mention turned into a citation). The store finds
them (store/link_health.py); "health" elsewhere (core/health.py) is whether the library
file can be read and written, which this is not about."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from notegui.core.domain import NoteRef

# What a near-duplicate title loses: every character that is not a letter or a digit.
_NOT_WORD = re.compile(r"[\W_]+")
_ASCII_NOT_WORD = bytes(c for c in range(128) if not chr(c).isalnum())


def loose_key(title: str) -> bytes:
    """A title with its case, spacing and punctuation gone (compatibility forms folded:
    a full-width question mark is "?"), as UTF-8: two titles of one loose key differ only
    in those. (An ASCII title, most, by ``bytes.translate``: a tenth of the regular
    expression's time, which was 1 s of the report at 100,000 notes.)"""
    if title.isascii():
        return title.lower().encode().translate(None, _ASCII_NOT_WORD)
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", title).casefold()).encode()


@dataclass(frozen=True)
class StubFinding:
    """A title cited but never written: a stub, and the notes citing it."""

    stub: NoteRef
    cited_by: tuple[NoteRef, ...]


@dataclass(frozen=True)
class OrphanFinding:
    """A note that cites nothing and that nothing cites."""

    note: NoteRef


@dataclass(frozen=True)
class DuplicateFinding:
    """Notes whose titles differ only in case, spacing or punctuation."""

    notes: tuple[NoteRef, ...]


@dataclass(frozen=True)
class MentionFinding:
    """``target``'s title (or alias) written in ``source``'s text without a citation:
    ``written`` at ``start``:``end`` of the stored body (its first such place), on
    ``line`` (1 from the top). ``link``: the citation the fix writes there instead."""

    source: NoteRef
    target: NoteRef
    written: str
    start: int
    end: int
    line: int
    link: str


@dataclass(frozen=True)
class LinkReport:
    notes: int  # notes looked at (not in the Trash)
    stubs: tuple[StubFinding, ...] = ()
    orphans: tuple[OrphanFinding, ...] = ()
    duplicates: tuple[DuplicateFinding, ...] = ()
    mentions: tuple[MentionFinding, ...] = ()

    @property
    def total(self) -> int:
        return len(self.stubs) + len(self.orphans) + len(self.duplicates) + len(self.mentions)

    def summary(self) -> str:
        """The last line of the plain report."""
        if not self.total:
            return f"no findings in {self.notes} notes"
        counts = (_count(len(self.stubs), "stub"), _count(len(self.orphans), "orphan"),
                  _count(len(self.duplicates), "near-duplicate title group"),
                  _count(len(self.mentions), "unlinked mention"))
        return (f"{_count(self.total, 'finding')} in {self.notes} notes: "
                + ", ".join(counts))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def shown(ref: NoteRef) -> str:
    """A note's title as a report names it: quoted, with where it lives when another note
    has that title."""
    return f"“{ref.title}”" + (f" ({ref.place})" if ref.place else "")


def _titles(refs: Iterable[NoteRef]) -> str:
    return ", ".join(shown(ref) for ref in refs)


def finding_line(finding: object) -> str:
    """One finding in one line (the plain report; the window's list)."""
    if isinstance(finding, StubFinding):
        cited = _titles(finding.cited_by) if finding.cited_by else "no note"
        return f"stub: {shown(finding.stub)} is cited but never written; cited by {cited}"
    if isinstance(finding, OrphanFinding):
        return f"orphan: {shown(finding.note)} cites nothing and nothing cites it"
    if isinstance(finding, DuplicateFinding):
        return ("near-duplicate: " + _titles(finding.notes)
                + " differ only in case, spacing or punctuation")
    if isinstance(finding, MentionFinding):
        return (f"unlinked mention: {shown(finding.source)} line {finding.line} mentions "
                f"{shown(finding.target)} (“{finding.written}”) without citing it")
    raise TypeError(f"not a finding: {finding!r}")


def _order(finding: object) -> tuple:
    if isinstance(finding, StubFinding):
        return (finding.stub.title.casefold(), finding.stub.path)
    if isinstance(finding, OrphanFinding):
        return (finding.note.title.casefold(), finding.note.path)
    if isinstance(finding, DuplicateFinding):
        return tuple((ref.title.casefold(), ref.path) for ref in finding.notes)
    assert isinstance(finding, MentionFinding)
    return (finding.source.title.casefold(), finding.source.path, finding.start)


def findings(report: LinkReport) -> list[object]:
    """Every finding, sorted: by kind (stubs, orphans, near-duplicates, mentions), then by
    title."""
    ordered: list[object] = []
    for group in (report.stubs, report.orphans, report.duplicates, report.mentions):
        ordered.extend(sorted(group, key=_order))
    return ordered


def _ref_json(ref: NoteRef) -> dict[str, object]:
    row: dict[str, object] = {"id": ref.id, "title": ref.title}
    if ref.path:
        row["path"] = ref.path
    return row


def to_json(report: LinkReport) -> dict[str, object]:
    """The report as JSON values (``notegui health --json``), in the plain report's order."""
    ordered = findings(report)
    return {
        "notes": report.notes,
        "total": report.total,
        "stubs": [{**_ref_json(f.stub), "cited_by": [_ref_json(r) for r in f.cited_by]}
                  for f in ordered if isinstance(f, StubFinding)],
        "orphans": [_ref_json(f.note) for f in ordered if isinstance(f, OrphanFinding)],
        "near_duplicates": [[_ref_json(r) for r in f.notes]
                            for f in ordered if isinstance(f, DuplicateFinding)],
        "unlinked_mentions": [
            {"note": _ref_json(f.source), "mentions": _ref_json(f.target),
             "text": f.written, "line": f.line, "start": f.start, "end": f.end,
             "link": f.link}
            for f in ordered if isinstance(f, MentionFinding)],
    }


class StaleMention(ValueError):
    """The note's text changed since the report: the mention is not where it was."""


def link_mention(body: str, mention: MentionFinding) -> str:
    """``body`` with the mention written as its citation (``mention.link``); StaleMention
    when the body no longer holds the mention's words at its place."""
    if body[mention.start:mention.end] != mention.written:
        raise StaleMention(f"“{mention.written}” is no longer at that place in "
                           f"“{mention.source.title}”")
    return body[:mention.start] + mention.link + body[mention.end:]
