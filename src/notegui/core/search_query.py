"""What the user types into a search box: words, and the filters ``is:stub``,
``is:question`` (each also negated, ``-is:stub``) and ``tag:NAME``, turned into a safe FTS5
query."""

from __future__ import annotations

import re
from dataclasses import dataclass

from notegui.core.domain import normalise_title

_WORD = re.compile(r"\w+", re.UNICODE)
_FILTER = re.compile(r"(?<!\S)(-?is:(stub|question)|tag:(\S+))(?!\S)", re.IGNORECASE)


@dataclass(frozen=True)
class SearchQuery:
    words: tuple[str, ...] = ()
    prefix_last: bool = True  # the last word is still being typed
    stub: bool | None = None  # True: only stubs; False: no stubs; None: either
    # True: only notes whose title is a question (ends in "?"); False: the others.
    question: bool | None = None
    tags: tuple[str, ...] = ()

    @property
    def fts(self) -> str:
        """Every word must match; the last one also as a prefix (search as you type).
        Words are quoted, so FTS5 syntax in the input (``covid-19``, ``AND``, ``"``) is
        inert."""
        quoted = [f'"{word}"' for word in self.words]
        if quoted and self.prefix_last:
            quoted[-1] += "*"
        return " ".join(quoted)

    @property
    def is_empty(self) -> bool:
        return (not self.words and self.stub is None and self.question is None
                and not self.tags)


def parse_query(text: str) -> SearchQuery:
    # As titles are stored: a word typed with a zero-width character or decomposed
    # accents finds the title that looks the same.
    text = normalise_title(text)
    found: dict[str, bool] = {}
    tags: list[str] = []
    for match in _FILTER.finditer(text):
        if match.group(3):
            tags.append(match.group(3))
        else:  # (the last of is:stub and -is:stub wins)
            found[match.group(2).lower()] = not match.group(1).startswith("-")
    rest = _FILTER.sub(" ", text)
    words = tuple(_WORD.findall(rest))
    prefix_last = bool(words) and not rest[-1:].isspace()
    return SearchQuery(words, prefix_last, stub=found.get("stub"),
                       question=found.get("question"), tags=tuple(tags))
