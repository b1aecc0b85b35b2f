"""The issue-14 render cases at full size, timed: a note body through ``render_note_html``
and into the real answer pane (``AnswerView.show_note`` + one ``processEvents``), each
beside a plain note of the same size measured in the same run.

Run by hand: ``.venv/bin/python tests/stress/render_hostile.py`` (add ``--quick`` for the
smaller half). It prints, per case, the seconds to render, to show, their sum, the same
for the plain note of the same size, and the ratio. It reports and does not judge.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def table(rows: int, columns: int, cell: str = "a") -> str:
    header = "|" + "|".join(f"h{c}" for c in range(columns)) + "|"
    rule = "|" + "|".join("-" for _ in range(columns)) + "|"
    row = "|" + "|".join(cell for _ in range(columns)) + "|"
    return "\n".join([header, rule, *[row] * rows])


def table_of_size(size: int, rows: int = 300, columns: int = 200) -> str:
    """A rows x columns table of about ``size`` characters: 1-character cells make 121 KB,
    wider cells make more."""
    width = max(1, size // (rows * (columns + 1)) - 1)
    return table(rows, columns, "x" * width)


def indented_code(size: int) -> str:
    line = "    x = compute(a, b) + other_value  # a comment"
    return "\n".join([line] * (size // (len(line) + 1)))


def nested_emphasis(depth: int) -> str:
    return "*" * depth + "deep" + "*" * depth


def nested_emphasis_mixed(depth: int) -> str:
    return "".join("*_"[i % 2] + "a " for i in range(depth)) + "x" + "".join(
        " b" + "_*"[i % 2] for i in range(depth))


def plain(size: int) -> str:
    words = "the quick brown fox jumps over the lazy dog and keeps on running "
    line = (words * 4).strip()
    return "\n".join([line] * (size // (len(line) + 1)))


CASES: dict[str, Callable[[], str]] = {
    "table 300x200 (121 KB)": lambda: table(300, 200),
    "table 300x200 (400 KB)": lambda: table_of_size(400_000),
    "table 300x200 (1.4 MB)": lambda: table_of_size(1_400_000),
    "table 300x200 in a list item": lambda: "- item\n\n" + "\n".join(
        "    " + line for line in table(300, 200).split("\n")),
    "indented code 5 MB": lambda: indented_code(5_000_000),
    "emphasis nested 5,000 deep": lambda: nested_emphasis(5_000),
    "emphasis *_ nested 5,000 deep": lambda: nested_emphasis_mixed(5_000),
}
QUICK = ("table 300x200 (121 KB)", "emphasis nested 5,000 deep",
         "emphasis *_ nested 5,000 deep")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the smaller cases")
    parser.add_argument("--render-only", action="store_true",
                        help="time render_note_html alone, not the answer pane")
    args = parser.parse_args()

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "src"))
    from PySide6.QtWidgets import QApplication

    from notegui.core.domain import Note
    from notegui.core.render import pygments_css, render_note_html
    from notegui.gui.answer_view import AnswerView

    app = QApplication.instance() or QApplication([])
    view = AnswerView()
    view.document().setDefaultStyleSheet(pygments_css(False))
    view.resize(900, 700)
    view.show()

    def timed(body: str) -> tuple[float, float, int]:
        note = Note(1, "A hostile note?", "", "", body, "", "")
        start = time.perf_counter()
        html = render_note_html(note, lambda _title: None)
        rendered = time.perf_counter() - start
        if args.render_only:
            return rendered, 0.0, len(html)
        start = time.perf_counter()
        view.show_note(html, {})
        app.processEvents()
        shown = time.perf_counter() - start
        view.show_note("", {})
        app.processEvents()
        return rendered, shown, len(html)

    timed(plain(10_000))  # warm up markdown, Pygments and the view
    print(f"{'case':32} {'size':>9} {'render s':>9} {'show s':>8} {'total s':>8} "
          f"{'plain s':>8} {'ratio':>7}  fallback")
    for name, make in CASES.items():
        if args.quick and name not in QUICK:
            continue
        body = make()
        rendered, shown, _ = timed(body)
        floor_render, floor_shown, _ = timed(plain(len(body)))
        total, floor = rendered + shown, floor_render + floor_shown
        note = Note(1, "A hostile note?", "", "", body, "", "")
        fallback = "notice" if "shown as plain text" in render_note_html(
            note, lambda _title: None) else "-"
        print(f"{name:32} {len(body):>9,} {rendered:>9.3f} {shown:>8.3f} {total:>8.3f} "
              f"{floor:>8.3f} {total / floor:>7.1f}  {fallback}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
