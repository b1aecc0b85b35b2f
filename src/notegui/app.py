"""The composition root: command line, logging, opening the library, the window.
The only module that knows every layer."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from pathlib import Path

from notegui import cli
from notegui.core import paths, resources
from notegui.store.errors import LibraryError
from notegui.store.library import SqliteLibrary

log = logging.getLogger("notegui")


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
    for name, data in resources.demo_notes():
        library.import_bytes(data, name)
    return library


def library_path(args: argparse.Namespace) -> Path:
    return args.db.expanduser() if args.db else paths.default_library()


def run_app(args: argparse.Namespace) -> int:
    path = library_path(args)
    is_new = not path.exists() or path.stat().st_size == 0
    library = create_demo_library(path) if is_new else open_library(path)
    with library:
        print(
            f"notegui {library.count()} notes in {path}. The reading window is not built yet: "
            "see 'notegui --help' for the commands.",
        )
    return cli.OK


def main(argv: list[str] | None = None) -> int:
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    log_file = setup_logging(args.debug)
    try:
        if args.command is None:
            return run_app(args)
        with open_library(library_path(args)) as library:
            return cli.run(args, library)
    except (LibraryError, cli.CommandError) as error:
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
