"""The window's language: notegui's own catalogue and Qt's (standard buttons, a text
field's context menu), installed on the application, chosen in the settings or else by
the system's preferred languages. The CLI never loads them: scripts read its English.

Strings are marked as ``translate("Context", "Text")`` (pyside6-lupdate finds that
spelling, ``scripts/translations.py`` makes the catalogues); a count goes in as
``translate("Context", "%n note(s)", "", count)`` so each language picks its plural (the
count a plain name: lupdate silently skips a call whose count is an expression).
Placeholders are ``{name}`` filled after translation with ``str.format``, never an
f-string (lupdate would take its text as written).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

SYSTEM = ""  # the settings' value for "as the system prefers"
# The shipped languages, each named in itself (as a language menu lists them).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}
FALLBACK = "en"


def chosen_language(setting: str, preferred: list[str]) -> str:
    """The language code to show: the setting's when it is a shipped one, else the first
    of the system's preferred languages (``["de-CH", "en-US"]``) that is shipped, else
    English."""
    if setting in LANGUAGES:
        return setting
    for tag in preferred:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def catalogue(code: str) -> Path | None:
    """The compiled catalogue (``notegui_<code>.qm``) shipped for ``code``; None when this
    install has none (the sources were installed without ``scripts/translations.py
    build``). The resources are files in every way notegui is installed."""
    folder = Path(str(resources.files("notegui.resources"))) / "translations"
    entry = folder / f"notegui_{code}.qm"
    return entry if entry.is_file() else None


class Language:
    """The translators installed on the application (Qt drops a translator that is no
    longer referenced, so they are kept here); ``use`` swaps them for another language."""

    def __init__(self) -> None:
        self.code = FALLBACK
        self._translators: list[QTranslator] = []

    def use(self, setting: str) -> str:
        """Install the catalogues of the language ``setting`` names (or the system's) and
        return its code. A missing catalogue leaves that part in English, logged."""
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        code = chosen_language(setting, QLocale.system().uiLanguages())
        self.code = code
        locale = (QLocale(code) if setting in LANGUAGES and not _system_speaks(code)
                  else QLocale.system())  # dates and numbers as the language writes them
        locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # (C's has no 1,000s)
        QLocale.setDefault(locale)
        qt = QTranslator()
        if code != "en" and any(qt.load(f"qtbase_{code}", folder) for folder in _qt_folders()):
            self._install(qt)
        path = catalogue(code)
        own = QTranslator()
        if path is not None and own.load(str(path)):
            self._install(own)
        else:
            log.warning("no usable catalogue for %s (%s): the window shows English",
                        code, path or "not built")
        return code

    def _install(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._translators.append(translator)


def number(count: int) -> str:
    """A count as the window's language writes it ("12,345", "12.345")."""
    return QLocale().toString(count)


def _qt_folders() -> list[str]:
    """Where Qt's own catalogues are: Qt's translations path, and the PySide6 wheel's
    folder (a PyInstaller bundle keeps that layout but not Qt's prefix)."""
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).parent / "Qt" / "translations")]


def _system_speaks(code: str) -> bool:
    """Whether the system's locale is of this language; C (LANG=C: no region, ISO dates)
    counts as English, so choosing English keeps it."""
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        return code == "en"
    return system.name().split("_")[0].lower() == code


LANGUAGE = Language()  # the application's (one per process, like its translators)
