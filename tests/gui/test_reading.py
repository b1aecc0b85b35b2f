"""The reading app, driven as a user drives it: clicks, keys, and what the window shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from conftest import SAMPLE_TITLE, write_note
from notegui.app import create_demo_library, open_library
from notegui.core.settings import Settings
from notegui.gui.main_window import MainWindow
from notegui.gui.picker import Picker
from notegui.gui.picker_row import SHORTCUT_ROLE
from notegui.gui.question_list import NOTE_ID_ROLE

PROCEDURAL = "Does procedural knowledge drive reasoning more than factual retrieval?"
STUB = "Can a single training example unlock mathematical reasoning?"




def row_of_title(window: MainWindow, title: str) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row).data() == title:
            return row
    raise AssertionError(f"{title!r} is not in the list")


def click_row(qtbot, window: MainWindow, title: str) -> None:
    index = window.model.index(row_of_title(window, title))
    window.list.scrollTo(index)
    rect = window.list.visualRect(index)
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def anchor_point(window: MainWindow, href: str) -> QPoint:
    """Where, in the answer pane's viewport, the link to ``href`` is drawn."""
    document = window.answer.document()
    block = document.begin()
    while block.isValid():
        fragment_iter = block.begin()
        while not fragment_iter.atEnd():
            fragment = fragment_iter.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + min(2, fragment.length() - 1))
                window.answer.setTextCursor(cursor)
                window.answer.ensureCursorVisible()
                return window.answer.cursorRect(cursor).center()
            fragment_iter += 1
        block = block.next()
    raise AssertionError(f"no link to {href} in the answer pane")


