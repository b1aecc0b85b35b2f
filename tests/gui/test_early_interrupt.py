"""Ctrl+C while notegui is still starting (importing, before the window's own handling of
signals is in place) ends it as a later Ctrl+C does: exit code 130, no traceback, the
library untouched."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from notegui import app
from notegui.launch import EarlyInterrupt
from session_signals import child_with_default_signals, python_ctrl_c

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc, sends SIGINT")


def interrupted_once_loaded(db: Path, library_code: str, *args: str
                            ) -> subprocess.CompletedProcess[str]:
    """``notegui --db DB ARGS`` in a process of its own, interrupted as soon as a shared
    library whose name holds ``library_code`` is mapped (that is, mid-start)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "notegui", "--db", str(db), *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=child_with_default_signals())
    maps = Path(f"/proc/{child.pid}/maps")
    deadline = time.monotonic() + 60
    try:
        while child.poll() is None and time.monotonic() < deadline:
            try:
                if library_code in maps.read_text():
                    break
            except OSError:
                pass
            time.sleep(0.002)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("loaded", ["_sqlite3", "libQt6Core"])
def test_ctrl_c_while_the_window_starts_ends_it_quietly(tmp_path, loaded):
    db = tmp_path / "library.sqlite3"
    app.create_demo_library(db).close()
    before = digest(db)
    result = interrupted_once_loaded(db, loaded)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    assert digest(db) == before
    assert not db.with_name(db.name + ".lock").exists()


def test_ctrl_c_while_a_command_starts_says_interrupted(tmp_path):
    db = tmp_path / "library.sqlite3"
    app.create_demo_library(db).close()
    result = interrupted_once_loaded(db, "_sqlite3", "list")
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() in ("notegui: interrupted", "")  # "" : ended first


def test_early_interrupt_notes_ctrl_c_and_gives_the_handler_back():
    with python_ctrl_c():
        early = EarlyInterrupt()
        os.kill(os.getpid(), signal.SIGINT)  # noted, not raised
        assert early.release() is True
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_command_given_an_early_ctrl_c_stops_before_opening_the_library(tmp_path, capsys):
    db = tmp_path / "library.sqlite3"
    with python_ctrl_c():
        early = EarlyInterrupt()
        os.kill(os.getpid(), signal.SIGINT)
        assert app.main(["--db", str(db), "list"], early) == 130
    assert capsys.readouterr().err == "notegui: interrupted\n"
    assert not db.exists()


def test_an_ignored_ctrl_c_stays_ignored():
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        early = EarlyInterrupt()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGINT)
        assert early.release() is False
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
