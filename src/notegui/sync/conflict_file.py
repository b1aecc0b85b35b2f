"""An open conflict as its repository file, ``.notegui/conflicts/<uid>.json``, so that every
library syncing with the remote lists it (with both versions' text) until one settles it
and the file goes: JSON with the note's title, the fields in conflict, the text kept
(``mine``: the note's file as the repository now holds it) and the other (``theirs``)."""

from __future__ import annotations

import json
from typing import Any

from notegui.core import clock
from notegui.store.sync_rows import ConflictFound
from notegui.sync import note_file

_LIMIT = 8 * 1024 * 1024  # bytes: a conflict file is two notes' texts


def render(conflict: ConflictFound, title: str) -> bytes:
    document = {"notegui-conflict": 1, "title": title, "fields": list(conflict.fields),
                "found": clock.utc_now(), "mine": conflict.mine, "theirs": conflict.theirs}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def parse(data: bytes, uid: str) -> ConflictFound:
    """A conflict another library found. ValueError naming what is wrong."""
    if len(data) > _LIMIT:
        raise ValueError(f"larger than {_LIMIT // (1024 * 1024)} MB")
    try:
        document: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ValueError(f"not JSON ({error})") from None
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    fields = document.get("fields")
    mine, theirs = document.get("mine"), document.get("theirs")
    if not (isinstance(fields, list) and all(isinstance(f, str) for f in fields)):
        raise ValueError("fields: not a list of names")
    if not isinstance(mine, str) or not isinstance(theirs, str):
        raise ValueError("mine, theirs: not both texts")
    theirs_note = note_file.parse(theirs.encode("utf-8"), "", {})
    return ConflictFound(uid, tuple(fields), mine, theirs, theirs_note)
