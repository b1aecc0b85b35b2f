"""Writing exports so that a failed or killed write never leaves a half-written file or folder
behind.

A folder (the markdown export, later a vault) is written whole into a sibling staging folder
and swapped in with one rename, so a ``kill -9`` at any moment leaves it as it was or
complete. What the user keeps in it (other notes, ``.obsidian/``, attachments) is carried
over as hard links, never copied or lost; the files notegui wrote are listed in a manifest
inside it, so that the next export knows which files are its own (and drops those of notes
that are gone) and can tell a staging folder a killed export left from the folder it
displaced."""

from __future__ import annotations

import ctypes
import dataclasses
import errno
import hashlib
import json
import os
import secrets
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from notegui.core.errors import ExportError

MANIFEST = ".notegui-export.json"
_STAGING = ".{}.notegui-export"  # beside the folder: the new tree, then the displaced one
_DISPLACED = ".{}.notegui-old"  # the old tree while two renames swap (no one-step swap)
# Why a swap in one step cannot be had here: another file system, a mount point, no hard
# links. The export is then written file by file (each file atomically).
_CANNOT_SWAP = {errno.EXDEV, errno.EBUSY, errno.EPERM, errno.EACCES, errno.EROFS,
                errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS}


def write_atomically(path: Path, text: str | bytes, mode: int = 0o666) -> None:
    """Write to a temporary file beside ``path`` (``.NAME.`` and 8 random characters: 10
    bytes more than the name), then rename over it: a failed write leaves any existing file
    as it was. The file gets ``mode`` less the umask: an export's files are as any file the
    user makes (tempfile.mkstemp would make them 0600); drafts ask for 0600. ExportError
    names the file and the reason. Bytes are written as they are (an image)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
            try:
                handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
                break
            except FileExistsError:
                continue
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None


@dataclass(frozen=True)
class FolderWritten:
    """What :func:`write_folder` did."""

    written: int  # files new or changed
    kept: int  # files unchanged (linked from the old folder, not rewritten)
    removed: int  # files an earlier export wrote for notes that are gone
    atomic: bool  # swapped in one step; else written file by file, for ``why``
    why: str = ""
    edited_kept: tuple[str, ...] = ()  # files of notes gone, edited since: left in place
    replaced: tuple[str, ...] = ()  # files not as notegui left them, replaced (``force``)


# Files a system puts in any folder it shows: they do not make a folder "not empty".
_SYSTEM_FILES = {".DS_Store", "Thumbs.db", "desktop.ini", ".directory"}


@dataclass(frozen=True)
class FolderPlan:
    """What an export would do to a folder, found before anything is written."""

    folder: Path
    earlier_export: bool  # it holds a notegui export's manifest
    others: tuple[str, ...]  # not an earlier export and not empty: some of what it holds
    replaced: tuple[str, ...]  # files the export would write over that are not notegui's
    # as it left them (the user's own, or edited since the last export)
    edited_kept: tuple[str, ...]  # files of notes gone, edited since: will be left alone

    @property
    def needs_force(self) -> bool:
        return bool(self.others or self.replaced)

    def refusal(self) -> str:
        """Why the export is refused without ``force`` (for the user; the caller says how
        to force it)."""
        if self.others:
            listed = ", ".join(self.others[:3]) + (", ..." if len(self.others) > 3 else "")
            also = (f"; {len(self.replaced)} of its files have a note's file name and would "
                    "be replaced" if self.replaced else "")
            return (f"{self.folder} is not empty and is not an earlier notegui export (it "
                    f"holds {listed}{also}); nothing was written")
        listed = ", ".join(self.replaced[:3]) + (", ..." if len(self.replaced) > 3 else "")
        return (f"{len(self.replaced)} file(s) in {self.folder} were edited since the last "
                f"export or not written by notegui, and would be replaced: {listed}; nothing "
                "was written")


class NeedsForce(ExportError):
    """The export would write into a folder that is not empty and not an earlier export, or
    replace files that are not notegui's as it left them; ``plan`` says what."""

    def __init__(self, plan: FolderPlan) -> None:
        super().__init__(plan.refusal())
        self.plan = plan


