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


# Text the dumper writes plain: a letter or digit first, then letters, digits, spaces (not
# last) and punctuation that is no YAML indicator where it stands; if YAML reads it as text.
_PLAIN = re.compile(r"\w[\w ,.'()?!/&+-]*(?<! )")
# Text the dumper writes single-quoted when YAML would read it as something else (a
# number, a date, true/false): such characters only.
_QUOTABLE = re.compile(r"[\w:.+-]+", re.ASCII)
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


def _scalar(value: str) -> str | None:
    if not value:
        return "''"
    is_text = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR
    if is_text and _PLAIN.fullmatch(value):
        return value
    if not is_text and _QUOTABLE.fullmatch(value):
        return f"'{value}'"
    return None


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
