"""notegui's file types on each system, checked as the system reads them: the
shared-mime-info XML compiled by update-mime-database into a throwaway data folder, where
Qt's and GLib's type detection (what Dolphin and Nautilus use) tell a notegui JSON export
from any other JSON by its content and a question note by its name; the .desktop entry
opens them with notegui; the macOS Info.plist declares them; the Windows installer adds
and removes its per-user file types."""

from __future__ import annotations

import os
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest
from packaging_support import PACKAGING, load

from notegui.core.formats import json_format
from notegui.core.formats.document import LibraryDocument

MIME_XML = PACKAGING / "linux" / "notegui-mime.xml"
DESKTOP = PACKAGING / "linux" / "notegui.desktop"
NSI = PACKAGING / "windows" / "notegui.nsi"
SYSTEM_TYPES = Path("/usr/share/mime/packages/freedesktop.org.xml")
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
EXPORT_TYPE = "application/x-notegui+json"
QUESTION_TYPE = "text/x-notegui-question"

build = load("build")

QT_DETECT = """
import sys
from PySide6.QtCore import QCoreApplication, QMimeDatabase
app = QCoreApplication([])
for name in sys.argv[1:]:
    print(QMimeDatabase().mimeTypeForFile(name).name())
"""


def declared_types() -> list[str]:
    root = ET.parse(MIME_XML).getroot()
    return [kind.get("type", "") for kind in root.findall("m:mime-type", NS)]


def desktop_entry() -> ConfigParser:
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # (keys keep their case)
    entry.read(DESKTOP, encoding="utf-8")
    return entry


