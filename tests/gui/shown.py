"""What a widget shows, read the way a test asks for it: helpers over the widgets' public
parts, kept here so the app carries no methods that only tests call."""

from __future__ import annotations

from notegui.gui.editor import NoteEditorPane
from notegui.gui.history_dialog import REVISION_ROLE, HistoryDialog
from notegui.gui.tag_editor import TagChip, TagEditor


def chip_names(tags: TagEditor) -> list[str]:
    """The tags shown as chips, in order."""
    return [chip.name for chip in tags.chips.findChildren(TagChip) if not chip.isHidden()]


def refused_field(editor: NoteEditorPane) -> str:
    """The field framed as refused ('' when none is)."""
    return next((name for name, line in editor.line_fields().items()
                 if line.property("refused")), "")


def revision_ids(dialog: HistoryDialog) -> list[int]:
    """The listed revisions' ids, as shown (newest first)."""
    return [dialog.list.item(row).data(REVISION_ROLE).id for row in range(dialog.list.count())]
