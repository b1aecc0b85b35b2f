"""By hand: an import's listing of a large, hostile folder stays bounded.

    .venv/bin/python tests/stress/import_listing.py [FILES] [DEPTH]

Makes FILES files (default 200,000: a tenth .txt, the rest markdown, images, PDFs and
others, in folders of 1,000, each with a symbolic link loop to the top, plus a .git
folder of a tenth as many) and a tree DEPTH folders deep (default 1,500: a path longer
than 4,096 bytes cannot be opened), then lists it as `notegui import` does and prints the
time against a floor (a bare os.scandir walk of the same tree, counting names) and the
listing's peak memory (tracemalloc)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from notegui.core import import_listing

SUFFIXES = (".txt", ".md", ".md", ".md", ".png", ".jpg", ".pdf", ".json", ".docx", ".md")


def make(top: Path, files: int, depth: int) -> None:
    for number in range(files):
        folder = top / f"f{number // 1000:04}"
        if number % 1000 == 0:
            folder.mkdir()
            (folder / "loop").symlink_to(top, target_is_directory=True)
        (folder / f"n{number}{SUFFIXES[number % len(SUFFIXES)]}").touch()
    hidden = top / ".git"
    hidden.mkdir()
    for number in range(files // 10):
        (hidden / f"o{number}.txt").touch()
    inner = str(top / "deep")
    os.mkdir(inner)
    for _ in range(depth):
        inner += "/d"
        os.mkdir(inner)
    Path(inner, "bottom.txt").touch()


def floor(top: str) -> int:
    """Names under ``top`` (hidden ones too), by a bare walk: what any listing costs."""
    count, stack = 0, [top]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                count += 1
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
    return count


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 1_500
    with tempfile.TemporaryDirectory() as temporary:
        top = Path(temporary) / "vault"
        top.mkdir()
        make(top, files, depth)
        started = time.perf_counter()
        names = floor(str(top))
        bare = time.perf_counter() - started
        tracemalloc.start()
        started = time.perf_counter()
        listing = import_listing.list_files([top])
        took = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{names:,} names: listed {len(listing.files):,} .txt files in {took:.2f} s "
              f"(bare walk {bare:.2f} s, ratio {took / bare:.1f}); peak {peak / 2**20:.1f} MB")
        print(listing.skipped.summary())
        subprocess.run(["rm", "-rf", str(top)], check=True)  # (rmtree recurses: the deep tree)


if __name__ == "__main__":
    main()
