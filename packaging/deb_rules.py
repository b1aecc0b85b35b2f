"""What the files of the .deb must look like, for lintian and for reproducible builds.

- Modes: 0755 for folders and executables, 0644 for the rest, and for shared libraries
  and Python extension modules, which are loaded, never run (lintian:
  shared-library-is-executable).
- No RUNPATH pointing outside the bundle: a Python built with ``-Wl,-rpath,PREFIX/lib``
  (pyenv, a python.org-style build) leaves its prefix in every extension module it built;
  the bundle's own loader finds those libraries anyway. ``$ORIGIN``-relative entries
  (PySide6's, igraph's) stay: they point inside the bundle. patchelf removes the others.
- Byte-reproducible: every file's mtime is ``SOURCE_DATE_EPOCH`` (else the last commit's
  time), compressed files are gzip'd with no name and no time (``gzip -n``), dpkg-deb
  gets ``SOURCE_DATE_EPOCH`` for its ar and tar headers and sorts the members itself,
  and owners are root (``--root-owner-group``).
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from pathlib import Path

_SHARED_OBJECT = re.compile(r"\.so(\.[0-9.]+)?$")


def is_shared_object(path: Path) -> bool:
    """A shared library or extension module, by name (``libQt6Core.so.6``,
    ``_json.cpython-311-x86_64-linux-gnu.so``, ``libgomp-e985bcbb.so.1.0.0``)."""
    return _SHARED_OBJECT.search(path.name) is not None


def normalise_modes(root: Path) -> None:
    """0755 for folders and executables, 0644 for the rest and for shared objects
    (whatever the umask was, and whatever modes the wheels gave their libraries)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or (os.access(path, os.X_OK) and not is_shared_object(path))
        path.chmod(0o755 if executable else 0o644)


def runpath(path: Path, patchelf: str) -> list[str]:
    """The RUNPATH (or RPATH) entries of an ELF file."""
    found = subprocess.run([patchelf, "--print-rpath", str(path)], capture_output=True,
                           text=True, check=True).stdout.strip()
    return [entry for entry in found.split(":") if entry]


def inside_bundle(entry: str) -> bool:
    return entry == "$ORIGIN" or entry.startswith(("$ORIGIN/", "${ORIGIN}"))


def clean_runpaths(files: list[Path], patchelf: str) -> int:
    """Drop the RUNPATH entries that point outside the bundle (see the module's doc);
    the number of files changed."""
    changed = 0
    for path in files:
        entries = runpath(path, patchelf)
        kept = [entry for entry in entries if inside_bundle(entry)]
        if kept == entries:
            continue
        command = ([patchelf, "--set-rpath", ":".join(kept), str(path)] if kept
                   else [patchelf, "--remove-rpath", str(path)])
        subprocess.run(command, check=True)
        changed += 1
    return changed


def gzip_bytes(data: bytes, target: Path) -> None:
    """``gzip -9n``: no file name and no time in the header, so equal input gives equal
    bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                 compresslevel=9, mtime=0) as packed:
        packed.write(data)


def set_mtimes(root: Path, epoch: int) -> None:
    """Every file, folder and symlink under ``root`` (and ``root``) dated ``epoch``."""
    for path in [*root.rglob("*"), root]:
        os.utime(path, (epoch, epoch), follow_symlinks=False)


def source_date_epoch(root: Path, fallback: int) -> int:
    """``SOURCE_DATE_EPOCH`` when set, else the time of the last commit of ``root`` (so two
    builds of one checkout agree), else ``fallback``: never the current time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                            capture_output=True, text=True, check=False)
    found = result.stdout.strip()
    return int(found) if result.returncode == 0 and found.isdigit() else fallback
