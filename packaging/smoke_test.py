"""Run a packaged notegui as a user would, with no Python environment around it.

    python packaging/smoke_test.py PATH/TO/notegui [--sample NOTE.txt]

PATH is the packaged executable: ``/usr/bin/notegui`` or an unpacked .deb's
``usr/bin/notegui``, ``notegui-cli.exe`` on Windows (the console twin of notegui.exe),
``notegui.app/Contents/MacOS/notegui`` on macOS. It checks:

1. ``notegui --version`` names the version in pyproject.toml;
2. ``notegui --db X import NOTE`` imports a note, and ``list`` shows its title;
3. an import of 2,100 files, which parses them in worker processes (spawned: the frozen
   executable itself, which must turn into the worker);
4. the window starts offscreen on a first run, creating the demo library, says "ready" and
   exits (``QT_QPA_PLATFORM=offscreen``, ``NOTEGUI_EXIT_AFTER_START=1``);
5. ``sync --remote`` with a git on PATH that refuses to run: one library sends its 2,101
   notes (their files compressed in a worker process, spawned as in 3.) to a bare
   repository in a folder, a second library joins and lists them (the bare
   repository is made with dulwich when the Python running this has it, else git;
   neither: the check is skipped).

Every run gets a new temporary home, XDG and Windows data folders, so the user's library,
settings and logs are never touched, and an environment without PYTHONPATH,
PYTHONHOME or a virtualenv. The release workflow and tests/packaging run it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SAMPLE = HERE.parent / "resources" / "demo" / "reasoning-transfer.txt"
DEMO_NOTES = 9  # the demo library: 6 notes and the 3 stubs they cite
MANY = 2_100  # notes; from 2,000 on, import parses in worker processes
TIMEOUT = 120  # seconds, for any one command


class SmokeFailure(AssertionError):
    """The packaged app did not behave as a user expects; the message says how."""


@dataclass(frozen=True)
class Sandbox:
    """A throwaway home for one run: every folder platformdirs may pick is inside it."""

    root: Path

    def environment(self) -> dict[str, str]:
        # (APPIMAGE_EXTRACT_AND_RUN: an AppImage where FUSE is missing, a CI container)
        keep = ("SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP", "TMPDIR",
                "APPIMAGE_EXTRACT_AND_RUN")
        env = {name: os.environ[name] for name in keep if name in os.environ}
        system_path = [folder for folder in os.environ.get("PATH", "").split(os.pathsep)
                       if folder and not _in_python_environment(folder)]
        env.update({
            "PATH": os.pathsep.join(system_path),
            "LANG": "C.UTF-8",
            "HOME": str(self.root / "home"),
            "USERPROFILE": str(self.root / "home"),
            "XDG_DATA_HOME": str(self.root / "data"),
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "XDG_STATE_HOME": str(self.root / "state"),
            "XDG_CACHE_HOME": str(self.root / "cache"),
            "XDG_RUNTIME_DIR": str(self.root / "runtime"),
            # platformdirs on Windows asks the shell, unless these say otherwise.
            "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(self.root / "localappdata"),
            "WIN_PD_OVERRIDE_APPDATA": str(self.root / "appdata"),
            "LOCALAPPDATA": str(self.root / "localappdata"),
            "APPDATA": str(self.root / "appdata"),
        })
        for name in ("home", "runtime"):
            (self.root / name).mkdir(mode=0o700, parents=True, exist_ok=True)
        return env


def _in_python_environment(folder: str) -> bool:
    """Whether a PATH folder belongs to the Python running this script (a venv's bin)."""
    path = Path(folder).resolve()
    return path == Path(sys.executable).resolve().parent or path.is_relative_to(
        Path(sys.prefix).resolve())


def run_app(binary: Path, args: Sequence[str], env: dict[str, str],
            extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(binary), *args], env={**env, **(extra_env or {})},
                            capture_output=True, text=True, encoding="utf-8",
                            errors="replace", timeout=TIMEOUT, check=False,
                            stdin=subprocess.DEVNULL)
    print(f"$ notegui {' '.join(args)}  -> exit {result.returncode}")
    return result


def expect(result: subprocess.CompletedProcess[str], what: str, text: str | None = None
           ) -> None:
    """The command exited 0 and, when given, printed ``text``."""
    if result.returncode != 0 or (text is not None and text not in result.stdout):
        raise SmokeFailure(
            f"{what}: exit {result.returncode}"
            + (f", expected {text!r} in the output" if text is not None else "")
            + f"\n--- stdout:\n{result.stdout}\n--- stderr:\n{result.stderr}")


def check_version(binary: Path, env: dict[str, str], version: str) -> None:
    expect(run_app(binary, ["--version"], env), "--version", f"notegui {version}")


def check_import(binary: Path, env: dict[str, str], sample: Path, root: Path) -> None:
    db = root / "imported.sqlite3"
    expect(run_app(binary, ["--db", str(db), "import", str(sample)], env),
           f"import of {sample.name}", "1 imported")
    title = sample.read_text(encoding="utf-8-sig").splitlines()[0].strip()
    expect(run_app(binary, ["--db", str(db), "list"], env), "list after the import", title)


def many_notes(folder: Path) -> Path:
    """``folder`` filled with MANY question-note files."""
    folder.mkdir()
    for number in range(MANY):
        (folder / f"note-{number}.txt").write_text(
            f"Why is note {number} here?\nA note of the smoke test.\nIt has a body.\n",
            encoding="utf-8")
    return folder


