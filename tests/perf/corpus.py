"""A deterministic corpus of question notes in the FORMAT.md text format, for benchmarks.

Bodies of 300-500 words drawn from a Zipf-distributed vocabulary, 3-8 citations each
(some of titles that have no file, so stubs appear), a code block in some notes, and a
few notes of 20,000 words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "de", "po", "gra", "tor",
              "lin", "mes", "qua", "ber", "cen", "dal", "fir", "hum")
_STARTS = ("How does", "Why does", "What makes", "Does", "Can", "When does", "Which",
           "Is", "Where does", "Should")
_CODE = ("```python", "def score(items):", "    total = sum(item.weight for item in items)",
         "    return total / max(1, len(items))", "```")
LARGE_WORDS = 20_000
POOL_SENTENCES = 20_000


@dataclass(frozen=True)
class CorpusNote:
    name: str
    title: str
    text: str
    words: int


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """Made-up words, shortest first: with Zipf ranks, frequent words are short, as in
    English (about 5 letters a word on average)."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words, key=lambda word: (len(word), word))


class Corpus:
    def __init__(self, notes: int, seed: int = 7, large: int = 3) -> None:
        self.count = notes
        self.large = min(large, notes)
        rng = random.Random(seed)
        self._vocabulary = _vocabulary(rng, 20_000)
        weights = [1 / rank for rank in range(1, len(self._vocabulary) + 1)]  # Zipf, s=1
        self._cumulative = list(accumulate(weights))
        self._sentences = [self._sentence(rng) for _ in range(POOL_SENTENCES)]
        self.titles = self._titles(rng, notes + notes // 20)  # 5% are cited, never written
        self.seed = seed

    def _words(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self._vocabulary, cum_weights=self._cumulative, k=count)

    def _sentence(self, rng: random.Random) -> str:
        words = self._words(rng, rng.randint(8, 20))
        if rng.random() < 0.1:
            words[rng.randrange(len(words))] = f"*{words[0]}*"
        return " ".join(words).capitalize()

    def _titles(self, rng: random.Random, count: int) -> list[str]:
        seen: set[str] = set()
        titles: list[str] = []
        while len(titles) < count:
            title = f"{rng.choice(_STARTS)} {' '.join(self._words(rng, rng.randint(3, 7)))}?"
            if title.casefold() not in seen:
                seen.add(title.casefold())
                titles.append(title)
        return titles

    def note(self, index: int) -> CorpusNote:
        """Note ``index`` (0 <= index < count); the same text for the same seed."""
        rng = random.Random(self.seed * 1_000_003 + index)
        title = self.titles[index]
        target_words = LARGE_WORDS if index < self.large else rng.randint(300, 500)
        cited = rng.sample(range(len(self.titles)), rng.randint(3, 8))
        cited = [c for c in cited if c != index][:8]
        paragraphs: list[str] = []
        words = 0
        citations = iter(cited)
        while words < target_words:
            sentences = rng.sample(self._sentences, rng.randint(3, 7))
            paragraph = ". ".join(sentences)
            citation = next(citations, None)
            if citation is not None:
                paragraph += f" as argued in {self.titles[citation]}, and so on"
            paragraphs.append(paragraph + ".")
            words += paragraph.count(" ") + 1
            if rng.random() < 0.15:
                paragraphs.extend(_CODE)
        for citation in citations:  # a long note still cites all of its sources
            paragraphs.append(f"See also {self.titles[citation]}.")
        description = " ".join(self._sentences[rng.randrange(POOL_SENTENCES)].split()[:14])
        sources = [
            f"Summary {c}: " + " ".join(self._sentences[(c * 7) % POOL_SENTENCES].split()[:16])
            for c in cited
        ]
        header = "Sources 1 note" if len(sources) == 1 else f"Sources {len(sources)} notes"
        text = "\n".join([title, description, *paragraphs, header, *sources]) + "\n"
        return CorpusNote(f"{index:07}.txt", title, text, words)

    def write(self, folder: Path) -> int:
        """Write every note as a file (in subfolders of 1,000); returns the bytes written."""
        total = 0
        for index in range(self.count):
            note = self.note(index)
            target = folder / f"{index // 1000:04}" / note.name
            if index % 1000 == 0:
                target.parent.mkdir(parents=True, exist_ok=True)
            data = note.text.encode("utf-8")
            target.write_bytes(data)
            total += len(data)
        return total
