"""notegui export --format html: the library as a static site that opens from disk. A page
a note with its Sources and Cited by, an index, an offline search index in JavaScript,
every internal link leading to a file and anchor that is there, every piece of note text
escaped; refusals write nothing. (tests/test_publish_browser.py opens it in Chromium.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SAMPLE_CITED, SAMPLE_TITLE
from notegui.app import create_demo_library, main
from notegui.publish import site
from publishing import CITED, CITING, HOSTILE, crawl, small_library


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The demo library and the small one's notes together."""
    path = tmp_path / "notes.sqlite3"
    create_demo_library(path).close()
    small_library(path).close()
    return path


def export(capsys, db: Path, out: Path | None, *more: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "export", "--format", "html", *more,
                 *(["-o", str(out)] if out is not None else [])])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def page_of(folder: Path, title: str) -> str:
    index = (folder / "index.html").read_text()
    name = re.search(r'<a href="notes/([^"]+)"[^>]*>' + re.escape(title) + "</a>", index)
    assert name, title
    return (folder / "notes" / name.group(1)).read_text()


def shards(folder: Path) -> list[list]:
    rows = []
    for path in sorted((folder / "search").glob("index-*.js")):
        text = path.read_text()
        assert text.startswith("NOTEGUI_INDEX.push.apply(NOTEGUI_INDEX, ")
        rows.extend(json.loads(text[len("NOTEGUI_INDEX.push.apply(NOTEGUI_INDEX, "):-3]))
    return rows


def test_the_site_has_a_page_a_note_an_index_and_search_and_every_link_resolves(
        capsys, db, tmp_path):
    out = tmp_path / "site"
    code, said, err = export(capsys, db, out)
    assert (code, err) == (0, "")
    notes = len(list((out / "notes").iterdir()))
    assert notes == 13  # (the demo's 9, stubs too, and 4)
    assert said == (f"wrote {notes} notes to {out} (1 index page, 1 search index file); "
                    f"open {out / 'index.html'}\n")
    assert {p.name for p in out.iterdir()} == {
        "index.html", "search.html", "search.js", "style.css", "notes", "search", site.MARKER}
    internal, broken = crawl(out)
    assert broken == [] and internal > 100
    index = (out / "index.html").read_text()
    assert index.count('<li><a href="notes/') == notes
    assert "@media (prefers-color-scheme: dark)" in (out / "style.css").read_text()


def test_a_note_page_shows_the_note_its_sources_in_order_and_who_cites_it(
        capsys, db, tmp_path):
    out = tmp_path / "site"
    assert export(capsys, db, out)[0] == 0
    page = page_of(out, SAMPLE_TITLE)
    assert f"<h1 class=\"title\">{SAMPLE_TITLE}</h1>" in page
    sources = page.split('<section class="links" id="sources">', 1)[1].split("</section>")[0]
    assert f"<h2>Sources ({len(SAMPLE_CITED)})</h2>" in sources
    positions = [sources.index(f">{title}</a>") for title in SAMPLE_CITED]
    assert positions == sorted(positions)
    # The citations in the text lead to the cited notes' pages.
    article = page.split('<article class="note">', 1)[1].split("</article>")[0]
    assert re.search(r'<a [^>]*href="[a-z0-9-]+-[0-9]+\.html"', article)
    assert "note:" not in page
    cited = page_of(out, CITED)
    assert '<section class="links" id="cited-by">' in cited
    assert f">{CITING}</a>" in cited.split('id="cited-by"')[1]
    assert '<a href="../search.html#q=tag:paper">#paper</a>' in cited


def test_note_text_is_escaped_everywhere(capsys, db, tmp_path):
    out = tmp_path / "site"
    assert export(capsys, db, out)[0] == 0
    escaped = ("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
               "&lt;b&gt;bold&lt;/b&gt;?")
    page = page_of(out, escaped)
    assert f'<h1 class="title">{escaped}</h1>' in page
    assert f"<title>{escaped} — notes</title>" in page
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text()
            assert "<script>alert" not in text and "<b>bold" not in text, path
    assert "</script>" not in "".join(p.read_text() for p in (out / "search").iterdir())
    rows = shards(out)
    assert [row[1] for row in rows].count(HOSTILE) == 1  # (the text itself, as data)


