"""Shared fixtures: temporary libraries and the sample note. Qt runs offscreen."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from notegui.store.library import SqliteLibrary

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "demo" / "reasoning-transfer.txt"
SAMPLE_TITLE = "Why does reasoning transfer across different numbers but factual recall does not?"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the user's real library, settings and logs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("NOTEGUI_DB", raising=False)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def library(library_path: Path):
    with SqliteLibrary(library_path) as opened:
        yield opened


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


def write_note(folder: Path, name: str, text: str) -> Path:
    """Write a small note file for a test (UTF-8, exactly the given text)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path
