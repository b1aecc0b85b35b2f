"""What changed from a revision of a note to the note as it is, field by field, as plain
values (the history dialog shows them): line diffs with context, and within a line that
was mostly kept, the spans of the words that differ."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from notegui.core.domain import Note, Revision

CONTEXT_LINES = 2
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True)
class DiffLine:
    """One line of a diff. ``kind``: " " context, "-" only in the old text, "+" only in the
    new, "…" skipped unchanged lines. ``changed``: (start, end) spans of the words that
    differ from the paired line, when the line has one."""

    kind: str
    text: str
    changed: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class FieldDiff:
    name: str
    lines: tuple[DiffLine, ...]


def _word_spans(old: str, new: str) -> tuple[tuple[tuple[int, int], ...],
                                             tuple[tuple[int, int], ...]]:
    """The character spans of the words that differ, in ``old`` and in ``new``."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    old_starts = [0]
    for token in old_tokens:
        old_starts.append(old_starts[-1] + len(token))
    new_starts = [0]
    for token in new_tokens:
        new_starts.append(new_starts[-1] + len(token))
    old_spans: list[tuple[int, int]] = []
    new_spans: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            old_spans.append((old_starts[i1], old_starts[i2]))
        if j2 > j1:
            new_spans.append((new_starts[j1], new_starts[j2]))
    return tuple(old_spans), tuple(new_spans)


def _replaced(old: list[str], new: list[str]) -> list[DiffLine]:
    """Removed lines then added ones; a removed and an added line at the same place that are
    mostly alike get the differing words marked."""
    removed = [DiffLine("-", line) for line in old]
    added = [DiffLine("+", line) for line in new]
    if len(old) == len(new):
        for number, (before, after) in enumerate(zip(old, new, strict=True)):
            if difflib.SequenceMatcher(None, before, after, autojunk=False).ratio() < 0.5:
                continue
            old_spans, new_spans = _word_spans(before, after)
            removed[number] = DiffLine("-", before, old_spans)
            added[number] = DiffLine("+", after, new_spans)
    return removed + added


def diff_lines(old: str, new: str, context: int = CONTEXT_LINES) -> list[DiffLine]:
    """A line diff from ``old`` to ``new`` with ``context`` unchanged lines around each
    change; skipped runs of unchanged lines are one "…" line. Empty when equal."""
    if old == new:
        return []
    a, b = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    lines: list[DiffLine] = []
    groups = list(matcher.get_grouped_opcodes(context))
    for number, group in enumerate(groups):
        if number or group[0][1] > 0:
            lines.append(DiffLine("…", ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(DiffLine(" ", line) for line in a[i1:i2])
            else:
                lines.extend(_replaced(a[i1:i2], b[j1:j2]))
    if groups and groups[-1][-1][2] < len(a):
        lines.append(DiffLine("…", ""))
    return lines


def _sources_text(sources: Sequence[tuple[str, str | None]]) -> str:
    return "\n".join(f"{title} — {summary}" if summary else title for title, summary in sources)


def note_diff(revision: Revision, note: Note,
              sources: Sequence[tuple[str, str | None]] | None = None) -> list[FieldDiff]:
    """What differs from ``revision`` to the current ``note``, field by field (only the
    fields that differ). Sources lines are compared when the current ones are given."""
    fields = [
        ("Title", revision.title, note.title),
        ("Description", revision.description, note.description),
        ("Summary", revision.summary, note.summary),
        ("Body", revision.body, note.body),
    ]
    if sources is not None:
        fields.append(("Sources", _sources_text(revision.sources), _sources_text(sources)))
    diffs = []
    for name, old, new in fields:
        lines = diff_lines(old, new)
        if lines:
            diffs.append(FieldDiff(name, tuple(lines)))
    return diffs