def test_the_mime_xml_declares_the_export_and_the_question_note() -> None:
    assert declared_types() == [EXPORT_TYPE, QUESTION_TYPE]
    if shutil.which("xmllint"):
        result = subprocess.run(["xmllint", "--noout", str(MIME_XML)], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0, result.stderr


def test_the_desktop_entry_opens_those_types_with_files_as_arguments() -> None:
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Exec"] == "notegui %F"
    assert [kind for kind in entry["MimeType"].split(";") if kind] == declared_types()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_deb_and_the_appdir_install_the_types_beside_the_desktop_entry(
        tmp_path: Path) -> None:
    """What build.py puts in a package's usr/share (the .deb's, the AppDir's)."""
    share = tmp_path / "usr/share"
    build.desktop_integration(share, "1.2.3", tmp_path / "icons")
    assert (share / "mime/packages/notegui.xml").read_bytes() == MIME_XML.read_bytes()
    assert (share / "applications/notegui.desktop").read_bytes() == DESKTOP.read_bytes()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the system's types and notegui's, compiled as dpkg's trigger
    compiles /usr/share/mime."""
    if not (shutil.which("update-mime-database") and SYSTEM_TYPES.exists()):
        pytest.skip("needs shared-mime-info (apt-get install shared-mime-info)")
    share = tmp_path_factory.mktemp("share")
    packages = share / "mime/packages"
    packages.mkdir(parents=True)
    shutil.copy2(SYSTEM_TYPES, packages)
    shutil.copy2(MIME_XML, packages / "notegui.xml")
    result = subprocess.run(["update-mime-database", str(share / "mime")], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "notegui" not in result.stderr, result.stderr
    return share


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("samples")
    files = {
        # What File ▸ Export and `notegui export --format json` write.
        "export.json": json_format.dumps(LibraryDocument(notes=())),
        "packed.json": '{"format":"notegui","version":1,"notes":[],"annotations":[]}',
        "other.json": '{"name": "a table", "format": "csv"}',
        "Why is the sky blue.question.txt": "Why is the sky blue?\nBecause.\n",
        "shopping.txt": "milk\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: folder / name for name in files}


EXPECTED = {
    "export.json": EXPORT_TYPE,
    "packed.json": EXPORT_TYPE,
    "other.json": "application/json",
    "Why is the sky blue.question.txt": QUESTION_TYPE,
    "shopping.txt": "text/plain",
}


def detection_env(share: Path, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_DIRS": str(share), "XDG_DATA_HOME": str(tmp_path / "home")}


def test_qt_tells_the_types_apart(data_dir: Path, samples: dict[str, Path],
                                  tmp_path: Path) -> None:
    """In a process of its own: Qt reads the type database once, at its first use."""
    names = list(EXPECTED)
    result = subprocess.run([sys.executable, "-c", QT_DETECT, *map(str, map(samples.get, names))],
                            capture_output=True, text=True, check=False,
                            env=detection_env(data_dir, tmp_path))
    assert result.returncode == 0, result.stderr
    assert dict(zip(names, result.stdout.split(), strict=True)) == EXPECTED


def test_glib_and_xdg_mime_tell_the_types_apart(data_dir: Path, samples: dict[str, Path],
                                                tmp_path: Path) -> None:
    if not shutil.which("gio"):
        pytest.skip("needs gio (apt-get install libglib2.0-bin)")
    env = detection_env(data_dir, tmp_path)
    for name, expected in EXPECTED.items():
        info = subprocess.run(["gio", "info", "-a", "standard::content-type",
                               str(samples[name])], capture_output=True, text=True, check=True,
                              env=env).stdout
        assert f"standard::content-type: {expected}\n" in info, name
        if shutil.which("xdg-mime"):  # (which asks gio on GNOME, `file` where no desktop is)
            asked = subprocess.run(["xdg-mime", "query", "filetype", str(samples[name])],
                                   capture_output=True, text=True, check=True,
                                   env={**env, "XDG_CURRENT_DESKTOP": "GNOME"}).stdout
            assert asked.strip() == expected, name


def test_the_mac_app_declares_the_documents_it_opens() -> None:
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    exported = {kind["UTTypeIdentifier"]: kind for kind in info["UTExportedTypeDeclarations"]}
    assert {kind["UTTypeTagSpecification"]["public.mime-type"][0]
            for kind in exported.values()} == set(declared_types())
    assert all(name.startswith(info["CFBundleIdentifier"] + ".") for name in exported)
    documents = info["CFBundleDocumentTypes"]
    opened = {name for document in documents for name in document["LSItemContentTypes"]}
    assert set(exported) <= opened
    for document in documents:
        assert document["CFBundleTypeRole"] == "Viewer"  # (notegui imports; never writes back)
        # Alternate: offered in Open With, never the default for all JSON or text files.
        assert document["LSHandlerRank"] == "Alternate"


def test_the_windows_installer_removes_every_file_type_it_adds() -> None:
    script = NSI.read_text(encoding="utf-8")
    install, uninstall = script.split('Section "Uninstall"')
    progids = dict(re.findall(r'!define (PROGID_\w+) "([^"]+)"', script))
    assert set(progids.values()) == {"notegui.LibraryExport", "notegui.QuestionNote"}
    for define in progids:
        assert f'"${{CLASSES}}\\${{{define}}}\\shell\\open\\command"' in install
        assert f'DeleteRegKey HKCU "${{CLASSES}}\\${{{define}}}"' in uninstall
    added = re.findall(r'WriteRegStr HKCU "\$\{CLASSES\}\\(\.\w+)\\OpenWithProgids" "([^"]+)"',
                       install)
    assert sorted(added) == [(".json", "${PROGID_EXPORT}"), (".txt", "${PROGID_QUESTION}")]
    for extension, progid in added:
        assert (f'DeleteRegValue HKCU "${{CLASSES}}\\{extension}\\OpenWithProgids" '
                f'"{progid}"') in uninstall
    assert 'DeleteRegKey HKCU "${CLASSES}\\Applications\\${APP}.exe"' in uninstall
    # Never the default app of .json or .txt: the extension keys' own value is not written.
    assert not re.search(r'WriteRegStr HKCU "\$\{CLASSES\}\\\.\w+" ""', install)
