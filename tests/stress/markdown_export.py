"""The markdown export at size, with hostile titles (issue 17, point 3): run by hand, prints
its figures.

    .venv/bin/python tests/stress/markdown_export.py [--notes N] [--work DIR]

N notes (default 20,000) with generated titles (long ones past 255 bytes, Windows reserved
names, every forbidden character, emoji with skin tones, combining accents, titles that
clash once made safe), each citing two others, are imported from notegui JSON into a fresh
library with the real CLI, then exported to a folder. Checked: every file name by the
rules (bytes, NFC, reserved, forbidden characters, ends), distinct case-insensitively; every
front matter read back by yaml.safe_load names its note; every link names a written file.
Then a tenth more notes that clash with existing ones are added and the folder exported
again: no earlier note's file changes its name, and the unchanged files are not rewritten.
Exit code 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import yaml

from notegui.core.formats import json_format
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.export_names import MAX_BYTES

LINK = re.compile(r"(?<!\\)\[\[([^\[\]|#^]+)(?:\|(.*?))?\]\]")
FORBIDDEN = ["%%", "[[", "]]", "#", "^", "|", "/", "\\", ":", "*", "?", '"', "<", ">"]
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
            *(f"LPT{i}" for i in range(10))}
PIECES = ["why", "does", "CON", "nul.txt", ".hidden", "a/b", "x:y", "#tag", "^id", "|", "%%",
          "[[l]]", "é", "e\u0301", "👍🏽", "Ω", "..", "  ", "*", '"q"', "<b>", "ß", "İ"]


def title(rng: random.Random, i: int) -> str:
    kind = i % 5
    if kind == 0:
        return "x" * rng.randint(250, 298) + f"{i}?"
    if kind == 1:
        return "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6))) + f" {i}?"
    if kind == 2:
        return rng.choice(["CON", "nul", "Com1", "LPT9", ".", "..."]) + f"{i % 7}?"
    if kind == 3:
        return "é" * rng.randint(100, 149) + f" {i}?"
    return f"Why does {rng.choice(PIECES)} matter {i}?"


def document(titles: list[str], rng: random.Random) -> str:
    notes = []
    for t in titles:
        cited = rng.sample(titles, 2)
        notes.append(NoteRecord(t, "A description.", "", f"See [[{cited[0]}]] and "
                                f"[[{cited[1]}]].", links=tuple(cited), sources=(None, None)))
    return json_format.dumps(LibraryDocument(tuple(notes)))


def problems(name: str) -> list[str]:
    stem = name[:-3]
    found = [f"contains {bad!r}" for bad in FORBIDDEN if bad in stem]
    if len(name.encode()) > MAX_BYTES:
        found.append("too long")
    if unicodedata.normalize("NFC", name) != name:
        found.append("not NFC")
    if stem.split(".")[0].upper() in RESERVED:
        found.append("reserved")
    if stem.startswith(".") or stem.endswith((".", " ")):
        found.append("bad ends")
    if any(unicodedata.category(c) == "Cc" for c in name):
        found.append("control character")
    return found


def notegui(home: Path, *args: str) -> float:
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "notegui", *args], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"notegui {' '.join(args[:4])} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - start


def check(folder: Path) -> dict[str, str]:
    """title -> file name; exits 1 on any problem."""
    names = [p.name for p in folder.glob("*.md")]
    bad = {n: problems(n) for n in names if problems(n)}
    if bad or len({n.casefold() for n in names}) != len(names):
        raise SystemExit(f"bad or clashing names: {list(bad.items())[:5]}")
    by_title = {}
    for name in names:
        text = (folder / name).read_text(encoding="utf-8")
        front, _, body = text[4:].partition("\n---\n")
        by_title[yaml.safe_load(front)["title"]] = name
        for link in LINK.findall(body):
            if not (folder / (link[0] + ".md")).exists():
                raise SystemExit(f"{name}: link to no file: {link[0]!r}")
    return by_title


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="notegui-export-stress-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(17)
    titles = list(dict.fromkeys(title(rng, i) for i in range(args.notes)))
    first = work / "first.json"
    first.write_text(document(titles, rng), encoding="utf-8")
    db, vault = work / "lib.db", work / "vault"
    notegui(work, "--db", str(db), "import", str(first))
    seconds = notegui(work, "--db", str(db), "export", "--format", "markdown", "-o", str(vault))
    before = check(vault)
    print(f"{len(titles)} notes exported in {seconds:.1f} s ({len(titles) / seconds:,.0f} "
          f"notes/s); names checked, {len(set(before.values()))} distinct")
    # A tenth more notes clashing with existing ones once made safe, made later.
    added = [t.replace("?", ":?").replace("x", "X", 1) for t in rng.sample(titles,
                                                                          len(titles) // 10)]
    second = work / "second.json"
    second.write_text(document(added, rng), encoding="utf-8")
    notegui(work, "--db", str(db), "import", str(second))
    stats = {name: os.stat(vault / name).st_mtime_ns for name in before.values()}
    seconds = notegui(work, "--db", str(db), "export", "--format", "markdown", "-o", str(vault))
    after = check(vault)
    moved = [t for t, name in before.items() if after.get(t) != name]
    if moved:
        raise SystemExit(f"{len(moved)} notes changed file name, e.g. {moved[:3]}")
    untouched = sum(os.stat(vault / n).st_mtime_ns == stats[n] for n in before.values())
    print(f"+{len(added)} clashing notes: exported again in {seconds:.1f} s; no earlier "
          f"name changed; {untouched} of {len(before)} earlier files not rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
