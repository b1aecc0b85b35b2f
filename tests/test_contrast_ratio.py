"""WCAG 2.2's contrast ratio, against the figures the guidelines' own examples give."""

from __future__ import annotations

import pytest

from notegui.core.contrast import ratio, rgb


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("#000000", "#ffffff", 21.0), ("#fff", "#fff", 1.0),
    ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
    ("#777777", "#ffffff", 4.48), ("#808080", "#ffffff", 3.95),
])
def test_ratio(first, second, expected):
    assert ratio(rgb(first), rgb(second)) == pytest.approx(expected, abs=0.01)
    assert ratio(rgb(second), rgb(first)) == pytest.approx(expected, abs=0.01)


def test_a_colour_that_is_not_one_is_refused():
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        rgb("#12345")
