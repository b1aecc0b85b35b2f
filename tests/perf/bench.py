"""The performance benchmark: each figure measured through the real app and CLI, beside its
floor measured in the same run, against the budgets of shared/DESIGN.md.

    python tests/perf/bench.py --notes N [--out FILE.json] [--work DIR]

It reports; it does not judge: the exit code is 0 whether the budgets are met or not.
Importing this module does nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import selectors
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

try:  # run as a script (tests/perf on sys.path) or imported as perf.bench
    import ripgrep_compare
    from corpus import Corpus
    from vault_corpus import VaultCorpus
except ModuleNotFoundError:  # pragma: no cover
    from perf import ripgrep_compare
    from perf.corpus import Corpus
    from perf.vault_corpus import VaultCorpus

HERE = Path(__file__).resolve().parent
GUI_BENCH = HERE / "gui_bench.py"
RENDER_SPEED = HERE / "render_speed.py"
MARKER = ".corpus-complete.json"
VAULT_MARKER = ".vault-corpus-complete.json"  # (hidden: the import does not read it)
STARTUP_RUNS = 5
RIPGREP_QUERIES = 30  # (at a million files one takes seconds)
QT_NOISE = {"This plugin does not support propagateSizeHints()"}  # offscreen, harmless
READY_TIMEOUT_S = 120.0
# Above this many notes the floors are measured on a corpus of this size and scaled (a
# million files parsed in one process and a common word's ranked FTS5 query at a million
# notes take over an hour between them); the output says so under "floor_sample".
FLOOR_SAMPLE_NOTES = 100_000
SEARCH_FLOOR_QUERIES = 20  # of the typed queries, for a sampled search floor

# A bare PySide6 window, shown, then "ready" the way the app says it (app.py).
BARE_WINDOW = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def peak_kb():
    # VmHWM: this program's own peak; ru_maxrss keeps the parent's peak across exec.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def done():
    print("ready", flush=True)
    print("rss_kb", peak_kb(), flush=True)
    app.quit()
QTimer.singleShot(0, done)
sys.exit(app.exec())
"""


# -- the corpus --------------------------------------------------------------------------


def corpus_identity(notes: int, corpus: Corpus) -> dict:
    source = (HERE / "corpus.py").read_bytes()
    return {"notes": notes, "seed": corpus.seed, "large": corpus.large,
            "corpus_py_sha256": hashlib.sha256(source).hexdigest()}


def _ensure_written(folder: Path, marker_name: str, identity: dict, what: str,
                    write: Callable[[Path], int], log: Callable[[str], None]) -> None:
    """``write`` the generated notes into ``folder`` unless its marker says that this very
    corpus (its ``identity``: count, seed, generator) is already there."""
    marker = folder / marker_name
    try:
        if json.loads(marker.read_text(encoding="utf-8")) == identity:
            log(f"{what}: reusing {identity['notes']:,} notes in {folder}")
            return
    except (OSError, ValueError):
        pass
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    log(f"{what}: writing {identity['notes']:,} notes to {folder} ...")
    start = time.perf_counter()
    written = write(folder)
    marker.write_text(json.dumps(identity), encoding="utf-8")
    log(f"{what}: {written / 1e6:,.0f} MB in {time.perf_counter() - start:.1f} s")


def ensure_corpus(notes: int, folder: Path, log: Callable[[str], None]) -> Corpus:
    """The corpus of ``notes`` question-note files in ``folder``."""
    corpus = Corpus(notes)
    _ensure_written(folder, MARKER, corpus_identity(notes, corpus), "corpus", corpus.write,
                    log)
    return corpus


def ensure_vault_corpus(notes: int, folder: Path, log: Callable[[str], None]) -> VaultCorpus:
    """The generated vault of ``notes`` markdown files in ``folder`` (vault_corpus.py)."""
    corpus = VaultCorpus(notes)
    source = (HERE / "vault_corpus.py").read_bytes()
    identity = {"notes": notes, "seed": corpus.seed,
                "vault_corpus_py_sha256": hashlib.sha256(source).hexdigest()}
    _ensure_written(folder, VAULT_MARKER, identity, "vault", corpus.write, log)
    return corpus


