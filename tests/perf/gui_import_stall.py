"""How responsive the window stays while it imports a large folder.

    python tests/perf/gui_import_stall.py --notes 100000 [--work DIR] [--out FILE.json]

Opens the real window (offscreen) on an empty library, imports the corpus folder through
File > Import's code path (a worker thread and parser processes), and meanwhile ticks a
10 ms timer in the window's thread: the longest gap between ticks is the longest the window
could not answer (a stall). Prints and writes: files, seconds, notes/s, max stall in ms,
and the 99th percentile of the gaps.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

TICK_MS = 10


def corpus_folder(notes: int, work: Path) -> Path:
    from corpus import Corpus

    folder = work / f"corpus-{notes}"
    marker = folder / ".complete"
    if not marker.exists():
        Corpus(notes).write(folder)
        marker.write_text("ok")
    return folder


def measure(notes: int, work: Path) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from notegui.app import open_library
    from notegui.core.settings import Settings
    from notegui.gui.main_window import MainWindow

    folder = corpus_folder(notes, work)
    app = QApplication.instance() or QApplication([])
    database = work / f"stall-{notes}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    library = open_library(database)
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False)
    window.resize(1280, 800)
    window.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    worst = [0.0, 0.0]  # the longest gap, and when it ended (seconds into the import)

    def tick() -> None:
        now = time.perf_counter()
        gap = (now - last[0]) * 1000 - TICK_MS
        gaps.append(gap)
        if gap > worst[0]:
            worst[:] = [gap, now - start]
        last[0] = now

    timer = QTimer(interval=TICK_MS, timeout=tick)
    start = time.perf_counter()
    job = window.files.import_paths([folder])
    timer.start()
    while window.files.import_job is not None:
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - start
    timer.stop()
    window.files.import_results.close()
    imported = job.summary.counts["imported"]
    window.close()
    library.close()
    gaps.sort()
    return {
        "files": job.summary.done,
        "imported": imported,
        "seconds": round(seconds, 2),
        "notes_per_s": round(imported / seconds),
        "max_stall_ms": round(max(gaps), 1) if gaps else 0.0,
        "p99_stall_ms": round(gaps[int(len(gaps) * 0.99)], 1) if gaps else 0.0,
        "max_stall_at_s": round(worst[1], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, required=True)
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "notegui-bench")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    result = measure(args.notes, args.work)
    for key, value in result.items():
        print(f"{key:>14}: {value}")
    if args.out:
        args.out.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
