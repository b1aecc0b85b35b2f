"""Hostile imports at scale (issue 14): run by hand, prints its figures.

    .venv/bin/python tests/stress/hostile_imports.py [--files 8000] [--annotations 50000]
        [--kill-files 30000] [--kills 3] [--big-json-mb 80] [--work DIR]

1. mutated: ``--files`` files mutated from valid seeds (a note file, a notegui JSON
   export, a W3C export): byte flips, truncation, hostile values (a Sources count of
   4,301 digits, "\\ud800", nesting 100,000 deep, offsets >= 2^63, a 5,000-digit version,
   NULs, CRs, zero-width characters), plus FIFOs, a socket, symbolic link loops and
   /dev/zero, in ONE real ``notegui import``. Pass: no hang, no traceback, exactly one
   status line per file, ``check`` clean, the JSON export the same twice and again after
   a re-import into an empty library.
2. w3c: ``--annotations`` W3C annotations on 50 notes imported by the real CLI (budget
   5 s for 50,000), then imported again (all already there).
3. kill: ``--kills`` times, an import of ``--kill-files`` files killed with SIGKILL while
   its parser processes run; the seconds until they and the resource tracker are gone.
4. big: a notegui JSON file of ``--big-json-mb`` MB imports (under the 1 GB limit), and a
   60 MB note file is refused by its size.

Every child gets a throwaway HOME. Exit code 1 when a check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "demo" / "reasoning-transfer.txt"
FAILURES: list[str] = []


def expect(ok: bool, what: str) -> None:
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        FAILURES.append(what)


def notegui(home: Path, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NOTEGUI_DB", None)
    return subprocess.run([sys.executable, "-m", "notegui", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


# -- 1. mutated files ------------------------------------------------------------------------


def seeds(work: Path, home: Path) -> tuple[bytes, str, str]:
    """A note file, a notegui JSON export and a W3C export of a small real library."""
    library = work / "seed.sqlite3"
    folder = work / "seed-notes"
    folder.mkdir(exist_ok=True)
    (folder / "sample.txt").write_bytes(SAMPLE.read_bytes())
    for i in range(20):
        (folder / f"n{i}.txt").write_text(
            f"Why is note {i} here?\nA description.\nIt cites Why is note {(i + 1) % 20} "
            f"here?, and more.\nSources 1 note\nThe next note.", encoding="utf-8")
    notegui(home, "--db", str(library), "import", str(folder))
    exported = notegui(home, "--db", str(library), "export", "--format", "json").stdout
    document = json.loads(exported)
    document["annotations"] = [
        {"note": f"Why is note {i} here?", "exact": "cites", "prefix": "It ",
         "suffix": " Why", "start": 3, "end": 8, "comment": f"c{i}", "color": "green",
         "created": "2026-11-27T17:00:00Z", "updated": "2026-11-27T17:00:00Z"}
        for i in range(20)]
    library_json = json.dumps(document, ensure_ascii=False, indent=1)
    (work / "seed.json").write_text(library_json, encoding="utf-8")
    notegui(home, "--db", str(library), "import", str(work / "seed.json"))
    w3c = notegui(home, "--db", str(library), "export", "--format", "annotations-w3c").stdout
    return SAMPLE.read_bytes(), library_json, w3c


HOSTILE_VALUES: list[object] = [
    "\ud800", "x" * 100_000, "", "Not a question", "Why\nis this?", "Why\ris this?",
    "a b", 2**63, -1, True, None, 1.5, "yesterday", "2026-02-30T00:00:00Z", [], {},
    "caf\u0065\u0301?", "Why\u200b is this?", "\x00", 10**4000,
]


def mutate_json(text: str, rng: random.Random) -> str:
    """A notegui or W3C JSON document with one hostile change: a field's value replaced,
    an entry duplicated or dropped, or the text itself damaged."""
    choice = rng.random()
    if choice < 0.1:  # damaged text
        cut = rng.randrange(len(text))
        return text[:cut] + rng.choice(["", "\ud800", "[" * 100_000, "9" * 5000, "\x00"])
    if choice < 0.15:
        return '{"format": "notegui", "version": ' + "9" * 5000 + ', "notes": []}'
    if choice < 0.2:
        return '{"format": "notegui", "version": 1, "notes": ' + "[" * 100_000 + "]" * 100_000 + "}"
    document = json.loads(text)
    paths: list[tuple[object, object]] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key in value:
                paths.append((value, key))
                walk(value[key])
        elif isinstance(value, list):
            for index in range(len(value)):
                paths.append((value, index))
                walk(value[index])

    walk(document)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        container, key = rng.choice(paths)
        with contextlib.suppress(TypeError, IndexError):
            container[key] = rng.choice(HOSTILE_VALUES)  # type: ignore[index]
    return json.dumps(document, ensure_ascii=rng.random() < 0.5)


def mutate_note(data: bytes, rng: random.Random) -> bytes:
    choice = rng.random()
    if choice < 0.3:  # byte flips
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        return bytes(flipped)
    if choice < 0.4:
        return data[: rng.randrange(len(data))]
    lines = data.decode("utf-8").split("\n")
    if choice < 0.5:
        lines[-7] = f"Sources {'9' * rng.choice([4301, 5000, 20])} notes"
    elif choice < 0.6:
        lines[0] = lines[0].replace("e", "e\u0301", 1).replace(" ", " \u200b", 2)
    elif choice < 0.7:
        lines[0] = lines[0][:10] + "\r" + lines[0][10:]
    elif choice < 0.8:
        lines.insert(2, "*" * 5000 + "`" * 3000 + "[[" * 2000)
    elif choice < 0.9:
        lines[0] = f"Why is mutant {rng.randrange(10**9)} here?"
    else:
        lines[2] += " \x1b[2J\u202e Why is the terminal cleared?, then."
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def special_files(folder: Path) -> list[Path]:
    made = []
    os.mkfifo(folder / "fifo.txt")
    made.append(folder / "fifo.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    made.append(folder / "loop.txt")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    made += [folder / "a.txt", folder / "b.txt"]
    (folder / "zero.txt").symlink_to("/dev/zero")
    made.append(folder / "zero.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)  # not followed
    return made


def run_mutated(work: Path, home: Path, count: int, seed: int) -> None:
    print(f"1. mutated: {count:,} files in one import", flush=True)
    note, library_json, w3c = seeds(work, home)
    rng = random.Random(seed)
    folder = work / "mutated"
    folder.mkdir()
    json_paths: list[Path] = []
    for i in range(count):
        kind = rng.random()
        if kind < 0.7:
            (folder / f"m{i:06}.txt").write_bytes(mutate_note(note, rng))
        else:
            path = folder / f"m{i:06}.{'json' if kind < 0.85 else 'jsonld'}"
            text = mutate_json(library_json if kind < 0.85 else w3c, rng)
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            json_paths.append(path)
    specials = special_files(folder)
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "socket.txt"))
    library = work / "mutated.sqlite3"
    started = time.perf_counter()
    try:
        result = notegui(home, "--db", str(library), "import", str(folder), "/dev/zero",
                         *map(str, json_paths), timeout=1800)
    except subprocess.TimeoutExpired:
        expect(False, "the import of mutated files ended (it hung)")
        return
    finally:
        listener.close()
    seconds = time.perf_counter() - started
    lines = result.stdout.splitlines()
    statuses = [line.split(" ", 1)[0] for line in lines[:-1] if not line.startswith("  ")]
    files = count + len(specials) + 2  # + the socket and /dev/zero
    print(f"  {seconds:.1f} s; {lines[-1] if lines else '(no output)'}")
    entries = sum(1 for line in lines if line.startswith("refused ")
                  and line.split(": ", 1)[-1].startswith(
                      ("notes[", "annotations[", "first.", "annotation on", "[", "type")))
    print(f"  refused JSON entries (while the rest of their file imported): {entries:,}")
    expect(result.returncode == 1, f"exit code 1 (some refused): {result.returncode}")
    expect("Traceback" not in result.stderr and "unexpected error" not in result.stdout
           + result.stderr, "no traceback, no unexpected error")
    reported = {line.split(" ", 1)[1].split(": ", 1)[0] for line in lines[:-1]
                if line.split(" ", 1)[0] in ("imported", "unchanged", "refused")}
    expect(len(reported) == files, f"every file reported: {len(reported):,} of {files:,}")
    expect(set(statuses) <= {"imported", "unchanged", "refused"}, "only status lines")
    check = notegui(home, "--db", str(library), "check")
    expect(check.returncode == 0, f"check clean: {check.stdout.strip()[-300:]}")
    first = notegui(home, "--db", str(library), "export", "--format", "json").stdout
    second = notegui(home, "--db", str(library), "export", "--format", "json").stdout
    expect(first == second, "the JSON export is the same twice")
    (work / "round.json").write_text(first, encoding="utf-8")
    again = work / "round.sqlite3"
    reimport = notegui(home, "--db", str(again), "import", str(work / "round.json"))
    expect(reimport.returncode == 0, f"the export re-imports, nothing refused: "
                                     f"{reimport.stdout.strip()[-300:]}")
    third = notegui(home, "--db", str(again), "export", "--format", "json").stdout
    expect(_without_times(third) == _without_times(first),
           "and exports the same again (times of stubs aside)")


def _without_times(text: str) -> object:
    document = json.loads(text)
    for note in document["notes"]:
        if not note["description"] and not note["body"]:
            note["created"] = note["updated"] = ""
    return document


# -- 2. W3C at scale -------------------------------------------------------------------------


def run_w3c(work: Path, home: Path, count: int) -> None:
    print(f"2. w3c: {count:,} annotations", flush=True)
    sys.path.insert(0, str(ROOT / "src"))
    from notegui.core.domain import Annotation
    from notegui.core.formats import annotation_export

    notes = 50
    library_json = {"format": "notegui", "version": 1, "notes": [
        {"title": f"Why is note {i} annotated?", "description": "D.", "body": "word " * 2000}
        for i in range(notes)]}
    (work / "w3c-notes.json").write_text(json.dumps(library_json), encoding="utf-8")
    annotations = [
        Annotation(f"Why is note {i % notes} annotated?", "word", "", " word",
                   5 * (i // notes), 5 * (i // notes) + 4, f"comment {i}",
                   ("yellow", "green", "blue")[i % 3], "2026-11-27T17:00:00Z",
                   "2026-11-27T17:00:00Z")
        for i in range(count)]
    (work / "w3c.jsonld").write_text(annotation_export.to_w3c(annotations), encoding="utf-8")
    library = work / "w3c.sqlite3"
    notegui(home, "--db", str(library), "import", str(work / "w3c-notes.json"))
    for label in ("first import", "again (all already there)"):
        started = time.perf_counter()
        result = notegui(home, "--db", str(library), "import", str(work / "w3c.jsonld"))
        seconds = time.perf_counter() - started
        print(f"  {label}: {seconds:.2f} s (the whole CLI run); {result.stdout.strip()}")
        expect(result.returncode == 0, f"{label}: exit 0")
        if label == "first import":
            expect(seconds <= 5 * max(count, 1) / 50_000 + 1,
                   f"{label}: within the budget (5 s for 50,000, + 1 s to start)")


# -- 3. kill -9 ------------------------------------------------------------------------------


def children(parent: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def run_kills(work: Path, home: Path, files: int, kills: int) -> None:
    print(f"3. kill: {kills} imports of {files:,} files killed with SIGKILL", flush=True)
    folder = work / "kill-notes"
    folder.mkdir()
    for i in range(files):
        (folder / f"k{i:06}.txt").write_text(
            f"Why is kill note {i} here?\nD.\n{'Some words of the body. ' * 40}\n"
            f"It cites Why is kill note {(i + 1) % files} here?, too.\nSources 1 note\nNext.",
            encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}
    for attempt in range(kills):
        importer = subprocess.Popen(
            [sys.executable, "-m", "notegui", "--db", str(work / f"kill{attempt}.sqlite3"),
             "import", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env)
        deadline = time.monotonic() + 120
        helpers: set[int] = set()
        while time.monotonic() < deadline and len(helpers) < 3:  # 2 parsers + the tracker
            helpers = children(importer.pid)
            time.sleep(0.05)
        time.sleep(random.Random(attempt).uniform(0.2, 1.5))  # mid-import
        helpers |= children(importer.pid)
        helpers |= set().union(*(children(pid) for pid in helpers))
        importer.send_signal(signal.SIGKILL)
        importer.wait()
        killed = time.monotonic()
        while any(map(alive, helpers)) and time.monotonic() - killed < 30:
            time.sleep(0.02)
        left = [pid for pid in helpers if alive(pid)]
        print(f"  kill {attempt + 1}: {len(helpers)} helper processes, all gone "
              f"{time.monotonic() - killed:.2f} s after the kill" if not left else
              f"  kill {attempt + 1}: {len(left)} of {len(helpers)} still running after 30 s")
        expect(not left and len(helpers) >= 2, f"kill {attempt + 1}: the parsers end with it")
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        check = notegui(home, "--db", str(work / f"kill{attempt}.sqlite3"), "check")
        expect(check.returncode == 0, f"kill {attempt + 1}: check clean after reopening")


# -- 4. sizes --------------------------------------------------------------------------------


def run_big(work: Path, home: Path, megabytes: int) -> None:
    print(f"4. big: a {megabytes} MB notegui JSON file, a 60 MB note file", flush=True)
    notes = []
    size = 0
    i = 0
    while size < megabytes * 1_000_000:
        body = f"Note {i} cites [[Why is big note {i + 1} here?]] here. " + "word " * 800
        notes.append({"title": f"Why is big note {i} here?", "description": "D.",
                      "summary": "S.", "body": body, "links": [f"Why is big note {i + 1} here?"],
                      "sources": ["Next."], "tags": ["big"],
                      "created": "2026-11-27T17:00:00Z", "updated": "2026-11-27T17:00:00Z"})
        size += len(body) + 200
        i += 1
    path = work / "big.json"
    path.write_text(json.dumps({"format": "notegui", "version": 1, "notes": notes}),
                    encoding="utf-8")
    started = time.perf_counter()
    result = notegui(home, "--db", str(work / "big.sqlite3"), "import", str(path))
    print(f"  {path.stat().st_size / 2**20:.0f} MB, {len(notes):,} notes: "
          f"{time.perf_counter() - started:.1f} s; {result.stdout.strip()}")
    expect(result.returncode == 0, "the large JSON file imports")
    huge = work / "huge.txt"
    with huge.open("wb") as stream:
        stream.write(b"Why is this file huge?\nD.\n")
        stream.truncate(60 * 2**20)
    started = time.perf_counter()
    result = notegui(home, "--db", str(work / "big.sqlite3"), "import", str(huge))
    print(f"  60 MB note: {time.perf_counter() - started:.2f} s; {result.stdout.splitlines()[0]}")
    expect("larger than 50 MB" in result.stdout, "the 60 MB note file is refused by size")
    fifo = work / "db-fifo"
    os.mkfifo(fifo)
    try:
        result = notegui(home, "--db", str(fifo), "list", timeout=60)
        expect(result.returncode == 1 and "named pipe" in result.stderr + result.stdout,
               "--db FIFO refused, no hang")
    except subprocess.TimeoutExpired:
        expect(False, "--db FIFO refused, no hang")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=8000)
    parser.add_argument("--annotations", type=int, default=50_000)
    parser.add_argument("--kill-files", type=int, default=30_000)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--big-json-mb", type=int, default=80)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--only", choices=["mutated", "w3c", "kill", "big"])
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="notegui-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    home.mkdir(exist_ok=True)
    print(f"work folder: {work}")
    if args.only in (None, "mutated"):
        run_mutated(work, home, args.files, args.seed)
    if args.only in (None, "w3c"):
        run_w3c(work, home, args.annotations)
    if args.only in (None, "kill") and sys.platform.startswith("linux"):
        run_kills(work, home, args.kill_files, args.kills)
    if args.only in (None, "big"):
        run_big(work, home, args.big_json_mb)
    print(f"\n{len(FAILURES)} check(s) failed" + "".join(f"\n  {f}" for f in FAILURES))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
