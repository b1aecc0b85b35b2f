"""The composition root: command line, logging, opening the library, the window.
The only module that knows every layer."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import signal
import sys
from collections.abc import Callable
from datetime import timedelta
from io import TextIOWrapper
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from notegui import cli
from notegui.core import paths, private_files, resources
from notegui.core.ports import Library, Sync
from notegui.core.visible_text import visible
from notegui.launch import EarlyInterrupt
from notegui.store import backup as backups
from notegui.store import damage_mark, salvage
from notegui.store import db as database_file
from notegui.store.errors import DATABASE_ERRORS, LibraryError, explain, is_damage
from notegui.store.library import SqliteLibrary

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from notegui.core.ports import Library
    from notegui.core.settings import Settings
    from notegui.gui.library_actions import BackupHooks
    from notegui.gui.main_window import MainWindow

log = logging.getLogger("notegui")
EXIT_AFTER_START_ENV = "NOTEGUI_EXIT_AFTER_START"


class _OwnerOnlyLog(logging.handlers.RotatingFileHandler):
    """The log, readable by its owner only (it names libraries, files and titles): each
    file it opens, also after a rotation, is made 0600 whatever the umask."""

    def _open(self) -> TextIOWrapper:
        return private_files.open_owner_only(self.baseFilename, self.encoding, self.errors)


def setup_logging(debug: bool) -> Path | None:
    """Log to a rotating file in the platform's log folder; None when it cannot be written."""
    level = logging.DEBUG if debug else logging.INFO
    log.setLevel(level)
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = _OwnerOnlyLog(folder / "notegui.log", maxBytes=1_000_000, backupCount=3,
                                encoding="utf-8")
    except OSError:
        return None
    for older in range(1, 4):  # (rotated by an earlier notegui, which made them 0644)
        private_files.narrow(folder / f"notegui.log.{older}")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    return folder / "notegui.log"


def open_library(path: Path) -> SqliteLibrary:
    return SqliteLibrary(path)


class _Lock(Protocol):
    def release(self) -> None: ...


class _NoLock:
    def release(self) -> None:
        pass


class LockedLibrary(SqliteLibrary):
    """A library the app opened: it holds the lock that keeps other notegui processes out of
    it (gui.instance_lock) and lets go of it when it is closed."""

    def __init__(self, path: Path | str, lock: _Lock) -> None:
        self.lock = lock
        super().__init__(path)

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.lock.release()


def open_locked(path: Path) -> SqliteLibrary:
    """The library at ``path`` for the app, locked: LibraryLocked (a LibraryError saying who
    has it) while another notegui process has it open. Closing it releases the lock. The
    window's File > Open/New Library use it too."""
    from notegui.gui.instance_lock import lock_library
    from notegui.gui.upgrade_notice import upgrade_with_notice

    lock = lock_library(path)
    try:
        if database_file.behind_schema(path):
            upgrade_with_notice(path, lambda: SqliteLibrary(path).close())
        return LockedLibrary(path, lock)
    except BaseException:
        lock.release()
        raise


def reopen_library(library: SqliteLibrary) -> SqliteLibrary:
    """A new library object on the same file (after a restore: its schema is migrated if
    the backup was older), the lock handed over; the old object is closed."""
    if isinstance(library, LockedLibrary):
        fresh: SqliteLibrary = LockedLibrary(library.path, library.lock)
        library.lock = _NoLock()
    else:
        fresh = SqliteLibrary(library.path)
    library.close()
    return fresh


def automatic_backup(path: Path, folder: Path | None = None,
                     keep: int = backups.DEFAULT_KEEP,
                     every: timedelta = backups.DEFAULT_EVERY) -> str:
    """Back up the library at ``path`` into ``folder`` (None: its default one) if one is
    due (on a worker thread): '' when all is well, else what went wrong, for the status
    bar. Never raises for a failed backup."""
    try:
        if backups.should_back_up(path, folder, every):
            backups.backup_library(path, folder, keep)
    except (OSError, LibraryError) as error:
        log.warning("the automatic backup of %s failed: %s", path, error)
        from notegui.gui.i18n import translate

        return translate("App", "The automatic backup of {library} failed: {error}").format(
            library=path.name, error=error)
    return ""


