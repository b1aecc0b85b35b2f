"""A JSON import into a library that already has some of its notes (some changed, some
unchanged, stubs to fill, notes renamed, links and tags to change, notes cited from
outside the document) leaves exactly the library that writing one note at a time left:
the same notes with the same ids, links, stubs and their summary lines, revisions, tags,
annotations and full-text index (store/importing/document_merge.py writes a chunk of
notes at a time). The reference is the merge as it was, kept here."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from notegui.core import clock
from notegui.core.domain import Annotation, Changes, title_key
from notegui.core.formats import json_format
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.store import models
from notegui.store.importing import document_merge, documents
from notegui.store.importing.note_import import Unchanged
from notegui.store.library import SqliteLibrary

STAMP = "2026-12-06T12:00:00Z"


def _one_note_at_a_time(library, document, importer):
    """documents.merge before document_merge.py, as it was: three peewee queries a note."""
    Note, Link, db = models.Note, models.Link, library.db
    stamp = clock.utc_now()
    touched: set[int] = set()
    rows: dict[str, models.Note] = {}
    changed = False
    for record in document.notes:
        key = title_key(record.title)
        row = Note.select().where(Note.title_key == key).bind(db).first()
        fields = {
            "title": record.title, "description": record.description,
            "summary": record.summary, "body": record.body,
        }
        if row is None:
            values = dict(title_key=key, created=record.created or stamp,
                          updated=record.updated or stamp, **fields)
            row = Note(id=Note.insert(**values).execute(db), **values)
            importer.created += 1
            changed = True
        elif any(getattr(row, name) != value for name, value in fields.items()):
            if not row.is_stub:
                importer.keep_revision(key, stamp, "import")
            for name, value in fields.items():
                setattr(row, name, value)
            row.updated = record.updated or stamp
            Note.update(**fields, updated=row.updated).where(Note.id == row.id).execute(db)
            changed = True
        rows[key] = row
        touched.add(row.id)
    for record in document.notes:
        row = rows[title_key(record.title)]
        wanted = [
            (rows[title_key(t)].id if title_key(t) in rows else importer.target(t, s, stamp),
             s)
            for t, s in zip(record.links, record.sources, strict=True)
        ]
        current = list(Link.select(Link.target, Link.summary).where(Link.source == row.id)
                       .order_by(Link.ordinal).tuples().execute(db))
        if wanted != current:
            importer.replace_links(row.id, wanted)
            changed = True
        changed |= library.write_tags(row.id, record.tags)
    added, refused = documents.add_annotations(
        library, document.annotations, {key: row.id for key, row in rows.items()})
    if not (changed or added):
        raise Unchanged(refused)
    return Changes(notes=frozenset(touched), links=True), refused


def _title(i: int, upper: bool = False) -> str:
    return f"Why does {'Item' if upper else 'item'} {i} hold?"


def _record(rng: random.Random, i: int, cited: range, upper: bool = False,
            stub: bool = False) -> NoteRecord:
    if stub:
        return NoteRecord(_title(i, upper), "", "", "", tags=("alpha",) if i % 2 else ())
    titles = [_title(c, rng.random() < 0.2) for c in dict.fromkeys(
        rng.choice(cited) for _ in range(rng.randint(0, 5))) if c != i]
    body = f"Body {rng.randint(0, 3)} of {i}: " + " and ".join(f"[[{t}]]" for t in titles)
    return NoteRecord(
        title=_title(i, upper),
        description=rng.choice(["", f"About {i}.", f"On {i}, again."]) if titles else
        f"About {i}.",
        summary=rng.choice(["", f"{i} holds.", f"{i} holds, mostly."]),
        body=body if titles else rng.choice(["", f"Plain {i}."]),
        links=tuple(titles),
        sources=tuple(rng.choice([None, "", f"as {i} says", f"as {i} puts it"])
                      for _ in titles),
        tags=tuple(rng.sample(["alpha", "Beta", "gamma", " delta ", "ALPHA"],
                              rng.randint(0, 3))),
        created=rng.choice(["", "2025-01-02T03:04:05Z"]),
        updated=rng.choice(["", "2025-02-03T04:05:06Z"]),
    )


def _annotation(i: int, exact: str, comment: str = "") -> Annotation:
    return Annotation(_title(i), exact, "", "", 0, len(exact), comment, "yellow", "", "")


def _documents(seed: int) -> tuple[LibraryDocument, LibraryDocument]:
    """The library's first document, and the one imported over it."""
    rng = random.Random(seed)
    first = [_record(rng, i, range(260)) for i in range(200) if i % 9]
    annotations = (_annotation(10, "Body"), _annotation(20, "Body", "a comment"))
    before = LibraryDocument(tuple(first), annotations)
    by_index = {int(r.title.split()[3]): r for r in first}
    notes = []
    for i in rng.sample([*range(230), *range(300, 340)], 170):
        roll = rng.random()
        if i in by_index and roll < 0.35:
            notes.append(by_index[i])  # unchanged
        elif i in by_index and roll < 0.45:  # its text alone changed, or its title's case
            old = by_index[i]
            notes.append(NoteRecord(_title(i, roll < 0.4), old.description + " More.",
                                    old.summary, old.body, old.links, old.sources,
                                    old.tags, old.created, old.updated))
        else:
            notes.append(_record(rng, i, range(400), upper=rng.random() < 0.2,
                                 stub=roll > 0.97))
    annotations = (
        _annotation(10, "Body"),  # already there
        _annotation(20, "Body", "another comment"),
        _annotation(999, "Body"),  # a note the library does not have: refused
        *(_annotation(int(n.title.split()[3]), "Body") for n in notes[:5] if n.body),
    )
    return before, LibraryDocument(tuple(notes), annotations)


