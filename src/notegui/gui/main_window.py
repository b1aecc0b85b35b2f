"""The main window: layout, the action table turned into menus, and signal wiring. The work
is done by the widgets and by the Library it is given."""

from __future__ import annotations

import base64
import gc
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QByteArray, QModelIndex, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from notegui import __version__
from notegui.core import settings as settings_file
from notegui.core.answer_page import answer_html
from notegui.core.bundled_licences import licence_folder
from notegui.core.domain import Changes, Note, SearchHit
from notegui.core.drafts import DraftStore
from notegui.core.health import Health
from notegui.core.navigation import History
from notegui.core.outline import Heading, headings
from notegui.core.ports import Library, Sync
from notegui.core.render import pygments_css
from notegui.core.search_query import parse_query
from notegui.core.settings import Settings
from notegui.core.visible_text import visible
from notegui.core.workers import Token
from notegui.gui import theme
from notegui.gui.about_box import AboutBox
from notegui.gui.actions import ActionSpec, action_table
from notegui.gui.annotating import Annotator
from notegui.gui.answer_view import AnswerView
from notegui.gui.changes_hub import ChangeNotice, ChangesHub
from notegui.gui.editing import EditSession
from notegui.gui.editor import NoteEditorPane
from notegui.gui.file_drop import FileDrop
from notegui.gui.graph_panel import GraphDock
from notegui.gui.i18n import number, translate
from notegui.gui.item_delegate import MARK_END, MARK_START
from notegui.gui.library_actions import BackupHooks, LibraryActions, OpenLibrary
from notegui.gui.library_banner import LibraryBanner
from notegui.gui.link_health_control import LinkHealthControl
from notegui.gui.mouse_navigation import MouseNavigation
from notegui.gui.note_actions import NoteActions
from notegui.gui.opened_files import OpenedFiles
from notegui.gui.outline_panel import OutlineList, OutlinePopup, ReadingMark
from notegui.gui.pane_widths import LIST_LEAST, SIDEBAR_LEAST, PaneSplitter
from notegui.gui.picker import Choice, Picker
from notegui.gui.plain_text import ask, tip, warn
from notegui.gui.preferences import Preferences
from notegui.gui.question_list import (
    NOTE_ID_ROLE,
    NoteListModel,
    QuestionListView,
)
from notegui.gui.recent_menu import RecentMenu
from notegui.gui.search_field import SearchField, SearchRunner
from notegui.gui.settings_dialog import SettingsDialog
from notegui.gui.shortcut_override import WindowShortcuts
from notegui.gui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from notegui.gui.sources_panel import SourcesPanel
from notegui.gui.sync_control import SyncControl
from notegui.gui.tasks import Tasks
from notegui.gui.wait_notice import WaitNotice
from notegui.gui.window_title import window_title

SEARCH_LIMIT = 200
OUTSIDE_CHANGES_MS = 2000  # how often to look for writes by another process
_REFRESH_ROWS = 500  # more changed notes than this: reload the list rather than each row
# A library opened shows this many rows at once and reads the rest of its list on a thread
# (a million ids take half a second to read, seconds from a cold disk).
FIRST_ROWS = 20_000
LISTING_WORKER = "notegui-listing"


