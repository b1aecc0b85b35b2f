"""The window's translations: the catalogues match the code, every German text is written,
placeholders and plurals survive translation, and the language is the one chosen."""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from notegui.gui import i18n

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "resources" / "translations"
GUI_SOURCES = sorted((ROOT / "src" / "notegui").rglob("*.py"))
_spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
assert _spec and _spec.loader
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)


@pytest.fixture
def german(qapp: object) -> object:
    i18n.LANGUAGE.use("de")
    yield
    i18n.LANGUAGE.use("en")


def messages(code: str) -> list[tuple[str, ET.Element]]:
    root = ET.parse(CATALOGUES / f"notegui_{code}.ts").getroot()
    return [(context.findtext("name") or "", message)
            for context in root.iter("context") for message in context.iter("message")]


def test_the_language_is_the_setting_else_the_systems_first_shipped_else_english() -> None:
    assert i18n.chosen_language("de", ["en-US"]) == "de"
    assert i18n.chosen_language("en", ["de-DE"]) == "en"
    assert i18n.chosen_language("", ["fr-FR", "de-AT", "en-GB"]) == "de"
    assert i18n.chosen_language("", ["de_CH"]) == "de"
    assert i18n.chosen_language("", ["ja-JP"]) == "en"
    assert i18n.chosen_language("xx", []) == "en"  # (a settings file edited by hand)


def marked_in_code() -> dict[tuple[str, str, str], str]:
    """(context, source, comment) of every ``translate`` call, read from the code's syntax
    tree (lupdate skips a call it cannot read without a word), with where it is."""
    marked = {}
    for path in GUI_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and ast.unparse(node.func) in (
                    "translate", "QCoreApplication.translate")):  # (not str.translate)
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            texts = [argument.value for argument in node.args[:3]
                     if isinstance(argument, ast.Constant) and isinstance(argument.value, str)]
            assert len(texts) == min(3, len(node.args)) >= 2, (
                f"not plain string literals (an f-string is looked up as written) at {where}")
            if len(node.args) > 3:
                assert isinstance(node.args[3], ast.Name), (
                    f"the count must be a plain name (lupdate skips the call) at {where}")
            marked[(texts[0], texts[1], texts[2] if len(texts) > 2 else "")] = where
    return marked


def test_the_catalogues_hold_exactly_the_strings_the_code_marks() -> None:
    """scripts/translations.py update was run after the last string changed, and lupdate
    read every marked string."""
    marked = marked_in_code()
    german = set(translations.translations(CATALOGUES / "notegui_de.ts"))
    missing = sorted(set(marked) - german)
    assert not missing, ("run: python scripts/translations.py update; missing: "
                         + "; ".join(f"{marked[key]} {key[1]!r}" for key in missing[:5]))
    assert not german - set(marked), f"obsolete: {sorted(german - set(marked))[:5]}"


def mnemonic(text: str) -> bool:
    """Whether a text has an Alt letter (``&File``; ``&&`` is a written ampersand)."""
    return re.search(r"&\w", text.replace("&&", "")) is not None


def test_every_german_text_is_written_with_the_placeholders_of_its_source() -> None:
    for context, message in messages("de"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        texts = ([form.text or "" for form in translation.findall("numerusform")]
                 if message.get("numerus") == "yes" else [translation.text or ""])
        where = f"{context}: {source!r}"
        assert translation.get("type") != "unfinished" and all(texts), f"untranslated {where}"
        for text in texts:
            assert re.match(r"\s*", text)[0] == re.match(r"\s*", source)[0], where
            assert text[len(text.rstrip()):] == source[len(source.rstrip()):], where
            assert sorted(re.findall(r"\{\w*\}", text)) == sorted(
                re.findall(r"\{\w*\}", source)), f"placeholders differ in {where}: {text!r}"
            if message.get("numerus") != "yes":
                assert "%n" not in text and "%Ln" not in text, where
        if message.get("numerus") == "yes":  # (a singular may say the number in words)
            assert "%n" in texts[-1] or "%Ln" in texts[-1], where
            assert mnemonic(text) == mnemonic(source), f"Alt letter kept or added in {where}"


def test_every_english_plural_has_both_forms() -> None:
    for context, message in messages("en"):
        source = message.findtext("source") or ""
        forms = [form.text or "" for form in message.iter("numerusform")]
        assert len(forms) == 2 and all(forms), f"{context}: {source!r}"
        for form in forms:
            assert re.match(r"\s*", form)[0] == re.match(r"\s*", source)[0], source


def test_german_counts_take_their_plural(german: object) -> None:
    assert i18n.LANGUAGE.code == "de"
    assert QLocale().language() == QLocale.Language.German


def test_english_is_the_fallback_when_no_catalogue_is_built(
        qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "catalogue", lambda code: None)
    assert i18n.LANGUAGE.use("de") == "de"
    assert i18n.translate("MainWindow", "&File") == "&File"
    i18n.LANGUAGE.use("en")


def test_an_age_reads_in_german_with_its_plural(german: object) -> None:
    from datetime import UTC, datetime, timedelta

    from notegui.gui.local_time import age

    now = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
    assert age(now - timedelta(minutes=1), now) == "vor 1 Minute"
    assert age(now - timedelta(minutes=5), now) == "vor 5 Minuten"
    assert age(now - timedelta(days=1200), now) == "vor 1.200 Tagen"
    assert age(now, now) == "gerade eben"


def test_nothing_is_translated_when_a_module_is_imported() -> None:
    """A text translated at import (a constant, a default argument) keeps the language of
    the moment it was imported: the window's words are translated when they are shown."""
    early = []
    for path in GUI_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside = {id(node) for function in ast.walk(tree)
                  if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                  for statement in (function.body if isinstance(function.body, list)
                                    else [function.body])
                  for node in ast.walk(statement)}
        early += [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and ast.unparse(node.func) in (
                      "translate", "QCoreApplication.translate") and id(node) not in inside]
    assert early == []


def test_english_chosen_keeps_the_systems_formats(qapp: object) -> None:
    """English on a German system writes dates and numbers in English; on a system with
    no locale of its own (LANG=C) the formats stay as they were (ISO dates)."""
    system = QLocale.system().language()
    i18n.LANGUAGE.use("en")
    if system in (QLocale.Language.C, QLocale.Language.English):
        assert QLocale().language() == system
    else:
        assert QLocale().language() == QLocale.Language.English
    i18n.LANGUAGE.use("de")
    assert QLocale().language() == QLocale.Language.German
    i18n.LANGUAGE.use("en")
