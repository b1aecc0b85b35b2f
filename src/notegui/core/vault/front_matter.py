"""A note's YAML front matter: found, parsed safely and boundedly, and read for the keys
notegui uses (``title``, ``aliases``, ``tags``, ``description``, ``summary``); every other
key is kept, verbatim, by the caller.

Bounded on any input: a block larger than ``MAX_FRONT_MATTER_CHARS`` is not parsed; the
YAML is loaded by PyYAML's safe loader only (no Python objects), its C version when there
is one (eight times faster; it refuses nesting deeper than 1,000), and every failure of
the loader (a syntax error, a nesting that exhausts the stack, a date out of range) is a
problem naming the line, never an exception. Aliases (``&a``/``*a``, the "billion laughs")
load as shared references; only the top-level keys and the items one level below are
read, so no expansion is ever walked.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

# The largest front matter parsed: real ones are under a kilobyte.
MAX_FRONT_MATTER_CHARS = 64 * 1024
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING = re.compile(r"---[ \t]*(?:\n|$)")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Split:
    """A note's text cut at its front matter: the YAML (``""`` when none), the body and
    the line of the file the body starts on (1 when there is no front matter)."""

    yaml_text: str
    body: str
    body_line: int = 1


@dataclass(frozen=True)
class Fields:
    """What notegui reads of a front matter, and what was wrong with it: (the file's
    line, reason)."""

    title: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str = ""
    summary: str = ""
    problems: tuple[tuple[int, str], ...] = ()


def split(text: str) -> Split:
    """The front matter is a first line ``---`` and the lines up to a line ``---`` (or
    ``...``); a block never closed is no front matter (the text is all body)."""
    opening = _OPENING.match(text)
    if opening is None:
        return Split("", text)
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        return Split("", text)
    yaml_text = text[opening.end():closing.start()]
    body_start = closing.end() + (closing.end() < len(text) and text[closing.end()] == "\n")
    return Split(yaml_text, text[body_start:], yaml_text.count("\n") + 3)


def read(yaml_text: str) -> Fields:
    """The title, aliases, tags, description and summary of a front matter. A block that
    is not valid YAML, or not a mapping, or too large gives its problem and no fields."""
    if not yaml_text.strip():
        return Fields()
    if len(yaml_text) > MAX_FRONT_MATTER_CHARS:
        return Fields(problems=((1, f"front matter larger than "
                                    f"{MAX_FRONT_MATTER_CHARS // 1024} KB: not read (kept "
                                    "as it is; none of its keys taken)"),))
    data = _simple(yaml_text)
    if data is None:
        try:
            data = yaml.load(yaml_text, Loader=_LOADER)
        except yaml.YAMLError as error:
            return Fields(problems=((_line(error), f"front matter is not valid YAML: "
                                                   f"{_what(error)}"),))
        except (RecursionError, MemoryError):
            return Fields(problems=((1, "front matter nested too deeply to read"),))
        except (ValueError, OverflowError, TypeError) as error:  # (a date out of range)
            return Fields(problems=((1, f"front matter has a value that cannot be read: "
                                        f"{error}"),))
    if data is None:
        return Fields()
    if not isinstance(data, Mapping):
        return Fields(problems=((1, "front matter is not a list of 'key: value' lines"),))
    problems: list[tuple[str, str]] = []  # (key, what is wrong)
    title = _text(data.get("title"))
    if data.get("title") is not None and not title:
        problems.append(("title", "front matter 'title' is not text: the file name is the "
                                  "title"))
    aliases = _strings(data, ("aliases", "alias"), problems, split_words=False)
    tags = _strings(data, ("tags", "tag"), problems, split_words=True)
    description, summary = _one_line(data, "description", problems), _one_line(
        data, "summary", problems)
    return Fields(" ".join(title.split()), aliases, tags, description, summary,
                  tuple((_key_line(yaml_text, key), why) for key, why in problems))


def one_line(text: str) -> str:
    """A description or a summary as notegui holds it: one line, its line breaks made
    spaces, trimmed (as the library's own notes' files are read: sync/note_file.py)."""
    return " ".join(part.strip() for part in text.strip().split("\n"))


def load(yaml_text: str) -> Any:
    """The front matter as ``yaml.safe_load`` reads it (the common kind read here, without
    the loader); the loader's errors are raised."""
    data = _simple(yaml_text)
    return data if data is not None else yaml.load(yaml_text, Loader=_LOADER)


def _key_line(yaml_text: str, key: str) -> int:
    """The file's line of a top-level key (the block starts on line 2); 1 if not found."""
    found = re.search(rf"^{re.escape(key)}[ \t]*:", yaml_text, re.MULTILINE)
    return yaml_text.count("\n", 0, found.start()) + 2 if found else 1


# -- the common front matter, read without the YAML loader ----------------------------------
# Most front matters are lines "key: value" with words, quoted text, [a, b] lists or "- item"
# lines: read here in a tenth of the loader's time (it built a node per value, in Python,
# a third of a vault's reading). Anything else, and any value YAML would read as other than
# text, a decimal, true/false, null or a valid date, goes to the loader: what this returns
# is what yaml.safe_load returns for the keys notegui reads (a test compares them).
_FAST = True
_KEY_LINE = re.compile(r"([A-Za-z_][\w-]{0,60}):(?:[ \t]+(.*?))?[ \t]*")
_ITEM_LINE = re.compile(r"( *)-(?:[ \t]+(.*?))?[ \t]*")
_PLAIN = re.compile(r"\w[\w .,/()'?!+=&-]*(?<! )")
_PLAIN_IN_LIST = re.compile(r"\w[\w ./()'?!+=&-]*(?<! )")
_SINGLE_QUOTED = re.compile(r"'([^'\n]*)'")
_DOUBLE_QUOTED = re.compile(r'"([^"\\\n]*)"')
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_RESOLVER = yaml.resolver.Resolver()
_RESOLVED_FIRST = frozenset(key for key in yaml.resolver.Resolver.yaml_implicit_resolvers
                            if key)
