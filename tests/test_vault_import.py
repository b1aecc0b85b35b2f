"""Importing a markdown folder (a vault) into the library: notes upserted by path, links
resolved by Obsidian's rules into link rows, stubs for the rest, aliases, tags, images,
re-imports that update, add and report files gone, and a library that checks clean."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from conftest import ROOT, write_note
from file_tree import write
from notegui.app import main
from notegui.core import import_listing, import_plan
from notegui.core.domain import ImportOutcome
from notegui.core.vault_report import VaultReport
from notegui.store import tags as tag_rows
from notegui.store.importing import vault_import
from notegui.store.library import SqliteLibrary

FOAM_DOCS = Path("/work/shared/samples/vaults/foam-docs")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(40))


def obsidian(root: Path) -> Path:
    """Two Index.md in two folders, aliases, tags (front matter and inline), an image, a
    front matter that is not YAML."""
    return write(root, {
        ".obsidian/app.json": "{}",
        "Index.md": "---\naliases: [Start, Home page]\ntags: [home]\n---\n# Home\nWelcome.\n",
        "projects/Index.md": "# Projects\nAll of them. #work\n",
        "projects/Plan.md": "---\ntitle: The plan\n---\nBack to [[Index]] and [[#Goals]].\n"
                            "## Goals\n",
        "Ideas.md": "See [[Index]], [[Start]] (an alias: Index again), [[Plan#Goals|goals]],"
                    " [[Missing note]] and [[projects/Index]].\n![[pic.png]]\n"
                    "`[[Not a link]]` #idea/raw\n",
        "assets/pic.png": PNG,
        "Bad.md": "---\ntitle: [unclosed\nx: 1\n---\nThe text is kept.\n",
    })


def run(library: SqliteLibrary, path: Path, **options: str,
        ) -> tuple[dict[str, ImportOutcome], VaultReport]:
    [job] = import_plan.plan([path], **options).vaults
    report = VaultReport()
    outcomes = {o.path: o for o in library.import_vault(job, report)}
    return outcomes, report


def notes(db: Path) -> dict[str, tuple[int, str, str]]:
    """path -> (id, title, body) of every note with a path."""
    with sqlite3.connect(db) as connection:
        return {path: (note_id, title, body) for note_id, path, title, body in connection.execute(
            "SELECT id, path, title, body FROM note WHERE path != ''")}


def links(db: Path, path: str) -> list[str]:
    """Where the note at ``path`` links, in order: a path, or 'own:TITLE' (path '')."""
    with sqlite3.connect(db) as connection:
        return [target_path or f"own:{title}" for target_path, title in connection.execute(
            "SELECT t.path, t.title FROM link AS l JOIN note AS s ON s.id = l.source_id "
            "JOIN note AS t ON t.id = l.target_id WHERE s.path = ? ORDER BY l.ordinal",
            (path,))]


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[str]]:
    code = main([str(arg) for arg in args])
    return code, capsys.readouterr().out.splitlines()


def test_a_vault_imports_every_note_by_its_path_with_its_links(tmp_path, library):
    folder = obsidian(tmp_path / "vault")
    outcomes, report = run(library, folder)
    assert {path: o.status for path, o in outcomes.items()} == dict.fromkeys(
        ["vault/Bad.md", "vault/Ideas.md", "vault/Index.md", "vault/projects/Index.md",
         "vault/projects/Plan.md"], "imported")
    found = notes(library.path)
    # Both Index.md are kept, each by its path; titles from front matter or the file name.
    assert {path: title for path, (_id, title, _body) in found.items()} == {
        "vault/Bad.md": "Bad", "vault/Ideas.md": "Ideas", "vault/Index.md": "Index",
        "vault/projects/Index.md": "Index", "vault/projects/Plan.md": "The plan"}
    assert found["vault/Index.md"][2] == "# Home\nWelcome.\n"  # (the body, front matter apart)
    # [[Index]]: the shortest path; [[Start]]: its alias (the same note, once);
    # [[Plan#Goals]]: the note; [[Missing note]]: a stub of the library's own;
    # [[projects/Index]]: by path. The image and the code span are no links.
    assert links(library.path, "vault/Ideas.md") == [
        "vault/Index.md", "vault/projects/Plan.md", "own:Missing note",
        "vault/projects/Index.md"]
    # [[Index]] from projects/: the one in the same folder; [[#Goals]]: not a row.
    assert links(library.path, "vault/projects/Plan.md") == ["vault/projects/Index.md"]
    stub = library.find("Missing note")
    assert stub is not None and stub.is_stub and stub.path == ""
    ideas = library.note(found["vault/Ideas.md"][0])
    assert ideas is not None and ideas.tags == ("idea/raw",)
    index = library.note(found["vault/Index.md"][0])
    assert index is not None and index.tags == ("home",)
    assert [b.source.title for b in library.backlinks(index.id)] == ["Ideas"]
    with sqlite3.connect(library.path) as connection:
        assert connection.execute("SELECT alias FROM alias ORDER BY alias").fetchall() == [
            ("Home page",), ("Start",)]
        assert connection.execute("SELECT path, name_key, data FROM attachment").fetchall() == [
            ("vault/assets/pic.png", "pic.png", PNG)]
        assert connection.execute(
            "SELECT front_matter FROM note_file WHERE note_id = ?",
            (found["vault/projects/Plan.md"][0],)).fetchone() == ("title: The plan\n",)
    # The bad YAML: the note is imported with its text, the problem names file and line.
    bad = outcomes["vault/Bad.md"]
    assert found["vault/Bad.md"][2] == "The text is kept.\n"
    assert len(bad.warnings) == 1 and bad.warnings[0].startswith("vault/Bad.md, line 3:")
    assert "not valid YAML" in bad.warnings[0]
    assert (report.images_copied, report.stubs, report.gone) == (1, 1, [])
    assert library.check() == []


def test_reimport_updates_what_changed_adds_what_is_new_and_keeps_what_is_gone(
        tmp_path, library):
    folder = obsidian(tmp_path / "vault")
    run(library, folder)
    before = notes(library.path)
    count = library.count()

    outcomes, report = run(library, folder)
    assert {o.status for o in outcomes.values()} == {"unchanged"}
    assert (notes(library.path), library.count()) == (before, count)
    assert report.images_copied == 0 and report.images_unchanged == 1

    (folder / "projects" / "Plan.md").write_text(
        "---\ntitle: The new plan\ntags: [q3]\n---\nNow see [[Ideas]].\n")
    outcomes, report = run(library, folder)
    assert [p for p, o in outcomes.items() if o.status == "updated"] == ["vault/projects/Plan.md"]
    assert library.count() == count  # nothing duplicated
    plan_id = before["vault/projects/Plan.md"][0]
    plan = library.note(plan_id)
    assert plan is not None
    assert (plan.title, plan.body, plan.tags) == ("The new plan", "Now see [[Ideas]].\n",
                                                  ("q3",))
    assert links(library.path, "vault/projects/Plan.md") == ["vault/Ideas.md"]
    [revision] = library.revisions(plan_id)
    assert (revision.title, revision.reason) == ("The plan", "import")
    assert revision.body == "Back to [[Index]] and [[#Goals]].\n## Goals\n"

    # A file added that an unresolved link named: the unchanged note now links to it.
    write(folder, {"Missing note.md": "Found.\n"})
    outcomes, report = run(library, folder)
    assert outcomes["vault/Missing note.md"].status == "imported"
    assert outcomes["vault/Ideas.md"].status == "unchanged"
    assert links(library.path, "vault/Ideas.md") == [
        "vault/Index.md", "vault/projects/Plan.md", "vault/Missing note.md",
        "vault/projects/Index.md"]
    assert library.count() == count + 1

    # A file deleted: reported, its note kept (and still linked to).
    (folder / "Ideas.md").unlink()
    outcomes, report = run(library, folder)
    assert "vault/Ideas.md" not in outcomes
    assert report.gone == ["vault/Ideas.md"]
    assert "vault/Ideas.md" in notes(library.path)
    assert links(library.path, "vault/projects/Plan.md") == ["vault/Ideas.md"]
    assert library.count() == count + 1
    assert library.check() == []


def test_a_question_note_of_the_same_title_is_kept_and_its_citations_unaffected(
        tmp_path, library):
    notes_folder = tmp_path / "questions"
    write_note(notes_folder, "sky.txt", "Why is the sky blue?\nLight.\nRayleigh scattering.")
    write_note(notes_folder, "light.txt",
               "Why is light scattered?\nBy air.\nSee [[Why is the sky blue?]].\n\nSources:\n"
               "- [[Why is the sky blue?]]: the colour.")
    list(library.import_paths([notes_folder]))
    own = library.find("Why is the sky blue?")
    assert own is not None and own.path == ""
    citing = library.find("Why is light scattered?")
    assert citing is not None
    before = [(s.target.id, s.summary) for s in library.sources(citing.id)]

    folder = write(tmp_path / "vault", {
        "Why is the sky blue?.md": "# The sky\nAn answer of the vault.\n",
        "Colour.md": "See [[Why is the sky blue?]].\n",
    })
    outcomes, _ = run(library, folder)
    assert {o.status for o in outcomes.values()} == {"imported"}
    same = [n for n in library.iter_refs() if n.title == "Why is the sky blue?"]
    assert len(same) == 2  # both kept
    # The question note cites the library's own note, as before; the vault's links its own.
    assert [(s.target.id, s.summary) for s in library.sources(citing.id)] == before
    assert library.find("Why is the sky blue?").id == own.id
    assert links(library.path, "vault/Colour.md") == ["vault/Why is the sky blue?.md"]
    assert library.check() == []


def test_a_batch_that_fails_changes_nothing_and_refuses_only_the_file_at_fault(
        tmp_path, library, monkeypatch):
    folder = write(tmp_path / "vault", {
        "A.md": "[[B]]\n", "B.md": "---\ntags: [boom]\n---\n[[A]]\n", "C.md": "[[B]] [[D]]\n"})
    real = tag_rows.write_many

    def failing(connection, written):
        if any("boom" in names for _, names in written):
            raise sqlite3.OperationalError("disk I/O error")
        real(connection, written)

    monkeypatch.setattr(tag_rows, "write_many", failing)
    outcomes, _ = run(library, folder)
    assert {p: o.status for p, o in outcomes.items()} == {
        "vault/A.md": "imported", "vault/B.md": "refused", "vault/C.md": "imported"}
    assert "disk I/O error" in outcomes["vault/B.md"].reason
    assert sorted(notes(library.path)) == ["vault/A.md", "vault/C.md"]
    assert links(library.path, "vault/C.md") == ["own:D"]  # (B never made: no link to it)
    assert library.check() == []
    monkeypatch.setattr(tag_rows, "write_many", real)
    outcomes, _ = run(library, folder)
    assert outcomes["vault/B.md"].status == "imported"
    # The links that waited for B are made with it.
    assert links(library.path, "vault/A.md") == ["vault/B.md"]
    assert links(library.path, "vault/C.md") == ["vault/B.md", "own:D"]


def test_links_to_notes_of_a_later_batch_are_made_with_them(tmp_path, library, monkeypatch):
    monkeypatch.setattr(vault_import, "BATCH", 2)
    folder = write(tmp_path / "vault", {
        f"n{i}.md": f"[[n{(i + 3) % 7}]] [[n{(i + 5) % 7}]] [[gone{i % 2}]]\n" for i in range(7)})
    run(library, folder)
    for i in range(7):
        assert links(library.path, f"vault/n{i}.md") == [
            f"vault/n{(i + 3) % 7}.md", f"vault/n{(i + 5) % 7}.md", f"own:gone{i % 2}"]
    assert library.check() == []


def test_another_window_sees_the_import(tmp_path, library):
    with SqliteLibrary(library.path) as other:
        assert other.count() == 0
        other.changed_elsewhere()
        run(library, obsidian(tmp_path / "vault"))
        assert other.changed_elsewhere()
        assert other.count() == library.count() == 6  # (five notes, one stub)


def test_the_vault_name_given_is_the_paths_first_segment(tmp_path, library):
    folder = obsidian(tmp_path / "vault")
    run(library, folder, vault_name="Work")
    assert sorted(notes(library.path))[0] == "Work/Bad.md"
    with pytest.raises(ValueError, match="one folder name"):
        import_plan.plan([folder], vault_name="a/b")


def test_one_file_of_a_vault_given_by_name_updates_its_note(tmp_path, library):
    folder = obsidian(tmp_path / "vault")
    run(library, folder)
    count = library.count()
    (folder / "projects" / "Plan.md").write_text("[[Ideas]] only.\n")
    outcomes, report = run(library, folder / "projects" / "Plan.md")
    assert {p: o.status for p, o in outcomes.items()} == {"vault/projects/Plan.md": "updated"}
    assert links(library.path, "vault/projects/Plan.md") == ["vault/Ideas.md"]
    assert (library.count(), report.gone) == (count, [])


@pytest.mark.skipif(not FOAM_DOCS.is_dir(), reason="the shared sample vault is not here")
def test_the_foam_docs_sample_imports_every_markdown_file_and_checks_clean(tmp_path, capsys):
    markdown = [name for name in import_listing.walk(str(FOAM_DOCS), import_listing.Skipped(),
                                                     import_listing.is_markdown)]
    db = tmp_path / "lib.db"
    code, lines = cli(capsys, "--db", db, "import", FOAM_DOCS)
    assert code == 0
    assert sum(line.startswith("imported foam-docs/") for line in lines) == len(markdown)
    expected = {"foam-docs/" + os.path.relpath(name, FOAM_DOCS).replace(os.sep, "/")
                for name in markdown}
    assert set(notes(db)) == expected
    assert cli(capsys, "--db", db, "check")[0] == 0
    code, lines = cli(capsys, "--db", db, "import", FOAM_DOCS)
    assert (code, lines[-1]) == (0, f"0 imported, {len(markdown)} unchanged, 0 refused; 0 new "
                                    f"notes, {len(notes(db)) + 3} in the library")


def test_the_command_line_says_what_a_vault_import_did(tmp_path, capsys):
    folder = obsidian(tmp_path / "vault")
    (folder / "paper.pdf").write_bytes(b"%PDF")
    write(folder, {"bad.md": b"\xff\xfe not text"})
    db = tmp_path / "lib.db"
    code, lines = cli(capsys, "--db", db, "import", folder)
    assert code == 1  # (one file refused)
    assert lines[0] == "refused vault/bad.md: line 1: not valid UTF-8 text (byte offset 0): " \
                       "not read"
    assert "imported vault/Bad.md" in lines
    assert lines[lines.index("imported vault/Bad.md") + 1].startswith(
        "  warning: vault/Bad.md, line 3: front matter is not valid YAML")
    assert lines[-2:] == ["vault: 1 image copied, 1 PDF skipped",
                          "5 imported, 0 unchanged, 1 refused; 6 new notes, 6 in the library"]
    assert cli(capsys, "--db", db, "check")[0] == 0

    (folder / "bad.md").unlink()
    (folder / "Ideas.md").unlink()
    (folder / "Index.md").write_text("# Home, changed\n")
    code, lines = cli(capsys, "--db", db, "import", folder)
    assert code == 0
    assert "updated vault/Index.md" in lines
    assert lines[-3:] == [
        "vault: 0 images copied (1 unchanged), 1 PDF skipped",
        "1 note whose files are gone (kept): vault/Ideas.md",
        "0 imported, 1 updated, 3 unchanged, 0 refused; 0 new notes, 6 in the library"]
    assert cli(capsys, "--db", db, "check")[0] == 0


def test_a_foam_note_s_description_shows_and_an_edit_of_it_outlives_a_reimport(
        tmp_path, capsys):
    folder = write(tmp_path / "garden", {
        ".vscode/foam.json": "{}",
        "roots.md": "---\ntitle: Roots\ndescription: What roots\n  are for\n"
                    "summary: 'Roots: water in'\ntype: feature\n---\nThey drink.\n",
        "odd.md": "---\ndescription: [not, text]\n---\nStill read.\n"})
    db = tmp_path / "lib.db"
    code, lines = cli(capsys, "--db", db, "import", folder)
    assert code == 0 and "imported garden/odd.md" in lines
    assert lines[lines.index("imported garden/odd.md") + 1] == (
        "  warning: garden/odd.md, line 2: front matter 'description' is not text: left out")
    code, shown = cli(capsys, "--db", db, "show", "Roots")
    assert code == 0
    assert shown[:4] == ["Roots", "Summary: Roots: water in", "", "What roots are for"]
    assert cli(capsys, "--db", db, "show", "odd")[1][:3] == ["odd", "", "Still read."]
    with SqliteLibrary(db) as library:
        roots = library.find("Roots")
        assert roots is not None
        library.save_note(roots.id, roots.title, "Typed here", roots.summary, roots.body)
    # The file unchanged: the edit is kept. The file changed: it says the description.
    assert cli(capsys, "--db", db, "import", folder)[0] == 0
    with SqliteLibrary(db) as library:
        assert library.note(roots.id).description == "Typed here"
    (folder / "roots.md").write_text("---\ndescription: Changed in Foam\n---\nThey drink.\n")
    assert cli(capsys, "--db", db, "import", folder)[0] == 0
    with SqliteLibrary(db) as library:
        again = library.note(roots.id)
        assert (again.title, again.description, again.summary) == ("roots", "Changed in Foam",
                                                                    "")
        assert [r.description for r in library.revisions(roots.id)][-1:] == ["Typed here"]
        assert [hit.note.title for hit in library.search("foam") or []] == ["roots"]


def test_format_and_vault_options(tmp_path, capsys):
    folder = obsidian(tmp_path / "vault")
    db = tmp_path / "lib.db"
    code, lines = cli(capsys, "--db", db, "import", "--format", "json", folder)
    assert (code, lines[0]) == (1, f"refused {folder}: a folder is not a JSON file: give the "
                                   "notegui JSON or W3C annotation file by name")
    code, lines = cli(capsys, "--db", db, "import", "--vault", "Mine", folder)
    assert code == 0 and "imported Mine/Index.md" in lines
    code, lines = cli(capsys, "--db", db, "import", "--vault", "../x", folder)
    assert code == 1 and lines == []


def test_the_import_help_is_documented_as_it_is(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    shown = capsys.readouterr().out
    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    block = "\n".join(f"  {line}".rstrip() for line in shown.splitlines())
    assert f"  ```\n{block}\n  ```" in documented


def test_a_large_vault_read_in_parallel_and_indexed_at_the_end_equals_one_read_in_step(
        tmp_path, monkeypatch):
    """2,100 notes: read by worker processes, written in batches of 500 as they are read
    (their links once all are), indexed once at the end; or read in this process, written
    in one batch with the index kept in step: the same library."""
    import sys

    from notegui.core.vault import reader

    sys.path.insert(0, str(ROOT / "tests" / "perf"))
    from vault_corpus import VaultCorpus

    folder = tmp_path / "vault"
    VaultCorpus(2100).write(folder)

    def imported(name: str) -> tuple[object, ...]:
        with SqliteLibrary(tmp_path / name) as library:
            outcomes, _ = run(library, folder)
            assert {o.status for o in outcomes.values()} == {"imported"}
            assert library.check() == []
            hits = library.search("Details", limit=5000) or []
            word = notes(library.path)["vault/area0/topic0/" + sorted(
                p.rpartition("/")[2] for p in notes(library.path)
                if p.startswith("vault/area0/topic0/"))[0]][2].split()[-1]
            found = {hit.note.title for hit in library.search(word.strip(".#"), limit=50) or []}
        with sqlite3.connect(tmp_path / name) as connection:
            rows = connection.execute(
                "SELECT s.path, t.path, t.title, l.ordinal FROM link AS l "
                "JOIN note AS s ON s.id = l.source_id JOIN note AS t ON t.id = l.target_id "
                "ORDER BY s.path, l.ordinal").fetchall()
            tags = connection.execute(
                "SELECT n.path, t.name FROM note_tag AS nt JOIN note AS n ON n.id = nt.note_id "
                "JOIN tag AS t ON t.id = nt.tag_id ORDER BY 1, 2").fetchall()
        return rows, tags, len(hits), found

    monkeypatch.setattr(vault_import, "BATCH", 500)
    in_parallel = imported("parallel.db")
    monkeypatch.setattr(vault_import, "BATCH", 5000)
    monkeypatch.setattr(reader, "PARALLEL_FROM", 10**9)
    monkeypatch.setattr(vault_import, "DEFER_INDEX_FROM", 10**9)
    in_step = imported("in-step.db")
    assert in_parallel == in_step
    assert len(in_parallel[0]) > 2100 * 3 and in_parallel[2] > 0 and in_parallel[3]


@pytest.mark.parametrize("refused", [False, True])
def test_links_resolved_while_reading_lead_where_they_do_when_all_is_read(
        tmp_path, monkeypatch, refused):
    """A large vault's links are resolved as its files arrive, by the paths listed (an
    alias, or a name no file has, waits for every file): the same rows as one batch."""
    folder = obsidian(tmp_path / "vault")
    write(folder, {"more/Index.md": "[[Start]] [[Index]] [[Home page]] [[Nowhere]]\n",
                   "Start.md": "[[Index]] [[Home page]]\n"})
    if refused:  # (a file listed but not read: [[Plan]] still leads to projects/Plan.md)
        write(folder, {"deep/er/Plan.md": b"\xff not text"})

    def rows(name: str) -> list[tuple[str, list[str]]]:
        with SqliteLibrary(tmp_path / name) as library:
            run(library, folder)
            assert library.check() == []
            return [(path, links(library.path, path)) for path in sorted(notes(library.path))]

    one_batch = rows("one.db")
    monkeypatch.setattr(vault_import, "BATCH", 2)
    assert rows("batches.db") == one_batch
    assert ("vault/Start.md", ["vault/Index.md"]) in one_batch  # ([[Home page]]: an alias)


@pytest.mark.parametrize("batch", [5000, 2])
def test_a_link_to_a_file_that_cannot_be_read_waits_for_it(tmp_path, monkeypatch, batch):
    """Obsidian's rules see the file, so the link is neither a stub nor sent to another
    note: it is written once the file can be read and is imported again."""
    monkeypatch.setattr(vault_import, "BATCH", batch)
    folder = write(tmp_path / "vault", {
        "a.md": "[[Draft]] [[b]] [[Nowhere]]\n", "b.md": "[[a]]\n", "c.md": "[[Draft]]\n",
        "drafts/Draft.md": b"\xff not text"})
    with SqliteLibrary(tmp_path / "library.db") as library:
        outcomes, _ = run(library, folder)
        assert outcomes["vault/drafts/Draft.md"].status == "refused"
        assert links(library.path, "vault/a.md") == ["vault/b.md", "own:Nowhere"]
        assert links(library.path, "vault/c.md") == []
        assert library.find("Draft") is None  # (no stub)
        assert library.check() == []
        write(folder, {"drafts/Draft.md": "Now it is text.\n"})
        run(library, folder)
        assert links(library.path, "vault/a.md") == [
            "vault/drafts/Draft.md", "vault/b.md", "own:Nowhere"]
        assert links(library.path, "vault/c.md") == ["vault/drafts/Draft.md"]
        assert library.check() == []


def test_a_large_vault_s_import_keeps_no_text_or_image_to_its_end(tmp_path, monkeypatch):
    """Memory that grows with the vault is what its links need, not the notes' text nor
    the images' bytes: 3 MB of images and 12 MB of text imported, a batch of each at a
    time, with a few MB more than a small vault needs."""
    import tracemalloc

    from notegui.core.vault import reader

    monkeypatch.setattr(reader, "PARALLEL_FROM", 10**9)  # (read here, where it is traced)
    monkeypatch.setattr(vault_import, "BATCH", 100)
    monkeypatch.setattr(vault_import, "_ATTACHMENT_BATCH_BYTES", 256 * 1024)
    image = PNG + bytes(100 * 1024)

    def vault(name: str, notes: int) -> Path:
        filler = "word " * 2000  # (10 KB a note)
        return write(tmp_path / name, {
            **{f"n{i}.md": f"[[n{(i + 1) % notes}]] [[Nowhere {i % 7}]]\n{filler}\n"
               for i in range(notes)},
            **{f"img/{i}.png": image + bytes([i]) for i in range(notes // 40)}})

    def peak(name: str, notes: int) -> int:
        folder = vault(name, notes)
        with SqliteLibrary(tmp_path / f"{name}.db") as library:
            tracemalloc.start()
            outcomes, report = run(library, folder)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            assert len(outcomes) == notes and report.images_copied == notes // 40
            assert links(library.path, f"{name}/n1.md") == [f"{name}/n2.md", "own:Nowhere 1"]
            assert library.check() == []
        return peak

    small = peak("small", 200)
    large = peak("large", 1200)
    assert large - small < 4 * 1024 * 1024, (small, large)


def test_an_import_stopped_midway_links_the_notes_it_made(tmp_path, library, monkeypatch):
    """Stopped while it reads (the window's Cancel), the notes made have the links that
    lead to notes made; a link to a file not read yet is left to the next import, never
    cited as a stub, nor sent to another note of that name."""
    monkeypatch.setattr(vault_import, "BATCH", 2)
    folder = write(tmp_path / "vault", {
        "a.md": "[[c]] [[Index]] [[Nowhere]]\n", "b/deep/Index.md": "[[a]]\n",
        "c.md": "[[a]]\n", "d.md": "[[a]]\n", "e/Index.md": "the shortest\n"})
    [job] = import_plan.plan([folder]).vaults
    polls = 0

    def stop() -> bool:  # (polled before each batch: the second is not written)
        nonlocal polls
        polls += 1
        return polls > 1

    outcomes = {o.path for o in library.import_vault(job, VaultReport(), stop)}
    assert sorted(notes(library.path)) == sorted(outcomes) == [
        "vault/a.md", "vault/b/deep/Index.md"]
    # [[Index]] is e/Index.md, not read yet: not linked to b/deep/Index.md
    assert links(library.path, "vault/a.md") == []
    assert links(library.path, "vault/b/deep/Index.md") == ["vault/a.md"]
    assert library.count() == 2  # (no stub: [[Nowhere]] waits for the whole vault)
    assert library.check() == []
    run(library, folder)
    assert links(library.path, "vault/a.md") == ["vault/c.md", "vault/e/Index.md", "own:Nowhere"]
    assert library.check() == []
