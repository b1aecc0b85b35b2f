"""notegui export --format pdf: one note, or a set with a table of contents, its citations
links inside the PDF, page numbers; refusals say why and write nothing. The PDF is read back
with pypdf: its text, its links and the pages their destinations are on."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from notegui.app import main
from publishing import CITED, CITING, HOSTILE, OUTSIDE, flat, read_pdf, small_library

# The export makes a bare QGuiApplication when none runs (a command has no widgets); made
# first here, the tests' QApplication is the one every later test of this process finds.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite3"
    small_library(path).close()
    return path


def export(capsys, db: Path, *args: str | Path) -> tuple[int, str, str]:
    code = main(["--db", str(db), "export", "--format", "pdf", *map(str, args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_tag_makes_a_book_with_contents_links_to_pages_and_page_numbers(
        capsys, db, tmp_path):
    out = tmp_path / "book.pdf"
    code, said, err = export(capsys, db, "--tag", "paper", "-o", out)
    assert (code, err) == (0, "")
    texts, links, destinations = read_pdf(out)
    assert said == f"wrote 2 notes on {len(texts)} pages to {out}\n"
    contents = flat(texts[0])
    assert contents.startswith(flat("Notes tagged #paper Contents"))
    # In title order, each with the page its note starts on; the note is on that page.
    assert contents.index(flat(CITED)) < contents.index(flat(CITING))
    for title in (CITED, CITING):
        words = r"\s+".join(map(re.escape, title.split()))
        page = int(re.search(words + r"\s+([0-9]+)\s", texts[0]).group(1))
        assert page > 1 and flat(texts[page - 1]).startswith(flat(title))
    # Every page numbered at its foot.
    for number, text in enumerate(texts, start=1):
        assert flat(text).endswith(f"{number}/{len(texts)}")
    # Each contents line, and the citation of CITED in CITING, jumps to that note's page.
    inside = [link for link in links if link.dest]
    assert {link.dest for link in inside if link.page == 0} == set(destinations)
    for link in inside:
        assert link.dest in destinations
        page = flat(texts[destinations[link.dest]])
        assert page.startswith(flat(CITED)) or page.startswith(flat(CITING))
    citing_page = next(i for i, text in enumerate(texts)
                       if flat(text).startswith(flat(CITING)))
    from_text = [link for link in inside if link.page == citing_page]
    assert from_text and all(
        flat(texts[destinations[link.dest]]).startswith(flat(CITED)) for link in from_text)
    # A note outside the book is text, not a link; the web link stays a web link.
    assert flat(OUTSIDE) in flat(texts[citing_page])
    assert len(destinations) == 2
    assert [link.uri for link in links if link.uri] == ["https://example.org/x"]


def test_one_note_is_the_note_alone_without_contents(capsys, db, tmp_path):
    out = tmp_path / "one.pdf"
    code, said, _ = export(capsys, db, "--note", CITING.upper(), "-o", out)
    assert code == 0 and said == f"wrote 1 note on 1 page to {out}\n"
    texts, links, _ = read_pdf(out)
    text = flat(texts[0])
    assert text.startswith(flat(CITING + " Citations in a PDF are links to pages."))
    assert "Contents" not in text and text.endswith("1/1")
    assert "Sources" in text and flat(CITED) in text
    assert not [link for link in links if link.dest]  # (nothing inside to lead to)


def test_a_search_prints_its_notes_best_first_with_hostile_text_as_text(capsys, db, tmp_path):
    out = tmp_path / "found.pdf"
    code, said, _ = export(capsys, db, "--search", "citations", "-o", out)
    assert code == 0 and said.startswith("wrote 2 notes")
    texts, _, _ = read_pdf(out)
    contents = flat(texts[0])
    assert contents.startswith(flat("Notes found by \u201ccitations\u201d Contents"))
    assert contents.index(flat(CITING)) < contents.index(flat(HOSTILE))  # (its markup
    # shown as written, not applied)
    code, said, _ = export(capsys, db, "--search", "script", "-o", out)  # (found alone)
    assert code == 0 and said.startswith("wrote 1 note on 1 page")
    assert flat(read_pdf(out)[0][0]).startswith(flat(HOSTILE))


@pytest.mark.parametrize(("args", "message"), [
    ((), "needs one of --note TITLE, --tag TAG or --search QUERY"),
    (("--note", "x", "--tag", "paper"), "needs one of --note TITLE"),
    (("--note", "No such note"), "no note titled 'No such note'"),
    (("--tag", "nothing"), "no notes for the tag 'nothing': nothing written"),
    (("--search", "zzzzq"), "no notes for the search 'zzzzq'"),
])
def test_what_cannot_be_printed_is_said_and_nothing_written(capsys, db, tmp_path, args,
                                                            message):
    out = tmp_path / "x.pdf"
    code, said, err = export(capsys, db, *args, "-o", out)
    assert code == 1 and said == "" and message in err
    assert list(tmp_path.iterdir()) == [db]


def test_bad_output_paths_are_refused_before_anything_is_written(capsys, db, tmp_path):
    code, _, err = export(capsys, db, "--tag", "paper")
    assert code == 1 and "export --format pdf needs -o FILE.pdf" in err
    code, _, err = export(capsys, db, "--tag", "paper", "-o", tmp_path)
    assert code == 1 and f"{tmp_path} is a folder: give a file name" in err
    missing = tmp_path / "no" / "such" / "x.pdf"
    code, _, err = export(capsys, db, "--tag", "paper", "-o", missing)
    assert code == 1 and f"{missing.parent} does not exist" in err
    assert list(tmp_path.iterdir()) == [db]
    code, _, err = main_export_text_with_tag(capsys, db)
    assert code == 1 and "--tag and --search choose the notes of a PDF" in err


def main_export_text_with_tag(capsys, db: Path) -> tuple[int, str, str]:
    code = main(["--db", str(db), "export", "--format", "json", "--tag", "paper"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_pdf_replaces_an_older_one_whole(capsys, db, tmp_path):
    out = tmp_path / "book.pdf"
    out.write_bytes(b"old")
    assert export(capsys, db, "--note", CITED, "-o", out)[0] == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf", db.name]


def test_the_command_needs_no_display(db, tmp_path):
    """Run as a real process with no display and no Qt platform set: it makes its own
    offscreen application."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "headless.pdf"
    done = subprocess.run([sys.executable, "-m", "notegui", "--db", str(db), "export",
                           "--format", "pdf", "--note", CITED, "-o", str(out)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
    assert flat(read_pdf(out)[0][0]).startswith(flat(CITED))
