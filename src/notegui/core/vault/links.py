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
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import unquote

from notegui.core.import_listing import IMAGE, MARKDOWN, kind_of_name
from notegui.core.obsidian_syntax import WIKILINK, tag_at
from notegui.core.vault.model import LinkRef

__all__ = ["LinkRef", "scan"]

# What may come before a fence on its line: quotes' ">", list items' markers.
_FENCE_PREFIX = re.compile(r"(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_COMMENT = re.compile(r"%%.*?%%", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")
_MASK = "\0"  # (not white space: "`code`#x" is no tag; bodies with NUL are refused)
# [text](url "title"), ![alt](url): bounded parts, one line of text, the URL in <…> or
# bare (with balanced parentheses, one level).
_MARKDOWN_LINK = re.compile(  # (a literal first: the search skips to each "[")
    r"\[((?:[^\[\]\n\\]|\\.|\[[^\[\]\n]{0,200}\]){0,500})\]"
    r"\([ \t]{0,20}\n?[ \t]{0,20}(?:<([^<>\n]{0,2000})>"
    r"|([^\s()<>]{0,2000}(?:\([^\s()]{0,200}\)[^\s()<>]{0,200}){0,5}))"
    r"(?:\s{1,20}(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'|\([^()\n]{0,500}\)))?[ \t]{0,20}\)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,31}:")
_TAG_START = re.compile(r"#[\w/-]")
_BLOCK_PREFIX = re.compile(r"[ \t>]*")
_DENDRON_VAULT = "dendron://"


def scan(body: str, label_first: bool = False,
         ) -> tuple[tuple[LinkRef, ...], tuple[str, ...]]:
    """The links of a note's markdown, in order, and its inline tags (each once, as first
    written; duplicates by case dropped). ``label_first``: Dendron's ``[[label|target]]``
    (Obsidian and Foam write ``[[target|label]]``)."""
    spans = _code_and_comments(body)
    text = _mask(body, spans) if spans else body  # (where a link or a tag may start)
    found: list[tuple[int, LinkRef]] = []
    links: list[tuple[int, int]] = []
    if "[[" in text:
        for match in _wikilinks(text, body):
            ref = _wikilink(body, match, label_first)
            if ref is not None:
                found.append((match.start(), ref))
                links.append(match.span())
    if "](" in text:
        wikilinks = links[:]
        for match in _MARKDOWN_LINK.finditer(text):
            start, end = match.span()
            if wikilinks and _within(wikilinks, start, end):
                continue  # ([[a]](b) is the wikilink, as rendered)
            image = start > 0 and text[start - 1] == "!" and not _escaped(text, start - 1)
            ref = _markdown_link(body, match, image)
            if ref is not None:
                found.append((start - image, ref))
            links.append((start - image, end))
    tags: dict[str, str] = {}
    if "#" in text:
        links.sort()
        for match in _TAG_START.finditer(text):
            if links and _within(links, match.start(), match.start() + 1):
                continue
            name = _tag(text, match.start())
            if name and name.casefold() not in tags:
                tags[name.casefold()] = name
    if len(found) > 1:
        found.sort(key=lambda item: item[0])
    return tuple([ref for _start, ref in found]), tuple(tags.values())


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted, not overlapping)."""
    if not spans:
        return False
    index = bisect.bisect_left(spans, (end, -1)) - 1
    return index >= 0 and spans[index][1] > start


def _wikilinks(text: str, body: str) -> Iterator[re.Match[str]]:
    """``WIKILINK``'s matches in ``body`` at each "[[" of ``text`` (the body, code
    masked), found by ``str.find`` (a search for the pattern, which may begin with "!",
    tries it at every character: three times slower). The renderer's wikilink rule comes
    before its code span rule: a code span starting inside a wikilink is part of it."""
    position = text.find("[[")
    while position >= 0:
        start = position - 1 if position > 0 and text[position - 1] == "!" else position
        match = WIKILINK.match(body, start)
        if match is None:
            position = text.find("[[", position + 1)
        else:
            yield match
            position = text.find("[[", match.end())


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


def _wikilink(text: str, match: re.Match[str], label_first: bool = False) -> LinkRef | None:
    bang, target, shown = match.groups()
    start = match.start()
    embed = bool(bang)
    bracket = start + embed
    if bracket and text[bracket - 1] == "\\" and _escaped(text, bracket):
        return None  # (\[[x]]: literal text, as the renderer shows it)
    if embed and start and text[start - 1] == "\\" and _escaped(text, start):
        embed = False  # (\![[x]]: a link after a "!")
    if target[-1] == "\\":  # (in a table, [[a\|b]]: the pipe is escaped)
        target = target[:-1]
    if label_first and shown is not None:
        target, shown = shown, target
        if target.startswith(_DENDRON_VAULT):  # (dendron://vault/note: another vault's)
            target = target[len(_DENDRON_VAULT):].partition("/")[2]
    elif label_first and target.startswith(_DENDRON_VAULT):
        target = target[len(_DENDRON_VAULT):].partition("/")[2]
    heading = block = ""
    if "#" in target:
        target, _hash, fragment = target.partition("#")
        heading, block = _fragment(fragment.strip())
    target = target.strip()
    if not target and not heading and not block:
        return None
    return LinkRef(target, heading, block, shown.strip() if shown else "", embed, False)


def _fragment(fragment: str) -> tuple[str, str]:
    """(heading, block) of what follows a link's '#': ``^id`` is a block."""
    if fragment.startswith("^"):  # (Dendron's ^id:#* a range from it: the block)
        return "", fragment[1:].partition(":")[0].strip()
    return fragment, ""