def plan_folder(folder: Path, files: Mapping[str, str | bytes] | set[str]) -> FolderPlan:
    """What exporting ``files`` (relative names, with the text to write when known) into
    ``folder`` would do to what is there. Reads, never writes. ExportError when the folder
    cannot be read or a file's name is taken by a folder."""
    try:
        if not folder.is_dir():
            return FolderPlan(folder, False, (), (), ())
        entries = sorted(e for e in os.listdir(folder) if e not in _SYSTEM_FILES)
        marked = (folder / MANIFEST).is_file()
        ours = _manifest(folder).files
        others = () if marked or not entries else tuple(entries)
        replaced = []
        for name in files:
            path = folder / name
            if path.is_dir() and not path.is_symlink():
                raise ExportError(f"{path} is a folder, and the export writes a file there; "
                                  "nothing was written")
            if not os.path.lexists(path):
                continue
            new = _encoded(files[name]) if isinstance(files, Mapping) else None
            if new is not None and _same_bytes(path, new):
                continue
            if not (name in ours and _digest_of_path(path) == ours[name]):
                replaced.append(name)
        edited_kept = tuple(
            name for name, digest in sorted(ours.items())
            if name not in files and (folder / name).is_file()
            and _digest_of_path(folder / name) != digest
        )
    except OSError as error:
        raise ExportError(f"cannot read {error.filename or folder}: "
                          f"{error.strerror or error}") from None
    return FolderPlan(folder, marked, others, tuple(replaced), edited_kept)


@dataclass(frozen=True)
class _Manifest:
    serial: int  # one more at each export: tells a staging folder from a displaced one
    files: dict[str, str]  # relative path -> digest of what notegui wrote there


def write_folder(folder: Path, files: Mapping[str, str | bytes],
                 force: bool = False) -> FolderWritten:
    """Make ``folder`` hold ``files`` (relative POSIX path -> text, written as UTF-8, or
    bytes) in one step: a
    kill at any moment leaves it as it was or complete. Entries that notegui did not write
    stay; files an earlier export wrote and this one does not are removed (unless edited
    since: those stay, and are named in the result). A folder that is neither empty nor an
    earlier export, or files not as notegui left them at the names it writes, raise
    NeedsForce (nothing written) unless ``force``. Leftovers of a killed export are settled
    first. ExportError says what failed."""
    for name in files:
        _check_name(name)
    try:
        if folder.exists() and not folder.is_dir():
            raise ExportError(f"{folder} exists and is not a folder")
        folder = folder.resolve()  # a link to a folder: the folder it points to is swapped
        folder.parent.mkdir(parents=True, exist_ok=True)
        settle_leftovers(folder)
        plan = plan_folder(folder, files)
        if plan.needs_force and not force:
            raise NeedsForce(plan)
        contents = {name: _encoded(text) for name, text in files.items()}
        try:
            written = _swap_in(folder, contents)
        except _CannotSwap as why:
            written = _write_in_place(folder, contents, why=str(why))
        return dataclasses.replace(written, edited_kept=plan.edited_kept,
                                   replaced=plan.replaced)
    except OSError as error:
        where = error.filename or folder
        raise ExportError(f"cannot write {where}: {error.strerror or error}") from None


def settle_leftovers(folder: Path) -> None:
    """Finish or undo what a killed export of ``folder`` left beside it: a staging folder
    never swapped in is removed; a displaced old folder gives back what is not notegui's."""
    staging, displaced = _staging(folder), _displaced(folder)
    if displaced.exists():  # killed while swapping with two renames
        if not folder.exists():
            new_complete = (staging.exists()
                            and _manifest(staging).serial == _manifest(displaced).serial + 1)
            os.rename(staging if new_complete else displaced, folder)
        if displaced.exists():
            _settle(displaced, folder, _manifest(displaced).files, set(_manifest(folder).files))
    if staging.exists():
        if not folder.exists() or _manifest(staging).serial == _manifest(folder).serial + 1:
            _remove_tree(staging)  # never swapped in: new files and links to the folder's
        else:  # swapped in: this is the old folder
            _settle(staging, folder, _manifest(staging).files, set(_manifest(folder).files))


