"""The licence texts of everything the bundle carries, collected at build time into one
folder (``licences/`` beside the app; /usr/share/doc/notegui/licences in the .deb), and
the .deb's machine-readable copyright file made from them.

Where each text comes from:

- Python packages (notegui's requirements, followed to the end, and PyInstaller, whose
  bootloader starts the app): the licence files in their installed ``.dist-info``.
- Python itself: the ``LICENSE.txt`` of the Python running the build (its standard library).
- Qt and PySide6/shiboken6, whose wheels carry no licence file: the LGPL-3.0 and GPL-3.0
  texts and a notice kept in ``packaging/licences/``.
- On Linux, the C libraries the bundle holds (copied from the build machine, or vendored
  by a wheel: ICU, SQLite, libffi, liblzma, libxml2, …) and the ones linked statically into
  an extension (expat, mpdecimal, libyaml): the Debian copyright file of the system
  package of that library (``dpkg -S``), which holds its licence.

A bundled library with no licence found stops the build, naming it and what to install.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "licences"
INDEX = "index.json"  # what the app's About box lists (notegui.core.bundled_licences)

_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]es?|copying|notice|authors)([./-]|$)",
                           re.IGNORECASE)
_HASHED = re.compile(r"-[0-9a-f]{8}(?=\.so)")  # auditwheel's renamed copies
#: Libraries linked statically into an extension module: the module's name, the library,
#: and the Debian package whose copyright file holds its licence. Debian 12 has no
#: mpdecimal package (its Python uses the copy in Python's sources too): its text is kept
#: in packaging/licences.
STATIC = (("pyexpat", "expat", "libexpat1"), ("_decimal", "mpdecimal", "libmpdec3"),
          ("_yaml", "libyaml", "libyaml-0-2"))
KEPT_TEXTS = {"mpdecimal": "mpdecimal.txt"}
#: What the wheels' own licences cover: their Qt, shiboken, Python and extension files.
_COVERED = re.compile(r"^lib(Qt6|pyside6|shiboken6|python)|^lib(q|.*plugin)|\.abi3\.so$"
                      r"|cpython-")


class LicenceError(Exception):
    """A bundled component whose licence cannot be found; the message says which."""


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (where the text came from, the text)

    @property
    def file_name(self) -> str:
        return re.sub(r"[^A-Za-z0-9._+-]", "-", self.name) + ".txt"


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    """The distributions ``dist`` requires here (markers evaluated; extras left out)."""
    from packaging.requirements import Requirement  # PyInstaller's dependency

    names = []
    for text in dist.requires or ():
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None or marker.evaluate({"extra": ""}):
            names.append(requirement.name)
    return names


def python_distributions(top: str = "notegui") -> list[metadata.Distribution]:
    """``top``'s requirements, theirs and so on, and PyInstaller (its bootloader is the
    app's executable), by name."""
    found: dict[str, metadata.Distribution] = {"pyinstaller": metadata.distribution(
        "pyinstaller")}  # not what it requires: only its bootloader is in the bundle
    todo = _requirement_names(metadata.distribution(top))
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        found[key] = metadata.distribution(name)
        todo += _requirement_names(found[key])
    return [found[key] for key in sorted(found)]


#: SPDX names where a package's metadata gives none or a vague one, and of the C libraries.
KNOWN_LICENCES = {
    "peewee": "MIT", "igraph": "GPL-2.0-or-later",
    "pyinstaller": "GPL-2.0-or-later WITH Bootloader",  # COPYING.txt: the exception
    "expat": "MIT", "libffi": "MIT", "libgomp": "GPL-3.0-or-later WITH GCC-Runtime-3.1",
    "libicudata": "ICU", "libicui18n": "ICU", "libicuuc": "ICU", "liblzma": "public-domain",
    "libsqlite3": "public-domain", "libuuid": "BSD-3-Clause", "libxml2": "MIT",
    "libyaml": "MIT", "libzstd": "BSD-3-Clause OR GPL-2.0-only", "mpdecimal": "BSD-2-Clause",
    "libbz2": "bzip2-1.0.6", "libz": "Zlib", "libcrypto": "Apache-2.0",
    "libssl": "Apache-2.0",
}


def _licence_name(dist: metadata.Distribution) -> str:
    if dist.metadata["Name"].lower() in KNOWN_LICENCES:
        return KNOWN_LICENCES[dist.metadata["Name"].lower()]
    meta = dist.metadata
    if meta.get("License-Expression"):
        return str(meta["License-Expression"])
    licence = str(meta.get("License") or "")
    if licence and "\n" not in licence and len(licence) < 80:
        return licence
    classifiers = [value.split(" :: ")[-1].removesuffix(" License")
                   for value in meta.get_all("Classifier") or ()
                   if value.startswith("License ::")]
    return " OR ".join(classifiers) or "see the text"


