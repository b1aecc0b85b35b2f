"""The composition root: command line, logging, opening the library, the window.
The only module that knows every layer."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from notegui import cli
from notegui.core import paths, resources
from notegui.store.errors import LibraryError
from notegui.store.library import SqliteLibrary

log = logging.getLogger("notegui")
EXIT_AFTER_START_ENV = "NOTEGUI_EXIT_AFTER_START"


def setup_logging(debug: bool) -> Path | None:
    """Log to a rotating file in the platform's log folder; None when it cannot be written."""
    level = logging.DEBUG if debug else logging.INFO
    log.setLevel(level)
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "notegui.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    return folder / "notegui.log"


def open_library(path: Path) -> SqliteLibrary:
    return SqliteLibrary(path)


def create_demo_library(path: Path) -> SqliteLibrary:
    """A new library at ``path`` filled with the demo notes shipped with notegui."""
    library = SqliteLibrary(path)
    # The sample first: its Sources lines become the cited notes' own summaries.
    notes = sorted(resources.demo_notes(), key=lambda item: not item[1].startswith(
        resources.SAMPLE_TITLE.encode()))
    for name, data in notes:
        library.import_bytes(data, name)
    return library


def library_path(args: argparse.Namespace) -> Path:
    return args.db.expanduser() if args.db else paths.default_library()


def run_app(args: argparse.Namespace, log_file: Path | None) -> int:
    """The desktop app. Qt is imported here, so the CLI commands never pay for it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from notegui.core import settings as settings_file
    from notegui.gui.errors import install_exception_hook
    from notegui.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("notegui")
    app.setApplicationDisplayName("notegui")
    app.setDesktopFileName("notegui")
    settings = settings_file.load()
    opened = open_with_recovery(gui_library_path(args, settings))
    if opened is None:
        return cli.PROBLEM
    library, is_new_demo = opened
    install_exception_hook(log_file)
    wanted = " ".join(args.title) if args.command == "open" else None
    if wanted is None and is_new_demo:
        wanted = resources.SAMPLE_TITLE
    start = library.find(wanted) if wanted else None
    window = MainWindow(library, settings, open_library=open_library, new_library=open_library,
                        start_note=start.id if start else None)
    if wanted and start is None:
        window.statusBar().showMessage(f"No note titled {wanted!r}.", 10000)
    window.show()
    if os.environ.get(EXIT_AFTER_START_ENV):
        # For benchmarks: say "ready" once the first frame is painted, then quit.
        QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
    return app.exec()


def gui_library_path(args: argparse.Namespace, settings: object) -> Path:
    """--db, else NOTEGUI_DB, else the library open last time, else the default one."""
    if args.db or os.environ.get(paths.DB_ENV):
        return library_path(args)
    last = Path(settings.last_library) if settings.last_library else None
    return last if last and last.exists() else paths.default_library()


def open_with_recovery(path: Path) -> tuple[SqliteLibrary, bool] | None:
    """Open the library at ``path`` (made from the demo notes when there is none yet, and
    then True comes with it); when it cannot be opened, say why and offer another, a new
    one, or quitting (None)."""
    from PySide6.QtWidgets import QFileDialog

    from notegui.gui.errors import ask_about_library

    first_start = not path.exists() or path.stat().st_size == 0
    while True:
        try:
            if first_start:
                return create_demo_library(path), True
            return open_library(path), False
        except LibraryError as error:
            log.warning("cannot open %s: %s", path, error)
            choice = ask_about_library(str(error), path)
            if choice == "quit":
                return None
            if choice == "open":
                chosen, _ = QFileDialog.getOpenFileName(
                    None, "Open Library", str(path.parent),
                    "notegui libraries (*.sqlite3 *.db);;All files (*)")
            else:
                chosen, _ = QFileDialog.getSaveFileName(
                    None, "New Library", str(paths.data_dir() / "new-library.sqlite3"),
                    "notegui libraries (*.sqlite3 *.db)")
            if chosen:
                path, first_start = Path(chosen), False


def main(argv: list[str] | None = None) -> int:
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    log_file = setup_logging(args.debug)
    try:
        if args.command in (None, "open"):
            return run_app(args, log_file)
        with open_library(library_path(args)) as library:
            return cli.run(args, library)
    except (LibraryError, *cli.USER_ERRORS) as error:
        print(f"notegui: {error}", file=sys.stderr)
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
        print(f"notegui: unexpected error: {error}{where}", file=sys.stderr)
        return cli.PROBLEM
