"""A window's settings written over the file as another window left it: only what this one
changed, the recent libraries replayed in the order it changed them."""

from __future__ import annotations

from pathlib import Path

from notegui.core import settings as settings_file
from notegui.core.settings import Edits, Settings


def test_only_the_fields_and_notes_a_window_changed_are_written(tmp_path: Path):
    path = tmp_path / "settings.json"
    settings_file.save(Settings(zoom=1, last_note={"/a": 1, "/b": 2}), path)
    mine = settings_file.load(path)

    def another_window(other: Settings) -> None:  # (saving meanwhile)
        other.zoom = 3
        other.last_note["/b"] = 9

    settings_file.update(another_window, path)
    edits = Edits()
    edits.set(mine, theme="dark")
    edits.last_note(mine, "/a", 5)
    settings_file.update(edits.onto(mine), path)
    kept = settings_file.load(path)
    assert (kept.theme, kept.zoom, kept.last_note) == ("dark", 3, {"/a": 5, "/b": 9})


def test_recent_libraries_replay_remembering_forgetting_and_clearing(tmp_path: Path):
    path = tmp_path / "settings.json"
    settings_file.save(Settings(recent_libraries=["/x", "/y"]), path)
    mine = settings_file.load(path)
    settings_file.update(lambda other: settings_file.remember_library(other, "/z"), path)
    edits = Edits()
    edits.forget(mine, "/y")
    edits.remember(mine, "/w")
    settings_file.update(edits.onto(mine), path)
    assert settings_file.load(path).recent_libraries == ["/w", "/z", "/x"]
    edits.forget_all(mine)
    edits.remember(mine, "/v")
    settings_file.update(Edits(recent=edits.recent[-2:]).onto(mine), path)
    assert settings_file.load(path).recent_libraries == ["/v"]
