"""A stored note body -> an HTML fragment that is safe to hand to ``QTextBrowser.setHtml``.

Pure Python: the standard library, ``markdown-it-py`` (+ ``mdit-py-plugins``) and
``pygments``. Nothing is imported or built at import time: the parser (one per thread,
``render_syntax.build``) is made on first use and reused.

Two flavours (``render_body``'s ``flavour``): a question note (its citations, as
``question_note.split_citations`` finds them, link to ``note:ID``; every line is its own
paragraph, ``paragraphs``) and plain markdown (CommonMark as written, Obsidian's
``[[wikilinks]]`` parsed). How a body becomes HTML:

1. A question note: ``_source`` turns the stored body back into the markdown that was
   written. Each citation becomes one private-use marker character, and the rest of the
   text loses its bracket escaping (``[\\[`` -> ``[[``), so a literal ``[[`` is plain
   markdown again. Fences are read the way ``question_note`` reads them (citations inside
   are literal ``[[Title]]`` again; the info string cut to a bare language name Pygments
   knows). A markdown note: its lines as written (``_markdown_lines``). Either way,
   container nesting is capped (``_cap_nesting``) and the cost estimated.
2. markdown-it-py with raw HTML off (it is escaped text) and the syntax of
   ``render_syntax``; a last core rule turns markers into ``note:ID`` links (code spans
   and blocks keep theirs, written back as the literal ``[[Title]]`` at the end) and checks
   every token: known tags and attributes only, link targets only ``note:``,
   ``http(s):``, ``mailto:``, ``tag:`` and ``#fragment``, every image replaced by a text
   placeholder (nothing is ever loaded).

markdown-it-py is linear on the pathological inputs Python-Markdown was quadratic on, but
still costs about 10 us per character that can start an inline construct; Qt's
QTextDocument then costs about 250 us per table cell and, with the style sheet, grows with
the square of the element nesting depth. So a body whose estimated cost is over ``_BUDGET``
(about 0.3 s), or whose HTML nests deeper than ``_MAX_DEPTH`` or holds more than
``_MAX_CELLS`` table cells, is shown as escaped text instead (citations still linked,
code in ``<pre>``) under a notice saying why: see ``_markdown_source``, ``_too_heavy`` and
``_render_plain``.
"""

from __future__ import annotations

import html
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from notegui.core.domain import Note, NoteRef, VaultLinks
from notegui.core.formats.question_note import split_citations, unescape_brackets

log = logging.getLogger(__name__)

Resolver = Callable[[str], NoteRef | None]

__all__ = [
    "MARKDOWN", "QUESTION_NOTE", "Embedder", "Flavour", "Resolver", "VaultPage", "paragraphs",
    "pygments_css", "render_body", "render_inline", "render_note_html",
]

# -- constants ----------------------------------------------------------------------------

# The colours a callout's title can take (render_syntax maps each type to one).
CALLOUT_COLOURS = ("blue", "cyan", "green", "yellow", "orange", "red", "purple", "grey")

# Pygments styles for code ("github-dark" exists since Pygments 2.14).
LIGHT_STYLE = "default"
DARK_STYLE = "github-dark"

# One marker character per citation, from Unicode plane 15 (supplementary private use A).
# Any plane 15/16 character already in a note is replaced by U+FFFD, so a marker is ours;
# STX/ETX are replaced too (Python-Markdown's placeholders once; kept out all the same).
_MARKER_BASE = 0xF0000
_MARKER_LIMIT = 0xFFFFD - _MARKER_BASE
_MARKER = re.compile("[\U000f0000-\U000ffffd]")
_RESERVED = re.compile("[\x02\x03\U000f0000-\U0010ffff]")

