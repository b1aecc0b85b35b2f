"""A sync's note files at scale, by hand:

    .venv/bin/python tests/stress/sync_note_file_speed.py --notes 100000

Makes N notes of the library's own (about 2 KB: eight paragraphs citing other notes, a
Sources list, tags) and N/10 vault notes, renders each to its repository file
(note_file.render: what a first sync does for every note), parses every file back
(note_file.parse: what a first sync into an empty library does), checks each comes back
equal, and merges N/10 notes edited on both sides in different paragraphs. Prints the
time and rate of each step and the peak memory."""

from __future__ import annotations

import argparse
import resource
import time
from dataclasses import replace

from notegui.core.domain import title_key
from notegui.core.formats.export_names import Named, file_names
from notegui.core.sync_model import SyncNote
from notegui.sync.merge import merge
from notegui.sync.note_file import parse, render


def notes(count: int) -> tuple[list[SyncNote], list[str]]:
    titles = [f"Why does question {i} about topic {i % 97} matter?" for i in range(count)]
    made = []
    for i, title in enumerate(titles):
        cited = [titles[(i * 7 + k) % count] for k in range(1, 5)]
        body = "\n".join(f"Paragraph {p} of note {i} goes on about its subject at some "
                         f"length, citing [[{cited[p % 4]}]] along the way, as notes do."
                         for p in range(8))
        made.append(SyncNote(f"{i:032x}", title, f"Description of note {i}.",
                             f"Summary {i}.", body, tuple((t, f"what {t} says") for t in cited),
                             ("tag", f"t{i % 50}"), created="2026-01-01T00:00:00Z",
                             updated="2026-01-02T00:00:00Z"))
    for i in range(count // 10):
        made.append(SyncNote(f"{count + i:032x}", f"vault note {i}",
                             body=f"Some text #idea and [[vault note {i + 1}]].\n" * 8,
                             tags=("topic", "idea"), path=f"vault/folder {i % 20}/n{i}.md",
                             front_matter=f"title: vault note {i}\ntags: [topic]\n"))
    return made, titles


def timed(label: str, count: int, start: float) -> None:
    spent = time.perf_counter() - start
    print(f"{label}: {count:,} in {spent:.1f} s ({count / spent:,.0f} a second)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=100_000)
    count = parser.parse_args().notes
    made, titles = notes(count)
    names = file_names(Named(title) for title in titles)
    stems = {names[title_key(title)][:-3]: title for title in titles}
    paths = [note.path or names[title_key(note.title)] for note in made]
    start = time.perf_counter()
    files = [render(note, names) for note in made]
    timed("render", len(made), start)
    start = time.perf_counter()
    read = [parse(data, path, stems) for data, path in zip(files, paths, strict=True)]
    timed("parse", len(made), start)
    assert read == made, "a note did not come back from its file"
    start = time.perf_counter()
    for note in made[:count // 10]:
        lines = note.body.split("\n")
        mine = note.body.replace(lines[0], lines[0] + " Mine.")
        theirs = note.body.replace(lines[7], lines[7] + " Theirs.")
        merged = merge(note, replace(note, body=mine), replace(note, body=theirs))
        assert not merged.conflict
    timed("merge (different paragraphs)", count // 10, start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB; files {sum(map(len, files)) / 2**20:,.0f} MB")


if __name__ == "__main__":
    main()
