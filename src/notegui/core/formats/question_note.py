"""The question-note text format (shared/FORMAT.md): parse a file, write a note back.

Parsing is pure: it never looks at the library, except through the optional
``is_known`` callback that decides which citations count as proven when a
file's citations and its ``Sources`` list do not pair up.

Stored bodies keep citations as ``[[Title]]`` with the title exactly as the file
wrote it. So that a literal ``[[`` in the text survives the round trip, every
``[`` followed by backslashes and another ``[`` gains one backslash when stored
and loses it when written back: in a stored body a bare ``[[`` always starts a
citation, and the mapping is reversible for any text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from notegui.core.domain import normalise_title, title_key
from notegui.core.formats.errors import FormatError

INTERROGATIVES = (
    "Does", "Do", "Did", "Why", "How", "What", "Which", "Who", "Whom", "Whose", "Where",
    "When", "Can", "Could", "Should", "Would", "Will", "Is", "Are", "Was", "Were", "Has",
    "Have", "Had", "May", "Might", "Must", "Shall", "Am",
)

# An interrogative word. No \b in front: the one space a cited title must follow
# (_is_cited_start) is a word boundary already, and a pattern that starts with literal
# words lets the regex engine skip, in C, to the positions of their first letters: a
# third less time finding citations than with a lookahead on those letters (100,000 files
# are parsed at each large import).
_INTERROGATIVE = re.compile("(?:" + "|".join(INTERROGATIVES) + ")\\b")
# What may stand before a cited title, past one space: the running sentence.
_BEFORE_OK = set(")*\"'\u2019\u201d_]")
# What may follow its "?": the sentence's own punctuation (or the end of the paragraph).
_AFTER_OK = set(",.;:!)]\"'\u2019\u201d*_\u2014\u2013")
_SOURCES_HEADER = re.compile(r"^Sources (\d+) notes?$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPE = re.compile(r"\[(\\*)(?=\[)")
_UNESCAPE = re.compile(r"\[\\(\\*)(?=\[)")
_MASK = "\x00"
MAX_TITLE = 300


class NotANoteError(FormatError):
    """The bytes are not a question note; the message says why."""


@dataclass(frozen=True)
class Citation:
    title: str  # as written in the file
    summary: str | None  # None: cited in the text, but the Sources list did not pair up


@dataclass(frozen=True)
class ParsedNote:
    title: str
    description: str
    body: str  # stored form: citations as [[Title]], literal "[[" escaped
    citations: tuple[Citation, ...]  # distinct cited titles, in order of first citation
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Candidate:
    line: int  # index into the body lines
    start: int
    end: int  # exclusive, just past the "?"

    def text(self, lines: list[str]) -> str:
        return lines[self.line][self.start : self.end]


# -- bytes to text ---------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 text with the BOM dropped and CRLF folded, or NotANoteError saying why not."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise NotANoteError("the file is empty")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise NotANoteError(f"contains a NUL byte at byte offset {offset}: not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotANoteError(f"not valid UTF-8 at byte offset {error.start}") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


# -- escaping of literal [[ ----------------------------------------------------------------


def escape_brackets(text: str) -> str:
    if "[" not in text:
        return text
    return _ESCAPE.sub(lambda m: "[\\" + m.group(1), text)


def unescape_brackets(text: str) -> str:
    if "[\\" not in text:
        return text
    return _UNESCAPE.sub(lambda m: "[" + m.group(1), text)


def split_citations(body: str) -> Iterator[tuple[str, bool]]:
    """A stored body as (piece, is_citation) pairs; citation pieces are the bare title.
    A citation runs from ``[[`` to the first ``?]]`` on its line: the regex
    ``\\[\\[(.*?\\?)\\]\\]``, but in linear time (the regex rescans the rest of the line
    from every ``[[`` that is not a citation: a line of 10,000 ``[`` took a second)."""
    position = start = 0
    line_end = -1
    while (opening := body.find("[[", position)) >= 0:
        if opening > line_end:
            line_end = body.find("\n", opening)
            if line_end < 0:
                line_end = len(body)
        closing = body.find("?]]", opening + 2, line_end)
        if closing < 0:
            position = line_end  # no "[[" later on this line can close either
            continue
        if opening > start:
            yield body[start:opening], False
        yield body[opening + 2 : closing + 1], True
        position = start = closing + 3
    if start < len(body):
        yield body[start:], False


def cited_titles(body: str) -> list[str]:
    """The titles a stored body cites, in order, repeats included."""
    return [piece for piece, is_citation in split_citations(body) if is_citation]


def body_to_text(body: str) -> str:
    """A stored body as the format writes it: citations as bare titles, brackets unescaped."""
    return "".join(
        piece if is_citation else unescape_brackets(piece)
        for piece, is_citation in split_citations(body)
    )


# -- citations in prose --------------------------------------------------------------------


def _mask_inline_code(line: str) -> str:
    if "`" not in line:
        return line
    return _INLINE_CODE.sub(lambda m: _MASK * len(m.group(0)), line)


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fences included)."""
    flags: list[bool] = []
    fence: str | None = None
    for line in lines:
        if fence is None:
            opening = _FENCE.match(line) if line[:6].lstrip(" ")[:1] in ("`", "~") else None
            if opening:
                fence = opening.group(1)
            flags.append(fence is not None)
        else:
            stripped = line.strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                fence = None
            flags.append(True)
    return flags


def _is_cited_start(masked: str, start: int) -> bool:
    # Past exactly one space, the sentence must still be running.
    if start < 2 or masked[start - 1] != " ":
        return False
    before = masked[start - 2]
    return before.isalnum() or before in _BEFORE_OK


def find_candidates(lines: list[str], fenced: list[bool] | None = None) -> list[_Candidate]:
    """Every span of the body that reads as a cited title, by the rules of FORMAT.md."""
    if fenced is None:
        fenced = fenced_lines(lines)
    found: list[_Candidate] = []
    for index, line in enumerate(lines):
        if "?" not in line or fenced[index]:
            continue
        masked = _mask_inline_code(line)
        region_start = 0
        end = masked.find("?")
        while end >= 0:
            end += 1
            # A cited title is a question of at most MAX_TITLE characters.
            region = (max(region_start, end - MAX_TITLE), end - 1)
            region_start = end
            if end == len(masked) or masked[end] in _AFTER_OK:
                for word in _INTERROGATIVE.finditer(masked, *region):
                    span = masked[word.start() : end]
                    if (
                        _is_cited_start(masked, word.start())
                        and " " in span.strip()
                        and _MASK not in span
                        and "\r" not in span  # (a title is one line)
                    ):
                        found.append(_Candidate(index, word.start(), end))
                        break
            end = masked.find("?", end)
    return found


# -- the file ----------------------------------------------------------------------------


def _sources_section(lines: list[str], fenced: list[bool]) -> int | None:
    """Index of the Sources header line: the last one followed by exactly N lines, else the
    last header-looking line at all (a count that does not pair up), else None.
    ``fenced`` flags the lines from the third on."""
    fallback = None
    for index in range(len(lines) - 1, 1, -1):
        line = lines[index]
        if not line.startswith("Sources "):
            continue
        match = _SOURCES_HEADER.match(line)
        if not match or fenced[index - 2]:
            continue
        if len(lines) - index - 1 == _said_count(match):
            return index
        if fallback is None:
            fallback = index
    return fallback


def _said_count(header: re.Match[str]) -> int:
    """The N of "Sources N notes"; -1 for a number no file has lines for (and too long for
    int(), which refuses more than 4,300 digits)."""
    digits = header.group(1)
    return int(digits) if len(digits) <= 12 else -1


def _header(count: int) -> str:
    return f"Sources {count} note" if count == 1 else f"Sources {count} notes"


def parse(
    data: bytes | str, name: str = "", is_known: Callable[[str], bool] | None = None
) -> ParsedNote:
    """Parse one question-note file. ``name`` labels warnings; ``is_known(title_key)`` says
    whether the library already has a note of that title (used only to prove citations
    when the Sources list does not pair up with the citations)."""
    text = decode(data) if isinstance(data, bytes) else data
    text = text.removesuffix("\n")
    lines = text.split("\n")
    # The title is stored normalised (NFC, no zero-width characters): a look-alike of
    # a title is that title. Citations in the body stay as written; their keys agree.
    title = normalise_title(lines[0])
    if not title.endswith("?") or not title[:-1].strip():
        raise NotANoteError("line 1 is not a question ending in '?'")
    if "\r" in title:  # (a lone one: CRLF was folded) it would rewrite the line it is shown on
        raise NotANoteError("line 1 holds a carriage return; a title is one line")
    description = lines[1] if len(lines) > 1 else ""
    fenced = fenced_lines(lines[2:])
    header = _sources_section(lines, fenced)
    body_end = header if header is not None else len(lines)
    body_lines = lines[2:body_end]
    summaries = lines[header + 1 :] if header is not None else []

    candidates = find_candidates(body_lines, fenced)
    distinct: dict[str, str] = {}
    for candidate in candidates:
        distinct.setdefault(title_key(candidate.text(body_lines)), candidate.text(body_lines))

    warnings: list[str] = []
    paired = (
        header is not None
        and len(summaries) == len(distinct) > 0
        and lines[header] == _header(len(summaries))
    )
    if paired:
        chosen = candidates
        citations = tuple(
            Citation(normalise_title(title), summary)
            for title, summary in zip(distinct.values(), summaries, strict=True)
        )
        stored_lines = body_lines
    else:
        known = is_known or (lambda _key: False)
        chosen = [c for c in candidates if known(title_key(c.text(body_lines)))]
        proven: dict[str, str] = {}
        for candidate in chosen:
            proven.setdefault(title_key(candidate.text(body_lines)), candidate.text(body_lines))
        citations = tuple(Citation(normalise_title(title), None) for title in proven.values())
        # The Sources lines stay in the body, as written, so export stays exact.
        stored_lines = lines[2:]
        problem = _pairing_problem(lines, header, summaries, len(distinct))
        if problem:
            where = header + 1 if header is not None else len(lines)
            warnings.append(
                f"{name or 'file'} line {where}: {problem}; kept as written, "
                f"{len(proven)} citation(s) of notes already in the library linked"
            )

    body = _store_body(stored_lines, chosen)
    return ParsedNote(title, description, body, citations, tuple(warnings))


def _pairing_problem(
    lines: list[str], header: int | None, summaries: list[str], cited: int
) -> str:
    """Why the Sources list and the citations do not pair up ('' when nothing is wrong)."""
    if header is None:
        return f"no Sources list, but the body cites {cited} title(s)" if cited else ""
    said = lines[header]
    matched = _SOURCES_HEADER.match(said)
    assert matched is not None  # (``header`` is the index of the line it matched)
    count = _said_count(matched)
    if len(said) > 60:
        said = said[:30] + "…" + said[-12:]
    if count != len(summaries):
        return f"'{said}' is followed by {len(summaries)} line(s)"
    if count != cited:
        return f"'{said}', but the body cites {cited} distinct title(s)"
    if said != _header(count):
        return f"'{said}' should read '{_header(count)}'"
    return f"'{said}' lists no notes"


def _store_body(lines: list[str], chosen: list[_Candidate]) -> str:
    by_line: dict[int, list[_Candidate]] = {}
    for candidate in chosen:
        by_line.setdefault(candidate.line, []).append(candidate)
    # Most lines cite nothing and hold no "[": they are stored as they are.
    stored = [escape_brackets(line) if "[" in line else line for line in lines]
    for index, candidates in by_line.items():
        line, pieces, position = lines[index], [], 0
        for candidate in candidates:
            pieces.append(escape_brackets(line[position : candidate.start]))
            pieces.append(f"[[{line[candidate.start : candidate.end]}]]")
            position = candidate.end
        pieces.append(escape_brackets(line[position:]))
        stored[index] = "".join(pieces)
    if stored and not any(stored):
        # Only blank lines: "\n".join would lose one; keep them countable instead.
        return "\n" * len(stored)
    return "\n".join(stored)


HOLDING_FORMATS = "markdown or json"


def cannot_hold(title: str, path: str = "") -> str:
    """Why the note of this title (and ``path``, '' for the library's own notes) cannot be
    written in the format, naming the formats that can hold it; '' when it can. The
    format's title is a question, and its body follows the question-note rules: a note
    read from a markdown folder is plain markdown (its links, front matter and file would
    be lost)."""
    if path:
        return (f"it was read from a markdown folder ({path}): plain markdown with front "
                f"matter, not a question note; export it as {HOLDING_FORMATS}")
    if not title.endswith("?") or not title[:-1].strip():
        return (f"its title is not a question ending in '?', which the question-note format "
                f"needs on line 1; export it as {HOLDING_FORMATS}")
    return ""


def write(title: str, description: str, body: str, summaries: Sequence[str | None]) -> str:
    """A note in the format, without a final newline: the inverse of ``parse``.
    ``summaries`` are the links' lines; None marks a link whose Sources line stayed in
    the body as written."""
    written = [line for line in summaries if line is not None]
    # The description line is always written: for a note of a title alone, that adds only
    # a final newline.
    lines = [title, description]
    if body and not body.strip("\n"):
        lines.extend([""] * len(body))  # a body of blank lines only (see _store_body)
    elif body:
        lines.append(body_to_text(body))
    if written:
        lines.append(_header(len(written)))
        lines.extend(written)
    return "\n".join(lines)