def check_parallel_import(binary: Path, env: dict[str, str], root: Path) -> None:
    folder = many_notes(root / "many")
    db = root / "many.sqlite3"
    expect(run_app(binary, ["--db", str(db), "import", str(folder)], env),
           f"import of {MANY} files (parsed in worker processes)", f"{MANY} imported")


def check_window(binary: Path, env: dict[str, str], root: Path) -> None:
    result = run_app(binary, [], env, {"QT_QPA_PLATFORM": "offscreen",
                                       "NOTEGUI_EXIT_AFTER_START": "1"})
    expect(result, "the window, offscreen", "ready")
    libraries = list(root.rglob("library.sqlite3"))
    if len(libraries) != 1:
        raise SmokeFailure(f"the first start should create one demo library in the sandbox "
                           f"{root}, found {libraries}")
    listing = run_app(binary, ["--db", str(libraries[0]), "list"], env)
    expect(listing, "list of the demo library")
    if len(listing.stdout.splitlines()) != DEMO_NOTES:
        raise SmokeFailure(f"the demo library should hold {DEMO_NOTES} notes:\n"
                           f"{listing.stdout}")


def make_bare_repository(path: Path) -> bool:
    """A bare repository whose main a sync may push to, made as `git init --bare -b main`
    makes it (by dulwich when this Python has it, else by git); False: neither is here."""
    try:
        from dulwich.repo import Repo
    except ImportError:
        git = shutil.which("git")
        if git is None:
            return False
        subprocess.run([git, "init", "--quiet", "--bare", "-b", "main", str(path)],
                       check=True, timeout=TIMEOUT)
        return True
    repository = Repo.init_bare(str(path), mkdir=True)
    repository.refs.set_symbolic_ref(b"HEAD", b"refs/heads/main")
    repository.close()
    return True


def without_git(env: dict[str, str], root: Path) -> dict[str, str]:
    """``env`` with a git first on PATH that refuses to run (the system's folders stay: a
    launcher script needs their tools): the packaged app must sync by itself."""
    shadow = root / "no-git"
    shadow.mkdir(exist_ok=True)
    script = shadow / "git"
    script.write_text("#!/bin/sh\necho 'the smoke test: git must not be run' >&2\nexit 97\n")
    script.chmod(0o755)
    (shadow / "git.cmd").write_text("@echo the smoke test: git must not be run 1>&2\r\n"
                                    "@exit /b 97\r\n")
    return {**env, "PATH": os.pathsep.join([str(shadow), env.get("PATH", "")])}


def check_sync(binary: Path, env: dict[str, str], sample: Path, root: Path) -> None:
    """One library sends its notes to a bare repository, another joins and receives them, with
    a git on PATH that refuses to run (the app's own git implementation does the work)."""
    remote = root / "remote.git"
    if not make_bare_repository(remote):
        print("sync check skipped: neither dulwich nor git here to make a bare repository")
        return
    env = without_git(env, root)
    first, second = root / "first.sqlite3", root / "second.sqlite3"
    expect(run_app(binary, ["--db", str(first), "import", str(sample)], env),
           "import before the sync", "1 imported")
    # (enough notes that their files are compressed in a worker process: spawned, the
    # frozen executable itself)
    expect(run_app(binary, ["--db", str(first), "import", str(many_notes(root / "many"))],
                   env), "import before the sync", f"{MANY} imported")
    sent = run_app(binary, ["--db", str(first), "sync", "--remote", str(remote)], env)
    expect(sent, "the first library's sync", " sent, 0 received")
    notes = sent.stdout.count("\nsent ") + sent.stdout.startswith("sent ")  # (its stubs too)
    expect(run_app(binary, ["--db", str(second), "sync", "--remote", str(remote)], env),
           "a second library joining", f"0 sent, {notes} received")
    title = sample.read_text(encoding="utf-8-sig").splitlines()[0].strip()
    expect(run_app(binary, ["--db", str(second), "list"], env),
           "list of the library that joined", title)


def smoke_test(binary: Path, sample: Path = DEFAULT_SAMPLE, version: str | None = None
               ) -> None:
    """All five checks, each in a fresh sandbox; raises SmokeFailure on the first failure."""
    if version is None:
        sys.path.insert(0, str(HERE))
        from build import project_version

        version = project_version()
    if not binary.exists():
        raise SmokeFailure(f"{binary}: no such file")
    with tempfile.TemporaryDirectory(prefix="notegui-smoke-") as temp:
        root = Path(temp).resolve()
        for name, check in (
            ("version", lambda sandbox, env: check_version(binary, env, version)),
            ("import", lambda sandbox, env: check_import(binary, env, sample, sandbox)),
            ("parallel", lambda sandbox, env: check_parallel_import(binary, env, sandbox)),
            ("window", lambda sandbox, env: check_window(binary, env, sandbox)),
            ("sync", lambda sandbox, env: check_sync(binary, env, sample, sandbox)),
        ):
            sandbox = root / name
            sandbox.mkdir()
            check(sandbox, Sandbox(sandbox).environment())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", type=Path, help="the packaged notegui executable")
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE,
                        help="a question note to import (default: the demo's sample)")
    args = parser.parse_args(argv)
    try:
        smoke_test(args.binary, args.sample)
    except SmokeFailure as failure:
        print(f"smoke test FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"smoke test passed: {args.binary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