def _import(path: Path, json_path: Path) -> tuple:
    with SqliteLibrary(path) as library:
        [outcome] = library.import_paths([json_path])
    return (outcome.status, outcome.notes, outcome.refused_entries,
            sorted(outcome.changes.notes) if outcome.changes else None)


def _state(path: Path) -> dict[str, list]:
    """Every row of the library, and every word of its full-text indexes."""
    connection = sqlite3.connect(path)
    state = {table: sorted(connection.execute(f"SELECT * FROM {table}"), key=repr)
             for table in ("note", "link", "revision", "tag", "note_tag", "annotation",
                           "trash", "import_citation", "import_state")}
    for index in ("note_fts", "title_fts", "annotation_fts"):
        connection.execute(f"CREATE VIRTUAL TABLE temp.{index}_words "
                           f"USING fts5vocab(main, {index}, 'instance')")
        state[index] = sorted(connection.execute(f"SELECT * FROM temp.{index}_words"),
                              key=repr)
    state["schema"] = connection.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    connection.close()
    return state


def _import_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      before: LibraryDocument, document: LibraryDocument) -> tuple:
    """``document`` imported over a library made of ``before`` (and a note trashed, one's
    tags set), chunked and one note at a time. Returns the outcome, the library before,
    and what the import leaves, once they are found the same."""
    monkeypatch.setattr(clock, "utc_now", lambda: STAMP)
    (tmp_path / "before.json").write_text(json_format.dumps(before), encoding="utf-8")
    (tmp_path / "import.json").write_text(json_format.dumps(document), encoding="utf-8")
    start = tmp_path / "start.sqlite3"
    _import(start, tmp_path / "before.json")
    with SqliteLibrary(start) as library:
        first, second = library.document().notes[:2]
        library.trash_note(library.find(first.title).id)  # (stays in the Trash: as before)
        library.set_tags(library.find(second.title).id, ["Gamma", "epsilon"])
    chunked, reference = tmp_path / "chunked.sqlite3", tmp_path / "reference.sqlite3"
    shutil.copy(start, chunked)
    shutil.copy(start, reference)
    outcome = _import(chunked, tmp_path / "import.json")
    with monkeypatch.context() as patch:
        patch.setattr(documents, "merge", _one_note_at_a_time)
        assert outcome == _import(reference, tmp_path / "import.json")
    expected = _state(reference)
    assert _state(chunked) == expected
    # The same file again changes nothing.
    assert _import(chunked, tmp_path / "import.json")[0] == "unchanged"
    assert _state(chunked) == expected
    return outcome, _state(start), expected


@pytest.mark.parametrize(("seed", "chunk", "index_every"),
                         [(1, 7, 3), (2, 500, 10_000), (3, 64, 40)])
def test_json_import_over_a_library_writes_what_one_note_at_a_time_wrote(
        tmp_path, monkeypatch, seed, chunk, index_every):
    # Small chunks and flushes of the index: every boundary is crossed many times.
    monkeypatch.setattr(document_merge, "CHUNK", chunk)
    monkeypatch.setattr(document_merge, "_INDEX_EVERY", index_every)
    outcome, start, expected = _import_both_ways(tmp_path, monkeypatch, *_documents(seed))
    # The import did what the test is about (else the comparison proves little).
    assert outcome[0] == "imported" and outcome[2]  # (one annotation refused)
    notes = {title_key(row[1]): row for row in expected["note"]}
    old = {title_key(row[1]): row for row in start["note"]}
    assert any(row[1] != old[key][1] for key, row in notes.items() if key in old)  # renamed
    assert len(expected["revision"]) >= 10
    assert any(not old[key][3] and not old[key][5] and (row[3] or row[5])
               for key, row in notes.items() if key in old)  # a stub filled
    assert any(key not in old and not row[3] and not row[5] and row[4]
               for key, row in notes.items())  # a new stub with its summary line
    assert expected["trash"] == start["trash"]


def test_links_rewritten_take_the_ids_one_note_at_a_time_gave(tmp_path, monkeypatch):
    """A new note's links, then a note's links rewritten that held the highest link ids:
    the new note's links are written first, as they were."""
    a, b, x, new = (_title(i) for i in range(4))
    before = LibraryDocument((
        NoteRecord(a, "A.", "", f"See [[{b}]].", (b,), ("b says",)),
        NoteRecord(x, "X.", "", f"See [[{a}]] and [[{b}]].", (a, b), (None, "b says")),
    ))
    document = LibraryDocument((
        NoteRecord(new, "New.", "", f"See [[{a}]].", (a,), ("a says",)),
        NoteRecord(x, "X.", "", f"See [[{b}]].", (b,), ("b says",)),
    ))
    outcome, _start, expected = _import_both_ways(tmp_path, monkeypatch, before, document)
    assert outcome[:2] == ("imported", 1)
    ids = {row[1]: row[0] for row in expected["note"]}
    assert [row[1:] for row in expected["link"]] == [
        (ids[a], ids[b], 1, "b says"), (ids[new], ids[a], 1, "a says"),
        (ids[x], ids[b], 1, "b says")]