# The parser recurses once per nested list / blockquote level (Python-Markdown raised
# RecursionError at 500 levels; markdown-it-py stops nesting at 20), and nested containers
# cost more than linearly, in QTextDocument too. So, outside fenced code, leading white
# space is cut to _MAX_INDENT columns and a line's run of container markers ("> ", "- ",
# "1. " ...) to _MAX_MARKERS before rendering. Deeper structure is flattened into the
# deepest level allowed; no text is dropped. (paragraphs() caps its own blockquote
# recursion at _MAX_QUOTE_RECURSION, for exporters that do not cap first.)
_MAX_INDENT = 24
_MAX_MARKERS = 8
_LEADING_SPACE = re.compile(r"[ \t]+")
_CONTAINER_RUN = re.compile(r"(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}\.)(?=[ \t])))+")
_CONTAINER_MARKER = re.compile(r">|[-*+](?=[ \t])|\d{1,9}\.(?=[ \t])")

# The render cost model, in microseconds measured on the design machine (Python 3.11,
# Markdown 3.11): plain prose ~0.2 us/char; each character that can start an inline
# construct up to ~10 us (emphasis, escapes, code spans, links); ~50 us per paragraph;
# ~25 us per container marker; ~30 us per citation; ~150 us per footnote; ~100 us per
# fenced block (with the cached formatter below); ~30 us per emphasis marker when they
# nest. A table cell costs ~45 us in markdown
# and ~250 us more in QTextDocument (a 300 x 200 table took 40 s to show); an indented
# code line ~20 us.
_BUDGET = 300_000
_SIGNIFICANT = re.compile(r"[*_`\\\[\]()<>&!#=$%~:@]")
_TAG_COST = 30  # on top of the 10 above: a "#" may make a tag link (three tokens)
_AUTOLINK_COST = 60  # a bare web or mail address made a link (10,000 took 0.65 s)
_AUTOLINK = re.compile(r"://|@|www\.")
_FOOTNOTE_COST = 150
_CITATION_COST = 30
_FENCE_COST = 100
_CELL_COST = 300
_EMPHASIS_COST = 20  # on top of the 10 above: nested emphasis costs ~27 us a marker
_CODE_LINE_COST = 20

# QTextDocument with the answer's style sheet costs ~0.85 us x depth^2 for elements nested
# depth deep (2,500 nested <strong> from "*" * 5,000 took 6 s to show). Nesting beyond
# _MAX_DEPTH elements is only made by runs of emphasis markers (containers and brackets are
# capped below that): the note is then shown as escaped text. So is HTML with more than
# _MAX_CELLS table cells (~250 us each there).
_MAX_DEPTH = 40
_EMBEDDED_ANCHOR = re.compile(r'<(h[1-6]) id="[^"]*">')
_EMPTY_ANCHOR = re.compile(r'<a id="[^"]*"></a>')
FAILED_NOTICE = "This note could not be formatted, so it is shown as plain text."
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_VOID_TAGS = frozenset({"br", "hr", "img"})
_CELL_TAGS = frozenset({"td", "th"})
_MAX_CELLS = _BUDGET // 250

NOTICE = ("This note is too large or too deeply nested to format quickly, so it is shown "
          "as plain text.")

# A fenced block longer than this is shown without highlighting.
_MAX_HIGHLIGHT_CHARS = 100_000

_PROSE, _DELIMITER, _CODE_LINE = 0, 1, 2

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_MATH_OPEN = re.compile(r"^ {0,3}\$\$")
_LANGUAGE = re.compile(r"[\w#+.-]+")

_BLANK = "blank"
_PARA = "para"
_BULLETS = "bullets"
_NUMBERS = "numbers"
_TABLE = "table"
_QUOTE = "quote"
_CODE = "code"
_FOOTNOTE = "footnote"
_FENCE = "fence"
_LISTS = frozenset({_BULLETS, _NUMBERS})
_JOINING = frozenset({_BULLETS, _NUMBERS, _TABLE, _CODE, _FOOTNOTE, _QUOTE})
_CONTINUED = frozenset({_BULLETS, _NUMBERS, _FOOTNOTE})

_LIST_ITEM = re.compile(r"^ {0,3}(?:([-*+])|\d+\.)[ \t]+")
_QUOTE_LINE = re.compile(r"^ {0,3}>")
_QUOTE_PREFIX = re.compile(r"^ {0,3}> ?")
_TABLE_ROW = re.compile(r"^ {0,3}\|")
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^[^\]]+\]:")
_MAX_QUOTE_RECURSION = 32

