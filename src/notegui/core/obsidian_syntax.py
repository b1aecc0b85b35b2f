"""What counts as a wikilink and as a ``#tag``: one rule for the renderer
(``render_syntax``) and the vault reader (``core.vault.links``), so that a link or a tag
the answer pane shows is one an import finds, and no other.

No markdown-it here: the reader scans whole vaults with these, far faster than a parse.
"""

from __future__ import annotations

import re
import unicodedata

# ``[[target]]``, ``[[target|shown]]``, ``![[embed]]``: group 1 the "!", 2 the target (with
# any ``#Heading`` or ``#^block``), 3 the shown text. Bounded, one line.
WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n|]{1,400})(?:\|([^\[\]\n]{0,400}))?\]\]")
TAG_NAME = re.compile(r"#([\w/-]{1,100})")
# A block's id, ``^id`` at the end of its last line (or alone on the line after it).
BLOCK_ID = re.compile(r"(?:^|[ \t])\^([A-Za-z0-9-]{1,100})[ \t]*$")


def slug(text: str) -> str:
    """A heading's anchor: lower case, words joined by '-', punctuation dropped. A link's
    ``#Heading`` finds the heading whose slug is its slug."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def block_anchor(block_id: str) -> str:
    """The anchor of the block marked ``^block_id`` (its own, apart from headings')."""
    return f"^{block_id}"


def tag_at(text: str, start: int, end: int = -1) -> str:
    """The name of the ``#tag`` or ``#nested/tag`` at ``text[start]`` ("" when there is
    none): after a space or at the start, not all digits (``#1`` is a number), trailing
    ``/`` and ``-`` not part of it. ``end``: where the text to look at ends."""
    if text[start] != "#" or (start > 0 and not text[start - 1].isspace()):
        return ""
    match = TAG_NAME.match(text, start, len(text) if end < 0 else end)
    if match is None:
        return ""
    name = match.group(1).rstrip("/-")
    if not name or name.replace("/", "").isdigit():
        return ""
    return name
