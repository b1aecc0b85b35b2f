"""The import's results show each refusal whole, wrapped at the dialog's width: a path and
its reason run longer than the dialog (the refusal of a second file of one title was cut)."""

from __future__ import annotations

from notegui.core.domain import ImportOutcome
from notegui.gui.import_dialog import ImportResults, ImportSummary

REASON = ("a note titled 'Why does reasoning transfer across different numbers but factual "
          "recall does not?' was already imported from first-copy.txt in this import; "
          "this later file was not imported")


def test_a_long_refusal_is_wrapped_whole_within_the_dialog(qtbot):
    summary = ImportSummary()
    summary.add(ImportOutcome("/home/someone/notes/a-folder/second-copy.txt", "refused",
                              REASON))
    results = ImportResults(summary)
    qtbot.addWidget(results)
    results.show()
    qtbot.waitExposed(results)
    view = results.list
    item_rect = view.visualRect(view.model().index(0, 0))
    line = view.fontMetrics().height()
    assert item_rect.height() >= 2 * line  # (wrapped onto more lines)
    assert item_rect.right() <= view.viewport().width()  # (no line runs past the edge)
    assert not view.horizontalScrollBar().isVisible()
    assert view.item(0).text().endswith("this later file was not imported")
