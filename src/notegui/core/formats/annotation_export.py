"""Annotations out of (and W3C annotations back into) notegui: a markdown digest to read,
and W3C Web Annotation JSON-LD to exchange with other annotation tools.

The W3C mapping (Web Annotation Data Model, https://www.w3.org/TR/annotation-model/):

- the file is an ``AnnotationCollection`` with one embedded ``AnnotationPage``;
- each annotation's ``id`` is ``urn:uuid:<uuid5>`` of its note title (a vault note's:
  its path, as its source names it), created time, offsets and quote: the same annotation
  gets the same id in every export, in any library (database row ids are not kept, and an
  imported annotation gets a new row);
- ``motivation`` is ``commenting`` when there is a comment, else ``highlighting``; the
  comment is a ``TextualBody`` (``text/plain``, purpose ``commenting``); a highlight
  without a comment has no body, as the model allows;
- the colour is the model's styling: ``target.styleClass`` names it and the annotation's
  ``stylesheet`` (a ``CssStylesheet``) gives that class a background colour. A tagging
  body would claim the colour is a tag of the text, which it is not. A colour that is not
  one of HIGHLIGHT_COLORS is written as yellow, as ``from_w3c`` reads an unknown class;
- ``target`` is a SpecificResource: ``source`` is ``notegui:note/<percent-encoded
  title>`` for a note of the library's own (titles are unique among them), and
  ``notegui:vault/<path>`` for a note read from a markdown folder, whose title may repeat
  there: its path (``<vault>/<path in the vault>``, percent-encoded but for its ``/``),
  so that two notes of one title are two sources, and each annotation goes back onto its
  own. ``selector`` the alternatives TextQuoteSelector (exact, prefix, suffix) and
  TextPositionSelector (start, end: code points of the note's rendered plain text); an
  empty prefix or suffix (the quote begins or ends the text) is left out. A
  detached annotation has no TextPositionSelector: its old offsets no longer select its
  quote, and alternative selectors must select the same text. Its old offsets are kept
  in ``notegui:formerPosition`` (``{"start": s, "end": e}``, an extension property named
  by an IRI, as the source is), so that reading the file back gives the annotation
  again, detached, with the same id (its id is made of them);
- ``created`` and ``modified`` are notegui's UTC times; ``generator`` names the software.

``from_w3c`` reads that back (also a single Annotation, an AnnotationPage or a list of
annotations; files written before vault sources existed read as they did) into
Annotations (a vault source gives ``note_path``, and the file's name as ``note_title``)
with ``id`` 0 (ids are the database's) and ``detached``
False: whether the words are still there is decided by re-anchoring when the note is
shown. A notegui annotation exported detached (no TextPositionSelector, a
``notegui:formerPosition``) comes back detached at its former offsets: no position is made
up, its id is the same, and an import does not add it to a note that has it. Another
tool's annotation without a TextPositionSelector is placed at 0 and re-anchoring finds it
by its context. Other bodies (links, tags) and selectors are ignored.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import groupby
from typing import Any
from urllib.parse import quote, unquote

from notegui.core.domain import HIGHLIGHT_COLORS, Annotation, normalise_title, title_key
from notegui.core.formats import json_input
from notegui.core.formats.errors import FormatError
from notegui.core.import_listing import markdown_stem

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SOURCE_PREFIX = "notegui:note/"  # a note of the library's own, by title
VAULT_PREFIX = "notegui:vault/"  # a note read from a markdown folder, by path
FORMER_POSITION = "notegui:formerPosition"  # a detached annotation's old offsets
DETACHED = "(detached: its words are no longer in the note)"

# a pale background for each highlight colour (the app's colours, as CSS)
CSS_COLORS = {
    "yellow": "#fff59d",
    "green": "#c5e1a5",
    "blue": "#90caf9",
    "pink": "#f8bbd0",
    "purple": "#ce93d8",
}
_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "notegui:annotation")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")  # what would open raw HTML in markdown


def _ordered(annotations: Sequence[Annotation]) -> list[Annotation]:
    return sorted(annotations, key=lambda a: (title_key(a.note_title), a.note_title,
                                              a.note_path, a.start, a.end))


# -- markdown --------------------------------------------------------------------------------


def to_markdown(annotations: Sequence[Annotation]) -> str:
    """A digest to read: ``## Title`` per note (in title order), each quote a blockquote,
    its comment a paragraph, its colour (and detachment) in italics."""
    lines = ["# Annotations", ""]
    if not annotations:
        lines += ["No annotations.", ""]
    # (a note each: two of one title are two sections, each saying where its note lives)
    for _note, group in groupby(_ordered(annotations), key=lambda a: (a.note_title,
                                                                       a.note_path)):
        grouped = list(group)
        lines += [f"## {_inline(grouped[0].note_label, heading=True)}", ""]
        for annotation in grouped:
            lines += _blockquote(annotation.exact)
            lines.append("")
            if annotation.comment.strip():
                lines += [*annotation.comment.strip().splitlines(), ""]
            note = f"*{annotation.color} highlight*"
            lines += [f"{note} {DETACHED}" if annotation.detached else note, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _blockquote(text: str) -> list[str]:
    """Every line of the quote inside the blockquote, whatever it holds: splitlines also
    breaks at "\\r", U+2028 and U+2029 (a markdown reader may see line ends there too), an
    empty line keeps its ">" (a bare blank line would end the quote), and "<" that could
    open raw HTML (say "</blockquote>") is escaped."""
    return [f"> {_inline(line)}" if line.strip() else ">" for line in text.splitlines()] or [">"]


def _inline(text: str, heading: bool = False) -> str:
    text = _TAG_START.sub(r"\\<", text.strip() if heading else text)
    if heading and text.endswith("#"):  # a closing "#" sequence would vanish from a heading
        text = text[:-1] + "\\#"
    return text


# -- W3C Web Annotation ------------------------------------------------------------------------


def annotation_iri(annotation: Annotation) -> str:
    """The annotation's stable id (see the module docstring)."""
    note = (VAULT_PREFIX + annotation.note_path if annotation.note_path
            else annotation.note_title)
    name = "\x1f".join((note, annotation.created, str(annotation.start),
                        str(annotation.end), annotation.exact))
    return f"urn:uuid:{uuid.uuid5(_IDS, name)}"


