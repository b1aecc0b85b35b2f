"""The links and inline ``#tags`` of a note's markdown, as the renderer sees them.

A wikilink and a ``#tag`` are what ``core.obsidian_syntax`` says (the renderer's own
rules). Not inside code (fenced blocks, code spans), ``%%comments%%`` (the renderer hides
them), and no tag inside a link (its text or its URL: ``[a](p#frag)``, ``[[x|#y]]``).

A scan with regular expressions, not a markdown-it parse: a vault of 100,000 notes is
read at import speed. What the scan does not see as CommonMark would: indented code
blocks (four spaces: inside a list that is a continuation, not code) are read as text,
and a fence's end is the next closing fence, whatever its container.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from urllib.parse import unquote

from notegui.core.import_listing import IMAGE, MARKDOWN, kind_of_name
from notegui.core.obsidian_syntax import WIKILINK, tag_at
from notegui.core.vault.model import LinkRef

__all__ = ["LinkRef", "scan"]

# A fence's opening line, inside quotes and list items: the prefix, the fence, the info.
_FENCE = re.compile(
    r"^((?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*)(`{3,}|~{3,})([^\n]*)$",
    re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_COMMENT = re.compile(r"%%.*?%%", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")
# [text](url "title"), ![alt](url): bounded parts, one line of text, the URL in <…> or
# bare (with balanced parentheses, one level).
_MARKDOWN_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\n\\]|\\.|\[[^\[\]\n]{0,200}\]){0,500})\]"
    r"\([ \t]{0,20}\n?[ \t]{0,20}(?:<([^<>\n]{0,2000})>"
    r"|([^\s()<>]{0,2000}(?:\([^\s()]{0,200}\)[^\s()<>]{0,200}){0,5}))"
    r"(?:\s{1,20}(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?[ \t]{0,20}\)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,31}:")
_TAG_START = re.compile(r"#[\w/-]")
_BLOCK_PREFIX = re.compile(r"[ \t>]*")


def scan(body: str) -> tuple[tuple[LinkRef, ...], tuple[str, ...]]:
    """The links of a note's markdown, in order, and its inline tags (each once, as first
    written; duplicates by case dropped)."""
    text = _mask(body, _code_and_comments(body))
    found: list[tuple[int, LinkRef]] = []
    masked: list[tuple[int, int]] = []
    if "[[" in text:
        for match in WIKILINK.finditer(text):
            ref = _wikilink(text, match)
            if ref is not None:
                found.append((match.start(), ref))
                masked.append(match.span())
    if "](" in text:
        if masked:
            text = _mask(text, masked)
            masked = []
        for match in _MARKDOWN_LINK.finditer(text):
            ref = _markdown_link(match)
            if ref is not None:
                found.append((match.start(), ref))
            masked.append(match.span())
    tags: dict[str, str] = {}
    if "#" in text:
        if masked:
            text = _mask(text, masked)
        for match in _TAG_START.finditer(text):
            name = _tag(text, match.start())
            if name and name.casefold() not in tags:
                tags[name.casefold()] = name
    found.sort(key=lambda item: item[0])
    return tuple(ref for _start, ref in found), tuple(tags.values())


def _tag(text: str, start: int) -> str:
    """The renderer's tag at ``start``; also after a quote's ``>`` at the start of a line
    (the renderer sees the quote's text without it)."""
    if start > 0 and text[start - 1] == ">":
        line_start = text.rfind("\n", 0, start) + 1
        if _BLOCK_PREFIX.fullmatch(text, line_start, start):
            return tag_at(" " + text[start:start + 102], 1)
    return tag_at(text, start)


def _escaped(text: str, position: int) -> bool:
    """Whether the character at ``position`` is escaped by a backslash."""
    count = 0
    while position > 0 and text[position - 1] == "\\":
        count += 1
        position -= 1
    return count % 2 == 1


def _wikilink(text: str, match: re.Match[str]) -> LinkRef | None:
    embed = bool(match.group(1))
    bracket = match.start() + embed
    if _escaped(text, bracket):  # (\[[x]]: literal text, as the renderer shows it)
        return None
    if embed and _escaped(text, match.start()):  # (\![[x]]: a link after a "!")
        embed = False
    target = match.group(2)
    if target.endswith("\\"):  # (in a table, [[a\|b]]: the pipe is escaped)
        target = target[:-1]
    target, _hash, fragment = target.strip().partition("#")
    heading, block = _fragment(fragment.strip())
    if not target.strip() and not heading and not block:
        return None
    shown = (match.group(3) or "").strip()
    return LinkRef(target.strip(), heading, block, shown, embed, False)


def _fragment(fragment: str) -> tuple[str, str]:
    """(heading, block) of what follows a link's '#': ``^id`` is a block."""
    if fragment.startswith("^"):
        return "", fragment[1:].strip()
    return fragment, ""


def _markdown_link(match: re.Match[str]) -> LinkRef | None:
    """A markdown link to a note or an image of the vault, or None (another site, a
    mail address, a PDF, an empty link)."""
    url = match.group(3) if match.group(3) is not None else match.group(4)
    url = url.strip()
    if not url or url.startswith("//") or _SCHEME.match(url):
        return None
    path, _hash, fragment = url.partition("#")
    path = unquote(path.partition("?")[0])
    if path:
        name = path.rstrip("/").rpartition("/")[2]
        if "." in name.lstrip(".") and kind_of_name(name) not in (MARKDOWN, IMAGE):
            return None
    heading, block = _fragment(unquote(fragment).strip())
    if not path and not heading and not block:
        return None
    shown = match.group(2).strip()
    return LinkRef(path, heading, block, shown, bool(match.group(1)), True)


def _code_and_comments(text: str) -> list[tuple[int, int]]:
    """The spans of fenced code, code spans and %%comments%%, in order."""
    spans = _fences(text) if ("```" in text or "~~~" in text) else []
    if "`" in text:
        spans = _merge(spans, _code_spans(_mask(text, spans) if spans else text))
    if "%%" in text:
        spans = _merge(spans, [match.span() for match in
                               _COMMENT.finditer(_mask(text, spans) if spans else text)])
    return spans


def _merge(first: list[tuple[int, int]],
           second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(first + second) if first and second else first or second


def _fences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        opening = _FENCE.search(text, position)
        if opening is None:
            return spans
        fence = opening.group(2)
        if fence[0] == "`" and "`" in opening.group(3):  # (```a``` is a code span)
            position = opening.end()
            continue
        closing = _closing(fence[0], len(fence)).search(text, opening.end())
        end = closing.end() if closing is not None else len(text)
        spans.append((opening.start(2), end))
        position = end


@lru_cache(maxsize=64)
def _closing(char: str, length: int) -> re.Pattern[str]:
    return re.compile(rf"^(?:[ \t]*>)*[ \t]*{re.escape(char)}{{{length},}}[ \t]*$",
                      re.MULTILINE)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """CommonMark's code spans: a run of backticks to the next run of the same length,
    within the paragraph (not past a blank line). Each run's next same-length run is
    found by bisection, so a text of many unmatched runs stays linear-ish."""
    runs = [(match.start(), match.end() - match.start())
            for match in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for start, length in runs:
        by_length.setdefault(length, []).append(start)
    blanks = [match.start() for match in _BLANK_LINE.finditer(text)]
    spans: list[tuple[int, int]] = []
    covered = 0
    for start, length in runs:
        if start < covered or _escaped(text, start):
            continue
        starts = by_length[length]
        following = bisect.bisect_right(starts, start)
        if following == len(starts):
            continue
        closer = starts[following]
        blank = bisect.bisect_right(blanks, start)
        if blank < len(blanks) and blanks[blank] < closer:
            continue
        spans.append((start, closer + length))
        covered = closer + length
    return spans


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span's characters but newlines replaced by spaces (offsets and
    lines unchanged)."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        if end <= position:
            continue
        start = max(start, position)
        pieces.append(text[position:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
