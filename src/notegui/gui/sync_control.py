"""When and how the window syncs its library: File ▸ Sync Now, the status bar's item, and
the automatic syncs the library's settings ask for (when it opens, every N minutes, a few
seconds after the last save). Every sync runs ``Sync.sync`` on the library's worker
(gui/tasks.py), never on the UI thread, one at a time: a second Sync Now while one runs
only says so, and an automatic one then waits for it to end.

After a sync the views follow its changes through the ChangesHub, as after an import. An
open editor keeps what the user typed: with unsaved text it is left alone (its save
writes only the fields typed in, so the sync's other fields stay: gui/editing.py), without
it the editor shows the synced text. A failure is shown with its reason, and the interval
tries again (with none set, a library that syncs by itself tries again a few minutes
later)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar, QWidget

from notegui.core.domain import Changes
from notegui.core.errors import LibraryError
from notegui.core.ports import Library, Sync
from notegui.core.sync_model import Conflict, SyncError, SyncReport, SyncSettings, SyncStatus
from notegui.core.workers import Token
from notegui.gui.changes_hub import ChangeNotice, ChangesHub
from notegui.gui.conflicts_dialog import ConflictsDialog
from notegui.gui.editing import EditSession
from notegui.gui.i18n import translate
from notegui.gui.plain_text import shortened
from notegui.gui.sync_settings_dialog import SyncSettingsDialog
from notegui.gui.sync_status import SyncStatusItem, status_words
from notegui.gui.tasks import LIBRARY_WORKER, Task, Tasks

START_DELAY_MS = 2_000  # the sync on start waits for the window to show
AFTER_SAVES_MS = 5_000  # after the last save, so a burst of saves is one sync
STATUS_TICK_MS = 30_000  # "5 minutes ago" moves on
RETRY_MINUTES = 5  # a failed sync with no interval set, but syncing by itself, tries again
MESSAGE_MS = 8_000

Outcome = SyncReport | SyncError


def report_line(report: SyncReport) -> str:
    """One line of what a sync did, for the status bar."""
    received, sent, merged = len(report.received), len(report.sent), len(report.merged)
    conflicts, refused, warned = len(report.conflicts), len(report.refused), len(report.warned)
    parts = [text for count, text in (
        (received, translate("SyncControl", "%Ln received", "", received)),
        (sent, translate("SyncControl", "%Ln sent", "", sent)),
        (merged, translate("SyncControl", "%Ln merged", "", merged)),
        (conflicts, translate("SyncControl", "%Ln in conflict", "", conflicts)),
        (refused, translate("SyncControl", "%Ln file(s) refused", "", refused)),
        (warned, translate("SyncControl", "%Ln read with warnings", "", warned))) if count]
    return translate("SyncControl", "Synced: {changes}").format(
        changes=", ".join(parts) if parts else translate("SyncControl", "nothing to change"))


class SyncControl(QObject):
    """The window's sync: ``set_sync`` gives it each library's (None: that library has
    none, and the actions are off)."""

    def __init__(self, parent: QWidget, bar: QStatusBar, hub: ChangesHub, tasks: Tasks,
                 library: Callable[[], Library], editing: EditSession,
                 on_availability: Callable[[bool], None] = lambda _on: None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._bar = bar
        self._hub = hub
        self._tasks = tasks
        self._library = library
        self._editing = editing
        self._on_availability = on_availability  # (the window turns the actions on/off)
        self.sync: Sync | None = None
        self.settings = SyncSettings()
        self.task: Task[Outcome] | None = None
        self.failure = ""  # why this session's last sync failed ('' it did not)
        self._status: SyncStatus | None = None
        self._pending = False  # a save came while a sync ran: one more after it
        self.item = SyncStatusItem()
        self.item.clicked.connect(self.item_clicked)
        bar.addPermanentWidget(self.item)
        self.interval = QTimer(self)
        self.interval.timeout.connect(lambda: self.run_automatic("interval"))
        self.after_saves = QTimer(self, singleShot=True, interval=AFTER_SAVES_MS)
        self.after_saves.timeout.connect(lambda: self.run_automatic("after saves"))
        self.on_start = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self.on_start.timeout.connect(lambda: self.run_automatic("start"))
        self.retry = QTimer(self, singleShot=True)
        self.retry.timeout.connect(lambda: self.run_automatic("retry"))
        self._tick = QTimer(self, interval=STATUS_TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        # (a child timer, not QTimer.singleShot: it dies with the window, which a callable
        # handed to singleShot outlives)
        self._refresh_soon = QTimer(self, singleShot=True, interval=0)
        self._refresh_soon.timeout.connect(self.refresh)
        hub.changed.connect(self._library_changed)
        self.conflicts_dialog: ConflictsDialog | None = None
        self.settings_dialog: SyncSettingsDialog | None = None

    # -- the library's sync ----------------------------------------------------------------

    def set_sync(self, sync: Sync | None) -> None:
        """The sync of the library just opened (its sync on start, if asked for, soon)."""
        self.sync = sync
        self.task = None  # (the last library's, if any, was cancelled with its worker)
        self.failure = ""
        self._pending = False
        self.settings = SyncSettings()
        if sync is not None:
            try:
                self.settings = sync.settings()
            except (SyncError, LibraryError) as error:
                self.failure = str(error)
        self._apply_timers()
        self._on_availability(sync is not None)
        self.refresh()
        if sync is not None and self.settings.remote and self.settings.on_start:
            self.on_start.start()

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running()

    def _apply_timers(self) -> None:
        settings, on = self.settings, self.sync is not None and bool(self.settings.remote)
        self.on_start.stop()
        self.after_saves.stop()
        self.retry.stop()
        if on and settings.interval_minutes > 0:
            self.interval.start(settings.interval_minutes * 60_000)
        else:
            self.interval.stop()

    # -- running a sync --------------------------------------------------------------------

    def sync_now(self) -> None:
        """File ▸ Sync Now: sync, or say why not (not set up: the settings open)."""
        if self.sync is None:
            self._bar.showMessage(translate("SyncControl", "This library has no sync."), MESSAGE_MS)
        elif self.running:
            self._bar.showMessage(
                translate("SyncControl", "A sync is already running; it goes on."), MESSAGE_MS)
        elif not self.settings.remote:
            self.open_settings()
        else:
            self._start()

    def run_automatic(self, why: str) -> None:
        """A sync the settings asked for (``why``: start, interval, after saves); while one
        runs, an after-saves sync waits for it and the others are skipped."""
        if self.sync is None or not self.settings.remote or self._tasks.closed:
            return
        if self.running:
            self._pending = self._pending or why == "after saves"
            return
        self._start()

    def _start(self) -> None:
        sync = self.sync
        assert sync is not None

        def work(token: Token) -> Outcome:
            try:
                return sync.sync(token)
            except SyncError as error:  # (expected: its message says it all, no traceback)
                return error

        self._pending = False
        self.after_saves.stop()
        self.task = self._tasks.run(work, self._finished, self._crashed, worker=LIBRARY_WORKER)
        self.refresh()

    def _crashed(self, error: Exception) -> None:
        """A sync that failed in a way the engine did not foresee (logged with its
        traceback): shown as a failure like any other."""
        self._finished(SyncError(
            "failed",
            translate("SyncControl", "the sync failed unexpectedly: {error}").format(error=error)))

    def _finished(self, outcome: Outcome) -> None:
        self.task = None
        self.retry.stop()
        if isinstance(outcome, SyncError):
            self.failure = str(outcome)
            settings = self.settings
            if settings.interval_minutes == 0 and (settings.on_start or settings.after_saves):
                self.retry.start(RETRY_MINUTES * 60_000)  # (with an interval: the interval)
            self._bar.showMessage(translate("SyncControl", "Sync failed: {failure}").format(
                failure=shortened(self.failure, 200)), MESSAGE_MS)
        else:
            self.failure = ""
            self._bar.showMessage(report_line(outcome), MESSAGE_MS)
            self._show_changes(outcome)  # (its word on an open editor, if any, last)
        self.refresh()
        if self._pending:
            self._pending = False
            self.after_saves.start()

    def _show_changes(self, report: SyncReport) -> None:
        """The views follow what the sync changed in the library."""
        self._library().changed_elsewhere()  # (its own writes: shown here, not as outside)
        changed = frozenset(report.changed)
        self._hub.publish(Changes(notes=changed, links=bool(changed)), self)
        editing = self._editing
        if editing.active and editing.note_id in changed:
            if editing.unsaved():
                self._bar.showMessage(
                    translate("SyncControl",
                              "The sync changed the note you are editing; your edit is kept and "
                              "saved over the fields you changed."), MESSAGE_MS * 2)
            else:
                self._reload_editor()

    def _reload_editor(self) -> None:
        """The editor, with nothing unsaved, shows the synced text where the cursor was."""
        body = self._editing.pane.body
        position = body.textCursor().position()
        if not self._editing.start(self._editing.note_id):
            return
        cursor = body.textCursor()
        cursor.setPosition(min(position, len(body.toPlainText())))
        body.setTextCursor(cursor)

    # -- what the window shows -------------------------------------------------------------

    def refresh(self) -> None:
        """The status bar's item, from the sync's status (read afresh: no network)."""
        self._status = None
        if self.sync is not None:
            try:
                self._status = self.sync.status()
            except (SyncError, LibraryError) as error:
                self._status = SyncStatus(remote=self.settings.remote or "?",
                                          last_result=str(error))
        self.item.show_words(status_words(self._status, datetime.now(UTC), self.running,
                                          self.failure, self._retry_words()))

    def _retry_words(self) -> str:
        minutes = self.settings.interval_minutes
        if minutes > 0:
            return translate("SyncControl", "It is tried again every %n minute(s); click to "
                             "try now.", "", minutes)
        if self.retry.isActive():
            retry = RETRY_MINUTES
            return translate("SyncControl", "It is tried again in %n minute(s); click to try "
                             "now.", "", retry)
        return translate("SyncControl", "Click to try again.")

    def status(self) -> SyncStatus | None:
        """The status as last read (for the item and the tests)."""
        return self._status

    def item_clicked(self) -> None:
        if self.sync is not None and not self.settings.remote:
            self.open_settings()
        else:
            self.sync_now()

    def _library_changed(self, notice: ChangeNotice) -> None:
        if notice.initiator is self:
            return  # (the sync's own changes)
        if self.sync is not None and self.settings.remote and self.settings.after_saves:
            self.after_saves.start()  # (restarted by each save: a few seconds after the last)
        if not self.running:
            self._refresh_soon.start()  # "n to send" follows the save

    # -- the dialogs -----------------------------------------------------------------------

    def open_settings(self) -> None:
        """File ▸ Sync Settings…: saved through the sync, the timers following."""
        sync = self.sync
        if sync is None:
            self._bar.showMessage(translate("SyncControl", "This library has no sync."), MESSAGE_MS)
            return
        self.settings_dialog = SyncSettingsDialog(self.settings, sync.set_settings,
                                                  self._parent)
        try:
            self.settings_dialog.exec()
            saved = self.settings_dialog.saved
        finally:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None
        if saved is None:
            return
        self.settings = saved
        self.failure = ""
        self._apply_timers()
        self.refresh()
        self._bar.showMessage(translate("SyncControl", "Sync settings saved.") if saved.remote
                              else translate("SyncControl", "Sync is off for this library."),
                              MESSAGE_MS)

    def show_conflicts(self) -> None:
        """Note ▸ Conflicts…: the notes in conflict, each to settle."""
        sync = self.sync
        if sync is None:
            self._bar.showMessage(translate("SyncControl", "This library has no sync."), MESSAGE_MS)
            return

        def conflicts() -> tuple[Conflict, ...]:
            try:
                return sync.status().conflicts
            except (SyncError, LibraryError) as error:
                self._bar.showMessage(translate(
                    "SyncControl", "The conflicts could not be read: {error}").format(error=error),
                                      MESSAGE_MS)
                return ()

        def settle(conflict: Conflict, keep: str, text: str) -> None:
            if self.running:
                raise SyncError(
                    "busy", translate("SyncControl", "a sync is running; settle it when it ends"))
            sync.settle(conflict.uid, keep, text)
            self._library().changed_elsewhere()
            self._hub.publish(Changes(notes=frozenset({conflict.note_id}), links=True),
                              self.conflicts_dialog)
            self._bar.showMessage(translate("SyncControl", "Settled “{title}”.").format(
                title=shortened(conflict.title, 80)), MESSAGE_MS)

        self.conflicts_dialog = ConflictsDialog(conflicts, settle, self._parent)
        try:
            self.conflicts_dialog.exec()
        finally:
            self.conflicts_dialog.deleteLater()
            self.conflicts_dialog = None
            self.refresh()