def backup_folder(settings: Settings, library: Path) -> Path | None:
    """The folder the settings choose for ``library``'s backups; None: the default one.
    (Read at each use: File ▸ Settings… changes it while the window is open.)"""
    root = settings.backup_folder
    return backups.default_folder(library, Path(root).expanduser()) if root else None


def backup_hooks(settings: Settings) -> BackupHooks:
    """File ▸ Restore Backup…'s and the automatic backups' store, where the settings say."""
    from notegui.gui.library_actions import BackupHooks

    def folder(path: Path) -> Path:
        return backup_folder(settings, path) or backups.default_folder(path)

    return BackupHooks(
        lambda path: backups.list_backups(path, folder(path)), folder,
        lambda backup, path: backups.restore_backup(backup, path, folder(path),
                                                    settings.backup_keep),
        reopen_shown, lambda source, target: salvage.salvage(source, target).lines())


def create_demo_library(path: Path,
                        opener: Callable[[Path], SqliteLibrary] = open_library) -> SqliteLibrary:
    """A new library at ``path`` filled with the demo notes shipped with notegui."""
    library = opener(path)
    # The sample first: its Sources lines become the cited notes' own summaries.
    notes = sorted(resources.demo_notes(), key=lambda item: not item[1].startswith(
        resources.SAMPLE_TITLE.encode()))
    try:
        for name, data in notes:
            library.import_bytes(data, name)
    except BaseException:
        library.close()  # and its lock, if it has one
        raise
    return library


def salvage_library(source: Path, target: Path) -> int:
    """``notegui salvage``: what could be read of ``source`` copied into ``target``, and
    what it came to."""
    report = salvage.salvage(source, target)
    for line in report.lines():
        print(visible(line))
    with SqliteLibrary(target) as saved:
        problems = saved.check()
        print(f"wrote {visible(str(target))}: {saved.count():,} notes"
              + (f"; 'notegui --db {visible(str(target))} check' finds {len(problems)} "
                 "problem(s) in it (links of lost notes)" if problems else
                 "; its check finds no problem"))
    if report.complete:
        print("nothing was lost")
        return cli.OK
    return cli.PROBLEM


def library_path(args: argparse.Namespace) -> Path:
    return args.db.expanduser() if args.db else paths.default_library()


