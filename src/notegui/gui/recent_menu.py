"""File ▸ Open Recent: the libraries opened lately (the settings keep them, newest first),
built afresh each time the menu opens. One that is no longer there is shown disabled and
says so; the open one is checked; Clear forgets them all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from notegui.core.settings import Settings
from notegui.gui.plain_text import tip

MISSING = "not found: moved or deleted?"


def _label(number: int, path: Path) -> str:
    """``&1 name — folder``: a digit to choose it with (1-9, then 0), the file's name first
    (what tells libraries apart), its folder after it. ``&`` in a name shown as written."""
    text = f"{path.name} — {path.parent}".replace("&", "&&")
    return f"&{number % 10} {text}" if number <= 10 else text


class RecentMenu(QMenu):
    """The submenu. ``current()`` is the open library's path; ``open_path(path)`` opens
    one (the window's File ▸ Open Library… without the dialog)."""

    def __init__(self, settings: Callable[[], Settings], current: Callable[[], Path],
                 open_path: Callable[[Path], object], parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("open_recent")
        self.setAccessibleName("Open Recent: libraries opened lately")
        self.setToolTipsVisible(True)
        self._settings = settings
        self._current = current
        self._open_path = open_path
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()  # (so the menu is never empty, even before it is first shown)

    def paths(self) -> list[Path]:
        return [Path(p) for p in self._settings().recent_libraries if isinstance(p, str) and p]

    def rebuild(self) -> None:
        self.clear()
        paths = self.paths()
        current = self._current()
        for number, path in enumerate(paths, start=1):
            action = self.addAction(_label(number, path))
            action.setData(str(path))
            if not path.exists():
                action.setText(f"{action.text()} (not found)")
                action.setEnabled(False)
                action.setToolTip(tip(f"{path}\n\n{MISSING.capitalize()}"))
            elif path == current:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
                action.setToolTip(tip(f"{path}\n\nThe library open now"))
            else:
                action.setToolTip(tip(str(path)))
                action.triggered.connect(lambda _checked=False, p=path: self._open_path(p))
        if not paths:
            self.addAction("No recent libraries").setEnabled(False)
        self.addSeparator()
        clear = self.addAction("&Clear Recent Libraries")
        clear.setObjectName("clear_recent")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear)

    def _clear(self) -> None:
        self._settings().recent_libraries = []
        self.rebuild()
