"""What a packaged notegui carries and where the licence texts are: the ``licences``
folder packaging/build.py writes beside the app (/usr/share/doc/notegui/licences in the
.deb, linked from /usr/lib/notegui/licences; Contents/Resources/licences in the macOS
.app), whose ``index.json`` names each component, its version, its licence and the file
with its text. notegui run from its sources carries nothing and has no such folder."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

INDEX = "index.json"


@dataclass(frozen=True)
class BundledComponent:
    name: str
    version: str
    licence: str
    text: Path  # the file with its licence text (and copyright notices)


def licence_folder(executable: Path | None = None) -> Path | None:
    """The folder of the packaged app (``executable``: the frozen app's own), or None when
    notegui is not a package (run from its sources, or pip-installed)."""
    if executable is None:
        if not getattr(sys, "frozen", False):
            return None
        executable = Path(sys.executable)
    here = executable.resolve().parent
    for folder in (here / "licences", here.parent / "Resources" / "licences"):
        if (folder / INDEX).is_file():
            return folder
    return None


def bundled_components(folder: Path) -> list[BundledComponent]:
    """The components the folder's index lists, in its order; none when the index cannot
    be read (logged: the About box then just lists nothing)."""
    try:
        entries = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        return [BundledComponent(str(entry["name"]), str(entry["version"]),
                                 str(entry["licence"]), folder / str(entry["file"]))
                for entry in entries]
    except (OSError, ValueError, TypeError, KeyError) as error:
        log.warning("cannot read the bundled components from %s: %s", folder / INDEX, error)
        return []
