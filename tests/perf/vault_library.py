"""A library of generated vault notes, for measuring how fast vault notes open, by hand:

    .venv/bin/python tests/perf/vault_library.py --notes 100000 --db /tmp/vault.sqlite3
    .venv/bin/python tests/perf/gui_bench.py --db /tmp/vault.sqlite3 --queries 20

Notes of about 400 words (the bench corpus's sentences) in 100 folders of a vault named
``bench``, each with the links a real vault has: by file name (``Index`` in every folder,
other names twice), by path, by alias, to headings and blocks, markdown links, a section
embed, an image (1,000 small PNGs stored as attachments) and an unresolved link (a stub).
Written with raw SQL as the vault import writes it (note with its path, note_file, alias,
attachment, link rows resolved by ``core.vault.resolve``), so it does not wait for the
import; the schema is made by opening the library first.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import Corpus

from notegui.core.domain import title_key
from notegui.core.vault.links import scan
from notegui.core.vault.resolve import LinkIndex, resolve, stub_title
from notegui.store.library import SqliteLibrary
from vault_rows import png

VAULT = "bench"
FOLDERS = 100
IMAGES = 1_000
STAMP = "2026-12-07T00:00:00Z"


def _index(number: int) -> bool:
    return number % 50 == 0 and number // 50 < FOLDERS  # one "Index" in every folder


def name_of(number: int) -> str:
    return "Index" if _index(number) else f"Topic {number // 2}"  # others: twice


def folder_of(number: int) -> int:
    return number // 50 if _index(number) else number % FOLDERS


def path_of(number: int) -> str:
    return f"{VAULT}/f{folder_of(number):02d}/{name_of(number)}.md"


def body_of(number: int, count: int, rng: random.Random, sentences: list[str]) -> str:
    def text(words: int) -> str:
        out: list[str] = []
        while sum(len(s.split()) for s in out) < words:
            out.append(rng.choice(sentences))
        return " ".join(out)

    other = rng.randrange(count)
    far = rng.randrange(count)
    alias = rng.randrange(count)
    return (
        f"{text(60)} See [[{name_of(other)}]] and [[{name_of(far)}|that note]].\n\n"
        f"## Details\n\n{text(90)} By path [[f{folder_of(far):02d}/{name_of(far)}]], "
        f"by alias [[Alias {alias}]], a heading [[{name_of(other)}#Details]] and a "
        f"[markdown link](../f{folder_of(other):02d}/{name_of(other).replace(' ', '%20')}.md)."
        f"\n\n- {text(25)}\n- {text(25)} ^item-{number}\n\n"
        f"## More\n\n{text(90)} [[#Details]] [[{name_of(far)}#^item-{far}]]\n\n"
        f"![[{name_of(other)}#More]]\n\n![[img-{number % IMAGES}.png]]\n\n"
        f"{text(60)} [[Not written {number % 500}]]\n")


def build(db: Path, count: int, seed: int = 7) -> None:
    SqliteLibrary(db).close()  # (the schema)
    rng = random.Random(seed)
    sentences = Corpus(10, seed=seed, large=0)._sentences
    paths = [path_of(number) for number in range(count)]
    bodies = [body_of(number, count, rng, sentences) for number in range(count)]
    index = LinkIndex()
    for number, path in enumerate(paths):
        index.add_note(path, title_key(name_of(number)), [f"Alias {number}"])
    image = png(8, 6)
    for number in range(IMAGES):
        index.add_attachment(f"{VAULT}/assets/img-{number}.png", f"img-{number}.png")
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA foreign_keys = OFF")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(alias)")]
    if columns.index("alias") < columns.index("alias_key"):
        # (schema 9 as first landed: SQLite 3.40's integrity_check reads a NOT NULL column
        # before a WITHOUT ROWID key as NULL; the vault import puts the key first)
        connection.executescript(
            "DROP TABLE alias; CREATE TABLE alias (note_id INTEGER NOT NULL REFERENCES "
            "note(id) ON DELETE CASCADE, alias_key TEXT NOT NULL, alias TEXT NOT NULL, "
            "PRIMARY KEY (note_id, alias_key)) WITHOUT ROWID; "
            "CREATE INDEX alias_key ON alias(alias_key);")
    with connection:
        connection.executemany(
            "INSERT INTO note (id, title, title_key, body, created, updated, path) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(number + 1, name_of(number), title_key(name_of(number)), bodies[number], STAMP,
              STAMP, paths[number]) for number in range(count)])
        connection.executemany(
            "INSERT INTO note_file (note_id, name_key, digest) VALUES (?, ?, ?)",
            [(number + 1, title_key(name_of(number)),
              hashlib.sha256(bodies[number].encode()).hexdigest()) for number in range(count)])
        connection.executemany(
            "INSERT INTO alias (note_id, alias, alias_key) VALUES (?, ?, ?)",
            [(number + 1, f"Alias {number}", title_key(f"Alias {number}"))
             for number in range(count)])
        connection.executemany(
            "INSERT INTO attachment (path, name_key, data, digest, added) VALUES (?, ?, ?, ?, ?)",
            [(f"{VAULT}/assets/img-{number}.png", f"img-{number}.png", image,
              hashlib.sha256(image).hexdigest(), STAMP) for number in range(IMAGES)])
        ids = {path: number + 1 for number, path in enumerate(paths)}
        stubs: dict[str, int] = {}
        links: list[tuple[int, int, int]] = []
        for number, path in enumerate(paths):
            targets: list[int] = []
            for ref in scan(bodies[number])[0]:
                found = resolve(index, path, ref)
                if found is not None and index.is_attachment(found):
                    continue
                if found is None:
                    title = stub_title(ref)
                    if not title:
                        continue
                    if title not in stubs:
                        stubs[title] = connection.execute(
                            "INSERT INTO note (title, title_key, created, updated) "
                            "VALUES (?, ?, ?, ?)", (title, title_key(title), STAMP, STAMP)
                        ).lastrowid or 0
                    target = stubs[title]
                else:
                    target = ids[found]
                if target != number + 1 and target not in targets:
                    targets.append(target)
            links.extend((number + 1, target, ordinal)
                         for ordinal, target in enumerate(targets, start=1))
        connection.executemany(
            "INSERT INTO link (source_id, target_id, ordinal) VALUES (?, ?, ?)", links)
    connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    if args.db.exists():
        print(f"{args.db} exists: give a new file", file=sys.stderr)
        return 1
    start = time.perf_counter()
    build(args.db, args.notes)
    print(f"{args.notes} vault notes written to {args.db} in "
          f"{time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
