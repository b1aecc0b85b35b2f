"""The markdown-it-py parser the answer pane renders with, and the syntax notegui adds.

CommonMark (markdown-it-py's ``commonmark`` preset, raw HTML off: it stays escaped text),
plus GitHub's tables, strikethrough, task lists (shown as ☐/☑) and autolinks
(mdit-py-plugins' ``gfm_autolink``, no further dependency), footnotes, heading anchors,
``$math$`` / ``$$math$$`` (the TeX source in a math-styled span or block: the math rule
takes the whole span first, so emphasis never reaches inside), and Obsidian's syntax:
``[[target]]``, ``[[target|shown]]``, ``[[target#Heading]]``, ``[[#Heading]]``,
``![[note]]`` embeds, callouts ``> [!type]± Title``, ``==highlight==``, ``%%comments%%``
and ``#tags`` (``tag:NAME`` links).

Safety is by construction and then checked on the tokens (``_finish``): markdown-it only
writes the HTML of its tokens, every tag and attribute a token may carry is on an
allow-list, link targets must match ``SAFE_URL``, and images become text placeholders.
What a render needs from outside (the resolver, the embedder, the citation titles) travels
in markdown-it's ``env`` dict, so one parser per thread serves every call.

Imported only when a note is first rendered (render.py imports it lazily).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import OptionsDict
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm_autolink._match import check_prev, match_www
from mdit_py_plugins.gfm_autolink.index import _email_rule, _protocol_rule

# (shared with the vault reader: a link or tag shown is one an import finds)
from notegui.core.obsidian_syntax import BLOCK_ID, WIKILINK, block_anchor, slug, tag_at

if TYPE_CHECKING:
    from notegui.core.domain import LinkTarget, NoteRef
    from notegui.core.render import VaultPage

# One marker character per question-note citation (render.py puts them in the text).
MARKER_BASE = 0xF0000
MARKER = re.compile("[\U000f0000-\U000ffffd]")

# Link targets followed: the web, mail, a fragment in this note, another note, a tag.
# (note:ID#anchor: a heading's or a block's anchor in that note)
SAFE_URL = re.compile(
    r"(?:https?://|mailto:|#|note:[0-9]{1,19}(?:#[\w^-]{1,200})?$|tag:[^\s\"'<>]{1,200}$)",
    re.IGNORECASE)
MAX_NOTE_ID = 2**63 - 1
_URL_EDGE = "".join(chr(code) for code in range(0x21))
_URL_INNER_JUNK = re.compile(r"[\t\n\r]")

# What a token may carry. Any other tag becomes a <span>, any other attribute is dropped
# (so no style=, no on...=).
ALLOWED_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code",
    "em", "strong", "a", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div",
    "sup", "span", "s",
})
_COMMON_ATTRIBUTES = frozenset({"class", "id"})
_ALLOWED_ATTRIBUTES = {
    "a": frozenset({"href", "title", "class", "id"}),
    "ol": frozenset({"start", "class", "id"}),
    "th": frozenset({"align"}),
    "td": frozenset({"align"}),
}

# Callout types (Obsidian's, aliases folded): the colour class and the icon character.
_CALLOUTS = {
    "note": ("blue", "✎"), "info": ("blue", "\N{INFORMATION SOURCE}"), "todo": ("blue", "☐"),
    "abstract": ("cyan", "≡"), "summary": ("cyan", "≡"), "tldr": ("cyan", "≡"),
    "tip": ("cyan", "✦"), "hint": ("cyan", "✦"), "important": ("cyan", "✦"),
    "success": ("green", "✔"), "check": ("green", "✔"), "done": ("green", "✔"),
    "question": ("yellow", "?"), "help": ("yellow", "?"), "faq": ("yellow", "?"),
    "warning": ("orange", "⚠"), "caution": ("orange", "⚠"), "attention": ("orange", "⚠"),
    "failure": ("red", "✘"), "fail": ("red", "✘"), "missing": ("red", "✘"),
    "danger": ("red", "⚡"), "error": ("red", "⚡"), "bug": ("red", "✱"),
    "example": ("purple", "☰"), "quote": ("grey", "❝"), "cite": ("grey", "❝"),
}
_CALLOUT_LINE = re.compile(r"\[!([\w-]{1,40})\]([+-]?)[ \t]*([^\n]*)")

MAX_EMBEDS = 10  # per note; more are shown as links
MAX_EMBED_CHARS = 20_000  # of an embedded note's text; the rest is left to its own page

Resolve = Callable[[str], Any]  # title -> NoteRef | None
Embed = Callable[[str], str | None]  # title -> the note's text
# text (and, for a vault note's, where its links lead) -> its HTML (one level, no embeds)
RenderEmbedded = Callable[..., str]
ATTACHMENT_SCHEME = "attachment"  # <img src="attachment:PATH">: the answer pane loads it
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,31}:")
_NOT_BLOCK_ID = re.compile(r"[^A-Za-z0-9-]")
_DENDRON_VAULT = "dendron://"
_IMAGE_SIZE = re.compile(r"([0-9]{1,4})(?:x[0-9]{1,4})?")


def clean_url(value: str) -> str:
    """A link target as Qt will read it: entities decoded, surrounding white space and
    control characters gone, tabs and newlines dropped."""
    return _URL_INNER_JUNK.sub("", html.unescape(value).strip(_URL_EDGE))


def url_ok(target: str) -> bool:
    """Whether a link to ``target`` is followed: an allowed scheme, and a ``note:`` id a
    note can have."""
    if not SAFE_URL.match(target):
        return False
    if target[:5].lower() != "note:":
        return True
    return 1 <= int(target[5:].partition("#")[0]) <= MAX_NOTE_ID


# -- the render context (markdown-it's env) ------------------------------------------------


class Context:
    """What one render call needs: the citation titles behind the markers, how to resolve a
    title and how to fetch an embedded note's text (None: embeds are links)."""

    def __init__(self, titles: Sequence[str], resolve: Resolve,
                 embed: Embed | None = None,
                 render_embedded: RenderEmbedded | None = None,
                 wikilinks: bool = False, vault: VaultPage | None = None) -> None:
        self.titles = titles
        # A vault note: its links lead where Obsidian's rules say (Library.vault_links)
        self.vault = vault
        self.wikilinks = wikilinks  # markdown notes: [[...]] is parsed (question notes: markers)
        self.resolve = resolve
        self.embed = embed
        self.render_embedded = render_embedded
        self.cache: dict[str, Any] = {}
        self.embeds = 0

    def lookup(self, title: str) -> Any:
        if title not in self.cache:
            self.cache[title] = self.resolve(title)
        return self.cache[title]

    def title(self, marker: str) -> str:
        return self.titles[ord(marker) - MARKER_BASE]

    def citation_html(self, marker: re.Match[str]) -> str:
        """A citation marker as its link (the plain-text fallback's)."""
        title = self.title(marker.group(0))
        return _link_html(*self.link_attributes(title), title, ordered=False)

    def link_attributes(self, title: str) -> tuple[str, dict[str, str]]:
        """The tag and attributes of a link to the note ``title``."""
        ref = self.lookup(title)
        if ref is None:
            return "span", {"class": "missing"}
        attributes = {"href": f"note:{int(ref.id)}",
                      "class": "citation stub" if ref.is_stub else "citation"}
        if ref.summary:
            attributes["title"] = ref.summary
        return "a", attributes


