"""Stress: the session ends at any moment. Starts the real app (offscreen) on one library
again and again and sends SIGTERM, SIGINT or SIGHUP after a random delay from the
process's start (during Python's imports, the library's opening, the first frame, or
later), then checks what a logout must leave: a clean exit (128 + the signal), no
traceback, no lock, no -wal or -shm, no draft, the library sound (`notegui check`), and,
for a start that got as far as the window, the settings naming the note it had open.

    .venv/bin/python tests/stress/session_end.py [--rounds 60] [--seed 1] [--max-delay 4]

Prints a line per round that went wrong and the figures: how many rounds closed as
Ctrl+Q does, how many were ended before notegui could handle the signal (Python still
starting: the default action kills it; the lock left is taken over at the next start).
Exits 1 if any round left the library unsound or a closed one left anything behind."""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=4.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="notegui-session-end-") as scratch:
        home = Path(scratch)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
               "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}
        env.pop("NOTEGUI_DB", None)
        db = home / "library.sqlite3"
        run = [sys.executable, "-m", "notegui", "--db", str(db)]
        subprocess.run([*run, "import", *map(str, sorted(
            (Path(__file__).resolve().parents[2] / "resources" / "demo").glob("*.txt")))],
            env=env, capture_output=True, check=True)
        settings = home / "config" / "notegui" / "settings.json"
        closed = killed = bad = 0
        delays: list[float] = []
        kinds: dict[str, int] = {}
        for round_ in range(args.rounds):
            number = rng.choice(SIGNALS)
            delay = rng.uniform(0, args.max_delay)
            settings.unlink(missing_ok=True)
            started = time.monotonic()
            child = subprocess.Popen(run, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
            time.sleep(max(0.0, delay - (time.monotonic() - started)))
            child.send_signal(number)
            _out, err = child.communicate(timeout=120)
            left = sorted(p.name for p in home.iterdir()
                          if p.name.startswith(db.name) and p.name != db.name)
            drafts = list((home / "data" / "notegui" / "drafts").glob("*.json"))
            check = subprocess.run([*run, "check"], env=env, capture_output=True, text=True)
            problems = []
            if check.returncode != 0:
                problems.append(f"check: {check.stdout.strip()} {check.stderr.strip()}")
            if "Traceback" in err:
                problems.append("a traceback: " + err.strip().splitlines()[-1])
            if child.returncode == 128 + number:
                closed += 1
                delays.append(delay)
                if left:
                    problems.append(f"left {left}")
                if drafts:
                    problems.append(f"drafts {[d.name for d in drafts]}")
                if settings.exists() and not json.loads(settings.read_text()).get("last_note"):
                    problems.append("settings without the note")
            elif child.returncode == -number:
                killed += 1
                for leftover in left:  # (as the next start would take them over)
                    (home / leftover).unlink(missing_ok=True)
            else:
                problems.append(f"exit code {child.returncode}")
            for problem in problems:
                kind = problem.split(" ", 1)[0]
                kinds[kind] = kinds.get(kind, 0) + 1
            if problems:
                bad += 1
                print(f"round {round_}: {signal.Signals(number).name} after {delay:.2f} s: "
                      + "; ".join(problems))
        print(f"{args.rounds} rounds: {closed} closed as Ctrl+Q does, {killed} ended before "
              f"notegui could handle the signal, {bad} went wrong")
        if kinds:
            print("what went wrong, by kind (rounds): " + ", ".join(
                f"{kind} {count}" for kind, count in sorted(kinds.items())))
        if delays:
            print(f"earliest clean close: {min(delays):.2f} s after the process started")
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
