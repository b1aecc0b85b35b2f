"""``notegui export --format pdf|html``: which notes, where, and what was written.

The PDF is laid out by Qt (``publish/pdf.py``), imported here only when a PDF is asked
for, so the other commands never load Qt."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from notegui.core.errors import ExportError
from notegui.core.ports import Library
from notegui.core.visible_text import visible

# A PDF of more notes than this is refused: it would take minutes and hundreds of MB; the
# web site (--format html) is the way to publish a whole library.
MAX_PDF_NOTES = 2000


class PublishError(ExportError):
    """What the user asked for cannot be published; the message says why."""


def export(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    if args.output is None:
        raise PublishError(f"export --format {args.format} needs -o "
                           + ("FILE.pdf" if args.format == "pdf" else "FOLDER"))
    if args.format == "html":
        if args.note:
            raise PublishError("the web site is the whole library: --note is for one note "
                               "as text or pdf")
        return _html(args.output, library, out)
    return _pdf(args, library, out)


def _html(folder: Path, library: Library, out: TextIO) -> int:
    from notegui.publish.site import write_site

    if not folder.is_dir() and folder.suffix.lower() in (".htm", ".html"):
        raise PublishError(f"{visible(str(folder))}: the site is a folder of pages; give a "
                           "folder (-o FOLDER)")
    written = write_site(library, folder)
    print(f"wrote {written.notes} notes to {visible(str(folder))} "
          f"({written.index_pages} index page{'s' if written.index_pages != 1 else ''}, "
          f"{written.shards} search index file{'s' if written.shards != 1 else ''}"
          + (f", {written.images} image{'s' if written.images != 1 else ''}"
             if written.images else "")
          + f"); open {visible(str(folder / 'index.html'))}", file=out)
    return 0


def _pdf(args: argparse.Namespace, library: Library, out: TextIO) -> int:
    chosen = [name for name in ("note", "tag", "search") if getattr(args, name)]
    if len(chosen) != 1:
        raise PublishError("export --format pdf needs one of --note TITLE, --tag TAG or "
                           "--search QUERY")
    path: Path = args.output
    if path.is_dir():
        raise PublishError(f"{visible(str(path))} is a folder: give a file name "
                           "(-o FILE.pdf)")
    if not path.absolute().parent.is_dir():
        raise PublishError(f"{visible(str(path.absolute().parent))} does not exist: make "
                           "it first, or choose another folder")
    ids = _chosen_notes(args, library)
    from notegui.publish.pdf import write_pdf  # (Qt, only now)

    if args.note:
        title = ""
    elif args.tag:
        title = f"Notes tagged #{args.tag}"
    else:
        title = f"Notes found by \u201c{args.search}\u201d"
    written = write_pdf(library, ids, path, title)
    print(f"wrote {len(ids)} note{'s' if len(ids) != 1 else ''} on {written.pages} "
          f"page{'s' if written.pages != 1 else ''} to {visible(str(path))}", file=out)
    return 0


def _chosen_notes(args: argparse.Namespace, library: Library) -> list[int]:
    if args.note:
        note = library.find(args.note)
        if note is None:
            guesses = [hit.note.title for hit in library.search(args.note, limit=3) or []]
            hint = ("; did you mean: " + " | ".join(guesses)) if guesses else ""
            raise PublishError(f"no note titled {args.note!r}{hint}")
        return [note.id]
    query = f"tag:{args.tag}" if args.tag else args.search
    what = f"tag {args.tag!r}" if args.tag else f"search {args.search!r}"
    if args.tag and (" " in args.tag or not args.tag.strip()):
        raise PublishError(f"--tag {args.tag!r}: a tag is one word")
    hits = library.search(query, limit=MAX_PDF_NOTES + 1) or []
    if not hits:
        raise PublishError(f"no notes for the {what}: nothing written")
    if len(hits) > MAX_PDF_NOTES:
        raise PublishError(f"the {what} finds more than {MAX_PDF_NOTES} notes: narrow it, "
                           "or publish the library as a web site (--format html)")
    refs = [hit.note for hit in hits]
    if args.tag:  # (a tag's notes as a book's chapters: in title order)
        refs.sort(key=lambda ref: (ref.title.casefold(), ref.id))
    return [ref.id for ref in refs]
