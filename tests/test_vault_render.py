"""A note read from a markdown folder is shown the way its author wrote it: its links by
Obsidian's rules (not by title), heading and block anchors, section embeds, the library's
copies of its images; and edited and saved as a vault note (issue 17, points 1-2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from notegui.app import main
from notegui.core.answer_page import answer_html
from notegui.core.errors import LibraryError
from notegui.core.render import MAX_NOTE_ID
from notegui.core.render_syntax import MAX_EMBEDS, url_ok
from notegui.store.library import SqliteLibrary
from vault_rows import add_attachment, add_links, add_note, add_stub, png

SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "  # (Note > Heading)


def links_of(html: str) -> list[tuple[str, str]]:
    """(href, text) of each <a href> of ``html``, in order."""
    return re.findall(r'<a [^>]*?href="([^"]*)"[^>]*>(.*?)</a>', html)


@pytest.fixture
def two_indexes(library):
    """Two notes titled Index in two folders, each linking to its own folder's Index and,
    by path, to the other's."""
    ids = {
        "a": add_note(library, "v/a/Index.md", "Here: [[Index]]. There: [[b/Index|the b one]]."),
        "b": add_note(library, "v/b/Index.md", "Here: [[Index]]. There: [[a/Index|the a one]]."),
        "home": add_note(library, "v/Home.md", "Start at [[Index]]."),
    }
    return ids


def test_two_notes_titled_index_each_link_to_the_right_one(library, two_indexes):
    a, b, home = two_indexes["a"], two_indexes["b"], two_indexes["home"]
    assert links_of(answer_html(library, library.note(a))) == [
        (f"note:{a}", "Index"), (f"note:{b}", "the b one")]
    assert links_of(answer_html(library, library.note(b))) == [
        (f"note:{b}", "Index"), (f"note:{a}", "the a one")]
    # From the root, neither is in its folder: the shortest path (code point order).
    assert links_of(answer_html(library, library.note(home))) == [(f"note:{a}", "Index")]


def test_links_resolve_by_file_name_alias_and_relative_path_never_by_title(library):
    target = add_note(library, "v/notes/Real File.md", "t", title="Shown Title",
                      aliases=["Nickname"])
    decoy = add_note(library, "v/Decoy.md", "d", title="Real File")  # a title, not a file
    source = add_note(library, "v/notes/sub/Source.md",
                      "[[Real File]] [[Nickname]] [md](../Real%20File.md) [[Shown Title]]")
    shown = links_of(answer_html(library, library.note(source)))
    assert shown == [(f"note:{target}", "Real File"), (f"note:{target}", "Nickname"),
                     (f"note:{target}", "md")]
    assert f"note:{decoy}" not in answer_html(library, library.note(source))
    assert '<span class="missing">Shown Title</span>' in answer_html(library,
                                                                     library.note(source))


def test_another_vault_of_the_same_names_is_not_linked(library):
    add_note(library, "other/Target.md", "elsewhere")
    source = add_note(library, "v/Source.md", "[[Target]]")
    assert links_of(answer_html(library, library.note(source))) == []
    assert '<span class="missing">Target</span>' in answer_html(library, library.note(source))


def test_an_unresolved_link_is_a_stub_link_as_today(library):
    stub = add_stub(library, "Not Written Yet")
    source = add_note(library, "v/Source.md", "[[Not Written Yet]] and [[folder/Not Written Yet]]")
    html = answer_html(library, library.note(source))
    assert html.count(f'class="citation stub" href="note:{stub}"') == 2


def test_heading_and_block_links_carry_the_anchor_and_the_block_marker_is_hidden(library):
    other = add_note(library, "v/Other.md",
                     "# Intro\n\ntext\n\n## Deep Part\n\nA claim worth citing. ^claim-1\n")
    source = add_note(library, "v/Source.md",
                      "[[Other#Deep Part]] [[Other#^claim-1|the claim]] [[#Below]] "
                      "[x](Other.md#Deep%20Part)\n\n## Below\n")
    html = answer_html(library, library.note(source))
    assert links_of(html) == [(f"note:{other}#deep-part", f"Other{SEPARATOR}Deep Part"),
                              (f"note:{other}#^claim-1", "the claim"), ("#below", "Below"),
                              (f"note:{other}#deep-part", "x")]
    assert all(url_ok(href) for href, _text in links_of(html))
    target = answer_html(library, library.note(other))
    assert '<h2 id="deep-part">Deep Part</h2>' in target
    assert '<p><a id="^claim-1"></a>A claim worth citing.</p>' in target
    assert "^claim-1<" not in target and "citing. ^" not in target


