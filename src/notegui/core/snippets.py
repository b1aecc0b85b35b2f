"""Search result snippets: a dozen words of a note around its best match, the matched words
marked. Made here rather than by FTS5's snippet(), which scores a window around every
instance of every term: for a word found in nearly every note (typed first, before the
rarer ones) that cost 1 to 5 ms a row, a quarter of a second for a page of results. A
regular expression over the few rows shown costs microseconds.

Matching follows the index's tokenizer (unicode61, remove_diacritics 2) closely enough for
display: words are runs of letters and digits, compared without case or accents."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import islice

WIDTH = 12  # words in a snippet, as snippet(..., 12) gave
_CONTEXT = 3  # words kept before the first match
_CANDIDATES = 16  # windows compared, at most (each starts at a match)
_WORD = re.compile(r"[^\W_]+")
_BACK = 200  # characters looked back for the context words


class _Fold(dict[int, str]):
    """A str.translate table: each character to one lower-case character without accents
    (one for one, so offsets in the folded text are offsets in the original)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        bare = "".join(c for c in unicodedata.normalize("NFKD", char)
                       if not unicodedata.combining(c)).lower()
        folded = bare if len(bare) == 1 else (char.lower() if len(char.lower()) == 1 else char)
        self[code] = folded
        return folded


_FOLD = _Fold()


def fold(text: str) -> str:
    return text.lower() if text.isascii() else text.translate(_FOLD)


def _pattern(words: Sequence[str], prefix_last: bool) -> re.Pattern[str]:
    terms = [re.escape(fold(word)) for word in words]
    alternatives = [rf"{term}(?![^\W_])" for term in terms]
    if prefix_last and terms:
        alternatives[-1] = rf"{terms[-1]}[^\W_]*"
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(alternatives)})")


def _words_after(text: str, position: int, count: int) -> int:
    """Where the ``count``-th word from ``position`` ends."""
    end = position
    for match in islice(_WORD.finditer(text, position), count):
        end = match.end()
    return end


def _words_before(text: str, position: int, count: int) -> int:
    """Where the ``count``-th word before ``position`` starts."""
    start = max(0, position - _BACK)
    found = [match.start() for match in _WORD.finditer(text, start, position)]
    return found[-count] if len(found) >= count else (found[0] if found else position)


def make_snippet(texts: Sequence[str], words: Sequence[str], prefix_last: bool,
                 mark: tuple[str, str], width: int = WIDTH) -> str | None:
    """The best window of ``texts`` (tried in order; the first wins a tie): the one with
    the most distinct query words. None when no text has any of them."""
    if not words:
        return None
    pattern = _pattern(words, prefix_last)
    exact = {fold(word) for word in words}
    last = fold(words[-1])  # a longer word matched by the typed prefix counts as it
    best: tuple[int, str, int, int, list[tuple[int, int]]] | None = None
    for text in texts:
        if not text:
            continue
        found = [(m.start(), m.end(), m.group()) for m in islice(
            pattern.finditer(fold(text)), _CANDIDATES * 4)]
        for index, (start, _end, _word) in enumerate(found[:_CANDIDATES]):
            end = _words_after(text, start, width - _CONTEXT)
            inside = [(s, e, w) for s, e, w in found[index:] if e <= end]
            score = len({w if w in exact else last for _, _, w in inside})
            if best is None or score > best[0]:
                best = (score, text, start, end, [(s, e) for s, e, _ in inside])
            if score == len(exact):
                break
    if best is None:
        return None
    _score, text, start, end, marks = best
    begin = _words_before(text, start, _CONTEXT)
    pieces = ["…" if begin > 0 else ""]
    position = begin
    for mark_start, mark_end in marks:
        pieces += [text[position:mark_start], mark[0], text[mark_start:mark_end], mark[1]]
        position = mark_end
    pieces += [text[position:end], "…" if end < len(text) else ""]
    return " ".join("".join(pieces).split())