class MainWindow(QMainWindow):
    """The window: its widgets and their wiring; the library's actions are ``files``, the
    notes' ``notes`` (controllers given what they need of it)."""

    def __init__(self, library: Library, settings: Settings, open_library: OpenLibrary,
                 new_library: OpenLibrary, save_settings: bool = True,
                 start_note: int | None = None, drafts: DraftStore | None = None,
                 backups: BackupHooks | None = None,
                 sync_for: Callable[[Library], Sync | None] | None = None) -> None:
        super().__init__()
        self.library = library
        # Where the window gets each library's sync (app.py: the git engine's); None, or
        # None for a library: no sync, its actions off.
        self.sync_for = sync_for
        self._health: Health | None = None
        self.settings = settings
        self._save_settings = save_settings
        self.edits = settings_file.Edits()  # (what save_settings writes)
        # The session ends (a signal, a logout): closing asks nothing (session_end.py).
        self.session_ending = False
        self.closed = False  # (closeEvent accepted)
        self.history = History()
        self.current_id: int | None = None
        # The whole list (False) and its questions only (True), each while it holds; and
        # how many notes the library has, while it holds (asked at every search's results:
        # a count takes 40-60 ms at a million notes).
        self._listed: dict[bool, Sequence[int]] = {}
        self._total: int | None = None
        # One more each time the lists are forgotten (a list read behind for an older one
        # is dropped), and whether the whole list is being read behind.
        self._listing = 0
        self._reading_list = False
        self._syncing_selection = False
        self._declined_click: int | None = None  # a list click that chose Keep Editing
        self.setWindowTitle(window_title())
        # Every write's Changes, with who made it, to every view (each decides what to redo).
        self.hub = ChangesHub(self)
        self._build_widgets()
        self.notes = NoteActions(self, self, self.statusBar(), self.hub, self.editing,
                                 self.editor, self.annotator, drafts)
        self.files = LibraryActions(self, self, self.statusBar(), self.hub, open_library,
                                    new_library, backups, self.tasks)
        self.sync_control = SyncControl(self, self.statusBar(), self.hub, self.tasks,
                                        lambda: self.library, self.editing,
                                        self._sync_available)
        self.link_health = LinkHealthControl(self, self, self.statusBar(), self.hub,
                                             self.tasks, self.editing)
        self._build_actions()
        self._shortcuts = WindowShortcuts(self, self.actions_by_name.values())
        self._add_conveniences()
        self._wire()
        self.dark = theme.apply(settings.theme)
        self._apply_css()
        self.answer.set_zoom(settings.zoom)
        self.preferences = Preferences(self, save_settings, self)  # (File ▸ Settings…)
        self.preferences.apply()
        self._settings_dialog: SettingsDialog | None = None
        self.actions_by_name["settings"].setMenuRole(QAction.MenuRole.PreferencesRole)
        self._restore_geometry()
        self._mouse_navigation = MouseNavigation(self.go_back, self.go_forward, self)
        QApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        hints = getattr(QApplication.styleHints(), "accessibility", None)
        if hints is not None:  # (Qt 6.10 on: the system's high contrast turned on or off)
            hints().contrastPreferenceChanged.connect(self._system_contrast_changed)
        self.load_library(library, start_note)
        # What is alive now (modules, widgets, wrappers) lives as long as the window: keep it
        # out of the garbage collector's full passes, which would otherwise stall the window.
        gc.freeze()

    # -- construction --------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search = SearchField()
        self.count_label = QLabel()
        self.count_label.setAccessibleName(translate("MainWindow", "Number of notes shown"))
        # View ▸ Questions Only, beside the count it changes (its action: _build_actions).
        self.questions_button = QToolButton()
        self.questions_button.setAutoRaise(True)
        self.questions_button.setAccessibleName(translate("MainWindow", "Questions only"))
        self.model = NoteListModel(lambda ids: self.library.refs(ids), self)
        self.list = QuestionListView(self.model)
        left = QWidget()
        left.setAccessibleName(translate("MainWindow", "Questions"))
        column = QVBoxLayout(left)
        column.setContentsMargins(4, 4, 0, 4)
        column.addWidget(self.search)
        counted = QHBoxLayout()
        counted.setContentsMargins(0, 0, 0, 0)
        counted.addWidget(self.count_label, 1)
        counted.addWidget(self.questions_button)
        column.addLayout(counted)
        column.addWidget(self.list, 1)
        self.answer = AnswerView()
        # A vault note's images: the library's copies, never a file or the network.
        self.answer.attachments = lambda path: self.library.attachment(path)
        self.editor = NoteEditorPane(
            lambda path, typed: self.library.link_completions(path, typed, 20),
            lambda fields: self.notes.render_preview(fields))
        self.editor.preview.attachments = lambda path: self.library.attachment(path)
        self.middle = QStackedWidget()
        self.middle.setAccessibleName(translate("MainWindow", "Answer or editor"))
        self.middle.addWidget(self.answer)
        self.middle.addWidget(self.editor)
        self.sidebar = SourcesPanel()
        # The answer first in line for width: the sidebar, then the list, give way and
        # fold when the window narrows (pane_widths.py).
        self.splitter = PaneSplitter(answer=1, fold_order=(2, 0))
        self.outline = OutlineList()  # (a section of the sidebar; Ctrl+Shift+O: a popup)
        self.reading_mark = ReadingMark(self.answer, self.outline.mark_reading)
        self.sidebar.sections.add("outline", translate("MainWindow", "O&utline"), self.outline)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.middle)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(2, True)
        self.splitter.least = {0: LIST_LEAST, 2: SIDEBAR_LEAST}
        self.splitter.measured = self.answer  # (its least width grows with the zoom)
        self.splitter.set_preferred([300, 700, 320])
        self.banner = LibraryBanner()  # (damaged or read-only: says so, offers what to do)
        central = QWidget()
        stack = QVBoxLayout(central)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        stack.addWidget(self.banner)
        stack.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.tasks = Tasks(self)  # (work off the UI thread: its library's workers and more)
        # View ▸ Citation Graph: a dock, hidden until asked for (it follows the open note).
        self.graph = GraphDock(lambda: self.library, self.tasks, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.graph)
        self.graph.hide()
        self.runner = SearchRunner(
            self._search, lambda text: self.library.quick_search_is_complete(text), self,
            self.tasks)
        self.statusBar().setAccessibleName(translate("MainWindow", "Status"))
        self.wait_notice = WaitNotice(self.statusBar())
        self.editing = EditSession(
            lambda: self.library, self.editor,
            lambda note_id, fields: self.notes.save_draft(note_id, fields),
            lambda note_id: self.notes.discard_draft(note_id), self)
        self.annotator = Annotator(lambda: self.library, self.answer,
                                   self.sidebar.annotations, self.hub, self)

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        menus: dict[str, QMenu] = {}
        groups: dict[str, QActionGroup] = {}
        toolbar = QToolBar(translate("MainWindow", "Navigation"))
        toolbar.setObjectName("navigation")
        toolbar.setAccessibleName(translate("MainWindow", "Navigation toolbar"))
        self.addToolBar(toolbar)
        self.action_specs = action_table(self)
        for spec in self.action_specs:
            action = QAction(spec.text, self)
            action.setObjectName(spec.name)
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            if spec.tip:
                action.setToolTip(tip(f"{spec.tip} ({spec.shortcuts[0]})" if spec.shortcuts
                                      else spec.tip))
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(self)).addAction(action)
            action.triggered.connect(self._runner_for(spec))
            if spec.menu not in menus:
                menus[spec.menu] = self.menuBar().addMenu(spec.menu)
            menus[spec.menu].addAction(action)
            if spec.toolbar:
                toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[spec.name] = action
        self.actions_by_name[f"theme_{self.settings.theme}"].setChecked(True)
        self.actions_by_name["toggle_sidebar"].setChecked(True)
        questions = self.actions_by_name["questions_only"]
        questions.setChecked(self.settings.questions_only)  # (as the last session left it)
        self.questions_button.setDefaultAction(questions)

    @staticmethod
    def _runner_for(spec: ActionSpec) -> Callable[..., object]:
        run = spec.run
        return lambda _checked=False: run()  # (triggered passes checked: not for run)

    def _wire(self) -> None:
        self.list.selectionModel().currentChanged.connect(self._list_current_changed)
        self.list.clicked.connect(self._list_clicked)
        self.search.queryChanged.connect(self._query_changed)
        self.search.returnPressed.connect(self._open_first_result)
        self.runner.resultsReady.connect(self._show_results)
        self.answer.noteRequested.connect(self.open_note)
        self.answer.noteAnchorRequested.connect(self.open_note_at)
        self.answer.externalLinkRequested.connect(self._open_external)
        self.answer.tagRequested.connect(lambda name: self.search.setText(f"tag:{name}"))
        self.answer.statusMessage.connect(self.statusBar().showMessage)
        self.sidebar.noteRequested.connect(self.open_note)
        self.outline.headingRequested.connect(self.go_to_heading)
        self.graph.noteRequested.connect(self.open_note)
        self.graph.visibilityChanged.connect(
            lambda _shown: self.actions_by_name["graph"].setChecked(self.graph.isVisible()))
        self.hub.changed.connect(self.graph.panel.library_changed)
        self.editing.saved.connect(self.notes.edit_saved)
        self.banner.restoreRequested.connect(self.files.restore_newest_backup)
        self.banner.salvageRequested.connect(self.files.salvage_library)
        # Into or out of the editor: the actions that need a note follow.
        self.middle.currentChanged.connect(lambda _index: self.update_note_actions())
        self.editor.discardRequested.connect(self.notes.discard_edit)
        self.editor.leaveRequested.connect(self.notes.editor_leave_requested)
        # The views follow the writes; the list first (opening a note selects its row).
        self.hub.changed.connect(self._list_follows)
        self.hub.changed.connect(self._note_follows)
        self.hub.changed.connect(self._tags_follow)
        self.hub.changed.connect(self.annotator.follow)
        tags = self.sidebar.tags
        tags.tagsChanged.connect(lambda names: self.notes.set_tags(names, initiator=tags))
        self.sidebar.tags.tagClicked.connect(lambda name: self.search.setText(f"tag:{name}"))
        self.sidebar.tags.statusMessage.connect(
            lambda text: self.statusBar().showMessage(text, 5000))
        # A CLI import (another process) while the window is open: show it.
        self._outside = QTimer(self, interval=OUTSIDE_CHANGES_MS)
        self._outside.timeout.connect(self._check_outside_changes)
        self._outside.start()
        self.annotator.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # -- the library ---------------------------------------------------------------------

    def load_library(self, library: Library, note_id: int | None = None) -> None:
        self.library = library
        library.on_wait = self.wait_notice
        self.history = History()
        self.current_id = None
        self.graph.panel.reset()
        self.search.clear()
        self._forget_listing()
        self._show_all(behind=True)
        self.sidebar.tags.set_known_tags(library.tags())
        self.setWindowTitle(window_title(library.path.name))
        self.edits.remember(self.settings, library.path)  # (File ▸ Open Recent)
        self.sync_control.set_sync(self.sync_for(library) if self.sync_for else None)
        self._health = None
        self.show_health()
        start = note_id or self.settings.last_note.get(str(library.path))
        if start is None or library.note(start) is None:
            ids = self.model.ids()
            start = ids[0] if ids else None
        if start is not None:
            self.open_note(start)
        else:
            self.show_no_note()
        self._update_navigation()

    def _sync_available(self, on: bool) -> None:
        for name in ("sync_now", "sync_settings", "sync_conflicts"):
            self.actions_by_name[name].setEnabled(on)

    def show_no_note(self) -> None:
        """No note to show (an empty library, its last note trashed): say how to add one, in
        the menus' own words, and leave the actions that need a note off."""
        self.current_id = None
        self.graph.panel.follow(None)

        def named(name: str) -> str:
            action = self.actions_by_name[name]
            menu = next(s.menu for s in self.action_specs if s.name == name).replace("&", "")
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            return escape(f"{menu} ▸ {action.text().replace('&', '')}") + (
                f" ({escape(keys)})" if keys else "")  # (words the menus already translate)

        first = (translate("MainWindow", "This library is empty.") if self.library.count() == 0
                 else translate("MainWindow", "No note is open: choose one in the list."))
        how = translate("MainWindow", "Add notes from files with {import_files} or "
                        "{import_folder}, or write one with {new_note}.").format(
            import_files=named("import_files"), import_folder=named("import_folder"),
            new_note=named("new_note"))
        self.answer.setHtml(f"<p>{escape(first)}</p><p>{how}</p>")
        self.sidebar.show_links([], [])
        self.sidebar.tags.set_tags([])
        self._show_outline(())
        self.annotator.clear()
        self.setWindowTitle(window_title(self.library.path.name))
        self.update_note_actions()

    def show_new_note(self) -> None:
        """While a new note is open it is the window's note: the title, the list (nothing
        selected), the sidebar (no links, annotations or tags yet) and every action."""
        self.current_id = None
        self.setWindowTitle(window_title(translate("MainWindow", "New note")))
        self._syncing_selection = True
        try:
            self.list.setCurrentIndex(QModelIndex())
            self.list.clearSelection()
        finally:
            self._syncing_selection = False
        self.sidebar.show_links([], [])
        self.sidebar.tags.set_tags([])
        self._show_outline(())
        self.annotator.clear()
        self.update_note_actions()

    def show_editor(self, editing: bool) -> None:
        """The editor or the answer in the middle, and Edit Note's words to match."""
        self.middle.setCurrentWidget(self.editor if editing else self.answer)
        self.actions_by_name["edit_note"].setText(translate("MainWindow",
                                                            "&Done Editing") if editing
                                                  else translate("MainWindow", "&Edit Note"))

    def is_editing(self) -> bool:
        return self.editing.active

    def stop_editing(self) -> bool:
        """Save the edit and show its note; False: still editing (the save was refused)."""
        return self.notes.stop_editing()

    def end_library_work(self) -> None:
        """Cancel a search running and end the library's workers, waiting for them (before
        the library goes away: their connections are closed with it)."""
        self.runner.cancel()
        self.tasks.close_workers()

    def listed_ids(self) -> Sequence[int]:
        return self.model.ids()

    def scroll_position(self) -> int:
        return self.answer.scroll_position()

    # Actions that write into the library: off while it is damaged or read-only (the store
    # refuses such writes anyway, saying why).
    # (The ones that also need a note: update_note_actions.)
    _WRITING_ACTIONS = ("import_files", "import_folder", "new_note")

    def note_in_view(self) -> int | None:
        """The note the window refers to: the editor's while editing (None for a new note
        not saved yet), else the one shown."""
        if self.editing.active:
            return self.editing.note_id or None
        return self.current_id

    def update_note_actions(self) -> None:
        """The actions that need a note are off while none is open (a tag typed with no
        note made a chip of no note's), and the writing ones while the library is
        read-only. Highlight and Comment act on the answer: off while the editor shows."""
        writable = self._health is None or self._health.writable
        note = self.note_in_view() is not None
        editing = self.editing.active
        for name, on in (("edit_note", writable and (note or editing)),  # Done Editing
                         ("trash_note", writable and (note or editing)),
                         ("note_history", note),
                         ("outline", note and not editing),
                         ("highlight", writable and note and not editing),
                         ("comment", writable and note and not editing)):
            self.actions_by_name[name].setEnabled(on)
        self.sidebar.tags.field.setEnabled(writable and note)

    def show_health(self) -> None:
        """The banner and the writing actions, after the library's health (a large library's
        check may find damage after it opened: asked again with the outside changes)."""
        health = self.library.health()
        if health == self._health:
            return
        first = self._health is None
        self._health = health
        hooks = self.files.backups
        backups = len(hooks.list_backups(self.library.path)) if hooks else 0
        self.banner.show_health(health, backups,
                                hooks is not None and hooks.salvage is not None)
        for name in self._WRITING_ACTIONS:
            self.actions_by_name[name].setEnabled(health.writable)
        self.update_note_actions()
        if first and health.notices:
            self.statusBar().showMessage(" ".join(health.notices), 30000)

    def _check_outside_changes(self) -> None:
        self.show_health()
        if self.files.import_job is not None or self.sync_control.running:
            return  # the import's or the sync's own writes; each refreshes when it ends
        if self.library.changed_elsewhere():
            self.model.forget_rows()
            self.hub.publish(Changes(links=True))  # (no view's write)
            self.statusBar().showMessage(
                translate("MainWindow", "The library was changed outside; refreshed."), 5000)

    def _showing_all(self) -> bool:
        return parse_query(self.search.text()).is_empty

    def questions_only(self) -> bool:
        """View ▸ Questions Only: the list and the searches show only the notes whose title
        is a question (``is:question``)."""
        return self.settings.questions_only

    def toggle_questions_only(self) -> None:
        self.edits.set(self.settings,
                       questions_only=self.actions_by_name["questions_only"].isChecked())
        if self._showing_all():
            self._show_all()
            if self.current_id is not None:
                self.select_in_list(self.current_id)
        else:
            self._query_changed(self.search.text())

    def _show_all(self, note_ids: Sequence[int] | None = None, behind: bool = False) -> None:
        """The whole list (its questions only, when so viewed); its ids are kept until the
        list changes, so clearing a search or turning Questions Only off and on again does
        not read them again (30-120 ms at 100,000 notes, just when the reader types on).
        ``note_ids``: the whole list, when a writer has it. ``behind``: a long list shows
        its first rows at once and the rest once read on a thread."""
        if note_ids is not None:
            self._forget_listing(note_ids)
        questions = self.questions_only()
        ids = self._listed.get(questions)
        if ids is None and behind:
            ids = self.library.note_ids(questions_only=questions, first=FIRST_ROWS)
            if len(ids) == FIRST_ROWS:
                self.model.set_ids(ids)
                self._read_list_behind(questions)
                self._update_count()
                return
            self._listed[questions] = ids
        if ids is None:
            ids = self._listed[questions] = self.library.note_ids(questions_only=questions)
            self._reading_list = False
        self.model.set_ids(ids)
        self._update_count()

    def _read_list_behind(self, questions: bool) -> None:
        """The whole list read on a thread; shown (the rows already there kept, with the
        selection and the scroll) unless the list changed or was read meanwhile."""
        library, listing = self.library, self._listing
        self._reading_list = True

        def read(token: Token) -> Sequence[int]:  # (the window closed: it stops)
            return library.note_ids(questions_only=questions, cancelled=token)

        def done(ids: Sequence[int]) -> None:
            if library is not self.library or listing != self._listing:
                return  # (another library, or the list changed: read again since)
            self._reading_list = False
            self._listed[questions] = ids
            if self._showing_all() and self.questions_only() == questions:
                self.model.extend(ids)
                if self.current_id is not None:
                    self.select_in_list(self.current_id)
                self._update_count()

        def failed(error: BaseException) -> None:
            if library is self.library and listing == self._listing:
                self._reading_list = False
                self._update_count()
                self.statusBar().showMessage(translate(
                    "MainWindow", "The rest of the list could not be read: {error}").format(
                        error=error), 10000)

        self.tasks.run(read, done, failed, worker=LISTING_WORKER)

    def _forget_listing(self, whole: Sequence[int] | None = None) -> None:
        """The lists and the count are read again when next needed (``whole``: the new
        whole list, when a writer has it)."""
        self._listed = {} if whole is None else {False: whole}
        self._total = None
        self._listing += 1
        self._reading_list = False

    def _notes_in_library(self) -> int:
        whole = self._listed.get(False)
        if whole is not None:
            return len(whole)
        if self._total is None:
            self._total = self.library.count()
        return self._total

    def _update_count(self, results: int | None = None, searching: bool = False) -> None:
        if results is None and self._reading_list:  # (not counted meanwhile: 50 ms a million)
            self.count_label.setText(translate("MainWindow", "Listing the notes…"))
            return
        total = self._notes_in_library()
        if results is None:
            questions = len(self._listed.get(True, ()))
            self.count_label.setText(
                translate("MainWindow", "%Ln question(s) of {total} notes", "", questions)
                .format(total=number(total)) if self.questions_only()
                else translate("MainWindow", "%Ln note(s)", "", total))
        else:
            more = (translate("MainWindow", ", searching for more…")
                    if searching else "")
            among = (translate("MainWindow", " (questions only)") if self.questions_only()
                     else "")
            self.count_label.setText(
                translate("MainWindow", "%Ln result(s) of {total} notes", "", results)
                .format(total=number(total)) + among + more)

    # -- each view follows the writes (the ChangesHub) ----------------------------------

    def _list_follows(self, notice: ChangeNotice) -> None:
        """The list: the rows of the notes a write touched, or the whole list when notes
        came or went or were retitled (``note_ids``: the new list, when the writer has
        it)."""
        changes, note_ids = notice.changes, notice.note_ids
        many = len(changes.notes) > _REFRESH_ROWS
        if many:
            self.model.forget_rows()
        else:
            self.model.refresh(changes.notes)  # their titles may have changed
        if many or (changes.links and changes.listing):
            self._forget_listing()
            if self._showing_all():
                self._show_all(note_ids)
            else:
                self._query_changed(self.search.text())

    def _note_follows(self, notice: ChangeNotice) -> None:
        """The open note (the answer, its Sources and tags, its annotations) when the write
        touched its text or links."""
        changes = notice.changes
        if self.editing.active:
            # The editor holds the note (shown again when left); the sidebar follows its
            # saves at once: the Sources of a citation just written, its tags.
            self._follow_editor(changes)
            return
        if self.current_id is not None and (
            self.current_id in changes.notes or changes.links
        ):  # (a change of annotations only is shown by the Annotator that made it)
            self.open_note(self.current_id, record=False, scroll=self.answer.scroll_position())

    def _tags_follow(self, notice: ChangeNotice) -> None:
        """The tag field: the names it completes, and the open note's chips unless the
        field made the change (it shows them already, and may hold more typing)."""
        changes = notice.changes
        if not changes.tags:
            return
        self.sidebar.tags.set_known_tags(self.library.tags())
        note_id = self.note_in_view()
        if notice.initiator is not self.sidebar.tags and note_id in changes.tags:
            note = self.library.note(note_id)
            if note is not None:
                self.sidebar.tags.set_tags(note.tags)

    def _follow_editor(self, changes: Changes) -> None:
        note_id = self.editing.note_id
        if note_id and (note_id in changes.notes or changes.links):
            note = self.library.note(note_id)
            if note is not None:
                self.sidebar.show_links(self.library.sources(note_id),
                                        self.library.backlinks(note_id))
                self.sidebar.tags.set_tags(note.tags)
        self.update_note_actions()

    # -- showing a note ------------------------------------------------------------------

    def open_note(self, note_id: int, record: bool = True, scroll: int = 0) -> bool:
        if self.editing.active and not self.notes.stop_editing(show=False):
            self._keep_list_on_edited_note()
            return False
        note = self.library.note(note_id)
        if note is None:
            self.statusBar().showMessage(translate("MainWindow", "That note no longer exists."),
                                         5000)
            self.history.forget(note_id)
            return False
        sources = self.library.sources(note_id)
        backlinks = self.library.backlinks(note_id)
        if record:
            self.history.visit(note_id, self.answer.scroll_position())
        html = answer_html(self.library, note, self.dark, sources, stub_line=translate(
            "MainWindow", "A stub: other notes cite this question, but it has no text of its "
            "own yet."))
        summaries = {s.target.id: s.summary or s.target.summary for s in sources}
        self.answer.show_note(html, summaries, scroll)
        self._show_outline(headings(html))
        self.sidebar.show_links(sources, backlinks)
        self.sidebar.tags.set_tags(note.tags)
        self.current_id = note_id
        self.graph.panel.follow(note_id)
        self.annotator.note_shown(note_id)
        if note.trashed:
            self.statusBar().showMessage(
                translate("MainWindow",
                          "This note is in the Trash: Note ▸ Trash… restores it."), 10000)
        words = parse_query(self.search.text()).words
        if words:
            self.answer.mark_words(list(words))
        self.select_in_list(note_id)
        self.setWindowTitle(self._window_title(note))
        self.edits.last_note(self.settings, self.library.path, note_id)
        self._update_navigation()
        self.update_note_actions()
        return True

    def open_note_at(self, note_id: int, anchor: str) -> bool:
        """Open a note (the one shown, or another) at a heading's or a block's anchor."""
        if (note_id != self.current_id or self.editing.active) and not self.open_note(note_id):
            return False
        self.answer.scrollToAnchor(anchor)
        self.reading_mark.jumped(anchor)
        return True

    def _window_title(self, note: Note) -> str:
        """The note's title, and where it lives when another note has its title."""
        ref = self.library.refs([note.id]).get(note.id) if note.path else None
        return window_title(ref.title_with_place if ref is not None else note.title)

    def select_in_list(self, note_id: int) -> None:
        current = self.list.currentIndex()
        if current.isValid() and current.data(NOTE_ID_ROLE) == note_id:
            return  # opened from the list itself: no need to find its row (a scan of the ids)
        row = self.model.row_of(note_id)
        self._syncing_selection = True
        try:
            if row is None:
                self.list.clearSelection()
            else:
                index = self.model.index(row)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
        finally:
            self._syncing_selection = False

    def _keep_list_on_edited_note(self) -> None:
        """The reader chose to keep editing rather than open the note they clicked: the
        list goes back to the edited note (none for a new one)."""
        row = self.model.row_of(self.editing.note_id) if self.editing.note_id else None
        self._syncing_selection = True
        try:
            self.list.setCurrentIndex(QModelIndex() if row is None else self.model.index(row))
        finally:
            self._syncing_selection = False

    def _list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._declined_click = None
        if current.isValid() and not self._syncing_selection:
            note_id = current.data(NOTE_ID_ROLE)
            if note_id != self.current_id and not self.open_note(note_id):
                self._declined_click = note_id  # (the click that follows: asked already)

    def _list_clicked(self, index: QModelIndex) -> None:
        declined, self._declined_click = self._declined_click, None
        if index.isValid() and index.data(NOTE_ID_ROLE) not in (self.current_id, declined):
            self.open_note(index.data(NOTE_ID_ROLE))

    def _update_navigation(self) -> None:
        self.actions_by_name["back"].setEnabled(self.history.can_go_back())
        self.actions_by_name["forward"].setEnabled(self.history.can_go_forward())

    # -- search --------------------------------------------------------------------------

    def _search(self, text: str, quick: bool,
                cancelled: Callable[[], bool]) -> list[SearchHit] | None:
        # Questions only: the filter comes first, so the last word typed stays a prefix;
        # an is:question or -is:question typed in the box says otherwise.
        if self.questions_only() and parse_query(text).question is None:
            text = f"is:question {text}"
        return self.library.search(text, limit=SEARCH_LIMIT, mark=(MARK_START, MARK_END),
                                   quick=quick, cancelled=cancelled)

    def _query_changed(self, text: str) -> None:
        if parse_query(text).is_empty:
            self.runner.cancel()
            self._show_all()
            if self.current_id is not None:
                self.answer.mark_words([])
                self.select_in_list(self.current_id)
        else:
            self.runner.submit(text)

    def _show_results(self, text: str, hits: list[SearchHit], complete: bool) -> None:
        if text != self.search.text():
            return  # typed on since: a newer query is on its way
        self.model.set_ids(
            [hit.note.id for hit in hits],
            snippets={hit.note.id: hit.snippet for hit in hits},
            refs={hit.note.id: hit.note for hit in hits},
        )
        self._update_count(len(hits), searching=not complete)
        if self.current_id is not None:
            self.select_in_list(self.current_id)
            self.answer.mark_words(list(parse_query(text).words))

    def _open_first_result(self) -> None:
        ids = self.model.ids()
        if ids:
            self.open_note(ids[0])
            self.list.setFocus()

    # -- links ---------------------------------------------------------------------------

    def _open_external(self, address: str) -> None:
        """Ask before a web link opens the browser, showing its address as written; an
        address that is not a valid web address is refused, with the reason."""
        url = QUrl(address)
        shown = visible(address)  # as written, but a bidi override cannot disguise it
        if not url.isValid() or url.scheme().lower() not in ("http", "https") or not url.host():
            reason = url.errorString().split(";")[0] if not url.isValid() else translate(
                "MainWindow", "no web site named")
            warn(self, translate("MainWindow", "Link not opened"),
                 translate("MainWindow", "This link's address is not a valid web address, so "
                           "it was not opened:\n\n{address}\n\n({reason})").format(
                     address=shown, reason=reason))
            return
        if ask(self, translate("MainWindow", "Open link in browser?"),
               translate("MainWindow", "This link leads outside notegui:\n\n{address}\n\n"
                         "Open it in your web browser?").format(address=shown)):
            QDesktopServices.openUrl(url)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._mouse_navigation.watch(self.windowHandle())  # (made when first shown)

    # -- the window's own actions (the table in actions.py runs them) ----------------------

    def go_back(self) -> None:
        place = self.history.back(self.answer.scroll_position())
        if place is not None:
            self.open_note(place.note_id, record=False, scroll=place.scroll)

    def go_forward(self) -> None:
        place = self.history.forward(self.answer.scroll_position())
        if place is not None:
            self.open_note(place.note_id, record=False, scroll=place.scroll)

    def quick_switcher(self) -> None:
        def choices(text: str) -> list[Choice]:
            refs = (self.library.search_titles(text, 50) if text.strip()
                    else list(self.library.refs(self.model.ids()[:50]).values()))
            return [(r.title + (translate(
                "MainWindow", " (stub)") if r.is_stub else ""), r.id, r.summary, r.place)
                    for r in refs]

        picker = Picker(translate("MainWindow", "Quick Switcher"),
                        translate("MainWindow", "Type part of a title…"), choices, self)
        if picker.exec() and isinstance(picker.chosen, int):
            self.open_note(picker.chosen)

    def command_palette(self) -> None:
        def choices(text: str) -> list[Choice]:
            words = text.casefold().split()
            found: list[Choice] = []
            for spec in self.action_specs:
                action = self.actions_by_name[spec.name]
                label = spec.text.replace("&", "")
                if all(w in label.casefold() for w in words) and action.isEnabled():
                    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    found.append((label, spec.name, spec.tip, "", shortcut))
            return found

        picker = Picker(translate("MainWindow", "Command Palette"),
                        translate("MainWindow", "Type a command…"), choices, self)
        if picker.exec() and isinstance(picker.chosen, str):
            self.actions_by_name[picker.chosen].trigger()

    def _show_outline(self, found: tuple[Heading, ...]) -> None:
        self.outline.show_headings(found)
        self.reading_mark.follow(found)

    def go_to_heading(self, anchor: str) -> None:
        """Scroll the answer to a heading of the open note (the outline's choice)."""
        if self.editing.active:
            self.statusBar().showMessage(
                translate("MainWindow",
                          "The outline leads through the note as read: Done Editing first."), 5000)
            return
        self.answer.scrollToAnchor(anchor)
        self.reading_mark.jumped(anchor)

    def outline_popup(self) -> OutlinePopup:
        """Go ▸ Outline…: the open note's headings over the answer, filtered as you type."""
        popup = OutlinePopup(self.outline.headings(), self.outline.reading(), self)
        popup.headingRequested.connect(self.go_to_heading)
        popup.headingRequested.connect(lambda _anchor: self.answer.setFocus())  # read on
        popup.show_over(self.middle)
        return popup

    def keyboard_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard Shortcuts: the action table's every action and its keys."""
        keys = {name: action.shortcuts() for name, action in self.actions_by_name.items()}
        dialog = ShortcutsDialog(shortcut_rows(self.action_specs, keys), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _add_conveniences(self) -> None:
        """File ▸ Open Recent (after Open Library…), files dropped on the window, and files
        given to open (``notegui FILE``, a file manager's Open With)."""
        opening = self.actions_by_name["open_library"]
        menu = next(m for m in self.menuBar().findChildren(QMenu) if opening in m.actions())
        following = menu.actions()[menu.actions().index(opening) + 1]
        self.recent_menu = RecentMenu(lambda: self.settings, lambda: self.library.path,
                                      self.files.open_recent,
                                      lambda: self.edits.forget_all(self.settings), self)
        menu.insertMenu(following, self.recent_menu)
        self.file_drop = FileDrop(self, self.files.import_paths, self._import_refusal,
                                  lambda text: self.statusBar().showMessage(text, 8000))
        self.opened_files = OpenedFiles(self, self.files.import_paths, self._import_refusal,
                                        lambda: self.library.path.name)

    def _import_refusal(self) -> str:
        """Why files dropped now cannot be imported ("" when they can)."""
        if not self.actions_by_name["import_files"].isEnabled():
            return translate("MainWindow",
                             "this library cannot be written to now (the banner above says why).")
        if self.files.import_job is not None:
            return translate("MainWindow", "an import is running; drop them again when it ends.")
        return ""

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def focus_sources(self) -> None:
        """Go to the Sources: the sidebar shown (even in a narrow window), the section
        unfolded."""
        if self.sidebar.isHidden() or self.splitter.folded(2):
            self.actions_by_name["toggle_sidebar"].setChecked(True)
            self.sidebar.show()
            self.splitter.reveal(2)
        self.sidebar.sections.section("sources").set_collapsed(False)
        self.sidebar.sources.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def zoom_in(self) -> None:
        self.answer.set_zoom(self.answer.zoom() + 1)
        self.splitter.fit()

    def zoom_out(self) -> None:
        self.answer.set_zoom(self.answer.zoom() - 1)
        self.splitter.fit()

    def zoom_reset(self) -> None:
        self.answer.set_zoom(0)
        self.splitter.fit()

    def toggle_sidebar(self) -> None:
        action = self.actions_by_name["toggle_sidebar"]
        if not action.isChecked() and self.splitter.folded(2):
            action.setChecked(True)  # folded for want of room: the reader asks to see it
        self.sidebar.setVisible(action.isChecked())
        self.splitter.reveal(2 if action.isChecked() else None)

    def toggle_graph(self) -> None:
        shown_before = self.graph.panel.shown_once
        self.graph.setVisible(self.actions_by_name["graph"].isChecked())
        if self.graph.isVisible():
            self.graph.raise_()
            if not shown_before and not self.graph.isFloating():  # (room to read it)
                self.resizeDocks([self.graph], [max(420, self.width() * 2 // 5)],
                                 Qt.Orientation.Horizontal)

    def set_theme(self, name: str) -> None:
        self.edits.set(self.settings, theme=name)
        self.actions_by_name[f"theme_{name}"].setChecked(True)
        self.dark = theme.apply(name)
        self._apply_css()
        if self.current_id is not None and not self.editing.active:  # (editing: stay there)
            self.open_note(self.current_id, record=False, scroll=self.answer.scroll_position())

    def _system_contrast_changed(self, _preference: object) -> None:
        self.set_theme(self.settings.theme)

    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.settings.theme == "system":
            self.set_theme("system")

    def _apply_css(self) -> None:
        theme.flatten_scrollbars(self, self.dark)
        theme.edge_fields(self, self.dark)
        css = pygments_css(self.dark)
        self.answer.document().setDefaultStyleSheet(css)
        self.editor.set_dark(self.dark, css)

    def open_settings(self) -> SettingsDialog:
        """File ▸ Settings… (Ctrl+,): the one dialog, brought forward when it is open."""
        if self._settings_dialog is None:
            self._settings_dialog = SettingsDialog(self.preferences, self)
        self._settings_dialog.show()
        self._settings_dialog.raise_()
        self._settings_dialog.activateWindow()
        return self._settings_dialog

    def about(self) -> None:
        AboutBox(__version__, self.library.path, licence_folder(), self).exec()

    # -- window state --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(self.settings.window_geometry)))
        else:  # (a first start: room left on a small screen for the frame and title bar)
            available = self.screen().availableGeometry()
            self.resize(min(1280, available.width() * 9 // 10),
                        min(800, available.height() * 9 // 10))
        if self.settings.window_state:
            self.restoreState(QByteArray(base64.b64decode(self.settings.window_state)))
        if len(self.settings.splitter_sizes) == 3:
            self.splitter.set_preferred(self.settings.splitter_sizes)
        self.sidebar.sections.restore(
            key for key in self.settings.collapsed_sections if isinstance(key, str))

    def remember_state(self) -> None:
        self.edits.set(
            self.settings,
            window_geometry=base64.b64encode(self.saveGeometry().data()).decode("ascii"),
            window_state=base64.b64encode(self.saveState().data()).decode("ascii"),
            splitter_sizes=self.splitter.preferred_sizes(),
            collapsed_sections=self.sidebar.sections.collapsed(), zoom=self.answer.zoom(),
            last_library=str(self.library.path))

    def save_settings(self) -> None:
        """Write what this window changed of its settings over the file as it is now (a
        second notegui may have saved its own since: they stay)."""
        if self._save_settings:
            settings_file.update(self.edits.onto(self.settings))

    def end_session(self) -> None:
        """Close as Ctrl+Q does, but asking nothing (SIGTERM, a logout: no one may be there
        to answer): an edit that cannot be saved stays as a draft for the next start."""
        self.session_ending = True
        if not self.closed:
            self.close()

    def commit_session(self) -> None:
        """The session manager asks for everything to be saved (a logout may follow, or be
        cancelled): the edit saved (else kept as a draft) and the settings written; the
        window stays open, and a close that follows asks nothing."""
        if self.editing.active and not self.editing.save():
            self.editing.write_draft()
        self.remember_state()
        self.save_settings()
        self.session_ending = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editing.is_new and not self.editing.unsaved():
            self.editing.discard()  # a new note left blank: nothing to keep or ask about
        if self.editing.active and not self.editing.save():
            # At the session's end nobody may be there to answer: the draft keeps the edit.
            if not self.session_ending and QMessageBox.question(
                self, translate("MainWindow", "Close without saving?"),
                translate("MainWindow",
                          "Your edit could not be saved (the editor says why). Close anyway? It "
                          "is kept as a draft and offered at the next start.")
            ) != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.editing.abandon()
        self.files.cancel_import()
        for tasks in self.findChildren(Tasks):  # (the window's, its automatic backups')
            tasks.shutdown()
        self.remember_state()
        self.save_settings()
        self._shortcuts.stop()
        self.closed = True
        super().closeEvent(event)
