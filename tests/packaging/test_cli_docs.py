"""The manual page and the shell completions the packages install, made from notegui's own
argument parser (packaging/manpage.py, packaging/completions.py), used as a user would:
``man`` shows the page without a warning, and each shell completes commands, options,
their choices and file names."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from packaging_support import load

from notegui.cli import build_parser

manpage = load("manpage")
completions = load("completions")


def commands(parser: argparse.ArgumentParser) -> list[str]:
    return [name for action in parser._actions
            if isinstance(action, argparse._SubParsersAction) for name in action.choices]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("man") / "notegui.1"
    path.write_text(manpage.manpage(build_parser(), "1.2.3", "2026-01-02"), encoding="utf-8")
    return path


def man(page: Path) -> subprocess.CompletedProcess[str]:
    if not shutil.which("man"):
        pytest.skip("man is not installed (apt-get install man-db)")
    # As lintian's manpage check runs it: groff's warnings on standard error.
    return subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z",
                           str(page)], capture_output=True, text=True, check=False,
                          env={**os.environ, "MANWIDTH": "80", "LC_ALL": "C.UTF-8"})


def test_the_manual_page_renders_without_warnings(page: Path) -> None:
    result = man(page)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_the_manual_page_has_a_whatis_entry(page: Path) -> None:
    if not shutil.which("lexgrog"):
        pytest.skip("lexgrog is not installed (apt-get install man-db)")
    result = subprocess.run(["lexgrog", str(page)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0
    assert '"notegui - read, search, annotate and edit a library' in result.stdout


def test_the_manual_page_documents_every_command_and_option(page: Path) -> None:
    rendered = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True,
                              check=True, env={**os.environ, "MANWIDTH": "200"}).stdout
    parser = build_parser()
    for name in commands(parser):
        assert f"notegui {name}" in rendered
    for option in ("--db PATH", "--format {vault,question-notes,json}", "-o PATH, --output PATH",
                   "--repair", "NEW-FILE"):
        assert option in rendered
    assert "1.2.3" in rendered and "2026-01-02" in rendered
    assert "Exit codes: 0 success" in rendered  # the epilog


def test_roff_escapes_what_groff_would_take_for_requests() -> None:
    assert manpage.roff(".hidden\n'quoted\nC:\\path…") == (
        "\\&.hidden\n\\&'quoted\nC:\\epath\\[u2026]")


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    share = tmp_path_factory.mktemp("share")
    written = completions.write_all("notegui", build_parser(), share)
    return dict(zip(("bash", "zsh", "fish"), written, strict=True))


BASH = """\
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
_notegui
printf '%s\\n' "${COMPREPLY[@]}"
"""


def bash_completes(script: Path, *words: str, cwd: Path | None = None) -> list[str]:
    result = subprocess.run(["bash", "-c", BASH, "bash", str(script), "notegui", *words],
                            capture_output=True, text=True, check=True, cwd=cwd)
    return sorted(result.stdout.split())


def test_bash_completes_commands_options_and_choices(scripts: dict[str, Path],
                                                    tmp_path: Path) -> None:
    bash = scripts["bash"]
    # (in an empty folder: the first word also completes to files, notegui FILE...)
    assert bash_completes(bash, "", cwd=tmp_path) == sorted(commands(build_parser()))
    assert bash_completes(bash, "sa") == ["salvage"]
    assert bash_completes(bash, "--db", "lib.sqlite3", "ex") == ["export"]
    assert bash_completes(bash, "import", "--f") == ["--format"]
    assert bash_completes(bash, "export", "--format", "an") == [
        "annotations-md", "annotations-w3c"]
    assert bash_completes(bash, "search", "--limit", "") == []  # a number: nothing to offer


def test_bash_completes_file_names_where_notegui_takes_a_path(scripts: dict[str, Path],
                                                              tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / "other.md").write_text("")
    assert bash_completes(scripts["bash"], "import", "no", cwd=tmp_path) == ["notes.txt"]
    assert bash_completes(scripts["bash"], "export", "-o", "ot", cwd=tmp_path) == ["other.md"]
    assert bash_completes(scripts["bash"], "open", "no", cwd=tmp_path) == []  # a title


def test_a_program_that_opens_files_gets_commands_and_files_first(tmp_path: Path) -> None:
    """``notegui FILE...`` (a usage naming FILE before COMMAND): the first word completes
    to a command or a file."""
    parser = argparse.ArgumentParser(prog="notegui", usage="%(prog)s [FILE ... | COMMAND ...]")
    parser.add_subparsers(dest="command").add_parser("sync", help="sync")
    script = completions.write_all("notegui", parser, tmp_path / "share")[0]
    (tmp_path / "sync-notes.json").write_text("")
    assert bash_completes(script, "sy", cwd=tmp_path) == ["sync", "sync-notes.json"]
    plain = argparse.ArgumentParser(prog="notegui")
    plain.add_subparsers(dest="command").add_parser("sync", help="sync")
    script = completions.write_all("notegui", plain, tmp_path / "plain")[0]
    assert bash_completes(script, "sy", cwd=tmp_path) == ["sync"]


def test_fish_completes_commands_and_choices(scripts: dict[str, Path]) -> None:
    if not shutil.which("fish"):
        pytest.skip("fish is not installed")

    def fish_completes(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", f"source {scripts['fish']}; complete -C '{line}'"],
            capture_output=True, text=True, check=True)
        return sorted(entry.split("\t")[0] for entry in result.stdout.splitlines())

    assert fish_completes("notegui sal") == ["salvage"]
    assert fish_completes("notegui import --format ") == ["json", "question-notes", "vault"]
    assert "--repair" in fish_completes("notegui check --")


def test_zsh_reads_its_completion(scripts: dict[str, Path]) -> None:
    if not shutil.which("zsh"):
        pytest.skip("zsh is not installed")
    text = scripts["zsh"].read_text()
    assert text.startswith("#compdef notegui\n")
    result = subprocess.run(["zsh", "-n", str(scripts["zsh"])], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "'salvage:save what can be read of a damaged library into a new file'" in text
