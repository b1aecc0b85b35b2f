"""Light and dark looks: Fusion with an explicit palette, following the system unless the
user picks one in View. Every text colour meets WCAG 2.2 AA on its ground
(tests/gui/test_contrast.py computes the ratios from what is applied)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollBar, QWidget

from notegui.gui.qt_typing import application


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: str) -> bool:
    return theme == "dark" or (theme == "system" and system_is_dark())


def _dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(223, 225, 229)
    for role, color in {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: window,
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: window,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 110, 110),
        QPalette.ColorRole.Link: QColor(110, 168, 254),
        QPalette.ColorRole.LinkVisited: QColor(180, 150, 250),
        QPalette.ColorRole.Highlight: QColor(40, 98, 210),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(150, 153, 160),
    }.items():
        palette.setColor(role, color)
    _dimmed(palette, QColor(147, 150, 157))
    return palette


def _light_palette() -> QPalette:
    palette = QApplication.style().standardPalette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(104, 104, 104))
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(31, 104, 189))
    _dimmed(palette, QColor(106, 106, 106))
    return palette


def _dimmed(palette: QPalette, grey: QColor) -> None:
    """The disabled texts' grey, which the lists also give a stub's title: WCAG AA's 4.5:1
    on both the text's and the window's ground (Fusion's greys gave 3.4 to 3.9)."""
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)


def high_contrast() -> bool:
    """Whether the system asks for high contrast (Qt 6.10 and later can tell)."""
    hints = getattr(QGuiApplication.styleHints(), "accessibility", None)
    return hints is not None and (hints().contrastPreference()
                                  == Qt.ContrastPreference.HighContrast)


def _high_contrast_palette(dark: bool) -> QPalette:
    """Black and white, and strong colours for what stands out: every text 7:1 or more."""
    palette = QPalette()
    ground, ink = (QColor(0, 0, 0), QColor(255, 255, 255)) if dark else (
        QColor(255, 255, 255), QColor(0, 0, 0))
    for role, color in {
        QPalette.ColorRole.Window: ground, QPalette.ColorRole.WindowText: ink,
        QPalette.ColorRole.Base: ground, QPalette.ColorRole.AlternateBase: ground,
        QPalette.ColorRole.ToolTipBase: ground, QPalette.ColorRole.ToolTipText: ink,
        QPalette.ColorRole.Text: ink, QPalette.ColorRole.Button: ground,
        QPalette.ColorRole.ButtonText: ink,
        QPalette.ColorRole.Link: QColor(140, 200, 255) if dark else QColor(0, 0, 170),
        QPalette.ColorRole.LinkVisited: QColor(220, 170, 255) if dark else QColor(100, 0, 140),
        QPalette.ColorRole.Highlight: QColor(255, 255, 0) if dark else QColor(0, 0, 140),
        QPalette.ColorRole.HighlightedText: QColor(0, 0, 0) if dark else QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(200, 200, 200) if dark else QColor(60, 60, 60),
    }.items():
        palette.setColor(role, color)
    _dimmed(palette, QColor(190, 190, 190) if dark else QColor(75, 75, 75))
    return palette


def apply(theme: str) -> bool:
    """Apply ``system``, ``light`` or ``dark`` (in black and white with strong colours when
    the system asks for high contrast); returns True when the result is dark."""
    app = application()
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    dark = is_dark(theme)
    if high_contrast():
        app.setPalette(_high_contrast_palette(dark))
    else:
        app.setPalette(_dark_palette() if dark else _light_palette())
    return dark


# Flat scrollbars, as in most editors today. Fusion paints a scrollbar with gradients that
# it renders again whenever the handle's length changes, which is at every note opened:
# 1.5 ms a bar, two or three bars a note. These two rectangles cost 0.02 ms.
_SCROLLBAR_CSS = """
QScrollBar:vertical {{ background: {groove}; width: 12px; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: {groove}; height: 12px; margin: 0; border: none; }}
QScrollBar::handle {{ background: {handle}; border-radius: 4px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 28px; }}
QScrollBar::handle:horizontal {{ min-width: 28px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {hover}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def scrollbar_css(dark: bool) -> str:
    # (the handle 3:1 on its groove, as WCAG asks of a control's parts)
    if dark:
        return _SCROLLBAR_CSS.format(groove="#1e1f22", handle="#6b6f76", hover="#8a8f97")
    return _SCROLLBAR_CSS.format(groove="#f3f3f3", handle="#8c8c8c", hover="#6e6e6e")


# A text field's edge at 3:1 on the window and on the text's ground (WCAG's non-text
# contrast): Fusion draws it a shade darker than the window, which on the dark window
# hardly shows (the search box was a dark box on a dark ground).
_FIELD_CSS = """
QLineEdit {{ border: 1px solid {edge}; border-radius: 3px; padding: 2px 3px; }}
QLineEdit:focus {{ border-color: {focus}; }}
"""


def field_css(dark: bool) -> str:
    if dark:
        return _FIELD_CSS.format(edge="#7d828a", focus="#5b9cf5")
    return _FIELD_CSS.format(edge="#858585", focus="#1f68bd")


def edge_fields(root: QWidget, dark: bool) -> None:
    """Give every framed text field under ``root`` its visible edge (each its own style
    sheet, as the scrollbars: see flatten_scrollbars)."""
    css = field_css(dark)
    for field in root.findChildren(QLineEdit):
        if field.hasFrame() and not field.property("refused"):
            field.setStyleSheet(css)


def dress(root: QWidget) -> None:
    """A dialog or popup made after the theme was applied: its fields' edges and flat
    scrollbars in the theme in use (the window redresses its children when it changes)."""
    dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    flatten_scrollbars(root, dark)
    edge_fields(root, dark)


def flatten_scrollbars(root: QWidget, dark: bool) -> None:
    """Give every scrollbar under ``root`` the flat look (a style sheet on each bar alone:
    one on the window would route every widget's painting through the style sheet style)."""
    css = scrollbar_css(dark)
    for bar in root.findChildren(QScrollBar):
        bar.setStyleSheet(css)


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0 to 1) of the way towards ``tint``: a tint that follows
    the theme."""
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )
