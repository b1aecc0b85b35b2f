"""The Windows installer run under Wine, as a user runs it: installed silently over a PATH
of the user's own, installed again (an upgrade), refused while notegui runs from its
folder, uninstalled: the PATH as it was, the file types gone, the library kept. Wine runs
64-bit programs only here (Debian's wine64), so the script is compiled for amd64 around a
stand-in bundle whose notegui.exe is Wine's own cmd.exe (a program that stays running).
Slow, and skipped without wine64: NOTEGUI_SLOW=1 (see packaging_support.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging_support import PACKAGING, SLOW, load

pytestmark = SLOW
build = load("build")

WINE_FOLDERS = ("/usr/lib/wine", "/usr/lib64/wine")
WINE_PROGRAMS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows")
INSTALL_DIR = r"C:\users\{user}\AppData\Local\Programs\notegui"
USER_PATH = r"C:\tools;%USERPROFILE%\bin"


class Wine:
    """Windows programs in a throwaway Wine prefix."""

    def __init__(self, prefix: Path) -> None:
        folders = [folder for folder in WINE_FOLDERS if Path(folder, "wine64").exists()]
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
                    "PATH": os.pathsep.join([*folders, os.environ.get("PATH", "")])}
        self.env.pop("DISPLAY", None)  # (silent installs draw nothing)
        self.prefix = prefix

    def run(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["wine64", *args], env=self.env, capture_output=True, text=True,
                              check=check, timeout=300)

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(["wine64", *args], env=self.env, stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                text=True)

    def registry(self, key: str, value: str | None = None) -> str | None:
        """The value (or, without ``value``, the key's listing); None when there is none."""
        result = self.run("reg", "query", key, *(["/v", value] if value else []))
        if result.returncode != 0:
            return None
        if value is None:
            return result.stdout
        line = next(line for line in result.stdout.splitlines() if line.strip().startswith(
            value))
        return line.split(None, 2)[2]

    def user(self) -> str:
        (home,) = [p for p in (self.prefix / "drive_c/users").iterdir() if p.name != "Public"]
        return home.name

    def unix(self, windows_path: str) -> Path:
        return self.prefix / "drive_c" / windows_path.removeprefix("C:\\").replace("\\", "/")


@pytest.fixture(scope="module")
def installer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (shutil.which("makensis") and any(Path(f, "wine64").exists() for f in WINE_FOLDERS)
            and (WINE_PROGRAMS / "cmd.exe").exists()):
        pytest.skip("needs makensis and wine64 (apt-get install nsis wine64)")
    folder = tmp_path_factory.mktemp("wine-installer")
    bundle = folder / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy2(WINE_PROGRAMS / "cmd.exe", bundle / "notegui.exe")
    shutil.copy2(WINE_PROGRAMS / "cmd.exe", bundle / "notegui-cli.exe")
    (bundle / "_internal" / "python311.dll").write_bytes(b"stand-in")
    icon = build.make_ico(build.render_pngs(build.ICON_SVG, folder / "icons"),
                          folder / "notegui.ico")
    target = folder / "notegui-9.8.7-setup.exe"
    subprocess.run(["makensis", "-V2", "-WX", "-NOCD", "-XTarget amd64-unicode",
                    "-DVERSION=9.8.7", "-DFILE_VERSION=9.8.7.0", f"-DBUNDLE={bundle}",
                    f"-DICON={icon}", f"-DOUTFILE={target}",
                    str(PACKAGING / "windows" / "notegui.nsi")],
                   cwd=PACKAGING / "windows", check=True, capture_output=True)
    return target


@pytest.fixture(scope="module")
def wine(installer: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    wine = Wine(tmp_path_factory.mktemp("wine") / "prefix")
    wine.run("reg", "add", r"HKCU\Environment", "/v", "Path", "/t", "REG_EXPAND_SZ", "/d",
             USER_PATH, "/f", check=True)
    yield wine
    subprocess.run(["wineserver", "-k"], env=wine.env, check=False, capture_output=True)


def test_install_upgrade_refusal_and_uninstall_under_wine(installer: Path, wine: Wine) -> None:
    assert wine.run(str(installer), "/S").returncode == 0
    folder = INSTALL_DIR.format(user=wine.user())
    installed = wine.unix(folder)
    assert (installed / "notegui.exe").is_file() and (installed / "uninstall.exe").is_file()
    assert wine.registry(r"HKCU\Environment", "Path") == f"{USER_PATH};{folder}"
    for progid in ("notegui.LibraryExport", "notegui.QuestionNote"):
        command = wine.registry(rf"HKCU\Software\Classes\{progid}\shell\open\command")
        assert command is not None and f'"{folder}\\notegui.exe" "%1"' in command
    assert "notegui.LibraryExport" in (
        wine.registry(r"HKCU\Software\Classes\.json\OpenWithProgids") or "")
    assert "notegui.QuestionNote" in (
        wine.registry(r"HKCU\Software\Classes\.txt\OpenWithProgids") or "")
    # Never the default app of .json or .txt: the extensions' own value is not set.
    assert "(Default)" not in (wine.registry(r"HKCU\Software\Classes\.json") or "")
    home = wine.unix(f"C:\\users\\{wine.user()}")
    assert (home / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/notegui.lnk").exists()
    assert not (home / "Desktop/notegui.lnk").exists()  # (offered, not ticked by default)
    library = home / "AppData/Local/notegui/library.sqlite3"
    library.parent.mkdir(parents=True)
    library.write_bytes(b"the user's library")

    # An upgrade: the installer over itself; the PATH entry is not added twice.
    assert wine.run(str(installer), "/S").returncode == 0
    assert wine.registry(r"HKCU\Environment", "Path") == f"{USER_PATH};{folder}"

    # While notegui runs from the folder, the installer changes nothing and exits with 2.
    # (cmd /k: the stand-in writes a file, then waits for commands on its input)
    running = wine.start(f"{folder}\\notegui.exe", "/k", r"echo running> C:\running.txt")
    assert running.stdin is not None
    try:
        for _ in range(600):  # (a minute at most for Wine to start it)
            if wine.unix(r"C:\running.txt").exists() or running.poll() is not None:
                break
            time.sleep(0.1)
        assert running.poll() is None and wine.unix(r"C:\running.txt").exists()
        before = (installed / "notegui-cli.exe").stat().st_mtime_ns
        assert wine.run(str(installer), "/S").returncode == 2
        assert (installed / "notegui-cli.exe").stat().st_mtime_ns == before
    finally:
        running.stdin.write("exit\n")
        running.stdin.close()
        running.wait(timeout=60)

    # The uninstaller copies itself away and returns at once: its work is done when the
    # program folder is gone (wineserver -w waits for every program of the prefix).
    wine.run(f"{folder}\\uninstall.exe", "/S")
    subprocess.run(["wineserver", "-w"], env=wine.env, check=False, timeout=120)
    assert not installed.exists()
    assert wine.registry(r"HKCU\Environment", "Path") == USER_PATH
    for key in (r"HKCU\Software\Classes\notegui.LibraryExport",
                r"HKCU\Software\Classes\notegui.QuestionNote",
                r"HKCU\Software\Classes\.json\OpenWithProgids",
                r"HKCU\Software\Classes\Applications\notegui.exe"):
        assert wine.registry(key) is None, key
    assert not (home / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/notegui.lnk"
                ).exists()
    assert library.read_bytes() == b"the user's library"
