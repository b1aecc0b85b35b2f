"""Where an annotation's words are after the note was edited: W3C-style text anchoring.

An annotation keeps a TextQuoteSelector (``exact`` with ``prefix``/``suffix`` context) and a
TextPositionSelector (``start``/``end``) into the note's rendered plain text. Offsets count
code points (Python ``str`` indices), as the W3C model asks; Qt's text positions count
UTF-16 units, so a GUI converts at its edge (``to_utf16``, ``from_utf16``). ``reanchor``
finds the span again in a new text, in this order:

a. the old position still holds the quote, with its context: unchanged;
b. every exact occurrence of the quote, scored by how well its prefix and suffix agree and
   by nearness to the old start: an edit before the quote shifts it, and the same phrase
   elsewhere with other context does not take it;
c. a fuzzy match when the quote itself was edited: word tokens of the quote are looked up,
   the places with most hits are aligned with difflib, and the best span is accepted when
   similar enough (``FUZZY_MIN``; lower, ``FUZZY_WITH_CONTEXT``, when its surroundings
   are unchanged). The old neighbourhood is searched first, then the whole text;
d. otherwise ``None``: detached (the caller keeps the annotation and lists it).

Runs of white space compare equal to one space, so a reflowed rendering never detaches.

Cost, for a text of n characters and a quote of m words: step a is O(m); step b is O(n)
(normalising the text once, then ``str.find``) plus O(k) scoring for k occurrences (k
capped at ``MAX_OCCURRENCES``, the nearest ones kept). Step c near the old place tokenises
a window of O(m + ``NEAR``) characters; over the whole text it tokenises the text once
(O(n)), ignores quote words found more than ``MAX_WORD_HITS`` times (they say little
about the place), and aligns at most ``CLUSTERS`` windows of about 2m words with difflib,
O(m²) each, where m is at most ``LONG_QUOTE``: a longer quote is followed by its first
and last words. Nothing is quadratic in n. The work on a text is shared by every anchor
of one ``reanchor_all`` call, and by consecutive ``reanchor`` calls on the same text.
Measured on a 20,000-word note (130,000 characters), median per anchor on a text not seen
before: unchanged a few microseconds, shifted 6 ms, quote edited inside 7 ms, detached
26 ms (the slowest seen: 33 ms); the other anchors on the same text then take about 0.3 ms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

CONTEXT = 32  # characters of prefix and suffix kept with a quote

FUZZY_MIN = 0.7  # token similarity that accepts an edited quote anywhere
FUZZY_WITH_CONTEXT = 0.5  # ... and where its prefix and suffix still agree (CONTEXT_SURE)
CONTEXT_SURE = 0.75
EXACT_SURE = 0.5  # context agreement that accepts an exact occurrence without looking further
EXACT_MIN = 0.3  # below this a short quote (< EXACT_WORDS words) found elsewhere is not it
EXACT_WORDS = 3
LONG_QUOTE = 48  # words; a longer edited quote is followed by its two ends (_by_ends)
NEAR = 2000  # characters either side of the old place searched first for an edited quote
MAX_OCCURRENCES = 1000
MAX_WORD_HITS = 64
CLUSTERS = 3

_SPACE = re.compile(r"\s+")
# a run of white space that is not already one " ": it matches at a run's first character
# (greedy), so each match is a whole run
_COLLAPSIBLE = re.compile(r"\s{2,}|[^\S ]")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``; offsets are clamped into the text and ordered
    (a selection made backwards gives the same anchor)."""
    start, end = (min(max(0, i), len(text)) for i in (start, end))
    start, end = min(start, end), max(start, end)
    return Anchor(
        start, end, text[start:end], text[max(0, start - CONTEXT):start],
        text[end:end + CONTEXT],
    )


def reanchor(anchor: Anchor, text: str) -> Anchor | None:
    """Where ``anchor``'s words are in ``text`` (see the module docstring), or None."""
    return reanchor_all([anchor], text)[0]


def reanchor_all(anchors: Iterable[Anchor], text: str) -> list[Anchor | None]:
    """``reanchor`` for each anchor, sharing the work on ``text`` between them."""
    indexed = _indexed(text)
    return [_reanchor(anchor, indexed) for anchor in anchors]


@lru_cache(maxsize=2)
def _indexed(text: str) -> _Text:
    # callers re-anchor a note's annotations one by one against the same text: normalising
    # and tokenising it once, not per annotation, is most of the cost saved
    return _Text(text)


