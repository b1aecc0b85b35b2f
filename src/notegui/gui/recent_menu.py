"""File ▸ Open Recent: the libraries opened lately (the settings keep them, newest first),
built afresh each time the menu opens. One that is no longer there is shown disabled and
says so; the open one is checked; Clear forgets them all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QWidget

from notegui.core.settings import Settings
from notegui.gui.i18n import translate
from notegui.gui.plain_text import tip


def _label(number: int, path: Path) -> str:
    """``&1 name — folder``: a digit to choose it with (1-9, then 0), the file's name first
    (what tells libraries apart), its folder after it. ``&`` in a name shown as written."""
    text = f"{path.name} — {path.parent}".replace("&", "&&")
    return f"&{number % 10} {text}" if number <= 10 else text


class RecentMenu(QMenu):
    """The submenu. ``current()`` is the open library's path; ``open_path(path)`` opens
    one (the window's File ▸ Open Library… without the dialog)."""

    def __init__(self, settings: Callable[[], Settings], current: Callable[[], Path],
                 open_path: Callable[[Path], object], clear: Callable[[], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("RecentMenu", "Open &Recent"), parent)
        self.setObjectName("open_recent")
        self.setAccessibleName(translate("RecentMenu", "Open Recent: libraries opened lately"))
        self.setToolTipsVisible(True)
        self._settings = settings
        self._current = current
        self._open_path = open_path
        self._forget_all = clear
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
                action.setText(
                    translate("RecentMenu", "{text} (not found)").format(text=action.text()))
                action.setEnabled(False)
                action.setToolTip(
                    tip(f"{path}\n\n" + translate("RecentMenu", "Not found: moved or deleted?")))
            elif path == current:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
                action.setToolTip(tip(
                    translate("RecentMenu", "{path}\n\nThe library open now").format(path=path)))
            else:
                action.setToolTip(tip(str(path)))
                action.triggered.connect(lambda _checked=False, p=path: self._open_path(p))
        if not paths:
            self.addAction(translate("RecentMenu", "No recent libraries")).setEnabled(False)
        self.addSeparator()
        clear = self.addAction(translate("RecentMenu", "&Clear Recent Libraries"))
        clear.setObjectName("clear_recent")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear)

    def _clear(self) -> None:
        self._forget_all()
        self.rebuild()
