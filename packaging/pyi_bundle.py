"""What goes into the PyInstaller bundle: the rules ``notegui.spec`` applies to the Analysis.

notegui uses QtCore, QtGui and QtWidgets only (:func:`qt_modules_used`). PyInstaller's
PySide6 hooks collect every Qt plugin and translation that QtGui might load, and the shared
libraries those plugins need. These rules keep the plugins a desktop notes app needs and
drop the rest, drop Qt's translations but those of the languages notegui ships, and on Linux
leave the desktop's own libraries (X11, Wayland, fontconfig, GLib, D-Bus, OpenGL, the C++
runtime) to the system, where the .deb's Depends bring them. Then every shared library no
kept binary needs any more is dropped too.

Pure functions of PyInstaller's TOC entries ``(destination, source, typecode)``, so they are
tested without running PyInstaller (tests/packaging/test_packaging_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

Entry = tuple[str, str, str]

_QT_IMPORT = re.compile(r"\bPySide6\.(Qt\w+)")

#: Python modules that the app's dependencies import only optionally or never at run time:
#: Pillow (Pygments' image formatter, 19 MB with its libraries), Tk, and TLS and OpenSSL's
#: hashes (notegui never touches the network; hashlib falls back to Python's own hashes):
#: libssl and libcrypto are 5 MB.
EXCLUDED_PYTHON = ("PIL", "tkinter", "_tkinter", "ssl", "_ssl", "_hashlib")

#: Qt plugins kept, by category and name (file name less ``lib``/``q`` and the suffix).
KEPT_PLUGINS: dict[str, frozenset[str]] = {
    # X11, Wayland, Windows, macOS; offscreen for the smoke test and headless runs.
    "platforms": frozenset({"xcb", "wayland", "windows", "cocoa", "offscreen"}),
    # The desktop's file dialogs and dark mode through the XDG portal (not GTK 3's theme
    # plugin, which would pull in GTK, Cairo and Pango).
    "platformthemes": frozenset({"xdgdesktopportal"}),
    # Dead keys and compose sequences; input methods through IBus.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}),
    # The native widget styles of Windows 11 and macOS.
    "styles": frozenset({"modernwindowsstyle", "macstyle", "windowsvistastyle"}),
    # SVG icons (the app icon, icon themes).
    "iconengines": frozenset({"svgicon"}),
    "imageformats": frozenset({"svg"}),
    # Wayland: the xdg-shell and window decorations drawn by the client.
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient", "adwaita"}),
}

#: Shared libraries every Linux desktop has, left to the system (Debian: the .deb's
#: Depends). Bundling them breaks more than it fixes: a bundled libstdc++ older than the
#: system's breaks Mesa's drivers, a bundled fontconfig misreads a newer fonts.conf. What
#: only these needed (libpng, libexpat, libpcre2, ...) then goes too, as unreachable.
SYSTEM_LIBRARIES = re.compile(
    r"^lib("
    r"X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|xcb(-.+)?|xkbcommon(-x11)?|wayland-.+"
    r"|fontconfig|freetype|glib-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0"
    r"|dbus-1|GL|EGL|GLX|GLdispatch|OpenGL|stdc\+\+|gcc_s"
    r")(-[0-9a-f]{8})?\.so(\..*)?$"
    # zlib and bzip2, which dpkg itself needs, so every Debian and Ubuntu has them (lintian
    # calls a copy an embedded-library error). Not a wheel's renamed copy (libz-1a2b3c4d):
    # what links against it asks for it by that name.
    r"|^lib(z|bz2)\.so(\..*)?$"
)

# PySide6 keeps plugins in PySide6/Qt/plugins (Linux, macOS) or PySide6/plugins (Windows).
_PLUGIN = re.compile(r"^PySide6/(Qt/)?plugins/(?P<category>[^/]+)/(?P<file>[^/]+)$")
# Qt's own catalogues of the languages notegui ships (notegui.gui.i18n.LANGUAGES but English,
# which needs none): the standard buttons and a text field's context menu in that language.
SHIPPED_LANGUAGES = ("de",)
_TRANSLATION = re.compile(r"^PySide6/(Qt/)?translations/(?!qtbase_(%s)\.qm$)"
                          % "|".join(SHIPPED_LANGUAGES))
_PLUGIN_NAME = re.compile(r"^(lib)?q?(?P<name>[^.]+)\.(so|dll|dylib)$")


def _posix(destination: str) -> str:
    return destination.replace("\\", "/")


def qt_modules_used(package: Path) -> set[str]:
    """The Qt modules the sources under ``package`` import (``PySide6.QtCore`` -> QtCore):
    today QtCore, QtGui and QtWidgets."""
    return {name for path in package.rglob("*.py")
            for name in _QT_IMPORT.findall(path.read_text(encoding="utf-8"))}


def excluded_modules(pyside_modules: Iterable[str], used: Iterable[str]) -> list[str]:
    """The Python modules to leave out: every installed PySide6 module (``pyside_modules``:
    ``QtNetwork``, ...) that notegui does not use, and :data:`EXCLUDED_PYTHON`."""
    kept = set(used)
    unused = sorted(f"PySide6.{name}" for name in pyside_modules if name not in kept)
    return [*unused, *EXCLUDED_PYTHON]


def plugin_kept(destination: str) -> bool:
    """Whether a Qt plugin (a path in the bundle) is one of :data:`KEPT_PLUGINS`."""
    plugin = _PLUGIN.match(_posix(destination))
    if plugin is None:
        return False
    name = _PLUGIN_NAME.match(plugin.group("file"))
    kept = KEPT_PLUGINS.get(plugin.group("category"), frozenset())
    return name is not None and name.group("name") in kept


def entry_kept(entry: Entry, *, linux: bool) -> bool:
    """The first pass over the binaries: plugins by :data:`KEPT_PLUGINS`, no unused translations,
    and on Linux no :data:`SYSTEM_LIBRARIES`."""
    destination = _posix(entry[0])
    if _PLUGIN.match(destination):
        return plugin_kept(destination)
    if _TRANSLATION.match(destination):
        return False
    return not (linux and SYSTEM_LIBRARIES.match(PurePosixPath(destination).name))


def _is_root(entry: Entry) -> bool:
    """Binaries loaded by something other than another bundled library: Python extension
    modules, Qt plugins, and libpython (the bootloader opens it)."""
    destination = _posix(entry[0])
    return (entry[2] == "EXTENSION" or _PLUGIN.match(destination) is not None
            or PurePosixPath(destination).name.startswith("libpython"))


def reachable_binaries(binaries: list[Entry], imports_of: Callable[[str], list[str]]
                       ) -> list[Entry]:
    """The binaries that a root (see :func:`_is_root`) needs, directly or not.

    ``imports_of(source)`` lists the library names a binary links against (``DT_NEEDED``
    on Linux), e.g. ``PyInstaller.depend.bindepend.get_imports`` less its paths.
    """
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(_posix(entry[0])).name, []).append(entry)
    kept: dict[str, Entry] = {}
    todo = [entry for entry in binaries if _is_root(entry)]
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept[entry[0]] = entry
        for needed in imports_of(entry[1]):
            todo.extend(by_name.get(PurePosixPath(needed).name, []))
    return [entry for entry in binaries if entry[0] in kept]


def symlinks_kept(datas: list[Entry], binaries: list[Entry]) -> list[Entry]:
    """``datas`` less the unused translations and the symlinks (``SYMLINK`` entries, whose source
    is the link's target relative to the link) that point at a dropped binary."""
    present = {_posix(entry[0]) for entry in binaries}
    kept = []
    for entry in datas:
        destination = _posix(entry[0])
        if _TRANSLATION.match(destination):
            continue
        if entry[2] == "SYMLINK":
            target = PurePosixPath(destination).parent / _posix(entry[1])
            if _normalise(target) not in present:
                continue
        kept.append(entry)
    return kept


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def prune(binaries: list[Entry], datas: list[Entry], *, linux: bool,
          imports_of: Callable[[str], list[str]]) -> tuple[list[Entry], list[Entry]]:
    """Both passes over an Analysis: (binaries, datas) to collect."""
    first = [entry for entry in binaries if entry_kept(entry, linux=linux)]
    kept = reachable_binaries(first, imports_of) if linux else first
    return kept, symlinks_kept(datas, kept)


def elf_needed(path: str) -> list[str]:
    """The libraries an ELF file links against directly (its ``DT_NEEDED``), by objdump."""
    import subprocess

    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True,
                            check=False)
    return [line.split()[1] for line in result.stdout.splitlines()
            if line.strip().startswith("NEEDED")]