# Note ids are SQLite integers: a note: link to anything larger (or 0) is no link at all
# (render_syntax.url_ok checks it; the answer pane reads it from here).
MAX_NOTE_ID = 2**63 - 1

# Block syntax that a one-line description must not start (it is rendered inline): a
# heading, quote, list item, rule, or footnote / reference definition.
_BLOCK_START = re.compile(r"#{1,6}(?:\s|$)|>|[-*+]\s|\[[^\]]*\]:|([-*_])(?:\s*\1){2,}\s*$")
_NUMBERED = re.compile(r"(\d+)\.(?=\s)")


# -- paragraphs -------------------------------------------------------------------------------


def paragraphs(body: str) -> str:
    """Markdown for a body in the question-note format, where every line is a paragraph.

    Blank lines are added between blocks: each ordinary line becomes its own paragraph,
    while the lines of one list (``-``, ``*``, ``+``, ``1.``), table, blockquote, footnote
    definition, indented code block or fenced code block stay together. Inside a
    blockquote every line is again its own paragraph (``> a`` / ``> b`` gives two
    paragraphs in one quote). Blank lines already there are kept; nothing else changes.
    Pure, so any exporter can use it.
    """
    if plain_lines(body):  # (most bodies: their blocks are all paragraphs)
        return body.replace("\n", "\n\n")
    return "\n".join(line for line, _kind in _blocks(body.split("\n"), 0))


def plain_lines(body: str) -> bool:
    """Whether every line of ``body`` is a paragraph of its own, as the text says: each
    starts with a letter and no line holds a pipe, so none can open a list, quote, table,
    fence, code block or footnote. (Asked of every note a sync or an export writes: str
    methods, ten times faster than a regular expression over the body.)"""
    return "|" not in body and all(line[:1].isalpha() for line in body.split("\n"))


def _fence_closes(line: str, fence: str) -> bool:
    # As question_note reads fences, so citations and rendering agree on what is code.
    stripped = line.strip()
    return stripped.startswith(fence) and not stripped.strip(fence[0])


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _is_header_rule(line: str, previous: str, last_line: str) -> bool:
    """The rule under a table's header row, when that row has no leading pipe."""
    return (previous == _PARA and "|" in line and "|" in last_line
            and _TABLE_RULE.match(line) is not None)


def _line_kind(line: str, previous: str, last_block: str, last_line: str) -> str:
    """The block a line belongs to, given the kind of the line before it (``previous``,
    perhaps blank) and of the last non-blank line (``last_block``)."""
    if not line.strip():
        return _BLANK
    if _FENCE_OPEN.match(line):
        return _FENCE
    if _QUOTE_LINE.match(line):
        return _QUOTE
    if _FOOTNOTE_DEF.match(line):
        return _FOOTNOTE
    item = _LIST_ITEM.match(line)
    if item:
        if line[0] in " \t" and previous in _LISTS:
            return previous  # an indented item: nested, or still the same list
        # A bulleted list right after a numbered one (or the reverse) is a new list.
        return _BULLETS if item.group(1) else _NUMBERS
    if _TABLE_ROW.match(line) or (previous == _TABLE and "|" in line):
        return _TABLE
    if _is_header_rule(line, previous, last_line):
        return _TABLE
    if line[0] in " \t" and previous in _CONTINUED:
        return previous  # the continuation of a list item or footnote
    if _indent_width(line) >= 4:
        if previous == _BLANK and last_block in _CONTINUED:
            return last_block  # a further paragraph of the item
        return _CODE
    return _PARA


