"""What the outline adds to opening a note, through the real MainWindow (offscreen): notes
of about 400 words with eight headings each, opened by selecting their row, with the
outline (its headings read from the rendered note and listed) and without it (the floor:
the same window, the same notes, the outline not filled), in alternate rounds; and what
marking the heading being read costs at each stop of the scrolling.

    python tests/perf/outline_bench.py [--notes 200] [--rounds 4] [--out RESULT.json]

The bench library's notes (tests/perf/corpus.py) have no headings, so gui_bench.py's open
figure shows the outline's cost for a note without any (a scan for an anchor); this shows
it for notes that have them. A ratio, never a timed assert. Importing this does nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from gui_bench import percentile  # (run as a script: tests/perf is on the path)

WORDS = ["reasoning", "transfer", "model", "training", "corpus", "evidence", "example",
         "procedure", "answer", "question", "memory", "recall", "factual", "numbers",
         "domain", "step", "method", "result", "study"]


def body(number: int) -> str:
    """About 400 words under eight headings (levels 2 and 3), citing the two notes made
    before it."""
    lines = []
    for part in range(8):
        level = "##" if part % 3 == 0 else "###"
        lines.append(f"{level} Part {part} of note {number}: {WORDS[(number + part) % len(WORDS)]}")
        words = [WORDS[(number * 7 + part * 3 + i) % len(WORDS)] for i in range(50)]
        lines.append(" ".join(words) + ".")
    lines.append(f"See [[Which note is number {max(0, number - 1)}?]] and "
                 f"[[Which note is number {max(0, number - 2)}?]].")
    return "\n".join(lines)


def run(notes: int, rounds: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from notegui.core.settings import Settings
    from notegui.gui.main_window import MainWindow
    from notegui.store.library import SqliteLibrary

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="notegui-outline-bench-"))
    library = SqliteLibrary(folder / "library.sqlite3")
    ids = [library.create_note(f"Which note is number {n}?", "", "", body(n))[0]
           for n in range(notes)]
    # (the window starts elsewhere: the first note timed is opened too)
    start_id, _ = library.create_note("Is this where the bench starts?", "", "", "Yes.")
    window = MainWindow(library, Settings(), open_library=SqliteLibrary,
                        new_library=SqliteLibrary, save_settings=False, start_note=start_id)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    shown_outline = window._show_outline
    timed: dict[str, list[float]] = {"outline": [], "floor": []}
    listed = 0
    for round_number in range(rounds):
        mode = "outline" if round_number % 2 == 0 else "floor"
        window._show_outline = shown_outline if mode == "outline" else (  # type: ignore[method-assign]
            lambda _found: None)
        window._show_outline(())
        for note_id in ids:
            index = window.model.index(window.model.row_of(note_id))
            start = time.perf_counter()
            window.list.setCurrentIndex(index)
            app.processEvents()
            timed[mode].append(time.perf_counter() - start)
            if mode == "outline":
                listed += window.outline.count() == 8
    window._show_outline = shown_outline  # type: ignore[method-assign]
    # The reading mark: each scroll stop looks up where the headings are.
    window.open_note(ids[0])
    app.processEvents()
    bar = window.answer.verticalScrollBar()
    marking = []
    for step in range(200):
        bar.setValue(bar.maximum() * (step % 20) // 19)
        start = time.perf_counter()
        window.reading_mark.update()
        marking.append(time.perf_counter() - start)
    window.close()
    library.close()

    def ms(values: list[float], q: float) -> float:
        return round(percentile(values, q) * 1000, 3)

    return {
        "notes": notes, "rounds": rounds,
        "outline_listed_each_note": listed == len(ids) * ((rounds + 1) // 2),
        "open_with_outline_p50_ms": ms(timed["outline"], 50),
        "open_with_outline_p95_ms": ms(timed["outline"], 95),
        "open_floor_p50_ms": ms(timed["floor"], 50),
        "open_floor_p95_ms": ms(timed["floor"], 95),
        "open_p95_ratio": round(percentile(timed["outline"], 95)
                                / percentile(timed["floor"], 95), 3),
        "reading_mark_p50_ms": ms(marking, 50),
        "reading_mark_p95_ms": ms(marking, 95),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=200, help="notes opened a round (200)")
    parser.add_argument("--rounds", type=int, default=4,
                        help="rounds, alternately with and without the outline (4)")
    parser.add_argument("--out", type=Path, help="write the results here as JSON")
    args = parser.parse_args(argv)
    result = run(args.notes, args.rounds)
    text = json.dumps(result, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
