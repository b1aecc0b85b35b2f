"""``[[`` completion in a vault note of a large vault, by hand:

    .venv/bin/python tests/stress/link_completion_speed.py --vault /tmp/vstress/vault
    .venv/bin/python tests/stress/link_completion_speed.py --library LIBRARY.sqlite3

With ``--vault`` it imports the folder with the real CLI into a new library in a temp
folder (the bench's generated vault has 100,000 notes); ``--library`` reuses one. Then,
from vault notes taken at random, it types the first characters of other vault notes'
titles a key at a time, as after ``[[``, and times ``link_completions(path, text, 20)``
(what the editor offers, each with the link text it writes, checked by resolving) per
keystroke, against its floor measured on the same keystrokes in the same run:
``search_titles(text, 20)``, the title completion the editor used before, which neither
keeps to the vault nor finds a link text. It also checks, once a title is typed whole,
that its note is offered and that every offer's text leads back to its note.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from notegui.store.library import SqliteLibrary


def import_vault(folder: Path, work: Path) -> Path:
    library = work / "library.sqlite3"
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "notegui", "--db", str(library), "import",
                    str(folder)], check=True, stdout=subprocess.DEVNULL)
    print(f"imported {folder} in {time.perf_counter() - began:.1f} s")
    return library


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--vault", type=Path, help="a markdown folder to import first")
    source.add_argument("--library", type=Path, help="a library holding a vault")
    parser.add_argument("--typed", type=int, default=200, help="titles typed")
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    path = args.library or import_vault(
        args.vault, args.work or Path(tempfile.mkdtemp(prefix="link-completion-")))
    rng = random.Random(17)
    timings: dict[str, list[float]] = {"completion": [], "floor": []}
    missing = wrong = 0
    with SqliteLibrary(path) as library:
        rows = library.db.execute_sql(
            "SELECT id, path, title FROM note WHERE path != ''").fetchall()
        print(f"{len(rows):,} vault notes in {library.count():,} notes")
        for _ in range(args.typed):
            source_id, source, _title = rng.choice(rows)
            target_id, _path, title = rng.choice(rows)
            for end in range(1, len(title) + 1):
                text = title[:end]
                began = time.perf_counter()
                library.link_completions(source, text, 20)
                timings["completion"].append((time.perf_counter() - began) * 1000)
                began = time.perf_counter()
                library.search_titles(text, 20)
                timings["floor"].append((time.perf_counter() - began) * 1000)
            offers = library.link_completions(source, title, 20)
            missing += target_id not in {offer.note_id for offer in offers}
            body = " ".join(f"[[{offer.inserted}]]" for offer in offers)
            targets = library.vault_links(source_id, body).targets
            for offer in offers:
                target = targets[(offer.inserted, False)].note
                wrong += target is None or target.id != offer.note_id
    for name, values in timings.items():
        print(f"{name:>10}: {len(values):,} keystrokes, p50 {statistics.median(values):.2f} ms,"
              f" p95 {percentile(values, 0.95):.2f} ms, max {max(values):.1f} ms")
    ratio = statistics.median(timings["completion"]) / statistics.median(timings["floor"])
    print(f"ratio completion/floor (p50): {ratio:.1f}; p95: "
          f"{percentile(timings['completion'], 0.95) / percentile(timings['floor'], 0.95):.1f}")
    print(f"typed whole: {missing} of {args.typed} titles' notes not offered; "
          f"{wrong} offers whose link text leads elsewhere")
    return 1 if missing or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
