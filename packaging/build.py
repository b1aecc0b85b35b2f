"""Build notegui's installers: ``python packaging/build.py bundle|deb|windows|macos``.

- ``bundle``: a PyInstaller one-folder, windowed bundle in ``dist/notegui`` (what the other
  three package), with its size.
- ``deb``: ``dist/notegui_VERSION_ARCH.deb``: the bundle in /usr/lib/notegui, a ``notegui``
  launcher on the PATH, a .desktop entry, hicolor icons, AppStream metainfo, a manual page,
  shell completions, the licences. It reuses the bundle ``bundle`` made if none of its
  sources changed since.
- ``windows``: ``dist/notegui-VERSION-setup.exe``, a per-user NSIS installer. PyInstaller
  cannot cross-build, so elsewhere than on Windows only ``--bundle DIR`` (a Windows bundle,
  or a stand-in to check the script) works.
- ``macos``: ``dist/notegui.app`` and ``dist/notegui-VERSION.dmg``, on macOS only.
- ``appdir`` / ``appimage``: the AppDir, and the AppImage appimagetool packs from it (the
  tool is downloaded from GitHub, which this project's own machines cannot reach).
- ``icons``: the PNGs, .ico and .icns made from ``resources/icons/notegui.svg``.
- ``version``: print the version (from pyproject.toml's source of it; nothing is imported).
- ``depends``: print the .deb's Depends as packages this machine's apt knows, one a line
  (for ``apt-get install`` before a build: the build checks the bundle against them).

Run it with the Python whose environment has notegui's dependencies and the ``packaging``
extra (``pip install -e '.[packaging]'``). See packaging/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import email.utils
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import completions
import deb_rules
import licences
import manpage
from pyi_bundle import elf_needed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP = "notegui"
APP_ID = "io.github.notegui.notegui"  # AppStream id; the .desktop file stays notegui.desktop
ICON_SVG = ROOT / "resources" / "icons" / "notegui.svg"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MAINTAINER = "The notegui developers <notegui@users.noreply.github.com>"

#: The .deb's Depends: the system libraries the bundle links against (checked against the
#: bundle at every build, see :func:`check_depends`). ``A | B``: Debian 13 and Ubuntu 24.04
#: renamed some libraries for 64-bit time_t.
DEPENDS: tuple[str, ...] = (
    "libc6", "libgcc-s1", "libstdc++6",
    "libglib2.0-0t64 | libglib2.0-0", "libdbus-1-3",
    "libegl1", "libgl1", "libfontconfig1", "libfreetype6",
    "libx11-6", "libx11-xcb1", "libxkbcommon0", "libxkbcommon-x11-0",
    "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render0", "libxcb-render-util0", "libxcb-shape0", "libxcb-shm0",
    "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1",
    "libwayland-client0", "libwayland-cursor0", "zlib1g", "libbz2-1.0",
)

#: The C library's own sonames: libc6 carries them all.
GLIBC = re.compile(r"^(ld-linux.*|libc|libm|libdl|libpthread|librt|libutil|libresolv)\.so")


class BuildError(Exception):
    """A build step that cannot go on; the message says what is missing and what to do."""


@dataclass(frozen=True)
class Layout:
    """Where a build puts things: ``work`` for intermediate files, ``out`` for results."""

    work: Path
    out: Path

    @property
    def bundle(self) -> Path:
        return self.out / APP

    @property
    def stamp(self) -> Path:
        """Written when ``bundle`` is finished: the bundle's path (its mtime: when)."""
        return self.work / "bundle-built"


# --- the version ---------------------------------------------------------------------------


def toml_table(text: str, name: str) -> str:
    """The lines of the TOML table ``[name]`` (up to the next table's header), or ""."""
    found = re.search(rf"^\[{re.escape(name)}\][ \t]*\n(.*?)(?=^\[|\Z)", text,
                      re.MULTILINE | re.DOTALL)
    return found.group(1) if found else ""


