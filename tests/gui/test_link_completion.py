"""``[[`` completion in the real editor follows the rules of the note being edited: in a
vault note it offers that vault's notes (same-titled ones with their place) and writes the
link text that leads back to the one chosen, saved and resolved as the import resolves
links; the library's own notes come after, unless the vault would take their title. In a
note of the library's own, only the library's own notes are offered (by title)."""

from __future__ import annotations

import pytest
from completion_typing import edit, offered, type_at_end
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from conftest import shown_window
from file_tree import write
from notegui.app import open_library
from notegui.core import import_plan
from notegui.core.vault_report import VaultReport

VAULT = {
    ".obsidian/app.json": "{}",
    "a/Index.md": "The index of a.\n",
    "b/Index.md": "The index of b.\n",
    "b/Log.md": "What happened.\n",
    "misc/rl.md": "---\ntitle: Reading list\n---\nBooks.\n",
    "Why is the sky blue?.md": "The vault's answer.\n",
}
OWN_SKY = "Why is the sky blue?"  # the library's own note of that title too
OWN_CATS = "Why do cats purr?"


@pytest.fixture
def vault_window(qtbot, tmp_path):
    write(tmp_path / "notes", VAULT)
    library = open_library(tmp_path / "library.sqlite3")
    for job in import_plan.plan([tmp_path / "notes"]).vaults:
        list(library.import_vault(job, VaultReport()))
    library.create_note(OWN_SKY, "D.", body="The library's answer.")
    library.create_note(OWN_CATS, "D.", body="Nobody knows.")
    ids = {ref.path or ref.title: ref.id for ref in library.iter_refs()}
    for window in shown_window(qtbot, library, ids["notes/b/Log.md"]):
        window.ids = ids
        yield window








def save(window) -> None:
    window.actions_by_name["edit_note"].trigger()  # Done Editing: saved
    assert window.middle.currentWidget() is window.answer


def leads_to(window, note_id: int, inserted: str) -> int:
    """The note the saved link ``[[inserted]]`` of ``note_id`` leads to."""
    target = window.library.vault_links(note_id).targets[(inserted, False)]
    assert target.note is not None
    return target.note.id


@pytest.mark.parametrize(("shown", "path", "inserted"), [
    ("Index (notes/a)", "notes/a/Index.md", "a/Index"),  # [[Index]] is b's, from b/Log
    ("Index (notes/b)", "notes/b/Index.md", "Index"),
    ("Reading list → rl", "notes/misc/rl.md", "rl"),  # titled by its front matter
])
def test_the_link_written_leads_to_the_note_chosen(qtbot, vault_window, shown, path,
                                                    inserted):
    log = vault_window.ids["notes/b/Log.md"]
    editor = edit(vault_window, log)
    popup = type_at_end(qtbot, editor, " See [[" + ("Read" if "rl" in path else "Ind"))
    rows = offered(popup)
    assert shown in rows
    for _ in range(rows.index(shown)):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.body.toPlainText().endswith(f"See [[{inserted}]]")
    save(vault_window)
    assert leads_to(vault_window, log, inserted) == vault_window.ids[path]
    assert vault_window.ids[path] in [s.target.id for s in vault_window.library.sources(log)]


def test_both_index_notes_are_offered_with_their_place_and_a_click_writes_its_link(
        qtbot, vault_window):
    log = vault_window.ids["notes/b/Log.md"]
    editor = edit(vault_window, log)
    popup = type_at_end(qtbot, editor, " [[index")
    assert offered(popup)[:2] == ["Index (notes/a)", "Index (notes/b)"]
    first = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    assert editor.body.toPlainText().endswith("[[a/Index]]")
    assert not popup.isVisible()
    save(vault_window)
    assert leads_to(vault_window, log, "a/Index") == vault_window.ids["notes/a/Index.md"]


def test_the_librarys_own_notes_come_after_unless_the_vault_takes_their_title(
        qtbot, vault_window):
    log = vault_window.ids["notes/b/Log.md"]
    editor = edit(vault_window, log)
    popup = type_at_end(qtbot, editor, " [[Why")
    # [[Why is the sky blue?]] from this vault leads to its file: the library's own note
    # of that title is not offered (choosing it would link the vault's).
    assert offered(popup) == [f"{OWN_SKY} (notes)", OWN_CATS]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    save(vault_window)
    assert leads_to(vault_window, log, OWN_CATS) == vault_window.ids[OWN_CATS]


def test_a_note_of_the_librarys_own_is_offered_no_vault_note(qtbot, vault_window):
    cats = vault_window.ids[OWN_CATS]
    editor = edit(vault_window, cats)
    popup = type_at_end(qtbot, editor, " See [[Why")
    assert offered(popup) == [OWN_CATS, OWN_SKY]  # the library's own sky note, not the vault's
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.body, "]] [[Ind")
    qtbot.wait(50)
    assert not editor.body.completer.popup().isVisible()  # the Index notes are the vault's
    assert editor.body.offers() == []
    qtbot.keyClicks(editor.body, "]] [[Read")
    qtbot.wait(50)
    assert editor.body.offers() == []
