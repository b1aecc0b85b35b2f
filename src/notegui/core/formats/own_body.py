"""A question note's body as the markdown export writes it, and back: ``paragraphs`` puts
a blank line (in a quote, an empty ``>`` line) between every two blocks, since markdown
needs one between paragraphs; reading the export takes those out again.

Taking them out is exact for almost every body: the lines ``paragraphs`` adds are the
blank or empty quote lines between two lines of text outside code, and a body rarely has
one of its own there. One that does (a blank line between two paragraphs, a loose list)
cannot be told from the added ones; the export then also writes the body as it is stored
in the front matter (``notegui-body``), which the reader takes while the text below still
is what the export wrote (an edit in another tool wins)."""

from __future__ import annotations

import re

from notegui.core.render import paragraphs, plain_lines

BODY_KEY = "notegui-body"
_FENCE_OPEN = re.compile(r" {0,3}(`{3,}|~{3,})")  # (render.py's fences)
_ADDED = re.compile(r"[ \t]*(?:>[ \t]*)*")  # a blank line, or a quote's empty line


def written(body: str) -> tuple[str, bool]:
    """The body as the export writes it, and whether the text alone gives it back."""
    if plain_lines(body):  # (no line blank, quoted or fenced: the added ones come out)
        return body.replace("\n", "\n\n"), True
    text = paragraphs(body) if body else ""
    # (unparagraphed(text) == body, without writing the body's paragraphs a second time:
    # the lines taken out give the body back, or nothing does)
    return text, _taken_out(text) == body


def unparagraphed(text: str) -> str | None:
    """The body ``paragraphs`` made ``text`` of: each blank or empty quote line between
    two lines of text, outside fenced code, taken out; None when that body does not give
    ``text`` again (then the text was not written from a body alone)."""
    body = _taken_out(text)
    return body if (paragraphs(body) if body else "") == text else None


def _taken_out(text: str) -> str:
    """``text`` without each blank or empty quote line between two lines of text,
    outside fenced code."""
    lines = text.split("\n")
    kept: list[str] = []
    fence = ""
    for index, line in enumerate(lines):
        if fence:
            kept.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        opening = _FENCE_OPEN.match(line)
        if opening:
            fence = opening.group(1)
        elif (0 < index < len(lines) - 1 and _ADDED.fullmatch(line)
              and not _ADDED.fullmatch(lines[index - 1])
              and not _ADDED.fullmatch(lines[index + 1])):
            continue
        kept.append(line)
    return "\n".join(kept)
