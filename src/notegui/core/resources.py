"""Files shipped with notegui (the demo notes), found wherever notegui is installed."""

from __future__ import annotations

from importlib import resources

SAMPLE_TITLE = "Why does reasoning transfer across different numbers but factual recall does not?"


def demo_notes() -> list[tuple[str, bytes]]:
    """(file name, content) of every demo note, in name order."""
    folder = resources.files("notegui.resources") / "demo"
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )
