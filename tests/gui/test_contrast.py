"""Every text colour the window applies meets WCAG 2.2 AA on its ground, in the light and
the dark theme: the ratios computed from the application's palette and from the answer's
style sheet as the window holds them after View ▸ Theme, not from a list kept beside them."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from notegui.core.contrast import DISTINCTION, TEXT, luminance, ratio, rgb

Role, Group = QPalette.ColorRole, QPalette.ColorGroup
# (text, ground): what the window draws with which, as read text
PALETTE_PAIRS = [
    (Role.Text, Role.Base), (Role.WindowText, Role.Window), (Role.ButtonText, Role.Button),
    (Role.ToolTipText, Role.ToolTipBase), (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base), (Role.PlaceholderText, Role.Window),
    (Role.Link, Role.Base),
]
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})")
_GROUND = re.compile(r"background-color:\s*(#[0-9a-fA-F]{3,6})")
# What the answer never shows as text: whitespace tokens, and line numbers (not rendered).
_NOT_TEXT = re.compile(r"\.codehilite \.w\b|linenos")


def triple(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def rules(css: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for selectors, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        for selector in selectors.split(","):
            found[selector.strip()] = found.get(selector.strip(), "") + body
    return found


def last(pattern: re.Pattern[str], body: str) -> str | None:
    """The value of a rule's last declaration of this kind (the one that applies)."""
    found = pattern.findall(body)
    return found[-1] if found else None


def ground(selector: str, body: str, base: str, code: str) -> str:
    own = last(_GROUND, body)
    if own:
        return own
    return code if selector.startswith((".codehilite", "pre")) else base


@pytest.fixture(params=["light", "dark"])
def themed(request, window):
    window.actions_by_name[f"theme_{request.param}"].trigger()
    return window


def test_the_palette_texts_meet_aa_on_their_grounds(themed):
    palette = QApplication.palette()
    low = []
    for group in (Group.Active, Group.Inactive):
        for text, ground_role in PALETTE_PAIRS:
            contrast = ratio(triple(palette.color(group, text)),
                             triple(palette.color(group, ground_role)))
            if contrast < TEXT:
                low.append(f"{group.name} {text.name} on {ground_role.name}: {contrast:.2f}")
    # A stub's title in the lists is drawn in the disabled grey: read text too.
    grey = triple(palette.color(Group.Disabled, Role.Text))
    for ground_role in (Role.Base, Role.Window):
        contrast = ratio(grey, triple(palette.color(Group.Active, ground_role)))
        if contrast < TEXT:
            low.append(f"disabled Text (stubs) on {ground_role.name}: {contrast:.2f}")
    assert low == []


def test_the_answers_colours_meet_aa_on_their_grounds(themed):
    palette = QApplication.palette()
    base = QColor(palette.color(Role.Base)).name()
    found = rules(themed.answer.document().defaultStyleSheet())
    code, text = last(_GROUND, found[".codehilite"]), last(_COLOUR, found[".codehilite pre"])
    assert code and text
    assert ratio(rgb(text), rgb(base)) > 7  # (the body's own text, far above AA)
    low, checked = [], 0
    for selector, body in found.items():
        if _NOT_TEXT.search(selector):
            continue
        colour, own_ground = last(_COLOUR, body), last(_GROUND, body)
        if colour:  # its colour on its ground
            where, shown = ground(selector, body, base, code), colour
        elif own_ground:  # a ground under the note's text (code, a highlight)
            where, shown = own_ground, text
        else:
            continue
        checked += 1
        contrast = ratio(rgb(shown), rgb(where))
        if contrast < TEXT:
            low.append(f"{selector}: {shown} on {where}: {contrast:.2f}")
    assert checked > 50  # (the token colours of the code style, and the note's own)
    assert low == []


