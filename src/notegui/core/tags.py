"""What a tag name may be, as the tag field checks what is typed into it."""

from __future__ import annotations


def check_tag(text: str) -> tuple[str, str]:
    """(the tag to add, "") or ("", why it cannot be one). "" and "" for an empty field.
    A tag is one word (``tag:NAME`` in search takes one), without commas; a leading "#"
    is dropped."""
    name = text.strip().removeprefix("#").strip()
    if not text.strip():
        return "", ""
    if not name:
        return "", "A tag needs a name."
    if "," in name:
        return "", "A tag cannot contain a comma: add one tag at a time."
    if len(name.split()) > 1:
        return "", f"A tag is one word: try “{'-'.join(name.split())}”."
    return name, ""
