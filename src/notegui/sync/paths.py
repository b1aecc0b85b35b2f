"""Where things live in a sync repository (the layout of notegui's markdown export, with
notegui's own files in a hidden folder), and what a path there holds."""

from __future__ import annotations

from enum import Enum

from notegui.core.files import MANIFEST
from notegui.core.import_listing import IMAGE, kind_of_name, markdown_stem

ANNOTATIONS = ".notegui/annotations/"
CONFLICTS = ".notegui/conflicts/"
_SUFFIX = ".json"


class Kind(Enum):
    OWN_NOTE = "own note"  # a note of the library's own: a markdown file at the top
    VAULT_NOTE = "vault note"  # a markdown file in a folder: a vault's note at its path
    IMAGE = "image"  # an image of a vault, at its path
    ANNOTATIONS = "annotations"  # a note's annotations
    CONFLICT = "conflict"  # a note's open conflict
    OTHER = "other"  # anything else (a README, the manifest, .obsidian/…): kept, not read


def kind(path: str) -> Kind:
    if path.startswith(ANNOTATIONS) and path.endswith(_SUFFIX) and path.count("/") == 2:
        return Kind.ANNOTATIONS
    if path.startswith(CONFLICTS) and path.endswith(_SUFFIX) and path.count("/") == 2:
        return Kind.CONFLICT
    if path == MANIFEST or any(part.startswith(".") for part in path.split("/")):
        return Kind.OTHER
    name = path.rpartition("/")[2]
    if markdown_stem(name) != name:
        return Kind.VAULT_NOTE if "/" in path else Kind.OWN_NOTE
    if "/" in path and kind_of_name(name) == IMAGE:
        return Kind.IMAGE
    return Kind.OTHER


def annotations_path(uid: str) -> str:
    return f"{ANNOTATIONS}{uid}{_SUFFIX}"


def conflict_path(uid: str) -> str:
    return f"{CONFLICTS}{uid}{_SUFFIX}"


def uid_in(path: str) -> str:
    """The uid an annotations or conflict file is named after."""
    return path.rpartition("/")[2][: -len(_SUFFIX)]
