"""How fast the answer pane's renderer is, by hand:
``.venv/bin/python tests/perf/render_speed.py [--runs N]``.

``--json`` prints the figures the benchmark (tests/perf/bench.py) reports.

Renders a 400-word question note (the demo's, with citations and code) and a 20,000-word
one (the bench corpus's large note), each as a question note and as plain markdown, and
reports the median and p95 against a floor measured in the same run: bare markdown-it-py
(``MarkdownIt("commonmark").render``) of the same text. Budgets (issue 17): 400 words
p95 <= 5 ms, 20,000 words <= 100 ms. CPU time of this thread, so a busy machine bends the
figures less. Run against an older checkout (``PYTHONPATH=OLD/src``) for a before figure.
"""

from __future__ import annotations

import argparse
import json
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


def measure(runs: int = 200) -> tuple[dict[str, float], list[str]]:
    """The figures (``render_400_p95_ms``, ``render_20k_p95_ms``: the slower flavour's p95;
    each flavour's and the floors' too) and the table's lines."""
    small = parse((ROOT / "resources" / "demo" / "cot-generalization.txt").read_bytes()).body
    large = parse(Corpus(20, large=1).note(0).text.encode()).body
    floor = MarkdownIt("commonmark", {"html": False})
    try:
        from notegui.core.render import MARKDOWN, QUESTION_NOTE
        flavours: list[tuple[str, dict[str, str]]] = [
            ("question note", {"flavour": QUESTION_NOTE}), ("markdown", {"flavour": MARKDOWN})]
    except ImportError:  # a checkout from before the flavours
        flavours = [("question note", {})]
    figures: dict[str, float] = {}
    lines = [f"{'note':<34}{'median ms':>10}{'p95 ms':>9}{'floor p95':>10}{'ratio':>7}"
             f"{'budget':>8}"]
    for key, name, body, count, budget in (
            ("render_400", f"{len(small.split())} words", small, runs, 5.0),
            ("render_20k", f"{len(large.split())} words", large, max(10, runs // 10), 100.0)):
        floor_times = times(lambda text=body: floor.render(text), count)
        figures[f"{key}_floor_p95_ms"] = round(p95(floor_times), 3)
        worst = 0.0
        for flavour, options in flavours:
            measured = times(lambda text=body, o=options: render_body(text, resolve, **o), count)
            figures[f"{key}_{flavour.split()[0]}_p95_ms"] = round(p95(measured), 3)
            worst = max(worst, p95(measured))
            mark = "ok" if p95(measured) <= budget else "OVER"
            lines.append(f"{name + ', ' + flavour:<34}{statistics.median(measured):>10.2f}"
                         f"{p95(measured):>9.2f}{p95(floor_times):>10.2f}"
                         f"{p95(measured) / p95(floor_times):>7.1f}{budget:>6.0f} {mark}")
        figures[f"{key}_p95_ms"] = round(worst, 3)
    return figures, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="runs of the small note")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures, lines = measure(args.runs)
    print(json.dumps(figures) if args.json else "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
