"""File ▸ Print… (Ctrl+P): the open note printed as it reads, in the light theme whatever the
window's; the print dialog is replaced by a printer the test sets up to write a PDF file."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from conftest import SAMPLE_CITED, SAMPLE_TITLE
from notegui.gui import printing
from publishing import flat, read_pdf


def to_file(path: Path, asked: list[str]):
    def choose(printer: QPrinter, parent) -> bool:
        asked.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True
    return choose


def test_ctrl_p_prints_the_open_note(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"
    asked: list[str] = []
    monkeypatch.setattr(printing, "choose_printer", to_file(out, asked))
    window.answer.setFocus()
    qtbot.keyClick(window.answer, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [SAMPLE_TITLE]
    texts, _links, _ = read_pdf(out)
    text = flat("".join(texts))
    assert text.startswith(flat(SAMPLE_TITLE)) and flat(SAMPLE_CITED[0]) in text
    assert text.endswith(flat(f"{len(texts)} / {len(texts)}"))
    assert window.statusBar().currentMessage() == (
        f"Printed \u201c{SAMPLE_TITLE}\u201d ({len(texts)} page"
        f"{'s' if len(texts) > 1 else ''}).")


def test_a_dark_window_prints_the_light_theme(qtbot, window, tmp_path, monkeypatch):
    window.actions_by_name["theme_dark"].trigger()
    assert window.dark
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "choose_printer", to_file(out, []))
    window.actions_by_name["print_note"].trigger()
    colours = painted_colours(out)
    assert (9, 105, 218) in colours  # the light theme's links (the citations)
    assert (88, 166, 255) not in colours and (230, 237, 243) not in colours  # the dark's


def painted_colours(path: Path) -> set[tuple[int, int, int]]:
    """The RGB fill colours the PDF's pages paint with (Qt writes ``r g b scn``)."""
    colours = set()
    for page in PdfReader(path).pages:
        stream = page.get_contents().get_data().decode("latin-1")
        for rgb in re.findall(r"([0-9.]+) ([0-9.]+) ([0-9.]+) scn", stream):
            colours.add(tuple(round(float(c) * 255) for c in rgb))
    return colours


def test_print_with_no_note_open_says_so_and_cancel_prints_nothing(
        qtbot, empty_window, tmp_path, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(printing, "choose_printer", to_file(tmp_path / "x.pdf", asked))
    empty_window.actions_by_name["print_note"].trigger()
    assert asked == [] and empty_window.statusBar().currentMessage() == (
        "Open a note to print it.")
    assert not (tmp_path / "x.pdf").exists()


def test_cancelling_the_dialog_prints_nothing(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "choose_printer", lambda printer, parent: False)
    window.actions_by_name["print_note"].trigger()
    assert list(tmp_path.glob("*.pdf")) == []
    assert not window.statusBar().currentMessage().startswith("Printed")