_NOT_SIMPLE = object()
# The words YAML 1.1 reads as true, false or null (PyYAML's resolver's; its other implicit
# types begin with a digit or a sign).
_WORDS: dict[str, Any] = {
    **{word: True for word in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")},
    **{word: False for word in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off",
                                "OFF")},
    **{word: None for word in ("null", "Null", "NULL")},
}


def _simple(yaml_text: str) -> dict[str, Any] | None:
    """The front matter's keys and values, or None when it is not of the common kind."""
    if not _FAST or "\r" in yaml_text or "\t" in yaml_text \
            or yaml.reader.Reader.NON_PRINTABLE.search(yaml_text):
        return None
    data: dict[str, Any] = {}
    items: list[Any] | None = None
    key = ""
    indent = -1
    for line in yaml_text.split("\n"):
        if not line or line.isspace() or line.lstrip().startswith("#"):
            continue
        if line[0] in " -":
            item = _ITEM_LINE.fullmatch(line)
            if item is None or items is None or indent not in (-1, len(item.group(1))):
                return None
            indent = len(item.group(1))
            value = _scalar(item.group(2) or "")
            if value is _NOT_SIMPLE:
                return None
            items.append(value)
            data[key] = items
            continue
        pair = _KEY_LINE.fullmatch(line)
        if pair is None:
            return None
        key, text = pair.group(1), pair.group(2) or ""
        items, indent = ([], -1) if not text else (None, -1)
        value = _list(text) if text.startswith("[") else _scalar(text)
        if value is _NOT_SIMPLE:
            return None
        data[key] = value
    return data


def _list(text: str) -> Any:
    if not text.endswith("]"):
        return _NOT_SIMPLE
    inner = text[1:-1].strip()
    if not inner:
        return []
    values = []
    for part in inner.split(","):
        part = part.strip()
        value = _scalar(part) if not part or part[0] in "'\"" else (
            _plain(part) if _PLAIN_IN_LIST.fullmatch(part) else _NOT_SIMPLE)
        if value is _NOT_SIMPLE or not part:
            return _NOT_SIMPLE
        values.append(value)
    return values


def _scalar(text: str) -> Any:
    if not text:
        return None
    quoted = _SINGLE_QUOTED.fullmatch(text) or _DOUBLE_QUOTED.fullmatch(text)
    if quoted is not None:
        return quoted.group(1)
    return _plain(text) if _PLAIN.fullmatch(text) else _NOT_SIMPLE


def _plain(text: str) -> Any:
    """A plain scalar's value as YAML reads it, or _NOT_SIMPLE (left to the loader)."""
    if text[0] not in _RESOLVED_FIRST:
        return text
    if not text[0].isdigit():  # (a word: only these few are not text)
        return _WORDS.get(text, text)
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    kind = tag.rpartition(":")[2]
    if kind == "str":
        return text
    if kind == "null":
        return None
    if kind == "bool":
        return text.lower() in ("yes", "true", "on")
    if kind == "int" and _DECIMAL.fullmatch(text):
        return int(text)
    date = _DATE.fullmatch(text) if kind == "timestamp" else None
    if date is not None:
        try:
            return datetime.date(int(date.group(1)), int(date.group(2)), int(date.group(3)))
        except ValueError:
            return _NOT_SIMPLE
    return _NOT_SIMPLE


def _line(error: yaml.YAMLError) -> int:
    """The line of the front matter's block an error points at, as a line of the file
    (the block starts on the file's line 2)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 2 if mark is not None else 1


def _what(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None)
    context = getattr(error, "context", None)
    if problem:
        return f"{context} {problem}" if context else str(problem)
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _text(value: object) -> str:
    """A scalar as text ("" for anything else: a list, a mapping, null, true/false)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return ""


def _one_line(data: Mapping[Any, Any], key: str, problems: list[tuple[str, str]]) -> str:
    """A key's text as one line; '' when it is missing or null. Anything but text (a
    number, a date, true, a list) is a problem: what notegui writes back for it is text,
    so a number read as its digits would come back quoted, another value."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append((key, f"front matter '{key}' is not text: left out"))
        return ""
    return one_line(value)


def _strings(data: Mapping[Any, Any], keys: tuple[str, ...], problems: list[tuple[str, str]],
             split_words: bool) -> tuple[str, ...]:
    """The values of the first of ``keys`` present: a list of scalars or one string
    (tags: a comma or space separated string; a leading '#' dropped), duplicates (by
    case) once."""
    key = next((key for key in keys if data.get(key) is not None), None)
    if key is None:
        return ()
    value = data[key]
    items = value if isinstance(value, list) else [value]
    found: dict[str, str] = {}
    for index, item in enumerate(items):
        text = _text(item)
        if not text:
            if not isinstance(item, str) and item is not None:
                what = f"item {index + 1}" if isinstance(value, list) else "its value"
                problems.append((key, f"front matter '{key}': {what} is not text: left "
                                      "out"))
            continue
        names = text.replace(",", " ").split() if split_words else [text]
        for name in names:
            name = name.removeprefix("#") if split_words else name
            if name and name.casefold() not in found:
                found[name.casefold()] = name
    return tuple(found.values())
