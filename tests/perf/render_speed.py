"""How fast the answer pane's renderer is, by hand:
``.venv/bin/python tests/perf/render_speed.py [--runs N]``.

Renders a 400-word question note (the demo's, with citations and code) and a 20,000-word
one (the bench corpus's large note), each as a question note and as plain markdown, and
reports the median and p95 against a floor measured in the same run: bare markdown-it-py
(``MarkdownIt("commonmark").render``) of the same text. Budgets (issue 17): 400 words
p95 <= 5 ms, 20,000 words <= 100 ms. CPU time of this thread, so a busy machine bends the
figures less. Run against an older checkout (``PYTHONPATH=OLD/src``) for a before figure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))

from corpus import Corpus  # noqa: E402
from markdown_it import MarkdownIt  # noqa: E402

from notegui.core.domain import NoteRef  # noqa: E402
from notegui.core.formats.question_note import parse  # noqa: E402
from notegui.core.render import render_body  # noqa: E402


def resolve(title: str) -> NoteRef | None:
    return NoteRef(7, title, "A summary.", False)


def times(function: Callable[[], object], runs: int) -> list[float]:
    function()  # warm up
    out = []
    for _ in range(runs):
        start = time.thread_time()
        function()
        out.append((time.thread_time() - start) * 1000)
    return sorted(out)


def p95(values: list[float]) -> float:
    return values[min(len(values) - 1, int(len(values) * 0.95))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="runs of the small note")
    args = parser.parse_args()
    small = parse((ROOT / "resources" / "demo" / "cot-generalization.txt").read_bytes()).body
    large = parse(Corpus(20, large=1).note(0).text.encode()).body
    floor = MarkdownIt("commonmark", {"html": False})
    try:
        from notegui.core.render import MARKDOWN, QUESTION_NOTE
        flavours: list[tuple[str, dict[str, str]]] = [
            ("question note", {"flavour": QUESTION_NOTE}), ("markdown", {"flavour": MARKDOWN})]
    except ImportError:  # a checkout from before the flavours
        flavours = [("question note", {})]
    print(f"{'note':<34}{'median ms':>10}{'p95 ms':>9}{'floor p95':>10}{'ratio':>7}{'budget':>8}")
    for name, body, runs, budget in (
            (f"{len(small.split())} words", small, args.runs, 5.0),
            (f"{len(large.split())} words", large, max(10, args.runs // 10), 100.0)):
        floor_times = times(lambda text=body: floor.render(text), runs)
        for flavour, options in flavours:
            measured = times(lambda text=body, o=options: render_body(text, resolve, **o), runs)
            mark = "ok" if p95(measured) <= budget else "OVER"
            print(f"{name + ', ' + flavour:<34}{statistics.median(measured):>10.2f}"
                  f"{p95(measured):>9.2f}{p95(floor_times):>10.2f}"
                  f"{p95(measured) / p95(floor_times):>7.1f}{budget:>6.0f} {mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