def _context(env: MutableMapping[str, Any]) -> Context | None:
    context = env.get("notegui")
    return context if isinstance(context, Context) else None


# -- inline rules ----------------------------------------------------------------------------


def _wikilink(state: StateInline, silent: bool) -> bool:
    """``[[target]]``, ``[[target|shown]]``, ``[[target#Heading]]``, ``[[#Heading]]`` and
    ``![[embed]]`` (markdown notes; a question note's citations are markers)."""
    context = _context(state.env)
    if context is None or not context.wikilinks:
        return False
    start = state.pos
    char = state.src[start]
    if char not in "[!" or not state.src.startswith("[[", start + (char == "!")):
        return False
    match = WIKILINK.match(state.src, start, state.posMax)
    if match is None:
        return False
    if not silent:
        target, shown = match.group(2).strip(), match.group(3)
        token = state.push("wikilink", "", 0)
        token.meta = {"target": target, "shown": shown.strip() if shown else None,
                      "embed": bool(match.group(1))}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _comment(state: StateInline, silent: bool) -> bool:
    """``%%hidden%%``: nothing is shown; an unclosed ``%%`` is text."""
    start = state.pos
    if not state.src.startswith("%%", start):
        return False
    end = state.src.find("%%", start + 2, state.posMax)
    if end < 0:
        return False
    state.pos = end + 2
    return True


