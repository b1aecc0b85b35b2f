"""The window's translation catalogues (src/notegui/gui/i18n.py says how strings are marked).

    python scripts/translations.py update   # the .ts catalogues from the code (pyside6-lupdate)
    python scripts/translations.py build    # the .qm files the app loads (pyside6-lrelease)

``update`` is for developers: it adds new strings to ``resources/translations/*.ts`` (kept in
git, translated there with Qt Linguist or any editor) and marks obsolete ones. ``build``
runs wherever notegui is installed from its sources (scripts/run, scripts/test, the
packaging): the .qm files are generated, never committed.

lupdate's Python parser marks a plural (``%n``) only in ``self.tr``, and its own merge then
drops the forms, so ``update`` merges the catalogues itself, marks every ``%n`` message as
plural, and fills English's plural forms from a source
written ``%n note(s)`` (or with no plural word: ``%n received``); other English forms are
written in notegui_en.ts by hand.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = ROOT / "src" / "notegui"
LANGUAGES = ("de", "en")  # en: the plural forms only (its singular texts are the sources)
PLURAL = re.compile(r"%L?n")  # a count: "%n notes", "%Ln notes" (with the locale's digit groups)


def tool(name: str) -> str:
    """pyside6-<name> beside this Python (a venv's), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        sys.exit(f"pyside6-{name} not found: install PySide6 into {sys.executable}'s "
                 "environment (pip install -e .)")
    return found


def catalogue(code: str) -> Path:
    return FOLDER / f"notegui_{code}.ts"


def update() -> None:
    """Each catalogue made anew from the code, keeping every translation whose context,
    source and comment are still there (lupdate's own merge would drop the plural forms
    its Python parser does not see)."""
    sources = sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))
    with tempfile.TemporaryDirectory() as scratch:
        template = Path(scratch) / "template.ts"
        subprocess.run([tool("lupdate"), "-silent", "-locations", "none", *sources,
                        "-ts", str(template)], cwd=ROOT, check=True)
        for code in LANGUAGES:
            target = catalogue(code)
            kept = translations(target) if target.exists() else {}
            tree = ET.parse(template)
            tree.getroot().set("language", code)
            merge(tree, kept, english=code == "en")
            write(tree, target)


Key = tuple[str, str, str]


def key(context: ET.Element, message: ET.Element) -> Key:
    return (context.findtext("name") or "", message.findtext("source") or "",
            message.findtext("comment") or "")


def translations(path: Path) -> dict[Key, ET.Element]:
    return {key(context, message): translation
            for context in ET.parse(path).getroot().iter("context")
            for message in context.iter("message")
            if (translation := message.find("translation")) is not None}


def merge(tree: ET.ElementTree[ET.Element], kept: dict[Key, ET.Element], english: bool) -> None:
    """Every message with ``%n`` becomes a plural one (two forms: both languages shipped
    have two); the kept translations go back in; in English a ``(s)`` source gets its
    forms filled. The English catalogue keeps plural messages only."""
    root = tree.getroot()
    assert root is not None
    for context in list(root.iter("context")):
        for message in list(context.iter("message")):
            source = message.findtext("source") or ""
            plural = PLURAL.search(source) is not None
            if english and not plural:
                context.remove(message)
                continue
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            translation = kept.get(key(context, message))
            if translation is None:
                translation = ET.Element("translation", type="unfinished")
            message.append(translation)
            if plural:
                message.set("numerus", "yes")
                _plural_forms(translation, source, english)
        if not context.findall("message"):
            root.remove(context)


def _plural_forms(translation: ET.Element, source: str, english: bool) -> None:
    forms = translation.findall("numerusform")
    if not forms:
        text = translation.text or ""
        translation.text = None
        forms = [ET.SubElement(translation, "numerusform") for _ in range(2)]
        forms[0].text = text or None
    if english and all(not form.text for form in forms) and "(" not in source.replace(
            "(s)", ""):
        forms[0].text = source.replace("(s)", "")
        forms[1].text = source.replace("(s)", "s")
        translation.attrib.pop("type", None)


def write(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    ET.indent(tree, "    ")
    with path.open("wb") as stream:
        stream.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(stream, encoding="utf-8", xml_declaration=False)
        stream.write(b"\n")


def build(destination: Path = FOLDER) -> list[Path]:
    """Compile every catalogue into ``destination``; returns the .qm files."""
    built = []
    for code in LANGUAGES:
        source = catalogue(code)
        target = destination / f"notegui_{code}.qm"
        subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(target)],
                       check=True)
        built.append(target)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("update", "build"))
    step = parser.parse_args().step
    if step == "update":
        update()
    else:
        for path in build():
            print(f"built {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