def test_a_section_embed_shows_only_that_section_framed_under_a_link(library):
    other = add_note(library, "v/Other.md",
                     "# One\n\nfirst words\n\n# Two\n\nsecond words\n\n### Two sub\n\nsub words"
                     "\n\n# Three\n\nthird words\n")
    source = add_note(library, "v/Source.md", "Before\n\n![[Other#Two]]\n\nAfter")
    html = answer_html(library, library.note(source))
    frame = html[html.index('<blockquote class="embed">'):html.index("</blockquote>")]
    assert f'href="note:{other}#two"' in frame
    assert "second words" in frame and "sub words" in frame
    assert "first words" not in html and "third words" not in html


def test_a_block_embed_and_a_whole_note_embed(library):
    add_note(library, "v/Other.md", "intro\n\nThe quoted block\non two lines ^q\n\nrest\n")
    source = add_note(library, "v/Source.md", "![[Other#^q]]\n\n![[Other]]")
    html = answer_html(library, library.note(source))
    first, second = html.split('<blockquote class="embed">')[1:]
    assert "The quoted block" in first and "intro" not in first and "rest" not in first
    assert "intro" in second and "rest" in second


def test_a_missing_section_is_a_link_and_embeds_stay_bounded(library):
    other = add_note(library, "v/Other.md", "# Only\n\ntext ![[Source]]")
    source = add_note(library, "v/Source.md",
                      "![[Other#Nowhere]]\n\n" + "\n\n".join(["![[Other]]"] * (MAX_EMBEDS + 3)))
    html = answer_html(library, library.note(source))
    assert html.count('<blockquote class="embed">') == MAX_EMBEDS
    assert f'href="note:{other}#nowhere"' in html
    # One level: the embedded note's own embed of this note is a link.
    assert html.count('<blockquote class="embed">') == html.count("</blockquote>")


def test_images_show_only_the_librarys_attachments(library):
    add_attachment(library, "v/assets/pic one.png", png())
    source = add_note(library, "v/notes/Source.md",
                      "![[pic one.png]] ![[pic one.png|120]] ![alt](../assets/pic%20one.png) "
                      "![web](http://example.com/x.png) ![secret](/etc/passwd) "
                      "![up](../../../etc/passwd) ![[missing.png]] ![file](file:///etc/passwd)")
    html = answer_html(library, library.note(source))
    sources = re.findall(r'<img src="([^"]*)"', html)
    assert sources == ["attachment:v/assets/pic%20one.png"] * 3
    assert 'width="120"' in html
    for placeholder in ("[image: web]", "[image: secret]", "[image: up]", "[image: file]"):
        assert placeholder in html
    assert "example.com" not in html and "/etc/passwd" not in html
    assert library.attachment("v/assets/pic one.png") == png()
    assert library.attachment("/etc/passwd") is None


def test_a_question_note_never_resolves_by_the_vault(library):
    add_note(library, "v/Does it?.md", "vault text")
    cited = add_stub(library, "Does it?")
    note_id, _ = library.create_note("Which one?", body="See [[Does it?]].")
    html = answer_html(library, library.note(note_id))
    assert links_of(html) == [(f"note:{cited}", "Does it?")]
    assert library.vault_links(note_id).targets == {}


def test_note_links_with_an_anchor_stay_within_the_allow_list():
    assert url_ok("note:5#^block-1") and url_ok("note:5#a-heading")
    assert not url_ok("note:5#<script>") and not url_ok(f"note:{MAX_NOTE_ID + 1}#x")
    assert not url_ok("note:0#x")


def test_show_html_prints_a_vault_note_as_the_pane_gets_it(library, capsys, two_indexes):
    library.close()
    path = str(library.path)
    assert main(["--db", path, "show", "Home", "--html"]) == 0
    printed = capsys.readouterr().out
    assert f'href="note:{two_indexes["a"]}"' in printed and '<h1 class="title">Home</h1>' in printed


# -- editing -----------------------------------------------------------------------------


def test_saving_a_vault_note_keeps_path_front_matter_and_a_revision(library, two_indexes):
    a, b = two_indexes["a"], two_indexes["b"]
    connection = library.db.connection()
    connection.execute("UPDATE note_file SET front_matter = ? WHERE note_id = ?",
                       ("title: Index\ncustom: 1", a))
    add_links(library, a, [a, b])
    note = library.note(a)
    # Not a question, and another note is titled "Index Page" too: both fine.
    add_note(library, "v/c/Index Page.md", "c")
    changes = library.save_note(a, "Index Page", "", "", note.body + "\n\nAlso [[Home]].")
    saved = library.note(a)
    assert (saved.title, saved.path) == ("Index Page", "v/a/Index.md")
    assert connection.execute("SELECT front_matter FROM note_file WHERE note_id = ?",
                              (a,)).fetchone()[0] == "title: Index\ncustom: 1"
    assert [r.body for r in library.revisions(a)] == [note.body]
    assert [s.target.id for s in library.sources(a)] == [b, two_indexes["home"]]
    assert a in changes.notes and changes.links


