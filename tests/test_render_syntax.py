"""What people write, rendered: GitHub's extensions and Obsidian's syntax, in both flavours
(a question note's body and a plain markdown note)."""

from __future__ import annotations

import pytest

from notegui.core.domain import NoteRef
from notegui.core.render import MARKDOWN, QUESTION_NOTE, render_body
from notegui.core.render_syntax import MAX_EMBED_CHARS, MAX_EMBEDS

NOTES = {"Linked note": NoteRef(7, "Linked note", "Its summary.", False),
         "Does a stub count?": NoteRef(9, "Does a stub count?", "", True)}


def resolve(title: str) -> NoteRef | None:
    return NOTES.get(title)


def md(body: str, **options) -> str:
    return render_body(body, resolve, flavour=MARKDOWN, **options)


def test_wikilinks_in_a_markdown_note_link_to_the_note_with_their_shown_text():
    html = md("See [[Linked note]], [[Linked note|this one]] and [[Gone]].")
    assert '<a class="citation" href="note:7" title="Its summary.">Linked note</a>' in html
    assert '<a class="citation" href="note:7" title="Its summary.">this one</a>' in html
    assert '<span class="missing">Gone</span>' in html
    assert "[[" not in html


def test_a_heading_link_scrolls_to_an_anchor_on_the_heading():
    html = md("## Why it Works\n\nSee [[#Why it Works]] and [[Linked note#Part two]].")
    assert '<h2 id="why-it-works">Why it Works</h2>' in html
    assert '<a class="heading-link" href="#why-it-works">Why it Works</a>' in html
    assert 'href="note:7"' in html and "Linked note \u203a Part two" in html


def test_a_question_note_keeps_its_citations_and_literal_double_brackets():
    html = render_body("Cites [[Does a stub count?]] and a literal [\\[x]].", resolve,
                       flavour=QUESTION_NOTE)
    assert 'href="note:9"' in html and "a literal [[x]]." in html


def test_one_line_one_paragraph_only_for_question_notes():
    body = "first line\nsecond line"
    assert render_body(body, resolve, flavour=QUESTION_NOTE).count("<p>") == 2
    assert md(body) == "<p>first line\nsecond line</p>"


def test_lists_nested_by_two_spaces_nest_in_a_markdown_note():
    html = md("- parent\n  - child\n    - grandchild")
    assert html.count("<ul>") == 3


def test_embeds_show_the_note_framed_under_a_link_one_level_deep():
    texts = {"Linked note": "Embedded *text* with ![[Linked note]] inside."}
    html = md("Before\n\n![[Linked note]]\n\nAfter", embed=texts.get)
    assert '<blockquote class="embed">' in html
    assert '<a class="citation" href="note:7" title="Its summary.">Linked note</a>' in html
    assert "Embedded <em>text</em>" in html
    assert html.count('class="embed"') == 1  # the embedded note's own embed is a link
    question = render_body("See ![[Does a stub count?]]", resolve, flavour=QUESTION_NOTE,
                           embed={"Does a stub count?": "Question *body*"}.get)
    assert 'class="embed"' in question and "Question <em>body</em>" in question


def test_embeds_are_bounded_in_number_and_size():
    long_text = "word " * (MAX_EMBED_CHARS // 2)
    html = md("\n\n".join(["![[Linked note]]"] * (MAX_EMBEDS + 5)),
              embed=lambda _title: long_text)
    assert html.count('<blockquote class="embed">') == MAX_EMBEDS
    assert html.count("the rest is in the note") == MAX_EMBEDS
    assert len(html) < MAX_EMBEDS * MAX_EMBED_CHARS * 2
    assert 'class="embed"' not in md("![[Linked note]]")  # no embedder: a link


@pytest.mark.parametrize("flavour", [QUESTION_NOTE, MARKDOWN])
def test_callouts_have_their_colour_icon_title_and_folding_marker(flavour):
    html = render_body("> [!warning]- Mind the gap\n> Body text.", resolve, flavour=flavour)
    assert '<blockquote class="callout callout-orange">' in html
    assert '<p class="callout-title callout-orange">\u26a0 Mind the gap \u25be</p>' in html
    assert "Body text." in html and "[!warning]" not in html
    plain = render_body("> [!note]\n> Text", resolve, flavour=flavour)
    assert "\u270e Note</p>" in plain


def test_a_fence_inside_a_callout_stays_code():
    html = md("> [!tip]\n> ```python\n> x = 1\n> ```")
    assert '<div class="codehilite">' in html and "callout" in html


@pytest.mark.parametrize("flavour", [QUESTION_NOTE, MARKDOWN])
def test_highlight_strike_comments_tasks_and_tags(flavour):
    html = render_body("A ==marked== and ~~gone~~ word %%secret%% #topic/sub #123\n\n"
                       "- [ ] todo\n- [x] done", resolve, flavour=flavour)
    assert '<span class="highlight">marked</span>' in html
    assert "<s>gone</s>" in html
    assert "secret" not in html and "%%" not in html
    assert '<a href="tag:topic/sub" class="tag">#topic/sub</a>' in html
    assert "#123" in html and "tag:123" not in html
    assert "\u2610 todo" in html and "\u2611 done" in html
    assert "[ ]" not in html and "<input" not in html


def test_a_comment_block_hides_every_line():
    html = md("Shown\n\n%%\nhidden\n\nstill hidden\n%%\n\nShown again")
    assert "hidden" not in html and html.count("Shown") == 2


@pytest.mark.parametrize("flavour", [QUESTION_NOTE, MARKDOWN])
def test_math_is_shown_as_its_tex_source_never_mangled(flavour):
    html = render_body("Inline $a_1 * b_2 * c$ and\n\n$$\n\\sum_{i} x_i^*\n$$\n\n"
                       "a $5 and $10 price", resolve, flavour=flavour)
    assert '<span class="math">a_1 * b_2 * c</span>' in html
    assert '<pre class="math">\\sum_{i} x_i^*</pre>' in html
    assert "<em>" not in html and "$5 and $10" in html


def test_footnotes_and_autolinks():
    html = md("Text[^1] at www.example.org.\n\n[^1]: The note.")
    assert 'href="#fn1"' in html and '<div class="footnote">' in html
    assert '<a href="http://www.example.org">www.example.org</a>.' in html


def test_code_keeps_backslashes_and_escapes_lose_them():
    html = md('Code `a\\b` and \\"quoted\\"')
    assert "<code>a\\b</code>" in html and "&quot;quoted&quot;" in html


def test_raw_html_and_unsafe_links_stay_inert_in_the_new_syntax():
    html = md("[[<b>x</b>|<script>]] #<i> ==<img src=x>== [a](javascript:x) "
              "![[<script>]]", embed=lambda _title: "<script>alert(1)</script>")
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "javascript:" not in html