def _blocks(lines: list[str], depth: int) -> list[tuple[str, str]]:
    """The lines of ``paragraphs`` with blank lines added, each with its block kind (for a
    quoted line, the kind inside the quote; fence lines and fenced code are ``_FENCE``)."""
    out: list[tuple[str, str]] = []
    previous = last_block = _BLANK
    fence: str | None = None
    math = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if fence is not None:
            out.append((line, _FENCE))
            if _fence_closes(line, fence):
                fence = None
            continue
        if math or _MATH_OPEN.match(line):
            # A $$ math block stays one block, as a fence does.
            stripped = line.strip()
            if not math and previous != _BLANK:
                out.append(("", _BLANK))
            math = (stripped == "$$" or not stripped.endswith("$$")) if not math else (
                not stripped.endswith("$$"))
            out.append((line, _FENCE))
            previous = last_block = _FENCE
            continue
        kind = _line_kind(line, previous, last_block, out[-1][0] if out else "")
        if kind == _BLANK:
            out.append((line, _BLANK))
            previous = _BLANK
            continue
        if kind == _QUOTE and depth < _MAX_QUOTE_RECURSION:
            # A quote holds a body of its own: one paragraph per line inside it too.
            quoted = [_QUOTE_PREFIX.sub("", line, count=1)]
            while index < len(lines) and _QUOTE_LINE.match(lines[index]):
                quoted.append(_QUOTE_PREFIX.sub("", lines[index], count=1))
                index += 1
            if previous != _BLANK:
                out.append(("", _BLANK))
            out.extend((f"> {inner}" if inner else ">", inner_kind)
                       for inner, inner_kind in _blocks(quoted, depth + 1))
            previous = last_block = _QUOTE
            continue
        joins = kind == previous and kind in _JOINING
        if kind == _TABLE and _is_header_rule(line, previous, out[-1][0] if out else ""):
            joins = True  # a header row that read as a paragraph, then its rule
        if not joins and previous != _BLANK:
            out.append(("", _BLANK))
        if kind == _FENCE:
            opening = _FENCE_OPEN.match(line)
            assert opening is not None
            fence = opening.group(1)
        out.append((line, kind))
        previous = last_block = kind
    return out


# -- from the stored body to markdown ----------------------------------------------------------


@dataclass
class _Source:
    """A stored body made ready: lines with citation markers, and which lines are code."""

    titles: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    fenced: list[int] = field(default_factory=list)  # _PROSE, _DELIMITER or _CODE_LINE
    fences: int = 0
    code_chars: int = 0


_languages: frozenset[str] | None = None


def _known_language(name: str) -> bool:
    global _languages
    if _languages is None:
        from pygments.lexers import get_all_lexers

        _languages = frozenset(alias.lower() for _name, aliases, *_rest in
                               get_all_lexers(plugins=False) for alias in aliases)
    return name.lower() in _languages


def _source(body: str) -> _Source:
    source = _Source()
    titles = source.titles
    pieces: list[str] = []
    for piece, is_citation in split_citations(_RESERVED.sub("\ufffd", body)):
        if not is_citation:
            pieces.append(unescape_brackets(piece))
        elif len(titles) < _MARKER_LIMIT:
            pieces.append(chr(_MARKER_BASE + len(titles)))
            titles.append(piece)
        else:
            pieces.append(f"[[{piece}]]")

    def literal(match: re.Match[str]) -> str:
        return f"[[{titles[ord(match.group(0)) - _MARKER_BASE]}]]"

    lines = "".join(pieces).split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        opening = _FENCE_OPEN.match(line)
        if opening is None:
            source.lines.append(line)
            source.fenced.append(_PROSE)
            continue
        fence, info = opening.group(1), opening.group(2)
        indent = len(line) - len(line.lstrip(" "))
        code: list[str] = []
        while index < len(lines) and not _fence_closes(lines[index], fence):
            text = lines[index]
            strip = min(indent, len(text) - len(text.lstrip(" ")))
            code.append(_MARKER.sub(literal, text[strip:]))
            index += 1
        index += 1  # the closing fence, or the end of the body
        size = sum(len(text) for text in code)
        language = _LANGUAGE.match(info.strip().lstrip("{."))
        name = language.group(0) if language else ""
        if size > _MAX_HIGHLIGHT_CHARS or fence[0] in name or not (name and
                                                                    _known_language(name)):
            name = ""
        source.lines.extend([fence + name, *code, fence])
        source.fenced.extend([_DELIMITER, *[_CODE_LINE] * len(code), _DELIMITER])
        source.fences += 1
        source.code_chars += size
    return source


