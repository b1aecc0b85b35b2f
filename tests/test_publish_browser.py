"""The exported site in a real browser: Debian's Chromium, headless, loading the pages from
file:// with no server. The search page finds notes from its generated index (the query in
the URL's #q=), tag filters work, hostile titles stay text, no page logs a script error.
(Every link's target is checked over the files in test_publish_site.py.) Skipped, saying
so, where Chromium is not installed; CI installs it (.ci/run)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import SAMPLE_TITLE
from notegui.app import create_demo_library, main
from publishing import CITED, CITING, HOSTILE, crawl, small_library

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="Chromium is not installed (apt install chromium)")


@pytest.fixture(scope="module")
def site_folder(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("browser")
    db = work / "notes.sqlite3"
    create_demo_library(db).close()
    small_library(db).close()
    assert main(["--db", str(db), "export", "--format", "html", "-o", str(work / "site")]) == 0
    return work / "site"


def dump(page: Path, fragment: str, profile: Path) -> tuple[str, str]:
    """The page's DOM after its scripts ran, and what the browser logged."""
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
         "--dump-dom", page.as_uri() + fragment],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr


def results(dom: str) -> list[tuple[str, str]]:
    """The search results shown: (href, title) each."""
    listed = dom.split('<ol id="results" class="results">', 1)[1].split("</ol>", 1)[0]
    return [(href, unescape(title)) for href, title in
            re.findall(r'<li><a href="([^"]+)"[^>]*>(.*?)</a>', listed)]


def status(dom: str) -> str:
    return unescape(re.search(r'<p id="status"[^>]*>(.*?)</p>', dom).group(1))


def test_the_search_page_finds_notes_offline(site_folder, tmp_path):
    dom, log = dump(site_folder / "search.html", "#q=" + quote("reasoning transf"),
                    tmp_path / "profile")
    found = results(dom)
    assert found[0][1] == SAMPLE_TITLE  # (its title has both words: first)
    assert status(dom) == f"{len(found)} note{'s' if len(found) > 1 else ''}"
    for href, _title in found:
        assert (site_folder / href).is_file()
    assert "CONSOLE" not in log


def test_a_tag_filter_and_no_query(site_folder, tmp_path):
    dom, _ = dump(site_folder / "search.html", "#q=tag%3Apaper", tmp_path / "profile")
    assert sorted(title for _href, title in results(dom)) == sorted([CITED, CITING])
    dom, _ = dump(site_folder / "search.html", "", tmp_path / "profile")
    assert results(dom) == [] and status(dom) == "13 notes: type to search."
    dom, _ = dump(site_folder / "search.html", "#q=zzzzqx", tmp_path / "profile")
    assert results(dom) == [] and status(dom) == "No notes match."


def test_a_hostile_title_is_found_and_shown_as_text(site_folder, tmp_path):
    dom, log = dump(site_folder / "search.html", "#q=script%20bold", tmp_path / "profile")
    assert [title for _href, title in results(dom)] == [HOSTILE]
    assert "<script>alert" not in dom and "<b>bold" not in dom
    assert "CONSOLE" not in log


def test_pages_load_from_disk_with_their_links(site_folder, tmp_path):
    internal, broken = crawl(site_folder)
    assert broken == [] and internal > 100
    dom, log = dump(site_folder / "index.html", "", tmp_path / "profile")
    hrefs = re.findall(r'<li><a href="(notes/[^"]+)"', dom)
    assert len(hrefs) == 13
    sample = next(href for href in hrefs if "why-does-reasoning-transfer" in href)
    dom, log = dump(site_folder / sample, "", tmp_path / "profile")
    assert f"<h1 class=\"title\">{SAMPLE_TITLE}</h1>" in dom and 'id="sources"' in dom
    assert "CONSOLE" not in log  # (a script error)
