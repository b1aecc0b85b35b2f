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
    file_menu, note_menu, annotate_menu = (translate("Actions", "&File"),
                                           translate("Actions", "&Note"),
                                           translate("Actions", "&Annotate"))
    go_menu, view_menu, help_menu = (translate("Actions", "&Go"), translate("Actions", "&View"),
                                     translate("Actions", "&Help"))
    return (
        ActionSpec("new_library", translate("Actions", "&New Library…"), files.new_library,
                   ("Ctrl+Shift+N",), file_menu),
        # (Ctrl+Shift+O is the outline's, as in other editors; File ▸ Open Recent is near)
        ActionSpec("open_library", translate("Actions", "&Open Library…"), files.open_library,
                   ("Ctrl+Alt+O",), file_menu),
        ActionSpec("import_files", translate("Actions", "&Import Files…"), files.import_files,
                   ("Ctrl+I",), file_menu),
        ActionSpec("import_folder", translate("Actions", "Import &Folder…"), files.import_folder,
                   ("Ctrl+Shift+I",), file_menu),
        ActionSpec("export", translate("Actions", "&Export…"), files.export, ("Ctrl+Shift+E",),
                   file_menu),
        ActionSpec("print_note", translate("Actions", "&Print…"),
                   lambda: printing.print_note(window), ("Ctrl+P",), file_menu,
                   tip=translate("Actions", "Print the open note (or save it as a PDF file)")),
        ActionSpec("restore_backup", translate("Actions", "Restore &Backup…"), files.restore_backup,
                   (), file_menu,
                   tip=translate("Actions",
                                 "Bring back the library as an automatic backup kept it")),
        ActionSpec("sync_now", translate("Actions", "S&ync Now"), window.sync_control.sync_now,
                   ("Ctrl+Shift+S",), file_menu,
                   tip=translate("Actions", "Sync the library with its git remote")),
        ActionSpec("sync_settings", translate("Actions", "Sync Se&ttings…"),
                   window.sync_control.open_settings, (), file_menu,
                   tip=translate("Actions",
                                 "The library's git remote, and when it syncs by itself")),
        ActionSpec("settings", translate("Actions", "&Settings…"), window.open_settings,
                   ("Ctrl+,",), file_menu,
                   tip=translate("Actions", "Theme, fonts, autosave, backups, language")),
        ActionSpec("quit", translate("Actions", "&Quit"), window.close, ("Ctrl+Q",), file_menu),
        ActionSpec("edit_note", translate("Actions", "&Edit Note"), notes.edit_note, ("Ctrl+E",),
                   note_menu, toolbar=True,
                   tip=translate("Actions", "Edit this note (again to go back to reading)")),
        ActionSpec("new_note", translate("Actions", "&New Note"), notes.new_note, ("Ctrl+N",),
                   note_menu, toolbar=True, tip=translate("Actions", "Write a new note")),
        ActionSpec("trash_note", translate("Actions", "Move to &Trash…"), notes.trash_note,
                   ("Ctrl+Delete",), note_menu),
        ActionSpec("show_trash", translate("Actions", "T&rash…"), notes.show_trash, (), note_menu),
        ActionSpec("note_history", translate("Actions", "&History…"), notes.note_history,
                   ("Ctrl+H",), note_menu,
                   tip=translate("Actions", "Earlier versions of this note")),
        ActionSpec("link_health", translate("Actions", "&Link Health…"), window.link_health.show,
                   (), note_menu,
                   tip=translate("Actions",
                                 "Stubs, orphans, near-duplicate titles and unlinked mentions, "
                                 "each with its fix")),
        ActionSpec("sync_conflicts", translate("Actions", "&Conflicts…"),
                   window.sync_control.show_conflicts, (), note_menu,
                   tip=translate("Actions", "Notes changed on both sides by a sync: settle each")),
        ActionSpec("highlight", translate("Actions", "&Highlight Selection"), notes.highlight,
                   ("Ctrl+Shift+H",), annotate_menu, toolbar=True,
                   tip=translate("Actions", "Highlight the selected words")),
        ActionSpec("comment", translate("Actions", "&Comment on Selection…"), notes.comment,
                   ("Ctrl+Shift+M",), annotate_menu, toolbar=True,
                   tip=translate("Actions", "Comment on the selected words")),
        ActionSpec("annotation_browser", translate("Actions", "&All Annotations…"),
                   notes.annotation_browser, ("Ctrl+Shift+A",), annotate_menu,
                   tip=translate("Actions", "Every annotation in the library")),
        ActionSpec("back", translate("Actions", "&Back"), window.go_back, ("Alt+Left",), go_menu,
                   toolbar=True, tip=translate("Actions", "Back to the previous note")),
        ActionSpec("forward", translate("Actions", "&Forward"), window.go_forward, ("Alt+Right",),
                   go_menu, toolbar=True, tip=translate("Actions", "Forward to the next note")),
        ActionSpec("quick_switcher", translate("Actions", "&Quick Switcher…"),
                   window.quick_switcher, ("Ctrl+O",), go_menu, toolbar=True,
                   tip=translate("Actions", "Jump to a note by typing part of its title")),
        ActionSpec("focus_search", translate("Actions", "&Search"), window.focus_search,
                   ("Ctrl+F", "Ctrl+K"), go_menu),
        ActionSpec("focus_list", translate("Actions", "Question &List"), window.list.setFocus,
                   ("Ctrl+1",), go_menu),
        ActionSpec("focus_answer", translate("Actions", "&Answer"), window.answer.setFocus,
                   ("Ctrl+2",), go_menu),
        ActionSpec("focus_sources", translate("Actions", "S&ources Sidebar"), window.focus_sources,
                   ("Ctrl+3",), go_menu),
        ActionSpec("outline", translate("Actions", "O&utline…"), window.outline_popup,
                   ("Ctrl+Shift+O",), go_menu,
                   tip=translate("Actions", "Go to a heading of this note: type part of it")),
        ActionSpec("command_palette", translate("Actions", "&Command Palette…"),
                   window.command_palette, ("Ctrl+Shift+P",), go_menu),
        ActionSpec("zoom_in", translate("Actions", "Zoom &In"), window.zoom_in,
                   ("Ctrl++", "Ctrl+="), view_menu),
        ActionSpec("zoom_out", translate("Actions", "Zoom &Out"), window.zoom_out, ("Ctrl+-",),
                   view_menu),
        ActionSpec("zoom_reset", translate("Actions", "&Reset Zoom"), window.zoom_reset,
                   ("Ctrl+0",), view_menu),
        ActionSpec("toggle_sidebar", translate("Actions", "Show Sources &Sidebar"),
                   window.toggle_sidebar, ("Ctrl+Shift+B",), view_menu, checkable=True),
        ActionSpec("graph", translate("Actions",
                                      "Citation &Graph"), window.toggle_graph, ("Ctrl+Shift+G",),
                   view_menu, checkable=True,
                   tip=translate("Actions",
                                 "The notes the open note cites and that cite it, or the "
                                 "library's")),
        ActionSpec("questions_only", translate("Actions",
                                               "&Questions Only"), window.toggle_questions_only, (),
                   view_menu, checkable=True,
                   tip=translate("Actions",
                                 "List only the notes whose title is a question (ends in ?)")),
        ActionSpec("theme_system", translate("Actions", "Theme: S&ystem"),
                   lambda: window.set_theme("system"), (), view_menu, checkable=True,
                   group="theme"),
        ActionSpec("theme_light", translate("Actions", "Theme: &Light"),
                   lambda: window.set_theme("light"), (), view_menu, checkable=True, group="theme"),
        ActionSpec("theme_dark", translate("Actions", "Theme: &Dark"),
                   lambda: window.set_theme("dark"), (), view_menu, checkable=True, group="theme"),
        ActionSpec("keyboard_shortcuts", translate("Actions", "&Keyboard Shortcuts…"),
                   window.keyboard_shortcuts, ("Ctrl+/",), help_menu,
                   tip=translate("Actions", "Every action and its keys, searchable")),
        ActionSpec("about", translate("Actions", "&About notegui"), window.about, (), help_menu),
    )
