"""Help ▸ About in a packaged notegui lists the components it carries with their licences
and opens the folder of their texts; run from the sources, it offers no such button."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from notegui.core.bundled_licences import bundled_components, licence_folder
from notegui.gui import about_box
from notegui.gui.about_box import AboutBox


@pytest.fixture
def licences(tmp_path: Path) -> Path:
    """A folder as packaging/licences.py writes it beside the app."""
    folder = tmp_path / "app" / "licences"
    folder.mkdir(parents=True)
    (folder / "Python.txt").write_text("PSF LICENSE AGREEMENT\n")
    (folder / "Qt.txt").write_text("GNU LESSER GENERAL PUBLIC LICENSE\n")
    (folder / "index.json").write_text(json.dumps([
        {"name": "Python", "version": "3.11.7", "licence": "PSF-2.0", "file": "Python.txt"},
        {"name": "Qt 6, PySide6 and shiboken6", "version": "6.11.3",
         "licence": "LGPL-3.0-only", "file": "Qt.txt"}]))
    return folder


def test_the_packaged_app_finds_its_licences_beside_itself(licences: Path) -> None:
    executable = licences.parent / "notegui"
    executable.write_bytes(b"")
    assert licence_folder(executable) == licences
    components = bundled_components(licences)
    assert [(c.name, c.licence) for c in components] == [
        ("Python", "PSF-2.0"), ("Qt 6, PySide6 and shiboken6", "LGPL-3.0-only")]
    assert components[1].text.read_text().startswith("GNU LESSER")


def test_a_mac_app_finds_them_in_its_resources(tmp_path: Path, licences: Path) -> None:
    contents = tmp_path / "notegui.app/Contents"
    (contents / "MacOS").mkdir(parents=True)
    shutil.copytree(licences, contents / "Resources/licences")
    assert licence_folder(contents / "MacOS/notegui") == contents / "Resources/licences"


def test_notegui_from_its_sources_has_no_licence_folder() -> None:
    assert licence_folder() is None  # not frozen


def test_an_unreadable_index_lists_nothing(licences: Path) -> None:
    (licences / "index.json").write_text("{not json")
    assert bundled_components(licences) == []


def test_about_lists_the_components_and_opens_their_licences(
        qtbot, licences: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(about_box.QDesktopServices, "openUrl", opened.append)
    box = AboutBox("1.2.3", Path("/home/me/library.sqlite3"), licences)
    qtbot.addWidget(box)
    assert "notegui 1.2.3" in box.text() and "library.sqlite3" in box.text()
    assert "2 components" in box.text()
    assert box.detailedText().splitlines() == [
        "Python 3.11.7: PSF-2.0", "Qt 6, PySide6 and shiboken6 6.11.3: LGPL-3.0-only"]
    assert box.licences_button is not None
    assert box.licences_button.text() == "Licences…"
    box.licences_button.click()
    assert opened == [QUrl.fromLocalFile(str(licences))]


def test_about_from_the_sources_offers_no_licences_button(qtbot) -> None:
    box = AboutBox("1.2.3", Path("/tmp/library.sqlite3"), None)
    qtbot.addWidget(box)
    assert box.licences_button is None and box.detailedText() == ""
    assert [button.text() for button in box.buttons()] == [
        box.button(QMessageBox.StandardButton.Close).text()]
