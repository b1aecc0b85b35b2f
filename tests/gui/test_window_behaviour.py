"""More of the window: import with refusals, errors that do not kill the app, search that
drops stale results, mouse navigation, themes, zoom, accessibility."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from conftest import write_note
from notegui.core.domain import NoteRef, SearchHit
from notegui.gui.errors import install_exception_hook
from notegui.gui.search_field import FULL_LANE, QUICK_LANE, SearchRunner


def test_import_shows_progress_then_every_refused_file_and_why(qtbot, window, tmp_path):
    folder = tmp_path / "incoming"
    write_note(folder, "good.txt", "Why do leaves fall?\nAutumn.\nDays shorten.")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    write_note(folder, "plain.txt", "Not a question at all\nbody")
    window.files.import_paths([folder])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=10000)
    results = window.files.import_results
    assert results.summary.text() == "1 imported, 0 unchanged, 2 refused"
    lines = [results.list.item(r).text() for r in range(results.list.count())]
    assert any(line.startswith(f"Refused {folder / 'binary.txt'}: contains a NUL byte")
               for line in lines)
    assert f"Refused {folder / 'plain.txt'}: line 1 is not a question ending in '?'" in lines
    results.close()
    # The list shows the new note at once.
    assert window.count_label.text() == "10 notes"
    titles = [window.model.index(r).data() for r in range(window.model.rowCount())]
    assert "Why do leaves fall?" in titles


def test_a_large_import_says_when_it_links_and_indexes_and_shows_the_links(
        qtbot, window, tmp_path):
    folder = tmp_path / "chain"
    for number in range(60):  # each cites the next: most links wait for the import's end
        write_note(folder, f"{number:03}.txt",
                   f"Why is number {number} here?\nD.\nIt follows from Why is number "
                   f"{number + 1} here?, as shown.\nSources 1 note\nNumber {number + 1}.")
    job = window.files.import_paths([folder])
    shown: list[tuple[str, int, int]] = []

    class Watcher(QObject):  # in the window's thread, once the dialog shows the progress
        @Slot(int, str)
        def saw(self, _done: int, _name: str) -> None:
            shown.append((job.progress.labelText(), job.progress.value(),
                          job.progress.maximum()))

    watcher = Watcher()
    job.progressed.connect(watcher.saw)
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=20000)
    window.files.import_results.close()
    # Still open (not at its maximum, which would close it) while the links are made.
    assert shown[-1] == ("Linking the notes and indexing them…", 60, 61)
    row = next(r for r in range(window.model.rowCount())
               if window.model.index(r).data() == "Why is number 7 here?")
    window.list.setCurrentIndex(window.model.index(row))
    assert window.sidebar.sources.titles() == ["Why is number 8 here?"]
    assert window.sidebar.cited_by.titles() == ["Why is number 6 here?"]


def test_import_can_be_cancelled(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    for number in range(300):
        write_note(folder, f"{number:03}.txt", f"Why is number {number} here?\nD.\nBody.")
    job = window.files.import_paths([folder])
    job.cancel()
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=20000)
    assert "cancelled" in window.files.import_results.summary.text()
    assert window.library.count() < 9 + 300
    window.files.import_results.close()


def test_an_unexpected_error_is_shown_and_the_app_keeps_running(qtbot, window, tmp_path,
                                                                 monkeypatch):
    import sys

    shown: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text() + " " + box.informativeText())
            box.close()
        else:
            QTimer.singleShot(20, close_box)

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook(tmp_path / "notegui.log")
    QTimer.singleShot(20, close_box)
    sys.excepthook(RuntimeError, RuntimeError("the disk fell off"), None)
    assert shown and "Something went wrong: the disk fell off" in shown[0]
    assert str(tmp_path / "notegui.log") in shown[0]
    assert window.isVisible()
    window.zoom_in()  # still answering
    assert window.answer.zoom() == 1


def test_stale_search_results_are_dropped(qtbot):
    release = threading.Event()
    calls: list[str] = []

    def slow_search(text: str, _quick: bool, _cancelled) -> list[SearchHit]:
        calls.append(text)
        if text == "first":
            release.wait(5)
        return [SearchHit(NoteRef(len(text), text), "", 0.0)]

    runner = SearchRunner(slow_search)
    delivered: list[str] = []
    runner.resultsReady.connect(lambda query, _hits, _complete: delivered.append(query))
    runner.submit("first")
    qtbot.waitUntil(lambda: calls == ["first"])
    runner.submit("second")
    runner.submit("third")
    release.set()
    qtbot.waitUntil(lambda: delivered == ["third"], timeout=5000)
    qtbot.wait(100)
    assert delivered == ["third"]
    assert "second" not in calls  # skipped while it waited: a newer query had come
    runner.close()


def test_the_count_says_while_the_full_search_is_still_running(qtbot, window):
    full_may_start = threading.Event()
    search = window.runner._search

    def slow_full_search(text: str, quick: bool, cancelled):
        if not quick:
            full_may_start.wait(5)
        return search(text, quick, cancelled)

    window.runner._search = slow_full_search
    window.search.setFocus()
    qtbot.keyClicks(window.search, "memo")
    qtbot.waitUntil(lambda: window.count_label.text().endswith("searching for more\u2026"))
    quick_rows = window.model.rowCount()
    assert window.count_label.text().startswith(f"{quick_rows} result")
    full_may_start.set()
    qtbot.waitUntil(lambda: not window.count_label.text().endswith("\u2026"))
    rows = window.model.rowCount()
    assert rows > quick_rows  # "memo" as a prefix finds the notes on memorization
    assert window.count_label.text() == f"{rows} results of {window.library.count()} notes"


def test_the_count_under_a_search_is_not_asked_again_at_each_keystroke_but_follows_the_trash(
        qtbot, window, monkeypatch):
    total = window.library.count()
    counted: list[int] = []
    real_count = window.library.count
    monkeypatch.setattr(window.library, "count", lambda: counted.append(1) or real_count())
    window.search.setFocus()
    delivered: list[str] = []
    window.runner.resultsReady.connect(lambda text, *_: delivered.append(text))
    for letter in "memoriz":
        qtbot.keyClicks(window.search, letter)
        qtbot.waitUntil(lambda: delivered[-1:] == [window.search.text()])
    qtbot.waitUntil(lambda: window.count_label.text().endswith(f"of {total} notes"))
    assert counted == []  # (the whole list's length: at a million notes a count is 50 ms)
    monkeypatch.setattr("notegui.gui.note_actions.ask", lambda *args: True)
    trashed = window.model.ids()[0]
    window.open_note(trashed)
    window.notes.trash_note()
    qtbot.waitUntil(lambda: window.count_label.text().endswith(f"of {total - 1} notes"))
    assert window.count_label.text().startswith(f"{window.model.rowCount()} result")
    # The next result is open and selected, not the note trashed.
    assert window.current_id not in (None, trashed)
    assert trashed not in window.model.ids()
    assert window.list.currentIndex().row() == window.model.row_of(window.current_id)

def test_closing_the_window_mid_search_ends_its_threads_and_shows_nothing_after(
        qtbot, window):
    search, started, release = window.runner._search, threading.Event(), threading.Event()

    def stuck_search(text: str, quick: bool, cancelled):  # (one long SQLite step)
        started.set()
        release.wait(10)
        return search(text, quick, cancelled)

    window.runner._search = stuck_search
    delivered: list[str] = []
    window.runner.resultsReady.connect(lambda query, _hits, _complete: delivered.append(query))
    qtbot.keyClicks(window.search, "memo")
    qtbot.waitUntil(started.is_set)
    lanes = [window.tasks.running_worker(lane) for lane in (QUICK_LANE, FULL_LANE)]
    threading.Timer(0.3, release.set).start()  # (the step ends while the window waits)
    window.close()
    assert window.closed
    qtbot.wait(200)
    assert delivered == []  # its results were dropped, never shown in a closed window
    assert lanes[0] is not None and not any(lane.alive for lane in lanes if lane)


def test_the_mouse_back_button_goes_back(qtbot, window):
    first = window.current_id
    window.open_note(window.library.find(
        "Do reasoning traces need to be semantically correct?").id)
    viewport = window.answer.viewport()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # Through the window, as the system delivers a click: over the answer's text, then
    # over the list (each takes any press given to it).
    handle = window.windowHandle()
    over_answer = viewport.mapTo(window, viewport.rect().center())
    qtbot.mousePress(handle, Qt.MouseButton.BackButton, pos=over_answer)
    assert window.current_id == first
    over_list = window.list.viewport().mapTo(window, window.list.viewport().rect().center())
    qtbot.mousePress(handle, Qt.MouseButton.ForwardButton, pos=over_list)
    assert window.current_id != first


def test_dark_theme_changes_the_palette_and_the_code_colours(qtbot, window):
    light_css = window.answer.document().defaultStyleSheet()
    window.actions_by_name["theme_dark"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 80
    assert window.answer.document().defaultStyleSheet() != light_css
    assert window.settings.theme == "dark"
    window.actions_by_name["theme_light"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 200


def test_zoom_keys(qtbot, window):
    size = window.answer.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.answer.zoom() == 2
    assert window.answer.font().pointSizeF() > size
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.answer.zoom() == 0
    assert window.answer.font().pointSizeF() == size


def test_focus_shortcuts_reach_every_pane(qtbot, window):
    for key, widget in ((Qt.Key.Key_1, window.list), (Qt.Key.Key_2, window.answer),
                        (Qt.Key.Key_3, window.sidebar.sources)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert widget.hasFocus()


def test_every_control_has_an_accessible_name(window):
    unnamed = []
    for widget in window.findChildren(QWidget):
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if (focusable and widget.isVisible() and not isinstance(widget, QAbstractButton)
                and widget.parent() is not None
                and widget.objectName() != "qt_scrollarea_viewport"
                and widget.metaObject().className() not in ("QScrollBar", "QSplitterHandle")
                and not widget.accessibleName()):
            unnamed.append(widget.metaObject().className())
    assert unnamed == []


def test_every_action_is_in_a_menu_with_its_shortcut(window):
    in_menus = {action.objectName(): action for menu_action in window.menuBar().actions()
                for action in menu_action.menu().actions()}
    for name, action in window.actions_by_name.items():
        assert name in in_menus
        assert in_menus[name].shortcut() == action.shortcut()


def test_hovering_a_citation_shows_its_summary(qtbot, window):
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QToolTip

    cited = window.library.find(
        "Does procedural knowledge drive reasoning more than factual retrieval?")
    window.answer.highlighted.emit(QUrl(f"note:{cited.id}"))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("<p>Analysis of 5 million pretraining documents")
    window.answer.highlighted.emit(QUrl(""))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_painting_the_lists_never_asks_for_a_role_without_a_value(qtbot, window,
                                                                   monkeypatch):
    """PySide6 6.12 returns None without a reference from index.data() when a role has no
    value; a delegate that asks for such a role at every paint crashes Python 3.11 after a
    few hundred thousand rows. Ours must not ask: every index.data() our painting code
    calls finds a value (counting the refcount of None cannot see this on versions
    without the bug, or where None is immortal)."""
    from PySide6.QtCore import QModelIndex

    window.search.setText("memoriz")
    qtbot.waitUntil(lambda: "results" in window.count_label.text())
    asked: list[int] = []
    empty: list[int] = []
    real_data = QModelIndex.data

    def recording_data(index, role=Qt.ItemDataRole.DisplayRole):
        value = real_data(index, role)
        asked.append(int(role))
        if value is None:
            empty.append(int(role))
        return value

    monkeypatch.setattr(QModelIndex, "data", recording_data)
    for view in (window.list, window.sidebar.sources, window.sidebar.cited_by):
        view.viewport().repaint()
    monkeypatch.undo()
    assert asked, "the delegates painted nothing through index.data()"
    assert empty == []


def test_an_import_that_cannot_finish_says_why_in_its_results(qtbot, window, tmp_path,
                                                               monkeypatch):
    import notegui.store.importing.staged_import as staged_import_module

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(staged_import_module, "finish", disk_full)
    folder = tmp_path / "many"
    for number in range(30):
        write_note(folder, f"{number:03}.txt", f"Why is number {number} here?\nD.\nBody.")
    window.files.import_paths([folder])
    qtbot.waitUntil(lambda: window.files.import_job is None, timeout=20000)
    text = window.files.import_results.summary.text()
    assert "30 imported" in text
    assert ("The import stopped: the import's links could not be written: database or disk "
            "is full; they will be when the library is next opened") in text
    window.files.import_results.close()
    assert window.isVisible()


def _inked_lines(image, top: int, bottom: int, left: int, right: int) -> int:
    """How many pixel rows of the band hold text: pixels far from the band's background."""
    background = image.pixelColor(left, top).lightness()
    return sum(
        any(abs(image.pixelColor(x, y).lightness() - background) > 80
            for x in range(left, right))
        for y in range(top, bottom))