def project_version(root: Path = ROOT) -> str:
    """The version pyproject.toml declares, statically or as ``attr = "pkg.__version__"``,
    read from the module's source with a regex (importing notegui would import its
    dependencies). pyproject.toml is read with regexes too, not tomllib: ``version`` and
    ``depends`` run on the build machine's own Python before any venv, and Ubuntu 22.04's
    is 3.10, which has no tomllib."""
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    static = re.search(r'^version\s*=\s*"([^"]+)"', toml_table(pyproject, "project"),
                       re.MULTILINE)
    if static:
        return static.group(1)
    dynamic = re.search(r'^version\s*=\s*\{\s*attr\s*=\s*"([^"]+)"',
                        toml_table(pyproject, "tool.setuptools.dynamic"), re.MULTILINE)
    if dynamic is None:
        raise BuildError(f"{root / 'pyproject.toml'} has neither [project] version nor "
                         "[tool.setuptools.dynamic] version = { attr = ... }")
    module, _, name = dynamic.group(1).rpartition(".")
    package_dir = re.search(r'^package-dir\s*=\s*\{[^}]*""\s*=\s*"([^"]+)"',
                            toml_table(pyproject, "tool.setuptools"), re.MULTILINE)
    base = root / (package_dir.group(1) if package_dir else ".") / Path(*module.split("."))
    source = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
    found = re.search(rf"^{re.escape(name)}\s*=\s*[\"']([^\"']+)[\"']", source.read_text(
        encoding="utf-8"), re.MULTILINE)
    if found is None:
        raise BuildError(f"no {name} = '...' line in {source}")
    return found.group(1)


# --- tools -----------------------------------------------------------------------------------


def require_tool(name: str, why: str, install: str) -> str:
    """The path of the command ``name``, or a BuildError saying what it is for and how to
    get it."""
    path = shutil.which(name)
    if path is None:
        raise BuildError(f"{name} not found: it is needed {why}. {install}")
    return path


