"""Libraries opened, searched, backed up and left many times in the real window, and the
window closed mid-search (issue 16, point 1, at size: the suite's test does 20 cycles).

Each cycle types a query (its quick and full searches run on the search lanes), runs an
automatic backup (a task on a thread of its own), imports a small folder (the library's
worker) and switches to the other library through File ▸ Open Library. Counted after every
cycle: the files this process has open on the library left (must be none), its threads,
its open file descriptors and its resident memory; at the end, a window closed while a
search is stuck in one long step (it must close within the wait, show nothing after, and
leave no search thread).

    .venv/bin/python tests/stress/library_cycles.py                  # 300 cycles
    .venv/bin/python tests/stress/library_cycles.py --cycles 50 --notes 2000

``--notes`` notes in each library (the bench corpus, tests/perf/corpus.py). Prints its
figures and a JSON summary (``--out`` to keep it); exits 1 on any failure."""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests" / "perf"), str(ROOT / "tests"), str(ROOT / "src")]

from open_files import open_files  # noqa: E402 (found through the path above)

QUERIES = ("ka lo", "mi", "ne ru", "does", "tor lin", "why")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def make_libraries(work: Path, notes: int) -> tuple[Path, Path, Path]:
    from corpus import Corpus

    from notegui.app import open_library

    corpus = Corpus(notes)
    folder = work / "corpus"
    corpus.write(folder)
    paths = (work / "one.sqlite3", work / "two.sqlite3")
    for path in paths:
        with open_library(path) as library:
            for _ in library.import_paths(sorted(str(f) for f in folder.rglob("*.txt")),
                                          lambda: False):
                pass
    extra = work / "extra"
    extra.mkdir()
    return paths[0], paths[1], extra


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--no-import", action="store_true", help="cycles without an import")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="notegui-cycles-"))
    home = work / "home"
    for name, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        os.environ[name] = str(home / sub)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication, QFileDialog

    from notegui.app import automatic_backup, open_library
    from notegui.core.settings import Settings
    from notegui.gui.backup_dialog import AutomaticBackups
    from notegui.gui.main_window import MainWindow
    from notegui.gui.search_field import FULL_LANE, QUICK_LANE

    app = QApplication.instance() or QApplication([])
    one, two, extra = make_libraries(work, args.notes)
    failures: list[str] = []

    def wait_until(condition, seconds: float = 30) -> bool:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                return False
            app.processEvents()
            time.sleep(0.002)
        return True

    window = MainWindow(open_library(one), Settings(theme="light"), open_library,
                        open_library, save_settings=False)
    window.show()
    automatic = AutomaticBackups(window, lambda: window.library.path, automatic_backup,
                                 first_ms=3_600_000)
    samples: list[dict] = []
    began = time.monotonic()
    for cycle in range(args.cycles):
        query = QUERIES[cycle % len(QUERIES)]
        window.search.setText(query)
        if not wait_until(lambda q=query: "result" in window.count_label.text()
                          and window.search.text() == q):
            failures.append(f"cycle {cycle}: no results for {query!r}")
        backup = automatic.run_now()
        if not args.no_import:
            (extra / f"n{cycle}.txt").write_text(f"Why is cycle {cycle} here?\nD.\nBody.\n")
            window.files.import_paths([extra / f"n{cycle}.txt"])
            if not wait_until(lambda: window.files.import_job is None):
                failures.append(f"cycle {cycle}: the import never ended")
            if window.files.import_results is not None:
                window.files.import_results.close()
                window.files.import_results.deleteLater()
        if backup is not None and not wait_until(lambda b=backup: not b.running()):
            failures.append(f"cycle {cycle}: the backup never ended")
        lanes = [window.tasks.running_worker(lane) for lane in (QUICK_LANE, FULL_LANE)]
        going = two if window.library.path == one else one
        left = window.library.path
        QFileDialog.getOpenFileName = staticmethod(lambda *a, g=going, **k: (str(g), ""))
        window.files.open_library()
        if window.library.path != going:
            failures.append(f"cycle {cycle}: did not switch to {going.name}")
        if open_files(left):
            failures.append(f"cycle {cycle}: {len(open_files(left))} files left open on "
                            f"{left.name}")
        if any(lane is not None and lane.alive for lane in lanes):
            failures.append(f"cycle {cycle}: a search lane outlived its library")
        if cycle % 25 == 0 or cycle == args.cycles - 1:
            samples.append({"cycle": cycle, "threads": threading.active_count(),
                            "fds": len(os.listdir("/proc/self/fd")),
                            "rss_mb": round(rss_mb(), 1)})
            print(f"cycle {cycle}: {samples[-1]}", flush=True)
    seconds = time.monotonic() - began

    # The window closed mid-search: one step stuck for 1 s.
    search, started = window.runner._search, threading.Event()

    def stuck(text, quick, cancelled):
        started.set()
        time.sleep(1)
        return search(text, quick, cancelled)

    window.runner._search = stuck
    delivered: list[str] = []
    window.runner.resultsReady.connect(lambda q, _h, _c: delivered.append(q))
    window.search.setText("stuck query")
    wait_until(started.is_set)
    closing = time.monotonic()
    window.close()
    close_s = time.monotonic() - closing
    wait_until(lambda: False, 0.3)
    if delivered:
        failures.append("results were delivered to the closed window")
    lanes_left = [t.name for t in threading.enumerate() if t.name.startswith("notegui-search")]
    if lanes_left:
        failures.append(f"search threads left after closing: {lanes_left}")
    window.library.close()
    if open_files(window.library.path):
        failures.append("the last library kept files open after closing")

    summary = {"cycles": args.cycles, "notes": args.notes, "seconds": round(seconds, 1),
               "ms_per_cycle": round(1000 * seconds / args.cycles, 1),
               "close_mid_search_s": round(close_s, 2), "samples": samples,
               "threads_growth": samples[-1]["threads"] - samples[0]["threads"],
               "fds_growth": samples[-1]["fds"] - samples[0]["fds"],
               "rss_growth_mb": round(samples[-1]["rss_mb"] - samples[0]["rss_mb"], 1),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3, 1),
               "failures": failures}
    print(json.dumps(summary, indent=1))
    if args.out:
        args.out.write_text(json.dumps(summary, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
