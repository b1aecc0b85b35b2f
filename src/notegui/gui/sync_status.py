"""The sync's item in the status bar: when the library last synced, what waits to go each
way and how many conflicts are open ('Synced 5 minutes ago · 2 to send · 1 conflict'),
'Syncing…' while a sync runs, and after a failure its reason. A button: clicking it runs
the sync, or opens its settings while it is not set up (``clicked``, wired by the sync
controller). The words are made by ``status_words``, a function of its inputs, so a test
states them without a clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QToolButton, QWidget

from notegui.core.sync_model import SyncStatus
from notegui.gui.i18n import translate
from notegui.gui.local_time import age, moment, shown
from notegui.gui.plain_text import shortened, tip

MAX_REASON_CHARS = 80  # of a failure's reason in the bar (the tooltip has it whole)


@dataclass(frozen=True)
class Words:
    text: str
    tooltip: str


def status_words(status: SyncStatus | None, now: datetime, syncing: bool = False,
                 failure: str = "", retry: str = "") -> Words:
    """What the item says. ``status`` None: no sync for this library. ``failure``: the
    reason the last sync failed this session (else the status's own last_result);
    ``retry``: when it is tried again, said in the tooltip."""
    if status is None:
        return Words("", "")
    if not status.remote:
        return Words(
            translate("SyncStatus", "Sync: not set up"),
            translate("SyncStatus", "This library is not synced. Click to set up a git remote."))
    parts: list[str] = []
    if syncing:
        parts.append(translate("SyncStatus", "Syncing…"))
    reason = failure or status.last_result
    last_sync = moment(status.last_sync) if status.last_sync else None
    if reason and not syncing:
        parts.append(translate("SyncStatus", "Sync failed: {reason}").format(
            reason=shortened(reason, MAX_REASON_CHARS)))
    elif not syncing:
        parts.append(translate("SyncStatus", "Synced {age}").format(age=age(last_sync, now))
                     if last_sync else translate("SyncStatus", "Not synced yet"))
    ahead, behind, conflicts = status.ahead, status.behind, len(status.conflicts)
    if ahead:
        parts.append(translate("SyncStatus", "%Ln to send", "", ahead))
    if behind:
        parts.append(translate("SyncStatus", "%Ln to receive", "", behind))
    if conflicts:
        parts.append(translate("SyncStatus", "%Ln conflict(s)", "", conflicts))
    lines = [translate("SyncStatus", "Remote: {remote}").format(remote=status.remote)]
    if last_sync is not None:
        lines.append(
            translate("SyncStatus", "Last synced: {last_sync}").format(last_sync=shown(last_sync)))
    if reason and not syncing:
        lines.append(
            translate("SyncStatus", "The last sync failed: {reason}").format(reason=reason))
        lines.append(retry or translate("SyncStatus", "Click to try again."))
    elif syncing:
        lines.append(
            translate("SyncStatus", "A sync is running; reading and editing go on meanwhile."))
    else:
        lines.append(translate("SyncStatus", "Click to sync now."))
    if status.conflicts:
        lines.append(
            translate("SyncStatus", "Note ▸ Conflicts… settles the notes changed on both sides."))
    return Words(" \N{MIDDLE DOT} ".join(parts), "\n".join(lines))


class SyncStatusItem(QToolButton):
    """The status bar's sync item (hidden while the library has no sync)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setObjectName("sync_status")
        self.setAccessibleName(translate("SyncStatus", "Sync status"))
        self.hide()

    def show_words(self, words: Words) -> None:
        self.setText(words.text.replace("&", "&&"))  # (a reason's & is no mnemonic)
        self.setToolTip(tip(words.tooltip))
        self.setAccessibleDescription(words.tooltip)
        self.setVisible(bool(words.text))