def source_iri(title: str, path: str = "") -> str:
    """The target's source: the note of the library's own titled ``title``, or the note
    read from a markdown folder at ``path``."""
    if path:
        return VAULT_PREFIX + quote(path, safe="/")
    return SOURCE_PREFIX + quote(title, safe="")


def to_w3c(annotations: Sequence[Annotation], generator: str = "notegui") -> str:
    """A W3C Web Annotation AnnotationCollection (JSON-LD) of the annotations."""
    items = [_to_w3c_item(a, generator) for a in _ordered(annotations)]
    collection = uuid.uuid5(_IDS, "\x1f".join(item["id"] for item in items))
    page = f"urn:uuid:{uuid.uuid5(collection, 'page 1')}"
    document = {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{collection}",
        "type": "AnnotationCollection",
        "label": "notegui annotations",
        "total": len(items),
        "first": {
            "id": page,
            "type": "AnnotationPage",
            "partOf": f"urn:uuid:{collection}",
            "startIndex": 0,
            "items": items,
        },
        "last": page,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _to_w3c_item(a: Annotation, generator: str) -> dict[str, Any]:
    color = a.color if a.color in CSS_COLORS else "yellow"  # as from_w3c reads it back
    quoted = {"type": "TextQuoteSelector", "exact": a.exact, "prefix": a.prefix,
              "suffix": a.suffix}
    # no text before (or after) the quote: no prefix (suffix) at all, not an empty one
    selectors: list[dict[str, Any]] = [{k: v for k, v in quoted.items() if v}]
    if not a.detached:
        selectors.append({"type": "TextPositionSelector", "start": a.start, "end": a.end})
    item: dict[str, Any] = {
        "id": annotation_iri(a),
        "type": "Annotation",
        "motivation": "commenting" if a.comment else "highlighting",
    }
    if a.detached:
        item[FORMER_POSITION] = {"start": a.start, "end": a.end}
    if a.comment:
        item["body"] = {
            "type": "TextualBody", "value": a.comment, "format": "text/plain",
            "purpose": "commenting",
        }
    item["target"] = {
        "type": "SpecificResource",
        "source": source_iri(a.note_title, a.note_path),
        "selector": selectors,
        "styleClass": color,
    }
    item["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{color} {{ background-color: {CSS_COLORS[color]}; }}",
    }
    if a.created:
        item["created"] = a.created
    if a.updated:
        item["modified"] = a.updated
    item["generator"] = {"type": "Software", "name": generator}
    return item


def from_w3c(text: str, source_name: str) -> list[Annotation]:
    """Annotations from W3C Web Annotation JSON(-LD): an AnnotationCollection with embedded
    pages, an AnnotationPage, one Annotation or a list of them. FormatError names
    ``source_name`` and the field, e.g. ``first.items[3].target.selector``, at the first
    annotation at fault (``read_w3c`` leaves bad annotations out instead)."""
    annotations, refused = read_w3c(text, source_name)
    if refused:
        raise FormatError(f"{source_name}: {refused[0]}")
    return annotations


def read_w3c(text: str, source_name: str) -> tuple[list[Annotation], list[str]]:
    """The annotations of a W3C file, and the ones left out, each with its place, its
    field and what is wrong. FormatError (naming ``source_name``) when the file is not
    JSON or not a collection, page, annotation or list of annotations."""
    try:
        raw = json_input.load(text)
    except FormatError as error:
        raise FormatError(f"{source_name}: {error}") from None
    annotations: list[Annotation] = []
    refused: list[str] = []
    try:
        for item, where in _items(raw):
            try:
                annotations.append(_annotation(item, where))
            except _Bad as bad:
                at, what = bad.args
                refused.append(f"{at or 'top level'}: {what}")
    except _Bad as bad:
        where, what = bad.args
        raise FormatError(f"{source_name}: {where or 'top level'}: {what}") from None
    return annotations, refused


class _Bad(Exception):
    """(where, what): a field that is wrong; from_w3c adds the file name."""


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _types(raw: dict[str, Any]) -> set[str] | tuple[str]:
    value = raw.get("type", [])
    if isinstance(value, str):  # (the usual case, four times an annotation: no set built)
        return (value,)
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def _items(raw: Any) -> Iterator[tuple[Any, str]]:
    """Each annotation object with its path."""
    if isinstance(raw, list):
        yield from ((item, f"[{i}]") for i, item in enumerate(raw))
        return
    if not isinstance(raw, dict):
        raise _Bad("", "expected an AnnotationCollection, an AnnotationPage or an Annotation")
    kinds = _types(raw)
    if "Annotation" in kinds:
        yield raw, ""
    elif "AnnotationPage" in kinds:
        yield from _page_items(raw, "")
    elif "AnnotationCollection" in kinds:
        if "first" not in raw:
            if raw.get("total", 0) != 0:
                raise _Bad("first", "missing, and total is not 0")
            return
        page, where = raw["first"], "first"
        while page is not None:  # embedded pages, each with the next one embedded
            if not isinstance(page, dict):
                raise _Bad(where, "expected an embedded AnnotationPage (a page given only "
                                  "by its address cannot be read from a file)")
            yield from _page_items(page, where)
            page, where = page.get("next"), f"{where}.next"
    else:
        raise _Bad("type", f"expected AnnotationCollection, AnnotationPage or Annotation, "
                           f"found {json_input.shown(raw.get('type'), 60)}")


def _page_items(page: dict[str, Any], where: str) -> Iterator[tuple[Any, str]]:
    items = page.get("items")
    if not isinstance(items, list):
        raise _Bad(_path(where, "items"), "expected a list of annotations")
    yield from ((item, f"{_path(where, 'items')}[{i}]") for i, item in enumerate(items))


def _annotation(raw: Any, where: str) -> Annotation:
    if not isinstance(raw, dict):
        raise _Bad(where, "expected an Annotation object")
    if "Annotation" not in _types(raw):
        raise _Bad(_path(where, "type"),
                   f'expected "Annotation", found {json_input.shown(raw.get("type"), 60)}')
    target, at = _one(raw.get("target"), _path(where, "target"))
    if not isinstance(target, dict):
        raise _Bad(at, "a whole document, not a span of text (no selector)")
    title, note_path = _note(target.get("source"), _path(at, "source"))
    quote_, quote_at, position = _selectors(target.get("selector"), _path(at, "selector"))
    exact = _string(quote_, "exact", quote_at, required=True)
    if not exact:
        raise _Bad(f"{quote_at}.exact", "empty")
    detached = False
    if position is None and FORMER_POSITION in raw:  # notegui's own, exported detached
        position = _offsets(raw[FORMER_POSITION], _path(where, FORMER_POSITION))
        detached = True
    start, end = position if position is not None else (0, len(exact))
    return Annotation(
        note_title=title,
        exact=exact,
        prefix=_string(quote_, "prefix", quote_at),
        suffix=_string(quote_, "suffix", quote_at),
        start=start,
        end=end,
        comment=_comment(raw, where),
        color=_color(target.get("styleClass")),
        created=_date(raw, "created", where),
        updated=_date(raw, "modified", where),
        detached=detached,
        note_path=note_path,
    )


def _one(value: Any, where: str) -> tuple[Any, str]:
    if isinstance(value, list):
        if len(value) != 1:
            raise _Bad(where, f"expected one target, found {len(value)}")
        return value[0], f"{where}[0]"
    if value is None:
        raise _Bad(where, "missing")
    return value, where


def _note(source: Any, where: str) -> tuple[str, str]:
    """(title, path) of the note a target's source names: (its title, '') for a note of
    the library's own, (its file's name, its path) for a vault's note."""
    if isinstance(source, dict):  # an External Web Resource: its id is the address
        source, where = source.get("id"), f"{where}.id"
    if isinstance(source, str) and source.startswith(VAULT_PREFIX):
        path, problem = _source_path(source)
        if problem:
            raise _Bad(where, problem)
        return markdown_stem(path.rpartition("/")[2]), path
    if not isinstance(source, str) or not source.startswith(SOURCE_PREFIX):
        raise _Bad(where, f'expected "{SOURCE_PREFIX}<title>" or "{VAULT_PREFIX}<path>", '
                          f"found {json_input.shown(source, 60)}")
    title, problem = _source_title(source)
    if problem:
        raise _Bad(where, problem)
    return title, ""


@lru_cache(maxsize=4096)
def _source_path(source: str) -> tuple[str, str]:
    """(the path of a vault note's source, "") or ("", what is wrong): a path as the
    library keeps it (``<vault>/<path in the vault>``, ``/`` separators, NFC)."""
    path = unquote(source[len(VAULT_PREFIX):])
    try:
        json_input.check_string(path, "source")
    except json_input.BadField as bad:
        return "", bad.what
    path = unicodedata.normalize("NFC", path)
    vault, _, inside = path.partition("/")
    if not vault.strip() or not inside.strip() or any(
            part in ("", ".", "..") for part in path.split("/")):
        return "", f"{json_input.shown(path, 60)} is not a path <vault>/<file> of a note"
    return path, ""


@lru_cache(maxsize=4096)
def _source_title(source: str) -> tuple[str, str]:
    """(the note title of a target's source, "") or ("", what is wrong). Cached: a note's
    annotations name the same source (unquoting it was a tenth of a W3C import)."""
    title = unquote(source[len(SOURCE_PREFIX):])
    if not title.strip():
        return "", "no note title"
    try:
        json_input.check_string(title, "source")
    except json_input.BadField as bad:
        return "", bad.what
    return normalise_title(title), ""


def _selectors(
    value: Any, where: str
) -> tuple[dict[str, Any], str, tuple[int, int] | None]:
    """The TextQuoteSelector with its path, and the TextPositionSelector's (start, end)."""
    selectors = value if isinstance(value, list) else [value]
    found: dict[str, tuple[dict[str, Any], str]] = {}
    for i, selector in enumerate(selectors):
        here = f"{where}[{i}]" if isinstance(value, list) else where
        if isinstance(selector, dict):
            for kind in _types(selector):
                if kind in ("TextQuoteSelector", "TextPositionSelector"):
                    found.setdefault(kind, (selector, here))
    if "TextQuoteSelector" not in found:
        raise _Bad(where, "no TextQuoteSelector (notegui needs the quoted text)")
    if "TextPositionSelector" not in found:
        return (*found["TextQuoteSelector"], None)
    position, here = found["TextPositionSelector"]
    return (*found["TextQuoteSelector"], _offsets(position, here))


def _offsets(position: Any, here: str) -> tuple[int, int]:
    """(start, end) of a TextPositionSelector or a former position."""
    if not isinstance(position, dict):
        raise _Bad(here, "expected an object with start and end")
    start, end = position.get("start"), position.get("end")
    for key, number in (("start", start), ("end", end)):
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise _Bad(f"{here}.{key}", "expected a whole number >= 0, found "
                                        f"{json_input.shown(number)}")
        if number > json_input.MAX_OFFSET:
            raise _Bad(f"{here}.{key}", f"{json_input.shown(number)} is past the end of any "
                                        f"note (at most {json_input.MAX_OFFSET:,})")
    assert isinstance(start, int) and isinstance(end, int)
    if end < start:
        raise _Bad(here, f"end {end} is before start {start}")
    return start, end


def _string(raw: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = raw.get(key, None if required else "")
    if not isinstance(value, str):
        found = "missing" if value is None else f"found {json_input.shown(value)}"
        raise _Bad(_path(where, key), f"expected a string, {found}")
    if not value.isascii() or "\x00" in value:  # (most strings: no call at all)
        try:
            json_input.check_string(value, key)
        except json_input.BadField as bad:
            raise _Bad(_path(where, key), bad.what) from None
    return value


def _date(raw: dict[str, Any], key: str, where: str) -> str:
    value = _string(raw, key, where)
    problem = _date_problem(value) if value else ""
    if problem:
        raise _Bad(_path(where, key), problem)
    return value


@lru_cache(maxsize=1024)
def _date_problem(value: str) -> str:
    """What is wrong with a time ("" if nothing). Cached: an export's times repeat."""
    try:
        json_input.date({"time": value}, "time")
    except json_input.BadField as bad:
        return bad.what
    return ""


def _comment(raw: dict[str, Any], where: str) -> str:
    """The text of the commenting bodies (TextualBody, or bodyValue), blank-line joined."""
    texts = []
    if "bodyValue" in raw:
        texts.append(_string(raw, "bodyValue", where))
    body = raw.get("body", [])
    bodies = body if isinstance(body, list) else [body]
    for i, item in enumerate(bodies):
        if not isinstance(item, dict) or "TextualBody" not in _types(item):
            continue  # a link to a body elsewhere, or a resource: nothing to keep as text
        purpose = item.get("purpose", [])
        purposes = purpose if isinstance(purpose, list) else [purpose]
        if purposes and "commenting" not in purposes:
            continue  # a tag, a reply, a description: not notegui's comment
        here = f"{_path(where, 'body')}[{i}]" if isinstance(body, list) else _path(where, "body")
        texts.append(_string(item, "value", here, required=True))
    return "\n\n".join(t for t in texts if t)


def _color(style: Any) -> str:
    """The first highlight colour among the style classes; yellow when there is none
    (another tool's classes are not colours of ours)."""
    classes = style if isinstance(style, list) else [style]
    return next((c for c in classes if c in HIGHLIGHT_COLORS), "yellow")