# -- child processes ---------------------------------------------------------------------


def throwaway_env(work: Path) -> dict[str, str]:
    """The environment for a child: offscreen Qt, and a fresh home so that no user settings,
    library or log are read or written."""
    home = Path(tempfile.mkdtemp(prefix="home-", dir=work))
    env = dict(os.environ)
    # (PYTHONDONTWRITEBYTECODE: every start would compile every module, 0.7 s, which no
    # installed copy does)
    for name in ("NOTEGUI_DB", "NOTEGUI_EXIT_AFTER_START", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)
    # A 1920 x 1080 screen (offscreen's own is 800 x 600): the app's first window is then
    # 1280 x 800, as the bare window's.
    screen = home / "screen.json"
    screen.write_text(json.dumps({"screens": [
        {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}]}))
    env.update({
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(runtime),
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
    })
    return env


def remove_library(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@dataclass
class Ready:
    seconds: float | None  # Popen to the "ready" line; None if it never came
    rss_kb: int | None
    problem: str = ""


def time_to_ready(command: list[str], env: dict[str, str]) -> Ready:
    """Seconds from Popen to the child's "ready" line on stdout."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env)
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    seconds: float | None = None
    buffered = b""
    deadline = start + READY_TIMEOUT_S
    while seconds is None and time.perf_counter() < deadline:
        if not selector.select(timeout=max(0.0, deadline - time.perf_counter())):
            break
        chunk = os.read(process.stdout.fileno(), 65536)
        if not chunk:
            break
        buffered += chunk
        if b"ready\n" in buffered:
            seconds = time.perf_counter() - start
    selector.close()
    if seconds is None:
        process.kill()
    try:
        rest, errors = process.communicate(timeout=READY_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        rest, errors = process.communicate()
    buffered += rest
    rss_kb = None
    for line in buffered.decode("utf-8", "replace").splitlines():
        if line.startswith("rss_kb "):
            rss_kb = int(line.split()[1])
    problem = ""
    if seconds is None or process.returncode != 0:
        problem = (f"exit {process.returncode}, ready={'yes' if seconds else 'no'}: "
                   f"{errors.decode('utf-8', 'replace').strip()[-500:]}")
    return Ready(seconds, rss_kb, problem)


# -- the measures ------------------------------------------------------------------------


def _peak_kb(pid: int) -> int | None:
    """A live process's peak resident set so far (Linux's VmHWM), or None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _children(pid: int) -> set[int]:
    """The process ids of a live process's children (Linux), of all its threads."""
    found: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as children:
                found.update(int(child) for child in children.read().split())
    except (OSError, ValueError):
        pass
    return found


class PeakWatch:
    """The peak resident sets of a child process and of its own children (an import's
    parser processes), read every 50 ms from /proc while it runs (Linux; elsewhere it
    finds nothing). VmHWM only grows, so the last reading is the peak but for the last
    50 ms of a process's life."""

    EVERY_S = 0.05

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.main_kb = 0
        self.workers_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self.main_kb = max(self.main_kb, _peak_kb(self.pid) or 0)
            for child in _children(self.pid):
                self.workers_kb = max(self.workers_kb, _peak_kb(child) or 0)
            self._stop.wait(self.EVERY_S)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def measure_import(folder: Path, db: Path, notes: int, work: Path) -> dict:
    """`notegui import FOLDER` into a new library, as a subprocess. ``peak_rss_mb`` is the
    importing process's own peak resident set (VmHWM, read while it runs; where /proc is
    missing, the ``ru_maxrss`` that os.wait4 gives, which on Linux is the largest of the
    process and of the children it waited for: its parser processes).
    ``workers_peak_rss_mb`` is the largest peak of its children (the parser processes),
    None where it cannot be read."""
    remove_library(db)
    command = [sys.executable, "-m", "notegui", "--db", str(db), "import", str(folder)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=throwaway_env(work))
    watch = PeakWatch(process.pid)
    errors = process.stderr.read() if process.stderr else b""  # (until it closes: the end)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    watch.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    peak_kb = watch.main_kb or usage.ru_maxrss  # (Linux reports ru_maxrss in KB)
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT count(*) FROM note").fetchone()[0]
        links = connection.execute("SELECT count(*) FROM link").fetchone()[0]
    return {"seconds": seconds, "notes_per_s": notes / seconds, "exit": process.returncode,
            "stderr": errors.decode("utf-8", "replace").strip()[-1000:],
            "rows": rows, "links": links, "peak_rss_mb": round(peak_kb / 1024, 1),
            "workers_peak_rss_mb": (round(watch.workers_kb / 1024, 1) if watch.workers_kb
                                    else None)}


