"""Every write's ``Changes`` goes to every view, with who made it. Each view decides what
it refreshes from what the write touched, and skips the changes it made itself (it shows
them already), as Anki's operations do: no central place knows every view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from notegui.core.domain import Changes


@dataclass(frozen=True)
class ChangeNotice:
    changes: Changes
    # The view or controller whose write it was; None: no view's (an import, another
    # process writing the same library).
    initiator: object | None = None
    # The list of every note after the write, when the writer has it (an import reads it
    # on its thread, so the UI thread need not).
    note_ids: Sequence[int] | None = None


class ChangesHub(QObject):
    """``changed(ChangeNotice)`` after each write that changed something."""

    changed = Signal(object)

    def publish(self, changes: Changes, initiator: object | None = None,
                note_ids: Sequence[int] | None = None) -> None:
        if changes:
            self.changed.emit(ChangeNotice(changes, initiator, note_ids))
