"""Text for a terminal: control and bidi characters escaped, so that a note's title or a file
name cannot move the cursor, recolour or clear the screen, rewrite the line (CR), or reorder
what follows it (bidi overrides). Only for what a person reads; ``--json`` and exports keep
the exact text."""

from __future__ import annotations

import re

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}

# Beside C0 (ESC starts every terminal escape sequence; CR rewrites the line): DEL and C1
# (which has CSI and OSC of its own); the bidi embeddings, overrides, isolates and marks; the
# line and paragraph separators; lone surrogates (no terminal encoding can write them).
_OTHER = (
    "\x7f-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029"
    "\ud800-\udfff"
)
_ANY = re.compile(f"[\\x00-\\x1f{_OTHER}]")
_BUT_LINES = re.compile(f"[\\x00-\\x08\\x0b-\\x1f{_OTHER}]")  # \t and \n kept


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line, every unsafe character (newlines and tabs too) written as a
    Python-style escape: ``\\x1b``, ``\\r``, ``\\n``, ``\\u202e``."""
    if _ANY.search(text) is None:  # the usual case, and the fast one
        return text
    return _ANY.sub(_escape, text)


def visible_lines(text: str) -> str:
    """``text`` as :func:`visible`, but its line feeds and tabs kept (a note's body)."""
    if _BUT_LINES.search(text) is None:
        return text
    return _BUT_LINES.sub(_escape, text)