def _cap_nesting(line: str) -> str:
    """A line with its leading indentation and run of container markers cut to the caps."""
    lead = _LEADING_SPACE.match(line)
    if lead and _indent_width(lead.group(0)) > _MAX_INDENT:
        line = " " * _MAX_INDENT + line[lead.end():]
    run = _CONTAINER_RUN.match(line)
    if run is None:
        return line
    markers = list(_CONTAINER_MARKER.finditer(run.group(0)))
    if len(markers) <= _MAX_MARKERS:
        return line
    return line[: markers[_MAX_MARKERS - 1].end()] + line[run.end():]


def _markdown_lines(body: str) -> _Source:
    """A markdown note's lines as written (no citations, fences left to the parser), with
    which lines are fenced code, so that the caps and the cost leave code alone."""
    source = _Source()
    fence: str | None = None
    for line in _RESERVED.sub("\ufffd", body).split("\n"):
        source.lines.append(line)
        if fence is not None:
            closes = _fence_closes(line, fence)
            source.fenced.append(_DELIMITER if closes else _CODE_LINE)
            source.code_chars += 0 if closes else len(line)
            fence = None if closes else fence
            continue
        opening = _FENCE_OPEN.match(line)
        if opening is not None:
            fence = opening.group(1)
            source.fences += 1
        source.fenced.append(_PROSE if opening is None else _DELIMITER)
    return source


def _markdown_source(source: _Source, question: bool) -> tuple[str, int]:
    """The markdown text to convert, and its estimated cost (see _BUDGET). A question
    note's lines are each a paragraph (``paragraphs``); a markdown note's are as written."""
    lines: list[str] = []
    cost = _FENCE_COST * source.fences + source.code_chars // 5
    capped = [line if fenced else _cap_nesting(line)
              for line, fenced in zip(source.lines, source.fenced, strict=True)]
    blocks = (_blocks(capped, 0) if question else
              [(line, _FENCE if fenced else _PARA)
               for line, fenced in zip(capped, source.fenced, strict=True)])
    for line, kind in blocks:
        if kind == _CODE:
            cost += _CODE_LINE_COST + len(line) // 5
            if cost > _BUDGET:
                return "", cost
        if kind in (_FENCE, _CODE, _BLANK):
            lines.append(line)
            continue
        # Every "|" may be a table cell: a table can be inside a list item or a quote.
        cost += 50 + len(line) // 5 + _CELL_COST * line.count("|")
        if cost > _BUDGET:
            return "", cost
        cost += 10 * len(_SIGNIFICANT.findall(line)) + _EMPHASIS_COST * (
            line.count("*") + line.count("_")) + _TAG_COST * line.count("#") + (
            _AUTOLINK_COST * len(_AUTOLINK.findall(line)))
        if source.titles:
            cost += _CITATION_COST * len(_MARKER.findall(line))
        if cost > _BUDGET:
            return "", cost
        if kind == _FOOTNOTE:
            cost += _FOOTNOTE_COST
        if kind in _LISTS or kind == _QUOTE:
            run = _CONTAINER_RUN.match(line)
            cost += 25 * len(_CONTAINER_MARKER.findall(run.group(0))) if run else 0
        lines.append(line)
    return "\n".join(lines), cost


# -- the parser ----------------------------------------------------------------------------------

_local = threading.local()


def _parser() -> Any:
    md = getattr(_local, "md", None)
    if md is None:
        # Imported here, not at module level: markdown-it, its plugins and Pygments cost
        # tens of ms to import, which the app's start need not pay before a note is shown.
        from notegui.core import render_syntax

        md = _local.md = render_syntax.build(_highlight)
    return md


_formatter: Any = None


def _highlight(code: str, language: str) -> str:
    """A code block: Pygments' classes for a language it knows (short of
    _MAX_HIGHLIGHT_CHARS), else escaped text, in the one wrapper the style sheet styles."""
    global _formatter
    if language and len(code) <= _MAX_HIGHLIGHT_CHARS and _known_language(language):
        import pygments
        from pygments.formatters.html import HtmlFormatter
        from pygments.lexers import get_lexer_by_name

        if _formatter is None:
            # One formatter for every block: building one (its style sheet) is 0.4 ms.
            _formatter = HtmlFormatter(cssclass="codehilite", wrapcode=True)
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=True)
        return str(pygments.highlight(code, lexer, _formatter))
    return f'<div class="codehilite"><pre><code>{html.escape(code)}</code></pre></div>\n'


