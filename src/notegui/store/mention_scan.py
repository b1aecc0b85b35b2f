"""Finding notes' titles written in other notes' text without a citation (unlinked
mentions), in one pass over the bodies, never title by body.

Two finders, one for each kind of title:

- A library note's title is a question: it ends in "?" (the only citations its notes can
  write end so, ``[[...?]]``). Every mention therefore ends at a "?" that does not close a
  citation. One C regex pass finds those (``\\?(?!\\]\\])``: in most bodies there are none
  but the citations' own); at each, the text from each of the last few word starts on its
  line up to the "?" is looked up by its title key in a dict. Measured at 100,000 notes
  this is a few times the bare reading of the bodies, where an Aho-Corasick automaton of
  the 105,000 titles (pyahocorasick, 4 million states, bound by cache misses) scanned
  52 MB/s: 6.5 s for the bodies alone, over the 5 s budget.
- Titles and aliases of notes read from markdown folders need not end in anything. They
  are found by their words: a body's words (one C regex pass, lower case) as a set,
  intersected (in C) with the set of the names' first words; each name whose first word is
  there is then looked for in the body by ``str.find`` and checked for word boundaries
  (a first word shared by many names narrows them by its second word). An Aho-Corasick
  automaton (pyahocorasick) was measured first on the bench vault (its titles and its text
  drawn from one vocabulary, as a vault's are): 1 MB/s, its automaton deep at every
  character; the Rust one (ahocorasick-rs) 6 MB/s. Only vault notes' bodies are scanned
  for them (their links go to notes of their own vault).

A match inside a citation or wikilink, inline code, a fenced code block, a markdown link
or a bare web address is no mention (``Prose``: asked only of the matches)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise

from notegui.core.domain import title_key
from notegui.core.formats.question_note import fenced_lines

_BARE_QUESTION = re.compile(r"\?(?!\]\])")
_WORD_START = re.compile(r"(?<!\w)\w")
# Spans of a line that are not prose: a citation or wikilink, inline code, a markdown link
# or image, an autolink, a bare web address.
_PROTECTED = re.compile(
    r"\[\[[^\n]*?\]\]|(`+)[^\n]+?\1|!?\[[^\]\n]*\]\([^)\n]*\)|<[A-Za-z][\w+.-]*:[^>\s]*>"
    r"|\b(?:https?|ftp|file|mailto):[^\s)>\]]+")
MIN_NAME = 3  # a shorter vault title or alias ("Go", "AI") matches too much prose


class Prose:
    """Where a body is prose: a match elsewhere (see the module's docstring) is no
    mention. Its fenced code blocks are found once, when first asked."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._fenced: list[bool] | None = None

    def holds(self, start: int, end: int) -> bool:
        body = self.body
        line_start = body.rfind("\n", 0, start) + 1
        line_end = body.find("\n", end)
        line_end = len(body) if line_end < 0 else line_end
        line = body[line_start:line_end]
        for span in _PROTECTED.finditer(line):
            if span.start() < end - line_start and start - line_start < span.end():
                return False
        if "```" not in body and "~~~" not in body:
            return True
        if self._fenced is None:
            self._fenced = fenced_lines(body.split("\n"))
        return not self._fenced[body.count("\n", 0, start)]


class QuestionTitles:
    """Finds library notes' titles (each ending in "?") in text, by their title keys
    (``core.domain.title_key``: the note table holds them)."""

    def __init__(self, keys: Iterable[tuple[str, int]]) -> None:
        self.ids = {key: note_id for key, note_id in keys if key.endswith("?")}
        # How far before a "?" a title may begin (text may space its words more widely).
        self.reach = 2 * max(map(len, self.ids), default=0)

    def may_be_in(self, body: str) -> bool:
        """Whether ``body`` has a "?" that closes no citation: where a title may be written
        (most bodies have none: told at C speed)."""
        return bool(self.ids) and _BARE_QUESTION.search(body) is not None

    def find(self, body: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, note id) of each title written in ``body`` outside citations (not
        yet checked against ``Prose``), the longest where titles overlap."""
        for question in _BARE_QUESTION.finditer(body):
            end = question.end()
            lowest = max(body.rfind("\n", 0, end) + 1, end - self.reach)
            for word in _WORD_START.finditer(body, lowest, end):  # leftmost: longest first
                note_id = self.ids.get(title_key(body[word.start():end]))
                if note_id is not None:
                    yield word.start(), end, note_id
                    break


def _lowered(text: str) -> str:
    """``text`` in lower case, each character still at its place (``"İ".lower()`` is two
    characters: such a one is left as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


_WORD = re.compile(r"\w+")
CROWDED = 16  # names of one first word beyond which they are told apart by their second


class VaultNames:
    """Finds vault notes' titles and aliases (of ``MIN_NAME`` characters or more) in text,
    as whole words, case-insensitively (see the module's docstring)."""

    def __init__(self, names: Iterable[tuple[str, int]]) -> None:
        ids: dict[str, list[int]] = {}
        for name, note_id in names:
            key = _lowered(" ".join(name.split()))
            if len(key) >= MIN_NAME and _WORD.search(key):
                ids.setdefault(key, []).append(note_id)
        self._ids = {key: tuple(dict.fromkeys(found)) for key, found in ids.items()}
        by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key in self._ids:
            words = tuple(_WORD.findall(key))
            by_first.setdefault(words[0], []).append((key, words))
        self._by_first: dict[str, list[str]] = {}  # first word -> names
        self._by_pair: dict[tuple[str, str], list[str]] = {}  # first two words -> names
        for first, keyed in by_first.items():
            crowded = len(keyed) > CROWDED
            for key, words in keyed:
                if crowded and len(words) > 1:
                    self._by_pair.setdefault((first, words[1]), []).append(key)
                else:
                    self._by_first.setdefault(first, []).append(key)
        self._firsts = frozenset(by_first)
        self._crowded = frozenset(first for first, _second in self._by_pair)

    def find(self, body: str) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        """(start, end, note ids of that name) of each name written in ``body`` as whole
        words (not yet checked against ``Prose``), the longest where names overlap."""
        if not self._firsts:
            return
        lowered = _lowered(body)
        words = _WORD.findall(lowered)
        present = self._firsts.intersection(words)
        if not present:
            return
        keys = [key for first in present for key in self._by_first.get(first, ())]
        if not self._crowded.isdisjoint(present):
            pairs = set(pairwise(words))
            keys += [key for pair in pairs if pair[0] in self._crowded
                     for key in self._by_pair.get(pair, ())]
        found = []
        for key in keys:
            at = lowered.find(key)
            while at >= 0:
                end = at + len(key)
                if not ((at and _word(body[at - 1]) and _word(key[0]))
                        or (end < len(body) and _word(body[end]) and _word(key[-1]))):
                    found.append((at, end, self._ids[key]))
                at = lowered.find(key, at + 1)
        found.sort(key=lambda match: (match[0], match[0] - match[1]))  # longest first
        reached = 0
        for start, end, ids in found:
            if start >= reached:
                reached = end
                yield start, end, ids
