"""Many writers on one library at once (issue 14, items 1, 2 and 13): real `notegui import`
processes, a process editing through the store's API as the window does, and
`notegui check --repair`, all on the same library at the same time; then the library must
be exactly what the same work done one writer after another gives, `check` clean, nothing
left staged, no scratch file.

Two scenarios, each repeated ``--rounds`` times on a fresh library:

- twice: two imports of the same generated folder of ``--files`` notes (the benchmark's
  corpus, tests/perf/corpus.py), plus a `check --repair` while they run. Every file must
  be reported imported by exactly one of the two and unchanged by the other.
- parallel: ``--parallel`` imports of ``--each`` files each (folders citing one another
  and titles no file has), an editing process (saves, new notes, tags, Trash and back),
  and a `check --repair`, all at once.

    .venv/bin/python tests/stress/stress_writers.py                  # the full run
    .venv/bin/python tests/stress/stress_writers.py --files 3000 --rounds 1   # quicker

The test suite runs a smaller version (tests/test_concurrent_writers.py) through the same
functions. Prints one line a round and a JSON summary at the end (``--out`` to keep it)."""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EDITED = " Edited in the window."
TAG = "window"


# -- the inputs ------------------------------------------------------------------------------


def title_of(folder: int, number: int) -> str:
    return f"Does topic {folder}.{number} hold up?"


def unwritten_title(number: int) -> str:
    return f"Which open question {number} remains?"