def _convert(text: str, context: Any) -> str:
    return str(_parser().render(text, {"notegui": context}))


def _too_heavy(fragment: str) -> bool:
    """Whether ``fragment`` (HTML we generated) would be slow to show in QTextDocument: its
    elements nest deeper than _MAX_DEPTH, or it holds more than _MAX_CELLS table cells (a
    safety net under the estimate, which counts every "|" it sees)."""
    depth = cells = 0
    for match in _TAG.finditer(fragment):
        name = match.group(2).lower()
        if name in _VOID_TAGS:
            continue
        if match.group(1):
            depth -= 1
            continue
        depth += 1
        cells += name in _CELL_TAGS
        if depth > _MAX_DEPTH or cells > _MAX_CELLS:
            return True
    return False


def _render_plain(source: _Source, context: Any, notice: str) -> str:
    """Every line a paragraph of plain text (citations linked), fenced code in <pre>, under
    a notice saying why the note is not formatted."""
    parts = [f'<p class="render-notice">{html.escape(notice)}</p>']
    code: list[str] | None = None
    for line, fenced in zip(source.lines, source.fenced, strict=True):
        if fenced == _DELIMITER and code is None:
            code = []
        elif fenced == _DELIMITER and code is not None:
            parts.append("<pre>" + html.escape("\n".join(code)) + "</pre>")
            code = None
        elif code is not None:
            code.append(line)
        elif line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    return _MARKER.sub(context.citation_html, "\n".join(parts))


# -- public API ----------------------------------------------------------------------------------


Flavour = Literal["question-note", "markdown"]
QUESTION_NOTE: Flavour = "question-note"
MARKDOWN: Flavour = "markdown"
# A note's text, by title, for ``![[Title]]`` embeds (None: no such note).
Embedder = Callable[[str], str | None]


@dataclass(frozen=True)
class VaultPage:
    """What rendering a note read from a markdown folder needs beyond its text: where its
    links lead (``Library.vault_links``), and for ``![[note]]`` embeds a note's text with
    how to resolve the links of the part embedded (None: no text; without ``note_text``
    embeds are links)."""

    links: VaultLinks
    note_text: Callable[[int], tuple[str, Callable[[str], VaultLinks] | None] | None] | None \
        = None


def render_body(body: str, resolve: Resolver, dark: bool = False,
                flavour: Flavour = QUESTION_NOTE, embed: Embedder | None = None,
                vault: VaultPage | None = None) -> str:
    """The stored ``body`` as an HTML fragment for ``QTextBrowser.setHtml``.

    ``flavour`` says what the body is: ``QUESTION_NOTE`` (the question-note format: its
    citations, as ``question_note.split_citations`` reads them, link to ``note:ID``, and
    each line is a paragraph) or ``MARKDOWN`` (CommonMark as written; ``[[wikilinks]]``
    are parsed as Obsidian reads them). ``resolve(title)`` gives the cited note, or None:
    the title is then shown as missing (``<span class="missing">``); it is called once
    per distinct title. ``embed(title)`` gives a note's text for ``![[Title]]``: shown
    framed under a link, one level deep, size-capped; without it an embed is a link.
    ``dark`` changes nothing in the HTML today (all colours come from ``pygments_css``).
    ``vault`` (a markdown note read from a folder): its links lead where the library
    resolved them by Obsidian's rules, not by title; ``#Heading`` and ``#^block`` to
    that anchor; ``![[note#Heading]]`` embeds that section; images show the library's copy
    (``<img src="attachment:PATH">``); ``^block-id`` markers become anchors.
    """
    return _render(body, resolve, flavour, embed, nested=False,
                   vault=vault if flavour == MARKDOWN else None)


