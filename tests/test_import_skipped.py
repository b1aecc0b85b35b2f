"""What an import of a folder leaves out, said by kind; a folder with nothing to import is
a failure that says what the folder holds, never "0 imported" with exit 0."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import write_note
from notegui.app import main
from notegui.core import import_listing

MARKDOWN_WHY = ("markdown files are not imported yet (notegui imports question-note .txt "
                "files, notegui JSON and W3C annotations)")


def notegui(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main([str(arg) for arg in args])
    return code, capsys.readouterr().out


def vault(folder: Path) -> Path:
    """A small vault as Obsidian leaves one: notes, attachments, its own hidden folders."""
    for name in ["Home.md", "ideas/One.md", "ideas/Two.md"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("---\ntitle: x\n---\n# Heading\n[[One]]\n")
    (folder / "assets").mkdir()
    for name in ["assets/a.png", "assets/b.JPG", "assets/c.svg", "paper.pdf"]:
        (folder / name).write_bytes(b"\x89PNG")
    for name in [".obsidian/app.json", ".obsidian/plugins/x/main.js", ".git/HEAD",
                 ".git/notes.txt", ".trash/Old.md", ".DS_Store"]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x")
    return folder


def test_a_vault_with_no_note_file_fails_saying_what_it_holds(tmp_path, capsys):
    folder = vault(tmp_path / "vault")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", folder)
    assert code == 1
    lines = out.splitlines()
    # Hidden folders are neither walked nor counted (.git/notes.txt is not imported).
    assert lines[0] == (f"{folder}: nothing to import: it holds 3 markdown files, 3 images "
                        f"and 1 PDF and no question-note .txt file; {MARKDOWN_WHY}; images "
                        "and PDFs are not notes")
    assert lines[-1] == "0 imported, 0 unchanged, 0 refused; 0 new notes, 0 in the library"


def test_an_empty_folder_fails_saying_it_holds_no_files(tmp_path, capsys):
    folder = tmp_path / "empty"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "a.txt").write_text("Why?\n")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", folder)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{folder}: nothing to import: it holds no files")


def test_files_left_out_beside_notes_are_counted_by_kind_with_their_reasons(tmp_path, capsys):
    folder = vault(tmp_path / "vault")
    write_note(folder, "q.txt", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    (folder / "export.json").write_text("{}")
    (folder / "notes.docx").write_bytes(b"PK")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", folder)
    assert code == 0  # (left out is not refused: the notes imported)
    lines = out.splitlines()
    assert lines[0] == f"imported {folder / 'q.txt'}"
    assert lines[-2] == (
        "3 markdown files, 3 images, 1 PDF, 1 JSON file and 1 other file skipped: "
        f"{MARKDOWN_WHY}; images and PDFs are not notes; JSON files in a folder are not "
        "read (give a notegui JSON or W3C annotation file by name); other files are not "
        "question-note .txt files")
    assert lines[-1] == "1 imported, 0 unchanged, 0 refused; 1 new notes, 1 in the library"


def test_a_tree_deeper_than_the_recursion_limit_and_a_link_loop_are_walked(tmp_path):
    folder = tmp_path / "deep"
    folder.mkdir()
    inner = str(folder)
    for _ in range(1200):  # (the walk recursed before: 1,000 levels raised RecursionError)
        inner += "/d"
        os.mkdir(inner)  # (os.makedirs recurses too)
    inner = Path(inner)
    (inner / "n.txt").write_text("Why?\n")
    (inner / "n.md").write_text("x")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (inner / "back").symlink_to(folder, target_is_directory=True)
    try:
        listing = import_listing.list_files([folder])
    finally:
        _remove_bottom_up(folder)  # (pytest's rmtree of the temporary folder recurses)
    assert listing.files == [str(inner / "n.txt")]
    assert listing.skipped.counts[import_listing.MARKDOWN] == 1
    assert listing.skipped.total == 1  # (links to folders: not followed, not counted)


def _remove_bottom_up(folder: Path) -> None:
    """rm -r without recursion (os.walk and shutil.rmtree recurse, one level a call)."""
    stack, folders = [str(folder)], []
    while stack:
        current = stack.pop()
        folders.append(current)
        for entry in os.scandir(current):
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            else:
                os.unlink(entry.path)
    for current in reversed(folders):
        os.rmdir(current)


def test_a_markdown_file_given_by_name_is_refused_as_markdown_not_as_a_bad_question(
        tmp_path, capsys):
    page = tmp_path / "Home.md"
    page.write_text("---\ntitle: Home\ntags: [a]\n---\n# Home\nSee [[Other]].\n")
    note = write_note(tmp_path, "q.txt", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", page, note)
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        f"refused {page}: a markdown file: not imported yet (notegui imports question-note "
        ".txt files, notegui JSON and W3C annotations)",
        f"imported {note}",
        "1 imported, 0 unchanged, 1 refused; 1 new notes, 1 in the library"]


def test_a_question_note_saved_as_markdown_still_imports(tmp_path, capsys):
    page = write_note(tmp_path, "q.md", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", page)
    assert (code, out.splitlines()[0]) == (0, f"imported {page}")
