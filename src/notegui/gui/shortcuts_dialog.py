"""Help ▸ Keyboard Shortcuts: every action of the one action table (actions.py), its keys
as they work now and its menu, generated from the table, never written by hand. Type to
filter (by name, keys, menu or what it does); Down goes to the list; Enter runs nothing
(it is a reference: the list is there to read)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from notegui.gui.actions import ActionSpec
from notegui.gui.i18n import translate
from notegui.gui.plain_text import tip
from notegui.gui.theme import dress


@dataclass(frozen=True)
class ShortcutRow:
    menu: str  # as shown: "File"
    text: str  # "Open Library…"
    keys: str  # "Ctrl+Alt+O, Ctrl+K" ("" when it has none)
    tip: str = ""

    def matches(self, typed: str) -> bool:
        words = typed.casefold().split()
        haystack = f"{self.text} {self.keys} {self.menu} {self.tip}".casefold()
        return all(word in haystack for word in words)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(specs: Iterable[ActionSpec], keys_of: dict[str, list[QKeySequence]],
                  ) -> list[ShortcutRow]:
    """One row an action: ``specs`` are actions.ActionSpec, ``keys_of`` each action's keys
    as its QAction has them (what works, in this platform's words)."""
    return [ShortcutRow(_plain(spec.menu), _plain(spec.text),
                        ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                  for k in keys_of.get(spec.name, [])), spec.tip)
            for spec in specs]


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[ShortcutRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard Shortcuts"))
        self.setAccessibleName(translate("ShortcutsDialog", "Keyboard Shortcuts"))
        self.resize(620, 560)
        self._rows = rows
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(
            translate("ShortcutsDialog", "Type to filter: an action, a key, a menu…"))
        self.field.setAccessibleName(translate("ShortcutsDialog", "Keyboard Shortcuts: filter"))
        self.field.setClearButtonEnabled(True)
        self.table = QTreeWidget(self)
        self.table.setAccessibleName(
            translate("ShortcutsDialog", "Keyboard Shortcuts: every action and its keys"))
        self.table.setHeaderLabels([translate("ShortcutsDialog", "Action"),
                                    translate("ShortcutsDialog", "Keys"),
                                    translate("ShortcutsDialog", "Menu")])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.count = QLabel(self)
        self.count.setAccessibleName(
            translate("ShortcutsDialog", "Keyboard Shortcuts: actions shown"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._refill)
        self.field.installEventFilter(self)
        self._refill("")
        for column in range(2):
            self.table.resizeColumnToContents(column)
        dress(self)

    def _refill(self, typed: str) -> None:
        self.table.clear()
        shown = [row for row in self._rows if row.matches(typed)]
        for row in shown:
            item = QTreeWidgetItem([row.text, row.keys or "—", row.menu])
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole,
                         row.keys or translate("ShortcutsDialog", "no shortcut"))
            if row.tip:
                item.setToolTip(0, tip(row.tip))
            self.table.addTopLevelItem(item)
        matching, total = len(shown), len(self._rows)
        self.count.setText(translate("ShortcutsDialog", "%n of {total} actions", "", matching)
                           .format(total=total) if typed.strip()
                           else translate("ShortcutsDialog", "%n action(s)", "", matching))
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def shown(self) -> list[tuple[str, str, str]]:
        """Each row as shown: (action, keys, menu)."""
        shown = []
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item is not None:
                shown.append((item.text(0), item.text(1), item.text(2)))
        return shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            return True  # (not the dialog's default button: typing Enter keeps it open)
        return super().eventFilter(watched, event)