def _render(body: str, resolve: Resolver, flavour: Flavour, embed: Embedder | None,
            nested: bool, vault: VaultPage | None = None) -> str:
    from notegui.core.render_syntax import Context

    question = flavour == QUESTION_NOTE
    source = _source(body) if question else _markdown_lines(body)

    def render_embedded(text: str, links: VaultLinks | None = None) -> str:
        # (one level: an embedded note's own embeds are links)
        inner = VaultPage(links) if vault is not None and links is not None else None
        return _render(text, resolve, flavour, None, nested=True, vault=inner)

    context = Context(source.titles, resolve, embed if not nested else None,
                      render_embedded, wikilinks=not question, vault=vault)
    for title in source.titles:
        context.lookup(title)  # here, so that an error of the library's is simply raised
    text, cost = _markdown_source(source, question)
    if cost > _BUDGET:
        log.info("note body too costly to format (estimate %d us): shown as plain text", cost)
        return _render_plain(source, context, NOTICE)
    try:
        rendered = _convert(text, context)
    except Exception:  # a bug or a pathological input must not take the window down
        log.exception("could not render a note body; showing it as plain text")
        _local.md = None  # a parser that raised may be left half-way: rebuild it
        return _render_plain(source, context, FAILED_NOTICE)
    if _too_heavy(rendered):
        log.info("note body too costly to show formatted: shown as plain text")
        return _render_plain(source, context, NOTICE)
    # Pygments ends a block with a newline, which Qt shows as an empty last line.
    rendered = rendered.replace("\n</code></pre>", "</code></pre>").rstrip("\n")
    rendered = rendered.replace("<p></p>", "")  # around an embed that filled a paragraph
    if nested and vault is not None:
        # An embedded note's anchors are its own page's: here they would take the place
        # of this note's (a [[#Heading]] finds the first anchor of its name).
        rendered = _EMBEDDED_ANCHOR.sub(r"<\1>", _EMPTY_ANCHOR.sub("", rendered))
    if not source.titles:
        return rendered
    # A marker still here was in code (or an attribute): show it as written.
    return _MARKER.sub(lambda m: html.escape(f"[[{context.title(m.group(0))}]]"), rendered)


def render_inline(text: str) -> str:
    """One line of markdown (a description) as inline HTML: emphasis, code, links, never a
    heading, list or other block, and never a citation."""
    line = _RESERVED.sub("\ufffd", " ".join(text.split()))
    if not line:
        return ""
    if _BLOCK_START.match(line):
        line = "\\" + line
    elif _NUMBERED.match(line):
        line = _NUMBERED.sub(r"\1\\.", line, count=1)
    if len(line) // 5 + 10 * len(_SIGNIFICANT.findall(line)) + _EMPHASIS_COST * (
            line.count("*") + line.count("_")) > _BUDGET:
        return html.escape(text)
    try:
        rendered = _convert(line, None).rstrip("\n")
    except Exception:
        log.exception("could not render a description; showing it as plain text")
        _local.md = None
        return html.escape(text)
    if rendered.startswith("<p>") and rendered.endswith("</p>") and not _too_heavy(rendered):
        return rendered[3:-4]
    return html.escape(text)


STUB_LINE = "A stub: other notes cite this question, but it has no text of its own yet."


def render_note_html(note: Note, resolve: Resolver, dark: bool = False,
                     stub_line: str = STUB_LINE, flavour: Flavour = QUESTION_NOTE,
                     embed: Embedder | None = None, vault: VaultPage | None = None) -> str:
    """The answer pane: the title (``<h1 class="title">``, larger than a body heading),
    the description (``p.description``, inline markdown), then the rendered body. A stub
    shows its summary as the description and ``stub_line`` (``p.stub-note``: by default,
    that it has no text of its own yet; the editor's preview says what it will show
    instead)."""
    parts = [f'<h1 class="title">{html.escape(note.title)}</h1>']
    description = note.description or (note.summary if note.is_stub else "")
    if description:
        parts.append(f'<p class="description">{render_inline(description)}</p>')
    if note.is_stub and stub_line:
        parts.append(f'<p class="stub-note">{html.escape(stub_line)}</p>')
    if note.body:
        parts.append(render_body(note.body, resolve, dark, flavour, embed, vault))
    return "\n".join(parts)