def run(command: Sequence[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command, echoing it; a failure becomes a BuildError with its output."""
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run([str(part) for part in command], text=True, check=False,
                            **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        output = (result.stdout or "") + (result.stderr or "")
        raise BuildError(f"{Path(str(command[0])).name} failed (exit {result.returncode})"
                         + (f":\n{output.strip()}" if output.strip() else ""))
    return result


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of the regular files under ``folder``; symlinks are not followed."""
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


# --- icons -----------------------------------------------------------------------------------


def render_pngs(svg: Path, folder: Path, sizes: Iterable[int] = ICON_SIZES) -> dict[int, Path]:
    """``notegui-SIZE.png`` for each size, rendered from the SVG by Qt's SVG renderer (Qt
    is there anyway; no image tool is needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"{svg} is not an SVG file Qt can render")
    folder.mkdir(parents=True, exist_ok=True)
    pngs = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        pngs[size] = folder / f"{APP}-{size}.png"
        if not image.save(str(pngs[size]), "PNG"):
            raise BuildError(f"cannot write {pngs[size]}")
    return pngs


def _pillow() -> ModuleType:
    """Pillow's Image module, or a BuildError saying how to install it."""
    try:
        from PIL import Image
    except ImportError as error:
        raise BuildError("Pillow is needed for the .ico and .icns icons: "
                         "pip install -e '.[packaging]'") from error
    return Image


def make_ico(pngs: dict[int, Path], target: Path) -> Path:
    """A Windows .ico with the 16 to 256 pixel images."""
    image = _pillow()
    sizes = [size for size in pngs if size <= 256]
    biggest = image.open(pngs[max(sizes)])
    biggest.save(target, format="ICO", sizes=[(size, size) for size in sizes],
                 append_images=[image.open(pngs[size]) for size in sizes])
    return target


def make_icns(pngs: dict[int, Path], target: Path) -> Path:
    """A macOS .icns (Pillow writes it; no need for macOS's iconutil)."""
    image = _pillow()
    biggest = image.open(pngs[max(pngs)])
    biggest.save(target, format="ICNS",
                 append_images=[image.open(path) for size, path in pngs.items()
                                if size in (16, 32, 64, 128, 256, 512)])
    return target


# --- the bundle ------------------------------------------------------------------------------


def stage_notegui(layout: Layout) -> Path:
    """notegui as pip installs it (its package-dir mapping and package data), in a folder
    PyInstaller searches first: PyInstaller cannot follow an editable install. Built from
    a copy of the sources so setuptools' build/ folder lands in the copy."""
    source = layout.work / "source"
    stage = layout.work / "stage"
    for folder in (source, stage):
        shutil.rmtree(folder, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    source.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    # The translation catalogues compiled from their .ts sources (never committed).
    run([sys.executable, ROOT / "scripts" / "translations.py", "build"])
    for name in ("src", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-compile", "--target", stage, source])
    return stage


def build_bundle(layout: Layout, icon: Path | None = None, info_plist: Path | None = None
                 ) -> Path:
    """The PyInstaller one-folder bundle in ``layout.bundle`` (plus notegui.app on macOS)."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(f"PyInstaller is not installed in this Python ({sys.executable}): "
                         "pip install -e '.[packaging]'")
    if sys.platform.startswith("linux"):
        require_tool("objdump", "by PyInstaller and to list the libraries the bundle needs",
                     "Install it: apt-get install binutils")
    layout.stamp.unlink(missing_ok=True)  # a bundle half rebuilt is not fresh
    stage = stage_notegui(layout)
    spec_args = ["--stage", stage, "--version", project_version()]
    if icon:
        spec_args += ["--icon", icon]
    if info_plist:
        spec_args += ["--info-plist", info_plist]
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", layout.out, "--workpath", layout.work / "pyinstaller",
         HERE / "notegui.spec", "--", *spec_args])
    write_licences(layout.bundle)
    size, count = tree_size(layout.bundle)
    print(f"bundle: {layout.bundle} ({megabytes(size)} in {count} files)")
    layout.stamp.write_text(str(layout.bundle), encoding="utf-8")
    return layout.bundle


def write_licences(bundle: Path) -> Path:
    """The licence texts of everything in the bundle, in ``licences`` beside the app (and
    in the macOS .app's Resources); see licences.py."""
    try:
        components = licences.collect(bundle, linux=sys.platform.startswith("linux"))
    except licences.LicenceError as error:
        raise BuildError(str(error)) from error
    folder = licences.write_folder(components, bundle / "licences")
    app = bundle.parent / f"{APP}.app"
    if sys.platform == "darwin" and app.is_dir():
        shutil.copytree(folder, app / "Contents/Resources/licences", dirs_exist_ok=True)
    print(f"licences: {len(components)} components in {folder}")
    return folder


#: What a bundle is built from (relative to the repository): a file here newer than the
#: bundle makes it stale.
BUNDLE_SOURCES = ("src", "resources", "pyproject.toml", "packaging/notegui.spec",
                  "packaging/pyi_bundle.py", "packaging/notegui_launcher.py",
                  "packaging/licences.py", "packaging/licences")
#: Not sources: Python's caches (running the tests writes them), and the catalogues that
#: every build compiles anew from their .ts files.
_NOT_SOURCES = re.compile(r"(^|/)(__pycache__|[^/]*\.egg-info)(/|$)|\.(pyc|qm)$")


def newest_source(root: Path = ROOT) -> tuple[float, Path]:
    """The modification time and path of the newest of :data:`BUNDLE_SOURCES`."""
    files = [path for name in BUNDLE_SOURCES
             for path in ([root / name] if (root / name).is_file()
                          else (root / name).rglob("*"))
             if path.is_file() and not _NOT_SOURCES.search(path.relative_to(root).as_posix())]
    newest = max(files, key=lambda path: path.stat().st_mtime)
    return newest.stat().st_mtime, newest


def fresh_bundle(layout: Layout, root: Path = ROOT) -> tuple[Path | None, str]:
    """The bundle ``build.py bundle`` left in ``layout.bundle`` when it is newer than every
    source it was built from (None if not), and why, for the build's log."""
    if not layout.stamp.is_file() or not (layout.bundle / APP).is_file() or \
            layout.stamp.read_text(encoding="utf-8") != str(layout.bundle):
        return None, f"no finished bundle in {layout.bundle}: building it"
    built = layout.stamp.stat().st_mtime
    changed, newest = newest_source(root)
    if changed > built:
        return None, (f"the bundle in {layout.bundle} is older than "
                      f"{newest.relative_to(root)}: building it again")
    return layout.bundle, (f"reusing the bundle in {layout.bundle}: it is newer than its "
                           "sources (pass --bundle DIR to choose another)")


def reuse_or_build_bundle(layout: Layout) -> Path:
    """A fresh bundle (see :func:`fresh_bundle`), else a new one."""
    bundle, why = fresh_bundle(layout)
    print(f"bundle: {why}", flush=True)
    return bundle or build_bundle(layout)


# --- the .deb --------------------------------------------------------------------------------


def is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def elf_files(bundle: Path) -> list[Path]:
    return sorted(path for path in bundle.rglob("*")
                  if path.is_file() and not path.is_symlink() and is_elf(path))


def objdump(path: Path) -> str:
    return subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True,
                          check=True).stdout


def system_libraries(bundle: Path) -> set[str]:
    """The sonames the bundle's binaries link against that the bundle does not hold."""
    present = {path.name for path in bundle.rglob("*")}
    needed = {name for path in elf_files(bundle) for name in elf_needed(str(path))}
    return needed - present


def glibc_floor(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any binary in the bundle requires."""
    versions = {tuple(int(part) for part in found.split("."))
                for path in elf_files(bundle)
                for found in re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", objdump(path))}
    return ".".join(str(part) for part in max(versions)) if versions else "2.17"


def debian_package(soname: str, arch: str) -> str | None:
    """The installed Debian package that holds a library, by ``dpkg -S``."""
    result = subprocess.run(["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True,
                            check=False)
    for line in result.stdout.splitlines():
        owners, found, _path = line.rpartition(": ")
        if not found or line.startswith("diversion "):
            continue
        for owner in owners.split(", "):
            package, _, qualifier = owner.partition(":")
            if qualifier in ("", arch):
                return package
    return None


def check_depends(sonames: Iterable[str], arch: str) -> None:
    """Every system library the bundle needs comes from a package in :data:`DEPENDS`."""
    listed = {name.strip().split()[0] for group in DEPENDS for name in group.split("|")}
    unknown, unlisted = [], []
    for soname in sorted(sonames):
        if GLIBC.match(soname):
            continue
        package = debian_package(soname, arch)
        if package is None:
            unknown.append(soname)
        elif package not in listed:
            unlisted.append(f"{soname} (package {package})")
    if unknown:
        raise BuildError("the bundle links against libraries no installed package holds, so "
                         "its Depends cannot be checked: " + ", ".join(unknown) +
                         ". Install them (apt-get install the DEPENDS in packaging/build.py).")
    if unlisted:
        raise BuildError("the bundle needs libraries whose packages are not in DEPENDS "
                         "(packaging/build.py): " + ", ".join(unlisted))


def apt_knows(package: str) -> bool:
    """Whether this machine's apt has a package of that name (installed or not)."""
    return shutil.which("apt-cache") is not None and subprocess.run(
        ["apt-cache", "show", "--no-all-versions", package], capture_output=True,
        check=False).returncode == 0


def installable_depends() -> list[str]:
    """One package of each :data:`DEPENDS` group: the first alternative apt knows here, else
    the last (the older name)."""
    chosen = []
    for group in DEPENDS:
        *newer, oldest = (name.strip() for name in group.split("|"))
        chosen.append(next((name for name in newer if apt_knows(name)), oldest))
    return chosen


def control_file(version: str, arch: str, installed_kb: int, libc: str) -> str:
    depends = [f"libc6 (>= {libc})" if group == "libc6" else group for group in DEPENDS]
    return "\n".join([
        f"Package: {APP}",
        f"Version: {version}",
        f"Architecture: {arch}",
        f"Maintainer: {MAINTAINER}",
        f"Installed-Size: {installed_kb}",
        "Depends: " + ", ".join(depends),
        "Section: text",
        "Priority: optional",
        "Description: read, search and annotate a library of linked question notes",
        " notegui keeps question notes (a question, a description, a markdown answer",
        " citing other notes by title, and its sources) in a local SQLite library,",
        " follows the citations both ways and searches as you type. It never touches",
        " the network. Python and Qt are bundled in /usr/lib/notegui.",
        "",
    ])


def release_date() -> str:
    """The day of :func:`build_epoch` (SOURCE_DATE_EPOCH, else the last commit), in UTC."""
    moment = datetime.datetime.fromtimestamp(build_epoch(), datetime.timezone.utc)  # noqa: UP017
    return moment.date().isoformat()


def metainfo(version: str) -> str:
    template = (HERE / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    return template.replace("@VERSION@", version).replace("@DATE@", release_date())


def validate_desktop_files(root: Path) -> None:
    """desktop-file-validate and appstreamcli, when installed; their errors stop the build."""
    desktop = root / "usr/share/applications" / f"{APP}.desktop"
    meta = root / "usr/share/metainfo" / f"{APP_ID}.metainfo.xml"
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", desktop])
    else:
        print("note: desktop-file-validate not found (apt-get install desktop-file-utils); "
              "the .desktop file is not checked")
    if shutil.which("appstreamcli"):
        run(["appstreamcli", "validate", "--no-net", meta], capture_output=True)
    else:
        print("note: appstreamcli not found (apt-get install appstream); "
              "the metainfo is not checked")


def desktop_integration(share: Path, version: str, icons_work: Path) -> None:
    """The freedesktop files under ``share`` (a ``usr/share``): the .desktop entry, the
    AppStream metainfo, and the hicolor icons (PNGs rendered from the SVG, and the SVG)."""
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / "linux" / f"{APP}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo(version),
                                                                encoding="utf-8")
    # The file types (shared-mime-info: its dpkg trigger, or the AppImage's integration).
    (share / "mime/packages").mkdir(parents=True)
    shutil.copy2(HERE / "linux" / f"{APP}-mime.xml", share / "mime/packages" / f"{APP}.xml")
    icons = share / "icons/hicolor"
    for size, png in render_pngs(ICON_SVG, icons_work).items():
        folder = icons / f"{size}x{size}/apps"
        folder.mkdir(parents=True)
        shutil.copy2(png, folder / f"{APP}.png")
    (icons / "scalable/apps").mkdir(parents=True)
    shutil.copy2(ICON_SVG, icons / "scalable/apps" / f"{APP}.svg")


def build_epoch() -> int:
    """The time every file of a package is dated (see deb_rules.source_date_epoch)."""
    return deb_rules.source_date_epoch(ROOT, fallback=int(newest_source()[0]))


def changelog(version: str, epoch: int) -> str:
    """The Debian changelog: one entry, this version, dated like the build."""
    moment = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc)  # noqa: UP017
    return (f"{APP} ({version}) unstable; urgency=medium\n\n"
            f"  * notegui {version}, packaged by packaging/build.py.\n\n"
            f" -- {MAINTAINER}  {email.utils.format_datetime(moment)}\n")


def cli_parser() -> argparse.ArgumentParser:
    """notegui's own argument parser, which the manual page and completions are made from."""
    try:
        from notegui.cli import build_parser
    except ImportError as error:
        raise BuildError(f"notegui is not installed in this Python ({sys.executable}), so "
                         "its manual page cannot be made: pip install -e '.[packaging]'"
                         ) from error
    return build_parser()


def command_line_docs(share: Path, version: str, epoch: int) -> None:
    """The manual page (man1/notegui.1.gz) and the bash, zsh and fish completions under
    ``share``, from the command line's own parser."""
    parser = cli_parser()
    day = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).date()  # noqa: UP017
    page = manpage.manpage(parser, version, day.isoformat())
    deb_rules.gzip_bytes(page.encode("utf-8"), share / "man/man1" / f"{APP}.1.gz")
    completions.write_all(APP, parser, share)


def deb_tree(bundle: Path, root: Path, version: str, epoch: int) -> None:
    """The installed files: the bundle in /usr/lib/notegui, /usr/bin/notegui, the desktop
    integration, the changelog and copyright."""
    shutil.rmtree(root, ignore_errors=True)
    lib = root / "usr/lib" / APP
    shutil.copytree(bundle, lib, symlinks=True)
    patchelf = require_tool("patchelf", "to remove the build machine's paths from the "
                            "bundled libraries' RUNPATH", "Install it: apt-get install patchelf")
    changed = deb_rules.clean_runpaths(elf_files(lib), patchelf)
    print(f"deb: removed the build machine's RUNPATH entries from {changed} files")
    (root / "usr/bin").mkdir(parents=True)
    # Relative, so the launcher also works in a tree unpacked with dpkg-deb -x.
    (root / "usr/bin" / APP).symlink_to(Path("../lib", APP, APP))
    desktop_integration(root / "usr/share", version, root.parent / "icons")
    command_line_docs(root / "usr/share", version, epoch)
    doc = root / "usr/share/doc" / APP
    doc.mkdir(parents=True)
    bundled = lib / "licences"
    if not (bundled / licences.INDEX).is_file():
        raise BuildError(f"{bundle} has no licences/{licences.INDEX}: it was built before "
                         "the licences were collected; build it again (build.py bundle)")
    # The texts where Debian keeps them; the app finds them beside itself through the link.
    shutil.move(str(bundled), doc / "licences")
    bundled.symlink_to(Path("../../share/doc", APP, "licences"))
    (doc / "copyright").write_text(licences.debian_copyright(
        licences.read_folder(doc / "licences"), f"/usr/share/doc/{APP}/licences"),
        encoding="utf-8")
    overrides = root / "usr/share/lintian/overrides"
    overrides.mkdir(parents=True)
    shutil.copy2(HERE / "linux" / f"{APP}.lintian-overrides", overrides / APP)
    deb_rules.gzip_bytes(changelog(version, epoch).encode("utf-8"), doc / "changelog.gz")
    deb_rules.normalise_modes(root)


def build_deb(layout: Layout, bundle: Path | None) -> Path:
    """``notegui_VERSION_ARCH.deb`` in ``layout.out``, byte for byte the same from the same
    bundle and sources (see deb_rules)."""
    dpkg_deb = require_tool("dpkg-deb", "to build the .deb",
                            "Install it: apt-get install dpkg")
    require_tool("objdump", "to list the libraries the bundle needs",
                 "Install it: apt-get install binutils")
    if not sys.platform.startswith("linux"):
        raise BuildError("the .deb is built on Linux (Debian or Ubuntu)")
    bundle = bundle or reuse_or_build_bundle(layout)
    arch = run(["dpkg", "--print-architecture"], capture_output=True).stdout.strip()
    version = project_version()
    epoch = build_epoch()
    check_depends(system_libraries(bundle), arch)
    root = layout.work / "deb" / "root"
    deb_tree(bundle, root, version, epoch)
    validate_desktop_files(root)
    (root / "DEBIAN").mkdir()
    installed_kb = (tree_size(root)[0] + 1023) // 1024
    (root / "DEBIAN/control").write_text(
        control_file(version, arch, installed_kb, glibc_floor(bundle)), encoding="utf-8")
    deb_rules.normalise_modes(root / "DEBIAN")
    deb_rules.set_mtimes(root, epoch)
    layout.out.mkdir(parents=True, exist_ok=True)
    target = layout.out / f"{APP}_{version}_{arch}.deb"
    run([dpkg_deb, "--root-owner-group", "-Zxz", "-z9", "--build", root, target],
        env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch)})
    print(f"deb: {target} ({megabytes(target.stat().st_size)}; "
          f"{megabytes(installed_kb * 1024)} installed)")
    return target


# --- AppImage ------------------------------------------------------------------------------

#: xcb helper libraries Qt's X11 plugin needs that not every distribution installs by
#: default; the AppImage carries them (the .deb depends on them instead).
APPIMAGE_CARRIED = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0",
                    "libxcb-keysyms.so.1", "libxcb-render-util.so.0", "libxcb-util.so.1",
                    "libxkbcommon-x11.so.0")