def floor_rows(folder: Path) -> tuple[list[tuple], list[tuple]]:
    """Every file parsed, and the rows the import should write: notes (stubs for cited
    titles with no file of their own) and links. A note's summary is the first summary line
    a file gave it, in file order, as the import does."""
    from notegui.core.domain import title_key
    from notegui.core.formats.question_note import parse

    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    parsed = [parse(path.read_bytes(), str(path)) for path in files]
    stamp = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    ids: dict[str, int] = {}
    notes: list[list] = []  # [title, key, description, summary, body]
    for note in parsed:
        key = title_key(note.title)
        if key not in ids:
            ids[key] = len(notes) + 1
            notes.append([note.title, key, note.description, "", note.body])
    links: list[tuple] = []
    for source_id, note in enumerate(parsed, start=1):
        for ordinal, citation in enumerate(note.citations, start=1):
            key = title_key(citation.title)
            target = ids.get(key)
            if target is None:
                target = ids[key] = len(notes) + 1
                notes.append([citation.title, key, "", "", ""])
            if citation.summary and not notes[target - 1][3]:
                notes[target - 1][3] = citation.summary
            links.append((source_id, target, ordinal, citation.summary))
    del parsed
    rows = [(i, *row, stamp, stamp) for i, row in enumerate(notes, start=1)]
    return rows, links


def measure_import_floor(folder: Path, db: Path, notes: int, keep: bool = False) -> dict:
    """The same rows written with raw sqlite3: the schema made by ``migrate`` in a file with
    a new library's page size, the triggers that keep the full-text indexes in step dropped
    (note_fts_*, and title_fts_* since schema 4), executemany, then one rebuild of each
    FTS5 index. The files are parsed before the clock starts. ``keep``: the library it
    wrote stays (a sampled search floor runs on it)."""
    from notegui.store.db import PAGE_SIZE, PRAGMAS
    from notegui.store.schema import migrate

    rows, links = floor_rows(folder)
    remove_library(db)
    start = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    for name, value in PRAGMAS.items():
        connection.execute(f"PRAGMA {name} = {value}")
    connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # (a new library's)
    migrate(connection)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("BEGIN IMMEDIATE")
    triggers = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' "
        "ESCAPE '\\'")]
    indexes = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")]
    for name in triggers:
        connection.execute(f"DROP TRIGGER {name}")
    connection.executemany(
        "INSERT INTO note (id, title, title_key, description, summary, body, created, updated)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.executemany(
        "INSERT INTO link (source_id, target_id, ordinal, summary) VALUES (?, ?, ?, ?)", links)
    for name in indexes:
        connection.execute(f"INSERT INTO {name}({name}) VALUES('rebuild')")
    connection.execute("COMMIT")
    connection.close()
    seconds = time.perf_counter() - start
    result = {"seconds": seconds, "notes_per_s": notes / seconds, "rows": len(rows),
              "links": len(links), "triggers_dropped": triggers, "indexes_rebuilt": indexes}
    del rows, links
    if not keep:
        remove_library(db)
    return result