def distribution_component(dist: metadata.Distribution) -> Component | None:
    """The component of a Python package, with its licence files; None when its wheel has
    none (PySide6 and shiboken6: see :func:`qt_component`)."""
    files = sorted(str(file) for file in dist.files or ()
                   if ".dist-info/" in str(file) and _LICENCE_FILE.search(
                       str(file).split(".dist-info/", 1)[1]))
    texts = tuple((f"{dist.metadata['Name']} {dist.version}: {Path(file).name}",
                   Path(str(dist.locate_file(file))).read_text(encoding="utf-8",
                                                               errors="replace"))
                  for file in files)
    if not texts:
        return None
    return Component(str(dist.metadata["Name"]), dist.version, _licence_name(dist), texts)


def python_component() -> Component:
    """CPython's licence, from the Python running the build: python.org's Windows build
    keeps it beside python.exe, with the licences of the libraries it carries (OpenSSL,
    SQLite, libffi, …) appended; the others in the standard library."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    version = ".".join(map(str, sys.version_info[:3]))
    for candidate in (Path(sys.base_prefix) / "LICENSE.txt", stdlib / "LICENSE.txt",
                      Path(f"/usr/share/doc/python{sys.version_info[0]}."
                           f"{sys.version_info[1]}/copyright")):
        if candidate.is_file():
            return Component("Python", version, "PSF-2.0",
                             ((f"Python {version}: {candidate}",
                               candidate.read_text(encoding="utf-8")),))
    raise LicenceError(f"no LICENSE.txt in {stdlib} or {sys.base_prefix}: the bundled "
                       "Python's licence cannot be shipped")


def qt_component(pyside: metadata.Distribution) -> Component:
    """Qt 6 and PySide6/shiboken6 (LGPL-3.0-only, which is the GPL-3.0 plus its
    additional permissions): the notice and both texts kept in packaging/licences."""
    texts = tuple((f"Qt and PySide6 {pyside.version}: {name}",
                   (TEXTS / name).read_text(encoding="utf-8"))
                  for name in ("Qt-NOTICE.txt", "LGPL-3.0.txt", "GPL-3.0.txt"))
    return Component("Qt 6, PySide6 and shiboken6", pyside.version, "LGPL-3.0-only", texts)


def _debian_copyright(package: str) -> str | None:
    path = Path("/usr/share/doc") / package / "copyright"
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else None


def _package_of(library: str, exact: bool = False) -> str | None:
    """The Debian package that installs a library of this file name, else of this name in
    any version (``libicuuc.so.73`` -> libicu72 here: the same library's licence), not a
    -dev package; ``exact``: this very file name only."""
    stem = _HASHED.sub("", library).split(".so")[0]
    patterns = [f"*/{library}"] if exact else [f"*/{library}", f"*/{stem}.so.*"]
    for pattern in patterns:
        result = subprocess.run(["dpkg", "-S", pattern], capture_output=True, text=True,
                                check=False)
        owners = [owner.split(":")[0] for line in result.stdout.splitlines()
                  if ": " in line and not line.startswith("diversion ")
                  for owner in line.rpartition(": ")[0].split(", ")]
        owners = [owner for owner in owners if not owner.endswith("-dev")]
        if owners:
            return owners[0]
    return None


def static_version(library: str) -> str | None:
    """The version of a library linked into the build's Python or PyYAML (the bundle's)."""
    if library == "expat":
        import pyexpat
        return pyexpat.EXPAT_VERSION.removeprefix("expat_")
    if library == "mpdecimal":
        import decimal
        return str(getattr(decimal, "__libmpdec_version__", "")) or None
    return None


def system_library_components(bundle: Path) -> list[Component]:
    """The C libraries the bundle holds and those linked into its extensions (Linux), with
    the version the bundle has: the Debian package's for a copy of a system library, the
    file name's for a wheel's own (ICU 73 in PySide6, say, where the system has 72)."""
    found: dict[str, tuple[str, str | None]] = {}  # library -> (Debian package, version)
    missing = []
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or _COVERED.search(path.name) or "plugins" in path.parts:
            continue
        package = _package_of(path.name)
        library = _HASHED.sub("", path.name).split(".so")[0]
        if package is None:
            missing.append(path.name)
            continue
        copied = _HASHED.search(path.name) is None and _package_of(path.name, exact=True)
        found[library] = (package, None if copied else path.name.split(".so.")[-1])
    for module, library, package in STATIC:
        if any(path.name.startswith(module + ".") for path in bundle.rglob(f"{module}.*")):
            found[library] = (package, static_version(library))
    by_package: dict[str, list[str]] = {}  # ICU's three libraries: one licence
    for library, (package, _version) in sorted(found.items()):
        by_package.setdefault(package, []).append(library)
    components = []
    for package, libraries in sorted(by_package.items()):
        library = ", ".join(libraries)
        version = found[libraries[0]][1]
        text = _debian_copyright(package)
        source = f"/usr/share/doc/{package}/copyright"
        if text is None and library in KEPT_TEXTS:
            source = f"notegui's packaging/licences/{KEPT_TEXTS[library]}"
            text = (TEXTS / KEPT_TEXTS[library]).read_text(encoding="utf-8")
        if text is None:
            missing.append(f"{library} (apt-get install {package})")
            continue
        if version is None:
            version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package],
                                     capture_output=True, text=True,
                                     check=False).stdout.strip() or "?"
        components.append(Component(library, version,
                                    KNOWN_LICENCES.get(libraries[0], "see the text"),
                                    ((f"{library}: {source}", text),)))
    if missing:
        raise LicenceError("no licence found for the bundled libraries "
                           + ", ".join(missing) + ": install their Debian packages")
    return components


def collect(bundle: Path, linux: bool) -> list[Component]:
    """Every component of the bundle with its licence texts, notegui's own first."""
    components = []
    for dist in python_distributions():
        component = distribution_component(dist)
        if component is None and dist.metadata["Name"].lower().startswith("pyside6"):
            component = qt_component(dist)
        if component is not None:
            components.append(component)
    notegui = metadata.distribution("notegui")
    components.insert(0, Component("notegui", notegui.version, "MIT", (
        ("notegui", (TEXTS / "notegui-LICENSE.txt").read_text(encoding="utf-8")),)))
    components.append(python_component())
    if linux:
        components += system_library_components(bundle)
    return components