APPRUN = """\
#!/bin/sh
# The AppImage's entry point: the bundled notegui, with the arguments it was given.
here="$(dirname "$(readlink -f "$0")")"
exec "$here/usr/lib/notegui/notegui" "$@"
"""


def library_path(soname: str) -> Path:
    """Where the dynamic linker finds a library on this machine (``ldconfig -p``)."""
    listing = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True,
                             check=True).stdout
    for line in listing.splitlines():
        if line.strip().startswith(soname + " ") and "=>" in line:
            return Path(line.split("=>")[1].strip())
    raise BuildError(f"{soname} not found: the AppImage carries it; apt-get install the "
                     f"package that holds it (see DEPENDS in packaging/build.py)")


def build_appdir(layout: Layout, bundle: Path | None) -> Path:
    """The AppDir appimagetool packs: AppRun, the bundle in usr/lib/notegui, the desktop
    integration, and the .desktop entry and icon at the top as the AppImage spec wants."""
    if not sys.platform.startswith("linux"):
        raise BuildError("an AppImage is built on Linux")
    bundle = bundle or reuse_or_build_bundle(layout)
    appdir = layout.work / "AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(bundle, appdir / "usr/lib" / APP, symlinks=True)
    for soname in APPIMAGE_CARRIED:
        # The bootloader puts _internal first on LD_LIBRARY_PATH.
        shutil.copy2(library_path(soname), appdir / "usr/lib" / APP / "_internal" / soname)
    desktop_integration(appdir / "usr/share", project_version(), layout.work / "icons")
    (appdir / "AppRun").write_text(APPRUN, encoding="utf-8")
    (appdir / "AppRun").chmod(0o755)
    shutil.copy2(HERE / "linux" / f"{APP}.desktop", appdir)
    shutil.copy2(appdir / "usr/share/icons/hicolor/256x256/apps" / f"{APP}.png", appdir)
    (appdir / ".DirIcon").symlink_to(f"{APP}.png")
    deb_rules.normalise_modes(appdir)
    print(f"AppDir: {appdir}")
    return appdir


