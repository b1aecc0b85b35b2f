"""Note ▸ Link Health…: the library's stubs, orphans, near-duplicate titles and unlinked
mentions (core/link_report.py), grouped by kind, each with its fix: Open a note, Link It
(the mention becomes a citation), Merge Into This (a near-duplicate). The dialog only
shows and asks; ``LinkHealthControl`` (link_health_control.py) reads and writes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from notegui.core.domain import NoteRef
from notegui.core.link_report import (
    DuplicateFinding,
    LinkReport,
    MentionFinding,
    OrphanFinding,
    StubFinding,
    findings,
    shown,
)
from notegui.gui.i18n import number, translate
from notegui.gui.plain_text import MAX_ROW_CHARS, label, shortened, tip
from notegui.gui.qt_typing import INT64
from notegui.gui.theme import dress

FINDING_ROLE = Qt.ItemDataRole.UserRole + 40  # the finding an item shows
NOTE_ROLE = Qt.ItemDataRole.UserRole + 41  # the note an item opens (a NoteRef)

def _groups() -> tuple[tuple[type, str], ...]:
    """Each kind of finding and its heading, in the window's language."""
    return (
        (StubFinding, translate("LinkHealthDialog", "Stubs: cited but never written")),
        (OrphanFinding, translate("LinkHealthDialog", "Orphans: no citations either way")),
        (DuplicateFinding, translate("LinkHealthDialog",
                                     "Titles that differ only in case, spacing or punctuation")),
        (MentionFinding, translate("LinkHealthDialog", "Unlinked mentions")),
    )


def described(finding: object) -> str:
    """One finding in one line, in the window's language (core's ``finding_line`` is the
    CLI's)."""
    if isinstance(finding, StubFinding):
        cited = (", ".join(shown(ref) for ref in finding.cited_by)
                 or translate("LinkHealthDialog", "no note"))
        return translate("LinkHealthDialog", "stub: {stub} is cited but never written; cited "
                         "by {cited}").format(stub=shown(finding.stub), cited=cited)
    if isinstance(finding, OrphanFinding):
        return translate("LinkHealthDialog", "orphan: {note} cites nothing and nothing cites "
                         "it").format(note=shown(finding.note))
    if isinstance(finding, DuplicateFinding):
        return translate("LinkHealthDialog", "near-duplicate: {notes} differ only in case, "
                         "spacing or punctuation").format(
            notes=", ".join(shown(ref) for ref in finding.notes))
    assert isinstance(finding, MentionFinding)
    return translate("LinkHealthDialog", "unlinked mention: {source} line {line} mentions "
                     "{target} (“{written}”) without citing it").format(
        source=shown(finding.source), line=finding.line, target=shown(finding.target),
        written=finding.written)


def summary(report: LinkReport) -> str:
    """The report's counts in one line (core's ``LinkReport.summary`` is the CLI's)."""
    notes = number(report.notes)
    if not report.total:
        return translate("LinkHealthDialog", "No findings in {notes} notes").format(notes=notes)
    total, stubs, orphans = report.total, len(report.stubs), len(report.orphans)
    duplicates, mentions = len(report.duplicates), len(report.mentions)
    return translate("LinkHealthDialog", "%Ln finding(s) in {notes} notes", "", total).format(
        notes=notes) + ": " + ", ".join((
            translate("LinkHealthDialog", "%Ln stub(s)", "", stubs),
            translate("LinkHealthDialog", "%Ln orphan(s)", "", orphans),
            translate("LinkHealthDialog", "%Ln near-duplicate title group(s)", "", duplicates),
            translate("LinkHealthDialog", "%Ln unlinked mention(s)", "", mentions)))


def _row(finding: object) -> tuple[str, NoteRef | None]:
    """What a finding's row says, and the note Open opens."""
    if isinstance(finding, StubFinding):
        cited = ", ".join(
            shown(ref) for ref in finding.cited_by) or translate("LinkHealthDialog", "no note")
        return translate("LinkHealthDialog", "{stub}, cited by {cited}").format(
            stub=shown(finding.stub), cited=cited), finding.stub
    if isinstance(finding, OrphanFinding):
        return shown(finding.note), finding.note
    if isinstance(finding, DuplicateFinding):
        return ", ".join(shown(ref) for ref in finding.notes), None
    assert isinstance(finding, MentionFinding)
    return (translate("LinkHealthDialog",
                      "{source} mentions {target}: “{written}” (line {line})").format(
        source=shown(finding.source), target=shown(finding.target), written=finding.written,
        line=finding.line), finding.source)


