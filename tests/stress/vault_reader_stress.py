"""By hand: reading a vault of 100,000 generated notes and resolving every link.

    .venv/bin/python tests/stress/vault_reader_stress.py [NOTES]

Makes NOTES markdown notes (default 100,000) in folders of 500, names repeating across
folders (as Obsidian allows), each with a front matter (title, aliases, tags), a page of
text with wikilinks (bare, with a path, a heading, a block, an embed, one to no note),
a markdown link, inline #tags, a code span and, one note in five, a code fence; and one
image per folder. Then times ``read_vault`` (every file read and parsed) in this process
and again in its worker processes (as it reads a vault of 2,000 files or more), building
the ``LinkIndex`` and resolving every link; prints notes/s of each and of the three
together (in one process), against a floor (the same files only read, by a bare walk),
and checks what was read (every note, every link but the missing ones resolved, the
workers' items equal to this process's).

The vault import must reach 3,000 notes/s end to end (docs/performance.md): this core
part should do well over 10,000."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from notegui.core.vault import LinkIndex, Problem, VaultAttachment, VaultFile, read_vault, resolve

PER_FOLDER = 500
WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "while",
         "notes", "link", "to", "other", "notes", "and", "ideas", "grow", "into", "answers"]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def text(number: int, notes: int) -> str:
    folder = number // PER_FOLDER
    other = (number * 7919 + 13) % notes
    other_folder = other // PER_FOLDER
    prose = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(120))
    fence = ("\n```python\n# not a tag\nprint('[[not a link]]')\n```\n"
             if number % 5 == 0 else "")
    return (
        f"---\ntitle: Note number {number}\naliases: [n{number}, alias {number}]\n"
        f"tags: [generated, batch{folder % 10}]\ncreated: 2024-01-01\n---\n"
        f"# Note {number}\n\n{prose}\n\n"
        f"See [[note {other % PER_FOLDER}]], [[f{other_folder:03}/note {other % PER_FOLDER}]],"
        f" [[note {(number + 1) % PER_FOLDER}#Heading]], [[note {(number + 2) % PER_FOLDER}"
        f"#^block{number}|a block]], ![[img{folder}.png]], [[n{other}]] and [[Missing "
        f"{number}]].\n"
        f"Also [the next](../f{other_folder:03}/note%20{other % PER_FOLDER}.md#Note).\n\n"
        f"{prose} #inline #topic/sub{number % 7} `[[code]] #code`\n{fence}"
        f"\n## Heading\n\nThe end. ^block{number}\n")


def make(top: Path, notes: int) -> None:
    for number in range(notes):
        folder = top / f"f{number // PER_FOLDER:03}"
        if number % PER_FOLDER == 0:
            folder.mkdir()
            (folder / f"img{number // PER_FOLDER}.png").write_bytes(PNG)
        (folder / f"note {number % PER_FOLDER}.md").write_text(text(number, notes),
                                                             encoding="utf-8")


def floor(top: str) -> float:
    """Every file under ``top`` read, by a bare walk: what any reader pays."""
    started = time.perf_counter()
    for folder, _folders, files in os.walk(top):
        for name in files:
            with open(os.path.join(folder, name), "rb") as file:
                file.read()
    return time.perf_counter() - started


def main() -> None:
    notes = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as temporary:
        top = Path(temporary) / "vault"
        top.mkdir()
        started = time.perf_counter()
        make(top, notes)
        print(f"made {notes:,} notes in {time.perf_counter() - started:.1f} s")
        bare = floor(str(top))

        started, cpu = time.perf_counter(), time.process_time()
        items = list(read_vault(top, parallel_from=notes + 1))
        read_time = time.perf_counter() - started
        read_cpu = time.process_time() - cpu
        started = time.perf_counter()
        in_workers = list(read_vault(top))
        workers_time = time.perf_counter() - started
        assert in_workers == items
        del in_workers
        files = [item for item in items if isinstance(item, VaultFile)]
        problems = [item for item in items if isinstance(item, Problem)]
        images = sum(isinstance(item, VaultAttachment) for item in items)

        started, cpu = time.perf_counter(), time.process_time()
        index = LinkIndex.of(items)
        index_time = time.perf_counter() - started

        started = time.perf_counter()
        links = resolved = 0
        for file in files:
            for ref in file.links:
                links += 1
                resolved += resolve(index, file.path, ref) is not None
        resolve_time = time.perf_counter() - started
        link_cpu = time.process_time() - cpu

    total = read_time + index_time + resolve_time
    print(f"read_vault: {len(files):,} notes, {images:,} images, {len(problems)} problems in "
          f"{read_time:.2f} s: {len(files) / read_time:,.0f} notes/s (bare read of the "
          f"files {bare:.2f} s, ratio {read_time / bare:.1f})")
    print(f"read_vault in worker processes: {workers_time:.2f} s: "
          f"{len(files) / workers_time:,.0f} notes/s (the same items)")
    print(f"LinkIndex: {index_time:.2f} s ({len(files) / index_time:,.0f} notes/s)")
    print(f"resolve: {links:,} links, {resolved:,} resolved in {resolve_time:.2f} s "
          f"({links / resolve_time:,.0f} links/s)")
    print(f"together: {total:.2f} s, {len(files) / total:,.0f} notes/s; in CPU time (what"
          f" the machine's other work does not change) {read_cpu + link_cpu:.2f} s, "
          f"{len(files) / (read_cpu + link_cpu):,.0f} notes/s (reading "
          f"{len(files) / read_cpu:,.0f} notes/s)")
    expected_links = 8 * notes
    assert len(files) == notes and images == -(-notes // PER_FOLDER) and not problems
    assert links == expected_links, (links, expected_links)
    assert resolved == 7 * notes, (resolved, 7 * notes)  # (all but [[Missing N]])
    assert all("not a tag" not in tag for file in files for tag in file.tags)


if __name__ == "__main__":
    main()