def vault_floor_rows(folder: Path) -> dict[str, list[tuple]]:
    """Every markdown file read and every link resolved (core.vault), and the rows the
    vault import should write: notes (and a stub of the library's own for each title an
    unresolved link names), their note_file rows, aliases, tags and links."""
    from notegui.core.domain import title_key
    from notegui.core.vault import LinkIndex, VaultFile, read_vault, resolve
    from notegui.core.vault.resolve import stub_title

    files = [item for item in read_vault(folder) if isinstance(item, VaultFile)]
    index = LinkIndex.of(files)
    stamp = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    ids = {file.path: number for number, file in enumerate(files, start=1)}
    rows: dict[str, list[tuple]] = {
        "note": [(ids[f.path], f.title, title_key(f.title), "", "", f.body, stamp, stamp, f.path)
                 for f in files],
        "note_file": [(ids[f.path], f.name_key, f.front_matter, f.digest) for f in files],
        "alias": [(ids[f.path], key, alias) for f in files
                  for key, alias in {title_key(a): a for a in f.aliases}.items() if key],
        "link": [], "tag": [], "note_tag": []}
    stubs: dict[str, int] = {}
    tags: dict[str, int] = {}
    for file in files:
        source = ids[file.path]
        targets: list[int] = []
        for ref in file.links:
            if not ref.target.strip():
                continue
            path = resolve(index, file.path, ref)
            if path is not None:
                if path == file.path or index.is_attachment(path):
                    continue
                target = ids[path]
            else:
                title = stub_title(ref)
                if not title:
                    continue
                key = title_key(title)
                if key not in stubs:
                    stubs[key] = len(ids) + len(stubs) + 1
                    rows["note"].append((stubs[key], title, key, "", "", "", stamp, stamp, ""))
                target = stubs[key]
            if target not in targets:
                targets.append(target)
        rows["link"] += [(source, target, ordinal) for ordinal, target in
                         enumerate(targets, start=1)]
        for name in {tag.strip().casefold(): tag.strip() for tag in file.tags
                     if tag.strip()}.values():
            if name.casefold() not in tags:
                tags[name.casefold()] = len(tags) + 1
                rows["tag"].append((tags[name.casefold()], name))
            rows["note_tag"].append((source, tags[name.casefold()]))
    return rows


