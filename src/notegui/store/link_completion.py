"""What the note editor's ``[[`` completion offers, and what choosing one writes (no Qt).

A note of the library's own (path '') cites by title: it is offered the library's own
notes by title (``search.search_titles``), never a vault's note (a citation names a
title of the library's own; a vault note's title would make a stub).

A vault note links by Obsidian's rules (``core.vault.resolve``): it is offered the notes
of its own vault whose title or file name matches what was typed, each with the shortest
link text that leads back to that note from this one: its file name without ``.md``,
else its path with one more folder at a time (``b/Index``, then ``notes/b/Index``), else
its path with its suffix, else its path from this note's folder (``../Index``). Each
text is checked with ``vault_links.resolve_refs``, which saving the note uses, never
guessed; a note no text leads to is not offered. Then the library's own notes by title,
those whose title this vault's rules would send to another note (a file or an alias of
that name) left out.

It runs at every keystroke, in vaults of 100,000 notes: each look-up goes through an
index (the title's, the file name's, the titles' full-text index, the path's), none
reads the vault.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from peewee import SqliteDatabase

from notegui.core.domain import LinkCompletion, NoteRef, title_key
from notegui.core.import_listing import markdown_stem
from notegui.core.search_query import parse_query
from notegui.core.title_match import fold, match_tier
from notegui.core.vault.links import scan
from notegui.core.vault.model import LinkRef
from notegui.store import search
from notegui.store.vault_links import resolve_refs

_LAST_CHAR = "\U0010ffff"  # above every character: key + it bounds the keys starting key
# ``+n.path``: the vault's range is a filter, never the index walked (a vault of 100,000
# notes is all of it); the title's, the file name's or the full-text index leads.
_IN_VAULT = f"+n.path >= ? AND +n.path < ? AND {search.IN_LIBRARY}"
_TITLE_STARTS = ("SELECT n.id FROM note AS n WHERE n.title_key >= ? AND n.title_key < ? "
                 f"AND {_IN_VAULT} ORDER BY n.title_key LIMIT ?")
_NAME_STARTS = ("SELECT n.id FROM note_file AS f CROSS JOIN note AS n ON n.id = f.note_id "
                f"WHERE f.name_key >= ? AND f.name_key < ? AND {_IN_VAULT} "
                "ORDER BY f.name_key LIMIT ?")
_PATH_STARTS = ("SELECT n.id FROM note AS n WHERE n.path >= ? AND n.path < ? "
                f"AND n.path != '' AND {search.IN_LIBRARY} ORDER BY n.path LIMIT ?")
_REFS = f"SELECT {search.REF_COLUMNS} FROM note WHERE id IN ({{}})"


def link_completions(database: SqliteDatabase, source_path: str, typed: str,
                     limit: int) -> list[LinkCompletion]:
    """At most ``limit`` offers for ``typed`` (after ``[[``) in the note at
    ``source_path`` ('': a note of the library's own), best first."""
    if not source_path:
        return [LinkCompletion(ref.title, ref.title, ref.id)
                for ref in search.search_titles(database, typed, limit, own_only=True)]
    connection = database.connection()
    offers = _vault_offers(database, source_path, typed, limit)
    if len(offers) < limit:
        own = search.search_titles(database, typed, limit, own_only=True)
        offers += _own_offers(connection, source_path, own)[:limit - len(offers)]
    return offers


def _vault_offers(database: SqliteDatabase, source_path: str, typed: str,
                  limit: int) -> list[LinkCompletion]:
    """The notes of the source's vault that match ``typed``, each with its link text."""
    refs = _vault_matches(database, source_path, typed, limit)
    texts = shortest_links(database.connection(), source_path, refs)
    return [LinkCompletion(_shown(ref, texts[ref.id]), texts[ref.id], ref.id)
            for ref in refs if ref.id in texts]


def _shown(ref: NoteRef, link: str) -> str:
    """The title (with its place when shared), and the file the link names when the
    title is not that file's name (a front matter's title): what was typed may be it."""
    if title_key(markdown_stem(link.rpartition("/")[2])) == title_key(ref.title):
        return ref.title_with_place
    return f"{ref.title_with_place} → {link}"


def _vault_matches(database: SqliteDatabase, source_path: str, typed: str,
                   limit: int) -> list[NoteRef]:
    """The vault's notes whose title or file name starts with ``typed``, whose title has
    its words (each as a prefix), or (typed with a ``/``) whose path starts with it; best
    first as ``rank_titles`` ranks titles, by the better of title and file name."""
    key = title_key(typed).encode("utf-8", "ignore").decode("utf-8")  # (no lone surrogate)
    if not key:
        return []
    vault = source_path.partition("/")[0]
    scope: list[object] = [f"{vault}/", f"{vault}0"]  # ("0" follows "/": every path of the vault)
    ids: list[int] = []
    for statement in (_TITLE_STARTS, _NAME_STARTS):
        ids += [row[0] for row in database.execute_sql(
            statement, [key, key + _LAST_CHAR, *scope, limit])]
    if "/" in typed:
        written = f"{vault}/{typed.strip().lstrip('/')}"
        ids += [row[0] for row in database.execute_sql(
            _PATH_STARTS, [written, written + _LAST_CHAR, limit])]
    query = parse_query(typed)
    if query.words:
        words = " ".join(f'"{word}"*' for word in query.words)
        ids += search.matching_titles(database, words, _IN_VAULT, scope, limit)
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    found = {row[0]: search.ref_from_row(row) for row in database.execute_sql(
        _REFS.format(",".join("?" * len(ids))), ids)}
    refs = [found[note_id] for note_id in ids if note_id in found]
    folded = fold(typed)
    tiers = {ref.id: min(match_tier(folded, ref.title),
                         match_tier(folded, markdown_stem(ref.path.rpartition("/")[2])))
             for ref in refs}
    return sorted(refs, key=lambda ref: tiers[ref.id])[:limit]


def _candidates(source_path: str, path: str) -> list[str]:
    """Link texts that may lead to the note at ``path`` from the note at ``source_path``,
    shortest first: its file name without its suffix, then its path with one more folder
    at a time, then (a suffix other than ``.md``, which a link without one does not find)
    its whole path; last, its path from the source's folder (``../Index``: a note of the
    source's folder takes the bare name, and the root's path is that bare name)."""
    inside = path.partition("/")[2]
    segments = markdown_stem(inside).split("/")
    texts = ["/".join(segments[-count:]) for count in range(1, len(segments) + 1)]
    if inside not in texts and not inside.lower().endswith(".md"):
        texts.append(inside)
    folder = source_path.partition("/")[2].split("/")[:-1]
    common = 0
    while (common < min(len(folder), len(segments) - 1)
           and folder[common] == segments[common]):
        common += 1
    if common < len(folder):
        texts.append("../" * (len(folder) - common) + "/".join(segments[common:]))
    return texts


def _written(text: str) -> LinkRef | None:
    """The link ``[[text]]`` reads as, when it names ``text`` and nothing else (a ``#``,
    ``|`` or ``]]`` in a name makes it another link)."""
    refs, _tags = scan(f"[[{text}]]")
    if len(refs) != 1:
        return None
    ref = refs[0]
    if ref.target != text or ref.heading or ref.block or ref.shown or ref.embed:
        return None
    return ref


def shortest_links(connection: sqlite3.Connection, source_path: str,
                   refs: Sequence[NoteRef]) -> dict[int, str]:
    """note id -> the shortest link text that leads to it from the note at
    ``source_path``, as resolved when that note is saved; a note none leads to is left
    out. One round of look-ups for each length tried, all notes at once."""
    pending = {ref.id: _candidates(source_path, ref.path) for ref in refs}
    found: dict[int, str] = {}
    while pending:
        trying = {note_id: texts[0] for note_id, texts in pending.items()}
        links = {text: _written(text) for text in set(trying.values())}
        targets = resolve_refs(connection, source_path,
                               [ref for ref in links.values() if ref is not None])
        for note_id, text in trying.items():
            ref = links[text]
            target = targets.get((ref.target.strip(), ref.markdown)) if ref else None
            if target is not None and target.note is not None and target.note.id == note_id:
                found[note_id] = text
                del pending[note_id]
            elif len(pending[note_id]) > 1:
                pending[note_id] = pending[note_id][1:]
            else:
                del pending[note_id]
    return found


def _own_offers(connection: sqlite3.Connection, source_path: str,
                own: Sequence[NoteRef]) -> list[LinkCompletion]:
    """The library's own notes ``own``, by title, those whose ``[[title]]`` from the note
    at ``source_path`` leads to them (not to a note or an alias of the vault)."""
    links = {ref.id: _written(ref.title) for ref in own}
    targets = resolve_refs(connection, source_path,
                           [link for link in links.values() if link is not None])
    offers = []
    for ref in own:
        link = links[ref.id]
        target = targets.get((link.target.strip(), link.markdown)) if link else None
        if target is not None and target.note is not None and target.note.id == ref.id:
            offers.append(LinkCompletion(ref.title, ref.title, ref.id))
    return offers
