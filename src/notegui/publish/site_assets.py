"""The static site's style sheet and search script: text written beside the pages."""

from __future__ import annotations

from notegui.core.render import pygments_css

# Light by default; the reader's dark preference swaps the palette (no script needed).
_PAGE_CSS = """
:root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; --link: #0969da;
  --stub: #6e7781; --border: #d1d9e0; --background: #ffffff; --panel: #f6f8fa; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6edf3; --muted: #9198a1; --link: #58a6ff; --stub: #8b949e;
    --border: #3d444d; --background: #0d1117; --panel: #151b23; }
}
html { background: var(--background); color: var(--text); }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.site { border-bottom: 1px solid var(--border); background: var(--panel);
  padding: 0.6rem 1.5rem; }
header.site a { margin-right: 1.2rem; }
header.site .library { color: var(--muted); float: right; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.5rem 4rem; }
a { color: var(--link); }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.4rem 0 0.6rem; }
article h1 ~ h1, article h2 { font-size: 1.4rem; }
article h3 { font-size: 1.2rem; }
article h4, article h5, article h6 { font-size: 1.05rem; }
pre { overflow-x: auto; padding: 0.7rem; border-radius: 6px; line-height: 1.4; }
code { font-size: 0.9em; padding: 0.1em 0.25em; border-radius: 4px; }
pre code { padding: 0; }
img { max-width: 100%; }
section.links { border-top: 1px solid var(--border); margin-top: 2rem; }
section.links h2 { font-size: 1.15rem; }
section.links li { margin-bottom: 0.4rem; }
.summary, .count, .pager, .empty { color: var(--muted); }
.stub, a.stub { color: var(--stub); font-style: italic; }
p.tags a { margin-right: 0.6rem; }
ol.index, ol.results { padding-left: 1.6rem; }
input#query { width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem;
  border: 1px solid var(--border); border-radius: 6px; background: var(--background);
  color: var(--text); }
.results .snippet { color: var(--muted); margin: 0.1rem 0 0.2rem; }
"""


def style_sheet() -> str:
    """The page rules, then the renderer's rules for a note's own elements (code, citations,
    callouts) in the light palette, and the dark palette's under the reader's preference."""
    return (_PAGE_CSS + pygments_css(False)
            + "\n@media (prefers-color-scheme: dark) {\n" + pygments_css(True) + "}\n")


# Runs after every index shard (search/index-NNN.js) has pushed its rows into
# NOTEGUI_INDEX; each row: [page, title, summary, tags (space-separated), excerpt, stub].
# The query comes from the box or the URL's #q=...; results are made with textContent only.
SEARCH_JS = r"""
(function () {
  "use strict";
  var rows = window.NOTEGUI_INDEX || [];
  var box = document.getElementById("query");
  var list = document.getElementById("results");
  var status = document.getElementById("status");
  var LIMIT = 200;
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var folded = null;  // each row's searchable text, folded once on the first search
  function words(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function hasPrefix(text, word) {
    var at = text.indexOf(word);
    while (at !== -1) {
      if (at === 0 || /[^\p{L}\p{N}]/u.test(text.charAt(at - 1))) { return true; }
      at = text.indexOf(word, at + 1);
    }
    return false;
  }
  function search(query) {
    var tags = [], terms = [];
    query.trim().split(/\s+/).forEach(function (part) {
      if (/^tag:./i.test(part)) { tags.push(fold(part.slice(4))); }
      else if (part) { terms = terms.concat(words(part)); }
    });
    if (!tags.length && !terms.length) { return null; }
    if (folded === null) {
      folded = rows.map(function (row) {
        return [fold(row[1]), fold(row[1] + " " + row[2] + " " + row[4]),
                " " + fold(row[3]) + " "];
      });
    }
    var found = [];
    for (var i = 0; i < rows.length; i++) {
      var f = folded[i], score = 0, ok = true;
      for (var t = 0; t < tags.length && ok; t++) { ok = f[2].indexOf(" " + tags[t] + " ") !== -1; }
      for (var w = 0; w < terms.length && ok; w++) {
        if (hasPrefix(f[0], terms[w])) { score += 3; }
        else if (hasPrefix(f[1], terms[w])) { score += 1; }
        else { ok = false; }
      }
      if (ok) { found.push([score, i]); }
    }
    found.sort(function (a, b) {
      return b[0] - a[0] || (rows[a[1]][1] < rows[b[1]][1] ? -1 : 1);
    });
    return found;
  }
  function show(query) {
    var found = search(query);
    list.textContent = "";
    if (found === null) { status.textContent = rows.length + " notes: type to search."; return; }
    status.textContent = found.length === 0 ? "No notes match." :
      found.length + (found.length === 1 ? " note" : " notes") +
      (found.length > LIMIT ? " (the first " + LIMIT + " shown)" : "");
    found.slice(0, LIMIT).forEach(function (hit) {
      var row = rows[hit[1]];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "notes/" + row[0];
      link.textContent = row[1];
      if (row[5]) { link.className = "stub"; }
      item.appendChild(link);
      var text = row[2] || row[4];
      if (text) {
        var snippet = document.createElement("p");
        snippet.className = "snippet";
        snippet.textContent = text;
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
  }
  function fromHash() {
    var match = /^#q=(.*)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1].replace(/\+/g, " ")) : "";
  }
  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      try { history.replaceState(null, "", "#q=" + encodeURIComponent(box.value)); }
      catch (ignored) { /* a browser that refuses it on file:// still shows the results */ }
      show(box.value);
    }, 120);
  });
  window.addEventListener("hashchange", function () { box.value = fromHash(); show(box.value); });
  box.value = fromHash();
  show(box.value);
})();
"""
