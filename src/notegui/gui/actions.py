"""The one table of actions: text, shortcuts and menu. Menus, the toolbar and the command
palette are all built from it, so a shortcut shown anywhere is the one that works."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActionSpec:
    name: str  # the MainWindow method it runs: do_<name>
    text: str
    shortcuts: tuple[str, ...] = ()
    menu: str = ""
    toolbar: bool = False
    checkable: bool = False
    group: str = ""  # exclusive group (theme)
    tip: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new_library", "&New Library…", ("Ctrl+Shift+N",), "&File"),
    ActionSpec("open_library", "&Open Library…", ("Ctrl+Shift+O",), "&File"),
    ActionSpec("import_files", "&Import Files…", ("Ctrl+I",), "&File"),
    ActionSpec("import_folder", "Import &Folder…", ("Ctrl+Shift+I",), "&File"),
    ActionSpec("export", "&Export…", ("Ctrl+Shift+E",), "&File"),
    ActionSpec("restore_backup", "Restore &Backup…", (), "&File",
               tip="Bring back the library as an automatic backup kept it"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "&File"),
    ActionSpec("edit_note", "&Edit Note", ("Ctrl+E",), "&Note", toolbar=True,
               tip="Edit this note (again to go back to reading)"),
    ActionSpec("new_note", "&New Note", ("Ctrl+N",), "&Note", toolbar=True,
               tip="Write a new note"),
    ActionSpec("trash_note", "Move to &Trash…", ("Ctrl+Delete",), "&Note"),
    ActionSpec("show_trash", "T&rash…", (), "&Note"),
    ActionSpec("note_history", "&History…", ("Ctrl+H",), "&Note",
               tip="Earlier versions of this note"),
    ActionSpec("highlight", "&Highlight Selection", ("Ctrl+Shift+H",), "&Annotate",
               toolbar=True, tip="Highlight the selected words"),
    ActionSpec("comment", "&Comment on Selection…", ("Ctrl+Shift+M",), "&Annotate",
               toolbar=True, tip="Comment on the selected words"),
    ActionSpec("annotation_browser", "&All Annotations…", ("Ctrl+Shift+A",), "&Annotate",
               tip="Every annotation in the library"),
    ActionSpec("back", "&Back", ("Alt+Left",), "&Go", toolbar=True,
               tip="Back to the previous note"),
    ActionSpec("forward", "&Forward", ("Alt+Right",), "&Go", toolbar=True,
               tip="Forward to the next note"),
    ActionSpec("quick_switcher", "&Quick Switcher…", ("Ctrl+O",), "&Go", toolbar=True,
               tip="Jump to a note by typing part of its title"),
    ActionSpec("focus_search", "&Search", ("Ctrl+F", "Ctrl+K"), "&Go"),
    ActionSpec("focus_list", "Question &List", ("Ctrl+1",), "&Go"),
    ActionSpec("focus_answer", "&Answer", ("Ctrl+2",), "&Go"),
    ActionSpec("focus_sources", "S&ources Sidebar", ("Ctrl+3",), "&Go"),
    ActionSpec("command_palette", "&Command Palette…", ("Ctrl+Shift+P",), "&Go"),
    ActionSpec("zoom_in", "Zoom &In", ("Ctrl++", "Ctrl+="), "&View"),
    ActionSpec("zoom_out", "Zoom &Out", ("Ctrl+-",), "&View"),
    ActionSpec("zoom_reset", "&Reset Zoom", ("Ctrl+0",), "&View"),
    ActionSpec("toggle_sidebar", "Show Sources &Sidebar", ("Ctrl+Shift+B",), "&View",
               checkable=True),
    ActionSpec("theme_system", "Theme: &System", (), "&View", checkable=True, group="theme"),
    ActionSpec("theme_light", "Theme: &Light", (), "&View", checkable=True, group="theme"),
    ActionSpec("theme_dark", "Theme: &Dark", (), "&View", checkable=True, group="theme"),
    ActionSpec("about", "&About notegui", (), "&Help"),
)
