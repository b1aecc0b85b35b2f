"""Imports run without Python's cyclic garbage collector (core/collection.py): its passes
over the notes an import holds took a quarter of a 100,000-file import's time. It is
back, as it was, when the import ends, however it ends."""

from __future__ import annotations

import gc

import pytest

from file_tree import write
from notegui.app import main
from notegui.core.collection import collection_paused
from notegui.store.importing import vault_import


@pytest.fixture(autouse=True)
def collecting():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_in_the_block_and_back_after_it_even_when_it_raises():
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), collection_paused():
        raise KeyError("a failed import")
    assert gc.isenabled()
    gc.disable()  # (one that was off stays off)
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_the_command_line_import_runs_without_the_collector(tmp_path, monkeypatch):
    seen: list[bool] = []
    real = vault_import.VaultImport.run

    def run(self, should_stop):
        seen.append(gc.isenabled())
        yield from real(self, should_stop)

    monkeypatch.setattr(vault_import.VaultImport, "run", run)
    folder = write(tmp_path / "vault", {"A.md": "[[B]]\n", "B.md": "text\n"})
    assert main(["--db", str(tmp_path / "lib.sqlite3"), "import", str(folder)]) == 0
    assert seen == [False]
    assert gc.isenabled()
