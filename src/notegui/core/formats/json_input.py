"""The checks every field of an imported JSON file goes through (notegui JSON and W3C Web
Annotations alike), to the rules a question-note file follows (shared/FORMAT.md): what
the text format could not hold, a JSON file may not bring in either.

Each check returns the value (a title normalised) or raises BadField naming the field
and what is wrong; the readers add where the field is (the entry) and refuse that entry
alone. ``load`` reads the file's JSON, refusing it whole when it cannot be read."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from typing import Any

from notegui.core.domain import HIGHLIGHT_COLORS, normalise_title, title_key
from notegui.core.formats.errors import FormatError
from notegui.core.import_listing import MARKDOWN_SUFFIXES

# The largest offset into a note's text: more than any note holds (a note file is at
# most 50 MB, a JSON file 1 GB), and what the window's text positions (32 bits) can take.
MAX_OFFSET = 2**31 - 1
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = ("\n", "\r")


class BadField(Exception):
    """(field, what is wrong): one field of one entry."""

    def __init__(self, field: str, what: str) -> None:
        super().__init__(field, what)
        self.field, self.what = field, what

    def within(self, where: str, entry: Any = None, key: str = "title") -> str:
        """The message with the entry's place, and its title when the title is readable and
        not the field at fault: ``notes[3].tags[1]: … (note 'Why…?')``."""
        field = f"{where}.{self.field}" if self.field else where
        title = entry.get(key) if isinstance(entry, dict) else None
        named = (isinstance(title, str) and title.strip() and self.field != key
                 and not _SURROGATE.search(title))
        return f"{field}: {self.what}" + (f" (note {shown(title, 60)})" if named else "")


def load(text: str) -> Any:
    """The JSON value of a file's text; FormatError when it is not JSON, or holds what
    Python's reader refuses (a number of more than 4,300 digits) or cannot follow
    (arrays nested thousands deep)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise FormatError("JSON nested too deeply (arrays or objects within each other "
                          "hundreds of times): not read") from None
    except ValueError as error:  # int(): "Exceeds the limit (4300 digits) ..."
        raise FormatError(f"a number too long to read: {error}") from None