def build_appimage(layout: Layout, bundle: Path | None) -> Path:
    """``notegui-VERSION-ARCH.AppImage`` by appimagetool, which this project's own
    machines cannot download (see packaging/README.md)."""
    appimagetool = require_tool(
        "appimagetool", "to pack the AppImage",
        "Download it from https://github.com/AppImage/appimagetool/releases, make it "
        "executable and put it on the PATH.")
    appdir = build_appdir(layout, bundle)
    machine = os.uname().machine
    target = layout.out / f"{APP}-{project_version()}-{machine}.AppImage"
    layout.out.mkdir(parents=True, exist_ok=True)
    run([appimagetool, appdir, target], env={**os.environ, "ARCH": machine})
    print(f"AppImage: {target} ({megabytes(target.stat().st_size)})")
    return target


# --- Windows ---------------------------------------------------------------------------------


def find_makensis() -> str:
    """makensis on the PATH, or where the NSIS installer puts it on Windows."""
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "", "NSIS", "makensis.exe")
        if base and candidate.exists():
            return str(candidate)
    raise BuildError("makensis not found: it compiles the Windows installer. Install NSIS "
                     "(Windows: choco install nsis or nsis.sourceforge.io; "
                     "Debian: apt-get install nsis)")


def file_version(version: str) -> str:
    """Windows' four-number file version: ``0.1.0`` -> ``0.1.0.0``, ``1.2rc1`` -> ``1.2.0.0``."""
    leading = re.match(r"\d+(?:\.\d+)*", version)
    numbers = leading.group(0).split(".")[:4] if leading else []
    return ".".join((numbers + ["0"] * 4)[:4])


