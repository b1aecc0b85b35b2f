"""How long each hostile markdown shape of tests/test_render.py (DEEP) takes to render,
against a normal note of about 400 words, in both flavours: the CPU time of this thread,
best of a few runs, and the ratio. Quadratic or recursive behaviour was 10,000 times the
normal note and more; the shapes measured at most about 550 times (100,000 citations).

    python tests/perf/hostile_render.py

It reports; it does not judge (the unit tests check that each shape renders inert)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # (tests/: test_render)


def best_time(function: Callable[[], object], repeat: int = 3) -> float:
    """The best CPU time of this thread (wall time varies with the machine's load)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.thread_time()
        function()
        best = min(best, time.thread_time() - start)
    return best


def main() -> int:
    from notegui.core.render import MARKDOWN, render_body
    from test_render import DEEP, demo_note_body, resolve

    normal = demo_note_body()
    for flavour in (None, MARKDOWN):
        extra = {} if flavour is None else {"flavour": flavour}
        render_body(normal, resolve, **extra)  # (the markdown instance and Pygments warm)
        baseline = best_time(lambda extra=extra: render_body(normal, resolve, **extra), 5)
        print(f"{'question note' if flavour is None else 'markdown note'}: a normal note "
              f"{baseline * 1000:.2f} ms")
        for name, body in DEEP.items():
            seconds = best_time(
                lambda body=body, extra=extra: render_body(body, resolve, **extra), 2)
            print(f"  {name:40} {seconds * 1000:9.1f} ms  {seconds / baseline:7.0f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
