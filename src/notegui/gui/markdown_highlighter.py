"""Syntax highlighting for the markdown editor: headings, emphasis, code, citations, links,
quotes and list markers; fenced code blocks carry over from line to line."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

_IN_FENCE = 1
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("heading", re.compile(r"^ {0,3}#{1,6} .*$")),
    ("quote", re.compile(r"^ {0,3}>.*$")),
    ("list", re.compile(r"^\s*(?:[-*+]|\d+[.)])(?= )")),
    ("strong", re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")),
    ("emphasis", re.compile(r"(?<![*_])([*_])(?=\S)(.+?)(?<=\S)\1(?![*_])")),
    ("link", re.compile(r"\[[^\]\[]*\]\([^)\s]*\)")),
    ("citation", re.compile(r"\[\[[^\]\n]*?\?\]\]")),
    ("code", re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")),
)


def _format(color: str, bold: bool = False, italic: bool = False,
            mono: bool = False) -> QTextCharFormat:
    style = QTextCharFormat()
    style.setForeground(QColor(color))
    if bold:
        style.setFontWeight(QFont.Weight.Bold)
    if italic:
        style.setFontItalic(True)
    if mono:
        style.setFontFamilies(["monospace"])
    return style


def _formats(dark: bool) -> dict[str, QTextCharFormat]:
    light = not dark
    return {
        "heading": _format("#1f4e9c" if light else "#8ab4f8", bold=True),
        "quote": _format("#5f6b7a" if light else "#a0a8b4", italic=True),
        "list": _format("#9c4f1f" if light else "#f0a070", bold=True),
        "strong": _format("#202020" if light else "#f0f0f0", bold=True),
        "emphasis": _format("#303030" if light else "#e0e0e0", italic=True),
        "link": _format("#0b6e4f" if light else "#6fd3a8"),
        "citation": _format("#7a1fa2" if light else "#d29cf0", bold=True),
        "code": _format("#a31515" if light else "#f28b82", mono=True),
        "fence": _format("#5a5a5a" if light else "#b8b8b8", mono=True),
    }


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        super().__init__(document)
        self._styles = _formats(dark)

    def set_dark(self, dark: bool) -> None:
        self._styles = _formats(dark)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        fence = _FENCE.match(text)
        if self.previousBlockState() == _IN_FENCE:
            self.setFormat(0, len(text), self._styles["fence"])
            self.setCurrentBlockState(-1 if fence else _IN_FENCE)
            return
        if fence:
            self.setFormat(0, len(text), self._styles["fence"])
            self.setCurrentBlockState(_IN_FENCE)
            return
        self.setCurrentBlockState(-1)
        for name, pattern in _RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self._styles[name])
