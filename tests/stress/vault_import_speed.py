"""The speed of a markdown vault's import (issue 17): run by hand, prints its figures.

    .venv/bin/python tests/stress/vault_import_speed.py --notes N [--work DIR]

A generated Obsidian vault of N notes (tests/perf/vault_corpus.py: front matter, links of
every kind, tags, nested folders, names used twice) is imported with the real CLI, in a
throwaway HOME:
1. into an empty library;
2. again: every file unchanged;
3. with every tenth file changed (each keeps a revision) and one in a hundred removed
   (reported as gone, kept).
Each prints its seconds, the vault's notes a second and the child's peak memory; ``notegui
check`` must then find the library consistent. Exit code 1 when a step or the check fails.
The vault is kept in WORK and reused when it is the same N.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "perf"))
from vault_corpus import VaultCorpus

NOTEGUI = [sys.executable, "-m", "notegui"]
MARKER = ".corpus.json"


def run(home: Path, *args: str) -> tuple[float, int, str, int]:
    """Seconds, peak memory (MB), output and exit code of one notegui command."""
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NOTEGUI_DB", None)
    start = time.perf_counter()
    child = subprocess.Popen([*NOTEGUI, *args], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss // 1024, output, os.waitstatus_to_exitcode(status)


def ensure_vault(notes: int, folder: Path) -> VaultCorpus:
    corpus = VaultCorpus(notes)
    source = (Path(__file__).resolve().parent.parent / "perf" / "vault_corpus.py").read_bytes()
    identity = {"notes": notes, "seed": corpus.seed,
                "generator": hashlib.sha256(source).hexdigest()}
    marker = folder / MARKER
    try:
        if json.loads(marker.read_text(encoding="utf-8")) == identity:
            return corpus
    except (OSError, ValueError):
        pass
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    written = corpus.write(folder)
    marker.write_text(json.dumps(identity), encoding="utf-8")
    print(f"wrote {notes:,} notes ({written / 1e6:.0f} MB) in {time.perf_counter() - start:.0f} s")
    return corpus


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, required=True)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = (args.work or Path(tempfile.gettempdir()) / f"vault-import-speed-{args.notes}")
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    home.mkdir(exist_ok=True)
    vault = work / "vault"
    corpus = ensure_vault(args.notes, vault)
    changed = work / "changed"
    shutil.rmtree(changed, ignore_errors=True)
    db = work / "library.sqlite3"
    for stale in work.glob("library.sqlite3*"):
        stale.unlink()
    print(f"{args.notes:,} notes in {vault}, into {db}")
    failed = False
    steps = (("empty library", vault, f"{args.notes} imported"),
             ("again, unchanged", vault, f"0 imported, {args.notes} unchanged"),
             ("every tenth changed, 1% gone", changed, "0 imported, "))
    for step, folder, expected in steps:
        if folder == changed:
            shutil.copytree(vault, changed)
            gone = 0
            for index in range(0, args.notes, 10):
                note = corpus.note(index)
                target = changed / note.path
                if index % 100 == 0:
                    target.unlink()
                    gone += 1
                else:
                    target.write_text(note.text + "\nChanged.\n", encoding="utf-8")
            seconds, peak, output, code = run(home, "--db", str(db), "import", "--vault",
                                              "vault", str(folder))
        else:
            seconds, peak, output, code = run(home, "--db", str(db), "import", str(folder))
        last = output.strip().splitlines()[-1] if output.strip() else ""
        ok = code == 0 and last.startswith(expected)
        failed |= not ok
        print(f"  {step}: {seconds:.1f} s, {args.notes / seconds:,.0f} notes/s, "
              f"peak {peak} MB{'' if ok else ' FAILED'}: {last}")
        if folder == changed:
            said = [line for line in output.splitlines() if "whose files are gone" in line]
            print(f"    {said[0][:120] if said else 'no notes gone said'}")
            failed |= not said or not said[0].startswith(f"{gone:,} notes whose")
    _, _, output, _ = run(home, "--db", str(db), "check")
    print(f"  check: {output.strip().splitlines()[-1]}")
    failed |= "consistent" not in output
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
