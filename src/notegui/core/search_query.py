"""What the user types into a search box, turned into a safe FTS5 query."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, prefix_last: bool = True) -> str:
    """Every word must match; the last one also as a prefix (search as you type).
    Words are quoted, so FTS5 syntax in the input (``covid-19``, ``AND``, ``"``) is inert."""
    words = _WORD.findall(text)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    if prefix_last and not text[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)
