"""The in-app half of the benchmark: search, open, scroll and memory, measured through the
real MainWindow (offscreen) on an existing library, each with its floor.

    python tests/perf/gui_bench.py --db LIBRARY.sqlite3 --out RESULT.json

tests/perf/bench.py runs it in a child process on the library its import measure made;
it can also be run alone on any library. Importing this module does nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SEED = 7
LARGE_WORDS = 10_000  # a note of at least this many words is timed as a large note
WAIT_S = 10.0  # a keystroke whose results take longer than this is reported as lost
_LETTERS = re.compile(r"[^\W\d_]+")


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100), linear between closest ranks; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def _pct_ms(values: list[float], q: float) -> float | None:
    """The q-th percentile of seconds, in milliseconds; None when there are none."""
    found = percentile(values, q)
    return None if found is None else _ms(found)


# -- the plan: which queries to type and which notes to open ------------------------------


@dataclass
class Plan:
    queries: list[str]
    opens: list[int]  # note ids of ordinary notes (with text, not large)
    large: list[int]  # note ids of the large notes


def make_plan(db: Path, queries: int, opens: int, seed: int = SEED) -> Plan:
    """Queries of 1-3 consecutive words from the titles and bodies of notes picked at random
    (seeded), and the notes to open. Read with raw SQL on a connection of its own, before the
    window exists, keeping only the ids and the few notes used."""
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        words = "length(body) - length(replace(body, ' ', '')) + 1"
        rows = connection.execute(
            f"SELECT id, body != '' AND {words} >= ? FROM note "
            "WHERE description != '' OR body != '' ORDER BY id", (LARGE_WORDS,)
        ).fetchall()
        ordinary = [note_id for note_id, large in rows if not large]
        large = [note_id for note_id, is_large in rows if is_large]
        chosen_queries: list[str] = []
        while len(chosen_queries) < queries and ordinary:
            note_id = rng.choice(ordinary)
            title, body = connection.execute(
                "SELECT title, body FROM note WHERE id = ?", (note_id,)).fetchone()
            text = title if rng.random() < 0.3 else body
            tokens = [token.casefold() for token in _LETTERS.findall(text)]
            if not tokens:
                continue
            count = min(rng.randint(1, 3), len(tokens))
            start = rng.randrange(len(tokens) - count + 1)
            chosen_queries.append(" ".join(tokens[start : start + count]))
        chosen_opens = rng.sample(ordinary, min(opens + 1, len(ordinary)))
    return Plan(chosen_queries, chosen_opens, large)


def load_bodies(db: Path, ids: list[int]) -> dict[int, str]:
    """The bodies as the files wrote them (citations as bare titles): markdown to render."""
    from notegui.core.formats.question_note import body_to_text

    bodies: dict[int, str] = {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        for note_id in ids:
            (body,) = connection.execute(
                "SELECT body FROM note WHERE id = ?", (note_id,)).fetchone()
            bodies[note_id] = body_to_text(body)
    return bodies


# -- the floors in raw SQLite and bare Qt -------------------------------------------------


def search_sql() -> str:
    """One ranked FTS5 query, as store/search.py ran it for words alone before its search
    tiers (schema 4): bm25 (with the library's weights) and snippets in a subquery cut at
    the limit, joined to the notes."""
    from notegui.store.schema import BM25_WEIGHTS

    weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
    return f"""
        SELECT n.id, n.title, n.summary, n.description = '' AND n.body = '',
               hit.snippet, hit.score FROM (
            SELECT rowid, bm25(note_fts, {weights}) AS score,
                   snippet(note_fts, -1, ?, ?, '…', 12) AS snippet
            FROM note_fts WHERE note_fts MATCH ? ORDER BY score LIMIT ?
        ) AS hit JOIN note AS n ON n.id = hit.rowid ORDER BY hit.score"""


def time_raw_queries(db: Path, texts: list[str], limit: int) -> list[float]:
    """Seconds for each text's FTS5 query on a raw sqlite3 connection (after one untimed
    pass over them all, so the page cache is as warm as the app's was)."""
    from notegui.core.search_query import parse_query
    from notegui.gui.item_delegate import MARK_END, MARK_START
    from notegui.store.db import PRAGMAS

    sql = search_sql()
    queries = [parse_query(text).fts for text in texts]
    times: list[float] = []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        connection.execute(f"PRAGMA cache_size = {PRAGMAS['cache_size']}")
        for fts in queries:
            connection.execute(sql, (MARK_START, MARK_END, fts, limit)).fetchall()
        for fts in queries:
            start = time.perf_counter()
            connection.execute(sql, (MARK_START, MARK_END, fts, limit)).fetchall()
            times.append(time.perf_counter() - start)
    return times


# -- a guard against a refcount bug of PySide6 6.12.0 on Python 3.11 ---------------------

SINGLETONS = {"None": None, "True": True, "False": False}


def singleton_refs() -> dict[str, int]:
    return {name: sys.getrefcount(value) for name, value in SINGLETONS.items()}


def refs_lost(since: dict[str, int]) -> dict[str, int]:
    now = singleton_refs()
    return {name: since[name] - now[name] for name in SINGLETONS}


def singleton_leaks() -> dict[str, float]:
    """References lost per call of a Qt method returning None (``QTimer.stop``) and per
    ``Signal.emit`` (which returns True): 0 with a sound PySide6. PySide6/shiboken6 6.12.0
    on Python 3.11 returns these singletons without a new reference; they are not immortal
    before Python 3.12, so the process aborts ("Fatal Python error: none_dealloc" or
    "bool_dealloc") once their references run out: some thousands of calls."""
    from PySide6.QtCore import QObject, QTimer, Signal

    class Emitter(QObject):
        signal = Signal()

    timer, emitter, calls = QTimer(), Emitter(), 200
    before = singleton_refs()
    for _ in range(calls):
        timer.stop()
    lost_stop = refs_lost(before)
    before = singleton_refs()
    for _ in range(calls):
        emitter.signal.emit()
    lost_emit = refs_lost(before)
    return {"None_per_void_call": lost_stop["None"] / calls,
            "True_per_emit": lost_emit["True"] / calls}


def guard_singletons(leaks: dict[str, float]) -> int:
    """When Qt calls leak references to None, True and False, give each 2**40 more, so that
    this process outlives the bug and the benchmark can run at all; returns what was added
    to each. The loss is measured and reported (``singleton_refs_lost``), not hidden."""
    if not any(leak > 0 for leak in leaks.values()) or sys.version_info >= (3, 12):
        return 0
    import ctypes

    extra = 1 << 40
    for value in SINGLETONS.values():
        ctypes.c_ssize_t.from_address(id(value)).value += extra  # ob_refcnt (CPython 3.11)
    return extra


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB. ``ru_maxrss`` on Linux carries over
    the peak of the parent's memory that a child was spawned from (exec keeps the larger of
    the two), so ``VmHWM`` of /proc/self/status, this program's own peak, comes first."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def trim_heap() -> float | None:
    """Give freed heap back to the system (glibc's malloc_trim); the resident MB after, or
    None where there is no glibc. A diagnostic: how much of the resident memory was free."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return None
    return current_rss_mb()


def current_rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# -- the measures through the real window --------------------------------------------------


class Bench:
    def __init__(self, db: Path, progress: bool = False) -> None:
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from notegui.core.settings import Settings
        from notegui.gui.main_window import MainWindow
        from notegui.store.library import SqliteLibrary

        self.errors: list[str] = []
        self.progress = progress
        self._install_hook()
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        start = time.perf_counter()
        self.library = SqliteLibrary(db)
        self.window = MainWindow(self.library, Settings(), open_library=SqliteLibrary,
                                 new_library=SqliteLibrary, save_settings=False)
        self.window.resize(1280, 800)  # (whatever the screen: the bare window's size)
        self.window.show()
        self.window_s = time.perf_counter() - start
        self._loop = QEventLoop()
        self._guard = QTimer(singleShot=True)
        self._guard.timeout.connect(self._loop.quit)
        self._events: list[tuple[str, str, float]] = []  # (kind, text, when)
        self._want: Callable[[], bool] | None = None
        self.window.runner.resultsReady.connect(self._results_ready)
        self.window.search.queryChanged.connect(self._query_changed)
        self.settle(300)

    def _install_hook(self) -> None:
        def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
            self.errors.append("".join(traceback.format_exception(kind, error, trace)))
            sys.__excepthook__(kind, error, trace)

        sys.excepthook = hook

    def settle(self, msecs: int) -> None:
        """Run the event loop for ``msecs`` (pending layouts, paints, deferred work)."""
        from PySide6.QtTest import QTest

        QTest.qWait(msecs)

    # -- waiting for a signal without spinning the CPU ---------------------------------

    def _results_ready(self, text: str, _hits: list, complete: bool) -> None:
        # Connected after the window's own slot: the results are in the list by now.
        self._arrived("results", text)
        if complete:
            self._arrived("complete", text)

    def _query_changed(self, text: str) -> None:
        self._arrived("query", text)

    def _arrived(self, kind: str, text: str) -> None:
        self._events.append((kind, text, time.perf_counter()))
        if self._want is not None and self._want():
            self._want = None
            self._loop.quit()

    def _arrivals(self, kind: str, text: str) -> list[float]:
        return [when for got_kind, got, when in self._events if (got_kind, got) == (kind, text)]

    def _wait(self, want: Callable[[], bool], timeout_s: float) -> bool:
        """Run the event loop until ``want()`` holds (checked at each signal) or time is
        up; whether it holds."""
        if want():
            return True
        self._want = want
        self._guard.start(int(timeout_s * 1000))
        self._loop.exec()
        self._guard.stop()
        self._want = None
        return want()

    # -- search ----------------------------------------------------------------------------

    def type_queries(self, queries: list[str]) -> dict:
        """Every query typed key by key. Per keystroke, the seconds from the key to the
        first results shown for the field's text (``first``: the window's quick search)
        and to the complete ones (``full``: the full search, when the library says the
        quick one was not complete), the debounce included; the next key is typed once
        both are in. The field is cleared between queries (not timed)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from notegui.core.search_query import parse_query

        field = self.window.search
        first: list[float] = []
        full: list[float] = []
        typed: list[str] = []
        lost: list[str] = []
        lost_full: list[str] = []
        slowest: tuple[float, str] = (0.0, "")
        two_tier = 0
        for query in queries:
            for char in query:
                self._events.clear()
                start = time.perf_counter()
                QTest.keyClick(field, char)
                text = field.text()
                if not text or parse_query(text).is_empty:
                    continue
                if not self.library.quick_search_is_complete(text):
                    two_tier += 1

                def arrived(kind: str, text: str = text) -> bool:
                    return field.text() == text and bool(self._arrivals(kind, text))

                if not self._wait(lambda arrived=arrived: arrived("results"), WAIT_S):
                    lost.append(text)
                    continue
                if not self._wait(lambda arrived=arrived: arrived("complete"), WAIT_S):
                    lost_full.append(text)
                    continue
                shown = self._arrivals("results", text)[0]
                done = self._arrivals("complete", text)[0]
                first.append(shown - start)
                full.append(done - start)
                typed.append(text)
                slowest = max(slowest, (done - start, text))
                if self.progress:
                    print(f"keystroke {len(first)}: {text!r} {singleton_refs()}",
                          file=sys.stderr, flush=True)
            field.setFocus()
            field.selectAll()
            QTest.keyClick(field, Qt.Key.Key_Backspace)
            if field.text():
                self.errors.append(f"select-all + Backspace left {field.text()!r}")
                field.clear()
            if not self._wait(lambda: bool(self._arrivals("query", "")), WAIT_S):
                self.errors.append(f"clearing the search after {query!r} never showed all")
            self.app.processEvents()
        return {"first": first, "full": full, "typed": typed, "lost": lost,
                "lost_full": lost_full, "slowest": slowest, "two_tier": two_tier}

    # -- open ------------------------------------------------------------------------------

    def open_notes(self, ids: list[int]) -> tuple[list[float], list[str]]:
        """Each note opened by selecting its row in the list: the call and one pass of the
        event loop (the answer rendered and painted, the sidebar filled)."""
        window = self.window
        times: list[float] = []
        problems: list[str] = []
        for note_id in ids:
            row = window.model.row_of(note_id)
            if row is None:
                problems.append(f"note {note_id} is not in the list")
                continue
            index = window.model.index(row)
            start = time.perf_counter()
            window.list.setCurrentIndex(index)
            self.app.processEvents()
            elapsed = time.perf_counter() - start
            if window.current_id != note_id:
                problems.append(f"selecting row {row} showed note {window.current_id}, "
                                f"not {note_id}")
                continue
            if window.sidebar.sources.count() == 0 and window.sidebar.cited_by.count() == 0:
                problems.append(f"note {note_id}: the sidebar is empty")
            times.append(elapsed)
        return times, problems

    # -- scroll ----------------------------------------------------------------------------

    def scroll_list(self) -> dict:
        """The whole list, top to bottom, a page at a time, each page painted."""
        view = self.window.list
        bar = view.verticalScrollBar()
        bar.setValue(0)
        self.app.processEvents()
        pages = 0
        start = time.perf_counter()
        value = 0
        while True:
            bar.setValue(value)
            self.app.processEvents()
            view.viewport().repaint()
            pages += 1
            if value >= bar.maximum():
                break
            value += max(1, bar.pageStep())
        return {"seconds": time.perf_counter() - start, "pages": pages,
                "rows": self.window.model.rowCount()}

    # -- list refresh ----------------------------------------------------------------------

    def refresh_list(self, changed: int = 500, runs: int = 20) -> tuple[list[float], list[float]]:
        """The window thread's time to refresh the list after a write that changed
        ``changed`` notes spread over the whole list, each of them cached (the costly case:
        each must be found and repainted), until the event loop is idle again; the floor,
        one repaint of the list's viewport, in the same state."""
        model, view = self.window.model, self.window.list
        step = max(1, model.rowCount() // changed)
        rows = list(range(0, model.rowCount(), step))[:changed]
        times: list[float] = []
        floor: list[float] = []
        for _ in range(runs):
            ids = {ref.id for ref in map(model.ref_at, rows) if ref is not None}
            self.app.processEvents()
            start = time.perf_counter()
            model.refresh(ids)
            self.app.processEvents()
            times.append(time.perf_counter() - start)
            start = time.perf_counter()
            view.viewport().repaint()
            floor.append(time.perf_counter() - start)
        return times, floor

    # -- the open floor --------------------------------------------------------------------

    def render_floor(self, bodies: list[str]) -> list[float]:
        """Bare markdown-it-py (CommonMark) + ``QTextBrowser.setHtml`` + one pass of the event
        loop, in a shown browser the size of the answer pane."""
        from markdown_it import MarkdownIt
        from PySide6.QtWidgets import QTextBrowser

        browser = QTextBrowser()
        browser.resize(self.window.answer.size())
        browser.show()
        self.settle(100)
        markdown = MarkdownIt("commonmark", {"html": False})
        markdown.render("warm *up*")
        times: list[float] = []
        for body in bodies:
            start = time.perf_counter()
            browser.setHtml(markdown.render(body))
            self.app.processEvents()
            times.append(time.perf_counter() - start)
        browser.close()
        return times

    def close(self) -> None:
        self.window.close()
        self.library.close()


@dataclass
class SearchFloorSample:
    """The raw search floor measured on a sample: the first ``queries`` typed queries, run
    on ``library`` (a smaller library of the same corpus), each time multiplied by
    ``scale`` (the measured library's notes over the sample's). bench.py uses it where the
    floor would take hours (at a million notes a common word's ranked query takes a
    minute)."""
    library: Path
    queries: int
    scale: float


def run(db: Path, queries: int, opens: int, seed: int = SEED, guard: bool = True,
        progress: bool = False, floor_sample: SearchFloorSample | None = None) -> dict:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from notegui.gui.main_window import SEARCH_LIMIT
    from notegui.gui.search_field import DEBOUNCE_MS

    plan = make_plan(db, queries, opens, seed)
    leaks = singleton_leaks()
    initial_refs = singleton_refs()
    added = guard_singletons(leaks) if guard else 0
    lost: dict[str, dict[str, int]] = {}
    phases: dict[str, dict[str, float]] = {}
    clock, mark = time.perf_counter(), singleton_refs()

    def phase(name: str) -> None:
        nonlocal clock, mark
        lost[name], mark = refs_lost(mark), singleton_refs()
        phases[name] = {"s": round(time.perf_counter() - clock, 3),
                        "peak_rss_mb": round(peak_rss_mb(), 1),
                        "rss_mb": round(current_rss_mb(), 1)}
        clock = time.perf_counter()

    bench = Bench(db, progress)
    phase("window")
    window = bench.window
    debounce = DEBOUNCE_MS / 1000

    searched = bench.type_queries(plan.queries)
    keystrokes = [t - debounce for t in searched["first"]]
    complete = [t - debounce for t in searched["full"]]
    phase("search")

    bench.settle(100)
    opens_ids = [i for i in plan.opens if i != window.current_id][:opens]
    open_times, open_problems = bench.open_notes(opens_ids)
    phase("open")
    large_times, large_problems = bench.open_notes(plan.large)
    phase("open_large")
    bench.settle(200)  # let the list finish any batched layout before scrolling
    scrolled = bench.scroll_list()
    phase("scroll")
    rss_mb = peak_rss_mb()
    ru_maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_end_mb = current_rss_mb()
    rss_trimmed_mb = trim_heap()
    refresh_times, refresh_floor = bench.refresh_list()  # (after the memory readings)
    phase("refresh")

    # Floors, after the memory reading so that they do not count in it.
    typed = [q for q in plan.queries if q.strip()]
    if floor_sample is None:
        floor_final = time_raw_queries(db, typed, SEARCH_LIMIT)
    else:
        floor_final = [seconds * floor_sample.scale for seconds in time_raw_queries(
            floor_sample.library, typed[:floor_sample.queries], SEARCH_LIMIT)]
    bodies = load_bodies(db, opens_ids + plan.large)
    floor_open = bench.render_floor([bodies[i] for i in opens_ids])
    floor_large = bench.render_floor([bodies[i] for i in plan.large])
    bench.close()
    phase("floors")

    leaked = any(leak > 0 for leak in leaks.values())
    return {
        "search_p50_ms": _pct_ms(keystrokes, 50),
        "search_p95_ms": _pct_ms(keystrokes, 95),
        "search_max_ms": _ms(max(keystrokes)) if keystrokes else None,
        "search_full_p50_ms": _pct_ms(complete, 50),
        "search_full_p95_ms": _pct_ms(complete, 95),
        "search_full_max_ms": _ms(max(complete)) if complete else None,
        "search_two_tier_keystrokes": searched["two_tier"],
        "search_floor_p95_ms": _pct_ms(floor_final, 95),
        "search_floor_p50_ms": _pct_ms(floor_final, 50),
        "search_floor_queries": len(floor_final),
        **({"search_floor_sample": {
            "library": str(floor_sample.library), "queries": len(floor_final),
            "scale": floor_sample.scale,
            "how": "the first queries typed, run on the sample library, times multiplied "
                   "by scale"}} if floor_sample is not None else {}),
        "search_debounce_ms": DEBOUNCE_MS,
        "search_queries": len(plan.queries),
        "search_keystrokes": len(keystrokes),
        "search_lost_keystrokes": searched["lost"],
        "search_lost_full_results": searched["lost_full"],
        "search_slowest": {"ms": _ms(searched["slowest"][0] - debounce),
                           "text": searched["slowest"][1]},
        "search_query_examples": plan.queries[:10],
        "open_p50_ms": _pct_ms(open_times, 50),
        "open_p95_ms": _pct_ms(open_times, 95),
        "open_max_ms": _ms(max(open_times)) if open_times else None,
        "open_floor_p95_ms": _pct_ms(floor_open, 95),
        "open_floor_p50_ms": _pct_ms(floor_open, 50),
        "open_count": len(open_times),
        "open_large_ms": _ms(max(large_times)) if large_times else None,
        "open_large_each_ms": [_ms(t) for t in large_times],
        "open_large_floor_ms": _ms(max(floor_large)) if floor_large else None,
        "open_large_count": len(large_times),
        "open_problems": open_problems + large_problems,
        "rss_mb": round(rss_mb, 1),
        "rss_mb_source": "peak (VmHWM) after search, open and scroll",
        "rss_ru_maxrss_mb": round(ru_maxrss_mb, 1),
        "rss_end_mb": round(rss_end_mb, 1),
        "rss_end_after_malloc_trim_mb": rss_trimmed_mb and round(rss_trimmed_mb, 1),
        "refresh_500_p95_ms": _pct_ms(refresh_times, 95),
        "refresh_500_floor_p95_ms": _pct_ms(refresh_floor, 95),
        "scroll_s": round(scrolled["seconds"], 3),
        "scroll_pages": scrolled["pages"],
        "scroll_rows": scrolled["rows"],
        "scroll_ms_per_page": _ms(scrolled["seconds"] / max(1, scrolled["pages"])),
        "window_s": round(bench.window_s, 3),
        "errors": bench.errors,
        "phases": phases,
        "singleton_leaks": leaks,
        **({
            "singleton_refs_at_start": initial_refs,
            "singleton_refs_lost": lost,
            "singleton_refs_lost_per_keystroke": {
                name: round(count / max(1, len(keystrokes)), 1)
                for name, count in lost["search"].items()},
            "singleton_guard_added": added,
        } if leaked else {}),
        "qt": qVersion(),
        "pyside6": pyside_version,
    }


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the library to measure")
    parser.add_argument("--out", type=Path, help="write the results here as JSON")
    parser.add_argument("--queries", type=int, default=200, help="queries typed (200)")
    parser.add_argument("--opens", type=int, default=200, help="notes opened (200)")
    parser.add_argument("--seed", type=int, default=SEED, help="picks queries and notes")
    parser.add_argument("--floor-library", type=Path,
                        help="measure the raw search floor on this smaller library instead "
                        "(with --floor-queries and --floor-scale)")
    parser.add_argument("--floor-queries", type=int, default=20,
                        help="queries run for a sampled floor (20)")
    parser.add_argument("--floor-scale", type=float, default=1.0,
                        help="multiplies a sampled floor's times (the notes measured over "
                        "the sample's)")
    parser.add_argument("--no-guard", action="store_true",
                        help="do not shield None/True/False from the PySide6 6.12.0 refcount "
                        "bug (to reproduce the crash)")
    parser.add_argument("--progress", action="store_true",
                        help="print each keystroke and the singletons' reference counts")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.db.exists():
        print(f"gui_bench: no library at {args.db}", file=sys.stderr)
        return 2
    if args.floor_library is not None and not args.floor_library.exists():
        print(f"gui_bench: no library at {args.floor_library}", file=sys.stderr)
        return 2
    sample = (SearchFloorSample(args.floor_library, args.floor_queries, args.floor_scale)
              if args.floor_library is not None else None)
    results = run(args.db, args.queries, args.opens, args.seed, guard=not args.no_guard,
                  progress=args.progress, floor_sample=sample)
    text = json.dumps(results, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
