"""Hostile text through the command line, at size (issue 14, items 12 and 13).

1. Text: ``--notes`` generated notes whose titles, descriptions, bodies, Sources lines,
   tags and file names hold terminal escape sequences (CSI, OSC, DCS), CR, C1, DEL, bidi
   overrides and isolates, line separators, HTML and markdown junk, plus files that must be
   refused (NUL, invalid UTF-8, no question). Then `import`, `list`, `list --json`, `show`
   and `search` (every note), `check`, and `export` as text (every note), JSON (and back
   into a new library) and markdown. Counted: tracebacks or "unexpected error", raw
   control or bidi characters reaching stdout/stderr, exports that differ from what was
   imported (text byte for byte; JSON and markdown exactly what the library holds).
2. Kills: a markdown export of ``--kill-notes`` notes over the previous export of fewer
   notes (user files in the folder), killed with SIGKILL at ``--points`` steps spread over
   the whole export (through tests/export_killer.py) and after ``--delays`` random delays;
   each time the folder must be the old one or the complete one, and the next export must
   complete it and leave nothing beside it.

    .venv/bin/python tests/stress/hostile_cli.py                    # the full run
    .venv/bin/python tests/stress/hostile_cli.py --notes 300 --kill-notes 500 --points 10

Prints its figures and a JSON summary (``--out`` to keep it). Reports; exits 1 on any
failure."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from notegui.app import main  # noqa: E402
from notegui.core.domain import normalise_title  # noqa: E402
from notegui.core.formats import markdown_vault  # noqa: E402
from notegui.store.library import SqliteLibrary  # noqa: E402
from test_atomic_export import add_user_files, snapshot  # noqa: E402

KILLER = ROOT / "tests" / "export_killer.py"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                 "\u2028\u2029\ud800-\udfff]")
NASTY = [
    "\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b[H", "\x1b[1A\x1b[K", "\x1b]0;owned\x07",
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "\x1bP+q\x1b\\", "\x1b[6n", "\x1bc",
    "\r", "\x9b31m", "\x9d0;x\x9c", "\x85", "\x7f", "\x08\x08", "\x07", "\x0b", "\x0c",
    "\u202e", "\u202d", "\u202a", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u200e", "\u200f", "\u061c", "\u2028", "\u2029", "\t",
    "<img src=/dev/zero>", "<b>", "[[", "]]", "|a|b|", "`code`", "\\x1b", "**", "_",
    "مرحبا", "שלום", "e\u0301", "\U0001f600", "\u200b", "\ufeff",
]
WORDS = ["light", "salt", "moon", "tide", "rain", "wind", "stone", "river", "cloud", "field"]
ASKS = ["Why", "How", "What", "Does", "Is", "Can", "Where"]


def hostile(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(NASTY) + rng.choice(WORDS) if rng.random() < 0.6
                    else rng.choice(WORDS) for _ in range(words))


def make_notes(folder: Path, count: int, rng: random.Random) -> dict[bytes, bytes]:
    """Hostile notes as files with hostile names; returns file name -> bytes of the good
    ones (the refused ones are written too)."""
    folder.mkdir(parents=True)
    titles = [f"{rng.choice(ASKS)} {hostile(rng, 4)} number {i}?" for i in range(count)]
    good: dict[bytes, bytes] = {}
    for i, title in enumerate(titles):
        cited = rng.sample(titles[:i], min(i, rng.randint(0, 2)))
        body = [hostile(rng, 12)]
        body += [f"It rests on {t}, as {hostile(rng, 3)} shows." for t in cited]
        lines = [title, hostile(rng, 8), *body]
        if cited:
            lines += [f"Sources {len(cited)} note{'s' if len(cited) > 1 else ''}",
                      *(hostile(rng, 6) for _ in cited)]
        name = f"{i} {rng.choice(NASTY)}{rng.choice(WORDS)}.txt".replace("/", "")
        data = "\n".join(lines).encode("utf-8")
        (folder / name).write_bytes(data)
        good[os.fsencode(name)] = data
    bad = [b"Why is there a NUL\x00 here?\nx\ny", b"Why \xff\xfe invalid?\nx\ny",
           b"\x1b[31mnot a question\nx\ny", b""]
    for j, data in enumerate(bad):
        (folder / os.fsdecode(b"refused \xff\x1b[2J %d.txt" % j)).write_bytes(data)
    return good


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    """notegui in this process (quick), stdout and stderr captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def run_process(*args: str | Path) -> tuple[int, str, str]:
    """notegui as a real process: the bytes a terminal would get (decoded, surrogates for
    undecodable bytes so they count as raw)."""
    done = subprocess.run([sys.executable, "-m", "notegui", *map(str, args)],
                          capture_output=True, cwd=ROOT)
    return (done.returncode, done.stdout.decode("utf-8", "surrogateescape"),
            done.stderr.decode("utf-8", "surrogateescape"))