# -- the swap ----------------------------------------------------------------------------------


class _CannotSwap(Exception):
    """The folder cannot be swapped in one step here; nothing was changed."""


def _swap_in(folder: Path, contents: dict[str, bytes]) -> FolderWritten:
    staging = _staging(folder)
    old = _manifest(folder) if folder.exists() else _Manifest(0, {})
    try:
        kept, removed = _stage(folder, staging, contents, old)
        swapped = _exchange(staging, folder) if folder.exists() else False
    except OSError as error:
        _remove_tree(staging)  # not swapped in: new files, and links to the folder's entries
        if error.errno in _CANNOT_SWAP:
            raise _CannotSwap(error.strerror or str(error)) from error
        raise
    if not folder.exists():
        os.rename(staging, folder)
    elif not swapped:  # two renames: a kill between them is settled at the next export
        displaced = _displaced(folder)
        try:
            os.rename(folder, displaced)
        except OSError as error:
            _remove_tree(staging)
            raise _CannotSwap(error.strerror or str(error)) from error
        try:
            os.rename(staging, folder)
        except OSError:
            os.rename(displaced, folder)
            _remove_tree(staging)
            raise
        _settle(displaced, folder, old.files, set(contents))
    else:
        _settle(staging, folder, old.files, set(contents))  # staging now holds the old tree
    return FolderWritten(len(contents) - kept, kept, removed, atomic=True)


def _stage(folder: Path, staging: Path, contents: dict[str, bytes],
           old: _Manifest) -> tuple[int, int]:
    """The new tree in ``staging``: the files (unchanged ones linked from the folder), the
    manifest, and links to what else the folder holds. Returns (kept, removed)."""
    staging.mkdir()
    # The manifest first: a staging folder a kill leaves is known by its serial.
    digests = {name: _digest(data) for name, data in contents.items()}
    _write_new(staging / MANIFEST, _manifest_bytes(_Manifest(old.serial + 1, digests)))
    kept = 0
    for name, data in contents.items():
        target, present = staging / name, folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if _same_bytes(present, data):
            os.link(present, target)  # unchanged: not rewritten (its time stays too)
            kept += 1
        else:
            _write_new(target, data)
    if not folder.exists():
        return kept, 0
    shutil.copymode(folder, staging)
    return kept, _mirror(folder, staging, "", old.files, set(contents))


def _mirror(source: Path, into: Path, prefix: str, ours: dict[str, str],
            new: set[str]) -> int:
    """Hard-link into ``into`` every entry of ``source`` that stays: everything but the
    manifest, the files being written anew and the unedited files of an earlier export.
    Returns how many of those last were left out."""
    dropped, device = 0, os.stat(source).st_dev
    with os.scandir(source) as entries:
        for entry in entries:
            name = prefix + entry.name
            if name == MANIFEST or name in new:
                continue
            target = into / entry.name
            if entry.is_dir(follow_symlinks=False):
                if entry.stat(follow_symlinks=False).st_dev != device:
                    raise OSError(errno.EXDEV, "a file system is mounted inside", entry.path)
                target.mkdir(exist_ok=True)
                shutil.copymode(entry.path, target)
                dropped += _mirror(Path(entry.path), target, name + "/", ours, new)
            elif name in ours and _digest_of(entry) == ours[name]:
                dropped += 1  # notegui's, of a note that is gone
            elif not os.path.lexists(target):
                os.link(entry.path, target, follow_symlinks=False)
    return dropped


def _settle(old: Path, folder: Path, ours_old: dict[str, str], ours_new: set[str],
            prefix: str = "") -> None:
    """Empty the displaced tree ``old`` into ``folder`` and remove it: entries linked into
    the folder, and notegui's own files, go; anything else (made or replaced while the
    export ran, or edited since notegui wrote it) is moved into the folder."""
    with os.scandir(old) as entries:
        for entry in entries:
            name = prefix + entry.name
            target = folder / entry.name
            if name == MANIFEST:
                continue  # last: a kill before then must still know notegui's files
            if entry.is_dir(follow_symlinks=False):
                if target.is_dir() and not target.is_symlink():
                    _settle(Path(entry.path), target, ours_old, ours_new, name + "/")
                else:
                    os.rename(entry.path, _free_name(target))
            elif (name in ours_new or _same_entry(entry, target)
                  or (name in ours_old and _digest_of(entry) == ours_old[name])):
                os.unlink(entry.path)
            elif target.is_dir() and not target.is_symlink():
                os.rename(entry.path, _free_name(target))
            else:
                os.replace(entry.path, target)  # the user's, newer than its link
    if not prefix:
        (old / MANIFEST).unlink(missing_ok=True)
    os.rmdir(old)


