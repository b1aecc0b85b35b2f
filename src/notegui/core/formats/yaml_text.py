"""YAML written for front matter: by PyYAML's safe dumper, keys in the order given, every
string read back exactly by any YAML parser. The common values (a word or a sentence, a
list of them, a date as text, true) are written here as the dumper writes them, ten times
faster (its emitter, in Python, took most of the time of writing a note's file; a test
holds the two equal)."""

from __future__ import annotations

import re
from typing import Any

import yaml

# PyYAML writes NEL (U+0085) raw in a plain or single-quoted scalar and reads it back as a
# line break; in double quotes it is escaped ("\N"). U+2028 and U+2029 likewise, to be safe.
_BREAKS_UNQUOTED = ("\x85", "\u2028", "\u2029")


class _Dumper(yaml.SafeDumper):
    pass


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(c in value for c in _BREAKS_UNQUOTED) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def dump(fields: dict[Any, Any]) -> str:
    """``fields`` as YAML lines (each ending with a newline), in their order."""
    if not fields:
        return _dumped(fields)
    return "".join(_fast(key, value) or _dumped({key: value}) for key, value in fields.items())


def _dumped(fields: dict[Any, Any]) -> str:
    return yaml.dump(fields, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=float("inf"))


# What the dumper (allow_unicode) cannot write plain or in single quotes: a character it
# escapes, or a line break.
_SPECIAL = re.compile(
    "[^\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010fffe]|[\ufeff\u2028\u2029]")
# What keeps a one-line text from being written plain in a block (emitter.analyze_scalar):
# a document marker, a leading indicator, "- ", "? " or ": " first, ": " or a final ":"
# later, " #", or a space first or last.
_WS = "\\0 \\t\\r\\n\\x85\\u2028\\u2029"
_NOT_PLAIN = re.compile(
    "^(?:---|\\.\\.\\.)|^[#,\\[\\]{}&*!|>'\"%@`]|^[?:-](?:[" + _WS + "]|$)"
    "|.:(?:[" + _WS + "]|$)|[" + _WS + "]#|^ | $", re.DOTALL)
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_MAY_NOT_BE_TEXT = frozenset(first for first in _RESOLVER.yaml_implicit_resolvers if first)


def _scalar(value: str) -> str | None:
    """``value`` as the dumper writes it in a block (plain, else in single quotes), or None
    for the few it writes in double quotes (escapes, line breaks): left to it."""
    if not value:
        return "''"
    if _SPECIAL.search(value):
        return None
    if not _NOT_PLAIN.search(value) and (
            value[0] not in _MAY_NOT_BE_TEXT  # (no implicit type starts so: text)
            or _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR):
        return value
    return "'" + value.replace("'", "''") + "'"


def _fast(key: Any, value: Any) -> str | None:
    """``key: value`` as the dumper writes it, or None: not a common value."""
    if not isinstance(key, str) or _scalar(key) != key:
        return None
    if value is True:
        return f"{key}: true\n"
    if isinstance(value, str):
        scalar = _scalar(value)
        return None if scalar is None else f"{key}: {scalar}\n"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = [_scalar(item) for item in value]
        if not items:
            return f"{key}: []\n"
        return None if None in items else f"{key}:\n" + "".join(f"- {item}\n" for item in items)
    return None
