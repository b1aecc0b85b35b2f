"""How fast the link health report is (``notegui health``, Note ▸ Link Health…):
``.venv/bin/python tests/perf/link_health_bench.py --db LIBRARY [--runs N] [--json OUT]``
or ``--notes N`` to make a library of the bench corpus (corpus.py, imported with the real
``notegui import``) in ``--work DIR``.

The library is copied first (the file given is never changed), and ``--mentions K`` notes
of the copy get a sentence naming another note's title without citing it (the bench corpus
has none: every title it writes is a citation), so the report's every step runs. Each run
measures, on the same copy, the floor: a bare ``sqlite3`` read of every body
(``SELECT body FROM note``, the least any report of unlinked mentions must do), then
``SqliteLibrary.link_health()``; CPU time of this thread (a busy machine bends it less
than wall time, which is reported too). The figure is the median report time, with its
ratio to the median floor. Budget (issue 19): the whole report <= 5 s at 100,000 notes.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench import ensure_corpus, throwaway_env

from notegui.store.library import SqliteLibrary

BUDGET_S = 5.0


def timed(work: Callable[[], object]) -> tuple[float, float, object]:
    """(CPU seconds of this thread, wall seconds, result)."""
    cpu, wall = time.thread_time(), time.perf_counter()
    result = work()
    return time.thread_time() - cpu, time.perf_counter() - wall, result


def floor(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return sum(len(body) for (body,) in connection.execute("SELECT body FROM note"))


def plant_mentions(db: Path, count: int, seed: int = 19) -> int:
    """``count`` notes get "Compare <another note's title> too." at the end of their body:
    an unlinked mention each. Returns how many were written."""
    rng = random.Random(seed)
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT id, title FROM note WHERE path = '' AND body != ''").fetchall()
        if len(rows) < 2:
            return 0
        chosen = rng.sample(rows, min(count, len(rows) - 1))
        for note_id, _title in chosen:
            _other, title = rng.choice([row for row in rng.sample(rows, 3)
                                        if row[0] != note_id] or rows)
            connection.execute("UPDATE note SET body = body || ? WHERE id = ?",
                               (f"\nCompare {title} too.", note_id))
    return len(chosen)


def make_library(notes: int, work: Path) -> Path:
    corpus = work / f"corpus-{notes}"
    ensure_corpus(notes, corpus, print)
    db = work / f"library-{notes}.sqlite3"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "notegui", "--db", str(db), "import",
                        str(corpus)], check=True, stdout=subprocess.DEVNULL,
                       env=throwaway_env(work))
    return db


def run(args: argparse.Namespace) -> dict:
    work = Path(args.work or tempfile.mkdtemp(prefix="link-health-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    source = Path(args.db) if args.db else make_library(args.notes, work)
    copy = work / "copy.sqlite3"
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as original, \
            sqlite3.connect(copy) as target:
        original.backup(target)  # (a consistent copy, the original only read)
    with sqlite3.connect(copy) as connection:
        notes = connection.execute("SELECT count(*) FROM note").fetchone()[0]
    planted = plant_mentions(copy, notes // 100 if args.mentions is None else args.mentions)
    floors, reports, floor_walls, report_walls = [], [], [], []
    report = None
    with SqliteLibrary(copy) as library:
        library.sound()  # (a large library's own check runs beside at opening: not timed)
        for _ in range(args.runs):
            cpu, wall, _bytes = timed(lambda: floor(copy))
            floors.append(cpu)
            floor_walls.append(wall)
            cpu, wall, report = timed(library.link_health)
            reports.append(cpu)
            report_walls.append(wall)
    if not args.work and not args.keep:
        shutil.rmtree(work)
    assert report is not None
    median_floor, median_report = statistics.median(floors), statistics.median(reports)
    return {
        "notes": report.notes, "planted_mentions": planted, "runs": args.runs,
        "floor_cpu_s": median_floor, "report_cpu_s": median_report,
        "ratio": median_report / median_floor,
        "floor_wall_s": statistics.median(floor_walls),
        "report_wall_s": statistics.median(report_walls),
        "budget_s": BUDGET_S,
        "findings": {"stubs": len(report.stubs), "orphans": len(report.orphans),
                     "near_duplicates": len(report.duplicates),
                     "unlinked_mentions": len(report.mentions)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--db", help="a library (copied; never changed)")
    source.add_argument("--notes", type=int, help="make a library of N corpus notes")
    parser.add_argument("--work", help="where the copy (and a made library) go")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mentions", type=int,
                        help="unlinked mentions planted in the copy (default: one note in "
                        "a hundred)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the figures here")
    args = parser.parse_args(argv)
    results = run(args)
    mark = "✓" if results["report_cpu_s"] <= BUDGET_S else "✗"
    print(f"link health at {results['notes']:,} notes: report {results['report_cpu_s']:.2f} s "
          f"CPU ({results['report_wall_s']:.2f} s wall), floor (every body read) "
          f"{results['floor_cpu_s']:.2f} s, ratio {results['ratio']:.2f}; budget "
          f"{BUDGET_S:.0f} s {mark}; findings {results['findings']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
