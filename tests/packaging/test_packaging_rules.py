"""The rules behind the installers, without building one: what the bundle keeps, the
version they carry, and what build.py says when a tool is missing."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest
from packaging_support import PACKAGING, load

import notegui

build = load("build")
rules = load("pyi_bundle")


def test_the_installers_carry_the_version_of_the_app() -> None:
    assert build.project_version() == notegui.__version__


def test_the_version_is_read_from_the_source_without_importing_it(tmp_path: Path) -> None:
    (tmp_path / "src/pkg").mkdir(parents=True)
    (tmp_path / "src/pkg/__init__.py").write_text('import missing\n__version__ = "2.3.4"\n')
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "pkg"\ndynamic = ["version"]\n'
        '[tool.setuptools]\npackage-dir = { "" = "src" }\n'
        '[tool.setuptools.dynamic]\nversion = { attr = "pkg.__version__" }\n')
    assert build.project_version(tmp_path) == "2.3.4"


@pytest.mark.parametrize(("version", "expected"), [
    ("0.1.0", "0.1.0.0"), ("1.2rc1", "1.2.0.0"), ("3", "3.0.0.0"), ("1.2.3.4.5", "1.2.3.4"),
])
def test_windows_gets_a_four_number_file_version(version: str, expected: str) -> None:
    assert build.file_version(version) == expected


@pytest.mark.parametrize(("plugin", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
])
def test_the_bundle_keeps_only_the_qt_plugins_a_desktop_app_needs(plugin: str, kept: bool
                                                                  ) -> None:
    assert rules.plugin_kept(plugin) is kept


def test_the_bundle_keeps_the_qt_modules_notegui_imports() -> None:
    used = rules.qt_modules_used(Path(notegui.__file__).parent)
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not set(rules.excluded_modules(used, used)) & {f"PySide6.{name}" for name in used}


def test_unused_qt_modules_and_translations_stay_out() -> None:
    excluded = rules.excluded_modules(["QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtQml"],
                                      ["QtCore", "QtGui", "QtWidgets"])
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PIL"} <= set(excluded)
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} & set(excluded)
    unused = ("PySide6/Qt/translations/qtbase_ja.qm", "/x/qtbase_ja.qm", "DATA")
    designer = ("PySide6/Qt/translations/designer_de.qm", "/x/designer_de.qm", "DATA")
    german = ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA")
    assert rules.symlinks_kept([unused, designer, german], []) == [german]


def test_the_bundle_keeps_qt_catalogues_for_every_language_notegui_ships() -> None:
    from notegui.gui.i18n import LANGUAGES

    assert set(rules.SHIPPED_LANGUAGES) == set(LANGUAGES) - {"en"}


def test_linux_desktop_libraries_are_left_to_the_system() -> None:
    for name in ("libX11.so.6", "libxcb-cursor.so.0", "libfontconfig.so.1",
                 "libglib-2.0.so.0", "libstdc++.so.6", "libEGL.so.1", "libz.so.1",
                 "libbz2.so.1.0"):
        assert not rules.entry_kept((name, f"/usr/lib/{name}", "BINARY"), linux=True)
        assert rules.entry_kept((name, f"/usr/lib/{name}", "BINARY"), linux=False)
    for name in ("libpython3.11.so.1.0", "libsqlite3.so.0", "libicuuc.so.73",
                 "libz-1a2b3c4d.so.1.2.13"):
        assert rules.entry_kept((name, f"/x/{name}", "BINARY"), linux=True)


def test_libraries_nothing_needs_any_more_are_dropped_with_their_links() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/s/libQt6Network.so.6", "BINARY"),
    ]
    needs = {"/s/QtGui.abi3.so": ["libQt6Gui.so.6"], "/s/libQt6Gui.so.6": ["libQt6Core.so.6"]}
    kept = rules.reachable_binaries(binaries, lambda source: needs.get(source, []))
    assert [entry[0] for entry in kept] == [entry[0] for entry in binaries[:3]]
    links = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK")]
    assert rules.symlinks_kept(links, kept) == links[:1]


def test_the_deb_depends_on_every_system_library_the_bundle_needs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    packages = {"libX11.so.6": "libx11-6", "libfoo.so.1": "libfoo1", "libc.so.6": None}
    monkeypatch.setattr(build, "debian_package", lambda soname, arch: packages[soname])
    build.check_depends(["libX11.so.6", "libc.so.6"], "amd64")
    with pytest.raises(build.BuildError, match=r"libfoo\.so\.1 \(package libfoo1\)"):
        build.check_depends(["libX11.so.6", "libfoo.so.1"], "amd64")


def test_a_missing_tool_is_named_with_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    assert build.main(["deb", "--bundle", str(PACKAGING)]) == 1
    error = capsys.readouterr().err
    assert "dpkg-deb not found" in error
    assert "apt-get install dpkg" in error


def test_the_mac_info_plist_names_the_app_and_its_version() -> None:
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == build.APP_ID
    assert info["CFBundleShortVersionString"] == "@VERSION@"
    assert info["NSHighResolutionCapable"] is True