def measure_vault_import_floor(folder: Path, db: Path, notes: int) -> dict:
    """The vault import's rows written with raw sqlite3, as the import floor writes its
    own (files read and links resolved before the clock; the schema by ``migrate``, the
    full-text triggers dropped, executemany, one rebuild of each FTS5 index)."""
    from notegui.store.db import PAGE_SIZE, PRAGMAS
    from notegui.store.schema import migrate

    rows = vault_floor_rows(folder)
    remove_library(db)
    start = time.perf_counter()
    connection = sqlite3.connect(db, isolation_level=None)
    for name, value in PRAGMAS.items():
        connection.execute(f"PRAGMA {name} = {value}")
    connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
    migrate(connection)
    connection.execute("PRAGMA journal_mode=wal")
    connection.execute("BEGIN IMMEDIATE")
    triggers = [name for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' "
        "ESCAPE '\\'")]
    for name in triggers:
        connection.execute(f"DROP TRIGGER {name}")
    connection.executemany(
        "INSERT INTO note (id, title, title_key, description, summary, body, created, updated,"
        " path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["note"])
    connection.executemany("INSERT INTO note_file (note_id, name_key, front_matter, digest) "
                           "VALUES (?, ?, ?, ?)", rows["note_file"])
    connection.executemany("INSERT INTO alias (note_id, alias_key, alias) VALUES (?, ?, ?)",
                           rows["alias"])
    connection.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", rows["tag"])
    connection.executemany("INSERT INTO note_tag (note_id, tag_id) VALUES (?, ?)",
                           rows["note_tag"])
    connection.executemany("INSERT INTO link (source_id, target_id, ordinal) VALUES (?, ?, ?)",
                           rows["link"])
    for name in ("note_fts", "title_fts"):
        connection.execute(f"INSERT INTO {name}({name}) VALUES('rebuild')")
    connection.execute("COMMIT")
    connection.close()
    seconds = time.perf_counter() - start
    remove_library(db)
    return {"seconds": seconds, "notes_per_s": notes / seconds, "rows": len(rows["note"]),
            "links": len(rows["link"])}


def measure_startup(db: Path, work: Path) -> dict:
    """The app and a bare window, alternately, STARTUP_RUNS times each; medians."""
    app_command = [sys.executable, "-m", "notegui", "--db", str(db)]
    bare_command = [sys.executable, "-c", BARE_WINDOW]
    app_runs: list[Ready] = []
    bare_runs: list[Ready] = []
    for _ in range(STARTUP_RUNS):
        env = throwaway_env(work)
        env["NOTEGUI_EXIT_AFTER_START"] = "1"
        app_runs.append(time_to_ready(app_command, env))
        bare_runs.append(time_to_ready(bare_command, throwaway_env(work)))

    def median(values: list[float | None]) -> float | None:
        found = [v for v in values if v is not None]
        return statistics.median(found) if found else None

    return {
        "startup_s": median([r.seconds for r in app_runs]),
        "startup_floor_s": median([r.seconds for r in bare_runs]),
        "startup_runs_s": [r.seconds and round(r.seconds, 3) for r in app_runs],
        "startup_floor_runs_s": [r.seconds and round(r.seconds, 3) for r in bare_runs],
        "rss_floor_mb": (median([r.rss_kb for r in bare_runs]) or 0) / 1024 or None,
        "startup_problems": [r.problem for r in app_runs + bare_runs if r.problem],
    }


def measure_gui(db: Path, out: Path, queries: int, opens: int, work: Path,
                floor_library: Path | None = None, floor_scale: float = 1.0) -> dict:
    """gui_bench.py in a child process; its raw search floor on ``floor_library`` (a
    sample), times multiplied by ``floor_scale``, when given."""
    command = [sys.executable, str(GUI_BENCH), "--db", str(db), "--out", str(out),
               "--queries", str(queries), "--opens", str(opens)]
    if floor_library is not None:
        command += ["--floor-library", str(floor_library), "--floor-queries",
                    str(SEARCH_FLOOR_QUERIES), "--floor-scale", f"{floor_scale:.4f}"]
    out.unlink(missing_ok=True)
    process = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=throwaway_env(work), check=False)
    if process.returncode != 0 or not out.exists():
        return {"gui_problem": f"gui_bench exited {process.returncode}: "
                f"{process.stderr.decode('utf-8', 'replace').strip()[-2000:]}"}
    results = json.loads(out.read_text(encoding="utf-8"))
    stderr = "\n".join(
        line for line in process.stderr.decode("utf-8", "replace").splitlines()
        if line.strip() and line not in QT_NOISE)
    if stderr:
        results["gui_stderr"] = stderr[-2000:]
    return results


def measure_render(work: Path) -> dict:
    """The renderer alone (tests/perf/render_speed.py): a 400-word and a 20,000-word note,
    each flavour, against bare markdown-it-py; CPU time of its thread."""
    process = subprocess.run([sys.executable, str(RENDER_SPEED), "--json"],
                             capture_output=True, env=throwaway_env(work), check=False)
    try:
        return dict(json.loads(process.stdout.decode("utf-8", "replace").splitlines()[-1]))
    except (IndexError, ValueError):
        return {"render_problem": f"render_speed exited {process.returncode}: "
                f"{process.stderr.decode('utf-8', 'replace').strip()[-2000:]}"}


def source_version() -> str | None:
    """The checkout measured: its commit, with "+dirty" when files differ from it."""
    root = HERE.parent.parent
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return commit + ("+dirty" if dirty else "")


def machine() -> dict:
    import PySide6

    return {
        "platform": platform.platform(), "processor": platform.processor() or None,
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "pyside6": PySide6.__version__,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "notegui": source_version(),
    }


# -- the report --------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    label: str
    key: str
    floor: str | None
    budget: float | None
    higher_is_better: bool = False
    unit: str = ""

    def ratio(self, results: dict) -> float | None:
        """How many times the floor's cost the app's is (> 1: slower or bigger)."""
        value = results.get(self.key)
        floor = results.get(self.floor) if self.floor else None
        if not value or not floor:
            return None
        return floor / value if self.higher_is_better else value / floor

    def verdict(self, results: dict) -> str:
        value = results.get(self.key)
        if self.budget is None:
            return ""
        if value is None:
            return "✗"
        ok = value >= self.budget if self.higher_is_better else value <= self.budget
        return "✓" if ok else "✗"


