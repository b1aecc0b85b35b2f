"""WCAG 2.2 contrast: the relative luminance of an sRGB colour and the ratio of two, as
the guidelines define them (1:1 to 21:1). AA asks 4.5:1 of text, 3:1 of large text, of a
control's edge and of a colour that alone tells one kind of text from another."""

from __future__ import annotations

TEXT = 4.5
LARGE_TEXT = 3.0
DISTINCTION = 3.0  # a colour telling links or stubs from the text around them


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rgb`` or ``#rrggbb`` (the ``#`` optional) as red, green and blue, 0-255."""
    digits = colour.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(red: int, green: int, blue: int) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """The contrast ratio of two colours, the lighter's over the darker's (1 to 21)."""
    high, low = sorted((luminance(*first), luminance(*second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
