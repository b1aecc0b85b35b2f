"""The installers as a user gets them: ``python packaging/build.py deb`` builds the .deb, which
is unpacked (``dpkg-deb -x``) and run without the venv; the Windows installer script
compiles; ``build.py macos`` elsewhere than on a Mac says so. Slow: run with
NOTEGUI_SLOW=1 (see packaging_support.py)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import PACKAGING, SLOW, load

from conftest import SAMPLE

pytestmark = SLOW
build = load("build")
smoke = load("smoke_test")
rules = load("pyi_bundle")

MAX_INSTALLED_MB = 125  # 116 MB with the citation graph (igraph and the libraries its wheel
# bundles, 7 MB) and printing (QtPrintSupport); PyInstaller's defaults made it 185 MB


def build_py(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(PACKAGING / "build.py"), *map(str, args)],
                          capture_output=True, text=True, check=False, cwd=cwd)


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb, built once by the command the README gives."""
    folder = tmp_path_factory.mktemp("deb")
    result = build_py("deb", "--work", folder / "work", "--out", folder / "dist")
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    (package,) = (folder / "dist").glob("notegui_*.deb")
    return package


@pytest.fixture(scope="module")
def unpacked(deb: Path) -> Path:
    root = deb.parent.parent / "unpacked"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_the_deb_is_named_and_versioned_like_the_app(deb: Path) -> None:
    version = build.project_version()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert deb.name == f"notegui_{version}_{arch}.deb"
    assert field(deb, "Package") == "notegui"
    assert field(deb, "Version") == version
    members = subprocess.run(["ar", "t", str(deb)], capture_output=True, text=True,
                             check=True).stdout.split()
    assert "data.tar.xz" in members


def test_the_deb_depends_on_the_libraries_qt_needs(deb: Path) -> None:
    depends = field(deb, "Depends")
    for package in ("libegl1", "libgl1", "libfontconfig1", "libxkbcommon-x11-0",
                    "libxcb-cursor0", "libdbus-1-3", "libwayland-client0"):
        assert package in depends
    assert "libc6 (>= 2." in depends


def test_the_deb_installs_a_launcher_a_menu_entry_icons_and_metainfo(unpacked: Path) -> None:
    launcher = unpacked / "usr/bin/notegui"
    assert launcher.is_symlink()
    assert launcher.resolve() == (unpacked / "usr/lib/notegui/notegui").resolve()
    assert os.access(unpacked / "usr/lib/notegui/notegui", os.X_OK)
    assert (unpacked / "usr/share/applications/notegui.desktop").is_file()
    assert (unpacked / f"usr/share/metainfo/{build.APP_ID}.metainfo.xml").is_file()
    assert (unpacked / "usr/share/icons/hicolor/scalable/apps/notegui.svg").is_file()
    assert (unpacked / "usr/share/doc/notegui/copyright").is_file()
    for size in build.ICON_SIZES:
        png = unpacked / f"usr/share/icons/hicolor/{size}x{size}/apps/notegui.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (size, size)


def contents(deb: Path) -> list[list[str]]:
    """``dpkg-deb -c``: (mode, owner, size, date, time, path[, ->, target]) of each member."""
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    return [line.split() for line in listing.splitlines()]


def test_the_deb_owns_only_its_own_folders(deb: Path) -> None:
    """Everything under /usr/lib/notegui and the standard places; never /opt, and no
    file mode but 0644 and 0755 (shared libraries are not executable)."""
    paths = [member[5].removeprefix(".") for member in contents(deb)]
    assert not [path for path in paths if path.startswith("/opt")]
    allowed = ("/usr/lib/notegui/", "/usr/bin/notegui", "/usr/share/")
    assert all(path.startswith(allowed) or path in ("/", "/usr/", "/usr/lib/", "/usr/bin/")
               for path in paths), paths
    for mode, owner, _size, _day, _time, path, *_link in contents(deb):
        assert owner == "root/root"
        if mode.startswith("-"):
            assert mode in ("-rw-r--r--", "-rwxr-xr-x"), (mode, path)
            assert not (mode == "-rwxr-xr-x" and ".so" in path.rsplit("/", 1)[-1]), path


def test_the_deb_has_a_changelog_a_manual_page_and_completions(unpacked: Path) -> None:
    doc = unpacked / "usr/share/doc/notegui"
    with gzip.open(doc / "changelog.gz", "rt") as changelog:
        assert changelog.readline().startswith(f"notegui ({build.project_version()}) ")
    page = unpacked / "usr/share/man/man1/notegui.1.gz"
    rendered = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True,
                              check=True, env={**os.environ, "MANWIDTH": "200"}).stdout
    assert "notegui - read, search, annotate" in rendered and "notegui import" in rendered
    for script in ("bash-completion/completions/notegui", "zsh/vendor-completions/_notegui",
                   "fish/vendor_completions.d/notegui.fish"):
        assert "salvage" in (unpacked / "usr/share" / script).read_text()


