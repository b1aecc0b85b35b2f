"""Drafts: saved, loaded, discarded per library and note; a damaged draft file is set aside,
never a reason for the app not to start."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from notegui.core import paths
from notegui.core.drafts import Draft, DraftError, DraftStore, default_drafts_dir, library_key


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


def draft(note_id: int = 7, body: str = "An unsaved body, *with* [[a link]].",
          saved_at: str = "2025-01-02T03:04:05Z") -> Draft:
    return Draft(note_id=note_id, title="Does it survive a crash?", description="Yes — ü",
                 summary="It does.", body=body, saved_at=saved_at)


def test_a_saved_draft_loads_back_equal(store, lib):
    written = store.save(lib, draft())
    assert written.parent == store.folder
    assert written.name.startswith("library-") and written.name.endswith("-7.json")
    assert store.load(lib) == [draft()]
    assert json.loads(written.read_text(encoding="utf-8"))["library"] == str(lib.resolve())


def test_one_draft_a_note_the_newest_first(store, lib):
    store.save(lib, draft(7, "first"))
    store.save(lib, draft(7, "second", saved_at="2025-01-02T03:04:09Z"))
    store.save(lib, draft(0, "a new note", saved_at="2025-01-02T03:04:07Z"))
    assert [(d.note_id, d.body) for d in store.load(lib)] == [(7, "second"), (0, "a new note")]


def test_saved_at_defaults_to_now_in_utc():
    stamp = Draft(note_id=1, title="t").saved_at
    assert stamp.endswith("Z") and "T" in stamp


def discard_all(store, library) -> None:
    for kept in store.load(library):
        store.discard(library, kept.note_id)


def test_drafts_are_per_library(store, lib, tmp_path):
    other = tmp_path / "elsewhere" / "library.sqlite3"  # the same name, another library
    store.save(lib, draft(7))
    store.save(other, draft(8))
    assert library_key(lib) != library_key(other)
    assert [d.note_id for d in store.load(lib)] == [7]
    assert [d.note_id for d in store.load(other)] == [8]
    discard_all(store, lib)
    assert store.load(lib) == []
    assert [d.note_id for d in store.load(other)] == [8]


def test_the_same_library_by_another_path_finds_its_drafts(store, lib, tmp_path):
    lib.touch()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(lib)
    store.save(link, draft())
    assert store.load(lib) == [draft()]


def test_discard_one(store, lib):
    store.save(lib, draft(7))
    store.save(lib, draft(9))
    store.discard(lib, 7)
    store.discard(lib, 12345)  # none: nothing to do
    assert [d.note_id for d in store.load(lib)] == [9]


def test_no_folder_yet_means_no_drafts(store, lib):
    assert not store.folder.exists()
    assert store.load(lib) == []
    discard_all(store, lib)


@pytest.mark.parametrize("content", [
    "{ not json", "[]", '{"format": "something else"}',
    '{"format": "notegui-draft", "version": 1, "note_id": "7"}',
    '{"format": "notegui-draft", "version": 99, "note_id": 7}',
    b"\xff\xfe not utf-8",
])
def test_a_damaged_draft_is_set_aside_with_a_warning(store, lib, content, caplog):
    store.save(lib, draft(9))
    damaged = store.save(lib, draft(7))
    if isinstance(content, bytes):
        damaged.write_bytes(content)
    else:
        damaged.write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="notegui"):
        loaded = store.load(lib)
    assert [d.note_id for d in loaded] == [9]
    assert not damaged.exists()
    assert damaged.with_name(damaged.name + ".bad").exists()
    assert str(damaged) in caplog.text
    assert store.load(lib) == loaded  # set aside once, then ignored


def test_a_draft_that_cannot_be_written_says_where(tmp_path, lib):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(DraftError, match=str(blocked)):
        DraftStore(blocked).save(lib, draft())


def test_a_negative_note_id_is_a_programming_error(store, lib):
    with pytest.raises(ValueError):
        store.save(lib, draft(-1))


def test_default_folder_is_in_the_data_folder():
    assert default_drafts_dir() == paths.data_dir() / "drafts"
    assert DraftStore().folder == default_drafts_dir()
