"""The speed and memory of a sync through git at N notes (issue 18's budgets), each beside a
floor measured in the same run: the same repository work done by git itself.

    python tests/perf/sync_bench.py --db LIBRARY [--work DIR] [--out FILE.json]

LIBRARY is copied (never changed), e.g. the bench's /tmp/notegui-bench-100000/library.sqlite3.
Figures (seconds, peak MB of the notegui process):
1. first sync of the library to an empty bare repository (budget <= 60 s, <= 400 MB);
   floor: `notegui export --format markdown` of it, then git add, commit and push;
2. a second library joining (its first sync receives every note);
3. ten notes edited in each library, then each syncs: the second one's sync sends ten and
   receives ten (budget <= 2 s, <= 400 MB); floor: git pull and push of ten changed files
   in a clone;
4. every note at the top of the remote edited by another tool (a line added to each file,
   committed straight into the remote), then the second library syncs: it receives them all
   (budget <= 400 MB).
It reports; it does not judge (exit 0 unless a step fails)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTEGUI = [sys.executable, "-m", "notegui"]
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
EDIT = """
import sys
from notegui.store.library import SqliteLibrary
with SqliteLibrary(sys.argv[1]) as library:
    ids = [i for i in library.note_ids() if not library.refs([i])[i].is_stub]
    for note_id in ids[int(sys.argv[2])::max(1, len(ids) // 10)][:10]:
        note = library.note(note_id)
        library.save_note(note.id, note.title, note.description, note.summary,
                          note.body + "\\nEdited by " + sys.argv[3] + ".")
"""


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None,
          ) -> tuple[float, int, str]:
    """Seconds, peak resident MB and output of a command (it must succeed)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{output[-2000:]}")
    return seconds, usage.ru_maxrss // 1024, output


def edit_every_note(remote: Path) -> int:
    """A line added to every note file at the top of ``remote``, in one commit on its main,
    as a tool editing the files of a clone in bulk would; the count of files."""
    from notegui.sync.repository import MAIN, Repository

    with Repository.open_or_init(remote) as repository:
        head = repository.ref(MAIN)
        assert head is not None
        files = [(path, blob) for path, blob in repository.tree(head).items()
                 if "/" not in path and path.endswith(".md")]
        changes: dict[str, bytes | None] = {}
        for start in range(0, len(files), 10_000):
            part = files[start:start + 10_000]
            ids = repository.write_blobs(repository.read(blob) + b"\nEdited in bulk.\n"
                                         for _path, blob in part)
            changes.update(zip((path for path, _blob in part), ids, strict=True))
        tree = repository.changed_tree(head, changes)
        commit = repository.commit(tree, [head], "bulk edit", "bench <bench@example.org>")
        repository.set_ref(MAIN, commit)
    return len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="sync-bench-"))
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    env = {**os.environ, "HOME": str(work / "home"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NOTEGUI_DB", None)
    a, b, remote = work / "A.sqlite3", work / "B.sqlite3", work / "remote.git"
    shutil.copyfile(args.db, a)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    timed([*NOTEGUI, "--db", str(a), "list"], env)  # (the schema brought up to date)
    figures: dict[str, float | int] = {}

    seconds, peak, output = timed([*NOTEGUI, "--db", str(a), "sync", "--remote", str(remote)],
                                  env)
    figures.update(sync_first_s=round(seconds, 2), sync_first_peak_mb=peak,
                   sync_first_notes=output.count("\nsent ") + output.startswith("sent "))
    print(f"first sync: {seconds:.1f} s, {peak} MB", flush=True)

    floor_remote, export = work / "floor.git", work / "export"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(floor_remote)],
                   check=True)
    exported, _, _ = timed([*NOTEGUI, "--db", str(a), "export", "--format", "markdown", "-o",
                            str(export)], env)
    start = time.perf_counter()
    for step in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "all"],
                 ["push", "-q", str(floor_remote), "main"]):
        subprocess.run([*GIT, "-C", str(export), *step], check=True, env=env)
    figures["sync_first_floor_s"] = round(exported + time.perf_counter() - start, 2)
    print(f"first sync floor: {figures['sync_first_floor_s']} s", flush=True)

    seconds, peak, _ = timed([*NOTEGUI, "--db", str(b), "sync", "--remote", str(remote)], env)
    figures.update(sync_join_s=round(seconds, 2), sync_join_peak_mb=peak)
    print(f"joining: {seconds:.1f} s, {peak} MB", flush=True)

    timed([sys.executable, "-c", EDIT, str(a), "0", "A"], env)
    timed([sys.executable, "-c", EDIT, str(b), "5", "B"], env)
    timed([*NOTEGUI, "--db", str(a), "sync"], env)
    seconds, peak, output = timed([*NOTEGUI, "--db", str(b), "sync"], env)
    figures.update(sync_small_s=round(seconds, 2), sync_small_peak_mb=peak)
    print(f"ten notes each side: {seconds:.2f} s, {peak} MB\n{output.splitlines()[-1]}",
          flush=True)

    clone = work / "clone"
    subprocess.run([*GIT, "clone", "-q", str(floor_remote), str(clone)], check=True, env=env)
    names = sorted(p for p in os.listdir(clone) if p.endswith(".md"))[:10]
    for name in names:
        with open(clone / name, "a", encoding="utf-8") as file:
            file.write("\nEdited.\n")
    start = time.perf_counter()
    for step in (["pull", "-q", "--no-rebase"], ["commit", "-q", "-am", "ten"],
                 ["push", "-q"]):
        subprocess.run([*GIT, "-C", str(clone), *step], check=True, env=env)
    figures["sync_small_floor_s"] = round(time.perf_counter() - start, 3)
    print(f"ten notes floor: {figures['sync_small_floor_s']} s", flush=True)

    edited = edit_every_note(remote)
    seconds, peak, output = timed([*NOTEGUI, "--db", str(b), "sync"], env)
    figures.update(sync_bulk_s=round(seconds, 2), sync_bulk_peak_mb=peak,
                   sync_bulk_notes=edited)
    print(f"{edited} notes edited there: {seconds:.1f} s, {peak} MB\n"
          f"{output.splitlines()[-1]}", flush=True)

    text = json.dumps(figures, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
