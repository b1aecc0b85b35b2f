"""A small library with one finding of each kind of link health, and text that must not
be reported (tests/test_link_health.py, tests/gui/test_link_health_dialog.py)."""

from __future__ import annotations

from dataclasses import dataclass

from notegui.core.ports import Library

SKY = "Why is the sky blue?"
LIGHT = "How does light scatter?"
RAYLEIGH = "What is Rayleigh scattering?"  # cited, never written: a stub
ORPHAN = "What is an orphan?"
SKY_AGAIN = "Why is the sky  blue ?"  # differs from SKY in spacing only (and an orphan)
CODE = "Does code mention anything?"


@dataclass(frozen=True)
class Crafted:
    sky: int
    light: int
    orphan: int
    again: int
    code: int


def craft(library: Library) -> Crafted:
    sky, _ = library.create_note(
        SKY, "Because of scattering.", "",
        f"Light scatters; see [[{LIGHT}]] and [[{RAYLEIGH}]].\n"
        f"{SKY} is this note's own title: no mention.")
    light, _ = library.create_note(
        LIGHT, "By Rayleigh scattering.", "",
        "Scattering is strongest for short waves,\n"
        "which is why is the sky blue? answers, and why we look up.")
    orphan, _ = library.create_note(ORPHAN, "Nothing links here.", "", "")
    again, _ = library.create_note(SKY_AGAIN, "A second answer.", "", "Written twice.")
    code, _ = library.create_note(  # (cites the stub only: the rest is no mention)
        CODE, "No.", "",
        f"In code `{LIGHT}` is no mention,\n```\n{ORPHAN}\n```\n"
        f"nor inside a longer citation, [[{SKY} Or not?]], nor a link [{ORPHAN}](x.md);"
        f" see [[{RAYLEIGH}]].", create_missing=False)
    return Crafted(sky, light, orphan, again, code)
