"""The sync's git layer at a first sync's size, by hand (issue 18: first sync of 100,000
notes <= 60 s, memory <= 400 MB; this is the git part of it):

    .venv/bin/python tests/stress/sync_repository_speed.py [--notes 100000] [--loose]

Writes N small markdown-like blobs (about 2 KB each) into a new bare repository as the
engine does (one generator, packs of repository.PACK_CHUNK), a tree of them (top-level
notes plus a vault folder tree), a commit, then ten changed notes and a diff; prints
seconds and peak memory for each step. ``--loose`` writes every blob as a loose object
instead (what dulwich's add_object does one by one), to compare."""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from dulwich.objects import Blob

from notegui.sync import repository as repository_module
from notegui.sync.repository import Repository

WORDS = (
    "the", "of", "light", "a", "sky", "blue", "scatter", "why", "is", "how", "wave", "length",
    "short", "red", "dusk",
)


# Sentences made once: building 100,000 notes word by word took longer than writing them.
SENTENCES = tuple(
    " ".join(random.Random(seed).choice(WORDS) for _ in range(14)) + "." for seed in range(997)
)


def note(number: int) -> bytes:
    """About 2 KB of markdown with front matter, different for each number."""
    lines = [f"# Question {number}?", "", "---", f"notegui-id: {number:032x}", "---", ""]
    pick, size = number, 0
    while size < 2000:
        pick = (pick * 31 + 7) % len(SENTENCES)
        lines.append(SENTENCES[pick])
        size += len(SENTENCES[pick]) + 1
    return "\n".join(lines).encode()


def path(number: int) -> str:
    # Nine in ten at the top (the library's own notes), the rest in vault folders.
    if number % 10:
        return f"Question {number}.md"
    return f"vault/part {number % 7}/sub {number % 13}/note {number}.md"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step(name: str, started: float) -> float:
    now = time.perf_counter()
    print(f"{name:<42} {now - started:7.2f} s   peak {peak_mb():6.0f} MB", flush=True)
    return now


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--loose", action="store_true", help="one loose object a blob")
    arguments = parser.parse_args()
    count = arguments.notes
    folder = Path(tempfile.mkdtemp(prefix="notegui-sync-speed-"))
    try:
        repo = Repository.open_or_init(folder / "library.sqlite3.sync.git")
        started = time.perf_counter()
        for number in range(count):
            note(number)
        started = step(f"make {count:,} notes' texts (not git; again below)", started)
        contents: Iterator[bytes] = (note(number) for number in range(count))
        if arguments.loose:
            store = repo.dulwich.object_store
            ids = []
            for data in contents:
                blob = Blob.from_string(data)
                store.add_object(blob)
                ids.append(blob.id)
        else:
            ids = repo.write_blobs(contents)
        now = step(f"write {count:,} blobs ({'loose' if arguments.loose else 'packs'})", started)
        tree = repo.changed_tree(None, {path(n): blob for n, blob in enumerate(ids)})
        now = step("a tree of them", now)
        first = repo.commit(tree, [], "first sync", "bench <bench@notegui.invalid>")
        now = step("commit", now)
        files = repo.tree(first)
        assert len(files) == count
        now = step("read the tree back (tree())", now)
        changed = random.Random(1).sample(range(count), 10)
        new = repo.write_blobs(note(n) + b"\nedited\n" for n in changed)
        tree = repo.changed_tree(first, {path(n): b for n, b in zip(changed, new, strict=True)})
        second = repo.commit(tree, [first], "ten changes", "bench <bench@notegui.invalid>")
        now = step("ten changed notes: blobs, tree, commit", now)
        assert len(repo.diff(first, second)) == 10
        now = step("diff of the two commits", now)
        root = repo.dulwich[repo.dulwich[second].tree]
        compressed = len(zlib.compress(root.as_raw_string()))
        print(
            f"root tree: {len(root.as_raw_string()) / 2**20:.1f} MB "
            f"({compressed / 2**20:.1f} MB compressed), rewritten by every sync that "
            "changes a top-level note"
        )
        packs = len(list((repo.path / "objects" / "pack").glob("*.pack")))
        size = sum(p.stat().st_size for p in repo.path.rglob("*") if p.is_file()) / 2**20
        print(f"repository: {size:.0f} MB on disk, {packs} packs "
              f"(PACK_CHUNK {repository_module.PACK_CHUNK:,})")
        repo.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
