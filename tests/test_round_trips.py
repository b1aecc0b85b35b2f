"""Round trips (issue 17, point 4): a library through its markdown export into an empty
library gives the same JSON (timestamps aside), question notes, stubs, tags, odd titles
and vault notes alike; a vault imported then exported has every link leading to the note
it led to in the vault (core.vault.resolve, Obsidian's rules, over the exported folder);
a JSON export carries vault notes back into an empty library. (The question-note format's
byte-exact round trip: test_question_note_format, test_json_and_markdown.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT
from file_tree import write
from notegui.app import main
from notegui.core.formats import json_format
from notegui.core.formats.document import LibraryDocument, NoteRecord
from notegui.core.formats.export_reader import vault_kind
from notegui.core.vault import LinkIndex, VaultFile, read_vault, resolve
from vault_rows import png

DEMO = sorted((ROOT / "resources" / "demo").glob("*.txt"))
HOSTILE = [  # (the export tests' hostile titles)
    "x" * 299 + "?", "é" * 140 + " and a long tail of accents?", "👍🏽 thumbs " * 25 + "?",
    "CON?", "nul.txt?", "Com1?", ".hidden?", "...dots?", "a/b?", "Why: is it?",
    "Why is it?", "What about [[links]] and %%comments%% and #tags ^ids | pipes?",
    "Café crème?", "Naïve é question?",
]


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def generated_vault(root: Path, notes: int = 24) -> Path:
    """An Obsidian vault: one file name in two folders (Topic, Ideas), links by name, by
    path and by alias, to headings and blocks, embeds of notes and of an image, markdown
    links relative to the note, tags, descriptions and summaries, front matter with keys
    notegui does not use, and links that lead nowhere (stubs)."""
    files: dict[str, str | bytes] = {
        ".obsidian/app.json": "{}",
        "assets/pic.png": png(),
        "Ideas.md": "Top ideas. ![[pic.png]] and ![alt](assets/pic.png)\n",
        "work/Ideas.md": "---\naliases: [Work ideas]\n---\nWork ideas: [[Ideas]] (this one), "
                         "[[../Ideas.md|the top ones]], [up](../Ideas.md).\n",
    }
    folders = ["", "a/", "a/b/", "c/"]
    for i in range(notes):
        folder = folders[i % len(folders)]
        j, k = (i + 1) % notes, (i + 5) % notes
        other = folders[j % len(folders)]
        name = f"Topic {i // 2}" if i % 6 in (0, 3) else f"Note {i}"  # (same names)
        front = (f"---\ntitle: Title {i}\naliases: [Alias {i}]\ntags: [t{i % 3}, shared]\n"
                 f"status: draft\ncreated: 2020-01-0{1 + i % 9}\n"
                 + (f"description: About {i}\nsummary: Sums {i} up\n" if i % 4 == 1 else "")
                 + "---\n" if i % 2 else "")
        files[f"{folder}{name}.md"] = (
            f"{front}# Heading {i}\n\nSee [[Note {j}]], [[{other}Note {j}|by path]], "
            f"[[Note {k}#Heading {k}]], [[Note {k}#^blk{k}]], [[Alias {j}]], "
            f"[[Topic {i // 2}]], [[work/Ideas]], [[Ideas]], [[Missing {i % 4}]].\n"
            f"![[Note {j}]] ![[pic.png]] [md link](../{name}.md) #inline/tag{i % 2}\n\n"
            f"A paragraph ^blk{i}\n\n```\n[[Not a link]] #notatag\n```\n")
    return write(root, files)


def resolved(folder: Path, vault: str, kind: str = "markdown",
             ) -> dict[str, list[str | None]]:
    """Every note's links, each as the path it leads to (None: nowhere), by Obsidian's
    rules over the folder as it is."""
    items = list(read_vault(folder, vault, kind=kind))
    index = LinkIndex.of(items)
    return {item.path: [resolve(index, item.path, ref) for ref in item.links]
            for item in items if isinstance(item, VaultFile)}


def without_times(text: str) -> dict[str, object]:
    raw = json.loads(text)
    for entry in raw["notes"] + raw["annotations"]:
        entry.pop("created"), entry.pop("updated")
    return raw


def hostile_json(path: Path) -> Path:
    """Notes of the hostile titles citing each other, with tags and sources."""
    notes = tuple(
        NoteRecord(title, f"Description {i}.", f"Summary {i}.",
                   f"Body {i}. See [[{HOSTILE[(i + 1) % len(HOSTILE)]}]].\nA second line.",
                   links=(HOSTILE[(i + 1) % len(HOSTILE)],),
                   sources=(f"Why {i} cites it.",) if i % 3 else (None,),
                   tags=(f"tag{i % 4}", "hostile"))
        for i, title in enumerate(HOSTILE))
    path.write_text(json_format.dumps(LibraryDocument(notes)), encoding="utf-8")
    return path


def test_library_through_markdown_into_an_empty_library_gives_the_same_json(
        capsys, tmp_path: Path) -> None:
    db, fresh, out = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "out"
    vault = generated_vault(tmp_path / "vault")
    for source in (*DEMO, hostile_json(tmp_path / "hostile.json"), vault):
        code, said = cli(capsys, "--db", db, "import", source)
        assert code == 0, said
    first = cli(capsys, "--db", db, "export", "--format", "json")[1]
    document = json.loads(first)["notes"]
    assert any(n["description"] == "" and n["body"] == "" for n in document)  # stubs
    assert sum(1 for n in document if n.get("path")) == 26  # vault notes
    assert sum(1 for n in document if n.get("path") and n["description"]) == 6
    assert any(n.get("path") and n["links"] for n in document)
    code, said = cli(capsys, "--db", db, "export", "--format", "markdown", "-o", out)
    assert code == 0, said
    code, said = cli(capsys, "--db", fresh, "import", out)
    assert code == 0, said
    second = cli(capsys, "--db", fresh, "export", "--format", "json")[1]
    assert without_times(second) == without_times(first)
    # and once more: importing the export again changes nothing
    code, said = cli(capsys, "--db", fresh, "import", out)
    assert code == 0 and said.splitlines()[-1].startswith("0 imported, "), said
    assert cli(capsys, "--db", fresh, "check")[0] == 0


def test_vault_imported_then_exported_links_lead_to_the_same_notes(
        capsys, tmp_path: Path) -> None:
    db, out = tmp_path / "a.sqlite3", tmp_path / "out"
    vault = generated_vault(tmp_path / "vault")
    before = resolved(vault, "vault")
    assert sum(1 for links in before.values() for path in links if path) > 150
    assert any(path is None for links in before.values() for path in links)  # (stubs)
    assert cli(capsys, "--db", db, "import", vault)[0] == 0
    assert cli(capsys, "--db", db, "export", "--format", "markdown", "-o", out)[0] == 0
    after = resolved(out / "vault", "vault")
    assert after == before
    assert (out / "vault/assets/pic.png").read_bytes() == (vault / "assets/pic.png").read_bytes()


def test_json_export_brings_vault_notes_back_by_path(capsys, tmp_path: Path) -> None:
    db, fresh = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    vault = generated_vault(tmp_path / "vault")
    write(vault, {"Same.md": "---\ntitle: Why the same?\n---\nThe vault's.\n"})
    assert cli(capsys, "--db", db, "import", vault)[0] == 0
    # a note of the library's own with a vault note's title is never replaced
    same = tmp_path / "same.json"
    same.write_text(json_format.dumps(LibraryDocument((
        NoteRecord("Why the same?", "Its own.", "", "Own text."),))), encoding="utf-8")
    assert cli(capsys, "--db", db, "import", same)[0] == 0
    exported = tmp_path / "library.json"
    assert cli(capsys, "--db", db, "export", "--format", "json", "-o", exported)[0] == 0
    code, said = cli(capsys, "--db", fresh, "import", exported)
    assert code == 0, said
    again = cli(capsys, "--db", fresh, "export", "--format", "json")[1]
    assert without_times(again) == without_times(exported.read_text(encoding="utf-8"))
    same_titled = [(n.get("path", ""), n["body"]) for n in json.loads(again)["notes"]
                   if n["title"] == "Why the same?"]
    assert same_titled == [("", "Own text."), ("vault/Same.md", "The vault's.\n")]
    code, said = cli(capsys, "--db", fresh, "import", exported)
    assert code == 0 and "1 unchanged" in said, said


FOAM_DOCS = Path("/work/shared/samples/vaults/foam-docs")


@pytest.mark.skipif(not FOAM_DOCS.is_dir(), reason="the sample vault is not here")
def test_a_real_vault_round_trips(capsys, tmp_path: Path) -> None:
    """Foam's documentation (86 notes, 13 images): its links lead where they led after
    import and export, and the export imported into an empty library gives its JSON."""
    db, fresh, out = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "out"
    assert cli(capsys, "--db", db, "import", FOAM_DOCS)[0] == 0
    assert cli(capsys, "--db", db, "export", "--format", "markdown", "-o", out)[0] == 0
    assert resolved(out / "foam-docs", "foam-docs") == resolved(FOAM_DOCS, "foam-docs")
    assert cli(capsys, "--db", fresh, "import", out)[0] == 0
    assert without_times(cli(capsys, "--db", fresh, "export", "--format", "json")[1]) == (
        without_times(cli(capsys, "--db", db, "export", "--format", "json")[1]))


def dendron_workspace(root: Path) -> Path:
    """A Dendron workspace: dotted names, front matter as Dendron writes it, links with
    the label first ([[label|note.name]])."""
    def note(i: int, title: str, body: str) -> str:
        return (f"---\nid: n{i}x\ntitle: {title}\ndesc: ''\nupdated: 16{i:02d}000000000\n"
                f"created: 1600000000000\n---\n{body}")

    return write(root, {
        "dendron.yml": "version: 5\n",
        "root.md": note(0, "Root", "See [[the projects|projects]] and [[projects.plan]].\n"),
        "projects.md": note(1, "Projects", "[[Plan of work|projects.plan#Goals]], "
                                           "[[up|root]], [[daily.journal.2020.01.01]].\n"),
        "projects.plan.md": note(2, "Plan", "## Goals\nBack: [[Projects|projects]].\n"),
        "daily.journal.2020.01.01.md": note(3, "2020-01-01", "![[Plan|projects.plan]]\n"),
    })


def test_a_dendron_workspace_round_trips(capsys, tmp_path: Path) -> None:
    """Dendron's links put the label first: read so again from the export (which has
    no dendron.yml) and from JSON."""
    db, fresh, out = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "out"
    workspace = dendron_workspace(tmp_path / "ws")
    before = resolved(workspace, "ws", "dendron")
    assert before["ws/root.md"] == ["ws/projects.md", "ws/projects.plan.md"]
    assert cli(capsys, "--db", db, "import", workspace)[0] == 0
    assert cli(capsys, "--db", db, "export", "--format", "markdown", "-o", out)[0] == 0
    assert vault_kind(out / "ws") == "dendron"
    assert resolved(out / "ws", "ws", vault_kind(out / "ws")) == before
    first = cli(capsys, "--db", db, "export", "--format", "json")[1]
    assert cli(capsys, "--db", fresh, "import", out)[0] == 0
    assert without_times(cli(capsys, "--db", fresh, "export", "--format", "json")[1]) == (
        without_times(first))
    exported = tmp_path / "library.json"
    exported.write_text(first, encoding="utf-8")
    again = tmp_path / "c.sqlite3"
    assert cli(capsys, "--db", again, "import", exported)[0] == 0
    assert without_times(cli(capsys, "--db", again, "export", "--format", "json")[1]) == (
        without_times(first))


def test_one_file_of_an_export_imports_that_note_alone(capsys, tmp_path: Path) -> None:
    """A markdown file given by name inside an export: its note, not the whole folder."""
    db, fresh, out = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "out"
    assert cli(capsys, "--db", db, "import", generated_vault(tmp_path / "vault"))[0] == 0
    assert cli(capsys, "--db", db, "import", DEMO[0])[0] == 0
    assert cli(capsys, "--db", db, "export", "--format", "markdown", "-o", out)[0] == 0
    code, said = cli(capsys, "--db", fresh, "import", out / "vault" / "a" / "Note 1.md")
    assert code == 0, said
    listed = json.loads(cli(capsys, "--db", fresh, "export", "--format", "json")[1])["notes"]
    assert [n["path"] for n in listed if n.get("path")] == ["vault/a/Note 1.md"]
    [own] = [p for p in out.glob("*.md") if "stub" not in p.read_text(encoding="utf-8")]
    code, said = cli(capsys, "--db", fresh, "import", own)
    assert code == 0, said
    listed = json.loads(cli(capsys, "--db", fresh, "export", "--format", "json")[1])["notes"]
    assert sum(1 for n in listed if not n.get("path") and n["body"]) == 1
