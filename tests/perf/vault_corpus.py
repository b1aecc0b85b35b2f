"""A deterministic markdown vault for benchmarks: N notes in nested folders, as an
Obsidian vault holds them.

Each note has a front matter (a title for one in five, aliases for one in ten, tags as a
list or a string), 150-300 words, 3-8 links of every kind Obsidian writes (``[[Name]]``,
``[[Name|shown]]``, ``[[Name#Heading]]``, ``[[folder/Name]]``, ``[text](../x/Name.md)``,
a few to notes that do not exist, so stubs appear), inline ``#tags``, a heading, and a
code block in some. One name in twenty is used in two folders (links to it resolve by
folder or by shortest path).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "de", "po", "gra", "tor",
              "lin", "mes", "qua", "ber", "cen", "dal", "fir", "hum")
_TAGS = ("idea", "project/alpha", "project/beta", "reading", "todo", "area/health",
         "area/work", "person", "draft", "review")
_FOLDERS_PER_LEVEL = 12
NOTES_PER_FOLDER = 250


@dataclass(frozen=True)
class VaultNote:
    path: str  # inside the vault, with / and .md
    text: str


class VaultCorpus:
    def __init__(self, notes: int, seed: int = 11) -> None:
        self.count = notes
        self.seed = seed
        rng = random.Random(seed)
        self._words = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4)))
                              for _ in range(5000)})
        self._paths = self._layout(rng, notes)

    def _layout(self, rng: random.Random, notes: int) -> list[str]:
        folders = [f"area{a}/topic{b}" for a in range(_FOLDERS_PER_LEVEL)
                   for b in range(_FOLDERS_PER_LEVEL)]
        paths: list[str] = []
        taken: set[str] = set()
        names: list[str] = []
        for index in range(notes):
            folder = folders[(index // NOTES_PER_FOLDER) % len(folders)]
            if index % 20 == 19 and names:  # a name used in another folder too
                name = names[rng.randrange(len(names))]
            else:
                name = f"{rng.choice(self._words).capitalize()} {rng.choice(self._words)} {index}"
                names.append(name)
            path = f"{folder}/{name}.md"
            while path in taken:  # (a name used twice in one folder)
                path = f"{path[:-3]} bis.md"
            taken.add(path)
            paths.append(path)
        return paths

    def _sentence(self, rng: random.Random) -> str:
        words = rng.choices(self._words, k=rng.randint(8, 18))
        return " ".join(words).capitalize() + "."

    def _link(self, rng: random.Random, source: str) -> str:
        if rng.random() < 0.05:
            return f"[[Missing {rng.choice(self._words)}]]"
        target = self._paths[rng.randrange(len(self._paths))]
        folder, _, file = target.rpartition("/")
        name = file[:-3]
        kind = rng.random()
        if kind < 0.45:
            return f"[[{name}]]"
        if kind < 0.6:
            return f"[[{name}|{rng.choice(self._words)}]]"
        if kind < 0.7:
            return f"[[{name}#Details]]"
        if kind < 0.85:
            return f"[[{folder}/{name}]]"
        depth = source.count("/")
        return f"[{rng.choice(self._words)}]({'../' * depth}{quote(target)})"

    def note(self, index: int) -> VaultNote:
        rng = random.Random(self.seed * 1_000_003 + index)
        path = self._paths[index]
        front = []
        if rng.random() < 0.2:
            front.append(f"title: {' '.join(rng.choices(self._words, k=3)).capitalize()}")
        if rng.random() < 0.1:
            front.append(f"aliases: [{rng.choice(self._words)} {index}]")
        tags = rng.sample(_TAGS, rng.randint(0, 3))
        if tags:
            front.append(f"tags: [{', '.join(tags)}]" if rng.random() < 0.5
                         else f"tags: {' '.join(tags)}")
        front.append(f"created: 2024-0{1 + index % 9}-1{index % 10}")
        lines = ["---", *front, "---", f"# {path.rpartition('/')[2][:-3]}", ""]
        links = [self._link(rng, path) for _ in range(rng.randint(3, 8))]
        paragraphs = rng.randint(3, 5)
        for number in range(paragraphs):
            sentences = [self._sentence(rng) for _ in range(rng.randint(2, 4))]
            share = links[number::paragraphs]
            lines.append(" ".join(sentences + [f"See {link}." for link in share]))
            lines.append("")
            if number == 1:
                lines += ["## Details", ""]
        if rng.random() < 0.3:
            lines.append(f"Filed under #{rng.choice(_TAGS)}.")
        if rng.random() < 0.1:
            lines += ["```python", "print('[[not a link]]')", "```"]
        return VaultNote(path, "\n".join(lines) + "\n")

    def write(self, folder: Path) -> int:
        """Write every note under ``folder`` (with an ``.obsidian/`` marker); bytes written."""
        (folder / ".obsidian").mkdir(parents=True, exist_ok=True)
        (folder / ".obsidian" / "app.json").write_text("{}", encoding="utf-8")
        written = 0
        made: set[str] = set()
        for index in range(self.count):
            note = self.note(index)
            parent = note.path.rpartition("/")[0]
            if parent not in made:
                (folder / parent).mkdir(parents=True, exist_ok=True)
                made.add(parent)
            data = note.text.encode("utf-8")
            (folder / note.path).write_bytes(data)
            written += len(data)
        return written