def write_folders(root: Path, folders: int, each: int, seed: int = 1) -> list[Path]:
    """``folders`` folders of ``each`` question notes; each note cites two to five notes
    of any folder, or titles no file has (stubs). Every citation of a title gives the
    same Sources line, so the result does not depend on which import comes first."""
    rng = random.Random(seed)
    written = [title_of(f, n) for f in range(folders) for n in range(each)]
    unwritten = [unwritten_title(k) for k in range(max(1, len(written) // 5))]
    made = []
    for f in range(folders):
        folder = root / f"folder{f}"
        folder.mkdir(parents=True)
        for n in range(each):
            title = title_of(f, n)
            cited = [t for t in rng.sample(written + unwritten, rng.randint(2, 5)) if t != title]
            lines = [title, f"Description of {f}.{n}."]
            lines += [f"Paragraph {k} of {f}.{n} cites {t}, and goes on." for k, t in
                      enumerate(cited)]
            lines.append("Sources 1 note" if len(cited) == 1 else f"Sources {len(cited)} notes")
            lines += [f"Summary of {t}" for t in cited]
            (folder / f"{n:04}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        made.append(folder)
    return made


def write_corpus(folder: Path, notes: int) -> Path:
    """The benchmark's corpus (bodies of 300-500 words, 3-8 citations, stubs)."""
    sys.path.insert(0, str(ROOT / "tests" / "perf"))
    from corpus import Corpus

    Corpus(notes).write(folder)
    return folder


# -- processes ---------------------------------------------------------------------------------


def environment(work: Path) -> dict[str, str]:
    """A throwaway home: no real library, settings or log is touched."""
    env = dict(os.environ)
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(work / "home" / name.lower())
    env["HOME"] = str(work / "home")
    env.pop("NOTEGUI_DB", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def notegui(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "notegui", "--db", str(db), *args]


def editor_command(db: Path, titles: Path, stop: Path, log: Path, seed: int) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "edit", "--db", str(db),
            "--titles", str(titles), "--stop", str(stop), "--log", str(log),
            "--seed", str(seed)]


@dataclass
class Finished:
    command: list[str]
    code: int
    out: str
    err: str
    seconds: float


@dataclass
class Running:
    command: list[str]
    process: subprocess.Popen
    out: Path
    err: Path
    started: float = field(default_factory=time.perf_counter)

    def wait(self) -> Finished:
        code = self.process.wait()
        seconds = time.perf_counter() - self.started
        return Finished(self.command, code, self.out.read_text(errors="replace"),
                        self.err.read_text(errors="replace"), seconds)


def start(command: list[str], env: dict[str, str], logs: Path, name: str) -> Running:
    out, err = logs / f"{name}.out", logs / f"{name}.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)
    return Running(command, process, out, err)


def statuses(output: str) -> dict[str, str]:
    """File path -> imported / unchanged / refused, from an import's lines."""
    found = {}
    for line in output.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("imported", "unchanged", "refused"):
            found[rest.split(": ", 1)[0]] = status
    return found


# -- the editing process (the window's writes, through the store) ------------------------------


def edit(db: Path, titles: list[str], stop: Path, log: Path, seed: int) -> int:
    """Edit notes as they arrive until ``stop`` exists: append to a note's body (once a
    note), make a note citing others, tag one, move one to the Trash and back. Logs what
    it did (JSON lines) for the reference; any failure is printed and counted."""
    sys.path.insert(0, str(ROOT / "src"))
    from notegui.core.domain import NoteText
    from notegui.store.library import SqliteLibrary

    rng = random.Random(seed)
    done: set[str] = set()
    failures = 0
    made = 0
    with SqliteLibrary(db) as library, log.open("w", encoding="utf-8") as record:
        def note_it(**entry: object) -> None:
            record.write(json.dumps(entry) + "\n")
            record.flush()

        rounds = 0
        while not stop.exists() or rounds < 3:
            if stop.exists():
                rounds += 1
            for _ in range(20):
                title = rng.choice(titles)
                action = rng.random()
                try:
                    note = library.find(title)
                    if action < 0.15:
                        made += 1
                        new = f"Why does window note {seed}.{made} matter?"
                        body = (f"It cites {title}, and also "
                                f"{unwritten_title(10_000 + seed * 1000 + made)}, twice.")
                        library.create_note(new, "Made in the window.", "", body)
                        note_it(action="create", title=new, body=body)
                    elif note is None or note.is_stub:
                        continue
                    elif action < 0.6 and title not in done:
                        # (as the window does: what it did not change is not written back)
                        library.save_note(note.id, note.title, note.description,
                                          note.summary, note.body + EDITED,
                                          base=NoteText(note.title, note.description,
                                                        note.summary, note.body))
                        done.add(title)
                        note_it(action="append", title=title)
                    elif action < 0.8:
                        library.set_tags(note.id, [TAG])
                        note_it(action="tag", title=title)
                    else:
                        library.trash_note(note.id)
                        library.restore_note(note.id)
                except Exception as error:  # (every failure is the finding)
                    failures += 1
                    print(f"edit failed on {title!r}: {type(error).__name__}: {error}",
                          file=sys.stderr)
            time.sleep(0.01)
    return 1 if failures else 0


# -- what the library holds ----------------------------------------------------------------------


def snapshot(db: Path, loose_lines: set[str] = frozenset()) -> dict:
    """Everything a reader sees, by title key: the fields, tags, Trash and Sources (the
    lines of notes in ``loose_lines`` left out: a new citation's line is whatever the cited
    note's summary was when the window saved it)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        titles = dict(connection.execute("SELECT id, title_key FROM note"))
        notes = {key: list(row) for key, *row in connection.execute(
            "SELECT title_key, title, description, summary, body FROM note")}
        for note_id, name in connection.execute(
                "SELECT nt.note_id, t.name FROM note_tag AS nt JOIN tag AS t ON t.id = nt.tag_id"):
            notes[titles[note_id]].append(f"tag:{name}")
        for (note_id,) in connection.execute("SELECT note_id FROM trash"):
            notes[titles[note_id]].append("trashed")
        for source, target, summary in connection.execute(
                "SELECT source_id, target_id, summary FROM link ORDER BY source_id, ordinal"):
            key = titles[source]
            notes[key].append((titles[target], None if key in loose_lines else summary))
        return notes
    finally:
        connection.close()


def leftovers(db: Path) -> list[str]:
    """What a finished import must not leave: staged rows, a deferred index, a scratch file."""
    found = []
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        staged = connection.execute("SELECT count(*) FROM import_citation").fetchone()[0]
        state = connection.execute("SELECT count(*) FROM import_state").fetchone()[0]
    finally:
        connection.close()
    if staged:
        found.append(f"{staged} staged citations")
    if state:
        found.append("an index still deferred")
    for suffix in ("-import-index",):
        if Path(f"{db}{suffix}").exists():
            found.append(f"{db.name}{suffix} left")
    return found


def revisions(db: Path) -> int:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM revision").fetchone()[0]
    finally:
        connection.close()


def reference(db: Path, folders: list[Path], edits: list[dict]) -> None:
    """The same work one writer after another: every import, then the logged edits."""
    sys.path.insert(0, str(ROOT / "src"))
    from notegui.store.library import SqliteLibrary

    with SqliteLibrary(db) as library:
        for folder in folders:
            for outcome in library.import_paths([folder]):
                assert outcome.status == "imported", outcome
        for entry in edits:
            if entry["action"] == "create":
                library.create_note(entry["title"], "Made in the window.", "", entry["body"])
                continue
            note = library.find(entry["title"])
            if entry["action"] == "append":
                library.save_note(note.id, note.title, note.description, note.summary,
                                  note.body + EDITED)
            else:
                library.set_tags(note.id, [TAG])


# -- the scenarios ---------------------------------------------------------------------------


@dataclass
class Round:
    scenario: str
    problems: list[str]
    seconds: float
    figures: dict


def run_round(work: Path, folders: list[Path], importers: list[list[Path]], *,
              edits: bool, repair_after: float, scenario: str, seed: int = 1) -> Round:
    """Run the imports (one process per entry of ``importers``), the editor and a
    `check --repair` at once on a fresh library; compare with the reference."""
    env = environment(work)
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    db = work / "library.sqlite3"
    for stale in work.glob("library.sqlite3*"):
        stale.unlink()
    problems: list[str] = []
    began = time.perf_counter()
    imports = [start(notegui(db, "import", *map(str, paths)), env, logs, f"import{i}")
               for i, paths in enumerate(importers)]
    editor = None
    stop, edit_log = work / "stop", work / "edits.jsonl"
    stop.unlink(missing_ok=True)
    if edits:
        titles = work / "titles.json"
        titles.write_text(json.dumps(
            [title_of(f, n) for f in range(len(folders))
             for n in range(len(list(folders[f].glob("*.txt"))))]))
        editor = start(editor_command(db, titles, stop, edit_log, seed), env, logs, "editor")
    time.sleep(repair_after)
    repair = start(notegui(db, "check", "--repair"), env, logs, "repair").wait()
    finished = [running.wait() for running in imports]
    seconds = time.perf_counter() - began
    if editor is not None:
        stop.touch()
        edited = editor.wait()
        if edited.code != 0:
            problems.append(f"the editor failed: {edited.err.strip()[-2000:]}")
    if repair.code != 0:
        problems.append(f"check --repair during the imports: exit {repair.code}: "
                        f"{(repair.out + repair.err).strip()[-600:]}")
    reported: dict[str, list[str]] = {}
    for number, result in enumerate(finished):
        if result.code != 0:
            problems.append(f"import {number}: exit {result.code}: {result.err.strip()[-600:]}")
        for path, status in statuses(result.out).items():
            reported.setdefault(path, []).append(status)
    files = {str(path) for folder in folders for path in folder.rglob("*.txt")}
    for path in sorted(files):
        said = reported.get(path, [])
        if said.count("imported") != 1:
            problems.append(f"{path}: reported {said or 'by no import'}")
            if len(problems) > 20:
                break
    waited = sum("waiting" in result.err for result in (*finished, repair))
    checked = subprocess.run(notegui(db, "check"), capture_output=True, text=True, env=env)
    if checked.returncode != 0:
        lines = checked.stdout.splitlines()
        problems.append(f"check after: {len(lines)} lines: {' | '.join(lines[:5])} … "
                        f"{lines[-1] if lines else checked.stderr.strip()}")
    problems.extend(leftovers(db))
    entries = ([json.loads(line) for line in edit_log.read_text().splitlines()]
               if edits else [])
    expected_db = work / "reference.sqlite3"
    for stale in work.glob("reference.sqlite3*"):
        stale.unlink()
    sys.path.insert(0, str(ROOT / "src"))
    reference(expected_db, folders, entries)
    from notegui.core.domain import title_key

    loose = {title_key(e["title"]) for e in entries if e["action"] == "create"}
    got, expected = snapshot(db, loose), snapshot(expected_db, loose)
    if got != expected:
        missing = sorted(set(expected) - set(got))
        extra = sorted(set(got) - set(expected))
        differ = sorted(k for k in set(got) & set(expected) if got[k] != expected[k])
        problems.append(f"the library differs from one writer after another: {len(missing)} "
                        f"notes missing, {len(extra)} extra, {len(differ)} different "
                        f"(e.g. {(missing or extra or differ)[:3]})")
        for key in differ[:2]:
            problems.append(f"  {key}: got {got[key]!r}, expected {expected[key]!r}")
    appended = sum(e["action"] == "append" for e in entries)
    if revisions(db) != revisions(expected_db):
        problems.append(f"{revisions(db)} revisions, expected {revisions(expected_db)}")
    figures = {
        "imports": len(importers), "files": len(files), "notes": len(got),
        "links": sum(sum(isinstance(v, tuple) for v in row) for row in got.values()),
        "edits": len(entries), "appended": appended, "writers_that_waited": waited,
        "import_seconds": [round(result.seconds, 1) for result in finished],
        "repair_seconds": round(repair.seconds, 1),
    }
    return Round(scenario, problems, seconds, figures)


def scenario_twice(work: Path, files: int, rounds: int, log) -> list[Round]:
    folder = write_corpus(work / "corpus", files)
    results = []
    for number in range(rounds):
        result = run_round(work, [folder], [[folder], [folder]], edits=False,
                           repair_after=min(5.0, files / 4000), scenario="twice")
        log(result, number)
        results.append(result)
    return results


def scenario_parallel(work: Path, parallel: int, each: int, rounds: int, log) -> list[Round]:
    results = []
    for number in range(rounds):
        root = work / f"folders{number}"
        folders = write_folders(root, parallel, each, seed=number + 1)
        result = run_round(work, folders, [[folder] for folder in folders], edits=True,
                           repair_after=0.5, scenario="parallel", seed=number + 1)
        log(result, number)
        results.append(result)
    return results


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=30_000,
                        help="notes in the folder imported twice at once (default 30,000)")
    parser.add_argument("--parallel", type=int, default=8, help="imports at once (default 8)")
    parser.add_argument("--each", type=int, default=100, help="files each (default 100)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each scenario")
    parser.add_argument("--only", choices=["twice", "parallel"])
    parser.add_argument("--work", type=Path, help="a folder to work in (default: a temp one)")
    parser.add_argument("--out", type=Path, help="write the JSON summary here")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["edit"]:
        parser = argparse.ArgumentParser()
        for name in ("--db", "--titles", "--stop", "--log"):
            parser.add_argument(name, type=Path, required=True)
        parser.add_argument("--seed", type=int, default=1)
        args = parser.parse_args(argv[1:])
        return edit(args.db, json.loads(args.titles.read_text()), args.stop, args.log,
                    args.seed)
    args = build_parser().parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="stress-writers-"))
    work.mkdir(parents=True, exist_ok=True)

    def log(result: Round, number: int) -> None:
        verdict = "clean" if not result.problems else f"{len(result.problems)} problem(s)"
        print(f"{result.scenario} round {number + 1}: {verdict} in {result.seconds:.1f} s "
              f"{json.dumps(result.figures)}", flush=True)
        for problem in result.problems:
            print(f"  {problem}", flush=True)

    results: list[Round] = []
    if args.only in (None, "twice"):
        results += scenario_twice(work / "twice", args.files, args.rounds, log)
    if args.only in (None, "parallel"):
        results += scenario_parallel(work / "parallel", args.parallel, args.each,
                                     args.rounds, log)
    summary = {
        "rounds": len(results), "clean": sum(not r.problems for r in results),
        "results": [{"scenario": r.scenario, "seconds": round(r.seconds, 1),
                     "problems": r.problems, **r.figures} for r in results],
    }
    text = json.dumps(summary, indent=1)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)
    return 0 if summary["clean"] == summary["rounds"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