def test_saving_relinks_by_the_vault_rules_with_stubs_for_unresolved(library, two_indexes):
    a = two_indexes["a"]
    library.save_note(a, "Index", "", "", "[[Index]] [[Nowhere]] [[pic.png]] [[#Top]] "
                      "[[Home]] [[Home#Part]]")
    sources = library.sources(a)
    assert [(s.target.title, s.target.path, s.target.is_stub) for s in sources] == [
        ("Nowhere", "", True), ("Home", "v/Home.md", False)]
    assert [b.source.id for b in library.backlinks(sources[0].target.id)] == [a]
    assert library.check() == []


def test_a_vault_title_needs_one_line_and_no_question_mark(library, two_indexes):
    with pytest.raises(LibraryError, match="one line"):
        library.save_note(two_indexes["a"], "Two\nlines", "", "", "x")
    with pytest.raises(LibraryError, match="end it with"):
        library.create_note("A library note")  # (the library's own notes: still questions)
    assert library.note(two_indexes["a"]).title == "Index"


def test_resolving_a_notes_links_reads_no_whole_table(library):
    """Opening a vault note stays as fast in a vault of 100,000 notes as in one of ten:
    every statement vault_links runs finds its rows through an index."""
    from notegui.store import vault_links

    connection = library.db.connection()
    for statement in (vault_links._NOTES_NAMED.format("?"), vault_links._NOTES_ALIASED.format(
            "?"), vault_links._NOTE_AT, vault_links._IMAGES_NAMED.format("?"),
                      vault_links._STUB):
        plan = " | ".join(row[3] for row in connection.execute(
            f"EXPLAIN QUERY PLAN {statement}", ("x",) * statement.count("?")))
        assert "SCAN" not in plan, (statement, plan)


def test_hostile_links_of_a_vault_note_stay_inert(library):
    add_attachment(library, 'v/a"b<c>.png', png())
    hostile = ('[[<script>alert(1)</script>]] [[x#"onmouseover=alert(1)]] '
               '[[x#^"><b>]] [j](javascript:alert(1)) [d](data:text/html,x) '
               '![[../../../etc/passwd]] ![e](file:///etc/passwd) [[a"b<c>.png]] '
               '![[a"b<c>.png]] [[#<h1>]] ![[x#<img src=y>]] [q](%2e%2e/%2e%2e/etc/passwd) '
               '[[' + "x" * 390 + ']] ^bad"id [[\u202eevil]]')
    source = add_note(library, "v/Source.md", hostile + "\n\n" + hostile)
    add_note(library, "v/x.md", "# H\n\nx")
    html = answer_html(library, library.note(source))
    assert "<script" not in html and "<b>" not in html and "<h1>&lt;" not in html
    assert "onmouseover=" not in html.replace("onmouseover=alert", "")  # (as text only)
    assert all(url_ok(href) for href, _text in links_of(html))
    assert re.findall(r'<img src="([^"]*)"', html) == ["attachment:v/a%22b%3Cc%3E.png"] * 2
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # (not in any attribute)


# -- with the real vault import ----------------------------------------------------------

FOAM_DOCS = Path("/work/shared/samples/vaults/foam-docs")


def _vault(root: Path) -> Path:
    files = {
        ".obsidian/app.json": "{}",
        "a/Index.md": "A's index: [[Page]], [[b/Index|B's]], ![[pic.png]]",
        "a/Page.md": "---\naliases: [First page]\n---\nBack to [[Index]]. ## not a heading\n",
        "b/Index.md": "B's index: [[Page]] and [[First page]] and [[Nowhere]].\n\n## Part\n\n"
                      "Part text ^p1\n",
        "b/Page.md": "Back to [[Index#Part]], ![[Index#^p1]] and [x](../a/Page.md).",
        "assets/pic.png": png(),
    }
    for name, content in files.items():
        path = root / "vault" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root / "vault"


def _link_rows(library, note_id: int) -> list[int]:
    return [s.target.id for s in library.sources(note_id)]


