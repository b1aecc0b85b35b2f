"""Parts of a note's markdown that a link can name: a heading's section
(``![[note#Heading]]``) and a marked block (``![[note#^id]]``). Line-based, like the
link scan: fenced code is skipped, nothing is parsed."""

from __future__ import annotations

import re

from notegui.core.obsidian_syntax import BLOCK_ID, slug

_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"[ \t>]*(`{3,}|~{3,})")


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line, level, text) of each ATX heading outside fenced code."""
    found: list[tuple[int, int, str]] = []
    fence = ""
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence) and not line.strip().strip(
                    fence[0]):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = _HEADING.match(line)
        if heading:
            found.append((number, len(heading.group(1)), heading.group(2) or ""))
    return found


def section(body: str, heading: str) -> str:
    """The section of ``body`` under ``heading`` (its slug; ``A#B``: the B under A is
    looked for as B), from the heading line to the next heading of its level or higher;
    '' when the body has no such heading."""
    wanted = slug(heading.rpartition("#")[2])
    if not wanted:
        return ""
    lines = body.split("\n")
    headings = _headings(lines)
    for position, (start, level, text) in enumerate(headings):
        if slug(text) != wanted:
            continue
        end = next((line for line, other, _text in headings[position + 1:]
                    if other <= level), len(lines))
        return "\n".join(lines[start:end]).rstrip("\n")
    return ""


def block(body: str, block_id: str) -> str:
    """The block of ``body`` marked ``^block_id`` (the lines back to the blank line before
    it; a marker alone on its line marks the block above it); '' when none is."""
    lines = body.split("\n")
    for number, line in enumerate(lines):
        marker = BLOCK_ID.search(line)
        if marker is None or marker.group(1).lower() != block_id.lower():
            continue
        end = number + 1
        if not line[:marker.start()].strip():  # (alone: the block above)
            number -= 1
            while number >= 0 and not lines[number].strip():
                number -= 1
            end = number + 1
        start = number
        while start > 0 and lines[start - 1].strip():
            start -= 1
        return "\n".join(lines[start:end])
    return ""