def build_windows(layout: Layout, bundle: Path | None) -> Path:
    """``notegui-VERSION-setup.exe``: the NSIS installer of a Windows bundle."""
    makensis = find_makensis()
    icons = layout.work / "icons"
    ico = make_ico(render_pngs(ICON_SVG, icons), icons / f"{APP}.ico")
    if bundle is None:
        if sys.platform != "win32":
            raise BuildError("a Windows bundle is built on Windows (PyInstaller cannot "
                             "cross-build); pass --bundle DIR to package an existing one")
        bundle = build_bundle(layout, icon=ico)
    if not (bundle / f"{APP}.exe").exists():
        raise BuildError(f"{bundle} has no {APP}.exe: not a Windows bundle")
    version = project_version()
    layout.out.mkdir(parents=True, exist_ok=True)
    target = layout.out / f"{APP}-{version}-setup.exe"
    run([makensis, "-V2", "-WX", "-NOCD", f"-DVERSION={version}",
         f"-DFILE_VERSION={file_version(version)}", f"-DBUNDLE={bundle.resolve()}",
         f"-DICON={ico.resolve()}", f"-DOUTFILE={target.resolve()}",
         HERE / "windows" / f"{APP}.nsi"], cwd=HERE / "windows")
    print(f"installer: {target} ({megabytes(target.stat().st_size)})")
    return target