def test_the_search_index_holds_every_note_once(capsys, db, tmp_path):
    out = tmp_path / "site"
    assert export(capsys, db, out)[0] == 0
    rows = shards(out)
    assert len(rows) == len({row[0] for row in rows}) == 13
    for name, title, _summary, _tags, _excerpt, stub in rows:
        assert (out / "notes" / name).is_file() and title
        assert stub in (0, 1)
    assert [row[3] for row in rows if row[1] == CITED] == ["paper"]


def test_a_large_library_is_paged_and_its_search_index_sharded(
        capsys, db, tmp_path, monkeypatch):
    monkeypatch.setattr(site, "PER_INDEX_PAGE", 4)
    monkeypatch.setattr(site, "PER_SHARD", 5)
    out = tmp_path / "site"
    code, said, _ = export(capsys, db, out)
    assert code == 0 and "(4 index pages, 3 search index files)" in said
    assert (out / "index-4.html").is_file() and not (out / "index-5.html").exists()
    search = (out / "search.html").read_text()
    assert [f"search/index-00{n}.js" for n in range(3)] == re.findall(
        r'<script src="(search/index-[0-9]+\.js)"', search)
    assert len(shards(out)) == 13
    page_2 = (out / "index-2.html").read_text()
    assert 'href="index.html" rel="prev"' in page_2 and 'href="index-3.html" rel="next"' in page_2
    assert 'rel="next"' not in (out / "index-4.html").read_text()
    assert crawl(out)[1] == []


def test_exporting_again_replaces_the_earlier_site_whole(capsys, db, tmp_path):
    out = tmp_path / "site"
    assert export(capsys, db, out)[0] == 0
    from notegui.store.library import SqliteLibrary

    with SqliteLibrary(db) as library:
        library.trash_note(library.find(CITING).id)
    capsys.readouterr()
    assert export(capsys, db, out)[0] == 0
    assert len(list((out / "notes").iterdir())) == 12
    assert crawl(out)[1] == []
    # (no staging or displaced folder left beside it)
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("notes.sqlite3")] \
        == ["site"]


@pytest.mark.parametrize(("setup", "message"), [
    ("file", "is a file, not a folder"),
    ("full", "is not empty and is not a site notegui wrote: choose an empty or new folder"),
    ("missing", "does not exist: make it first"),
    ("html", "the site is a folder of pages; give a folder (-o FOLDER)"),
    ("none", "export --format html needs -o FOLDER"),
    ("note", "the web site is the whole library: --note is for one note as text or pdf"),
])
def test_a_bad_output_is_refused_and_nothing_written(capsys, db, tmp_path, setup, message):
    out = {"file": tmp_path / "taken", "full": tmp_path / "mine",
           "missing": tmp_path / "no" / "site", "html": tmp_path / "site.html",
           "none": None, "note": tmp_path / "site"}[setup]
    (tmp_path / "taken").write_text("keep me")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "letter.txt").write_text("keep me too")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    code, said, err = export(capsys, db, out, *(["--note", CITED] if setup == "note" else []))
    assert code == 1 and said == "" and message in err
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    assert (tmp_path / "mine" / "letter.txt").read_text() == "keep me too"


def test_page_names_are_safe_and_unique():
    assert site.page_name(7, "Why does X?") == "why-does-x-7.html"
    assert site.page_name(8, "Ça coûte cher ?") == "ca-coute-cher-8.html"
    assert site.page_name(9, "../../etc/passwd") == "etc-passwd-9.html"
    assert site.page_name(10, "日本語") == "10.html"
    assert len(site.page_name(11, "x" * 500)) <= 60 + len("-11.html")
