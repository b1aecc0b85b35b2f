"""Annotating the open note: re-anchor its annotations in the text as now rendered (an edit
may have moved their words), show them, and turn the reader's requests into writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from notegui.core.anchoring import Anchor, make_anchor, reanchor_all, whole_words
from notegui.core.domain import Annotation, Changes
from notegui.core.errors import LibraryError
from notegui.core.ports import Library
from notegui.gui.annotation_list import AnnotationList
from notegui.gui.answer_view import AnswerView
from notegui.gui.changes_hub import ChangeNotice, ChangesHub
from notegui.gui.comment_dialog import CommentDialog
from notegui.gui.i18n import translate


def anchored(annotations: list[Annotation], text: str) -> list[Annotation]:
    """Each annotation where its words are in ``text`` now; detached when they are gone."""
    anchors = reanchor_all([Anchor(a.start, a.end, a.exact, a.prefix, a.suffix)
                            for a in annotations], text)
    return [
        replace(annotation, detached=True) if anchor is None else replace(
            annotation, start=anchor.start, end=anchor.end, exact=anchor.exact,
            prefix=anchor.prefix, suffix=anchor.suffix, detached=False)
        for annotation, anchor in zip(annotations, anchors, strict=True)
    ]


class Annotator(QObject):
    """Publishes every write to the hub; ``message(str)`` for the status bar."""

    message = Signal(str)

    def __init__(self, library: Callable[[], Library], answer: AnswerView,
                 panel: AnnotationList, hub: ChangesHub, parent: QWidget) -> None:
        super().__init__(parent)
        self._library = library
        self._hub = hub
        self._parent = parent
        self.answer = answer
        self.panel = panel
        self.note_id = 0
        self.dialog: CommentDialog | None = None  # the comment dialog while it is open
        answer.highlightRequested.connect(self.highlight)
        answer.commentRequested.connect(self.comment)
        answer.annotationClicked.connect(self.show)
        panel.annotationRequested.connect(self.show)
        panel.editCommentRequested.connect(self.edit_comment)
        panel.colorRequested.connect(self.set_color)
        panel.deleteRequested.connect(self.delete)

    def note_shown(self, note_id: int) -> None:
        """Anchor and show the note's annotations; store what re-anchoring moved."""
        self.note_id = note_id
        annotations = self._library().annotations(note_id)
        if annotations:
            now = anchored(annotations, self.answer.plain_text())
            moved = [new for old, new in zip(annotations, now, strict=True) if new != old]
            if moved:
                try:
                    self._library().move_annotations(moved)
                except LibraryError as error:
                    self.message.emit(translate(
                        "Annotating", "Annotations not updated: {error}").format(error=error))
            annotations = now
        self.answer.show_annotations(annotations)
        self.panel.fill(annotations)

    def clear(self) -> None:
        """No note shown: nothing painted, nothing listed, nothing to annotate."""
        self.note_id = 0
        self.answer.show_annotations([])
        self.panel.fill([])

    def refresh(self) -> None:
        if self.note_id:
            self.note_shown(self.note_id)

    def follow(self, notice: ChangeNotice) -> None:
        """Another's write to the shown note's annotations (its own are shown as made; a
        change of the note's text shows the note again, and with it these)."""
        if notice.initiator is not self and self.note_id in notice.changes.annotations:
            self.refresh()

    # -- requests --------------------------------------------------------------------------

    def highlight(self, color: str = "yellow", comment: str = "") -> Annotation | None:
        anchor = self._selected()
        return None if anchor is None else self._add(anchor, color, comment)

    def _selected(self) -> Anchor | None:
        """The selection in the answer, widened to whole words; None (and a word to the
        reader) when nothing is selected."""
        span = self.answer.selection_span()
        if span is None or not self.note_id:
            self.message.emit(
                translate("Annotating", "Select some text in the answer to annotate it."))
            return None
        text = self.answer.plain_text()
        return make_anchor(text, *whole_words(text, *span))

    def _add(self, anchor: Anchor, color: str, comment: str) -> Annotation | None:
        try:
            added = self._library().add_annotation(
                self.note_id, anchor.exact, anchor.prefix, anchor.suffix, anchor.start,
                anchor.end, color, comment)
        except LibraryError as error:
            self.message.emit(translate("Annotating", "Not annotated: {error}").format(error=error))
            return None
        self._written(added.note_id)
        return added

    def comment(self) -> None:
        """Comment on the selection (a new annotation), or on the annotation at the cursor."""
        if self.answer.selection_span() is None:
            position = self.answer.cursor_offset()
            for annotation in self.answer.annotations:
                if annotation.start <= position <= annotation.end:
                    self.edit_comment(annotation.id)
                    return
            self.message.emit(
                translate("Annotating", "Select some text in the answer to comment on it."))
            return
        anchor = self._selected()
        if anchor is not None:
            self._ask(anchor.exact, "", lambda text: self._add(anchor, "yellow", text))

    def edit_comment(self, annotation_id: int) -> None:
        current = next((a for a in self._library().annotations(self.note_id)
                        if a.id == annotation_id), None)
        if current is None:
            return
        self._ask(current.exact, current.comment,
                  lambda text: self._update(annotation_id, comment=text))

    def _ask(self, quote: str, current: str, done: Callable[[str], object]) -> None:
        """Open the comment dialog (window-modal, not a nested event loop); ``done`` gets
        the comment once it is saved."""
        dialog = CommentDialog(quote, current, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: done(dialog.comment()))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: CommentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def set_color(self, annotation_id: int, color: str) -> None:
        self._update(annotation_id, color=color)

    def _update(self, annotation_id: int, **change: str) -> None:
        try:
            updated = self._library().update_annotation(annotation_id, **change)
        except LibraryError as error:
            self.message.emit(
                translate("Annotating", "Annotation not changed: {error}").format(error=error))
            return
        self._written(updated.note_id)

    def delete(self, annotation_id: int) -> None:
        try:
            changes = self._library().delete_annotation(annotation_id)
        except LibraryError as error:
            self.message.emit(
                translate("Annotating", "Annotation not deleted: {error}").format(error=error))
            return
        self.refresh()
        self._hub.publish(changes, self)

    def show(self, annotation_id: int) -> None:
        """Select the annotation's words in the answer and in the panel."""
        for annotation in self.answer.annotations:
            if annotation.id == annotation_id:
                self.answer.select_span(annotation.start, annotation.end)
                break
        self.panel.select(annotation_id)
        comment = next((a.comment for a in self.answer.annotations if a.id == annotation_id),
                       "")
        if comment:
            self.message.emit(comment)

    def _written(self, note_id: int) -> None:
        self.refresh()
        self._hub.publish(Changes(annotations=frozenset({note_id})), self)