def _highlight(state: StateInline, silent: bool) -> bool:
    """``==text==`` as a highlight (its text is parsed as inline markdown)."""
    start = state.pos
    if not state.src.startswith("==", start) or state.src.startswith("===", start):
        return False
    if start + 2 >= state.posMax or state.src[start + 2] in " \t\n":
        return False
    end = state.src.find("==", start + 3, state.posMax)
    if end < 0 or state.src[end - 1] in " \t\n":
        return False
    if not silent:
        state.push("highlight_open", "span", 1).attrSet("class", "highlight")
        old_max = state.posMax
        state.pos, state.posMax = start + 2, end
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("highlight_close", "span", -1)
    state.pos = end + 2
    return True


def _tag(state: StateInline, silent: bool) -> bool:
    """``#tag`` and ``#nested/tag`` (after a space or at the start; not all digits) as a
    link to ``tag:NAME``, which the answer pane turns into the tag filter."""
    start = state.pos
    name = tag_at(state.src, start, state.posMax)
    if not name:
        return False
    if not silent:
        token = state.push("link_open", "a", 1)
        token.attrs = {"href": f"tag:{name}", "class": "tag"}
        token.meta = {"notegui": True}
        state.push("text", "", 0).content = f"#{name}"
        state.push("link_close", "a", -1)
    state.pos = start + 1 + len(name)
    return True


# GitHub's autolinks (mdit-py-plugins' gfm_autolink rules) copy the rest of the paragraph
# at every "w", ":" and "@" before looking at it, and search all the pending text for a
# scheme at every ":": a 1 MB line of words took 4 s, 10,000 "http: " 10 s. So each rule
# runs only on its own character (and ":" only after a scheme's name), seeing at most
# _MAX_AUTOLINK characters.
# Bare "www." links are found in the text tokens afterwards (_www_links): the plugin's
# way, stopping the inline parser at every "w", made plain prose 3 times slower.
_MAX_AUTOLINK = 2048
_SCHEME_BEFORE = re.compile(r"(?:https?|mailto|xmpp)$")
InlineRule = Callable[[StateInline, bool], bool]