def to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset (a Qt text position) of code point ``index`` of ``text``: they
    differ after a character beyond U+FFFF (an emoji, a math letter), which Qt counts twice."""
    return len(text[:index].encode("utf-16-le")) // 2


def from_utf16(text: str, offset: int) -> int:
    """The code point index of UTF-16 ``offset`` (a Qt text position) into ``text``; an
    offset inside a surrogate pair gives the index of that character."""
    if text.isascii():  # the common case, no copy
        return min(max(0, offset), len(text))
    return len(text.encode("utf-16-le")[:2 * max(0, offset)].decode("utf-16-le", "ignore"))


# -- the steps -----------------------------------------------------------------------------


@dataclass
class _Found:
    start: int  # into the original text
    end: int
    context: float  # 0..1, how well prefix and suffix agree
    score: float
    similar: float = 1.0  # 0..1, how like the quote its words are (1: exactly)


def _reanchor(anchor: Anchor, text: _Text) -> Anchor | None:
    raw = text.raw
    if not anchor.exact.strip():
        return None  # nothing to find; a blank highlight has no words to follow
    if (
        raw[anchor.start:anchor.end] == anchor.exact
        and raw[max(0, anchor.start - len(anchor.prefix)):anchor.start] == anchor.prefix
        and raw[anchor.end:anchor.end + len(anchor.suffix)] == anchor.suffix
    ):
        # in place; the context kept is refreshed (text may now follow a quote that ended
        # the note)
        return make_anchor(raw, anchor.start, anchor.end)
    quote = _Quote(anchor)
    words = len(quote.tokens)
    exact = _best_exact(quote, text)
    if exact is not None and exact.context >= EXACT_SURE:
        return make_anchor(raw, exact.start, exact.end)
    # the quote itself may have been edited: its fuzzy match near the old place beats an
    # exact occurrence (elsewhere) with less of the context
    long = words > LONG_QUOTE
    edited = _by_ends(anchor, quote, text) if long else _fuzzy(quote, text, near=True)
    if edited is not None and (exact is None or edited.context > exact.context):
        return make_anchor(raw, edited.start, edited.end)
    if exact is not None and _acceptable(1.0, exact.context, words):
        return make_anchor(raw, exact.start, exact.end)
    anywhere = None if long else _fuzzy(quote, text, near=False)  # (_by_ends looked anywhere)
    if anywhere is not None:
        return make_anchor(raw, anywhere.start, anywhere.end)
    return None


def _by_ends(anchor: Anchor, quote: _Quote, text: _Text) -> _Found | None:
    """A long edited quote, followed by its first and last ``LONG_QUOTE // 2`` words (each
    anchored on its own), whatever happened between them: aligning hundreds of words with
    difflib would cost O(m²)."""
    spans = [m.span() for m in _TOKEN.finditer(anchor.exact)]
    cut_head, cut_tail = spans[LONG_QUOTE // 2 - 1][1], spans[-(LONG_QUOTE // 2)][0]
    exact = anchor.exact
    head = _reanchor(Anchor(
        anchor.start, anchor.start + cut_head, exact[:cut_head], anchor.prefix,
        exact[cut_head:cut_head + CONTEXT],
    ), text)
    tail = _reanchor(Anchor(
        anchor.start + cut_tail, anchor.end, exact[cut_tail:],
        exact[max(0, cut_tail - CONTEXT):cut_tail], anchor.suffix,
    ), text)
    if head is None or tail is None or not 0.5 <= (tail.end - head.start) / len(exact) <= 2:
        return None
    context = _context(quote, text.norm, text.to_norm(head.start), text.to_norm(tail.end))
    return _Found(head.start, tail.end, context, context)


def _best_exact(quote: _Quote, text: _Text) -> _Found | None:
    """The exact occurrence of the quote (white space normalised) with the best context."""
    norm, needle = text.norm, quote.exact
    old = text.to_norm(quote.start)
    hits: list[int] = []
    at = norm.find(needle)
    while at != -1:
        hits.append(at)
        at = norm.find(needle, at + 1)
    if not hits:
        return None
    if len(hits) > MAX_OCCURRENCES:  # a very common quote: only the nearest can be it
        hits = sorted(hits, key=lambda h: abs(h - old))[:MAX_OCCURRENCES]
    best: _Found | None = None
    for hit in hits:
        end = hit + len(needle)
        context = _context(quote, norm, hit, end)
        score = context + 0.1 / (1 + abs(hit - old) / 1000)  # nearness breaks ties only
        if best is None or score > best.score:
            best = _Found(hit, end, context, score)
    assert best is not None
    best.start, best.end = text.to_raw(best.start), text.to_raw_end(best.end)
    return best


def _fuzzy(quote: _Quote, text: _Text, near: bool) -> _Found | None:
    """The span most like the edited quote, near its old place or anywhere; None if no
    span is similar enough."""
    m = len(quote.tokens)
    if m == 0:
        return None
    if near:
        reach = NEAR + 2 * len(quote.raw_exact)
        tokens = _Tokens.of(text.raw, quote.start - reach, quote.end + reach)
        cap = None
    else:
        tokens = text.tokens
        cap = MAX_WORD_HITS
    diagonals: list[int] = []  # where the quote would start, for each hit of one of its words
    for i, word in enumerate(quote.tokens):
        if not word[0].isalnum() and word[0] != "_":
            continue  # punctuation says nothing about the place
        places = tokens.where.get(word, ())
        if cap is not None and len(places) > cap:
            continue
        diagonals.extend(p - i for p in places)
    best: _Found | None = None
    for lo, hi in _clusters(diagonals, m):
        first, last = max(0, lo), min(len(tokens.words), hi + m + 2)
        found = _align(quote, tokens, first, last, text)
        if found is not None and (best is None or found.score > best.score):
            best = found
    return best


def _clusters(diagonals: list[int], m: int) -> list[tuple[int, int]]:
    """Up to CLUSTERS ranges of start positions with the most hits, worth aligning: words
    inserted inside the quote spread its hits over up to ``m`` positions."""
    diagonals.sort()
    ranked: list[tuple[int, int, int]] = []
    j = 0
    for i, d in enumerate(diagonals):
        while diagonals[j] < d - m:
            j += 1
        ranked.append((i - j + 1, diagonals[j], d))
    ranked.sort(key=lambda r: r[0], reverse=True)
    chosen: list[tuple[int, int]] = []
    for count, lo, hi in ranked:
        # c matching words give at best a ratio 2c / (m + c): below FUZZY_WITH_CONTEXT, stop
        if 2 * count < FUZZY_WITH_CONTEXT * (m + count) or len(chosen) == CLUSTERS:
            break
        if all(hi + m < lo2 or lo > hi2 + m for lo2, hi2 in chosen):
            chosen.append((lo, hi))
    return chosen


def _align(quote: _Quote, tokens: _Tokens, first: int, last: int, text: _Text) -> _Found | None:
    """The best span of ``tokens.words[first:last]`` for the quote, if it is good enough."""
    window = tokens.words[first:last]
    blocks = [
        b for b in SequenceMatcher(None, window, quote.tokens, autojunk=False)
        .get_matching_blocks() if b.size
    ]
    if not blocks:
        return None
    spans: dict[tuple[int, int], _Found] = {}

    def span(i: int, j: int) -> _Found:
        # a span is scored by its words and by its surroundings: similarity alone would
        # rather drop "quick brown" than keep the words inserted after it
        if (i, j) not in spans:
            similar = SequenceMatcher(None, window[i:j], quote.tokens, autojunk=False).ratio()
            start, end = tokens.starts[first + i], tokens.ends[first + j - 1]
            context = _context(quote, text.norm, text.to_norm(start), text.to_norm(end - 1) + 1)
            spans[i, j] = _Found(start, end, context, similar + 0.5 * context, similar)
        return spans[i, j]

    def ends(lo: int, hi: int) -> tuple[int, int]:
        return blocks[lo].a, blocks[hi - 1].a + blocks[hi - 1].size

    # drop stray matches at either end (a "the" before the quote) while that helps
    lo, hi = 0, len(blocks)
    while hi - lo > 1:
        current = span(*ends(lo, hi)).score
        left, right = span(*ends(lo + 1, hi)).score, span(*ends(lo, hi - 1)).score
        if max(left, right) <= current:
            break
        lo, hi = (lo + 1, hi) if left >= right else (lo, hi - 1)
    head, tail = blocks[lo], blocks[hi - 1]
    # quote words replaced at either end: the span may take the words in their slots
    missing_after = len(quote.tokens) - tail.b - tail.size
    candidates = [
        span(i, j)
        for i in {head.a, max(0, head.a - head.b)}
        for j in {tail.a + tail.size, min(len(window), tail.a + tail.size + missing_after)}
    ]
    good = [c for c in candidates if _acceptable(c.similar, c.context, len(quote.tokens))]
    return max(good, key=lambda c: c.score, default=None)


def _acceptable(similar: float, context: float, words: int) -> bool:
    """Whether a span this similar to the quote, with this much of its context, is it."""
    if similar >= FUZZY_WITH_CONTEXT and context >= CONTEXT_SURE:
        return True
    # a short quote is common words: found away from its context, it is someone else's
    return similar >= FUZZY_MIN and (words >= EXACT_WORDS or context >= EXACT_MIN)


def _context(quote: _Quote, norm: str, start: int, end: int) -> float:
    """How well the text around norm[start:end] agrees with the quote's prefix and suffix:
    the share of each that matches outward from the span, averaged."""
    before = _agree(quote.prefix[::-1], norm[max(0, start - len(quote.prefix)):start][::-1])
    after = _agree(quote.suffix, norm[end:end + len(quote.suffix)])
    return (before + after) / 2


def _agree(kept: str, found: str) -> float:
    if not kept:  # the quote was at the very start (or end): it agrees only there
        return 1.0 if not found else 0.0
    same = 0
    for a, b in zip(kept, found, strict=False):
        if a != b:
            break
        same += 1
    return same / len(kept)


# -- the text, normalised and tokenised ----------------------------------------------------


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text)


class _Quote:
    """An anchor's quote and context, white space normalised, and its word tokens."""

    def __init__(self, anchor: Anchor) -> None:
        self.start, self.end, self.raw_exact = anchor.start, anchor.end, anchor.exact
        self.exact = _normalise(anchor.exact)
        self.prefix = _normalise(anchor.prefix)
        self.suffix = _normalise(anchor.suffix)
        self.tokens = [t.casefold() for t in _TOKEN.findall(anchor.exact)]


