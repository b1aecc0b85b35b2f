"""The one table of actions: text, shortcuts, menu and what each runs. Menus, the toolbar
and the command palette are all built from it, so a shortcut shown anywhere is the one
that works."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from notegui.gui import printing
from notegui.gui.i18n import translate

if TYPE_CHECKING:  # (the window imports this module)
    from notegui.gui.main_window import MainWindow


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the QAction's object name (actions_by_name, the command palette)
    text: str
    run: Callable[[], object]
    shortcuts: tuple[str, ...] = ()
    menu: str = ""
    toolbar: bool = False
    checkable: bool = False
    group: str = ""  # exclusive group (theme)
    tip: str = ""


def action_table(window: MainWindow) -> tuple[ActionSpec, ...]:
    """Every action of ``window``, bound to the controller method or window method it runs."""
    files, notes = window.files, window.notes
    return (
        ActionSpec("new_library", "&New Library…", files.new_library, ("Ctrl+Shift+N",),
                   "&File"),
        # (Ctrl+Shift+O is the outline's, as in other editors; File ▸ Open Recent is near)
        ActionSpec("open_library", "&Open Library…", files.open_library, ("Ctrl+Alt+O",),
                   "&File"),
        ActionSpec("import_files", "&Import Files…", files.import_files, ("Ctrl+I",), "&File"),
        ActionSpec("import_folder", "Import &Folder…", files.import_folder, ("Ctrl+Shift+I",),
                   "&File"),
        ActionSpec("export", "&Export…", files.export, ("Ctrl+Shift+E",), "&File"),
        ActionSpec("print_note", "&Print…", lambda: printing.print_note(window), ("Ctrl+P",),
                   "&File", tip="Print the open note (or save it as a PDF file)"),
        ActionSpec("restore_backup", "Restore &Backup…", files.restore_backup, (), "&File",
                   tip="Bring back the library as an automatic backup kept it"),
        ActionSpec("sync_now", "S&ync Now", window.sync_control.sync_now, ("Ctrl+Shift+S",),
                   "&File", tip="Sync the library with its git remote"),
        ActionSpec("sync_settings", "Sync Se&ttings…", window.sync_control.open_settings, (),
                   "&File", tip="The library's git remote, and when it syncs by itself"),
        ActionSpec("settings", translate("Actions", "&Settings…"), window.open_settings,
                   ("Ctrl+,",), "&File",
                   tip=translate("Actions", "Theme, fonts, autosave, backups, language")),
        ActionSpec("quit", "&Quit", window.close, ("Ctrl+Q",), "&File"),
        ActionSpec("edit_note", "&Edit Note", notes.edit_note, ("Ctrl+E",), "&Note",
                   toolbar=True, tip="Edit this note (again to go back to reading)"),
        ActionSpec("new_note", "&New Note", notes.new_note, ("Ctrl+N",), "&Note",
                   toolbar=True, tip="Write a new note"),
        ActionSpec("trash_note", "Move to &Trash…", notes.trash_note, ("Ctrl+Delete",),
                   "&Note"),
        ActionSpec("show_trash", "T&rash…", notes.show_trash, (), "&Note"),
        ActionSpec("note_history", "&History…", notes.note_history, ("Ctrl+H",), "&Note",
                   tip="Earlier versions of this note"),
        ActionSpec("link_health", "&Link Health…", window.link_health.show, (), "&Note",
                   tip="Stubs, orphans, near-duplicate titles and unlinked mentions, each "
                   "with its fix"),
        ActionSpec("sync_conflicts", "&Conflicts…", window.sync_control.show_conflicts, (),
                   "&Note", tip="Notes changed on both sides by a sync: settle each"),
        ActionSpec("highlight", "&Highlight Selection", notes.highlight, ("Ctrl+Shift+H",),
                   "&Annotate", toolbar=True, tip="Highlight the selected words"),
        ActionSpec("comment", "&Comment on Selection…", notes.comment, ("Ctrl+Shift+M",),
                   "&Annotate", toolbar=True, tip="Comment on the selected words"),
        ActionSpec("annotation_browser", "&All Annotations…", notes.annotation_browser,
                   ("Ctrl+Shift+A",), "&Annotate", tip="Every annotation in the library"),
        ActionSpec("back", "&Back", window.go_back, ("Alt+Left",), "&Go", toolbar=True,
                   tip="Back to the previous note"),
        ActionSpec("forward", "&Forward", window.go_forward, ("Alt+Right",), "&Go",
                   toolbar=True, tip="Forward to the next note"),
        ActionSpec("quick_switcher", "&Quick Switcher…", window.quick_switcher, ("Ctrl+O",),
                   "&Go", toolbar=True, tip="Jump to a note by typing part of its title"),
        ActionSpec("focus_search", "&Search", window.focus_search, ("Ctrl+F", "Ctrl+K"),
                   "&Go"),
        ActionSpec("focus_list", "Question &List", window.list.setFocus, ("Ctrl+1",), "&Go"),
        ActionSpec("focus_answer", "&Answer", window.answer.setFocus, ("Ctrl+2",), "&Go"),
        ActionSpec("focus_sources", "S&ources Sidebar", window.focus_sources,
                   ("Ctrl+3",), "&Go"),
        ActionSpec("outline", "O&utline…", window.outline_popup, ("Ctrl+Shift+O",), "&Go",
                   tip="Go to a heading of this note: type part of it"),
        ActionSpec("command_palette", "&Command Palette…", window.command_palette,
                   ("Ctrl+Shift+P",), "&Go"),
        ActionSpec("zoom_in", "Zoom &In", window.zoom_in, ("Ctrl++", "Ctrl+="), "&View"),
        ActionSpec("zoom_out", "Zoom &Out", window.zoom_out, ("Ctrl+-",), "&View"),
        ActionSpec("zoom_reset", "&Reset Zoom", window.zoom_reset, ("Ctrl+0",), "&View"),
        ActionSpec("toggle_sidebar", "Show Sources &Sidebar", window.toggle_sidebar,
                   ("Ctrl+Shift+B",), "&View", checkable=True),
        ActionSpec("graph", "Citation &Graph", window.toggle_graph, ("Ctrl+Shift+G",),
                   "&View", checkable=True,
                   tip="The notes the open note cites and that cite it, or the library's"),
        ActionSpec("questions_only", "&Questions Only", window.toggle_questions_only, (),
                   "&View", checkable=True,
                   tip="List only the notes whose title is a question (ends in ?)"),
        ActionSpec("theme_system", "Theme: &System", lambda: window.set_theme("system"), (),
                   "&View", checkable=True, group="theme"),
        ActionSpec("theme_light", "Theme: &Light", lambda: window.set_theme("light"), (),
                   "&View", checkable=True, group="theme"),
        ActionSpec("theme_dark", "Theme: &Dark", lambda: window.set_theme("dark"), (),
                   "&View", checkable=True, group="theme"),
        ActionSpec("keyboard_shortcuts", "&Keyboard Shortcuts…", window.keyboard_shortcuts,
                   ("Ctrl+/",), "&Help", tip="Every action and its keys, searchable"),
        ActionSpec("about", "&About notegui", window.about, (), "&Help"),
    )