def test_links_and_stubs_are_told_apart_by_more_than_colour(themed):
    found = rules(themed.answer.document().defaultStyleSheet())
    body_text = rgb(last(_COLOUR, found[".codehilite pre"]) or "")
    link = rgb(last(_COLOUR, found["a.citation"]) or "")
    # A citation stands out from the text around it by its colour and its weight; a stub's
    # citation by slant and underline as well, whatever the colours.
    assert ratio(link, body_text) >= DISTINCTION or "font-weight: 600" in found["a.citation"]
    assert "font-weight: 600" in found["a.citation"]
    stub = found["a.citation.stub"]
    assert "font-style: italic" in stub and "text-decoration: underline" in stub
    assert luminance(*link) != luminance(*rgb(last(_COLOUR, stub) or ""))


_EDGE = re.compile(r"border: 1px solid (#[0-9a-fA-F]{6})")
_HANDLE = re.compile(r"::handle \{ background: (#[0-9a-fA-F]{6})")
_GROOVE = re.compile(r"QScrollBar:vertical \{ background: (#[0-9a-fA-F]{6})")
NON_TEXT = 3.0  # WCAG 1.4.11: a control's edge and parts


def test_the_fields_edges_and_the_scrollbars_show(themed):
    palette = QApplication.palette()
    grounds = [triple(palette.color(role)) for role in (Role.Window, Role.Base)]
    for field in (themed.search, themed.sidebar.tags.field, themed.editor.title):
        edge = last(_EDGE, field.styleSheet())
        assert edge, f"{field.accessibleName()}: no edge of its own"
        assert min(ratio(rgb(edge), ground) for ground in grounds) >= NON_TEXT
    css = themed.answer.verticalScrollBar().styleSheet()
    handle, groove = last(_HANDLE, css), last(_GROOVE, css)
    assert handle and groove and ratio(rgb(handle), rgb(groove)) >= NON_TEXT


def test_the_editors_markdown_colours_meet_aa(themed):
    base = triple(QApplication.palette().color(Role.Base))
    styles = themed.editor.highlighter._styles  # (the formats the highlighter now applies)
    low = {name: round(ratio(triple(style.foreground().color()), base), 2)
           for name, style in styles.items()
           if ratio(triple(style.foreground().color()), base) < TEXT}
    assert len(styles) >= 8 and low == {}


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_systems_high_contrast_gives_black_and_white_at_7_to_1(
        monkeypatch, window, name):
    from notegui.gui import theme

    monkeypatch.setattr(theme, "high_contrast", lambda: True)
    window.actions_by_name[f"theme_{name}"].trigger()
    palette = QApplication.palette()
    assert QColor(palette.color(Role.Base)).name() == ("#000000" if name == "dark"
                                                       else "#ffffff")
    low = [f"{text.name} on {ground_role.name}" for text, ground_role in PALETTE_PAIRS
           if ratio(triple(palette.color(text)), triple(palette.color(ground_role))) < 7]
    grey = triple(palette.color(Group.Disabled, Role.Text))
    assert ratio(grey, triple(palette.color(Role.Base))) >= 7
    assert low == []


@pytest.mark.parametrize("action", ["keyboard_shortcuts", "annotation_browser", "quick_switcher",
                                    "command_palette"])
def test_the_fields_of_each_dialog_show_their_edges(qtbot, themed, action):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QLineEdit

    palette = QApplication.palette()
    grounds = [triple(palette.color(role)) for role in (Role.Window, Role.Base)]
    edges: dict[str, str | None] = {}

    def inspect_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                for field in widget.findChildren(QLineEdit):
                    if field.isVisible() and field.hasFrame():
                        edges[field.accessibleName()] = last(_EDGE, field.styleSheet())
                widget.close()

    QTimer.singleShot(300, inspect_and_close)
    themed.actions_by_name[action].trigger()
    qtbot.waitUntil(lambda: bool(edges), timeout=3000)
    for name, edge in edges.items():
        assert edge, f"{name}: no edge of its own"
        assert min(ratio(rgb(edge), ground) for ground in grounds) >= NON_TEXT, name
