"""A note's annotations as their repository file, ``.notegui/annotations/<uid>.json``: the
W3C Web Annotation collection of core/formats/annotation_export.py, each annotation's id
``urn:uuid:<its sync uid>`` (its 32 hex digits written as a UUID: random, given once, the
same in every library whatever is edited in it), so that two sides' annotations merge as
a set by id."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from notegui.core.formats import annotation_export
from notegui.core.sync_model import SyncAnnotation

_ID = "urn:uuid:"


def render(annotations: Sequence[SyncAnnotation]) -> bytes:
    """The file of ``annotations`` (ordered as the W3C export orders them)."""
    uids = {annotation_export.annotation_iri(item.annotation): item.uid
            for item in annotations}
    document = json.loads(annotation_export.to_w3c([item.annotation for item in annotations]))
    for item in document["first"]["items"]:
        item["id"] = _ID + str(uuid.UUID(hex=uids[item["id"]]))
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def parse(data: bytes, name: str) -> tuple[list[SyncAnnotation], list[str]]:
    """The annotations of a file, and the ones left out (each with its place and reason:
    a file edited by another tool may hold anything). ValueError when the file is not a
    W3C collection at all."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"{name}: not JSON ({error})") from None
    items = _items(document)
    if items is None:
        raise ValueError(f"{name}: not a W3C annotation collection")
    found: list[SyncAnnotation] = []
    refused: list[str] = []
    for position, item in enumerate(items):
        place = f"{name}: items[{position}]"
        uid = _uid(item.get("id") if isinstance(item, dict) else None)
        if uid is None:
            refused.append(f"{place}: id: not of the form urn:uuid:<a UUID>")
            continue
        annotations, left_out = annotation_export.read_w3c(json.dumps(item), place)
        refused.extend(left_out)
        found.extend(SyncAnnotation(uid, annotation) for annotation in annotations)
    return found, refused


def _uid(value: Any) -> str | None:
    if not isinstance(value, str) or not value.startswith(_ID):
        return None
    try:
        return uuid.UUID(value[len(_ID):]).hex
    except ValueError:
        return None


def _items(document: Any) -> list[Any] | None:
    if isinstance(document, dict) and document.get("type") == "AnnotationCollection":
        first = document.get("first")
        items = first.get("items") if isinstance(first, dict) else None
        return items if isinstance(items, list) else None
    return None
