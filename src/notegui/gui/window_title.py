"""Window titles: what the window shows, then the app's name, once.

Qt adds the application's display name to a title that does not end with it (on X11 and
Windows): "notegui — library.sqlite3" was shown as "notegui — library.sqlite3 — notegui".
Every title that names the app goes through ``window_title``, which puts it last, where Qt
leaves it alone; a long subject is cut at a word's end, not in a word's middle.
"""

from __future__ import annotations

APP_NAME = "notegui"
SEPARATOR = " \N{EM DASH} "
MAX_SUBJECT_CHARS = 100  # a title bar of a wide window shows about this much


def at_word(text: str, limit: int = MAX_SUBJECT_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters at the end of a word (with an
    ellipsis) when it is longer; a first word longer than the limit is cut inside."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:\N{EM DASH}\N{EN DASH}-") + "\N{HORIZONTAL ELLIPSIS}"


def window_title(subject: str = "") -> str:
    """``subject — notegui`` (``notegui`` alone when there is no subject)."""
    subject = at_word(subject)
    return f"{subject}{SEPARATOR}{APP_NAME}" if subject else APP_NAME