# --- macOS -----------------------------------------------------------------------------------


def build_macos(layout: Layout) -> Path:
    """``notegui.app`` and a compressed ``notegui-VERSION.dmg`` that drags it to
    Applications."""
    icons = layout.work / "icons"
    icns = make_icns(render_pngs(ICON_SVG, icons, (*ICON_SIZES, 1024)), icons / f"{APP}.icns")
    if sys.platform != "darwin":
        raise BuildError(f"a macOS .app is built on macOS (PyInstaller cannot cross-build); "
                         f"made what can be made here: {icns}")
    hdiutil = require_tool("hdiutil", "to make the disk image", "It comes with macOS.")
    build_bundle(layout, icon=icns, info_plist=HERE / "macos" / "Info.plist")
    app = layout.out / f"{APP}.app"
    folder = layout.work / "dmg"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copytree(app, folder / app.name, symlinks=True)
    (folder / "Applications").symlink_to("/Applications")
    target = layout.out / f"{APP}-{project_version()}.dmg"
    target.unlink(missing_ok=True)
    run([hdiutil, "create", "-volname", APP, "-srcfolder", folder, "-ov", "-format", "UDZO",
         target])
    print(f"app: {app}\ndmg: {target} ({megabytes(target.stat().st_size)})")
    return target


