"""Opening a library file: refuse what is not ours before SQLite writes a byte to it."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from notegui.core.import_files import kind_of
from notegui.store import schema
from notegui.store.errors import DATABASE_ERRORS, LibraryError

_MAGIC = b"SQLite format 3\x00"
PRAGMAS = {"foreign_keys": 1, "synchronous": "normal", "busy_timeout": 5000,
           "cache_size": -16384}  # 16 MB a connection (there is one a thread)
# A new library's pages: SQLite's usual 4 KB, set rather than left to the build. 16 KB
# pages made a 100,000-note import 8% faster (a commit writes a quarter as many WAL frames),
# but a search 2 ms slower at its median and opening a note 1 ms slower: a reader
# searches and opens all day, and imports now and then. (The import's scratch index file
# has 16 KB pages: see side_index.py.)
PAGE_SIZE = 4 * 1024


def _header_field(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset : offset + 4], "big")


def inspect_file(path: Path) -> bool:
    """True when ``path`` is a new library to create, False when it is an existing notegui
    library; LibraryError when it is anything else. Reads the header only."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    if not path.exists():
        return True
    # By type, before opening it: opening a FIFO waits for a writer, for ever.
    kind = kind_of(path.stat().st_mode)
    if kind:
        raise LibraryError(f"{path} is {kind}, not a library file; it was left untouched")
    try:
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror or error}") from None
    if not header:
        return True
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise LibraryError(f"{path} is not a notegui library (not a SQLite database)")
    if _header_field(header, 68) != schema.APPLICATION_ID:
        raise LibraryError(
            f"{path} is a SQLite database, but not a notegui library; it was left untouched"
        )
    return False


def connect(path: Path) -> SqliteDatabase:
    """Open (or create) the library at ``path``, migrated to the latest schema."""
    path = Path(path)
    is_new = inspect_file(path)
    if is_new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"cannot create {path.parent}: {error.strerror}") from None
    database = SqliteDatabase(None, pragmas=PRAGMAS)
    database.init(str(path), pragmas=PRAGMAS)
    try:
        connection = database.connection()
        found = schema.version(connection)
        if found > schema.LATEST:
            raise LibraryError(
                f"{path} was made by a newer notegui (schema {found}; this version reads "
                f"up to {schema.LATEST}); it was left untouched"
            )
        # Read the schema before anything writes: a damaged file fails here, unchanged.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not is_new and found == 0:
            raise LibraryError(f"{path} is not a notegui library (it has no schema)")
        if is_new:  # (before the first table: the size is fixed from then on)
            connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        schema.migrate(connection)
        connection.execute("PRAGMA journal_mode=wal")
    except LibraryError:
        database.close()
        raise
    except DATABASE_ERRORS as error:
        database.close()
        raise LibraryError(
            f"{path} is damaged or unreadable: {error}; it was left untouched"
        ) from None
    return database
