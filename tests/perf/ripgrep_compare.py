"""notegui's search beside the tool a command-line user would reach for instead: each query
the GUI bench types (gui_bench.make_plan, the same seed, so the same queries) given whole
to ripgrep over the corpus's files, ``rg -l -i -F -- QUERY FOLDER``, timed from start to
exit with the files in the system's cache (one untimed run first).

    python tests/perf/ripgrep_compare.py --db LIBRARY --corpus FOLDER [--queries N]

ripgrep matches the query as one phrase, notegui each word anywhere in a note (and by
prefix, ranked): the figures say how long each takes to answer, not that they answer alike.
Prints JSON: ``ripgrep_p50_ms``, ``ripgrep_p95_ms``, ``ripgrep_queries``; bench.py puts
them beside notegui's full results per keystroke. Nothing when rg is not installed."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

try:  # run as a script (tests/perf on sys.path) or imported as perf.ripgrep_compare
    from gui_bench import make_plan
except ModuleNotFoundError:  # pragma: no cover
    from perf.gui_bench import make_plan

TIMEOUT_S = 600.0


def measure(db: Path, corpus: Path, queries: int) -> dict:
    """The figures, or {} when ripgrep is not here."""
    rg = shutil.which("rg")
    if rg is None:
        return {}
    texts = [text for text in make_plan(db, queries, 0).queries if text.strip()]

    def run(text: str) -> float:
        start = time.perf_counter()
        subprocess.run([rg, "-l", "-i", "-F", "--", text, str(corpus)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=TIMEOUT_S, check=False)  # (exit 1: nothing found)
        return (time.perf_counter() - start) * 1000

    if texts:
        run(texts[0])  # (the files read once into the cache)
    times = sorted(run(text) for text in texts)
    if not times:
        return {}
    return {"ripgrep_queries": len(times),
            "ripgrep_p50_ms": round(statistics.median(times), 1),
            "ripgrep_p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    print(json.dumps(measure(args.db, args.corpus, args.queries)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