FIGURES = (
    Figure("import (notes/s)", "import_notes_per_s", "import_floor_notes_per_s", 5000, True),
    Figure("import peak memory (MB)", "import_peak_rss_mb", None, None),
    Figure("import parsers' peak (MB)", "import_workers_peak_rss_mb", None, None),
    Figure("vault import (notes/s)", "vault_import_notes_per_s",
           "vault_import_floor_notes_per_s", 3000, True),
    Figure("vault import peak memory (MB)", "vault_import_peak_rss_mb", None, None),
    Figure("cold start (s)", "startup_s", "startup_floor_s", 0.6),
    Figure("search p50 (ms/key)", "search_p50_ms", "search_floor_p50_ms", None),
    Figure("search p95 (ms/key)", "search_p95_ms", "search_floor_p95_ms", 50),
    Figure("search p95, full tier", "search_full_p95_ms", "search_floor_p95_ms", 50),
    Figure("full results vs rg -l -i, p95", "search_full_p95_ms", "ripgrep_p95_ms", None),
    Figure("open p50 (ms)", "open_p50_ms", "open_floor_p50_ms", None),
    Figure("open p95 (ms)", "open_p95_ms", "open_floor_p95_ms", 16),
    Figure("open large note (ms)", "open_large_ms", "open_large_floor_ms", 150),
    Figure("render 400 words p95 (ms)", "render_400_p95_ms", "render_400_floor_p95_ms", 5),
    Figure("render 20,000 words p95", "render_20k_p95_ms", "render_20k_floor_p95_ms", 100),
    Figure("memory (MB)", "rss_mb", "rss_floor_mb", 250),
    Figure("list refresh, 500 (ms)", "refresh_500_p95_ms", "refresh_500_floor_p95_ms", 16),
    Figure("scroll whole list (s)", "scroll_s", None, None),
)


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"


def table(results: dict) -> str:
    header = ("figure", "app", "floor", "ratio", "budget @100k", "")
    lines = []
    for figure in FIGURES:
        ratio = figure.ratio(results)
        budget = ""
        if figure.budget is not None:
            budget = f"{'≥' if figure.higher_is_better else '≤'} {_number(figure.budget)}"
        lines.append((
            figure.label, _number(results.get(figure.key)),
            _number(results.get(figure.floor)) if figure.floor else "",
            f"{ratio:.1f}" if ratio is not None else "", budget, figure.verdict(results),
        ))
    widths = [max(len(row[i]) for row in (header, *lines)) for i in range(len(header))]

    def format_row(row: tuple[str, ...]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:5], widths[1:5], strict=True)]
        return "  ".join([*cells, row[5]]).rstrip()

    rule = "-" * len(format_row(header))
    title = (f"notegui benchmark: {results['notes']:,} notes "
             f"(ratio: app cost / floor cost; for imports, floor rate / app rate)")
    footer = []
    if "floor_sample" in results:
        footer = [f"floors measured on {results['floor_sample']['notes']:,} notes and scaled "
                  "(floor_sample in the JSON says how)"]
    return "\n".join([title, rule, format_row(header), rule,
                      *(format_row(row) for row in lines), rule, *footer])


