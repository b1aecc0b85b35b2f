"""A note's outline: the headings of its rendered body, each with its level, its text and
the anchor (``id``) the renderer gave it. Read from the HTML the answer pane shows, so
every anchor listed is one ``QTextBrowser.scrollToAnchor`` finds there. Pure Python.

The note's title (``<h1>`` without an id, ``render_note_html``) is not a heading of its
body; nor are the headings of another note embedded in this one (``<blockquote
class="embed">``): their anchors belong to that note's own page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

__all__ = ["Heading", "headings", "matching"]

# One pass over the HTML: an embed's frame opening, any blockquote opening or closing (an
# embedded note may quote), and a heading with its anchor. The renderer writes these tags
# itself (raw HTML in a note is escaped text), so their shape is known.
_PARTS = re.compile(
    r'<blockquote class="embed">|<(/?)blockquote[ >]'
    r'|<h([1-6]) id="([^"]*)">(.*?)</h\2>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Heading:
    level: int  # 1-6, as written (# ... ######)
    text: str  # as shown: markup dropped, entities read
    anchor: str  # the heading's id in the rendered HTML


def headings(rendered: str) -> tuple[Heading, ...]:
    """The body's headings in ``rendered`` (``render_note_html``'s or ``render_body``'s
    HTML), in reading order; () when it has none (or was shown as plain text)."""
    if ' id="' not in rendered:
        return ()  # (most notes: no heading has an anchor, no scan at all: ~1 us, not 20)
    found: list[Heading] = []
    embed_depth = 0  # >0: inside an embedded note's frame (counting its own quotes)
    for match in _PARTS.finditer(rendered):
        closing, level, anchor, inner = match.groups()
        if level is not None:
            if embed_depth == 0 and anchor:
                text = " ".join(html.unescape(_TAG.sub("", inner)).split())
                found.append(Heading(int(level), text or anchor, html.unescape(anchor)))
        elif closing is None and match.group(0).startswith('<blockquote class="embed"'):
            embed_depth = 1
        elif embed_depth:
            embed_depth += -1 if closing else 1
    return tuple(found)


def matching(found: tuple[Heading, ...], typed: str) -> tuple[Heading, ...]:
    """The headings whose text holds every word typed (case-insensitive), in order."""
    words = typed.casefold().split()
    return tuple(h for h in found if all(word in h.text.casefold() for word in words))
