"""Run the real `notegui` command line and SIGKILL it at the Nth file-system step of a folder
export (a `kill -9` at a chosen moment, deterministic). Used by tests/test_atomic_export.py
and tests/stress/hostile_cli.py:

    python tests/export_killer.py N TRACE -- --db LIB export --format markdown -o FOLDER

N = 0 never kills. TRACE gets one line per step (its name), so a first run with N = 0 tells
how many steps there are and where the swap is. No hook in notegui itself: the steps are the
os functions and the swap, wrapped here while the folder is being written.
"""

from __future__ import annotations

import builtins
import os
import signal
import sys
from typing import Any

STEPS = ("mkdir", "link", "rename", "replace", "unlink", "rmdir", "chmod")


def main() -> int:
    kill_at, trace_path = int(sys.argv[1]), sys.argv[2]
    arguments = sys.argv[sys.argv.index("--") + 1:]

    from notegui import app, cli
    from notegui.core import files

    trace = open(trace_path, "w", encoding="utf-8")  # noqa: SIM115 (open till the end)
    state = {"active": False, "count": 0}

    def step(name: str) -> None:
        if not state["active"]:
            return
        state["count"] += 1
        trace.write(name + "\n")
        trace.flush()
        if state["count"] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def wrap(name: str, function: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            step(name)
            return function(*args, **kwargs)
        return wrapped

    for name in STEPS:
        setattr(os, name, wrap(name, getattr(os, name)))
    real_open = builtins.open

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wxa"):
            step("open-for-writing")
        return real_open(file, mode, *args, **kwargs)

    builtins.open = counting_open
    if hasattr(files, "_exchange"):
        files._exchange = wrap("exchange", files._exchange)
    real_write_folder = cli.write_folder

    def write_folder(*args: Any, **kwargs: Any) -> Any:
        state["active"] = True
        try:
            return real_write_folder(*args, **kwargs)
        finally:
            state["active"] = False

    cli.write_folder = write_folder
    return app.main(arguments)


if __name__ == "__main__":
    sys.exit(main())
