"""Hostile text in the terminal (issue 14, item 13): a title, description, summary, tag or
file name holding escape sequences, a carriage return or bidi overrides is printed escaped
and visible by every human-facing command; --json and export keep the exact text."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from notegui.core.visible_text import visible, visible_lines
from notegui.store.library import SqliteLibrary
from test_cli import notegui as run  # main() run with captured output

RED = "\x1b[31m"  # CSI: recolours
TITLE = f"Why does {RED}red\x1b[0m win \u202eevil\u202c over \u2066isolated\u2069 text?"
CITED = "Why is \x9b2J a C1 CSI dangerous?"
DESCRIPTION = "A title bar \x1b]0;pwned\x07 set, then\rOVERWRITTEN by a CR."
BODY = (f"Line one \x1b[2J clears the screen and cites {CITED}, which matters.\n"
        "Line two has a tab\there and a DEL\x7f.")
SUMMARY = "A summary \u202dforced left-to-right\u202c and a \x1b[5mblink."
FILE_NAME = "evil\x1b[7mname\r.txt"
TAG = "tag\x1b[1m"

# What a terminal must never receive from note text: C0 but tab and line feed, DEL, C1, the bidi
# controls and the line separators.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                 "\u2028\u2029]")


def note_file() -> str:
    return "\n".join([TITLE, DESCRIPTION, BODY, "Sources 1 note", SUMMARY]) + "\n"


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """A library holding the hostile note (imported from a hostile file name), tagged."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(note_file().encode())
    db = tmp_path / "lib.db"
    with SqliteLibrary(db) as library:
        assert [o.status for o in library.import_paths([folder])] == ["imported"]
        library.set_tags(library.find(TITLE).id, [TAG])
    return db, folder


def assert_safe(text: str) -> None:
    found = RAW.search(text)
    assert found is None, f"raw {found.group()!r} in {text!r}"


def test_visible_escapes_controls_and_bidi_and_keeps_the_rest():
    assert visible("Why is café 好?") == "Why is café 好?"
    assert visible(f"a{RED}b\rc\nd\te\x7f\x85\u202e\u2069\u2028\ud800") == (
        "a\\x1b[31mb\\rc\\nd\\te\\x7f\\x85\\u202e\\u2069\\u2028\\ud800")
    assert visible_lines("one\ttab\ntwo\r\x1b[K") == "one\ttab\ntwo\\r\\x1b[K"


def test_list_show_search_print_hostile_text_escaped(hostile, capsys):
    db, _ = hostile
    code, out, err = run(capsys, "--db", db, "list")
    assert code == 0
    assert_safe(out + err)
    assert visible(TITLE) in out.splitlines()
    assert visible(CITED) in out.splitlines()

    code, out, err = run(capsys, "--db", db, "show", TITLE)
    assert code == 0
    assert_safe(out + err)
    assert out.splitlines()[0] == visible(TITLE)
    for field in (DESCRIPTION, f"Tags: {TAG}", "DEL\x7f.", "\x1b[2J clears", CITED, SUMMARY):
        assert visible(field) in out
    assert "a tab\there" in out  # a tab in the body is harmless: kept

    code, out, err = run(capsys, "--db", db, "show", CITED)
    assert code == 0
    assert_safe(out + err)
    assert f"  - {visible(TITLE)}" in out.splitlines()  # cited by

    code, out, err = run(capsys, "--db", db, "search", "evil")
    assert code == 0
    assert_safe(out + err)
    assert "\\x1b" in out and "\\u202e" in out


def test_import_report_escapes_file_names_and_reasons(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(note_file().encode())
    (folder / "bad\u202egnp.txt").write_bytes(b"not a question\x1b[31m\nbody")
    code, out, err = run(capsys, "--db", tmp_path / "lib.db", "import", folder,
                         tmp_path / f"missing{RED}.txt")
    assert code == 1
    assert_safe(out + err)
    lines = out.splitlines()
    assert f"imported {visible(str(folder / FILE_NAME))}" in lines
    assert any(line.startswith(f"refused {folder}/bad\\u202egnp.txt: ") for line in lines)
    assert f"refused {tmp_path}/missing\\x1b[31m.txt: no such file or folder" in lines


def test_errors_from_main_are_escaped(hostile, tmp_path, capsys):
    db, _ = hostile
    code, out, err = run(capsys, "--db", db, "show", f"Why is {RED}nothing\u202e here?")
    assert code == 1
    assert_safe(out + err)
    assert err.startswith("notegui: no note titled ")
    assert "\\x1b[31m" in err

    not_a_folder = tmp_path / f"file{RED}"
    not_a_folder.write_text("")
    code, out, err = run(capsys, "--db", db, "export", "--format", "markdown", "-o",
                         not_a_folder)
    assert code == 1
    assert_safe(out + err)
    assert "file\\x1b[31m exists and is not a folder" in err


def test_check_problems_are_escaped(hostile, capsys):
    db, _ = hostile
    with sqlite3.connect(db) as connection:  # a stale title key: check names the note
        connection.execute("UPDATE note SET title_key = 'stale' WHERE title = ?", (TITLE,))
    code, out, err = run(capsys, "--db", db, "check")
    assert code == 1
    assert_safe(out + err)
    assert "\\x1b[31mred" in out


def test_json_output_and_exports_keep_the_exact_text(hostile, tmp_path, capsys):
    db, _ = hostile
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert code == 0
    assert {row["title"] for row in json.loads(out)} == {TITLE, CITED}

    code, out, _ = run(capsys, "--db", db, "show", TITLE, "--json")
    shown = json.loads(out)
    assert (shown["title"], shown["description"], shown["tags"]) == (TITLE, DESCRIPTION, [TAG])
    assert shown["sources"][0]["summary"] == SUMMARY

    code, out, _ = run(capsys, "--db", db, "search", "evil", "--json")
    assert json.loads(out)[0]["title"] == TITLE

    code, out, _ = run(capsys, "--db", db, "export", "--format", "text", "--note", TITLE)
    assert out == note_file()

    code, out, _ = run(capsys, "--db", db, "export", "--format", "markdown", "-o",
                       tmp_path / f"vault{RED}")
    assert code == 0
    assert_safe(out)
    markdown = "\n".join(p.read_bytes().decode() for p in (tmp_path / f"vault{RED}").glob("*.md"))
    # The exact title in the front matter (YAML escapes the control characters), the
    # heading with markdown's syntax escaped ("\\[31m"), the description as it is.
    fronts = [yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
              for p in (tmp_path / f"vault{RED}").glob("*.md")]
    assert TITLE in [front["title"] for front in fronts]
    assert "# " + TITLE.replace("[", "\\[") + "\n" in markdown
    assert f"\n{DESCRIPTION}\n" in markdown


def test_a_real_terminal_gets_no_raw_escape_bytes(hostile):
    """The bytes a terminal receives, from a real process."""
    db, _ = hostile
    for command in (["list"], ["show", TITLE], ["search", "evil"], ["check"]):
        done = subprocess.run([sys.executable, "-m", "notegui", "--db", str(db), *command],
                              capture_output=True)
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode("utf-8") + done.stderr.decode("utf-8")
        assert_safe(text)
        assert b"\x1b" not in done.stdout and b"\r" not in done.stdout
