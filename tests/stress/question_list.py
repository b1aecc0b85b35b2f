"""By hand: the question list at size in a library that holds vault notes (issue 17): View ▸
Questions Only's rebuild, and the rows that show where a same-titled note lives.

    .venv/bin/python tests/stress/question_list.py [LIBRARY] [--runs N] [--work DIR]

LIBRARY (default the bench's 100,000-note library) is copied into DIR, never written. Two
copies are measured, in the real window (offscreen):

- ``bench``: the library as it is (every title a question: the filter keeps every note);
- ``vaults``: two notes in five made vault notes (``bench/fNN/ID.md``, the title without
  its "?"), one in fifty of those titled "Index" (a title 840 notes share).

For each: the list rebuilt by the View ▸ Questions Only action, on and off in turn (the
action triggered and the list's viewport repainted: the model reset, the count, the open
note's row found, the rows on screen fetched and painted), median and p95 of RUNS each
way, with the ids read (as after a write) and kept (turned off and on again);
``Library.note_ids()`` with and without the filter (its floor: the same ids read by a bare
``SELECT id FROM note ORDER BY title_key``); the rows of a screenful fetched
(``refs`` of 64 ids) of the library's own notes, of vault notes, of vault notes titled
Index (a place each); and a repaint of the list showing Index rows against one showing
the library's own notes. Prints the figures and exits 0."""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src")]

BENCH = Path("/tmp/notegui-bench-100000/library.sqlite3")


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and p95 of ``runs`` calls of ``work``, in ms."""
    return interleaved([work], runs)[0]


def interleaved(works: list[Callable[[], object]], runs: int) -> list[tuple[float, float]]:
    """Median and p95 (ms) of ``runs`` calls of each of ``works``, called in turn, so that
    a busy machine slows them alike."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(runs):
        for work, kept in zip(works, times, strict=True):
            start = time.perf_counter()
            work()
            kept.append((time.perf_counter() - start) * 1000)
    return [(statistics.median(t), sorted(t)[min(len(t) - 1, int(len(t) * 0.95))])
            for t in times]


def make_vaults(path: Path) -> None:
    """Two notes in five (not stubs) become vault notes; the FTS triggers are left out of
    the rewrite (nothing here searches)."""
    from notegui.store import schema

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    saved = schema.suspend_triggers(connection, ("note_fts_update", "title_fts_update"))
    connection.execute(
        "UPDATE note SET path = 'bench/f' || (id % 97) || '/' || id || '.md', "
        "title = CASE WHEN id % 50 = 0 THEN 'Index' ELSE rtrim(title, '?') END, "
        "title_key = CASE WHEN id % 50 = 0 THEN 'index' ELSE rtrim(title_key, '?') END "
        "WHERE id % 5 < 2 AND NOT (description = '' AND body = '')")
    schema.restore_triggers(connection, saved)
    connection.execute("COMMIT")
    connection.close()


def measure(name: str, path: Path, runs: int) -> None:
    from PySide6.QtWidgets import QApplication

    from notegui.app import open_library
    from notegui.core.settings import Settings
    from notegui.gui.main_window import MainWindow

    library = open_library(path)
    database = library.db
    every = library.note_ids()
    questions = library.note_ids(questions_only=True)
    print(f"\n{name}: {len(every):,} notes, {len(questions):,} questions")

    def bare() -> None:
        [row[0] for row in database.execute_sql("SELECT id FROM note ORDER BY title_key")]

    floor, plain, filtered = interleaved(
        [bare, library.note_ids, lambda: library.note_ids(questions_only=True)], runs)
    print(f"  note_ids: floor {floor[0]:.1f} ms, all {plain[0]:.1f} ms "
          f"({plain[0] / floor[0]:.2f}x), questions only {filtered[0]:.1f} ms "
          f"({filtered[0] / floor[0]:.2f}x)   (medians; p95 {plain[1]:.1f} / {filtered[1]:.1f})")

    rows = database.execute_sql(
        "SELECT id, path != '', title_key = 'index' FROM note ORDER BY id").fetchall()
    own = [r[0] for r in rows if not r[1]]
    vault = [r[0] for r in rows if r[1] and not r[2]]
    index = [r[0] for r in rows if r[2]]
    for label, ids in (("own", own), ("vault", vault), ("vault 'Index'", index)):
        if len(ids) >= 64 * runs:
            blocks = iter(ids[i * 64:(i + 1) * 64] for i in range(runs))
            median, p95 = timed(lambda blocks=blocks: library.refs(next(blocks)), runs)
            print(f"  refs of 64 {label} notes: {median:.2f} ms (p95 {p95:.2f})")
        elif ids:
            median, p95 = timed(lambda ids=ids: library.refs(ids[:64]), runs)
            print(f"  refs of 64 {label} notes (the same each run): {median:.2f} ms "
                  f"(p95 {p95:.2f})")

    app = QApplication.instance()
    window = MainWindow(library, Settings(theme="light"), open_library, open_library,
                        save_settings=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    action = window.actions_by_name["questions_only"]
    viewport = window.list.viewport()

    def toggle(read: bool) -> Callable[[], None]:
        def run() -> None:
            if read:
                window._listed = {}  # (as after a write: the list read again)
            action.trigger()
            viewport.repaint()
        return run

    # On and off in turn: each pair of calls turns the filter on, then off.
    read_on, read_off = interleaved([toggle(True), toggle(True)], runs)
    kept_on, kept_off = interleaved([toggle(False), toggle(False)], runs)
    action.trigger()
    print(f"  count with the filter on: {window.count_label.text()!r}")
    action.trigger()
    for label, on, off in (("read", read_on, read_off), ("kept", kept_on, kept_off)):
        print(f"  Questions Only, the list {label}: on {on[0]:.1f} ms (p95 {on[1]:.1f}), "
              f"off {off[0]:.1f} ms (p95 {off[1]:.1f})")

    def repaint_at(note_id: int) -> float:
        row = window.model.row_of(note_id)
        assert row is not None
        window.list.scrollTo(window.model.index(row))
        app.processEvents()

        def paint() -> None:
            window.model.forget_rows()  # each paint fetches its rows again
            viewport.repaint()
        return timed(paint, runs)[0]

    if index:
        shown = window.model.ref_at(window.model.row_of(index[0]) or 0)
        assert shown is not None
        print(f"  a screenful of 'Index' rows ({shown.place!r} ...): {repaint_at(index[0]):.2f}"
              f" ms a repaint (rows fetched and painted); of own notes: "
              f"{repaint_at(own[len(own) // 2]):.2f} ms")
    window.close()
    library.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", nargs="?", type=Path, default=BENCH)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = args.work or Path(tempfile.mkdtemp(prefix="notegui-question-list-"))
    home = work / "home"
    for variable, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"),
                          ("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"),
                          ("XDG_CACHE_HOME", "cache")):
        os.environ[variable] = str(home / sub)

    from PySide6.QtWidgets import QApplication

    from notegui.store.library import SqliteLibrary

    QApplication([])
    bench = work / "bench.sqlite3"
    if not bench.exists():
        shutil.copyfile(args.library, bench)  # (the original is never opened for writing)
        SqliteLibrary(bench).close()  # migrated, once
    vaults = work / "vaults.sqlite3"
    if not vaults.exists():
        shutil.copyfile(bench, vaults)
        make_vaults(vaults)
    measure("bench", bench, args.runs)
    measure("vaults", vaults, args.runs)
    print(f"\n(copies in {work})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