def _write_in_place(folder: Path, contents: dict[str, bytes], why: str) -> FolderWritten:
    """The export written file by file (each atomically), when it cannot be swapped in."""
    old = _manifest(folder) if folder.exists() else _Manifest(0, {})
    kept = removed = 0
    for name, data in contents.items():
        if _same_bytes(folder / name, data):
            kept += 1
        else:
            write_atomically(folder / name, data)
    for name, digest in old.files.items():
        path = folder / name
        if name not in contents and path.is_file() and _digest(path.read_bytes()) == digest:
            path.unlink()
            removed += 1
    digests = {name: _digest(data) for name, data in contents.items()}
    write_atomically(folder / MANIFEST, _manifest_bytes(_Manifest(old.serial + 1, digests)))
    return FolderWritten(len(contents) - kept, kept, removed, atomic=False, why=why)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2, macOS renamex_np); False where the
    system or the file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if sys.platform.startswith("linux"):
            call = libc.renameat2
            call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                             ctypes.c_uint]
            result = call(-100, os.fsencode(first), -100, os.fsencode(second), 2)  # EXCHANGE
        elif sys.platform == "darwin":
            call = libc.renamex_np
            call.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
            result = call(os.fsencode(first), os.fsencode(second), 2)  # RENAME_SWAP
        else:
            return False
    except (AttributeError, OSError):  # an older C library
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


# -- small helpers -----------------------------------------------------------------------------


def _staging(folder: Path) -> Path:
    return folder.with_name(_STAGING.format(folder.name))


def _displaced(folder: Path) -> Path:
    return folder.with_name(_DISPLACED.format(folder.name))


def _check_name(name: str) -> None:
    path = PurePosixPath(name)
    if (not name or path.is_absolute() or ".." in path.parts or "\\" in name
            or str(path) != name or name == MANIFEST):
        raise ValueError(f"not a relative file name for an export: {name!r}")


def _encoded(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _digest_of(entry: os.DirEntry[str]) -> str | None:
    if not entry.is_file(follow_symlinks=False):
        return None
    with open(entry.path, "rb") as stream:
        return _digest(stream.read())


def _digest_of_path(path: Path) -> str | None:
    if not path.is_file() or path.is_symlink():
        return None
    return _digest(path.read_bytes())


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _same_entry(entry: os.DirEntry[str], other: Path) -> bool:
    try:
        mine, theirs = entry.stat(follow_symlinks=False), os.lstat(other)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino)


def _free_name(target: Path) -> Path:
    """``target``, or beside it a name not taken (a folder of the user's whose name a file
    of the export now has)."""
    candidate, counter = target, 1
    while os.path.lexists(candidate):
        candidate = target.with_name(f"{target.name} (kept {counter})")
        counter += 1
    return candidate


def _write_new(path: Path, data: bytes) -> None:
    with open(path, "xb") as stream:
        stream.write(data)


def _manifest(folder: Path) -> _Manifest:
    """The manifest in ``folder``; an empty one when it has none or it cannot be read."""
    try:
        raw = json.loads((folder / MANIFEST).read_bytes())
        serial, files = raw["serial"], raw["files"]
        if (isinstance(serial, int) and isinstance(files, dict)
                and all(isinstance(v, str) for v in files.values())):
            return _Manifest(serial, files)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return _Manifest(0, {})


def _manifest_bytes(manifest: _Manifest) -> bytes:
    return (json.dumps({"written by": "notegui", "serial": manifest.serial,
                        "files": manifest.files}, ensure_ascii=False, indent=0)
            + "\n").encode("utf-8")


def _remove_tree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