def write_folder(components: Iterable[Component], folder: Path) -> Path:
    """One text file a component, and ``index.json`` listing them (name, version,
    licence, file), in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    index = []
    for component in components:
        parts = [f"{title}\n{'=' * len(title)}\n\n{text.strip()}\n"
                 for title, text in component.texts]
        (folder / component.file_name).write_text("\n\n".join(parts), encoding="utf-8")
        index.append({"name": component.name, "version": component.version,
                      "licence": component.licence, "file": component.file_name})
    (folder / INDEX).write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    return folder


def read_folder(folder: Path) -> list[Component]:
    """The components a folder written by :func:`write_folder` holds, each with its file."""
    return [Component(entry["name"], entry["version"], entry["licence"],
                      ((entry["file"], (folder / entry["file"]).read_text(encoding="utf-8")),))
            for entry in json.loads((folder / INDEX).read_text(encoding="utf-8"))]


# --- the Debian copyright file ------------------------------------------------------------

#: Licences whose text every Debian system has in /usr/share/common-licenses.
COMMON = {"GPL-2.0-only": "GPL-2", "GPL-2.0-or-later": "GPL-2", "GPL-3.0-only": "GPL-3",
          "GPL-3.0-or-later": "GPL-3", "LGPL-3.0-only": "LGPL-3", "Apache-2.0": "Apache-2.0"}


def dep5_expression(licence: str) -> str:
    """A licence as DEP-5 writes it: ``A or B``, ``A with X exception``; names without
    spaces (``see the text`` becomes ``other``)."""
    if " " in licence and not re.search(r" (OR|AND|WITH) ", licence):
        return "other"
    expression = licence.replace(" OR ", " or ").replace(" AND ", " and ")
    return re.sub(r" WITH (\S+)", r" with \1 exception", expression)


def dep5_names(expression: str) -> list[str]:
    """The licence names in a DEP-5 expression, each needing a License paragraph."""
    return [re.sub(r" with \S+ exception$", "", part).strip()
            for part in re.split(r" or | and |, ", expression)]


def _dep5_text(text: str) -> str:
    return "\n".join(f" {line}" if line.strip() else " ."
                     for line in text.strip().splitlines())


def debian_copyright(components: list[Component], licence_folder: str) -> str:
    """The machine-readable copyright file (DEP-5): notegui's own files, the bundled
    runtime with every component's licence named, and one License paragraph with the
    text of each licence (from /usr/share/common-licenses where Debian has it); every
    component's own text, with its copyright lines, is in ``licence_folder``."""
    notegui, *bundled = components
    expressions = {component.name: dep5_expression(component.licence)
                   for component in bundled}
    names: dict[str, Component] = {}
    for component in components:
        for name in dep5_names(dep5_expression(component.licence)):
            names.setdefault(name, component)
    listed = "\n".join(f" {component.name} {component.version}: "
                       f"{expressions[component.name]} ({component.file_name})"
                       for component in bundled)
    paragraphs = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: notegui\n"
        f"Comment: The full licence text of every component, with its copyright\n"
        f" notices, is in {licence_folder}/, one file each (index.json lists them).",
        f"Files: *\nCopyright: The notegui developers\nLicense: {notegui.licence}",
        "Files: usr/lib/notegui/_internal/*\n"
        "Copyright: The authors of each component, as its licence text names them\n"
        "License: " + " and ".join(dict.fromkeys(
            f"({expression})" if " or " in expression else expression
            for expression in expressions.values())) + "\n"
        "Comment: The runtime the package carries:\n" + listed,
    ]
    for name, component in names.items():
        if name in COMMON:
            text = (f"On Debian systems, the full text of this licence is in\n"
                    f"/usr/share/common-licenses/{COMMON[name]}.")
        elif name == "other":
            text = f"See {licence_folder}/{component.file_name}."
        else:
            text = component.texts[0][1]
        paragraphs.append(f"License: {name}\n{_dep5_text(text)}")
    return "\n\n".join(paragraphs) + "\n"
