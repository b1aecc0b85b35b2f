"""The speed of a whole-library JSON import (issue 16): run by hand, prints its figures.

    .venv/bin/python tests/stress/json_import_speed.py JSON [--work DIR]

JSON is a notegui JSON file (the export of the 100k bench library, or part of it). With
the real CLI, in a throwaway HOME, it is imported:
1. into an empty library;
2. again: every note unchanged (the import says so and writes nothing);
3. changed: a copy with every tenth note's description changed (each keeps a revision).
Each prints its seconds, the library's notes a second (the stubs its citations make
included) and the child's peak memory;
``notegui check`` must then find the library consistent. Exit code 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTEGUI = [sys.executable, "-m", "notegui"]


def run(home: Path, *args: str) -> tuple[float, int, str]:
    """Seconds, peak memory (MB) and output of one notegui command."""
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    child = subprocess.Popen([*NOTEGUI, *args], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"notegui {' '.join(args)} failed:\n{output}")
    return seconds, usage.ru_maxrss // 1024, output


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("json", type=Path)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="json-import-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    home.mkdir(exist_ok=True)
    db = work / "library.sqlite3"
    for stale in work.glob("library.sqlite3*"):
        stale.unlink()
    document = json.loads(args.json.read_text(encoding="utf-8"))
    notes = len(document["notes"])
    for note in document["notes"][::10]:
        note["description"] = (note["description"] + " Changed.").strip()
    changed = work / "changed.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    del document
    size = args.json.stat().st_size / 1e6
    print(f"{args.json} ({size:.0f} MB, {notes:,} notes), into {db}")
    failed = False
    for step, path, expected in (("empty library", args.json, "1 imported"),
                                 ("again, unchanged", args.json, "0 imported, 1 unchanged"),
                                 ("every tenth changed", changed, "1 imported")):
        seconds, peak, output = run(home, "--db", str(db), "import", str(path))
        last = output.strip().splitlines()[-1]
        ok = last.startswith(expected)
        failed |= not ok
        # (notes a second: of the library, the stubs its citations make included)
        library = int(last.rsplit(" in the library", 1)[0].rsplit(" ", 1)[-1])
        print(f"  {step}: {seconds:.1f} s, {library / seconds:,.0f} notes/s, "
              f"peak {peak} MB{'' if ok else ' FAILED'}: {last}")
    _, _, output = run(home, "--db", str(db), "check")
    print(f"  check: {output.strip().splitlines()[-1]}")
    failed |= "consistent" not in output
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