def problems(results: dict) -> list[str]:
    """What went wrong in the app while measuring, for the report."""
    found = []
    if results.get("import_exit"):
        found.append(f"import exited {results['import_exit']}: {results.get('import_stderr')}")
    sampled = "floor_sample" in results  # (then the floors wrote other corpora's rows)
    if not sampled and results.get("import_rows") != results.get("import_floor_rows"):
        found.append(f"import wrote {results.get('import_rows')} notes, the floor "
                     f"{results.get('import_floor_rows')}")
    if not sampled and results.get("import_links") != results.get("import_floor_links"):
        found.append(f"import wrote {results.get('import_links')} links, the floor "
                     f"{results.get('import_floor_links')}")
    if results.get("vault_import_exit"):
        found.append(f"vault import exited {results['vault_import_exit']}: "
                     f"{results.get('vault_import_stderr')}")
    for what in ("rows", "links"):
        if not sampled and (results.get(f"vault_import_{what}")
                            != results.get(f"vault_import_floor_{what}")):
            found.append(f"vault import wrote {results.get(f'vault_import_{what}')} {what}, "
                         f"the floor {results.get(f'vault_import_floor_{what}')}")
    found += results.get("startup_problems", [])
    for problem in ("render_problem", "gui_problem"):
        if results.get(problem):
            found.append(results[problem])
    lost = results.get("search_lost_keystrokes") or []
    if lost:
        found.append(f"{len(lost)} keystroke(s) never got results: {lost[:10]}")
    lost_full = results.get("search_lost_full_results") or []
    if lost_full:
        found.append(f"{len(lost_full)} keystroke(s) got quick results but never the full "
                     f"ones: {lost_full[:10]}")
    leaks = results.get("singleton_leaks") or {}
    if any(leak > 0 for leak in leaks.values()):
        lost = results.get("singleton_refs_lost", {})
        found.append(
            f"PySide6 {results.get('pyside6')} loses references to None/True ({leaks}); "
            f"lost in this run: {lost}; at start the process had "
            f"{results.get('singleton_refs_at_start')}: without the bench's guard the app "
            "aborts (Fatal Python error: none_dealloc / bool_dealloc)")
    found += results.get("open_problems") or []
    found += [f"exception in the app: {e.strip()[-600:]}" for e in results.get("errors") or []]
    return found


# -- the command ---------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, required=True, help="question notes to generate")
    parser.add_argument("--out", type=Path, help="write the results here as JSON")
    parser.add_argument("--work", type=Path,
                        help="corpus and libraries (default: notegui-bench-N in the temp dir;"
                        " the corpus is reused when already there)")
    parser.add_argument("--floor-sample", type=int, default=FLOOR_SAMPLE_NOTES,
                        help="above this many notes, measure the floors on a corpus of "
                        f"this size and scale them ({FLOOR_SAMPLE_NOTES:,})")
    parser.add_argument("--queries", type=int, default=200, help="queries typed (200)")
    parser.add_argument("--opens", type=int, default=200, help="notes opened (200)")
    return parser