class LinkHealthDialog(QDialog):
    openRequested = Signal(INT64)  # a note to open (ids are 64-bit)
    linkRequested = Signal(object)  # a MentionFinding to make a citation of
    mergeRequested = Signal(object, object)  # the note to keep, the notes merged into it
    refreshRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LinkHealthDialog", "Link Health"))
        self.setObjectName("link_health_dialog")
        self.resize(860, 520)
        self.status = label(translate("LinkHealthDialog", "Reading the library…"))
        self.status.setAccessibleName(translate("LinkHealthDialog", "Link health summary"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(translate("LinkHealthDialog", "Link health findings"))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        # The selected finding in full (a row shows what fits on one line).
        self.detail = label()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(translate("LinkHealthDialog", "The selected finding"))
        self.tree.itemActivated.connect(lambda *_: self._open())
        self.open_button = QPushButton(translate("LinkHealthDialog", "&Open"))
        self.open_button.setAccessibleName(translate("LinkHealthDialog", "Open the selected note"))
        self.link_button = QPushButton(translate("LinkHealthDialog", "&Link It"))
        self.link_button.setAccessibleName(
            translate("LinkHealthDialog", "Make the selected mention a citation"))
        self.merge_button = QPushButton(translate("LinkHealthDialog", "&Merge Into This…"))
        self.merge_button.setAccessibleName(
            translate("LinkHealthDialog",
                      "Merge the other notes of the selected title into the selected note"))
        self.refresh_button = QPushButton(translate("LinkHealthDialog", "&Refresh"))
        self.refresh_button.setAccessibleName(
            translate("LinkHealthDialog", "Read the library's link health again"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.open_button, self.link_button, self.merge_button,
                       self.refresh_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open)
        self.link_button.clicked.connect(self._link)
        self.merge_button.clicked.connect(self._merge)
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.report: LinkReport | None = None
        self._update_buttons()
        dress(self)

    # -- what it shows -------------------------------------------------------------------

    def show_reading(self) -> None:
        self.status.setText(translate("LinkHealthDialog", "Reading the library…"))
        self.refresh_button.setEnabled(False)

    def show_failure(self, why: str) -> None:
        self.status.setText(
            translate("LinkHealthDialog", "The library could not be read: {why}").format(why=why))
        self.refresh_button.setEnabled(True)

    def show_report(self, report: LinkReport) -> None:
        """The findings, grouped by kind; the selection kept on the same finding (or the
        next one of its kind) when it is still there."""
        was = self._current_finding()
        self.report = report
        self.status.setText(summary(report))
        self.refresh_button.setEnabled(True)
        self.tree.clear()
        ordered = findings(report)
        select: QTreeWidgetItem | None = None
        for kind, heading in _groups():
            of_kind = [f for f in ordered if isinstance(f, kind)]
            if not of_kind:
                continue
            group = QTreeWidgetItem(self.tree, [f"{heading} ({len(of_kind)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for finding in of_kind:
                item = self._add(group, finding)
                if finding == was:
                    select = item
            group.setExpanded(True)
        first = select or self._first_finding()
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def _add(self, group: QTreeWidgetItem, finding: object) -> QTreeWidgetItem:
        text, note = _row(finding)
        item = QTreeWidgetItem(group, [shortened(text, MAX_ROW_CHARS)])
        item.setToolTip(0, tip(text))
        item.setData(0, FINDING_ROLE, finding)
        item.setData(0, NOTE_ROLE, note)
        if isinstance(finding, DuplicateFinding):  # (one row each: the one to keep)
            for ref in finding.notes:
                child = QTreeWidgetItem(item, [shortened(shown(ref), MAX_ROW_CHARS)])
                child.setToolTip(0, tip(ref.summary or ref.title))
                child.setData(0, FINDING_ROLE, finding)
                child.setData(0, NOTE_ROLE, ref)
            item.setExpanded(True)
        return item

    def _first_finding(self) -> QTreeWidgetItem | None:
        group = self.tree.topLevelItem(0)
        return group.child(0) if group is not None and group.childCount() else None

    def rows(self) -> list[str]:
        """Every row's text, headings too, as shown (for tests and the screen reader)."""
        shown_rows: list[str] = []

        def walk(item: QTreeWidgetItem | None, depth: int) -> None:
            if item is None:
                return
            shown_rows.append("  " * depth + item.text(0))
            for index in range(item.childCount()):
                walk(item.child(index), depth + 1)

        for index in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(index), 0)
        return shown_rows

    def select_row(self, text: str) -> bool:
        """Select the row whose text begins with ``text``; whether there is one."""
        for item in self.tree.findItems("", Qt.MatchFlag.MatchContains
                                        | Qt.MatchFlag.MatchRecursive):
            if item.text(0).startswith(text):
                self.tree.setCurrentItem(item)
                return True
        return False

    # -- what it asks --------------------------------------------------------------------

    def _current_finding(self) -> object | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def _current_note(self) -> NoteRef | None:
        item = self.tree.currentItem()
        return item.data(0, NOTE_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        finding, note = self._current_finding(), self._current_note()
        self.detail.setText(shortened(described(finding), MAX_ROW_CHARS)
                            if finding is not None else "")
        self.open_button.setEnabled(note is not None)
        self.link_button.setEnabled(isinstance(finding, MentionFinding))
        mergeable = (isinstance(finding, DuplicateFinding) and note is not None
                     and not any(ref.path for ref in finding.notes))
        self.merge_button.setEnabled(mergeable)
        self.merge_button.setToolTip(
            translate("LinkHealthDialog",
                      "Notes read from a markdown folder are merged in their folder")
            if isinstance(finding, DuplicateFinding) and not mergeable and note is not None
            else "")

    def _open(self) -> None:
        note = self._current_note()
        if note is not None:
            self.openRequested.emit(note.id)

    def _link(self) -> None:
        finding = self._current_finding()
        if isinstance(finding, MentionFinding):
            self.linkRequested.emit(finding)

    def _merge(self) -> None:
        finding, keep = self._current_finding(), self._current_note()
        if isinstance(finding, DuplicateFinding) and keep is not None:
            self.mergeRequested.emit(keep, tuple(ref for ref in finding.notes
                                                 if ref.id != keep.id))
