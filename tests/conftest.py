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
SAMPLE_CITED = [
    "Does procedural knowledge drive reasoning more than factual retrieval?",
    "Why does reasoning training help math but hurt medical tasks?",
    "Does chain-of-thought reasoning actually generalize beyond training data?",
    "Where do memorization errors arise in chain-of-thought reasoning?",
    "Do reasoning traces need to be semantically correct?",
    "Can a single training example unlock mathematical reasoning?",
]


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


_application = None  # (kept alive for the whole session, as pytest-qt keeps its own)


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls, pytestconfig):
    """pytest-qt's application, with the window's catalogues compiled from their .ts
    (scripts/test does it too; a .ts just edited is picked up) and English installed: its
    catalogue holds the English plural forms ("1 note", "2 notes")."""
    import subprocess
    import sys

    from PySide6.QtWidgets import QApplication

    from notegui.gui.i18n import LANGUAGE

    global _application
    subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "build"],
                   check=True, capture_output=True)
    _application = QApplication.instance() or qapp_cls(qapp_args)
    _application.setApplicationName(pytestconfig.getini("qt_qapp_name"))
    LANGUAGE.use("en")
    return _application


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


def shown_window(qtbot, library, start_note: int | None = None):
    """The real main window on ``library``, shown offscreen; closed (with its library)
    after the test."""
    from PySide6.QtWidgets import QApplication

    from notegui.app import open_library
    from notegui.core.settings import Settings
    from notegui.gui.main_window import MainWindow

    shown = MainWindow(library, Settings(theme="light"), open_library, open_library,
                       save_settings=False, start_note=start_note)
    qtbot.addWidget(shown)
    # (the size the window's tests are written for: offscreen's screen is 800 x 600, on
    # which a first start opens smaller)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()
    shown.library.close()
    QApplication.instance().setPalette(QApplication.style().standardPalette())


@pytest.fixture
def window(qtbot, tmp_path: Path):
    """The real main window, shown offscreen, on a fresh demo library, at the sample note."""
    from notegui.app import create_demo_library

    library = create_demo_library(tmp_path / "demo.sqlite3")
    yield from shown_window(qtbot, library, library.find(SAMPLE_TITLE).id)


@pytest.fixture
def empty_window(qtbot, tmp_path: Path):
    """The real main window on a new, empty library."""
    from notegui.app import open_library

    yield from shown_window(qtbot, open_library(tmp_path / "empty.sqlite3"))


def write_note(folder: Path, name: str, text: str) -> Path:
    """Write a small note file for a test (UTF-8, exactly the given text)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def run_and_capture(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> tuple[int, object]:
    """Run `notegui ARGV` up to the event loop; capture the window instead of blocking."""
    from PySide6.QtWidgets import QApplication

    from notegui import app
    from notegui.gui.main_window import MainWindow

    shown: list[MainWindow] = []

    def fake_exec(*_args) -> int:
        shown.extend(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    code = app.main(argv)
    assert shown, "no main window was shown"
    return code, shown[-1]
