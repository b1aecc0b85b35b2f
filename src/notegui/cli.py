"""The command line: argparse over the Library interface. Text out, exit codes back."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from notegui import __version__, sync_command
from notegui.core import import_plan, link_report
from notegui.core.answer_page import answer_html
from notegui.core.collection import collection_paused
from notegui.core.domain import ImportOutcome, Note, NoteRef, title_key
from notegui.core.errors import ExportError
from notegui.core.files import NeedsForce, write_atomically, write_folder
from notegui.core.formats import annotation_export, json_format, markdown_vault, question_note
from notegui.core.formats.export_names import Named, file_names
from notegui.core.formats.question_note import body_to_text
from notegui.core.import_plan import nothing_in_vault
from notegui.core.ports import Library, Sync
from notegui.core.vault_report import VaultReport
from notegui.core.visible_text import visible, visible_lines

OK, PROBLEM, USAGE = 0, 1, 2


class CommandError(Exception):
    """A command cannot do what was asked; the message is for the user (exit 1)."""


USER_ERRORS = (CommandError, ExportError)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line read. Its first word that is neither an option nor a command's name
    starts the files to open (``notegui FILE...``, as a file manager's Open With runs it):
    they are ``files``, the options before them read as usual; otherwise ``files`` is
    empty. Options go before the files (or after ``--``, which makes the rest files)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    first = _first_word(argv)
    if first is None or argv[first] in _command_names(parser):
        args = parser.parse_args(argv)
        args.files = []
        return args
    files = argv[first + 1:] if argv[first] == "--" else argv[first:]
    if not files:
        parser.error("-- needs the files to open after it")
    if argv[first] != "--":
        stray = [word for word in files if word.startswith("-") and word != "-"]
        if stray:
            parser.error(f"options go before the files: {' '.join(stray)}")
    args = parser.parse_args(argv[:first])  # (--help and --version act as without files)
    args.files = [Path(word) for word in files]
    return args


def _first_word(argv: list[str]) -> int | None:
    """The index of the first word that is not an option or an option's value."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--db":
            index += 2
            continue
        if word == "--" or not word.startswith("-") or word == "-":
            return index
        index += 1
    return None


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {name for action in parser._subparsers._group_actions  # type: ignore[union-attr]
            if isinstance(action, argparse._SubParsersAction) for name in action.choices}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="notegui",
        usage="%(prog)s [-h] [--db PATH] [--debug] [--version] [FILE ... | COMMAND ...]",
        description="Read, search, annotate and edit a library of linked question notes. "
        "With no command, opens the app. With FILE (a notegui JSON export, a question "
        "note, a markdown note: what File > Import takes), opens the app and asks whether "
        "to import it; a file named like a command is given as ./NAME.",
        epilog="The library is NOTEGUI_DB if set, else library.sqlite3 in your user data "
        "folder. Exit codes: 0 success, 1 input refused or problem found, 2 usage error.",
    )
    parser.add_argument("--db", metavar="PATH", type=Path,
                        help="the library file to use (created if missing)")
    parser.add_argument("--debug", action="store_true",
                        help="show full tracebacks and debug logging")
    parser.add_argument("--version", action="version", version=f"notegui {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="notegui")

    command = commands.add_parser(
        "open", help="open the app at a note",
        description="Open the app, showing the note of this title (any case).",
    )
    command.add_argument("title", nargs="+", help="the note's title")

    command = commands.add_parser(
        "import", help="import markdown folders (Obsidian, Foam, Dendron), question notes, "
        "notegui JSON or W3C annotations",
        description="Import a folder of markdown notes (an Obsidian, Foam or Dendron vault, "
        "or any folder of .md files: each file a note, its images copied), a markdown file, "
        "question-note files or folders (*.txt), a notegui JSON export, or W3C Web "
        "Annotation JSON-LD. The kind is detected; --format says it. One line per file: "
        "imported / updated / unchanged / refused: why; then what else each folder held, "
        "the notes whose files are gone (kept), and a total. Exit 1 when a file is refused "
        "or a folder has nothing to import.",
    )
    command.add_argument("paths", nargs="+", type=Path, metavar="FOLDER|FILE")
    command.add_argument("--format", choices=list(import_plan.FORMATS),
                         help="vault: markdown notes; question-notes: *.txt question notes "
                         "(markdown files left out); json: a notegui JSON or W3C file "
                         "(default: detected)")
    command.add_argument("--vault", metavar="NAME",
                         help="the name the notes' paths begin with (default: the folder's "
                         "name)")

    command = commands.add_parser(
        "export", help="export one note as text, the library as JSON, markdown or a web "
        "site, notes as PDF, or the annotations",
        description="text: one note in the question-note format (--note), or every question "
        "note as a .txt file in a folder (-o FOLDER; a note the format cannot hold is "
        "refused by name). json: the whole library. markdown: a folder of .md files, an "
        "Obsidian vault (-o FOLDER). "
        "annotations-md: every highlight and comment as markdown, by note. annotations-w3c: "
        "the same as a W3C Web Annotation collection (JSON-LD). "
        "pdf: one note (--note), or the notes of a tag (--tag) or a search (--search) with "
        "a table of contents, citations as links inside the PDF and page numbers (-o "
        "FILE.pdf). html: the whole library as a static web site that opens from disk: a "
        "page a note, an index, an offline search page (-o FOLDER).",
    )
    command.add_argument("--format", required=True, choices=[
        "text", "json", "markdown", "annotations-md", "annotations-w3c", "pdf", "html",
    ])
    command.add_argument("--note", metavar="TITLE", help="the note to export (text format; "
                         "without it, -o FOLDER gets every question note; pdf)")
    command.add_argument("--tag", metavar="TAG", help="pdf: the notes with this tag, in "
                         "title order")
    command.add_argument("--search", metavar="QUERY", help="pdf: the notes a search finds, "
                         "best match first (as 'notegui search' ranks them)")
    command.add_argument("-o", "--output", type=Path, metavar="PATH",
                         help="file (text with --note, json, annotations-*, pdf) or "
                         "folder (markdown, html, text without --note); "
                         "default: standard output")
    command.add_argument("--force", action="store_true",
                         help="markdown: export into a folder that is not empty and not an "
                         "earlier export (its other files are left alone), and replace files "
                         "with a note's file name that notegui did not write or that were "
                         "edited since the last export")

    command = commands.add_parser("list", help="list every note's title",
                                  description="Every note's title, in title order.")
    command.add_argument("--json", action="store_true", help="JSON objects with details")

    command = commands.add_parser(
        "search", help="full-text search, best match first",
        description="Ranked full-text search (title > summary > description > body); the "
        "last word also matches as a prefix. Matched words are shown in [brackets].",
    )
    command.add_argument("query", nargs="+")
    command.add_argument("--limit", type=int, default=20, metavar="N",
                         help="at most N results (default 20)")
    command.add_argument("--json", action="store_true")

    command = commands.add_parser(
        "show", help="show a note, its sources and who cites it",
        description="A note with its sources (and the summary line each citation gave) "
        "and the notes that cite it; with --html, the note as the app shows it.",
    )
    command.add_argument("title", nargs="+", help="the note's title (any case)")
    shown_as = command.add_mutually_exclusive_group()
    shown_as.add_argument("--json", action="store_true")
    shown_as.add_argument("--html", action="store_true",
                          help="print the note's rendered HTML exactly as the app's answer "
                          "pane receives it")

    command = commands.add_parser(
        "check", help="check the database, full-text index and links",
        description="Check the database's integrity, the full-text index against the "
        "notes, and each note's links against its citations. Exit 1 on problems.",
    )
    command.add_argument("--repair", action="store_true",
                         help="rebuild the full-text index before checking")

    command = commands.add_parser(
        "health", help="report stubs, orphans, near-duplicate titles and unlinked mentions",
        description="Report what the library's links leave undone: stubs (titles cited but "
        "never written, with the notes citing them), orphans (notes that cite nothing and "
        "that nothing cites), near-duplicate titles (differing only in case, spacing or "
        "punctuation) and unlinked mentions (a note's title or alias written in another "
        "note's text without a citation). One finding a line, sorted, then a total. Exit 0 "
        "when there is nothing to report, 1 when there is (docs/health.md).",
    )
    command.add_argument("--json", action="store_true",
                         help="the report as one JSON object")

    command = commands.add_parser(
        "sync", help="sync the library with a git repository (any remote git serves)",
        description="Send the library's changes since the last sync to a git remote and "
        "take the remote's, each note merged three ways (docs/sync.md). One line per note "
        "changed in either direction, then a total. Exit 0 when the library and the remote "
        "agree (conflicts kept: both versions, listed by --status), 1 when the sync could "
        "not finish (the remote unreachable, authentication refused: said in one line), "
        "the library then unchanged.",
    )
    command.add_argument("--remote", metavar="URL",
                         help="set the remote first: a path to a bare repository, "
                         "ssh://host/path, user@host:path or https://… (ssh keys come from "
                         "the agent and ~/.ssh; https passwords from git's credential "
                         "helpers, never from notegui)")
    command.add_argument("--status", action="store_true",
                         help="say what is to send, to receive and in conflict, without "
                         "syncing (the remote is fetched to tell)")
    command.add_argument("--json", action="store_true",
                         help="with --status: JSON, each conflict with both versions' text")

    command = commands.add_parser(
        "salvage", help="save what can be read of a damaged library into a new file",
        description="Copy every note, link, tag, annotation and earlier version that can "
        "still be read from the library (--db) into a new library file. The damaged "
        "library is only read. Says how much was saved and how much was lost.",
    )
    command.add_argument("new_file", type=Path, metavar="NEW-FILE",
                         help="the new library file to write (must not exist)")
    return parser


def say_health(library: Library, err: TextIO | None = None, notices: bool = True) -> bool:
    """What the opening moved aside, and a library that is damaged: said on standard error
    (before the command's own output; after it too, when a large library's check found the
    damage meanwhile). True when the damage was said."""
    err = err or sys.stderr
    health = library.health()
    for notice in health.notices if notices else ():
        print(f"notegui: {visible(notice)}", file=err)
    if health.damaged:
        print(f"notegui: warning: {visible(str(library.path))} is damaged "
              f"({visible(health.damaged)}); it is open "
              "read-only. What can be read is shown; 'notegui salvage NEW-FILE' saves it "
              "into a new library", file=err)
    return bool(health.damaged)


def say_waiting(message: str) -> None:
    """A command that must wait for another process says so, on stderr (each wait once:
    an import's every batch may wait for another's)."""
    if message in _SAID:
        return
    _SAID.add(message)
    print(f"notegui: {visible(message)}", file=sys.stderr, flush=True)


_SAID: set[str] = set()


def run(args: argparse.Namespace, library: Library, out: TextIO | None = None,
        sync_for: Callable[[Library], Sync] | None = None) -> int:
    """``sync_for``: the library's sync (app.py gives the git one)."""
    library.on_wait = say_waiting
    if args.command == "sync":
        if sync_for is None:
            raise CommandError("sync is not available here")
        return sync_command.run(args, sync_for(library), out or sys.stdout)
    handlers: dict[str, Callable[[argparse.Namespace, Library, TextIO], int]] = {
        "import": _import,
        "export": _export,
        "list": _list,
        "search": _search,
        "show": _show,
        "check": _check,
        "health": _health,
    }
    return handlers[args.command](args, library, out or sys.stdout)


_LINES_AT_ONCE = 500  # lines written at once


def _import(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    counts = {"imported": 0, "updated": 0, "unchanged": 0, "refused": 0}
    created = entries = 0
    # lexists: a symbolic link that loops or leads nowhere is there, and refused saying so
    missing = [path for path in args.paths if not os.path.lexists(path)]
    for path in missing:
        print(f"refused {visible(str(path))}: no such file or folder", file=out)
    counts["refused"] += len(missing)
    try:
        plan = import_plan.plan([p for p in args.paths if p not in missing],
                                args.format or "", args.vault or "")
    except ValueError as error:
        raise CommandError(f"--vault: {error}") from None
    for path, why in plan.refused:
        print(f"refused {visible(path)}: {visible(why)}", file=out)
    counts["refused"] += len(plan.refused)
    listing = plan.listing
    for folder, why in listing.empty_folders:
        print(f"{visible(folder)}: {why}", file=out)
    lines: list[str] = []  # (a print a file took a second of a 100,000-file import)

    def said(outcome: ImportOutcome) -> None:
        nonlocal created, entries
        counts[outcome.status] += 1
        created += outcome.notes
        line = f"{outcome.status} {visible(str(outcome.path))}"
        lines.append(f"{line}: {visible(outcome.reason)}\n" if outcome.reason else f"{line}\n")
        lines.extend(f"  warning: {visible(warning)}\n" for warning in outcome.warnings)
        # A JSON file's entries left out: one line each, as a refused file's.
        lines.extend(f"refused {visible(str(outcome.path))}: {visible(entry)}\n"
                     for entry in outcome.refused_entries)
        entries += len(outcome.refused_entries)
        if len(lines) >= _LINES_AT_ONCE:
            out.write("".join(lines))
            out.flush()
            lines.clear()

    reports: list[VaultReport] = []
    empty = list(listing.empty_folders)
    with collection_paused():
        for outcome in library.import_paths(listing.files) if listing.files else ():
            said(outcome)
        for job in plan.vaults:
            report = VaultReport()
            for outcome in library.import_vault(job, report):
                said(outcome)
            reports.append(report)
            created += report.stubs
            if job.whole and not report.notes and not job.texts:
                empty.append((job.folder, nothing_in_vault(report.skipped)))
    out.write("".join(lines))
    if listing.files and listing.skipped.total:  # (else each folder said what it holds)
        print(listing.skipped.summary(), file=out)
    for report in reports:
        if report.notes:
            for line in report.lines():
                print(visible(line), file=out)
    for folder, why in empty[len(listing.empty_folders):]:
        print(f"{visible(folder)}: {why}", file=out)
    print(  # (last: the line a script reads)
        f"{counts['imported']} imported, "
        + (f"{counts['updated']} updated, " if counts["updated"] else "")
        + f"{counts['unchanged']} unchanged, {counts['refused']} refused"
        + (f" ({entries} {'entry' if entries == 1 else 'entries'} of JSON files refused)"
           if entries else "")
        + f"; {created} new notes, {library.count()} in the library",
        file=out,
    )
    failed = counts["refused"] or entries or empty
    return PROBLEM if failed else OK


def _export(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if (args.tag or args.search) and args.format != "pdf":
        raise CommandError("--tag and --search choose the notes of a PDF (--format pdf)")
    if args.format in ("pdf", "html"):
        from notegui import publish_command  # (the PDF needs Qt: only when asked for)

        return publish_command.export(args, library, out)
    if args.format == "text" and not args.note:
        if args.output is None:
            raise CommandError("export --format text needs --note TITLE (one note), or -o "
                               "FOLDER (every question note)")
        return _export_texts(args, library, out)
    if args.format == "text":
        note = _find(library, args.note)
        text = library.export_text(note.title)
        _emit(text if text.endswith("\n") else text + "\n", args.output, out)
    elif args.format == "json":
        _emit(json_format.dumps(library.document()), args.output, out)
    elif args.format == "annotations-md":
        _emit(annotation_export.to_markdown(library.document().annotations), args.output, out)
    elif args.format == "annotations-w3c":
        annotations = library.document().annotations
        _emit(annotation_export.to_w3c(annotations, generator=f"notegui {__version__}"),
              args.output, out)
    else:
        if args.output is None:
            raise CommandError("export --format markdown needs -o FOLDER")
        document = library.document(attachments=True)
        files = markdown_vault.to_files(document)
        try:
            written = write_folder(args.output, files, force=args.force)
        except NeedsForce as refused:
            hint = ("choose an empty folder or an earlier export, or add --force (its other "
                    "files are left alone)" if refused.plan.others
                    else "add --force to replace them")
            raise CommandError(f"{refused}. {hint.capitalize()}") from None
        images = len(document.attachments)
        print(f"wrote {len(document.notes)} notes"
              + (f" and {images} image{'s' if images != 1 else ''}" if images else "")
              + f" to {visible(str(args.output))}", file=out)
        if written.written != len(files) or written.removed:
            print(f"({written.written} files new or changed, {written.kept} unchanged, "
                  f"{written.removed} of deleted or renamed notes removed)", file=out)
        for name in written.replaced:
            print(f"replaced {visible(name)} (not as notegui left it; --force)", file=out)
        for name in written.edited_kept:
            print(f"kept {visible(name)}: its note is gone, but it was edited since the "
                  "last export", file=out)
        if not written.atomic:
            print(f"(written file by file, not swapped in whole: {visible(written.why)})",
                  file=out)
    return OK


def _export_texts(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    """Every question note of the library's own as a .txt file in the folder (written as
    the markdown export is: whole, with a manifest); each note the format cannot hold
    refused by name, the rest written."""
    document = library.document()
    refused: list[tuple[str, str]] = []
    notes = []
    for note in document.notes:
        if note.is_stub:
            continue
        why = question_note.cannot_hold(note.title, note.path)
        if why:
            refused.append((note.path or note.title, why))
        else:
            notes.append(note)
    names = file_names((Named(n.title, n.created) for n in notes), ".txt")
    files = {names[title_key(n.title)]: question_note.write(
        n.title, n.description, n.body, n.sources) + "\n" for n in notes}
    for name, why in refused:
        print(f"refused {visible(name)}: {visible(why)}", file=out)
    if files:
        try:
            write_folder(args.output, files, force=args.force)
        except NeedsForce as needs:
            raise CommandError(f"{needs}. Choose an empty folder or an earlier export, or "
                               "add --force") from None
    stubs = sum(1 for note in document.notes if note.is_stub)
    print(f"wrote {len(files)} notes to {visible(str(args.output))}"
          + (f"; {len(refused)} refused (not question notes: export them as markdown or "
             "json)" if refused else "")
          + (f"; {stubs} stubs (no text of their own) left out" if stubs else ""), file=out)
    return PROBLEM if refused else OK


def _list(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    ordered = list(library.iter_refs())
    if args.json:
        rows = [_ref_json(r, {"title": r.title, "summary": r.summary, "stub": r.is_stub})
                for r in ordered]
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.writelines(f"{visible(ref.title)}{_place(ref)}\n" for ref in ordered)
    return OK


def _place(ref: NoteRef) -> str:
    """Where a note from a markdown folder lives, after its title, when another note has
    that title (as the window's list shows it)."""
    return f"  ({visible(ref.place)})" if ref.place else ""


def _ref_json(ref: NoteRef, row: dict[str, object]) -> dict[str, object]:
    """``row`` with the note's ``path`` when it has one (a note from a markdown folder;
    absent for the library's own notes, so scripts reading those see what they saw)."""
    if ref.path:
        row["path"] = ref.path
    return row


def _search(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    hits = library.search(" ".join(args.query), limit=args.limit) or []  # (None: cancelled)
    if args.json:
        rows = [
            _ref_json(h.note, {"title": h.note.title, "summary": h.note.summary,
                               "stub": h.note.is_stub, "snippet": h.snippet,
                               "score": h.score})
            for h in hits
        ]
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return OK
    for rank, hit in enumerate(hits, start=1):
        stub = " (stub)" if hit.note.is_stub else ""
        print(f"{rank}. {visible(hit.note.title)}{stub}{_place(hit.note)}\n"
              f"   {visible(hit.snippet)}", file=out)
    if not hits:
        print("no matches", file=out)
    return OK


def _show(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    note = _find(library, " ".join(args.title))
    sources = library.sources(note.id)
    if args.html:
        out.write(answer_html(library, note, sources=sources) + "\n")
        return OK
    backlinks = library.backlinks(note.id)
    if args.json:
        json.dump(
            {
                "title": note.title, "description": note.description,
                "summary": note.summary, "body": note.body, "stub": note.is_stub,
                "tags": list(note.tags), "created": note.created, "updated": note.updated,
                "sources": [{"title": s.target.title, "summary": s.summary,
                             "stub": s.target.is_stub} for s in sources],
                "cited_by": [{"title": b.source.title, "summary": b.summary}
                             for b in backlinks],
            },
            out, ensure_ascii=False, indent=1,
        )
        out.write("\n")
        return OK
    print(visible(note.title), file=out)
    if note.is_stub:
        print("(stub: cited by other notes, no text of its own yet)", file=out)
    if note.summary:
        print(f"Summary: {visible(note.summary)}", file=out)
    if note.tags:
        print("Tags: " + " ".join(visible(tag) for tag in note.tags), file=out)
    if note.description:
        print(f"\n{visible(note.description)}", file=out)
    if note.body:
        print(f"\n{visible_lines(body_to_text(note.body))}", file=out)
    if sources:
        print(f"\nSources ({len(sources)}):", file=out)
        for link in sources:
            stub = " (stub)" if link.target.is_stub else ""
            print(f"  {link.ordinal}. {visible(link.target.title)}{stub}", file=out)
            if link.summary:
                print(f"     {visible(link.summary)}", file=out)
    if backlinks:
        print(f"\nCited by ({len(backlinks)}):", file=out)
        for back in backlinks:
            print(f"  - {visible(back.source.title)}", file=out)
            if back.summary:
                print(f"     {visible(back.summary)}", file=out)
    return OK


def _check(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    health = library.health()
    if args.repair and not health.writable:
        raise CommandError(f"cannot repair: {health.refusal(library.path)}")
    if args.repair:
        library.repair_index()
        print("rebuilt the full-text index", file=out)
    problems = library.check()
    for problem in problems:
        print(f"problem: {visible(problem.what)}", file=out)
    if health.read_only and not health.damaged:
        print(f"note: the full-text index was not checked, and nothing can be repaired: "
              f"{visible(str(library.path))} is read-only ({visible(health.read_only)})",
              file=out)
    if problems:
        print(f"{len(problems)} problem(s) in {visible(str(library.path))}", file=out)
        if not health.writable:
            print("(it cannot be repaired where it is: it is open read-only)", file=out)
        return PROBLEM
    print(f"ok: {library.count()} notes; database, full-text index and links consistent",
          file=out)
    return OK


def _health(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    report = library.link_health()
    if args.json:
        json.dump(link_report.to_json(report), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        out.writelines(f"{visible(link_report.finding_line(finding))}\n"
                       for finding in link_report.findings(report))
        print(report.summary(), file=out)
    return PROBLEM if report.total else OK


# -- helpers -------------------------------------------------------------------------------


def _find(library: Library, title: str) -> Note:
    note = library.find(title)
    if note is not None:
        return note
    guesses = [hit.note.title for hit in library.search(title, limit=3) or []]
    hint = ("; did you mean: " + " | ".join(guesses)) if guesses else ""
    raise CommandError(f"no note titled {title!r}{hint}")  # (main() makes it visible)


def _emit(text: str, path: Path | None, out: TextIO) -> None:
    if path is None:
        out.write(text)
    else:
        write_atomically(path, text)
