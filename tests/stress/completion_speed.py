"""Citation completion on a large library, by hand:

    .venv/bin/python tests/stress/completion_speed.py --notes 100000

Imports N notes whose titles come from the benchmark corpus (tests/perf/corpus.py: "Why
does …", "How does …" and Zipf-distributed words), then types the first words of 200 of
those titles a key at a time, as after ``[[``, and for each keystroke asks
``search_titles(text, 20)`` (what the editor offers). It reports the time per keystroke
against its floor, the single FTS5 query the completion used before (every word as a
prefix, bm25), measured on the same keystrokes in the same run; and how often the title
offered first starts with the typed text (as the title being typed does), once at least
8 characters are typed, with each."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "perf"))

from corpus import Corpus  # noqa: E402

from notegui.core.search_query import parse_query  # noqa: E402
from notegui.store import search  # noqa: E402
from notegui.store.library import SqliteLibrary  # noqa: E402


def floor_titles(library: SqliteLibrary, text: str, limit: int) -> list[str]:
    """The completion's query before ranking: all words as prefixes, bm25 (or library
    order past RANK_CAP matches)."""
    query = parse_query(text)
    if not query.words:
        return []
    prefixes = " ".join(f'"{word}"*' for word in query.words)
    ids = search._matching(library.db, "title_fts", prefixes, "rank", search.IN_LIBRARY,
                           [], limit)
    return [hit.note.title for hit in search._hits(library.db, ids, None, ("", ""))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--typed", type=int, default=200, help="titles typed")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="completion-"))
    folder = work / "notes"
    folder.mkdir(parents=True, exist_ok=True)
    titles = Corpus(args.notes, large=0).titles[: args.notes]
    for number, title in enumerate(titles):
        (folder / f"{number:06}.txt").write_text(f"{title}\nD.\nBody.\n", encoding="utf-8")
    rng = random.Random(11)
    typed = rng.sample(titles, args.typed)
    with SqliteLibrary(work / "library.sqlite3") as library:
        start = time.perf_counter()
        list(library.import_paths([folder]))
        print(f"{library.count():,} notes imported in {time.perf_counter() - start:.1f} s")
        timings: dict[str, list[float]] = {"new": [], "floor": []}
        first: dict[str, list[bool]] = {"new": [], "floor": []}
        for title in typed:
            for end in range(3, len(title)):
                text = title[:end]
                for name, ask in (
                    ("new", lambda t: [r.title for r in library.search_titles(t, 20)]),
                    ("floor", lambda t: floor_titles(library, t, 20)),
                ):
                    began = time.perf_counter()
                    offered = ask(text)
                    timings[name].append((time.perf_counter() - began) * 1000)
                    if end >= 8:
                        first[name].append(
                            bool(offered) and offered[0].casefold().startswith(text.casefold()))
    for name in ("new", "floor"):
        values = sorted(timings[name])
        p95 = values[int(len(values) * 0.95)]
        hits = sum(first[name]) / len(first[name])
        print(f"{name:>5}: {len(values):,} keystrokes, p50 {statistics.median(values):.2f} ms,"
              f" p95 {p95:.2f} ms, max {values[-1]:.1f} ms; first offer starts with the "
              f"typed text {hits:.0%} of the time (8+ characters typed)")
    ratio = statistics.median(timings["new"]) / statistics.median(timings["floor"])
    print(f"ratio new/floor (p50): {ratio:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