def test_first_start_shows_the_list_with_its_count(window):
    assert window.model.rowCount() == 9
    assert window.count_label.text() == "9 notes"
    titles = [window.model.index(r).data() for r in range(window.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def test_clicking_a_question_shows_answer_sources_and_backlinks(qtbot, window):
    click_row(qtbot, window, SAMPLE_TITLE)
    text = window.answer.toPlainText()
    assert text.startswith(SAMPLE_TITLE)
    assert "procedural knowledge" in text
    assert "[[" not in text  # citations render as links, not markup
    sources = window.sidebar.sources.titles()
    assert sources[:2] == [PROCEDURAL,
                           "Why does reasoning training help math but hurt medical tasks?"]
    assert sources[-1] == STUB + " (stub)"
    assert len(sources) == 6
    first = window.sidebar.sources.item(0)
    assert "</b><br>Analysis of 5 million pretraining documents" in first.toolTip()
    assert window.sidebar.sources_label.text() == "&Sources (6)"
    backlinks = window.sidebar.cited_by.titles()
    assert PROCEDURAL in backlinks
    assert window.windowTitle() == f"{SAMPLE_TITLE} — notegui"


def test_a_stub_shows_as_a_stub(qtbot, window):
    row = row_of_title(window, STUB)
    index = window.model.index(row)
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    click_row(qtbot, window, STUB)
    assert "stub" in window.answer.toPlainText().lower()
    assert window.sidebar.cited_by.titles() == [SAMPLE_TITLE]


def test_clicking_a_citation_navigates_and_back_restores_the_scroll(qtbot, window):
    click_row(qtbot, window, SAMPLE_TITLE)
    window.resize(900, 500)  # short enough that the answer scrolls
    target = window.library.find(PROCEDURAL)
    point = anchor_point(window, f"note:{target.id}")
    scroll = window.answer.scroll_position()
    qtbot.mouseClick(window.answer.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_id == target.id
    assert window.answer.toPlainText().startswith(PROCEDURAL)
    assert window.actions_by_name["back"].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.answer.toPlainText().startswith(SAMPLE_TITLE)
    assert window.answer.scroll_position() == scroll
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == target.id


def test_sidebar_click_navigates(qtbot, window):
    click_row(qtbot, window, SAMPLE_TITLE)
    item = window.sidebar.sources.item(0)
    rect = window.sidebar.sources.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.sources.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert window.answer.toPlainText().startswith(PROCEDURAL)


def test_typing_in_search_narrows_and_ranks_the_list(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "memoriz")
    qtbot.waitUntil(lambda: window.count_label.text().endswith("results of 9 notes"))
    first = window.model.index(0)
    assert first.data() == "Where do memorization errors arise in chain-of-thought reasoning?"
    assert window.model.rowCount() < 9
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.current_id == first.data(NOTE_ID_ROLE)
    assert window.answer.extraSelections()  # the searched word is marked in the note
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    qtbot.waitUntil(lambda: window.count_label.text() == "9 notes")


def test_search_filters_stubs(qtbot, window):
    window.search.setFocus()
    qtbot.keyClicks(window.search, "is:stub")
    qtbot.waitUntil(lambda: window.count_label.text().startswith("3 results"))
    rows = [window.model.index(r).data() for r in range(window.model.rowCount())]
    assert STUB in rows


def test_quick_switcher_opens_a_note(qtbot, window, monkeypatch):
    def drive(picker: Picker) -> int:
        qtbot.keyClicks(picker.field, "semantic corr")
        assert picker.list.count() == 1
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)
        return picker.result()

    monkeypatch.setattr(Picker, "exec", lambda self: drive(self))
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.answer.toPlainText().startswith(
        "Do reasoning traces need to be semantically correct?")


def test_command_palette_lists_every_action_and_runs_one(qtbot, window, monkeypatch):
    seen: list[str] = []

    def drive(picker: Picker) -> int:
        seen.extend(f"{picker.list.item(r).text()} {picker.list.item(r).data(SHORTCUT_ROLE)}"
                    for r in range(picker.list.count()))
        qtbot.keyClicks(picker.field, "zoom in")
        qtbot.keyClick(picker.field, Qt.Key.Key_Return)
        return picker.result()

    monkeypatch.setattr(Picker, "exec", lambda self: drive(self))
    qtbot.keyClick(window, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert any(label.startswith("Quick Switcher…") and "Ctrl+O" in label for label in seen)
    assert window.answer.zoom() == 1


def test_menus_show_shortcuts(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = {a.text(): a.shortcut().toString() for a in file_menu.actions()}
    assert texts["&Import Files…"] == "Ctrl+I"


def test_external_link_asks_first_and_other_schemes_are_refused(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.No)
    window.answer.anchorClicked.emit(QUrl("https://example.org/paper"))
    assert asked and "https://example.org/paper" in asked[0]
    window.answer.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert "Link not followed: file:///etc/passwd" in window.statusBar().currentMessage()


def test_hostile_note_renders_inert(qtbot, window, tmp_path):
    hostile = write_note(
        tmp_path, "hostile.txt",
        "Is this note hostile?\nA test.\n<script>alert(1)</script> and "
        "<img src=x onerror=alert(1)> and [click](javascript:alert(1)) and "
        "![remote](http://example.com/track.png)\n" + "- a\n" * 3 + "  " * 60 + "- deep",
    )
    job = window.files.import_paths([hostile])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=5000)
    job.deleteLater()
    window.files.import_results.close()
    note = window.library.find("Is this note hostile?")
    window.open_note(note.id)
    text = window.answer.toPlainText()
    assert "<script>alert(1)</script>" in text  # shown as text, not run
    html = window.answer.toHtml()
    assert "javascript:" not in html
    assert "http://example.com" not in html.split("[image")[0]


def test_geometry_splitter_and_last_note_come_back(qtbot, tmp_path):
    path = tmp_path / "lib.sqlite3"
    library = create_demo_library(path)
    settings = Settings(theme="light")
    first = MainWindow(library, settings, open_library, open_library, save_settings=False)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    first.splitter.set_preferred([200, 500, 300])  # (as dragged)
    procedural = library.find(PROCEDURAL)
    first.open_note(procedural.id)
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(library, settings, open_library, open_library, save_settings=False)
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (720, 520)
    assert second.splitter.sizes() == sizes
    assert second.splitter.preferred_sizes() == [200, 500, 300]
    assert second.current_id == procedural.id
    second.close()
    library.close()


def test_a_first_start_fits_the_screen_with_room_for_the_frame(qtbot, tmp_path):
    library = create_demo_library(tmp_path / "lib.sqlite3")
    window = MainWindow(library, Settings(), open_library, open_library, save_settings=False)
    qtbot.addWidget(window)
    window.show()
    available = window.screen().availableGeometry()
    # (offscreen, the screen is 800 x 600: the status bar at the bottom stays on it)
    assert window.width() <= available.width() * 9 // 10
    assert window.height() <= available.height() * 9 // 10
    assert window.statusBar().isVisible()
    window.close()
    library.close()


def test_settings_survive_a_restart_on_disk(qtbot, tmp_path):
    from notegui.core import settings as settings_file

    library = create_demo_library(tmp_path / "lib.sqlite3")
    window = MainWindow(library, settings_file.load(), open_library, open_library)
    qtbot.addWidget(window)
    window.show()
    window.zoom_in()
    window.set_theme("dark")
    window.close()
    loaded = settings_file.load()
    assert loaded.zoom == 1 and loaded.theme == "dark"
    assert loaded.last_library == str(Path(library.path))
    library.close()
    QApplication.instance().setPalette(QApplication.style().standardPalette())


def _row_pixels(window: MainWindow, title: str) -> list:
    """The colours painted in a row of the list, as a user sees it."""
    index = window.model.index(row_of_title(window, title))
    window.list.scrollTo(index)
    rect = window.list.visualRect(index)
    image = window.list.viewport().grab(rect).toImage()
    return [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]


def test_list_rows_paint_selection_titles_and_stubs(qtbot, window):
    click_row(qtbot, window, PROCEDURAL)
    highlight = window.list.palette().color(window.list.palette().ColorRole.Highlight)
    selected = _row_pixels(window, PROCEDURAL)
    assert sum(c == highlight for c in selected) > len(selected) // 2  # the selection bar
    assert any(c.lightness() > highlight.lightness() + 60 for c in selected)  # its title

    def darkest(pixels: list) -> int:
        return min(c.lightness() for c in pixels)

    ordinary = next(window.model.index(r).data() for r in range(window.model.rowCount())
                    if window.model.index(r).data() not in (PROCEDURAL, STUB)
                    and not window.model.ref_at(r).is_stub)
    # Text is drawn in both rows, the stub's in the lighter, disabled grey.
    assert darkest(_row_pixels(window, ordinary)) < 100
    assert 100 < darkest(_row_pixels(window, STUB)) < 240


def test_a_stub_in_the_sources_follows_a_theme_change(qtbot, window):
    click_row(qtbot, window, SAMPLE_TITLE)
    sources = window.sidebar.sources
    row = next(r for r in range(sources.count()) if sources.item(r).text().startswith(STUB))
    for theme_name in ("dark", "light"):
        window.set_theme(theme_name)
        grey = QApplication.palette().color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert sources.item(row).foreground().color() == grey


def test_sources_entries_are_one_height_and_a_long_summary_is_cut_with_an_ellipsis(
        qtbot, window):
    from notegui.gui.item_delegate import _clamped

    click_row(qtbot, window, SAMPLE_TITLE)
    sources = window.sidebar.sources
    heights = {sources.visualItemRect(sources.item(r)).height() for r in range(sources.count())}
    assert len(heights) == 1 and sources.count() > 1
    metrics = sources.fontMetrics()
    long = "word " * 200
    cut = _clamped(long, metrics, 200, 3)
    assert cut.endswith("…") and metrics.horizontalAdvance(cut) <= 200 * 3
    assert _clamped("A short summary.", metrics, 200, 3) == "A short summary."
    assert sources.item(0).toolTip()  # the whole summary, on hover
