"""Reading markdown folders (core.vault): what each note of an Obsidian, Foam, Dendron or
plain folder becomes, and one bad file refused with its reason while the rest is read."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

from file_tree import write
from notegui.core.import_listing import IMAGE, PDF, Skipped
from notegui.core.vault import (
    LinkIndex,
    LinkRef,
    Problem,
    VaultAttachment,
    VaultFile,
    detect,
    kinds,
    read_vault,
    resolve,
)
from notegui.core.vault.front_matter import MAX_FRONT_MATTER_CHARS
from notegui.core.vault.links import scan
from notegui.core.vault.reader import MAX_ATTACHMENT_BYTES

FOAM_DOCS = Path("/work/shared/samples/vaults/foam-docs")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def read(root: Path, **options: object) -> dict[str, VaultFile | VaultAttachment | Problem]:
    return {item.path: item for item in read_vault(root, **options)}  # type: ignore[arg-type]


def note(items: Mapping[str, object], path: str) -> VaultFile:
    item = items[path]
    assert isinstance(item, VaultFile), item
    return item


# -- detection -------------------------------------------------------------------------------


@pytest.mark.parametrize(("files", "kind"), [
    ({"dendron.yml": "version: 5\n", "a.b.md": "x"}, kinds.DENDRON),
    ({".obsidian/app.json": "{}", "a.md": "x"}, kinds.OBSIDIAN),
    ({".foam/templates/t.md": "x", "a.md": "x"}, kinds.FOAM),
    ({".vscode/extensions.json": '{"recommendations": ["foam.foam-vscode"]}', "a.md": "x"},
     kinds.FOAM),
    ({".vscode/extensions.json": '// comment\n{"recommendations": ["foam.foam-vscode"]}'},
     kinds.FOAM),
    ({".vscode/extensions.json": '{"recommendations": ["ms-python.python"]}', "a.md": "x"},
     kinds.MARKDOWN),
    ({".notegui-export.json": "{}", ".obsidian/x": "", "a.md": "x"}, kinds.NOTEGUI_EXPORT),
    ({"q/Why?.txt": "Why?\n\nBecause.\n"}, kinds.QUESTION_NOTES),
    ({"q/Why?.txt": "Why?\n", "sub/a.md": "x"}, kinds.MARKDOWN),
    ({"a.md": "x"}, kinds.MARKDOWN),
    ({}, kinds.MARKDOWN),
])
def test_detect_names_the_tool_by_its_own_files(
        tmp_path: Path, files: dict[str, str], kind: str) -> None:
    assert detect(write(tmp_path, files)) == kind


# -- Obsidian --------------------------------------------------------------------------------


def obsidian_vault(root: Path) -> Path:
    return write(root, {
        ".obsidian/app.json": "{}",
        ".trash/old.md": "gone",
        "Home.md": (
            "---\ntitle: Welcome home\naliases: [Start, Index]\ntags: [a, '#b']\n---\n"
            "# Home\nSee [[Ideas]] and [[work/Ideas|the work ones]], [[#Home]],\n"
            "[[Project#Plan]], [[Project#^abc123]], ![[img.png]] and\n"
            "[the project](work/My%20Project.md#Plan) and ![pic](img.png).\n"
            "Tagged #inline and #nested/tag/, not `#code` or `[[Code]]` or\n"
            "https://example.com/#fragment or [a link #no](https://example.com).\n"
            "```python\n# comment\n[[Fenced]] #fenced\n```\n"
            "%% [[Hidden]] #hidden %%\n"),
        "Ideas.md": "Ideas at the top. Back to [[home]].\n",
        "work/Ideas.md": "Work ideas: [[Ideas]] is this one, [[../Home.md]] up.\n",
        "work/My Project.md": "---\ntags: x, y z\n---\n## Plan\nsee [up](../Home.md)\n",
        "work/Project.md": "Plan ^abc123\n",
        "img.png": PNG,
        "doc.pdf": b"%PDF-1.4",
    })


def test_obsidian_notes_titles_aliases_tags(tmp_path: Path) -> None:
    skipped = Skipped()
    items = read(obsidian_vault(tmp_path / "Vault"), skipped=skipped)
    assert sorted(items) == ["Vault/Home.md", "Vault/Ideas.md", "Vault/img.png",
                             "Vault/work/Ideas.md", "Vault/work/My Project.md",
                             "Vault/work/Project.md"]  # (.obsidian, .trash not read)
    home = note(items, "Vault/Home.md")
    assert home.title == "Welcome home"
    assert home.name_key == "home"
    assert home.aliases == ("Start", "Index")
    assert home.tags == ("a", "b", "inline", "nested/tag")
    assert home.front_matter == "title: Welcome home\naliases: [Start, Index]\ntags: [a, '#b']\n"
    assert home.body.startswith("# Home\nSee [[Ideas]]")
    assert home.problems == ()
    assert note(items, "Vault/work/My Project.md").tags == ("x", "y", "z")
    assert note(items, "Vault/work/Ideas.md").title == "Ideas"  # (titles may repeat)
    image = items["Vault/img.png"]
    assert isinstance(image, VaultAttachment)
    assert (image.name_key, image.data) == ("img.png", PNG)
    assert skipped.counts[PDF] == 1 and skipped.counts[IMAGE] == 0


def test_obsidian_links_in_order_and_not_in_code(tmp_path: Path) -> None:
    home = note(read(obsidian_vault(tmp_path / "Vault")), "Vault/Home.md")
    assert home.links == (
        LinkRef("Ideas"),
        LinkRef("work/Ideas", shown="the work ones"),
        LinkRef("", heading="Home"),
        LinkRef("Project", heading="Plan"),
        LinkRef("Project", block="abc123"),
        LinkRef("img.png", embed=True),
        LinkRef("work/My Project.md", heading="Plan", shown="the project", markdown=True),
        LinkRef("img.png", shown="pic", embed=True, markdown=True),
    )


def test_obsidian_links_resolve(tmp_path: Path) -> None:
    items = read(obsidian_vault(tmp_path / "Vault"))
    index = LinkIndex.of(items.values())

    def targets(path: str) -> list[str | None]:
        return [resolve(index, path, ref) for ref in note(items, path).links]

    assert targets("Vault/Home.md") == [
        "Vault/Ideas.md",  # (two Ideas: the shortest path)
        "Vault/work/Ideas.md", "Vault/Home.md", "Vault/work/Project.md",
        "Vault/work/Project.md", "Vault/img.png", "Vault/work/My Project.md",
        "Vault/img.png"]
    assert targets("Vault/Ideas.md") == ["Vault/Home.md"]  # (by name, any case)
    # (the Ideas of its own folder; a path from its folder)
    assert targets("Vault/work/Ideas.md") == ["Vault/work/Ideas.md", "Vault/Home.md"]
    assert targets("Vault/work/My Project.md") == ["Vault/Home.md"]
    assert index.is_attachment("Vault/img.png")


# -- Dendron, Foam, plain ----------------------------------------------------------------------


def test_dendron_titles_from_front_matter_else_the_last_segment(tmp_path: Path) -> None:
    items = read(write(tmp_path / "dendron", {
        "dendron.yml": "version: 5\n",
        "vault/root.md": "---\nid: root\ntitle: Root\n---\n",
        "vault/lang.python.md": "---\nid: abc\ntitle: Python\ndesc: ''\n---\n[[lang.python.pip]]\n",
        "vault/lang.python.pip.md": "no front matter\n",
    }))
    assert note(items, "dendron/vault/lang.python.md").title == "Python"
    pip = note(items, "dendron/vault/lang.python.pip.md")
    assert (pip.title, pip.name_key) == ("pip", "lang.python.pip")
    index = LinkIndex.of(items.values())
    source = note(items, "dendron/vault/lang.python.md")
    assert resolve(index, source.path, source.links[0]) == pip.path


def test_dendron_links_put_the_label_first(tmp_path: Path) -> None:
    """Dendron writes [[label|note]] (Obsidian [[note|label]]), and dendron://vault/note
    for a note of another vault of the workspace."""
    items = read(write(tmp_path / "ws", {
        "dendron.yml": "version: 5\n",
        "v/a.md": "[[The B note|b.c]] ![[Pip|lang.pip#^blk1:#*]] [[dendron://v/b.c]] [[b.c]]",
        "v/b.c.md": "x",
        "v/lang.pip.md": "x",
    }))
    source = note(items, "ws/v/a.md")
    assert source.links == (LinkRef("b.c", shown="The B note"),
                            LinkRef("lang.pip", block="blk1", shown="Pip", embed=True),
                            LinkRef("b.c"), LinkRef("b.c"))
    index = LinkIndex.of(items.values())
    assert [resolve(index, source.path, ref) for ref in source.links] == [
        "ws/v/b.c.md", "ws/v/lang.pip.md", "ws/v/b.c.md", "ws/v/b.c.md"]
    # (elsewhere the label is after the pipe)
    obsidian = read(write(tmp_path / "obs", {"a.md": "[[b.c|The B note]]"}))
    assert note(obsidian, "obs/a.md").links == (LinkRef("b.c", shown="The B note"),)


def test_foam_links_and_its_link_reference_definitions(tmp_path: Path) -> None:
    """Foam writes [[wikilinks]] and, at the end, link reference definitions for other
    tools ([note]: path.md "Title"): the definitions add no link of their own."""
    items = read(write(tmp_path / "foam", {
        ".vscode/extensions.json": '{"recommendations": ["foam.foam-vscode"]}',
        "inbox.md": ("# Inbox\n\nSee [[daily-note]] and [[projects/plan]] #todo\n\n"
                     "[//begin]: # \"Autogenerated link references\"\n"
                     "[daily-note]: journal/daily-note.md \"Daily Note\"\n"
                     "[projects/plan]: projects/plan.md \"Plan\"\n[//end]: # \"end\"\n"),
        "journal/daily-note.md": "# Daily\n",
        "projects/plan.md": "back to [inbox](../inbox.md)\n",
    }))
    inbox = note(items, "foam/inbox.md")
    assert (inbox.links, inbox.tags) == ((LinkRef("daily-note"), LinkRef("projects/plan")),
                                         ("todo",))
    index = LinkIndex.of(items.values())
    assert [resolve(index, inbox.path, ref) for ref in inbox.links] == [
        "foam/journal/daily-note.md", "foam/projects/plan.md"]
    plan = note(items, "foam/projects/plan.md")
    assert [resolve(index, plan.path, ref) for ref in plan.links] == ["foam/inbox.md"]


def test_a_plain_folder_titles_are_file_names(tmp_path: Path) -> None:
    items = read(write(tmp_path / "notes", {"a/Some Note.markdown": "text\n"}))
    plain = note(items, "notes/a/Some Note.markdown")
    assert (plain.title, plain.name_key, plain.front_matter, plain.body) == (
        "Some Note", "some note", "", "text\n")


def test_the_vault_name_given_is_the_paths_first_segment(tmp_path: Path) -> None:
    items = read(write(tmp_path / "folder", {"x.md": "x"}), vault_name="Mine")
    assert list(items) == ["Mine/x.md"]
    with pytest.raises(ValueError, match="vault's name"):
        list(read_vault(tmp_path / "folder", "a/b"))


# -- front matter -----------------------------------------------------------------------------


@pytest.mark.parametrize(("yaml_text", "tags"), [
    ("tags: [a, b]", ("a", "b")),
    ("tags: a, b", ("a", "b")),
    ("tags: '#a #b'", ("a", "b")),
    ("tags:\n  - a\n  - B\n  - b", ("a", "B")),
    ("tag: solo", ("solo",)),
    ("tags: [2024, x]", ("2024", "x")),
    ("tags:", ()),
])
def test_front_matter_tags_as_a_list_or_a_string(
        tmp_path: Path, yaml_text: str, tags: tuple[str, ...]) -> None:
    items = read(write(tmp_path / "v", {"n.md": f"---\n{yaml_text}\n---\nbody\n"}))
    assert note(items, "v/n.md").tags == tags


def test_bad_yaml_the_note_is_read_and_the_problem_names_file_and_line(tmp_path: Path) -> None:
    items = read(write(tmp_path / "v", {
        "bad.md": "---\ntitle: ok\ntags: [a, b\nother: 1\n---\nThe text #kept.\n",
        "next.md": "fine",
    }))
    bad = note(items, "v/bad.md")
    assert bad.title == "bad" and bad.body == "The text #kept.\n" and bad.tags == ("kept",)
    assert bad.front_matter == "title: ok\ntags: [a, b\nother: 1\n"
    [problem] = bad.problems
    assert problem.path == "v/bad.md" and problem.line in (4, 5)
    assert str(problem).startswith(f"v/bad.md, line {problem.line}: front matter is not "
                                   "valid YAML")
    assert note(items, "v/next.md").body == "fine"


def test_a_value_that_is_not_text_is_left_out_naming_its_line(tmp_path: Path) -> None:
    items = read(write(tmp_path / "v", {
        "n.md": "---\nid: 1\ntags: [a, {b: 1}, c]\ntitle: [x]\n---\nbody\n"}))
    odd = note(items, "v/n.md")
    assert (odd.title, odd.tags) == ("n", ("a", "c"))
    assert [str(problem) for problem in odd.problems] == [
        "v/n.md, line 4: front matter 'title' is not text: the file name is the title",
        "v/n.md, line 3: front matter 'tags': item 2 is not text: left out"]


def test_description_and_summary_are_read_as_one_line_each(tmp_path: Path) -> None:
    items = read(write(tmp_path / "v", {
        "foam.md": "---\ndescription: >-\n  What a\n  note is for\nsummary: |\n  One\n"
                   "  two \nother: [x]\n---\nbody\n",
        "plain.md": "---\ndescription:\n---\nbody\n"}))
    foam = note(items, "v/foam.md")
    assert (foam.description, foam.summary, foam.problems) == (
        "What a note is for", "One two", ())
    assert (note(items, "v/plain.md").description, note(items, "v/plain.md").summary) == (
        "", "")


def test_a_description_that_is_not_text_is_left_out_naming_file_line_and_key(
        tmp_path: Path) -> None:
    items = read(write(tmp_path / "v", {
        "n.md": "---\ntitle: N\ndescription: [a, b]\nsummary: 42\n---\nbody\n"}))
    odd = note(items, "v/n.md")
    assert (odd.title, odd.description, odd.summary, odd.body) == ("N", "", "", "body\n")
    assert [str(problem) for problem in odd.problems] == [
        "v/n.md, line 3: front matter 'description' is not text: left out",
        "v/n.md, line 4: front matter 'summary' is not text: left out"]


@pytest.mark.parametrize("yaml_text", [
    "[" * 10_000,  # (10,000 deep)
    "a: " + "[" * 5_000 + "]" * 5_000,
    "".join(f"{' ' * depth}- \n" for depth in range(2_000)),
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n"
              for i in range(8)) + "tags: *i\n",  # (a billion laughs)
    "x: " + "y" * MAX_FRONT_MATTER_CHARS,
    "title: !!python/object/apply:os.system ['echo owned']",
    "- just\n- a list",
    "date: 2024-99-99",
])
def test_hostile_front_matter_stays_bounded_and_the_note_is_read(
        tmp_path: Path, yaml_text: str) -> None:
    items = read(write(tmp_path / "v", {"n.md": f"---\n{yaml_text}\n---\nbody\n"}))
    hostile = note(items, "v/n.md")
    assert hostile.body == "body\n" and hostile.title == "n"
    assert hostile.front_matter == yaml_text + "\n"  # (kept as it is)
    assert hostile.tags == () or all(isinstance(tag, str) for tag in hostile.tags)
    assert all(problem.path == "v/n.md" for problem in hostile.problems)


def test_front_matter_never_closed_is_text(tmp_path: Path) -> None:
    items = read(write(tmp_path / "v", {"n.md": "---\ntitle: x\n\nno closing line\n"}))
    unclosed = note(items, "v/n.md")
    assert (unclosed.title, unclosed.front_matter) == ("n", "")
    assert unclosed.body == "---\ntitle: x\n\nno closing line\n"


def test_bom_and_crlf(tmp_path: Path) -> None:
    items = read(write(tmp_path / "v", {
        "n.md": "\ufeff---\r\ntitle: T\r\n---\r\nline one\r\nline two\r\n".encode()}))
    crlf = note(items, "v/n.md")
    assert (crlf.title, crlf.body) == ("T", "line one\nline two\n")


# -- bad files: refused, the walk goes on --------------------------------------------------------


def test_bad_files_are_refused_with_their_reason_and_the_walk_goes_on(tmp_path: Path) -> None:
    root = write(tmp_path / "v", {
        "a.md": "first",
        "b.md": b"good line\n\xff\xfe not utf-8\n",
        "c.md": b"nul \x00 byte",
        "d.md": "last",
        "big.png": b"",
    })
    os.truncate(root / "big.png", MAX_ATTACHMENT_BYTES + 1)
    os.mkfifo(root / "pipe.md")
    os.symlink("loop.md", root / "loop.md")
    items = read(root)
    assert isinstance(items["v/a.md"], VaultFile) and isinstance(items["v/d.md"], VaultFile)
    refused = {path: str(item) for path, item in items.items() if isinstance(item, Problem)}
    assert refused == {
        "v/b.md": "v/b.md, line 2: not valid UTF-8 text (byte offset 10): not read",
        "v/c.md": "v/c.md, line 1: contains a NUL character: not a text file, not read",
        "v/big.png": "v/big.png: larger than 20 MB, the limit for an image: not read",
        "v/pipe.md": "v/pipe.md: a named pipe (FIFO), not a file: not read",
        "v/loop.md": "v/loop.md: a symbolic link loop (it leads back to itself): not read",
    }


def test_a_file_name_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "v"
    root.mkdir()
    (root / "ok.md").write_text("x")
    try:
        with open(os.path.join(os.fsencode(root), b"bad\xff.md"), "wb") as file:
            file.write(b"x")
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    items = list(read_vault(root))
    assert [item.path for item in items if isinstance(item, VaultFile)] == ["v/ok.md"]
    [problem] = [item for item in items if isinstance(item, Problem)]
    assert "its name is not valid UTF-8" in problem.reason
    problem.path.encode("utf-8")  # (printable, storable)


def test_hidden_entries_and_folder_links_are_not_walked(tmp_path: Path) -> None:
    root = write(tmp_path / "v", {"a.md": "x", ".git/b.md": "x", "sub/.hidden.md": "x"})
    os.symlink(root, root / "sub" / "back")  # (a link back up: not followed)
    assert list(read(root)) == ["v/a.md"]


def test_names_are_nfc_in_their_own_case(tmp_path: Path) -> None:
    root = write(tmp_path / "v", {"Cafe\u0301 NOTE.md": "x"})
    [item] = read_vault(root)
    assert isinstance(item, VaultFile)
    assert item.path == "v/Caf\u00e9 NOTE.md" and item.name_key == "caf\u00e9 note"


# -- links and tags as the renderer sees them ------------------------------------------------------


@pytest.mark.parametrize(("body", "links", "tags"), [
    ("`[[a]]` ``x `[[b]]` y`` [[c]]", ["c"], []),
    ("```\n[[a]] #t\n```\n~~~\n[[b]]\n~~~\n[[c]] #u", ["c"], ["u"]),
    ("> ```\n> [[a]]\n> ```\n[[b]]", ["b"], []),
    ("- item\n  ```\n  #t [[a]]\n  ```\n", [], []),
    ("````\n```\n[[a]]\n```\n````\n[[b]]", ["b"], []),
    ("```never closed\n[[a]] #t", [], []),
    ("`unclosed [[a]] #t\n\n[[b]]", ["a", "b"], ["t"]),
    ("\\[[a]] [[b]] \\#c #d", ["b"], ["d"]),
    ("a#b c #1 #2024/x #x/ #-", [], ["2024/x", "x"]),
    ("[#no](x.md) [[y|#no]] url#frag (#yes)", ["x.md", "y"], []),
    ("> #quoted\n>> #deeper", [], ["quoted", "deeper"]),
    ("#Tag #tag #TAG", [], ["Tag"]),
    ("%%\n[[hidden]]\n%% [[shown]]", ["shown"], []),
    ("[mail](mailto:a@b.c) [web](https://x.org/a.md) [pdf](doc.pdf) [](x.md) [s](#Sec)",
     ["x.md", ""], []),
    ("[a](<with space.md>) [b](sub/page \"title\") [c](./c.md)", ["with space.md",
                                                              "sub/page", "./c.md"], []),
])
def test_scan_links_and_tags(body: str, links: list[str], tags: list[str]) -> None:
    found, found_tags = scan(body)
    assert [ref.target for ref in found] == links
    assert list(found_tags) == tags


def test_scan_agrees_with_the_renderer() -> None:
    """Every #tag the reader finds is a tag link in the rendered HTML, and no other; the
    notes its wikilinks name are the ones the renderer looks up."""
    from notegui.core.render import MARKDOWN, render_body

    body = ("#top and #nested/tag/ here `#code` [#in-link](https://x.org) [[A]]\n\n"
            "> #quoted [[B#Part|b]]\n\n```\n#fenced [[C]]\n```\n\n"
            "https://x.org/#frag #9 and a#b #end- `[[D]]` \\[[E]] ![[F]] [[#Here]]")
    links, tags = scan(body)
    looked_up: list[str] = []
    rendered = render_body(body, lambda title: looked_up.append(title), flavour=MARKDOWN)
    assert list(tags) == ["top", "nested/tag", "quoted", "end"]
    for tag in tags:
        assert f'href="tag:{tag}"' in rendered
    assert rendered.count('href="tag:') == len(tags)
    assert [ref.target for ref in links] == ["A", "B", "F", ""]
    assert looked_up == ["A", "B", "F"]


def test_scan_is_linear_on_hostile_text() -> None:
    """50,000 of each character a rule looks at: bounded, as the renderer is."""
    import time

    floor_start = time.perf_counter()
    scan("word " * 50_000)
    floor = time.perf_counter() - floor_start
    for hostile in ("`" * 50_000, "` `` " * 10_000, "[" * 50_000, "[[" * 25_000,
                    "](" * 25_000, "#" * 50_000, "%%" * 25_000, "```\n" * 20_000,
                    "".join("`" * n + " " for n in range(1, 300))):
        start = time.perf_counter()
        scan(hostile)
        assert time.perf_counter() - start < 50 * floor + 0.5, hostile[:20]


def test_worker_processes_read_what_this_process_reads(tmp_path: Path) -> None:
    root = obsidian_vault(tmp_path / "Vault")
    write(root, {"bad.md": b"\xff", "yaml.md": "---\n[\n---\ntext",
                 "said.md": "---\ndescription: D\nsummary: S\n---\ntext"})
    here = list(read_vault(root))
    assert list(read_vault(root, parallel_from=1)) == here
    assert len(here) == 9 and sum(isinstance(item, Problem) for item in here) == 1
    assert any(isinstance(item, VaultFile) and (item.description, item.summary) == ("D", "S")
               for item in here)


# -- the real sample ---------------------------------------------------------------------------


@pytest.mark.skipif(not FOAM_DOCS.is_dir(), reason="the foam-docs sample is not here")
def test_the_foam_docs_sample(capsys: pytest.CaptureFixture[str]) -> None:
    markdown = sorted(str(path.relative_to(FOAM_DOCS)) for path in FOAM_DOCS.rglob("*.md"))
    skipped = Skipped()
    items = list(read_vault(FOAM_DOCS, skipped=skipped))
    notes = [item for item in items if isinstance(item, VaultFile)]
    assert sorted(note.path.removeprefix("foam-docs/") for note in notes) == markdown
    assert not [item for item in items if isinstance(item, Problem)]
    index = LinkIndex.of(items)
    wikilinks = [(note.path, ref) for note in notes for ref in note.links if not ref.markdown]
    resolved = [pair for pair in wikilinks if resolve(index, *pair) is not None]
    assert len(wikilinks) > 150
    assert len(resolved) >= 0.95 * len(wikilinks)
    # ("[[double bracket]]" is written in code spans only: never a link)
    assert not any(ref.target == "double bracket" for _path, ref in wikilinks)
    with capsys.disabled():
        print(f"\nfoam-docs: {len(notes)} notes, {len(wikilinks)} wikilinks, "
              f"{len(resolved)} resolved, attachments "
              f"{sum(isinstance(item, VaultAttachment) for item in items)}")


# -- the front matter's fast path reads what the YAML loader reads ---------------------------

_LINES = [
    "title: Hello world", "title: What is it?", "title: 'quoted: yes'", 'title: "dq #x"',
    "title: yes", "title: 007", "title: 12", "title: 2024-01-02", "title: null", "title:",
    "title: Café au lait", "title: a, b", "title: C++ (notes)", "title: -x", "title: x: y",
    "aliases: [a, b]", "aliases: [yes, 'no']", "aliases: []", "aliases: [a,, b]",
    "aliases: one", "alias: [x y, z]", "aliases:\n  - a\n  - b", "aliases:\n- a\n- 'b c'",
    "aliases:\n  - a\n    - b", "aliases:\n  -\n  - c", "aliases: [a, [b]]",
    "tags: [a, b]", "tags: a, b", "tags: '#a #b'", "tags: [2024, x]", "tags:\n  - x\n  - y",
    "tags: [on, off]", "tags: [0x1F, 1_000]", "tags: [No, TRUE, Null, nULL, y, n, Off]",
    "title: NULL", "title: Onward", "title: 1.5", "title: 3 things", "title: _x",
    "tags: [a, b", "tags: {a: 1}",
    "created: 2024-01-01", "created: 2024-02-30", "updated: 1636492098692", "id: abc-123",
    "desc: ''", 'desc: ""', "desc: it's", "# a comment", "", "  ", "nav_order: 3",
    "date: 2024-01-01 10:00", "x: &a [1]", "y: *a", "odd key: 1", "k:v", "\tk: v",
    "k: v # comment", "k: 'a''b'", 'k: "a\\"b"', "k: ~", "k: .inf", "k: 0b_", "k: 1e3",
    "tags:\n  - a\n  - b\nother: 1", "k: a\n  continued", "key: [a b, c]",
    "description: What it is", "description: 12", "description: [a]", "summary: yes",
    "summary: 'a: b'", "description:\n  - x", "summary: a\n  continued", "description: ~",
]


def test_front_matter_fast_path_reads_what_yaml_reads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from notegui.core.vault import front_matter

    chooser = random.Random(17)
    samples = [*_LINES, *("\n".join(chooser.sample(_LINES, 4)) for _ in range(3_000))]
    fast = [front_matter.read(sample) for sample in samples]
    monkeypatch.setattr(front_matter, "_FAST", False)
    slow = [front_matter.read(sample) for sample in samples]
    for sample, quick, loaded in zip(samples, fast, slow, strict=True):
        assert (quick.title, quick.aliases, quick.tags, quick.description, quick.summary) == (
            loaded.title, loaded.aliases, loaded.tags, loaded.description, loaded.summary
        ), sample
        assert bool(quick.problems) == bool(loaded.problems), sample
    monkeypatch.setattr(front_matter, "_FAST", True)
    # (and it is taken for the common kinds)
    for common in ("title: Hello world\naliases: [a, b]\ntags:\n  - x\ncreated: 2024-01-01",
                   "id: abc\ntitle: Python\ndesc: ''\nupdated: 1636492098692"):
        assert front_matter._simple(common) is not None
