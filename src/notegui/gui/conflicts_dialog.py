"""Note ▸ Conflicts…: the notes a sync found changed in the same lines on both sides. One
chosen shows both versions side by side, read-only (mine: what this library kept; theirs:
the other side's), and is settled by Keep Mine, Keep Theirs or Edit a Merge (an editor
prefilled with mine, where the user writes the merge). Settling is the caller's
(``settle``: the Sync's, which raises SyncError or LibraryError to refuse); the list is
read again after each."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from notegui.core.errors import LibraryError
from notegui.core.sync_model import Conflict, SyncError
from notegui.gui.i18n import translate
from notegui.gui.local_time import shown
from notegui.gui.plain_text import MAX_ROW_CHARS, label, shortened, tip, warn
from notegui.gui.theme import dress
from notegui.gui.window_title import at_word

UID_ROLE = Qt.ItemDataRole.UserRole + 40
Settle = Callable[[Conflict, str, str], None]  # (conflict, 'mine'|'theirs'|'merged', text)


def found_text(found: str) -> str:
    """A conflict's UTC ISO time as local time, or as written when it cannot be read."""
    return shown(found)


def row_text(conflict: Conflict) -> str:
    fields = (", ".join(field_name(field) for field in conflict.fields)
              or translate("ConflictsDialog", "the note"))
    return shortened(translate("ConflictsDialog", "{title}  —  {fields}  —  found {found}").format(
        title=conflict.title, fields=fields, found=found_text(conflict.found)), MAX_ROW_CHARS)


def field_name(field: str) -> str:
    """A note's field as the sync names it ("title", "body"), in the window's language."""
    names = {"title": translate("ConflictsDialog", "title"),
             "description": translate("ConflictsDialog", "description"),
             "summary": translate("ConflictsDialog", "summary"),
             "tags": translate("ConflictsDialog", "tags"),
             "body": translate("ConflictsDialog", "body")}
    return names.get(field, field)


def _read_only(name: str) -> QPlainTextEdit:
    text = QPlainTextEdit()
    text.setReadOnly(True)
    text.setAccessibleName(name)
    text.setTabChangesFocus(True)
    text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    # (read-only, yet the keyboard moves and selects in it, to copy a paragraph)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                 | Qt.TextInteractionFlag.TextSelectableByMouse)
    return text


