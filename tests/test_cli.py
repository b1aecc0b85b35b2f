"""The command line, as a user runs it: output lines and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE, SAMPLE_TITLE, write_note
from notegui import __version__
from notegui.app import main


def notegui(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_done_when_pipeline_round_trips_the_sample(tmp_path: Path):
    """The issue's own check, run as a real process: import, then export equals the file."""
    db = tmp_path / "x.db"
    run = [sys.executable, "-m", "notegui", "--db", str(db)]
    imported = subprocess.run([*run, "import", str(SAMPLE)], capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr
    exported = subprocess.run(
        [*run, "export", "--format", "text", "--note", SAMPLE_TITLE], capture_output=True
    )
    assert exported.returncode == 0
    assert exported.stdout == SAMPLE.read_bytes() + b"\n"


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"notegui {__version__}"


@pytest.mark.parametrize("command", ["import", "export", "list", "search", "show", "check"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert f"usage: notegui {command}" in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--format", "docx"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_import_reports_each_file_and_a_total(tmp_path, capsys):
    folder = tmp_path / "notes"
    write_note(folder, "a.txt", "Why is the sky blue?\nLight scatters.\nRayleigh scattering.")
    write_note(folder, "sub/b.txt", "Why is the sea salty?\nRivers carry salt.\nEvaporation.")
    write_note(folder, "bad.txt", "not a question\nbody")
    (folder / "ignored.md").write_text("# not imported")
    db = tmp_path / "lib.db"
    code, out, _ = notegui(capsys, "--db", db, "import", folder)
    assert code == 1  # one file refused
    lines = out.splitlines()
    assert f"imported {folder / 'a.txt'}" in lines
    assert f"imported {folder / 'sub' / 'b.txt'}" in lines
    assert f"refused {folder / 'bad.txt'}: line 1 is not a question ending in '?'" in lines
    assert not any("ignored.md" in line for line in lines)
    assert lines[-1] == "2 imported, 0 unchanged, 1 refused; 2 new notes, 2 in the library"

    code, out, _ = notegui(capsys, "--db", db, "import", folder / "a.txt")
    assert code == 0
    assert out.splitlines()[0] == f"unchanged {folder / 'a.txt'}"


def test_import_of_a_missing_path_is_refused(tmp_path, capsys):
    code, out, _ = notegui(capsys, "--db", tmp_path / "lib.db", "import", tmp_path / "nope.txt")
    assert code == 1
    assert f"refused {tmp_path / 'nope.txt'}: no such file or folder" in out


def test_import_warns_when_sources_do_not_pair_up(tmp_path, capsys):
    path = write_note(
        tmp_path, "w.txt",
        "Why does it rain?\nWeather.\nClouds form as noted in Does air cool as it rises?.\n"
        "Sources 2 notes\nAir cools.\nSomething else.",
    )
    code, out, _ = notegui(capsys, "--db", tmp_path / "lib.db", "import", path)
    assert code == 0
    assert (f"warning: {path} line 4: 'Sources 2 notes', but the body cites 1 distinct "
            "title(s); kept as written, 0 citation(s) of notes already in the library "
            "linked") in out


def test_list_and_list_json(tmp_path, capsys):
    db = tmp_path / "lib.db"
    notegui(capsys, "--db", db, "import", SAMPLE)
    code, out, _ = notegui(capsys, "--db", db, "list")
    assert code == 0
    titles = out.splitlines()
    assert len(titles) == 7
    assert titles == sorted(titles, key=str.casefold)
    code, out, _ = notegui(capsys, "--db", db, "list", "--json")
    rows = json.loads(out)
    assert sum(row["stub"] for row in rows) == 6
    assert {row["title"] for row in rows} == set(titles)


def test_show_lists_sources_in_order_and_backlinks(tmp_path, capsys):
    db = tmp_path / "lib.db"
    notegui(capsys, "--db", db, "import", SAMPLE)
    code, out, _ = notegui(capsys, "--db", db, "show", SAMPLE_TITLE.upper())
    assert code == 0
    assert out.startswith(SAMPLE_TITLE + "\n")
    assert "Sources (6):" in out
    first = out.index("1. Does procedural knowledge drive reasoning")
    last = out.index("6. Can a single training example unlock mathematical reasoning? (stub)")
    assert first < last
    code, out, _ = notegui(capsys, "--db", db, "show", "--json",
                           "Do reasoning traces need to be semantically correct?")
    shown = json.loads(out)
    assert shown["stub"] is True
    assert [c["title"] for c in shown["cited_by"]] == [SAMPLE_TITLE]
    assert shown["cited_by"][0]["summary"].startswith("Models trained on systematically")


def test_show_unknown_title_suggests_close_matches(tmp_path, capsys):
    db = tmp_path / "lib.db"
    notegui(capsys, "--db", db, "import", SAMPLE)
    code, _, err = notegui(capsys, "--db", db, "show", "procedural knowledge")
    assert code == 1
    assert "no note titled 'procedural knowledge'; did you mean: Does procedural" in err


def test_search_ranks_title_match_above_body_match(tmp_path, capsys):
    db = tmp_path / "lib.db"
    body_match = write_note(
        tmp_path, "body.txt",
        "Why do birds migrate?\nSeasonal travel.\nSome say glaciers shaped their routes.",
    )
    title_match = write_note(
        tmp_path, "title.txt", "How do glaciers move?\nIce flow.\nIce deforms under its weight."
    )
    notegui(capsys, "--db", db, "import", body_match, title_match)
    code, out, _ = notegui(capsys, "--db", db, "search", "glaciers", "--json")
    assert code == 0
    hits = json.loads(out)
    assert [h["title"] for h in hits] == ["How do glaciers move?", "Why do birds migrate?"]
    assert "[glaciers]" in hits[1]["snippet"]


def test_search_handles_fts_syntax_and_prefixes(tmp_path, capsys):
    db = tmp_path / "lib.db"
    notegui(capsys, "--db", db, "import", SAMPLE)
    for query in ['covid-19 "', "AND OR NOT", "*", "(", "procedur"]:
        code, _, err = notegui(capsys, "--db", db, "search", query)
        assert code == 0, (query, err)
    _, out, _ = notegui(capsys, "--db", db, "search", "procedur", "--limit", "1")
    assert out.startswith("1. Does procedural knowledge drive reasoning")
    code, out, _ = notegui(capsys, "--db", db, "search", "zebra")
    assert out.strip() == "no matches"


def test_export_text_to_file_and_errors(tmp_path, capsys):
    db = tmp_path / "lib.db"
    notegui(capsys, "--db", db, "import", SAMPLE)
    target = tmp_path / "out" / "note.txt"
    code, _, _ = notegui(capsys, "--db", db, "export", "--format", "text",
                         "--note", SAMPLE_TITLE, "-o", target)
    assert code == 0
    assert target.read_bytes() == SAMPLE.read_bytes() + b"\n"
    code, _, err = notegui(capsys, "--db", db, "export", "--format", "text")
    assert code == 1 and "needs --note TITLE" in err
    code, _, err = notegui(capsys, "--db", db, "export", "--format", "markdown")
    assert code == 1 and "needs -o FOLDER" in err


def test_failed_export_write_names_the_file_and_keeps_the_old_one(tmp_path, capsys):
    db = tmp_path / "lib.db"
    notegui(capsys, "--db", db, "import", SAMPLE)
    blocker = tmp_path / "file"
    blocker.write_text("keep me")
    code, _, err = notegui(capsys, "--db", db, "export", "--format", "json",
                           "-o", blocker / "x.json")
    assert code == 1
    assert f"cannot write {blocker / 'x.json'}" in err
    assert blocker.read_text() == "keep me"


def test_check_reports_ok(tmp_path, capsys):
    db = tmp_path / "lib.db"
    notegui(capsys, "--db", db, "import", SAMPLE)
    code, out, _ = notegui(capsys, "--db", db, "check")
    assert code == 0
    assert out.startswith("ok: 7 notes")


def test_notegui_db_variable_picks_the_library(tmp_path, capsys, monkeypatch):
    db = tmp_path / "from-env.db"
    monkeypatch.setenv("NOTEGUI_DB", str(db))
    code, _, _ = notegui(capsys, "import", SAMPLE)
    assert code == 0 and db.exists()


def test_default_library_is_in_the_user_data_folder(tmp_path, capsys):
    code, _, _ = notegui(capsys, "import", SAMPLE)
    assert code == 0
    from notegui.core import paths

    assert paths.default_library().name == "library.sqlite3"
    assert paths.default_library().parent.name == "notegui"
    assert paths.default_library().exists()


def test_unexpected_error_shows_a_message_not_a_traceback(tmp_path, capsys, monkeypatch):
    from notegui.store.library import SqliteLibrary

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(SqliteLibrary, "check", explode)
    code, out, err = notegui(capsys, "--db", tmp_path / "lib.db", "check")
    assert code == 1
    assert "notegui: unexpected error: boom; details in" in err
    assert "Traceback" not in err + out
    with pytest.raises(RuntimeError):
        main(["--debug", "--db", str(tmp_path / "lib.db"), "check"])
