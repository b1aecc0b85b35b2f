"""What kind of folder an import was given: a tool's vault (by the tool's own files at its
top), a folder of question-note ``.txt`` files (the old import), or plain markdown."""

from __future__ import annotations

import json
import os
from pathlib import Path

from notegui.core.import_listing import MARKDOWN as _MARKDOWN_KIND
from notegui.core.import_listing import Skipped, kind_of_name, walk

NOTEGUI_EXPORT = "notegui-export"
DENDRON = "dendron"
OBSIDIAN = "obsidian"
FOAM = "foam"
QUESTION_NOTES = "question-notes"
MARKDOWN = "markdown"
KINDS = (NOTEGUI_EXPORT, DENDRON, OBSIDIAN, FOAM, QUESTION_NOTES, MARKDOWN)
_MAX_EXTENSIONS_BYTES = 256 * 1024


def detect(folder: Path | str) -> str:
    """``notegui-export`` (a ``.notegui-export.json`` manifest), ``dendron`` (a
    ``dendron.yml``), ``obsidian`` (a ``.obsidian/`` folder), ``foam`` (a ``.foam/``
    folder or a ``.vscode/extensions.json`` recommending Foam), ``question-notes`` (``.txt``
    files and no markdown file), else ``markdown``. The first that fits, in that order."""
    top = os.fspath(folder)
    if _is_file(top, ".notegui-export.json"):
        return NOTEGUI_EXPORT
    if _is_file(top, "dendron.yml"):
        return DENDRON
    if _is_folder(top, ".obsidian"):
        return OBSIDIAN
    if _is_folder(top, ".foam") or _recommends_foam(os.path.join(top, ".vscode",
                                                                 "extensions.json")):
        return FOAM
    return _by_files(top)


def _by_files(top: str) -> str:
    """``question-notes`` when the folder holds ``.txt`` files and no markdown file (the
    walk stops at the first markdown file)."""
    texts = False
    for name in walk(top, Skipped(), _markdown_or_text):
        if kind_of_name(name) == _MARKDOWN_KIND:
            return MARKDOWN
        texts = True
    return QUESTION_NOTES if texts else MARKDOWN


def _markdown_or_text(name: str) -> bool:
    return name.lower().endswith(".txt") or kind_of_name(name) == _MARKDOWN_KIND


def _is_file(top: str, name: str) -> bool:
    return os.path.isfile(os.path.join(top, name))


def _is_folder(top: str, name: str) -> bool:
    return os.path.isdir(os.path.join(top, name))


def _recommends_foam(path: str) -> bool:
    """Whether VS Code's recommended extensions name Foam (``foam.foam-vscode``)."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > _MAX_EXTENSIONS_BYTES:
            return False
        with open(path, encoding="utf-8", errors="replace") as file:
            text = file.read(_MAX_EXTENSIONS_BYTES)
    except OSError:
        return False
    try:
        data = json.loads(text)
    except ValueError:  # (VS Code allows comments in it: look for the name instead)
        return "foam.foam-vscode" in text.lower()
    names = data.get("recommendations") if isinstance(data, dict) else None
    return isinstance(names, list) and any(
        isinstance(name, str) and name.lower().startswith("foam.") for name in names)