def run_app(args: argparse.Namespace, log_file: Path | None,
            early: EarlyInterrupt | None = None) -> int:
    """The desktop app. Qt is imported here, so the CLI commands never pay for it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from notegui.core import settings as settings_file
    from notegui.gui import session_end  # noqa: F401 (imported before SIGINT is let go)
    from notegui.gui.errors import install_exception_hook
    from notegui.gui.i18n import LANGUAGE

    existing = QApplication.instance()  # (a test's, or one made earlier)
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("notegui")
    app.setApplicationDisplayName("notegui")
    app.setDesktopFileName("notegui")
    # From now on a signal is handled (once an event loop runs), also one that comes while
    # the library opens: the window then closes as soon as it is shown.
    interrupted = early is not None and early.release()
    ending = SessionEnd(app)
    window = None
    library = None
    try:
        if interrupted:  # (Ctrl+C while the app was importing)
            return 128 + signal.SIGINT
        settings = settings_file.load()
        LANGUAGE.use(settings.language)
        opened = open_with_recovery(gui_library_path(args, settings))
        if opened is None:  # (a signal that ended a question about the library, too)
            return 128 + ending.signal if ending.signal else cli.PROBLEM
        library, is_new_demo = opened
        install_exception_hook(log_file)
        window = show_window(args, settings, library, is_new_demo)
        ending.watch(window)
        if os.environ.get(EXIT_AFTER_START_ENV):
            # For benchmarks: say "ready" once the first frame is painted, then quit.
            QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
        else:
            QTimer.singleShot(0, lambda: log.info("the window is open on %s", library.path))
        code = app.exec()
        return 128 + ending.signal if ending.signal else code
    finally:
        ending.close()
        # The library open at the end (the window may have switched), and with it its lock.
        if window is not None:
            window.library.close()
        elif library is not None:
            library.close()


class SessionEnd:
    """The session's end from outside the window closes it as Ctrl+Q does (settings and
    the edit saved; the caller then closes the library: its lock released, its WAL
    checkpointed): SIGTERM, SIGINT and SIGHUP (gui.session_end), the session manager's
    logout (commitDataRequest saves; the quit that follows asks nothing) and any other
    way Qt quits (aboutToQuit). ``watch`` the window once there is one."""

    def __init__(self, app: QApplication, window: MainWindow | None = None) -> None:
        from notegui.gui.session_end import QuitOnSignals

        self.signal = 0  # the signal that ended the session, if one did
        self._app = app
        self._window: MainWindow | None = None
        self._signals = QuitOnSignals(self._on_signal)
        app.commitDataRequest.connect(self.commit)
        if window is not None:
            self.watch(window)

    def watch(self, window: MainWindow) -> None:
        self._window = window
        self._app.aboutToQuit.connect(window.end_session)

    def _on_signal(self, number: int) -> None:
        from PySide6.QtWidgets import QApplication, QDialog

        self.signal = number
        if self._window is not None:
            self._window.end_session()
            self._app.quit()
            return
        # Before the window (the app's loop is not running yet: quit would do nothing), a
        # question about the library is waiting: answered as its Escape does (Quit).
        for _ in range(10):  # (one a question; bounded, should one refuse to close)
            modal = QApplication.activeModalWidget()
            if modal is None:
                break
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()

    def commit(self, _manager: object) -> None:
        if self._window is not None:
            self._window.commit_session()

    def close(self) -> None:
        self._signals.close()
        self._app.commitDataRequest.disconnect(self.commit)
        if self._window is not None:
            self._app.aboutToQuit.disconnect(self._window.end_session)


def reopen_shown(library: Library) -> Library:
    """``reopen_library`` for the window, which holds its library as the port: one this
    module opened, so a SqliteLibrary."""
    assert isinstance(library, SqliteLibrary), "the window shows the libraries app opens"
    return reopen_library(library)


def show_window(args: argparse.Namespace, settings: Settings, library: SqliteLibrary,
                is_new_demo: bool) -> MainWindow:
    """The main window on ``library``, shown, at the note asked for; its automatic backups
    start a few seconds later, off the UI thread."""
    from PySide6.QtCore import QTimer

    from notegui.core.drafts import DraftStore
    from notegui.gui.backup_dialog import AutomaticBackups
    from notegui.gui.i18n import translate
    from notegui.gui.main_window import MainWindow

    wanted = " ".join(args.title) if args.command == "open" else None
    if wanted is None and is_new_demo:
        wanted = resources.SAMPLE_TITLE
    start = library.find(wanted) if wanted else None
    window = MainWindow(library, settings, open_library=open_locked, new_library=open_locked,
                        start_note=start.id if start else None, drafts=DraftStore(),
                        backups=backup_hooks(settings), sync_for=git_sync)
    if wanted and start is None:
        window.statusBar().showMessage(translate("App", "No note titled {title}.").format(
            title=repr(wanted)), 10000)
    window.show()
    if not os.environ.get(EXIT_AFTER_START_ENV):
        QTimer.singleShot(0, window.notes.offer_drafts)  # an edit a crash left unsaved
    files = getattr(args, "files", [])
    if files:  # (``notegui FILE``: asked once the window is up, so the question sits on it)
        QTimer.singleShot(0, lambda: window.opened_files.offer(files))

    def back_up(path: Path) -> str:
        library = window.library
        if library.path == path and not library.sound():
            return ""  # never a damaged library's: it would push a good backup out
        return automatic_backup(path, backup_folder(window.settings, path),
                                window.settings.backup_keep,
                                timedelta(hours=window.settings.backup_every_hours))

    # (looks every ten minutes whether one is due: "every hour" can be chosen)
    AutomaticBackups(window, lambda: window.library.path, back_up, every_ms=600_000)
    return window


def gui_library_path(args: argparse.Namespace, settings: Settings) -> Path:
    """--db, else NOTEGUI_DB, else the library the settings choose to start with, else
    the library open last time, else the default one."""
    if args.db or os.environ.get(paths.DB_ENV):
        return library_path(args)
    chosen = Path(settings.startup_library).expanduser() if settings.startup_library else None
    if chosen and chosen.exists():
        return chosen
    last = Path(settings.last_library) if settings.last_library else None
    return last if last and last.exists() else paths.default_library()


def open_with_recovery(path: Path) -> tuple[SqliteLibrary, bool] | None:
    """Open and lock the library at ``path`` (made from the demo notes when there is none
    yet, and then True comes with it); when it cannot be opened, or another notegui has it
    open, say why and offer another, a new one, or quitting (None)."""
    from notegui.gui.errors import ask_about_library
    from notegui.gui.instance_lock import LibraryLocked, ask_about_locked_library

    first_start = not path.exists() or path.stat().st_size == 0
    while True:
        try:
            if first_start:
                return create_demo_library(path, open_locked), True
            return open_locked(path), False
        except LibraryLocked as error:
            choice = ask_about_locked_library(error)
        except LibraryError as error:
            log.warning("cannot open %s: %s", path, error)
            choice = ask_about_library(str(error), path)
        if choice == "quit":
            return None
        chosen = ask_for_library_file(path, create=choice == "new")
        if chosen:
            path, first_start = chosen, False


def ask_for_library_file(near: Path, create: bool) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    if create:
        chosen, _ = QFileDialog.getSaveFileName(
            None, "New Library", str(paths.data_dir() / "new-library.sqlite3"),
            "notegui libraries (*.sqlite3 *.db)")
    else:
        chosen, _ = QFileDialog.getOpenFileName(
            None, "Open Library", str(near.parent),
            "notegui libraries (*.sqlite3 *.db);;All files (*)")
    return Path(chosen) if chosen else None


def git_sync(library: Library) -> Sync:
    """The library's sync through git (imported when asked: it brings dulwich)."""
    from notegui.sync.engine import GitSync

    assert isinstance(library, SqliteLibrary)
    return GitSync(library)


