"""The licence texts the packages ship (packaging/licences.py): every Python package
notegui runs with, Python itself, Qt under the LGPL, and the C libraries in the bundle, and
the Debian copyright file in the machine-readable format made from them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from packaging_support import load

licences = load("licences")

REQUIRED = ("notegui", "Python", "Qt 6, PySide6 and shiboken6", "peewee", "Pygments",
            "markdown-it-py", "mdit-py-plugins", "mdurl", "PyYAML", "platformdirs", "dulwich",
            "igraph", "pyinstaller")


@pytest.fixture(scope="module")
def components() -> list[object]:
    pytest.importorskip("PyInstaller", reason="the packaging extra: pip install -e '.[packaging]'")
    return licences.collect(Path("/nonexistent"), linux=False)


def test_every_python_component_comes_with_its_licence_text(components: list) -> None:
    by_name = {component.name: component for component in components}
    assert set(REQUIRED) <= set(by_name)
    assert components[0].name == "notegui"
    for component in components:
        assert component.texts and all(len(text) > 200 for _title, text in component.texts), \
            component.name
    qt = by_name["Qt 6, PySide6 and shiboken6"]
    assert qt.licence == "LGPL-3.0-only"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in "".join(text for _t, text in qt.texts)
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in by_name["Python"].texts[0][1]
    assert by_name["dulwich"].licence == "Apache-2.0 OR GPL-2.0-or-later"


def test_only_the_bootloader_of_pyinstaller_counts(components: list) -> None:
    """PyInstaller's own dependencies build the bundle but are not in it."""
    names = {component.name.lower() for component in components}
    assert "pyinstaller" in names and not {"altgraph", "pyinstaller-hooks-contrib"} & names


def test_the_folder_has_a_text_per_component_and_an_index(components: list,
                                                          tmp_path: Path) -> None:
    folder = licences.write_folder(components, tmp_path / "licences")
    index = json.loads((folder / "index.json").read_text())
    assert [entry["name"] for entry in index] == [component.name for component in components]
    for entry in index:
        assert (folder / entry["file"]).read_text().strip()


def test_bundled_c_libraries_get_their_debian_copyright(tmp_path: Path) -> None:
    if not shutil.which("dpkg") or not Path("/usr/share/doc/libsqlite3-0/copyright").exists():
        pytest.skip("needs Debian's libsqlite3-0")
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal/libsqlite3.so.0").write_bytes(b"\x7fELF")
    (bundle / "_internal/libQt6Core.so.6").write_bytes(b"\x7fELF")  # Qt's: covered
    (found,) = licences.system_library_components(bundle)
    assert found.name == "libsqlite3" and found.licence == "public-domain"
    assert "/usr/share/doc/libsqlite3-0/copyright" in found.texts[0][0]
    (bundle / "_internal/libnowhere-to-be-found.so.1").write_bytes(b"\x7fELF")
    with pytest.raises(licences.LicenceError, match="libnowhere-to-be-found"):
        licences.system_library_components(bundle)


def paragraphs(text: str) -> list[dict[str, str]]:
    """DEP-5's paragraphs: fields, continuation lines begin with a space."""
    result = []
    for block in text.strip().split("\n\n"):
        fields: dict[str, str] = {}
        name = ""
        for line in block.splitlines():
            if line.startswith(" "):
                fields[name] += "\n" + line
            else:
                name, _, value = line.partition(":")
                assert re.fullmatch(r"[A-Za-z-]+", name), line
                fields[name] = value.strip()
        result.append(fields)
    return result


def test_the_debian_copyright_file_is_machine_readable(components: list) -> None:
    text = licences.debian_copyright(components, "/usr/share/doc/notegui/licences")
    header, *rest = paragraphs(text)
    assert header["Format"].startswith("https://www.debian.org/doc/packaging-manuals/")
    files = [paragraph for paragraph in rest if "Files" in paragraph]
    standalone = {paragraph["License"].split("\n")[0]: paragraph for paragraph in rest
                  if "Files" not in paragraph}
    assert [paragraph["Files"] for paragraph in files] == ["*",
                                                           "usr/lib/notegui/_internal/*"]
    used = {name for paragraph in files
            for name in licences.dep5_names(paragraph["License"].split("\n")[0]
                                            .replace("(", "").replace(")", ""))}
    assert used == set(standalone)
    assert all(len(paragraph["License"].splitlines()) > 1 for paragraph in standalone.values())
    assert "/usr/share/common-licenses/LGPL-3" in standalone["LGPL-3.0-only"]["License"]
    for component in components[1:]:
        assert f" {component.name} {component.version}: " in files[1]["Comment"]


@pytest.mark.parametrize(("licence", "expression"), [
    ("MIT", "MIT"),
    ("Apache-2.0 OR GPL-2.0-or-later", "Apache-2.0 or GPL-2.0-or-later"),
    ("GPL-2.0-or-later WITH Bootloader", "GPL-2.0-or-later with Bootloader exception"),
    ("see the text", "other"),
])
def test_licence_names_are_written_as_dep5_wants(licence: str, expression: str) -> None:
    assert licences.dep5_expression(licence) == expression


def test_a_windows_python_gives_the_licence_beside_it(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """python.org's Windows build keeps LICENSE.txt beside python.exe, with the licences of
    the libraries it carries appended."""
    (tmp_path / "LICENSE.txt").write_text("A. HISTORY OF THE SOFTWARE\n...\nlibffi ...\n")
    monkeypatch.setattr(licences.sys, "base_prefix", str(tmp_path))
    python = licences.python_component()
    assert python.name == "Python" and "libffi" in python.texts[0][1]