class Tally:
    def __init__(self) -> None:
        self.figures: dict[str, int] = {}
        self.failures: list[str] = []

    def add(self, key: str, amount: int = 1) -> None:
        self.figures[key] = self.figures.get(key, 0) + amount

    def output(self, what: str, code: int, out: str, err: str, codes: tuple[int, ...]) -> None:
        self.add("commands")
        if "Traceback" in err or "unexpected error" in err:
            self.add("tracebacks")
            self.fail(f"{what}: {err[-300:]!r}")
        if code not in codes:
            self.fail(f"{what}: exit {code}: {err[-300:]!r}")
        raw = RAW.findall(out + err)
        if raw:
            self.add("raw control characters", len(raw))
            self.fail(f"{what}: raw {raw[:5]!r}")

    def fail(self, message: str) -> None:
        self.failures.append(message)
        if len(self.failures) <= 10:
            print("FAIL", message[:400], flush=True)


def text_part(work: Path, count: int, rng: random.Random, tally: Tally) -> None:
    folder, db = work / "in", work / "lib.db"
    good = make_notes(folder, count, rng)
    start = time.perf_counter()
    code, out, err = run_process("--db", db, "import", folder)
    tally.output("import", code, out, err, (1,))
    lines = [line for line in out.splitlines() if not line.startswith("  warning")]
    tally.add("import report lines", len(lines))
    if len(lines) != len(good) + 4 + 1:
        tally.fail(f"import: {len(lines)} lines for {len(good) + 4} files")
    with SqliteLibrary(db) as library:
        titles = [ref.title for ref in library.iter_refs()]
        with_text = [t for t in titles if not library.find(t).is_stub]
        document = library.document()
    tally.add("notes in the library", len(titles))

    code, out, err = run_process("--db", db, "list")
    tally.output("list", code, out, err, (0,))
    if len(out.splitlines()) != len(titles):
        tally.fail("list: a title took more than one line")
    code, out, err = run_cli("--db", db, "list", "--json")
    if [row["title"] for row in json.loads(out)] != titles:
        tally.fail("list --json: titles differ from the library's")

    for title in titles:
        code, out, err = run_cli("--db", db, "show", title)
        tally.output("show", code, out, err, (0,))
        code, out, err = run_cli("--db", db, "show", title, "--json")
        if json.loads(out)["title"] != title:
            tally.fail(f"show --json: {title!r}")
    for _ in range(max(20, count // 5)):
        query = rng.choice([rng.choice(WORDS), f"{rng.choice(WORDS)} {rng.choice(WORDS)[:3]}",
                            rng.choice(NASTY) + rng.choice(WORDS), '"', "NEAR(", "*",
                            hostile(rng, 2)])
        code, out, err = run_cli("--db", db, "search", query, "--limit", "50")
        tally.output("search", code, out, err, (0,))
    code, out, err = run_process("--db", db, "check")
    tally.output("check", code, out, err, (0,))
    code, out, err = run_cli("--db", db, "show", f"Why {NASTY[0]}nothing{NASTY[19]}?")
    tally.output("show of a missing title", code, out, err, (1,))

    by_title = {}  # the stored title is normalised (NFC, no zero-width): the rest is exact
    for data in good.values():
        first, rest = data.decode("utf-8").split("\n", 1)
        by_title[normalise_title(first)] = f"{normalise_title(first)}\n{rest}".encode()
    for title in with_text:
        code, out, err = run_cli("--db", db, "export", "--format", "text", "--note", title)
        tally.add("text exports")
        wanted = by_title.get(title)
        if wanted is None or out.encode("utf-8") != wanted + b"\n":
            tally.add("text exports not byte-exact")
            tally.fail(f"export text {title!r}")

    code, out, err = run_cli("--db", db, "export", "--format", "json", "-o", work / "lib.json")
    tally.output("export json", code, out, err, (0,))
    exported = json.loads((work / "lib.json").read_bytes())
    if [n["title"] for n in exported["notes"]] != [n.title for n in document.notes]:
        tally.fail("export json: titles differ")
    code, out, err = run_cli("--db", work / "again.db", "import", work / "lib.json")
    tally.output("import json", code, out, err, (0,))
    run_cli("--db", work / "again.db", "export", "--format", "json", "-o", work / "again.json")
    if (work / "again.json").read_bytes() != (work / "lib.json").read_bytes():
        tally.fail("json: export, import, export is not the same")
    tally.add("json round trips")

    code, out, err = run_process("--db", db, "export", "--format", "markdown", "-o",
                                 work / "vault\x1b[31m")
    tally.output("export markdown", code, out, err, (0,))
    files = markdown_vault.to_files(document)
    on_disk = {k: v for k, v in snapshot(work / "vault\x1b[31m").items()
               if k != ".notegui-export.json"}
    if on_disk != {name: text.encode("utf-8") for name, text in files.items()}:
        tally.fail("export markdown: the files differ from the library's")
    tally.add("markdown files checked", len(on_disk))
    tally.figures["text part seconds"] = round(time.perf_counter() - start)


def plain_library(db: Path, count: int, edited: bool) -> None:
    with SqliteLibrary(db) as library:
        for i in range(count):
            body = f"Body {i} {'edited ' if edited and i % 7 == 0 else ''}" + "words " * 40
            data = f"Why is note {i} here?\nDescription {i}.\n{body}\n".encode()
            library.import_bytes(data, f"{i}.txt")


def export(db: Path, folder: Path, kill_at: int = 0, trace: Path | None = None,
           delay: float | None = None) -> int:
    trace = trace or folder.parent.with_name("trace.txt")
    command = [sys.executable, str(KILLER), str(kill_at), str(trace), "--", "--db", str(db),
               "export", "--format", "markdown", "-o", str(folder)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if delay is not None:
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
    process.wait()
    return process.returncode


def kill_part(work: Path, notes: int, points: int, delays: int, rng: random.Random,
              tally: Tally) -> None:
    old_db, new_db = work / "old.db", work / "new.db"
    plain_library(old_db, notes * 3 // 4, edited=False)
    plain_library(new_db, notes, edited=True)
    stage = work / "stage"
    stage.mkdir()
    vault = stage / "vault"
    if export(old_db, vault) != 0:
        tally.fail("kill part: the first export failed")
        return
    add_user_files(vault)
    pristine = work / "pristine"
    shutil.copytree(vault, pristine, symlinks=True)
    trace = work / "steps.txt"
    started = time.perf_counter()
    export(new_db, vault, trace=trace)
    duration = time.perf_counter() - started
    old, complete = snapshot(pristine), snapshot(vault)
    steps = trace.read_text().split()
    tally.figures["kill part notes"] = notes
    tally.figures["export steps"] = len(steps)
    tally.figures["export ms"] = round(duration * 1000)
    swap = steps.index("exchange") + 1
    chosen = {1, swap - 1, swap, swap + 1, len(steps)}
    chosen.update(rng.sample(range(1, len(steps) + 1), min(points, len(steps))))
    kills: list[tuple[str, float]] = [("step", p) for p in sorted(chosen)]
    kills += [("delay", rng.uniform(0.2, duration)) for _ in range(delays)]
    for kind, at in kills:
        shutil.rmtree(vault)
        shutil.copytree(pristine, vault, symlinks=True)
        code = (export(new_db, vault, kill_at=int(at)) if kind == "step"
                else export(new_db, vault, delay=at))
        tally.add(f"kills by {kind}")
        if code != -9:
            tally.add("exports done before the kill")
        state = snapshot(vault)
        if state == old:
            tally.add("left as it was")
        elif state == complete:
            tally.add("left complete")
        else:
            tally.add("left a mix")
            tally.fail(f"kill by {kind} at {at}: a mix")
        if export(new_db, vault) != 0 or snapshot(vault) != complete:
            tally.fail(f"kill by {kind} at {at}: the next export is not complete")
        leftovers = [p.name for p in stage.iterdir() if p.name != "vault"]
        if leftovers:
            tally.add("leftovers after the next export")
            tally.fail(f"kill by {kind} at {at}: left {leftovers}")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=2000, help="hostile notes (part 1)")
    parser.add_argument("--kill-notes", type=int, default=5000, help="notes exported (part 2)")
    parser.add_argument("--points", type=int, default=40, help="kills at chosen steps")
    parser.add_argument("--delays", type=int, default=20, help="kills after random delays")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", type=Path)
    return parser.parse_args()


def run() -> int:
    options = arguments()
    rng = random.Random(options.seed)
    tally = Tally()
    for key in ("tracebacks", "raw control characters", "text exports not byte-exact",
                "left a mix", "leftovers after the next export"):
        tally.figures[key] = 0
    with tempfile.TemporaryDirectory(prefix="hostile-cli-") as temporary:
        work = Path(temporary)
        started = time.perf_counter()
        (work / "text").mkdir()
        text_part(work / "text", options.notes, rng, tally)
        print("text part:", json.dumps(tally.figures), flush=True)
        (work / "kill").mkdir()
        kill_part(work / "kill", options.kill_notes, options.points, options.delays, rng,
                  tally)
        tally.figures["seconds"] = round(time.perf_counter() - started)
    summary = {"figures": tally.figures, "failures": len(tally.failures),
               "first failures": tally.failures[:10], "seed": options.seed}
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    if options.out:
        options.out.write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(run())
