"""How fast, and in how much memory, a library is published as a web site, by hand:
``.venv/bin/python tests/perf/publish_bench.py --db LIBRARY [--notes N] [--json]``.

Runs the real ``notegui export --format html`` in a child process (a throwaway HOME,
offscreen), and, as its floor in the same run, a child that does the unavoidable part
alone: every note read and rendered by ``answer_html`` (with its sources), nothing written.
Reports wall seconds, notes per second and peak resident memory of each, and their ratios.
``--notes N`` publishes a copy of the library cut to its first N notes by id (deleted
notes are removed with their links), to see memory stay flat as N grows. Tells, does not
judge: exit 0 either way.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))

from bench import throwaway_env  # noqa: E402

FLOOR = """
import sys, resource, time
from pathlib import Path
from notegui.core.answer_page import answer_html
from notegui.store.library import SqliteLibrary
with SqliteLibrary(Path(sys.argv[1])) as library:
    count = 0
    for note_id in [ref.id for ref in library.iter_refs()]:
        note = library.note(note_id)
        answer_html(library, note, False, library.sources(note_id))
        library.backlinks(note_id)
        count += 1
print(count)
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""
# The real command, telling its own peak memory as it ends.
EXPORT = """
import resource, sys
from notegui.app import main
code = main(sys.argv[1:])
print("PEAK", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def run_child(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (KB) and stdout of a child."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env, text=True)
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{command[:4]} failed: {err[-2000:]}")
    peak = [int(line.split()[1]) for line in err.splitlines() if line.startswith("PEAK ")]
    return seconds, peak[-1], out


def cut_copy(db: Path, notes: int, work: Path) -> Path:
    """A copy of ``db`` keeping its first ``notes`` notes by id (links among them)."""
    copy = work / f"library-{notes}.sqlite3"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with sqlite3.connect(copy) as connection:
        last = connection.execute("SELECT id FROM note ORDER BY id LIMIT 1 OFFSET ?",
                                  (notes,)).fetchone()
        if last is not None:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("DELETE FROM note WHERE id >= ?", last)
        connection.execute("VACUUM")
    return copy


def measure(db: Path, work: Path) -> dict[str, float | int]:
    env = throwaway_env(work)
    python = sys.executable
    floor_s, floor_kb, printed = run_child([python, "-c", FLOOR, str(db)], env)
    notes = int(printed.strip())
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    site_s, site_kb, _ = run_child(
        [python, "-c", EXPORT, "--db", str(db), "export", "--format", "html", "-o",
         str(site)], env)
    return {"notes": notes, "site_s": round(site_s, 2),
            "site_notes_per_s": round(notes / site_s),
            "site_peak_rss_mb": round(site_kb / 1024), "floor_s": round(floor_s, 2),
            "floor_peak_rss_mb": round(floor_kb / 1024),
            "time_ratio": round(site_s / floor_s, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--notes", type=int, default=0,
                        help="publish a copy cut to its first N notes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="publish-bench-") as folder:
        work = Path(folder)
        db = cut_copy(args.db, args.notes, work) if args.notes else args.db
        result = measure(db, work)
    if args.json:
        print(json.dumps(result))
    else:
        for name, value in result.items():
            print(f"{name:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