def main(argv: list[str] | None = None, early: EarlyInterrupt | None = None) -> int:
    """``early``: Ctrl+C noted while the app was importing (launch.py)."""
    args = cli.parse_args(argv)
    log_file = setup_logging(args.debug)
    try:
        if args.command in (None, "open"):
            return run_app(args, log_file, early)
        if early is not None and early.release():
            print("notegui: interrupted", file=sys.stderr)
            return 130
        if args.command == "salvage":  # (reads the library without opening it)
            return salvage_library(library_path(args), args.new_file.expanduser())
        with open_library(library_path(args)) as library:
            said = cli.say_health(library)
            code = cli.run(args, library, sync_for=git_sync)
            if not said and cli.say_health(library, notices=False):
                return cli.PROBLEM  # (found by a large library's check meanwhile)
            return code
    except (LibraryError, *cli.USER_ERRORS) as error:
        print(f"notegui: {visible(str(error))}", file=sys.stderr)
        return cli.PROBLEM
    except DATABASE_ERRORS as error:
        if args.debug:
            raise
        log.warning("database error", exc_info=True)
        hint = ""
        if is_damage(error):  # (then no later process writes into it: damage_mark.py)
            damage_mark.mark(library_path(args), explain(error, library_path(args)))
            hint = "; 'notegui salvage NEW-FILE' saves what can still be read into a new library"
        print(f"notegui: {visible(explain(error, library_path(args)))}{hint}", file=sys.stderr)
        return cli.PROBLEM
    except KeyboardInterrupt:
        print("notegui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return cli.OK
    except Exception as error:
        if args.debug:
            raise
        log.exception("unexpected error")
        where = f"; details in {log_file}" if log_file else ""
        print(f"notegui: unexpected error: {visible(str(error))}{visible(where)}",
              file=sys.stderr)
        return cli.PROBLEM
