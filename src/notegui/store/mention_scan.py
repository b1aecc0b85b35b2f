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
- Titles and aliases of notes read from markdown folders need not end in anything: an
  Aho-Corasick automaton over them (pyahocorasick, C), longest match first, each match
  then checked for word boundaries. Only vault notes' bodies are scanned with it (their
  links go to notes of their own vault).

A match inside a citation or wikilink, inline code, a fenced code block, a markdown link
or a bare web address is no mention (``unlinkable``: asked only of the few matches)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

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


def unlinkable(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` lies in text that is no prose (see the module's
    docstring): a match there is no mention."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    line = body[line_start:line_end]
    for span in _PROTECTED.finditer(line):
        if span.start() < end - line_start and start - line_start < span.end():
            return True
    if "```" in body or "~~~" in body:
        lines = body.split("\n")
        return fenced_lines(lines)[body.count("\n", 0, start)]
    return False


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
        yet checked against ``unlinkable``), the longest where titles overlap."""
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


class NameAutomaton:
    """Finds vault notes' titles and aliases (any text of ``MIN_NAME`` characters or more)
    in text, as whole words, case-insensitively."""

    def __init__(self, names: Iterable[tuple[str, int]]) -> None:
        self._automaton = ahocorasick.Automaton()
        found: dict[str, list[int]] = {}
        for name, note_id in names:
            key = _lowered(" ".join(name.split()))
            if len(key) >= MIN_NAME:
                found.setdefault(key, []).append(note_id)
        for key, ids in found.items():
            self._automaton.add_word(key, (len(key), tuple(dict.fromkeys(ids))))
        self.empty = not found
        if found:
            self._automaton.make_automaton()

    def find(self, body: str) -> Iterator[tuple[int, int, tuple[int, ...]]]:
        """(start, end, note ids of that name) of each name written in ``body`` as whole
        words (not yet checked against ``unlinkable``), the longest where names overlap."""
        if self.empty:
            return
        for last, (length, ids) in self._automaton.iter_long(_lowered(body)):
            start, end = last + 1 - length, last + 1
            if (start and _word(body[start - 1])) or (end < len(body) and _word(body[end])):
                continue
            yield start, end, ids