def pygments_css(dark: bool) -> str:
    """The style sheet for ``QTextDocument.setDefaultStyleSheet``: Pygments' rules for
    ``.codehilite`` and rules for the note's own elements, in the CSS subset that
    QTextDocument reads (colours, font style and weight, margins, padding, table borders)."""
    from pygments.formatters.html import HtmlFormatter
    from pygments.styles import get_style_by_name

    style = get_style_by_name(DARK_STYLE if dark else LIGHT_STYLE)
    code = style.background_color or ("#0d1117" if dark else "#f8f8f8")
    if dark:
        c = {"text": "#e6edf3", "link": "#58a6ff", "stub": "#8b949e", "missing": "#f0883e",
             "muted": "#9198a1", "border": "#3d444d", "inline": "#2d333b",
             "highlight": "#5c4a00", "math": "#d2a8ff"}
        palette = ("#58a6ff", "#39c5cf", "#3fb950", "#d29922", "#f0883e", "#f85149",
                   "#bc8cff", "#9198a1")
    else:
        c = {"text": "#1f2328", "link": "#0969da", "stub": "#6e7781", "missing": "#bc4c00",
             "muted": "#59636e", "border": "#d1d9e0", "inline": "#eff1f3",
             "highlight": "#fff2a8", "math": "#6639ba"}
        palette = ("#0969da", "#1b7c83", "#1a7f37", "#9a6700", "#bc4c00", "#d1242f",
                   "#8250df", "#59636e")
    rules = HtmlFormatter(style=style, cssclass="codehilite").get_style_defs(".codehilite")
    own = f"""
.codehilite {{ background-color: {code}; }}
.codehilite pre {{ background-color: {code}; color: {c["text"]}; }}
.codehilite .hll {{ background-color: {c["highlight"]}; }}
pre {{ background-color: {code}; line-height: 100%; margin-top: 4px; margin-bottom: 12px; }}
code {{ background-color: {c["inline"]}; }}
pre code {{ background-color: {code}; }}
a {{ color: {c["link"]}; }}
a.citation {{ color: {c["link"]}; text-decoration: none; font-weight: 600; }}
a.citation.stub {{ color: {c["stub"]}; font-style: italic; font-weight: normal;
    text-decoration: underline; }}
span.missing {{ color: {c["missing"]}; font-style: italic; }}
span.image {{ color: {c["muted"]}; font-style: italic; }}
p {{ margin-top: 0px; margin-bottom: 10px; line-height: 135%; }}
li {{ line-height: 135%; }}
p.description {{ color: {c["muted"]}; font-style: italic; margin-bottom: 16px; }}
p.stub-note {{ color: {c["stub"]}; }}
p.render-notice {{ color: {c["missing"]}; font-style: italic; }}
h1 {{ margin-bottom: 8px; font-size: x-large; }}
h1.title {{ font-size: xx-large; }}
h2 {{ font-size: large; }}
h3 {{ font-size: medium; }}
blockquote {{ color: {c["muted"]}; margin-left: 16px; margin-right: 0px; }}
table {{ border-width: 1px; border-style: solid; border-color: {c["border"]};
    border-collapse: collapse; margin-top: 4px; margin-bottom: 12px; }}
th, td {{ border-width: 1px; border-style: solid; border-color: {c["border"]};
    padding: 4px; }}
div.footnote {{ color: {c["muted"]}; }}
blockquote.callout {{ color: {c["text"]}; }}
p.callout-title {{ font-weight: 600; margin-bottom: 4px; }}
blockquote.embed {{ color: {c["text"]}; }}
p.embed-title {{ color: {c["muted"]}; font-weight: 600; }}
p.embed-more {{ color: {c["muted"]}; font-style: italic; }}
span.highlight {{ background-color: {c["highlight"]}; }}
span.math {{ font-family: monospace; color: {c["math"]}; }}
pre.math {{ font-family: monospace; color: {c["math"]}; }}
a.tag {{ color: {c["link"]}; text-decoration: none; }}
a.heading-link {{ color: {c["link"]}; }}
"""
    # Each callout type's colour (render_syntax.CALLOUT_COLOURS), on its title.
    callouts = "".join(f"p.callout-{name} {{ color: {colour}; }}\n"
                       for name, colour in zip(CALLOUT_COLOURS, palette, strict=True))
    return rules + own + callouts