def shown(value: object, width: int = 40) -> str:
    """A value as a message quotes it: repr (control characters escaped), cut short."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else (
        f"a number of {len(str(abs(value)))} digits")
    return text if len(text) <= width else text[: width - 1] + "…"


def text(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    """A string field: present (unless it has a default), no NUL, no lone surrogate
    (neither is text: SQLite could not store a surrogate, the format has no NUL)."""
    value = raw.get(key, default)
    if not isinstance(value, str):
        found = "missing" if value is None else f"found {shown(value)}"
        raise BadField(key, f"expected a string, {found}")
    check_string(value, key)
    return value


def check_string(value: str, key: str) -> None:
    if value.isascii():
        if "\x00" in value:
            raise BadField(key, "holds a NUL character: not text")
        return
    if "\x00" in value:
        raise BadField(key, "holds a NUL character: not text")
    surrogate = _SURROGATE.search(value)
    if surrogate:
        raise BadField(key, f"holds a lone surrogate (\\u{ord(surrogate.group()):04x}) at "
                            f"character {surrogate.start()}: not text")


def line(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    """A field the text format writes as one line (a description, a summary)."""
    value = text(raw, key, default)
    if any(mark in value for mark in _LINE_BREAKS):
        raise BadField(key, "holds a line break; it is one line")
    return value


def title(raw: dict[str, Any], key: str) -> str:
    """A note's title, by the rules of line 1 of a note file: a question ending in "?",
    one line. Returned normalised (domain.normalise_title), as notegui stores titles."""
    return check_title(text(raw, key), key)


def line_title(raw: dict[str, Any], key: str) -> str:
    """A title that need not be a question (a note read from a markdown folder, an alias,
    a stub such a note links to): one line, not empty. Normalised."""
    value = normalise_title(text(raw, key))
    if not value.strip():
        raise BadField(key, "empty")
    if any(mark in value for mark in _LINE_BREAKS):
        raise BadField(key, "holds a line break; a title is one line")
    return value




def vault_path(raw: dict[str, Any], key: str) -> str:
    """A vault note's path: ``<vault>/<path in the vault>``, ``/`` separators, relative,
    no empty, ``.`` or ``..`` segment, none beginning with a dot, a markdown file's name
    at the end. Returned in NFC, as notegui stores paths."""
    value = text(raw, key)
    segments = value.split("/")
    if len(segments) < 2 or any(not part.strip() for part in segments):
        raise BadField(key, f"{shown(value, 60)} is not '<vault>/<path in the vault>'")
    if any(part.startswith(".") or "\\" in part or "\n" in part for part in segments):
        raise BadField(key, f"{shown(value, 60)} has a name beginning with a dot, a "
                            "backslash or a line break")
    if not value.lower().endswith(MARKDOWN_SUFFIXES):
        raise BadField(key, f"{shown(value, 60)} is not a markdown file's path (.md)")
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def check_title(value: str, key: str) -> str:
    value = normalise_title(value)
    if not value.strip():
        raise BadField(key, "empty")
    if any(mark in value for mark in _LINE_BREAKS):
        raise BadField(key, "holds a line break; a title is one line")
    if not value.endswith("?") or not value[:-1].strip():
        raise BadField(key, f"{shown(value, 60)} is not a question ending in '?'")
    return value


def date(raw: dict[str, Any], key: str) -> str:
    """A time: "" (none given: the import's time is used) or ISO 8601."""
    value = text(raw, key, "")
    if value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise BadField(key, f"{shown(value)} is not a date and time (ISO 8601, as "
                                '"2026-11-27T17:00:00Z")') from None
    return value


def whole_number(raw: dict[str, Any], key: str, at_most: int = MAX_OFFSET) -> int:
    value = raw.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        found = "missing" if value is None else f"found {shown(value)}"
        raise BadField(key, f"expected a whole number, {found}")
    if not 0 <= value <= at_most:
        raise BadField(key, f"{shown(value)} is not between 0 and {at_most:,}")
    return value


def offsets(raw: dict[str, Any]) -> tuple[int, int]:
    """TextPosition ``start`` and ``end``: whole numbers, 0 <= start <= end."""
    start, end = whole_number(raw, "start"), whole_number(raw, "end")
    if end < start:
        raise BadField("end", f"{end} is before start {start}")
    return start, end


def tag(value: Any, key: str) -> str:
    """A tag, as the window's tag field takes one: a word, no comma."""
    if not isinstance(value, str):
        raise BadField(key, f"expected a string, found {shown(value)}")
    check_string(value, key)
    if not value.strip():
        raise BadField(key, "empty")
    if len(value.split()) > 1 or value != value.strip():
        raise BadField(key, f"{shown(value)} holds white space; a tag is one word")
    if "," in value:
        raise BadField(key, f"{shown(value)} holds a comma; a tag is one word")
    return value


def color(raw: dict[str, Any], key: str) -> str:
    value = text(raw, key, "yellow")
    if value not in HIGHLIGHT_COLORS:
        raise BadField(key, f"{shown(value)} is not one of {', '.join(HIGHLIGHT_COLORS)}")
    return value


def settle_citations(body: str, bracketed_titles: frozenset[str] = frozenset()) -> str:
    """A JSON body in the stored form, where a bare ``[[`` opens a citation that runs to
    the first ``?]]`` on its line (question_note.split_citations). Written by hand or by
    another tool, ``[[A]] and [[B?]]`` would be one citation titled ``A]] and [[B?``:
    here each ``[[…]]`` is read on its own, so an opening whose citation would hold a
    ``[[`` or ``]]`` is literal text (stored escaped, ``[\\[``), and so is an opening that
    no ``?]]`` closes. A title holding ``[[`` or ``]]`` stays cited when the document has
    a note of that title (``bracketed_titles``, their title keys: a notegui export of
    such a note). Linear: a rejected opening's closing is reused by the next opening."""
    if "[[" not in body:
        return body
    pieces: list[str] = []
    # (a longer span is no title of the document: its key is not worked out)
    longest = 2 * max(map(len, bracketed_titles), default=0) + 8
    position = start = 0
    line_end = closing = -1
    while (opening := body.find("[[", position)) >= 0:
        if opening > line_end:
            line_end = body.find("\n", opening)
            if line_end < 0:
                line_end = len(body)
            closing = -1
        if closing != line_end and closing < opening + 2:
            closing = body.find("?]]", opening + 2, line_end)
            if closing < 0:  # (none on the rest of the line: not looked for again)
                closing = line_end
        if closing == line_end:
            literal = True
        else:
            # "[[" first: its search stops at the next opening, where the scan goes on;
            # "]]" is looked for only in a span no other opening is in.
            literal = (body.find("[[", opening + 2, closing + 1) >= 0
                       or body.find("]]", opening + 2, closing + 1) >= 0) and not (
                closing - opening <= longest
                and title_key(normalise_title(body[opening + 2 : closing + 1]))
                in bracketed_titles)
        if not literal:
            position = closing + 3
            continue
        pieces.append(body[start:opening])
        pieces.append("[\\[")
        position = start = opening + 2
    pieces.append(body[start:])
    return "".join(pieces)
