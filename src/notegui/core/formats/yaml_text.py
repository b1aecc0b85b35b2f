"""YAML written for front matter: by PyYAML's safe dumper, keys in the order given, every
string read back exactly by any YAML parser."""

from __future__ import annotations

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
    return yaml.dump(fields, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=float("inf"))