def run(args: argparse.Namespace, log: Callable[[str], None]) -> dict:
    work = (args.work or Path(tempfile.gettempdir()) / f"notegui-bench-{args.notes}").resolve()
    work.mkdir(parents=True, exist_ok=True)
    homes = Path(tempfile.mkdtemp(prefix="homes-", dir=work))
    folder = work / "corpus"
    db = work / "library.sqlite3"
    results: dict = {"notes": args.notes, "machine": machine()}  # the checkout as it starts
    try:
        ensure_corpus(args.notes, folder, log)

        log("import: notegui import ...")
        imported = measure_import(folder, db, args.notes, homes)
        log(f"import: {imported['seconds']:.1f} s")
        sampled = args.notes > args.floor_sample
        floor_notes = args.floor_sample if sampled else args.notes
        floor_folder = work / "floor-sample" if sampled else folder
        if sampled:
            ensure_corpus(floor_notes, floor_folder, log)
        log(f"import floor: {floor_notes:,} notes parsed, then raw sqlite3 ...")
        floor_db = work / "floor.sqlite3"
        floor = measure_import_floor(floor_folder, floor_db, floor_notes, keep=sampled)
        log(f"import floor: {floor['seconds']:.1f} s")
        if sampled:
            results["floor_sample"] = {
                "notes": floor_notes,
                "how": (f"above {floor_notes:,} notes the import floors are measured"
                        f" on corpora of {floor_notes:,} notes (their rates kept, "
                        "their seconds scaled to the notes imported), and the search floor "
                        f"runs the first {SEARCH_FLOOR_QUERIES} queries on the import floor's"
                        " library, each time multiplied by the libraries' ratio of notes; "
                        "a floor may run slower at the full size than at the sample's"),
            }
        results.update({
            "import_notes_per_s": round(imported["notes_per_s"], 1),
            "import_floor_notes_per_s": round(floor["notes_per_s"], 1),
            "import_s": round(imported["seconds"], 3),
            "import_floor_s": round(args.notes / floor["notes_per_s"], 3),
            "import_exit": imported["exit"], "import_stderr": imported["stderr"],
            "import_rows": imported["rows"], "import_links": imported["links"],
            "import_floor_rows": floor["rows"], "import_floor_links": floor["links"],
            "import_floor_triggers_dropped": floor["triggers_dropped"],
            "import_floor_indexes_rebuilt": floor["indexes_rebuilt"],
            "import_peak_rss_mb": imported["peak_rss_mb"],
            "import_workers_peak_rss_mb": imported["workers_peak_rss_mb"],
        })

        vault_folder = work / "vault"
        ensure_vault_corpus(args.notes, vault_folder, log)
        log("vault import: notegui import VAULT ...")
        vault_db = work / "vault.sqlite3"
        vault = measure_import(vault_folder, vault_db, args.notes, homes)
        remove_library(vault_db)
        log(f"vault import: {vault['seconds']:.1f} s")
        log("vault import floor: reading and resolving, then raw sqlite3 ...")
        vault_floor_folder = vault_folder
        if sampled:
            vault_floor_folder = work / "vault-floor-sample"
            ensure_vault_corpus(floor_notes, vault_floor_folder, log)
        vault_floor = measure_vault_import_floor(vault_floor_folder,
                                                 work / "vault-floor.sqlite3", floor_notes)
        log(f"vault import floor: {vault_floor['seconds']:.1f} s")
        results.update({
            "vault_import_notes_per_s": round(vault["notes_per_s"], 1),
            "vault_import_floor_notes_per_s": round(vault_floor["notes_per_s"], 1),
            "vault_import_s": round(vault["seconds"], 3),
            "vault_import_floor_s": round(args.notes / vault_floor["notes_per_s"], 3),
            "vault_import_exit": vault["exit"], "vault_import_stderr": vault["stderr"],
            "vault_import_rows": vault["rows"], "vault_import_links": vault["links"],
            "vault_import_floor_rows": vault_floor["rows"],
            "vault_import_floor_links": vault_floor["links"],
            "vault_import_peak_rss_mb": vault["peak_rss_mb"],
        })

        log(f"cold start: app and bare window, {STARTUP_RUNS} runs each ...")
        startup = measure_startup(db, homes)
        results.update(startup)
        results["startup_s"] = startup["startup_s"] and round(startup["startup_s"], 3)
        results["startup_floor_s"] = (startup["startup_floor_s"]
                                      and round(startup["startup_floor_s"], 3))
        results["rss_floor_mb"] = startup["rss_floor_mb"] and round(startup["rss_floor_mb"], 1)

        log("render: a 400-word and a 20,000-word note, both flavours ...")
        results.update(measure_render(homes))

        log(f"search, open, scroll, memory: {args.queries} queries, {args.opens} opens ...")
        # (sampled: the search floor on the import floor's library, scaled)
        results.update(measure_gui(db, work / "gui.json", args.queries, args.opens, homes,
                                   floor_db if sampled else None,
                                   imported["rows"] / floor["rows"]))
        remove_library(floor_db)  # (kept for that only)

        log("ripgrep: the same queries, rg -l -i over the corpus's files ...")
        results.update(ripgrep_compare.measure(db, folder, min(args.queries, RIPGREP_QUERIES)))
    finally:
        shutil.rmtree(homes, ignore_errors=True)
    results["work"] = str(work)
    return results


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.notes < 1 or args.floor_sample < 1:
        print("bench: --notes and --floor-sample must be at least 1", file=sys.stderr)
        return 2

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    results = run(args, log)
    results["problems"] = problems(results)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    print(table(results))
    for problem in results["problems"]:
        print(f"problem: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