@pytest.mark.parametrize("which", ["generated", "foam-docs"])
def test_imported_vault_notes_render_and_save_with_the_imports_links(tmp_path, capsys,
                                                                     which):
    """Through the real import: what a note shows links where its link rows lead, and
    saving it changed resolves its links exactly as the import did (links in step)."""
    if which == "foam-docs" and not FOAM_DOCS.is_dir():
        pytest.skip("the foam-docs sample vault is not here")
    folder = _vault(tmp_path) if which == "generated" else FOAM_DOCS
    db = tmp_path / "library.sqlite3"
    assert main(["--db", str(db), "import", str(folder)]) == 0
    capsys.readouterr()
    with SqliteLibrary(db) as library:
        ids = [row[0] for row in library.db.execute_sql(
            "SELECT id FROM note WHERE path != '' ORDER BY path")]
        assert len(ids) >= 4
        for note_id in ids:
            note = library.note(note_id)
            html = answer_html(library, note)
            shown = {int(href[5:].partition("#")[0]) for href, _text in links_of(html)
                     if href.startswith("note:")} - {note_id}
            rows = _link_rows(library, note_id)
            # (every note it links to is shown as a link; an embed's own links show too)
            assert set(rows) <= shown, (note.path, rows, html)
            library.save_note(note_id, note.title, note.description, note.summary,
                              note.body + "\n")
            assert _link_rows(library, note_id) == rows, note.path
        assert library.check() == []
        if which == "generated":
            by_path = {library.note(i).path: i for i in ids}
            index_a = answer_html(library, library.note(by_path["vault/a/Index.md"]))
            assert links_of(index_a)[:2] == [(f"note:{by_path['vault/a/Page.md']}", "Page"),
                                             (f"note:{by_path['vault/b/Index.md']}", "B&#x27;s")]
            assert '<img src="attachment:vault/assets/pic.png"' in index_a
            page_b = answer_html(library, library.note(by_path["vault/b/Page.md"]))
            assert f'href="note:{by_path["vault/b/Index.md"]}#part"' in page_b
            assert "Part text" in page_b and '<blockquote class="embed">' in page_b


def test_the_stub_a_link_makes_is_named_by_its_file_name():
    """(The editor and the import make stubs with this one function.)"""
    from notegui.core.vault.model import LinkRef
    from notegui.core.vault.resolve import stub_title

    made = {"Missing": "Missing", "folder/Missing.md": "Missing", " a  b .MD ": "a b",
            "x.markdown": "x", "pic.PNG": "", "doc.pdf": "", "data.json": "",
            "Café\u0301.mkd": "Café\u0301", "dir/": "dir", "a.b.c": "a.b.c", "\u200bzw": "zw"}
    for target, title in made.items():
        assert stub_title(LinkRef(target)) == title, target


def test_an_embedded_notes_anchors_do_not_take_this_notes_place(library):
    add_note(library, "v/Other.md", "## Goals\n\nTheirs. ^mine\n")
    source = add_note(library, "v/Source.md",
                      "![[Other]]\n\n[[#Goals]] [[#^mine]]\n\n## Goals\n\nOurs. ^mine\n")
    html = answer_html(library, library.note(source))
    assert html.count('id="goals"') == 1 and html.count('id="^mine"') == 1
    assert html.index('id="goals"') > html.index("Theirs.")


def test_a_dendron_workspace_links_label_first_as_imported(tmp_path, capsys):
    """Dendron writes [[label|note.name]]: shown and saved so, as the import read it."""
    root = tmp_path / "notes"
    for name, text in {
            "dendron.yml": "version: 5\n",
            "a.md": "[[The B note|b.c]] and [[dendron://notes/b.c]]\n\n![[Pip|lang.pip#^blk1:#*]]",
            "b.c.md": "B text",
            "lang.pip.md": "intro\n\nThe pip block ^blk1\n\nrest"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    db = tmp_path / "library.sqlite3"
    assert main(["--db", str(db), "import", str(root)]) == 0
    capsys.readouterr()
    with SqliteLibrary(db) as library:
        ids = {path: note_id for note_id, path in library.db.execute_sql(
            "SELECT id, path FROM note WHERE path != ''")}
        a = library.note(ids["notes/a.md"])
        html = answer_html(library, a)
        assert links_of(html)[:2] == [(f"note:{ids['notes/b.c.md']}", "The B note"),
                                      (f"note:{ids['notes/b.c.md']}", "b.c")]
        assert "The pip block" in html and "intro" not in html
        rows = _link_rows(library, a.id)
        library.save_note(a.id, a.title, "", "", a.body + "\n")
        assert _link_rows(library, a.id) == rows == [ids["notes/b.c.md"],
                                                      ids["notes/lang.pip.md"]]