# --- the command line ------------------------------------------------------------------------


def build_icons(layout: Layout) -> Path:
    folder = layout.out / "icons"
    pngs = render_pngs(ICON_SVG, folder, (*ICON_SIZES, 1024))
    make_ico(pngs, folder / f"{APP}.ico")
    make_icns(pngs, folder / f"{APP}.icns")
    print(f"icons: {folder}")
    return folder


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", choices=("bundle", "deb", "windows", "macos", "appdir",
                                           "appimage", "icons", "version", "depends"))
    parser.add_argument("--out", type=Path, default=ROOT / "dist",
                        help="where the results go (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "packaging",
                        help="intermediate files (default: build/packaging/)")
    parser.add_argument("--bundle", type=Path,
                        help="package this existing bundle folder instead of building one "
                             "(deb, windows, appdir, appimage)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    layout = Layout(work=args.work.resolve(), out=args.out.resolve())
    bundle = args.bundle.resolve() if args.bundle else None
    if bundle is not None and not bundle.is_dir():
        print(f"build.py: --bundle {args.bundle}: no such folder", file=sys.stderr)
        return 2
    targets: dict[str, Callable[[], object]] = {
        "version": lambda: print(project_version()),
        "depends": lambda: print("\n".join(installable_depends())),
        "bundle": lambda: build_bundle(layout),
        "deb": lambda: build_deb(layout, bundle),
        "windows": lambda: build_windows(layout, bundle),
        "macos": lambda: build_macos(layout),
        "appdir": lambda: build_appdir(layout, bundle),
        "appimage": lambda: build_appimage(layout, bundle),
        "icons": lambda: build_icons(layout),
    }
    try:
        targets[args.target]()
    except BuildError as error:
        print(f"build.py {args.target}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