def test_a_search_result_row_shows_its_title_and_snippet_under_it(qtbot, window):
    window.search.setFocus()
    qtbot.keyClicks(window.search, "memoriz")
    qtbot.waitUntil(lambda: "results" in window.count_label.text())
    qtbot.waitUntil(lambda: bool(window.model.snippet_at(0)))
    window.list.clearSelection()
    image = window.list.viewport().grab().toImage()
    row = window.list.visualRect(window.model.index(0, 0))
    title_bottom = row.top() + 4 + window.list.fontMetrics().lineSpacing()
    left, right = row.left() + 8, min(row.right(), row.left() + 200)
    assert _inked_lines(image, row.top(), title_bottom, left, right) >= 5  # the title
    assert _inked_lines(image, title_bottom + 2, row.bottom(), left, right) >= 8  # 2 lines
    # Without a search the rows are one title line each, and nothing is under it.
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.model.has_snippets())
    assert window.list.visualRect(window.model.index(0, 0)).height() < row.height()


def test_the_searched_words_are_marked_in_every_note_opened_from_the_results(qtbot, window):
    window.search.setFocus()
    qtbot.keyClicks(window.search, "memoriz")
    qtbot.waitUntil(lambda: window.count_label.text().endswith(" notes")
                    and "results" in window.count_label.text())
    ids = list(window.model.ids())
    assert len(ids) >= 2
    for note_id in ids[:2]:
        window.open_note(note_id)
        expected = window.answer.plain_text().lower().count("memoriz")
        assert expected > 0
        marks = len(window.answer.extraSelections()) - len(window.answer.annotations)
        assert marks == expected
