"""Which titles best complete what was typed (a citation after ``[[``, the quick switcher):
a title that starts with it first, then one with a word that starts with it, then the other
matches; case and accents do not count ("ecole" starts "École normale?")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

EXACT_PREFIX, WORD_PREFIX, OTHER = 0, 1, 2

_SPACES = re.compile(r"\s+")
T = TypeVar("T")


def fold(text: str) -> str:
    """``text`` without case or accents, each run of white space one space; a space at
    the end is kept (typed after a word, it says the word is whole)."""
    text = text.casefold()
    if not text.isascii():  # (folding first: "İ" folds to "i" and a combining dot)
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).lstrip()


def match_tier(folded_typed: str, title: str) -> int:
    """EXACT_PREFIX, WORD_PREFIX or OTHER: where the typed text (already ``fold``ed)
    stands in the title."""
    folded = fold(title)
    if not folded_typed or folded.startswith(folded_typed):
        return EXACT_PREFIX
    at = folded.find(folded_typed)
    while at > 0:
        if not folded[at - 1].isalnum():
            return WORD_PREFIX
        at = folded.find(folded_typed, at + 1)
    return OTHER


def rank_titles(typed: str, items: Sequence[T], title: Callable[[T], str] = str) -> list[T]:
    """``items`` best first for ``typed``: by ``match_tier``, then in their given order
    (the search's own ranking)."""
    folded_typed = fold(typed)
    tiers = [match_tier(folded_typed, title(item)) for item in items]
    order = sorted(range(len(items)), key=tiers.__getitem__)
    return [items[i] for i in order]
