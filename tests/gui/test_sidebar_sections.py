"""The sidebar's sections as a reader sees them: each as tall as its content (an empty one
just its header), collapsed and expanded with the mouse and the keyboard, and the collapsed
ones still collapsed at the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

from conftest import SAMPLE_TITLE
from notegui.app import open_library
from notegui.core import settings as settings_file
from notegui.core.settings import Settings
from notegui.gui.main_window import MainWindow
from notegui.gui.sidebar_section import SidebarSections

ALT = Qt.KeyboardModifier.AltModifier


def settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(10)


def rows_fit(view: QListWidget) -> bool:
    """Every row of ``view`` is inside its viewport (nothing to scroll to)."""
    last = view.visualItemRect(view.item(view.count() - 1))
    return (not view.verticalScrollBar().isVisible()
            and last.bottom() <= view.viewport().height())


def test_sections_are_as_tall_as_their_content(qtbot, window):
    window.resize(1280, 1000)  # room for the sample's six sources and four citers
    settle(qtbot)
    sections = window.sidebar.sections
    sources, cited, notes = (sections.section(k) for k in ("sources", "cited_by", "annotations"))
    assert window.sidebar.sources.count() == 6
    # All six sources show, none scrolled out of sight (before: two and a half).
    assert rows_fit(window.sidebar.sources) and rows_fit(window.sidebar.cited_by)
    # No annotations: the section is its header, nothing under it.
    assert window.sidebar.annotations.count() == 0
    assert not notes.body.isVisible()
    assert notes.height() == notes.header.height()
    assert notes.header.text() == "Anno&tations (0)"
    # The room left over is below the last section, not in an empty list.
    assert cited.geometry().bottom() < notes.geometry().top()
    assert notes.geometry().bottom() + 40 < sections.height()
    assert sources.header.text() == "&Sources (6)"


def test_a_long_section_scrolls_within_the_room_there_is(qtbot, window):
    window.resize(900, 420)
    settle(qtbot)
    sources = window.sidebar.sources
    assert not rows_fit(sources)  # too many for the room: it scrolls
    assert sources.verticalScrollBar().isVisible()
    # ...and the sections below it keep their headers in sight.
    panel = window.sidebar
    for section in panel.sections.sections():
        bottom = section.header.mapTo(panel, section.header.rect().bottomLeft()).y()
        assert section.header.isVisible() and bottom <= panel.height()


def test_a_header_collapses_and_expands_its_section(qtbot, window):
    window.resize(1280, 1000)
    settle(qtbot)
    section = window.sidebar.sections.section("sources")
    header = section.header
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not window.sidebar.sources.isVisible()
    assert section.height() == header.height()
    assert header.arrowType() == Qt.ArrowType.RightArrow
    # From the keyboard: Space on the header opens it again.
    header.setFocus()
    qtbot.keyClick(header, Qt.Key.Key_Space)
    settle(qtbot)
    assert window.sidebar.sources.isVisible() and rows_fit(window.sidebar.sources)
    assert header.arrowType() == Qt.ArrowType.DownArrow
    # Enter too.
    qtbot.keyClick(header, Qt.Key.Key_Return)
    assert section.is_collapsed()


def test_alt_and_the_mnemonic_open_a_collapsed_section_and_go_into_it(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    section = window.sidebar.sections.section("sources")
    section.set_collapsed(True)
    window.answer.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, ALT)
    settle(qtbot)
    assert not section.is_collapsed()
    assert QApplication.focusWidget() is window.sidebar.sources


def test_the_collapsed_sections_stay_collapsed_at_the_next_start(qtbot, tmp_path):
    from notegui.app import create_demo_library

    library = create_demo_library(tmp_path / "demo.sqlite3")
    path = tmp_path / "settings.json"
    first = MainWindow(library, Settings(theme="light"), open_library, open_library,
                       save_settings=False, start_note=library.find(SAMPLE_TITLE).id)
    qtbot.addWidget(first)
    first.resize(1280, 800)  # (offscreen's 800 x 600 screen opens it too narrow for a sidebar)
    first.show()
    qtbot.mouseClick(first.sidebar.sections.section("cited_by").header,
                     Qt.MouseButton.LeftButton)
    first.close()
    settings_file.save(first.settings, path)
    library.close()

    reopened = open_library(tmp_path / "demo.sqlite3")
    settings = settings_file.load(path)
    assert settings.collapsed_sections == ["cited_by"]
    second = MainWindow(reopened, settings, open_library, open_library, save_settings=False)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    try:
        cited = second.sidebar.sections.section("cited_by")
        assert cited.is_collapsed() and not second.sidebar.cited_by.isVisible()
        assert cited.header.isVisible()
        assert not second.sidebar.sections.section("sources").is_collapsed()
    finally:
        second.close()
        reopened.close()


def test_a_section_added_with_one_call(qtbot):
    """What another part of the window (an outline) does: one call, and its section
    counts its rows, hides when empty, and takes a collapsed state restored before."""
    sections = SidebarSections()
    sections.restore(["later"])
    holder = QWidget()
    sections.setParent(holder)
    holder.resize(300, 600)
    sections.resize(300, 600)
    qtbot.addWidget(holder)
    holder.show()
    headings = QListWidget()
    section = sections.add("outline", "O&utline", headings)
    settle(qtbot)
    assert section.header.text() == "O&utline (0)" and not headings.isVisible()
    headings.addItems(["One", "Two", "Three"])
    settle(qtbot)
    assert section.header.text() == "O&utline (3)" and headings.isVisible()
    assert rows_fit(headings)
    assert headings.height() < 200  # three rows, not the room there is
    later = sections.add("later", "&Later", QListWidget())
    assert later.is_collapsed() and sections.collapsed() == ["later"]
    toggles: list[tuple[str, bool]] = []
    sections.toggled.connect(lambda key, collapsed: toggles.append((key, collapsed)))
    qtbot.mouseClick(section.header, Qt.MouseButton.LeftButton)
    assert toggles == [("outline", True)]
    assert sections.collapsed() == ["outline", "later"]


def test_ctrl_3_goes_to_the_sources_even_folded_or_in_a_narrow_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.resize(800, 560)  # the sidebar folds for want of room
    window.sidebar.sections.section("sources").set_collapsed(True)
    settle(qtbot)
    assert window.splitter.folded(2)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert window.sidebar.sources.isVisible() and window.splitter.sizes()[2] >= 220
    assert QApplication.focusWidget() is window.sidebar.sources


def test_going_from_source_to_source_with_the_keyboard_keeps_the_focus_there(qtbot, window):
    """Enter on a source opens it; its own Sources are refilled in place, and the focus
    stays in them (the list is never hidden in between)."""
    library = window.library
    third, _ = library.create_note("Is the third note the last?", "Yes.", "", "The end.")
    second, _ = library.create_note("Does the second cite the third?", "Yes.", "",
                                    "See [[Is the third note the last?]].")
    first, _ = library.create_note("Does the first cite the second?", "Yes.", "",
                                   "See [[Does the second cite the third?]].")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_note(first)
    sources = window.sidebar.sources
    sources.setFocus()
    sources.setCurrentRow(0)
    qtbot.keyClick(sources, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.current_id == second
    assert sources.titles() == ["Is the third note the last?"]
    assert QApplication.focusWidget() is sources
    # A note with no sources: the section is its header.
    sources.setCurrentRow(0)
    qtbot.keyClick(sources, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.current_id == third and not sources.isVisible()


def test_a_tree_section_is_as_tall_as_the_rows_it_shows(qtbot):
    from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

    sections = SidebarSections()
    sections.resize(300, 700)
    qtbot.addWidget(sections)
    sections.show()
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    section = sections.add("outline", "O&utline", tree)
    for name in ("One", "Two"):
        top = QTreeWidgetItem(tree, [name])
        for child in ("a", "b", "c"):
            QTreeWidgetItem(top, [f"{name}.{child}"])
    tree.expandAll()
    settle(qtbot)
    assert section.header.text() == "O&utline (2)"
    row = tree.visualItemRect(tree.topLevelItem(0)).height()
    assert tree.viewport().height() >= 8 * row  # every row shown, children too
    assert not tree.verticalScrollBar().isVisible()
    tree.collapseItem(tree.topLevelItem(0))
    settle(qtbot)
    assert tree.viewport().height() < 6 * row  # and shorter when a branch closes


def test_no_section_takes_a_menus_alt_letter(window):
    """Alt+N opens the Note menu, as every Alt+letter of the menu bar opens its menu: no
    sidebar section's header takes one of those letters (Annotations had Alt+N)."""
    def letter(text: str) -> str:
        at = text.replace("&&", "").find("&")
        return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""

    menus = {letter(action.text()) for action in window.menuBar().actions()}
    headers = [letter(section.header.text()) for section in window.sidebar.sections.sections()]
    assert "" not in menus and "" not in headers
    assert not menus & set(headers), (menus, headers)
    assert len(set(headers)) == len(headers)