def test_the_deb_ships_the_licence_of_every_bundled_component(unpacked: Path) -> None:
    folder = unpacked / "usr/share/doc/notegui/licences"
    index = json.loads((folder / "index.json").read_text())
    names = {entry["name"] for entry in index}
    assert {"notegui", "Python", "Qt 6, PySide6 and shiboken6", "peewee", "Pygments",
            "markdown-it-py", "mdit-py-plugins", "PyYAML", "platformdirs", "dulwich", "igraph",
            "pyinstaller", "libsqlite3", "libffi", "expat", "libyaml"} <= names
    assert any(name.startswith("libicu") for name in names)
    for entry in index:
        assert (folder / entry["file"]).stat().st_size > 200, entry
    link = unpacked / "usr/lib/notegui/licences"  # where the app's About box looks
    assert link.is_symlink() and link.resolve() == folder.resolve()
    copyright_file = (unpacked / "usr/share/doc/notegui/copyright").read_text()
    assert copyright_file.startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
    assert "License: various" not in copyright_file
    assert "License: LGPL-3.0-only\n On Debian systems" in copyright_file


def test_no_bundled_library_looks_for_libraries_on_the_build_machine(unpacked: Path) -> None:
    bundled = build.elf_files(unpacked / "usr/lib/notegui")
    runpaths = {path.name: subprocess.run(["patchelf", "--print-rpath", str(path)],
                                          capture_output=True, text=True,
                                          check=True).stdout.strip()
                for path in bundled}
    assert runpaths["libqxcb.so"]  # PySide6's own $ORIGIN paths stay
    outside = {name: found for name, found in runpaths.items()
               if found and not all(entry.startswith("$ORIGIN") for entry in found.split(":"))}
    assert outside == {}


def test_two_builds_of_one_bundle_give_the_same_bytes(deb: Path, tmp_path: Path) -> None:
    again = build_py("deb", "--bundle", deb.parent / "notegui", "--work", tmp_path / "work",
                     "--out", tmp_path / "dist")
    assert again.returncode == 0, again.stdout + again.stderr
    assert (tmp_path / "dist" / deb.name).read_bytes() == deb.read_bytes()


def test_lintian_finds_no_errors_and_only_the_documented_warnings(deb: Path) -> None:
    """lintian's errors are fixed or overridden with a reason (linux/notegui.lintian-overrides);
    every warning it still gives is named and explained in packaging/README.md."""
    result = subprocess.run(["lintian", "--no-cfg", "--display-level", ">=warning", str(deb)],
                            capture_output=True, text=True, check=False)
    tags = [line.split() for line in result.stdout.splitlines()
            if line.startswith(("E:", "W:"))]
    assert not [tag for tag in tags if tag[0] == "E:"], result.stdout
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert {tag[2] for tag in tags if f"`{tag[2]}`" not in readme} == set()


def test_the_desktop_entry_passes_desktop_file_validate(unpacked: Path) -> None:
    desktop = unpacked / "usr/share/applications/notegui.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    assert "Exec=notegui" in desktop.read_text()


def test_the_metainfo_passes_appstreamcli_validate(unpacked: Path) -> None:
    metainfo = unpacked / f"usr/share/metainfo/{build.APP_ID}.metainfo.xml"
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic",
                             str(metainfo)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f'version="{build.project_version()}"' in metainfo.read_text()


def test_the_unpacked_binary_runs_without_python(unpacked: Path) -> None:
    """--version, an import (one note, then 2,100 parsed in worker processes), and the window
    offscreen on a new demo library, in a sandboxed home with no Python environment."""
    smoke.smoke_test(unpacked / "usr/bin/notegui", sample=SAMPLE)


def test_the_bundle_leaves_out_what_notegui_does_not_use(unpacked: Path) -> None:
    internal = unpacked / "usr/lib/notegui/_internal"
    names = {path.name for path in internal.rglob("*")}
    assert {"QtCore.abi3.so", "QtGui.abi3.so", "QtWidgets.abi3.so", "libqxcb.so",
            "libqwayland.so", "libqoffscreen.so"} <= names
    assert not {"QtNetwork.abi3.so", "QtDBus.abi3.so", "libqgtk3.so", "libqeglfs.so",
                "libQt6Network.so.6", "libX11.so.6", "libstdc++.so.6"} & names
    assert {path.name for path in (internal / "PySide6/Qt/translations").iterdir()} == {
        f"qtbase_{code}.qm" for code in rules.SHIPPED_LANGUAGES}
    assert {"notegui_de.qm", "notegui_en.qm"} <= names
    assert not (internal / "PIL").exists()
    size, _files = build.tree_size(unpacked / "usr/lib/notegui")
    assert size < MAX_INSTALLED_MB * 1_000_000


def test_the_appimage_appdir_runs_and_validates(deb: Path) -> None:
    """The AppDir appimagetool would pack: its AppRun runs the app, and its desktop files
    pass appstreamcli's check of the whole tree."""
    work = deb.parent.parent / "appimage"
    result = build_py("appdir", "--bundle", deb.parent / "notegui", "--work", work,
                      "--out", work / "dist")
    assert result.returncode == 0, result.stdout + result.stderr
    appdir = work / "AppDir"
    assert (appdir / "notegui.desktop").is_file() and (appdir / ".DirIcon").exists()
    assert (appdir / "usr/lib/notegui/_internal/libxcb-cursor.so.0").is_file()
    tree = subprocess.run(["appstreamcli", "validate-tree", "--no-net", str(appdir)],
                          capture_output=True, text=True, check=False)
    assert tree.returncode == 0, tree.stdout + tree.stderr
    smoke.smoke_test(appdir / "AppRun", sample=SAMPLE)
    if not shutil.which("appimagetool"):
        packed = build_py("appimage", "--bundle", deb.parent / "notegui", "--work", work,
                          "--out", work / "dist")
        assert packed.returncode == 1
        assert "appimagetool not found" in packed.stderr and "github.com" in packed.stderr


def test_the_windows_installer_script_compiles(tmp_path: Path) -> None:
    """makensis compiles packaging/windows/notegui.nsi (warnings are errors) against a
    stand-in of a Windows bundle: PyInstaller cannot build one here."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("notegui.exe", "notegui-cli.exe", "_internal/python311.dll"):
        (bundle / name).write_bytes(b"MZ stand-in")
    result = build_py("windows", "--bundle", bundle, "--work", tmp_path / "work",
                      "--out", tmp_path / "dist")
    assert result.returncode == 0, result.stdout + result.stderr
    installer = tmp_path / "dist" / f"notegui-{build.project_version()}-setup.exe"
    assert installer.read_bytes()[:2] == b"MZ"


def test_windows_without_a_bundle_says_it_needs_windows(tmp_path: Path) -> None:
    if sys.platform == "win32" or not shutil.which("makensis"):
        pytest.skip("on Windows this builds the real installer")
    result = build_py("windows", "--work", tmp_path / "work", "--out", tmp_path / "dist")
    assert result.returncode == 1
    assert "built on Windows" in result.stderr and "--bundle" in result.stderr


def test_macos_elsewhere_makes_the_icon_and_says_the_app_needs_a_mac(tmp_path: Path) -> None:
    if sys.platform == "darwin":
        pytest.skip("on macOS this builds the real .app")
    result = build_py("macos", "--work", tmp_path / "work", "--out", tmp_path / "dist")
    assert result.returncode == 1
    assert "built on macOS" in result.stderr
    icns = tmp_path / "work/icons/notegui.icns"
    assert icns.read_bytes()[:4] == b"icns"


def dpkg_install(root: Path, deb: Path) -> None:
    """``dpkg -i`` into a folder, not the system: the Depends are not there, and the
    desktop's triggers (menus, icon cache) have no programs to run there."""
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers",
                   "var/log"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "var/lib/dpkg/status").touch()
    subprocess.run(["dpkg", f"--root={root}", "--force-depends", "--force-script-chrootless",
                    "--no-triggers", "-i", str(deb)], capture_output=True, check=True)


def test_a_newer_deb_installed_over_the_old_keeps_the_library_and_settings(
        deb: Path, tmp_path: Path) -> None:
    """The way notegui is updated: the newer .deb over the old (dpkg never touches a home
    folder, where the library, settings and log are)."""
    root = tmp_path / "system"
    dpkg_install(root, deb)
    app = root / "usr/bin/notegui"
    sandbox = smoke.Sandbox(tmp_path / "user")
    env = sandbox.environment()
    smoke.expect(smoke.run_app(app, [], env, {"QT_QPA_PLATFORM": "offscreen",
                                              "NOTEGUI_EXIT_AFTER_START": "1"}),
                 "the first start", "ready")
    note = tmp_path / "kept.txt"
    note.write_text("Does an upgrade keep my notes?\nIt should.\nThe library is mine.\n")
    smoke.expect(smoke.run_app(app, ["import", str(note)], env), "import", "1 imported")
    before = {path: path.read_bytes() for path in sandbox.root.rglob("*") if path.is_file()}
    assert any(path.name == "library.sqlite3" for path in before)
    newer_tree = tmp_path / "newer"
    subprocess.run(["dpkg-deb", "-R", str(deb), str(newer_tree)], check=True)
    control = newer_tree / "DEBIAN/control"
    version = build.project_version()
    control.write_text(control.read_text().replace(f"Version: {version}\n",
                                                   f"Version: {version}+1\n"))
    newer = tmp_path / "newer.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z1", "--build",
                    str(newer_tree), str(newer)], capture_output=True, check=True)
    dpkg_install(root, newer)
    status = subprocess.run(["dpkg", f"--root={root}", "-s", "notegui"], capture_output=True,
                            text=True, check=True).stdout
    assert f"Version: {version}+1" in status
    after = {path: path.read_bytes() for path in sandbox.root.rglob("*") if path.is_file()}
    assert after == before
    smoke.expect(smoke.run_app(app, ["list"], env), "list after the upgrade",
                 "Does an upgrade keep my notes?")