def _bounded(rule: InlineRule, trigger: str) -> InlineRule:
    def bounded(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != trigger:
            return False
        if trigger == ":":
            if not _SCHEME_BEFORE.search(state.pending[-8:]):
                return False
            # The rule searches all the pending text: give it only the scheme's end (the
            # text before becomes its own text token, as any token pushed here would do).
            head, tail = state.pending[:-8], state.pending[-8:]
            if head:
                state.pending = head
                state.pushPending()
                state.pending = tail
        old_max = state.posMax
        state.posMax = min(old_max, state.pos + _MAX_AUTOLINK)
        try:
            return rule(state, silent)
        finally:
            state.posMax = old_max

    return bounded


# -- block rules -----------------------------------------------------------------------------


def _block_comment(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A ``%%`` line opening a comment that ends on a later line's ``%%`` (blank lines
    allowed): all of it hidden."""
    if state.is_code_block(start):
        return False
    pos = state.bMarks[start] + state.tShift[start]
    line = state.src[pos:state.eMarks[start]]
    if not line.startswith("%%") or "%%" in line[2:]:
        return False
    for index in range(start + 1, end):
        text = state.src[state.bMarks[index]:state.eMarks[index]]
        if "%%" in text:
            if not silent:
                state.line = index + 1
            return True
    return False


# -- core rules ------------------------------------------------------------------------------


def _callouts(state: StateCore) -> None:
    """A quote whose first line is ``[!type]`` (``+``/``-`` folding, an optional title)
    becomes a callout: its type's colour, an icon, the title (folding shown open, ▾)."""
    tokens = state.tokens
    index = 0
    while index + 2 < len(tokens):
        token = tokens[index]
        index += 1
        if token.type != "blockquote_open" or tokens[index].type != "paragraph_open":
            continue
        inline = tokens[index + 1]
        match = _CALLOUT_LINE.match(inline.content)
        if match is None:
            continue
        kind = match.group(1).lower()
        colour, icon = _CALLOUTS.get(kind, ("blue", "✎"))
        token.attrSet("class", f"callout callout-{colour}")
        title = match.group(3).strip() or kind.capitalize()
        fold = " ▾" if match.group(2) else ""
        rest = inline.content[match.end():].lstrip("\n")
        title_open = Token("paragraph_open", "p", 1)
        title_open.attrSet("class", f"callout-title callout-{colour}")
        title_inline = Token("inline", "", 0)
        title_inline.content = f"{icon} {title}{fold}"
        title_inline.children = []
        title_close = Token("paragraph_close", "p", -1)
        for new in (title_open, title_inline, title_close):
            new.level, new.map, new.block = token.level + 1, token.map, True
        if rest:
            inline.content = rest
            tokens[index:index] = [title_open, title_inline, title_close]
        else:
            tokens[index:index + 3] = [title_open, title_inline, title_close]


def _tasks(state: StateCore) -> None:
    """A task item's checkbox as ☐/☑ text at the start of its first paragraph."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "list_item_open" or not token.meta or "checked" not in token.meta:
            continue
        box = "☑ " if token.meta.pop("checked") else "☐ "
        token.attrSet("class", "task")
        for following in tokens[index + 1:index + 4]:
            if following.type == "inline":
                following.content = box + following.content
                if following.children is not None:
                    box_token = Token("text", "", 0)
                    box_token.content = box
                    following.children.insert(0, box_token)
                break


def _finish(state: StateCore) -> None:
    """The last rule: citations and wikilinks become links, then every token is checked
    against the allow-lists (tags, attributes, link targets; images become placeholders)."""
    context = _context(state.env)
    for token in state.tokens:
        _clean(token)
        if token.children:
            token.children = _inline_children(token.children, context)


def _inline_children(children: list[Token], context: Context | None) -> list[Token]:
    out: list[Token] = []
    in_link = 0
    for child in children:
        if child.type == "text" and context is not None and context.titles \
                and MARKER.search(child.content):
            out.extend(_citations(child.content, context, in_link > 0))
            continue
        if child.type == "text" and not in_link and "www." in child.content:
            out.extend(_www_links(child))
            continue
        if child.type == "wikilink":
            out.extend(_wikilink_tokens(child, context, in_link > 0))
            continue
        if child.type in ("image",):
            vault_image = _vault_image(child, context)
            out.append(vault_image or _image_placeholder(child))
            continue
        if child.type == "link_open":
            href = clean_url(child.attrGet("href") or "")  # type: ignore[arg-type]
            if not in_link and context is not None and context.vault is not None \
                    and _relative(href):
                _vault_markdown_link(child, href, context)
                in_link += 1
                out.append(child)
                continue
            if in_link or not url_ok(href):
                child.tag, child.attrs = "span", {}
                child.meta = {**(child.meta or {}), "dead": True}
            else:
                child.attrs["href"] = href
            in_link += 1
        elif child.type == "link_close":
            in_link -= 1
        _clean(child)
        out.append(child)
    _close_dead_links(out)
    return out


_HEADING_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "  # "Note > Heading"
_WWW = re.compile(r"www\.")


def _www_links(token: Token) -> list[Token]:
    """GitHub's bare ``www.`` autolinks in a text token (http:// ones are inline rules)."""
    text = token.content
    out: list[Token] = []
    position = 0
    for match in _WWW.finditer(text):
        start = match.start()
        if start < position or (start > 0 and not check_prev(text[start - 1])):
            continue
        found = match_www(text[start:start + _MAX_AUTOLINK])
        if found is None:
            continue
        url, length = found
        if start > position:
            out.append(_text(text[position:start]))
        link = Token("link_open", "a", 1)
        link.attrs = {"href": url}
        out.extend([link, _text(text[start:start + length]), Token("link_close", "a", -1)])
        position = start + length
    if position == 0:
        return [token]
    if position < len(text):
        out.append(_text(text[position:]))
    return out


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _close_dead_links(tokens: list[Token]) -> None:
    """A link_close whose link_open became a <span> becomes </span> too."""
    stack: list[Token] = []
    for token in tokens:
        if token.type == "link_open":
            stack.append(token)
        elif token.type == "link_close" and stack and stack.pop().tag == "span":
            token.tag = "span"


def _clean(token: Token) -> None:
    if token.type in ("th_open", "td_open"):
        style = str(token.attrGet("style") or "")
        if style.startswith("text-align:"):
            token.attrs = {"align": style[len("text-align:"):]}
    if token.tag and token.tag not in ALLOWED_TAGS:
        token.tag = "span"
    if token.attrs:
        allowed = _ALLOWED_ATTRIBUTES.get(token.tag, _COMMON_ATTRIBUTES)
        token.attrs = {name: value for name, value in token.attrs.items() if name in allowed}


def _image_placeholder(token: Token) -> Token:
    """An image is named, never loaded."""
    alt = "".join(child.content for child in token.children or []).strip() or token.content
    placeholder = Token("notegui_html", "", 0)
    text = f"[image: {alt}]" if alt.strip() else "[image]"
    placeholder.content = f'<span class="image">{html.escape(text)}</span>'
    return placeholder


def _raw(content: str) -> Token:
    token = Token("notegui_html", "", 0)
    token.content = content
    return token


def _link_html(tag: str, attributes: dict[str, str], text: str, ordered: bool = True) -> str:
    items = sorted(attributes.items()) if ordered else attributes.items()
    attrs = "".join(f' {name}="{html.escape(value)}"' for name, value in items)
    return f"<{tag}{attrs}>{html.escape(text)}</{tag}>"


def _citations(text: str, context: Context, in_link: bool) -> list[Token]:
    out: list[Token] = []
    position = 0
    for match in MARKER.finditer(text):
        if match.start() > position:
            piece = Token("text", "", 0)
            piece.content = text[position:match.start()]
            out.append(piece)
        position = match.end()
        if ord(match.group(0)) - MARKER_BASE >= len(context.titles):
            continue  # cannot happen: such characters were replaced
        title = context.title(match.group(0))
        embed = None if in_link else _embedded(out, title, context)
        if embed is not None:
            out.append(embed)
            continue
        tag, attributes = ("span", {}) if in_link else context.link_attributes(title)
        out.append(_raw(_link_html(tag, attributes, title)))
    if position < len(text):
        piece = Token("text", "", 0)
        piece.content = text[position:]
        out.append(piece)
    return out


def _embedded(before: list[Token], title: str, context: Context) -> Token | None:
    """A question note's ``![[Title]]``: the "!" ends the text before the marker."""
    if not before or not before[-1].content.endswith("!"):
        return None
    embed = _embed_html(title, title, context)
    if embed is None:
        return None
    before[-1].content = before[-1].content[:-1]
    return _raw(embed)


def _wikilink_tokens(token: Token, context: Context | None, in_link: bool) -> list[Token]:
    meta = token.meta
    target: str = meta["target"]
    note, _hash, heading = target.partition("#")
    note = note.strip()
    heading = heading.strip()
    shown = meta["shown"] or (f"{note}{_HEADING_SEPARATOR}{heading}" if note and heading
                              else note or heading)
    if context is None or in_link:
        return [_raw(html.escape(shown))]
    if context.vault is not None:
        return [_raw(_vault_wikilink(meta, context))]
    if meta["embed"] and note:
        embed = _embed_html(note, shown, context)
        if embed is not None:
            return [_raw(embed)]
    if not note:
        return [_raw(_link_html("a", {"href": f"#{slug(heading)}", "class": "heading-link"},
                                shown))]
    tag, attributes = context.link_attributes(note)
    return [_raw(_link_html(tag, attributes, shown))]


def _embed_html(title: str, shown: str, context: Context) -> str | None:
    """Another note's text shown inline, framed, under a link to it: one level deep (the
    embedded text's own embeds are links), at most MAX_EMBEDS per note, MAX_EMBED_CHARS of
    text each. None when there is nothing to embed (the caller links instead)."""
    if context.embed is None or context.render_embedded is None \
            or context.embeds >= MAX_EMBEDS:
        return None
    ref = context.lookup(title)
    text = context.embed(title) if ref is not None else None
    if text is None:
        return None
    context.embeds += 1
    cut = len(text) > MAX_EMBED_CHARS
    if cut:
        text = text[:text.rfind("\n", 0, MAX_EMBED_CHARS) + 1 or MAX_EMBED_CHARS]
    tag, attributes = context.link_attributes(title)
    head = f'<p class="embed-title">⧉ {_link_html(tag, attributes, shown)}</p>'
    more = '<p class="embed-more">… (the rest is in the note)</p>' if cut else ""
    # Inside a paragraph: close it, show the frame, open it again.
    return (f'</p><blockquote class="embed">{head}{context.render_embedded(text)}{more}'
            f"</blockquote><p>")


# -- a vault note's links (Obsidian's rules, resolved by the library) ----------------------


def _relative(href: str) -> bool:
    """A link within the vault: no scheme, not ``//host``, not only a ``#fragment``... it
    may be that too: ``[a](#Heading)``."""
    return bool(href) and not href.startswith("//") and _SCHEME.match(href) is None


def _anchor(fragment: str) -> str:
    """The anchor a link's ``#Heading`` or ``#^block`` (``A#B``: B) leads to."""
    fragment = fragment.strip()
    if fragment.startswith("^"):  # (a block id is letters, digits and '-': no more kept)
        return block_anchor(_NOT_BLOCK_ID.sub("", fragment[1:].partition(":")[0]))
    return slug(fragment.rpartition("#")[2])


def _note_link(ref: NoteRef, shown: str, anchor: str) -> str:
    attributes = {"href": f"note:{int(ref.id)}" + (f"#{anchor}" if anchor else ""),
                  "class": "citation stub" if ref.is_stub else "citation"}
    if ref.summary:
        attributes["title"] = ref.summary
    return _link_html("a", attributes, shown)


def _image_html(path: str, alt: str, size: str = "") -> str:
    width = _IMAGE_SIZE.fullmatch(size.strip())
    extra = f' width="{width.group(1)}"' if width else ""
    return (f'<img src="{ATTACHMENT_SCHEME}:{html.escape(quote(path, safe="/"))}" '
            f'alt="{html.escape(alt)}"{extra}>')


def _vault_wikilink(meta: dict[str, Any], context: Context) -> str:
    """A vault note's ``[[target#fragment|shown]]`` or ``![[…]]``: a link to the note the
    library resolved it to (at the heading's or block's anchor), the image, the note's
    text framed (an embed), or the target shown as missing."""
    assert context.vault is not None
    target: str = meta["target"]
    label = meta["shown"]
    if target.endswith("\\"):  # (in a table, [[a\|b]]: the pipe is escaped)
        target = target[:-1]
    if context.vault.links.label_first and label:  # (Dendron: [[label|target]])
        target, label = label, target.strip()
    if target.startswith(_DENDRON_VAULT):  # (dendron://vault/note)
        target = target[len(_DENDRON_VAULT):].partition("/")[2]
    note, _hash, fragment = target.partition("#")
    note, fragment = note.strip(), fragment.strip()
    anchor = _anchor(fragment) if fragment else ""
    shown = label or (f"{note}{_HEADING_SEPARATOR}{fragment}" if note and fragment
                              else note or fragment)
    if not note:
        return _link_html("a", {"href": f"#{anchor}", "class": "heading-link"}, shown)
    found = context.vault.links.target(note, False)
    if found is not None and found.attachment:
        if meta["embed"]:
            return _image_html(found.attachment, note, label or "")
        return f'<span class="image">{html.escape(shown)}</span>'
    if found is None or found.note is None:
        return _link_html("span", {"class": "missing"}, shown)
    if meta["embed"]:
        embed = _vault_embed(found, fragment, anchor, shown, context)
        if embed is not None:
            return embed
    return _note_link(found.note, shown, anchor)


def _vault_embed(found: LinkTarget, fragment: str, anchor: str, shown: str,
                 context: Context) -> str | None:
    """``![[note]]``, ``![[note#Heading]]`` (that section only), ``![[note#^id]]`` (that
    block): the text framed under a link to the note, one level deep, bounded as
    ``_embed_html``. None when there is nothing to show (the caller links instead)."""
    from notegui.core.vault import sections

    vault = context.vault
    if vault is None or vault.note_text is None or context.render_embedded is None \
            or context.embeds >= MAX_EMBEDS or found.note is None:
        return None
    got = vault.note_text(found.note.id)
    if got is None:
        return None
    text, links_of = got
    if fragment.startswith("^"):  # (Dendron's ^id:#*, a range from the block: the block)
        text = sections.block(text, fragment[1:].partition(":")[0].strip())
    elif fragment:
        text = sections.section(text, fragment)
    if not text.strip():
        return None
    context.embeds += 1
    cut = len(text) > MAX_EMBED_CHARS
    if cut:
        text = text[:text.rfind("\n", 0, MAX_EMBED_CHARS) + 1 or MAX_EMBED_CHARS]
    links = links_of(text) if links_of is not None else None
    head = f'<p class="embed-title">⧉ {_note_link(found.note, shown, anchor)}</p>'
    more = '<p class="embed-more">… (the rest is in the note)</p>' if cut else ""
    return (f'</p><blockquote class="embed">{head}{context.render_embedded(text, links)}'
            f"{more}</blockquote><p>")


def _vault_markdown_link(token: Token, href: str, context: Context) -> None:
    """A vault note's ``[text](other.md#Heading)``: to the note the library resolved it to
    (``[text](#Heading)``: this note's heading), else a dead link shown as missing."""
    assert context.vault is not None
    path, _hash, fragment = href.partition("#")
    fragment = unquote(fragment)
    anchor = _anchor(fragment) if fragment else ""
    path = unquote(path.partition("?")[0]).strip()
    found = context.vault.links.target(path, True) if path else None
    if not path and anchor:
        token.attrs = {"href": f"#{anchor}", "class": "heading-link"}
    elif found is not None and found.note is not None:
        ref = found.note
        token.attrs = {"href": f"note:{int(ref.id)}" + (f"#{anchor}" if anchor else ""),
                       "class": "citation stub" if ref.is_stub else "citation"}
        if ref.summary:
            token.attrs["title"] = ref.summary
    else:  # (an image's file: shown, not followed; else nothing of the vault: missing)
        shown = "image" if found is not None and found.attachment else "missing"
        token.tag, token.attrs = "span", {"class": shown}
        token.meta = {**(token.meta or {}), "dead": True}


def _vault_image(token: Token, context: Context | None) -> Token | None:
    """``![alt](img.png)`` of a vault note: the library's copy of the image, when the link
    names one of its attachments; None otherwise (a placeholder, as for any image: the
    network and the file system are never read)."""
    if context is None or context.vault is None:
        return None
    src = clean_url(str(token.attrGet("src") or ""))
    if not _relative(src):
        return None
    path = unquote(src.partition("#")[0].partition("?")[0]).strip()
    found = context.vault.links.target(path, True) if path else None
    if found is None or not found.attachment:
        return None
    alt = "".join(child.content for child in token.children or []).strip() or token.content
    return _raw(_image_html(found.attachment, alt))


def _block_ids(state: StateCore) -> None:
    """A markdown note's ``^block-id`` at the end of a paragraph: hidden, the paragraph
    given that block's anchor (``[[note#^block-id]]`` scrolls there)."""
    context = _context(state.env)
    if context is None or not context.wikilinks:
        return
    for token in state.tokens:
        if token.type != "inline" or "^" not in token.content or not token.children:
            continue
        last = token.children[-1]
        if last.type != "text":
            continue
        marker = BLOCK_ID.search(last.content)
        if marker is None:
            continue
        last.content = last.content[:marker.start()]
        anchor = html.escape(block_anchor(marker.group(1)))
        token.children.insert(0, _raw(f'<a id="{anchor}"></a>'))


# -- renderers -------------------------------------------------------------------------------


def _render_raw(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
                env: Any) -> str:
    return tokens[idx].content


def _render_math_inline(self: Any, tokens: Sequence[Token], idx: int,
                        options: OptionsDict, env: Any) -> str:
    return f'<span class="math">{html.escape(tokens[idx].content)}</span>'


def _render_math_block(self: Any, tokens: Sequence[Token], idx: int,
                       options: OptionsDict, env: Any) -> str:
    return f'<pre class="math">{html.escape(tokens[idx].content.strip())}</pre>\n'


def _render_footnote_block_open(self: Any, tokens: Sequence[Token], idx: int,
                                options: OptionsDict, env: Any) -> str:
    return '<div class="footnote">\n<hr>\n<ol>\n'


def _render_footnote_block_close(self: Any, tokens: Sequence[Token], idx: int,
                                 options: OptionsDict, env: Any) -> str:
    return "</ol>\n</div>\n"


def build(highlight: Callable[[str, str], str]) -> MarkdownIt:
    """The parser: CommonMark, raw HTML off, GitHub's extensions, footnotes, math,
    Obsidian's syntax; ``highlight(code, language)`` writes every code block."""
    md = MarkdownIt("commonmark", {"html": False, "tasklists": True,
                                   "strikethrough_single_tilde": False})
    md.enable(["table", "strikethrough"])
    # As gfm_autolink_plugin does, with bounded rules (and "www." links in _finish).
    md.inline.ruler.push("gfm_autolink_protocol", _bounded(_protocol_rule, ":"))
    md.inline.ruler.push("gfm_autolink_email", _bounded(_email_rule, "@"))
    md.use(footnote_plugin, inline=False)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, allow_labels=False,
           allow_blank_lines=False, double_inline=True)
    md.use(anchors_plugin, min_level=1, max_level=6, slug_func=slug)
    md.inline.ruler.before("link", "wikilink", _wikilink)
    md.inline.ruler.before("image", "wikilink_embed", _wikilink)
    md.inline.ruler.before("emphasis", "comment", _comment)
    md.inline.ruler.before("emphasis", "highlight", _highlight)
    md.inline.ruler.before("emphasis", "tag", _tag)
    md.block.ruler.before("paragraph", "comment", _block_comment)
    md.core.ruler.after("block", "callouts", _callouts)
    md.core.ruler.after("inline", "tasks", _tasks)
    md.core.ruler.after("tasks", "block_ids", _block_ids)
    md.core.ruler.push("notegui_finish", _finish)
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # _finish decides
    for name in ("notegui_html",):
        md.add_render_rule(name, _render_raw)
    md.add_render_rule("math_inline", _render_math_inline)
    md.add_render_rule("math_inline_double", _render_math_block)
    md.add_render_rule("math_block", _render_math_block)
    md.add_render_rule("footnote_block_open", _render_footnote_block_open)
    md.add_render_rule("footnote_block_close", _render_footnote_block_close)

    def fence(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
              env: Any) -> str:
        token = tokens[idx]
        language = html.unescape(token.info).strip().split(maxsplit=1)
        return highlight(token.content, language[0] if language else "")

    def code_block(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
                   env: Any) -> str:
        return highlight(tokens[idx].content, "")

    def list_item_open(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
                       env: Any) -> str:
        return str(self.renderToken(tokens, idx, options, env))  # no <input>: ☐/☑ instead

    md.add_render_rule("fence", fence)
    md.add_render_rule("code_block", code_block)
    md.add_render_rule("list_item_open", list_item_open)
    return md