class MergeDialog(QDialog):
    """An editor prefilled with ``mine`` in which the user writes the merge; ``text()``
    once accepted. An empty merge is refused (it would be no note)."""

    def __init__(self, title: str, mine: str, theirs: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("ConflictsDialog", "Merge “{title}”").format(title=at_word(title, 80)))
        self.setAccessibleName(translate("ConflictsDialog", "Edit a merge of both versions"))
        self.resize(900, 600)
        intro = label(translate("ConflictsDialog",
                                "Write the note as it should be, from both versions: yours is in "
                                "the editor, theirs beside it to copy from. Ctrl+Enter saves the "
                                "merge."))
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(translate("ConflictsDialog", "The merged note"))
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText(mine)
        self.theirs = _read_only(translate("ConflictsDialog", "Their version, to copy from"))
        self.theirs.setPlainText(theirs)
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.addWidget(self.editor)
        beside.addWidget(self.theirs)
        self.message = label()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setAccessibleName(translate("ConflictsDialog", "Why the merge was not saved"))
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(translate("ConflictsDialog", "&Save Merge"))
        self.save_button.setAccessibleName(
            translate("ConflictsDialog", "Save the merge as the note"))
        self.save_button.setDefault(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            translate("ConflictsDialog", "Cancel: the conflict stays open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(beside, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.editor.setFocus()
        dress(self)

    def text(self) -> str:
        return self.editor.toPlainText()

    def accept(self) -> None:
        if not self.text().strip():
            self.message.setText(
                translate("ConflictsDialog", "The merged note: empty. Write the note, or Cancel."))
            self.message.show()
            return
        super().accept()


class ConflictsDialog(QDialog):
    """The open conflicts (``conflicts`` reads them afresh) and the three ways to settle
    one (``settle``)."""

    def __init__(self, conflicts: Callable[[], Sequence[Conflict]], settle: Settle,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conflicts = conflicts
        self._settle = settle
        self._shown: dict[str, Conflict] = {}
        self.merge_dialog: MergeDialog | None = None  # (while open: tests reach it)
        self.setWindowTitle(translate("ConflictsDialog", "Conflicts"))
        self.setAccessibleName(translate("ConflictsDialog", "Notes in conflict"))
        self.resize(1000, 640)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ConflictsDialog", "Notes changed on both sides"))
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.none_label = QLabel(
            translate("ConflictsDialog", "No conflicts: every note is settled."))
        self.mine = _read_only(translate("ConflictsDialog", "My version (kept in this library)"))
        self.theirs = _read_only(translate("ConflictsDialog", "Their version (from the remote)"))
        mine_label = QLabel(translate("ConflictsDialog", "&Mine (kept here)"))
        theirs_label = QLabel(translate("ConflictsDialog", "&Theirs (the remote's)"))
        mine_label.setBuddy(self.mine)
        theirs_label.setBuddy(self.theirs)
        beside = QWidget()
        grid = QGridLayout(beside)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(mine_label, 0, 0)
        grid.addWidget(theirs_label, 0, 1)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(beside)
        split.setSizes([160, 480])
        self.keep_mine_button = QPushButton(translate("ConflictsDialog", "Keep M&ine"))
        self.keep_mine_button.setAccessibleName(translate("ConflictsDialog", "Keep my version"))
        self.keep_theirs_button = QPushButton(translate("ConflictsDialog", "Keep T&heirs"))
        self.keep_theirs_button.setAccessibleName(
            translate("ConflictsDialog", "Keep their version"))
        self.merge_button = QPushButton(translate("ConflictsDialog", "Edit a Mer&ge…"))
        self.merge_button.setAccessibleName(
            translate("ConflictsDialog", "Edit a merge of both versions"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            translate("ConflictsDialog", "Close the conflicts"))
        for button in (self.keep_mine_button, self.keep_theirs_button, self.merge_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.keep_mine_button.clicked.connect(lambda: self._keep("mine"))
        self.keep_theirs_button.clicked.connect(lambda: self._keep("theirs"))
        self.merge_button.clicked.connect(self._merge)
        layout = QVBoxLayout(self)
        layout.addWidget(label(
            translate("ConflictsDialog", "Notes changed in the same lines here and on the "
                      "remote. Both versions are kept until you choose.")))
        layout.addWidget(self.none_label)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.refresh()
        self.list.setFocus()
        dress(self)

    def refresh(self, keep_uid: str = "") -> None:
        """Read the conflicts again; the one ``keep_uid`` (else the first) chosen."""
        conflicts = list(self._conflicts())
        self._shown = {c.uid: c for c in conflicts}
        self.list.clear()
        for conflict in conflicts:
            item = QListWidgetItem(row_text(conflict))
            item.setData(UID_ROLE, conflict.uid)
            item.setToolTip(tip(conflict.title))
            self.list.addItem(item)
        self.none_label.setVisible(not conflicts)
        if conflicts:
            rows = [c.uid for c in conflicts]
            self.list.setCurrentRow(rows.index(keep_uid) if keep_uid in rows else 0)
        self._show_current()

    def current(self) -> Conflict | None:
        item = self.list.currentItem()
        return None if item is None else self._shown.get(item.data(UID_ROLE))

    def rows(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _show_current(self) -> None:
        conflict = self.current()
        self.mine.setPlainText(conflict.mine if conflict else "")
        self.theirs.setPlainText(conflict.theirs if conflict else "")
        for button in (self.keep_mine_button, self.keep_theirs_button, self.merge_button):
            button.setEnabled(conflict is not None)

    def _keep(self, side: str) -> None:
        conflict = self.current()
        if conflict is not None:
            self._settled(conflict, side, "")

    def _merge(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        self.merge_dialog = MergeDialog(conflict.title, conflict.mine, conflict.theirs, self)
        try:
            if self.merge_dialog.exec() == QDialog.DialogCode.Accepted:
                self._settled(conflict, "merged", self.merge_dialog.text())
        finally:
            self.merge_dialog.deleteLater()
            self.merge_dialog = None

    def _settled(self, conflict: Conflict, keep: str, text: str) -> None:
        try:
            self._settle(conflict, keep, text)
        except (SyncError, LibraryError) as error:
            warn(self, translate("ConflictsDialog", "Not settled"),
                 translate("ConflictsDialog", "“{title}” is still in conflict: {error}").format(
                     title=conflict.title, error=error))
            self.refresh(conflict.uid)
            return
        self.refresh()
        self.list.setFocus()
