"""What an import of a folder leaves out, said by kind; a folder with nothing to import is
a failure that says what the folder holds, never "0 imported" with exit 0."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import write_note
from notegui.app import main
from notegui.core import import_listing

MARKDOWN_WHY = ("markdown files are not question notes (import them as markdown notes "
                "with --format vault)")


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


def test_a_vault_imports_its_notes_and_says_what_else_it_holds(tmp_path, capsys):
    folder = vault(tmp_path / "vault")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", folder)
    assert code == 0
    lines = out.splitlines()
    # Hidden folders are neither walked nor counted (.trash/Old.md is not imported).
    assert lines == ["imported vault/Home.md", "imported vault/ideas/One.md",
                     "imported vault/ideas/Two.md",
                     "vault: 3 images copied, 1 PDF skipped",
                     "3 imported, 0 unchanged, 0 refused; 3 new notes, 3 in the library"]


def test_a_folder_of_images_alone_fails_saying_what_it_holds(tmp_path, capsys):
    folder = tmp_path / "pictures"
    folder.mkdir()
    for name in ["a.png", "b.jpg", "paper.pdf"]:
        (folder / name).write_bytes(b"\x89PNG")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", folder)
    assert code == 1
    assert out.splitlines() == [
        f"{folder}: nothing to import: it holds 2 images and 1 PDF and no markdown note or "
        "question-note .txt file",
        "0 imported, 0 unchanged, 0 refused; 0 new notes, 0 in the library"]


def test_an_empty_folder_fails_saying_it_holds_no_files(tmp_path, capsys):
    folder = tmp_path / "empty"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "a.txt").write_text("Why?\n")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", folder)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{folder}: nothing to import: it holds no files")


def test_files_left_out_beside_notes_are_counted_by_kind(tmp_path, capsys):
    folder = vault(tmp_path / "vault")
    write_note(folder, "q.txt", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    (folder / "export.json").write_text("{}")
    (folder / "notes.docx").write_bytes(b"PK")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", folder)
    assert code == 0  # (left out is not refused: the notes imported)
    lines = out.splitlines()
    # The question note beside the markdown imports as before.
    assert lines[0] == f"imported {folder / 'q.txt'}"
    assert lines[-2] == ("vault: 3 images copied, 1 PDF skipped; 1 JSON file and 1 other "
                         "file skipped (not notes)")
    assert lines[-1] == "4 imported, 0 unchanged, 0 refused; 4 new notes, 4 in the library"


def test_a_folder_imported_as_question_notes_says_why_its_markdown_is_left_out(
        tmp_path, capsys):
    folder = vault(tmp_path / "vault")
    write_note(folder, "q.txt", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", "--format",
                        "question-notes", folder)
    assert code == 0
    assert out.splitlines()[-2:] == [
        f"3 markdown files, 3 images and 1 PDF skipped: {MARKDOWN_WHY}; images and PDFs "
        "are not notes",
        "1 imported, 0 unchanged, 0 refused; 1 new notes, 1 in the library"]


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


def test_a_markdown_file_given_by_name_is_a_note_of_its_folders_vault(tmp_path, capsys):
    page = tmp_path / "Home.md"
    page.write_text("---\ntitle: Home\ntags: [a]\n---\n# Home\nSee [[Other]].\n")
    note = write_note(tmp_path, "q.txt", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", page, note)
    assert code == 0
    assert out.splitlines() == [
        f"imported {note}",
        f"imported {tmp_path.name}/Home.md",
        f"{tmp_path.name}: 0 images copied, 0 PDFs skipped",
        "2 imported, 0 unchanged, 0 refused; 3 new notes, 3 in the library"]  # (+ stub Other)


def test_a_markdown_file_imported_as_a_question_note_is_refused_saying_why(tmp_path, capsys):
    page = tmp_path / "Home.md"
    page.write_text("---\ntitle: Home\n---\n# Home\n")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", "--format",
                        "question-notes", page)
    assert code == 1
    assert out.splitlines()[0] == (
        f"refused {page}: a markdown file: not question notes (import them as markdown "
        "notes with --format vault)")


def test_a_question_note_saved_as_markdown_still_imports(tmp_path, capsys):
    page = write_note(tmp_path, "q.md", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    code, out = notegui(capsys, "--db", tmp_path / "lib.db", "import", page)
    assert (code, out.splitlines()[0]) == (0, f"imported {page}")