def _markdown_link(body: str, match: re.Match[str], image: bool) -> LinkRef | None:
    """A markdown link to a note or an image of the vault, or None (another site, a
    mail address, a PDF, an empty link). Its parts are read from the body (the match was
    made on the body with its code masked)."""
    url = body[slice(*match.span(2 if match.group(2) is not None else 3))].strip()
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
    return LinkRef(path, heading, block, body[slice(*match.span(1))].strip(), image, True)


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
    """Fenced code: from a line opening a fence (after a quote's ``>`` or a list item's
    marker) to the line closing it, or to the end. Each ``````` and ``~~~`` is found by
    ``str.find`` and its line looked at: a pattern anchored at every line start took a
    tenth of a note's reading."""
    spans: list[tuple[int, int]] = []
    position = 0
    # The next of each, found again once passed: never a search to the end for each fence
    # of the other kind.
    ticks, tildes = text.find("```"), text.find("~~~")
    while True:
        if 0 <= ticks < position:
            ticks = text.find("```", position)
        if 0 <= tildes < position:
            tildes = text.find("~~~", position)
        found = min(ticks, tildes) if ticks >= 0 and tildes >= 0 else max(ticks, tildes)
        if found < 0:
            return spans
        char = text[found]
        run_end = found + 3
        while run_end < len(text) and text[run_end] == char:
            run_end += 1
        line_end = text.find("\n", run_end)
        line_end = len(text) if line_end < 0 else line_end
        line_start = text.rfind("\n", 0, found) + 1
        if _FENCE_PREFIX.fullmatch(text, line_start, found) is None or (
                char == "`" and "`" in text[run_end:line_end]):  # (```a``` is a code span)
            position = run_end
            continue
        closing = _closing(char, run_end - found).search(text, line_end)
        end = closing.end() if closing is not None else len(text)
        spans.append((found, end))
        position = end


@lru_cache(maxsize=64)
def _closing(char: str, length: int) -> re.Pattern[str]:
    return re.compile(rf"^(?:[ \t]*>)*[ \t]*{re.escape(char)}{{{length},}}[ \t]*$",
                      re.MULTILINE)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """CommonMark's code spans: a run of backticks to the next run of the same length,
    within the paragraph (not past a blank line). Each run's next same-length run is
    found by bisection, so a text of many unmatched runs stays near linear."""
    runs = _runs(text, "`")
    by_length: dict[int, list[int]] = {}
    for start, length in runs:
        by_length.setdefault(length, []).append(start)
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
        if text.find("\n", start, closer) >= 0 and _BLANK_LINE.search(text, start, closer):
            continue
        spans.append((start, closer + length))
        covered = closer + length
    return spans


def _runs(text: str, char: str) -> list[tuple[int, int]]:
    """(start, length) of each run of ``char`` (by ``str.find``: a pattern ``char+`` is
    tried at every position, a hundred times slower on prose)."""
    runs: list[tuple[int, int]] = []
    start = text.find(char)
    while start >= 0:
        end = start + 1
        while end < len(text) and text[end] == char:
            end += 1
        runs.append((start, end - start))
        start = text.find(char, end)
    return runs


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span's characters but newlines replaced by ``_MASK`` (offsets
    and lines unchanged)."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        if end <= position:
            continue
        start = max(start, position)
        pieces.append(text[position:start])
        if text.find("\n", start, end) < 0:
            pieces.append(_MASK * (end - start))
        else:
            pieces.append(_NOT_NEWLINE.sub(_MASK, text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
