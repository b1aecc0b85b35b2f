"""The markdown round trip at size (issue 17, point 4): run by hand, prints its figures.

    .venv/bin/python tests/stress/markdown_round_trip.py [--notes N] [--vault M] [--work DIR]

A library of N question notes (default 10,000: odd titles, citations with and without
Sources lines, tags, bodies with lists, quotes, fences and blank lines of their own, and
the stubs they cite) and a generated Obsidian vault of M notes (default 5,000: one name in
several folders, links by name, path, alias, heading and block, embeds, an image, links to
nothing) is built with the real CLI, exported as markdown, imported into an empty library,
and exported as JSON. Checked: the two JSON exports are equal (timestamps aside); every
link of the exported vault leads (Obsidian's rules) to the note it led to in the vault;
importing the export again changes nothing. Exit code 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from notegui.core.formats import json_format
from notegui.core.formats.document import LibraryDocument, NoteRecord
from test_round_trips import generated_vault, resolved, without_times

PIECES = ["why", "does", "CON", "a/b", "x:y", "#tag", "^id", "|", "%%", "[[l]]", "é",
          "👍🏽", "Ω", "..", "*", '"q"', "<b>", "ß"]
BODIES = ["Line one cites [[{c}]].\nLine two.", "- a\n- b\n\n1. one\nText [[{c}]].",
          "> q1\n> q2\n```\ncode\n\nmore\n```\nEnd [[{c}]].", "Just [[{c}]].\n\nGap above."]


def library_json(notes: int, seed: int = 17) -> str:
    rng = random.Random(seed)
    titles = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 5))) + f" {i}?"
              for i in range(notes)]
    records = []
    for i, title in enumerate(titles):
        cited = titles[rng.randrange(notes)] if i % 7 else f"A stub {i}?"
        records.append(NoteRecord(
            title, f"Description {i}.", f"Summary {i}.",
            BODIES[i % len(BODIES)].format(c=cited), (cited,),
            (f"Why {i}.",) if i % 3 else (None,), (f"t{i % 10}",)))
    return json_format.dumps(LibraryDocument(tuple(records)))


def cli(*args: object) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "notegui", *map(str, args)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"notegui {' '.join(map(str, args))} failed:\n"
                         f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    took = time.perf_counter() - started
    print(f"  notegui {' '.join(str(a) for a in args[2:4])}: {took:.1f} s", flush=True)
    return took, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--vault", type=int, default=5_000)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="round-trip-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "library.json"
    source.write_text(library_json(args.notes), encoding="utf-8")
    vault = generated_vault(work / "vault", args.vault)
    first, second, out = work / "a.sqlite3", work / "b.sqlite3", work / "out"
    for path in (first, second):
        path.unlink(missing_ok=True)
    took = {"import json": cli("--db", first, "import", source)[0],
            "import vault": cli("--db", first, "import", vault)[0]}
    took["export json"], before = cli("--db", first, "export", "--format", "json")
    took["export markdown"], _ = cli("--db", first, "export", "--format", "markdown", "-o",
                                     out, "--force")
    took["import the export"], _ = cli("--db", second, "import", out)
    after = cli("--db", second, "export", "--format", "json")[1]
    took["import it again"], again = cli("--db", second, "import", out)
    failures = []
    if without_times(before) != without_times(after):
        one, two = json.loads(before)["notes"], json.loads(after)["notes"]
        failures.append(f"the JSON differs ({len(one)} notes before, {len(two)} after)")
    if resolved(out / "vault", "vault") != resolved(vault, "vault"):
        failures.append("links of the exported vault lead elsewhere")
    if not again.splitlines()[-1].startswith("0 imported, "):
        failures.append(f"importing again changed something: {again.splitlines()[-1]}")
    notes = len(json.loads(before)["notes"])
    print(f"{notes:,} notes ({args.notes:,} question notes and their stubs, "
          f"{args.vault + 2:,} vault notes) in {work}")
    for step, seconds in took.items():
        print(f"  {step}: {seconds:.1f} s")
    for failure in failures:
        print(f"FAILED: {failure}")
    print("ok: same JSON, same links, nothing changed on importing again" if not failures
          else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