@dataclass
class _Tokens:
    """Word and punctuation tokens (case-folded) with their offsets, and where each occurs."""

    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    where: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, start: int = 0, end: int | None = None) -> _Tokens:
        made = cls()
        for match in _TOKEN.finditer(text, max(0, start), len(text) if end is None else end):
            word = match.group().casefold()
            made.where.setdefault(word, []).append(len(made.words))
            made.words.append(word)
            made.starts.append(match.start())
            made.ends.append(match.end())
        return made


class _Text:
    """A text with its white-space-normalised form and the offset maps between the two.
    Each normalised character maps to an original one; only runs of white space that are
    not a single " " shift the offsets, so the maps are short lists of break points."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    @cached_property
    def norm(self) -> str:
        return _normalise(self.raw)

    @cached_property
    def _breaks(self) -> tuple[list[int], list[int], list[int]]:
        norm_breaks = [0]  # from this normalised offset on ...
        raw_breaks = [0]  # ... (this original offset on) ...
        shifts = [0]  # ... original = normalised + shift
        shift = 0
        for run in _COLLAPSIBLE.finditer(self.raw):  # always a whole run (see the pattern)
            shift += run.end() - run.start() - 1
            norm_breaks.append(run.end() - shift)
            raw_breaks.append(run.end())
            shifts.append(shift)
        return norm_breaks, raw_breaks, shifts

    def to_raw(self, offset: int) -> int:
        norm_breaks, _, shifts = self._breaks
        return offset + shifts[bisect_right(norm_breaks, offset) - 1]

    def to_raw_end(self, offset: int) -> int:
        """The original end offset of a span ending at normalised ``offset``."""
        return self.to_raw(offset - 1) + 1 if offset > 0 else 0

    def to_norm(self, offset: int) -> int:
        norm_breaks, raw_breaks, shifts = self._breaks
        k = bisect_right(raw_breaks, offset) - 1
        if k + 1 < len(norm_breaks):  # inside a collapsed run: just after its space
            return min(offset - shifts[k], norm_breaks[k + 1])
        return offset - shifts[k]

    @cached_property
    def tokens(self) -> _Tokens:
        return _Tokens.of(self.raw)


__all__ = [
    "CONTEXT", "Anchor", "from_utf16", "make_anchor", "reanchor", "reanchor_all", "to_utf16",
    "whole_words",
]


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection that starts or ends inside a word, widened to the whole word: a reader
    dragging over words rarely hits their edges exactly."""
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
