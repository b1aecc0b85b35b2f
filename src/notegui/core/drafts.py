"""Drafts: the unsaved text of a note being edited, kept on disk so that a crash loses
nothing; the next start offers to restore them.

One JSON file a draft, ``<library stem>-<hash of the library's resolved path>-<note id>.json``
in the drafts folder, written atomically: at most one draft a note (id 0: a new note not yet
saved). A draft file that cannot be read is set aside as ``….json.bad`` with a warning in the
log; it never stops the app from starting."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from notegui.core import paths
from notegui.core.clock import utc_now
from notegui.core.errors import ExportError
from notegui.core.files import write_atomically

log = logging.getLogger("notegui")

FORMAT = "notegui-draft"
VERSION = 1
_TEXT_FIELDS = ("title", "description", "summary", "body", "saved_at")


def default_drafts_dir() -> Path:
    return paths.data_dir() / "drafts"


class DraftError(Exception):
    """A draft could not be written; the message names the file and the reason."""


@dataclass(frozen=True)
class Draft:
    note_id: int  # 0: a new note, not saved yet
    title: str
    description: str = ""
    summary: str = ""
    body: str = ""
    saved_at: str = field(default_factory=utc_now)  # ISO 8601, UTC


def library_key(library: Path) -> str:
    """The library's part of a draft file name: readable, and unique to its resolved path."""
    return paths.path_key(library, 12)


class DraftStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_drafts_dir()

    def save(self, library: Path, draft: Draft) -> Path:
        """Write (or overwrite) the draft of ``draft.note_id``; DraftError if it cannot be."""
        if draft.note_id < 0:
            raise ValueError(f"a draft needs a note id of 0 or more, not {draft.note_id}")
        path = self._path(library, draft.note_id)
        record = {"format": FORMAT, "version": VERSION,
                  "library": str(Path(library).expanduser().resolve()), **asdict(draft)}
        try:
            # 0600: a draft holds a note's text, private as the library is
            write_atomically(path, json.dumps(record, ensure_ascii=False, indent=1) + "\n",
                             mode=0o600)
        except ExportError as error:
            raise DraftError(str(error)) from None
        return path

    def load(self, library: Path) -> list[Draft]:
        """The drafts kept for ``library``, newest first. Unreadable ones are set aside."""
        drafts = [draft for path in self._files(library)
                  if (draft := self._read(path, library)) is not None]
        return sorted(drafts, key=lambda draft: draft.saved_at, reverse=True)

    def discard(self, library: Path, note_id: int) -> None:
        """Forget the draft of ``note_id`` (once it is saved, or declined)."""
        self._remove(self._path(library, note_id))

    def _path(self, library: Path, note_id: int) -> Path:
        return self.folder / f"{library_key(library)}-{note_id}.json"

    def _files(self, library: Path) -> list[Path]:
        pattern = re.compile(re.escape(library_key(library)) + r"-\d+\.json")
        try:
            return [path for path in self.folder.iterdir() if pattern.fullmatch(path.name)]
        except OSError:
            return []  # no drafts folder yet: no drafts

    def _read(self, path: Path, library: Path) -> Draft | None:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            draft = _draft_from(record)
        except (OSError, ValueError, TypeError, KeyError) as error:
            self._set_aside(path, error)
            return None
        if record.get("library") != str(Path(library).expanduser().resolve()):
            return None  # another library's (a hash collision): not ours to touch
        return draft

    def _set_aside(self, path: Path, error: Exception) -> None:
        bad = path.with_name(path.name + ".bad")
        log.warning("ignoring the unreadable draft %s (%s); it was renamed %s",
                    path, error, bad.name)
        try:
            path.replace(bad)
        except OSError as rename_error:
            log.warning("cannot rename %s: %s", path, rename_error)

    @staticmethod
    def _remove(path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("cannot remove the draft %s: %s", path, error)


def _draft_from(record: object) -> Draft:
    """The Draft in a parsed draft file; ValueError/TypeError/KeyError when it is not one."""
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise ValueError("not a notegui draft")
    if record.get("version") != VERSION:
        raise ValueError(f"draft version {record.get('version')!r}, expected {VERSION}")
    note_id = record["note_id"]
    if not isinstance(note_id, int) or isinstance(note_id, bool) or note_id < 0:
        raise ValueError(f"bad note id {note_id!r}")
    texts = {name: record[name] for name in _TEXT_FIELDS}
    if not all(isinstance(value, str) for value in texts.values()):
        raise TypeError("a text field is not a string")
    return Draft(note_id=note_id, **texts)
