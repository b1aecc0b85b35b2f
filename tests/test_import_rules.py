"""Importing question-note files into a library (shared/FORMAT.md, "What a note is, then"):
stubs, title matching, summaries, re-imports, revisions, exact export, refusals, rollback."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLE, SAMPLE_CITED, SAMPLE_TITLE, write_note
from notegui.core import clock as clock_module
from notegui.core.domain import title_key
from notegui.store.importing.note_import import NoteImporter
from notegui.store.library import SqliteLibrary

PROCEDURAL = SAMPLE_CITED[0]
PROCEDURAL_FILE = (
    f"{PROCEDURAL}\n"
    "Whether reasoning leans on *procedures* learned broadly or on retrieved facts.\n"
    "Influence functions over pretraining data point to procedures."
)

SKY = "Why is the sky blue?"
SCATTER = "Does light scatter more at short wavelengths?"
AIR = "Is air really transparent?"
SKY_FILE = (
    f"{SKY}\n"
    "A question about *light* in the atmosphere.\n"
    f"Blue light scatters more {SCATTER}, and the air itself matters (see {AIR})\n"
    "Sources 2 notes\n"
    "Scattering grows with the inverse fourth power of the wavelength.\n"
    "Air absorbs little visible light."
)
# Files around SKY: its cited notes, re-spelling SKY's title in their own citations.
SCATTER_FILE = (
    "does LIGHT scatter more at  short wavelengths?\n"
    "Rayleigh scattering, asked directly.\n"
    "Yes; this is what colours the sky Why is THE sky  blue?.\n"
    "Sources 1 note\n"
    "The sky question, as the scattering note sees it."
)
AIR_FILE = (
    f"{AIR}\n"
    "Transparency of air.\n"
    "Mostly, which is why the colour comes from scattering WHY IS THE SKY BLUE? no, "
    "from Why is the Sky blue?\n"
    "Sources 1 note\n"
    "The sky question, as the air note sees it."
)
CITER_FILE = (
    "What do textbooks say about the sky?\n"
    "A survey of explanations.\n"
    "Most start from Why  is the sky blue?, then move on.\n"
    "Sources 1 note\n"
    "A third summary of the sky question."
)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write gets a later timestamp, so an unwanted write always shows."""
    ticks = itertools.count(1)
    monkeypatch.setattr(
        clock_module, "utc_now", lambda: f"2030-01-01T00:00:00.{next(ticks):06d}Z"
    )


def imported(library: SqliteLibrary, text: str, name: str = "note.txt") -> int:
    """Import a note's text, insist it imported, and return the outcome's created count."""
    outcome = library.import_bytes(text.encode("utf-8"), name)
    assert outcome.status == "imported", outcome
    return outcome.notes


def notes_with_title(library: SqliteLibrary, title: str) -> int:
    return sum(1 for ref in library.iter_refs() if title_key(ref.title) == title_key(title))


def sample_summaries(sample_bytes: bytes) -> list[str]:
    return sample_bytes.decode("utf-8").split("\n")[-6:]


# -- the sample ----------------------------------------------------------------------------


def test_sample_imports_into_seven_notes_and_six_links(library, sample_bytes):
    outcome = library.import_bytes(sample_bytes, "reasoning-transfer.txt")

    assert outcome.status == "imported"
    assert outcome.notes == 7
    assert outcome.warnings == ()
    assert library.count() == 7
    note = library.find(SAMPLE_TITLE)
    assert note is not None and not note.is_stub
    links = library.sources(note.id)
    assert [link.target.title for link in links] == SAMPLE_CITED
    assert [link.ordinal for link in links] == [1, 2, 3, 4, 5, 6]
    assert [link.summary for link in links] == sample_summaries(sample_bytes)
    assert library.check() == []


def test_sample_cited_notes_are_stubs_with_their_summary(library, sample_bytes):
    library.import_bytes(sample_bytes, "reasoning-transfer.txt")

    summaries = sample_summaries(sample_bytes)
    for title, summary in zip(SAMPLE_CITED, summaries, strict=True):
        stub = library.find(title)
        assert stub is not None
        assert stub.is_stub
        assert (stub.description, stub.body) == ("", "")
        assert stub.summary == summary
        assert [b.source.title for b in library.backlinks(stub.id)] == [SAMPLE_TITLE]
    assert sum(ref.is_stub for ref in library.iter_refs()) == 6


def test_sample_exports_byte_for_byte(library, sample_bytes):
    library.import_bytes(sample_bytes, "reasoning-transfer.txt")

    assert library.export_text(SAMPLE_TITLE) == sample_bytes.decode("utf-8").removesuffix("\n")


def test_sample_with_bom_and_crlf_exports_without_them(library, sample_bytes):
    data = b"\xef\xbb\xbf" + sample_bytes.replace(b"\n", b"\r\n") + b"\r\n"

    assert library.import_bytes(data, "crlf.txt").status == "imported"

    assert library.export_text(SAMPLE_TITLE) == sample_bytes.decode("utf-8")
    assert library.count() == 7


# -- stubs, filled in either order ---------------------------------------------------------


@pytest.mark.parametrize("cited_first", [True, False], ids=["cited-file-first", "citing-first"])
def test_stub_is_filled_by_its_own_file_in_either_order(
    library, tmp_path, sample_bytes, cited_first
):
    citing = tmp_path / "reasoning-transfer.txt"
    citing.write_bytes(sample_bytes)
    cited = write_note(tmp_path, "procedural.txt", PROCEDURAL_FILE)
    order = [cited, citing] if cited_first else [citing, cited]

    outcomes = list(library.import_paths(order))

    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert [o.notes for o in outcomes] == ([1, 6] if cited_first else [7, 0])
    assert library.count() == 7
    assert notes_with_title(library, PROCEDURAL) == 1
    note = library.find(PROCEDURAL)
    assert not note.is_stub
    assert note.description.startswith("Whether reasoning leans on *procedures*")
    assert note.summary == sample_summaries(sample_bytes)[0]
    assert library.revisions(note.id) == []  # a stub had no text to keep
    sample_note = library.find(SAMPLE_TITLE)
    assert library.sources(sample_note.id)[0].target.id == note.id
    assert not library.sources(sample_note.id)[0].target.is_stub
    assert [b.source.id for b in library.backlinks(note.id)] == [sample_note.id]
    assert library.export_text(PROCEDURAL) == PROCEDURAL_FILE
    assert library.export_text(SAMPLE_TITLE) == sample_bytes.decode("utf-8")
    assert library.check() == []


def test_all_demo_files_in_a_folder_make_no_duplicates(library):
    demo = SAMPLE.parent
    files = sorted(demo.glob("*.txt"))

    outcomes = list(library.import_paths([demo]))

    assert [o.status for o in outcomes] == ["imported"] * len(files)
    assert all(o.warnings == () for o in outcomes)
    keys = [title_key(ref.title) for ref in library.iter_refs()]
    assert len(keys) == len(set(keys)) == library.count()
    assert all(notes_with_title(library, t) == 1 for t in [SAMPLE_TITLE, *SAMPLE_CITED])
    for path in files:
        text = path.read_text(encoding="utf-8").removesuffix("\n")
        assert library.export_text(text.split("\n", 1)[0]) == text, path.name
    assert library.check() == []


# -- titles match case- and space-insensitively --------------------------------------------

SPACING_CITER = (
    "Why would spacing matter at all?\n"
    "About matching titles.\n"
    "It depends on Does  Spacing matter HERE?, as discussed.\n"
    "Sources 1 note\n"
    "Spacing and case do not make a different note."
)
SPACING_OWN = "does spacing matter here?\nThe note's own file.\nIts body."


@pytest.mark.parametrize("own_first", [True, False], ids=["own-file-first", "citing-first"])
def test_titles_match_ignoring_case_and_spacing(library, own_first):
    texts = [SPACING_OWN, SPACING_CITER] if own_first else [SPACING_CITER, SPACING_OWN]

    for text in texts:
        imported(library, text)

    assert library.count() == 2
    one = library.find("does spacing matter here?")
    assert one is not None
    assert library.find("Does  Spacing matter HERE?").id == one.id
    assert library.find("  DOES SPACING\tMATTER here? ").id == one.id
    assert not one.is_stub
    assert one.summary == "Spacing and case do not make a different note."
    citer = library.find("Why would spacing matter at all?")
    assert [link.target.id for link in library.sources(citer.id)] == [one.id]
    assert library.export_text("does spacing matter here?") == SPACING_OWN
    assert library.export_text("Why would spacing matter at all?") == SPACING_CITER
    assert library.check() == []


# -- one note, two summary lines -----------------------------------------------------------

FIRST_CITER = (
    "How do prisms work?\nOptics.\nA prism bends light Does light scatter?, roughly.\n"
    "Sources 1 note\nFirst file's line about scattering."
)
SECOND_CITER = (
    "How do rainbows form?\nMore optics.\nDroplets act like prisms Does  LIGHT scatter?\n"
    "Sources 1 note\nSecond file's line about scattering."
)


@pytest.mark.parametrize("first", [FIRST_CITER, SECOND_CITER], ids=["first-file", "second-file"])
def test_two_summary_lines_for_one_note_are_both_kept(library, first):
    second = SECOND_CITER if first is FIRST_CITER else FIRST_CITER
    imported(library, first, "a.txt")
    imported(library, second, "b.txt")

    cited = library.find("Does light scatter?")
    first_line = first.rsplit("\n", 1)[1]
    assert library.count() == 3
    assert cited.is_stub
    assert cited.summary == first_line  # the first line it received
    prisms, rainbows = library.find("How do prisms work?"), library.find("How do rainbows form?")
    assert [s.summary for s in library.sources(prisms.id)] == [
        "First file's line about scattering."
    ]
    assert [s.summary for s in library.sources(rainbows.id)] == [
        "Second file's line about scattering."
    ]
    assert {(b.source.title, b.summary) for b in library.backlinks(cited.id)} == {
        ("How do prisms work?", "First file's line about scattering."),
        ("How do rainbows form?", "Second file's line about scattering."),
    }
    assert library.export_text("How do prisms work?") == FIRST_CITER
    assert library.export_text("How do rainbows form?") == SECOND_CITER
    assert library.check() == []


def test_own_file_does_not_replace_the_first_summary(library):
    imported(library, FIRST_CITER)
    imported(library, SECOND_CITER)
    imported(library, "Does light scatter?\nIts own description.\nIts own body.")

    cited = library.find("Does light scatter?")
    assert not cited.is_stub
    assert cited.summary == "First file's line about scattering."
    assert len(library.backlinks(cited.id)) == 2


# -- re-import and revisions ---------------------------------------------------------------


def test_reimporting_the_same_file_changes_nothing(library, sample_bytes, clock):
    library.import_bytes(sample_bytes, "reasoning-transfer.txt")
    before = {ref.id: library.note(ref.id) for ref in library.iter_refs()}
    links = library.sources(library.find(SAMPLE_TITLE).id)

    outcome = library.import_bytes(sample_bytes, "reasoning-transfer.txt")

    assert outcome.status == "unchanged"
    assert outcome.notes == 0
    assert {ref.id: library.note(ref.id) for ref in library.iter_refs()} == before
    assert library.sources(library.find(SAMPLE_TITLE).id) == links
    assert all(library.revisions(note_id) == [] for note_id in before)


def test_reimporting_with_crlf_and_bom_is_still_unchanged(library, sample_bytes, clock):
    library.import_bytes(sample_bytes, "reasoning-transfer.txt")
    updated = library.find(SAMPLE_TITLE).updated

    data = b"\xef\xbb\xbf" + sample_bytes.replace(b"\n", b"\r\n") + b"\r\n"
    assert library.import_bytes(data, "copy.txt").status == "unchanged"
    assert library.find(SAMPLE_TITLE).updated == updated


def test_reimporting_a_folder_reports_every_file_unchanged(library, tmp_path, clock):
    write_note(tmp_path, "sky.txt", SKY_FILE)
    write_note(tmp_path, "sub/scatter.txt", SCATTER_FILE)
    write_note(tmp_path, "sub/air.txt", AIR_FILE)
    list(library.import_paths([tmp_path]))
    before = {ref.id: library.note(ref.id) for ref in library.iter_refs()}

    outcomes = list(library.import_paths([tmp_path]))

    assert [o.status for o in outcomes] == ["unchanged"] * 3
    assert {ref.id: library.note(ref.id) for ref in library.iter_refs()} == before
    assert all(library.revisions(note_id) == [] for note_id in before)


def test_changed_file_keeps_the_old_text_as_a_revision(library, clock):
    imported(library, SKY_FILE)
    old = library.find(SKY)
    changed = SKY_FILE.replace("A question about *light*", "A sharper question about *light*")

    outcome = library.import_bytes(changed.encode("utf-8"), "sky.txt")

    assert outcome.status == "imported"
    new = library.find(SKY)
    assert new.id == old.id
    assert new.description.startswith("A sharper question")
    assert new.updated != old.updated
    revisions = library.revisions(new.id)
    assert len(revisions) == 1
    assert (revisions[0].title, revisions[0].description, revisions[0].body) == (
        old.title, old.description, old.body,
    )
    assert library.export_text(SKY) == changed
    assert library.count() == 3
    assert library.check() == []


def test_changed_body_dropping_a_citation_keeps_revision_and_relinks(library, clock):
    imported(library, SKY_FILE)
    changed = (
        f"{SKY}\nA question about *light* in the atmosphere.\n"
        f"Only scattering now {SCATTER}\nSources 1 note\nScattering, shorter."
    )

    imported(library, changed)

    sky = library.find(SKY)
    assert [s.target.title for s in library.sources(sky.id)] == [SCATTER]
    assert library.backlinks(library.find(AIR).id) == []
    assert [r.body for r in library.revisions(sky.id)] == [
        SKY_FILE.split("\n")[2].replace(SCATTER, f"[[{SCATTER}]]").replace(AIR, f"[[{AIR}]]")
    ]
    assert library.export_text(SKY) == changed
    assert library.check() == []


def test_reimporting_the_changed_file_again_adds_no_second_revision(library, clock):
    imported(library, SKY_FILE)
    changed = SKY_FILE.replace("in the atmosphere", "in the air")
    imported(library, changed)

    assert library.import_bytes(changed.encode("utf-8"), "sky.txt").status == "unchanged"
    assert len(library.revisions(library.find(SKY).id)) == 1


# -- export stays exact whatever else is imported ------------------------------------------

OTHERS = {"scatter": SCATTER_FILE, "air": AIR_FILE, "citer": CITER_FILE}


@pytest.mark.parametrize("sky_at", [0, 1, 2, 3], ids=lambda i: f"sky-file-{i}-th")
def test_export_stays_exact_whatever_is_imported_around_it(library, sky_at):
    texts = list(OTHERS.values())
    texts.insert(sky_at, SKY_FILE)

    for text in texts:
        imported(library, text)

    assert library.count() == 4
    assert library.export_text(SKY) == SKY_FILE
    assert library.export_text("why is the sky blue?") == SKY_FILE
    for text in OTHERS.values():
        assert library.export_text(text.split("\n", 1)[0]) == text
    sky = library.find(SKY)
    assert {b.source.title for b in library.backlinks(sky.id)} == {
        "does LIGHT scatter more at  short wavelengths?", AIR,
        "What do textbooks say about the sky?",
    }
    assert library.check() == []


# -- folders -------------------------------------------------------------------------------


def test_folders_import_recursively_and_only_txt_files(library, tmp_path):
    write_note(tmp_path, "top.txt", "Why at the top?\nTop.")
    write_note(tmp_path, "a/middle.txt", "Why in the middle?\nMiddle.")
    write_note(tmp_path, "a/b/c/deep.txt", "Why so deep?\nDeep.")
    write_note(tmp_path, "readme.md", "Why markdown?\nNot a .txt file.")
    write_note(tmp_path, "a/notes.txt.bak", "Why a backup?\nNot a .txt file.")
    write_note(tmp_path, "a/b/noext", "Why no extension?\nNot a .txt file.")

    outcomes = list(library.import_paths([tmp_path]))

    assert sorted(Path(o.path).name for o in outcomes) == ["deep.txt", "middle.txt", "top.txt"]
    assert all(o.status == "imported" for o in outcomes)
    assert library.count() == 3
    for title in ("Why markdown?", "Why a backup?", "Why no extension?"):
        assert library.find(title) is None
    assert library.find("Why so deep?").description == "Deep."


# -- refused files -------------------------------------------------------------------------

REFUSED = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\r\n", "empty"),
    "binary.txt": (b"Why binary?\nDesc\x00\x01\x02", "NUL"),
    "latin1.txt": ("Why caf\u00e9?\nDesc".encode("latin-1"), "UTF-8"),
    "statement.txt": (b"Not a question\nDesc", "question"),
}


def test_refused_files_do_not_stop_the_others(library, tmp_path):
    write_note(tmp_path, "a-good.txt", SKY_FILE)
    for name, (data, _) in REFUSED.items():
        (tmp_path / name).write_bytes(data)
    write_note(tmp_path, "z-good.txt", SPACING_OWN)

    outcomes = {Path(o.path).name: o for o in library.import_paths([tmp_path])}

    assert outcomes["a-good.txt"].status == "imported"
    assert outcomes["z-good.txt"].status == "imported"
    for name, (_, word) in REFUSED.items():
        assert outcomes[name].status == "refused", name
        assert word in outcomes[name].reason, outcomes[name].reason
        assert outcomes[name].notes == 0
    assert library.count() == 4  # SKY with its two stubs, and SPACING_OWN
    assert library.check() == []


def test_a_file_that_cannot_be_read_is_refused_saying_why(library, tmp_path):
    write_note(tmp_path, "good.txt", SKY_FILE)
    gone = tmp_path / "gone.txt"
    outcomes = list(library.import_paths([gone, tmp_path / "good.txt", tmp_path]))
    assert (outcomes[0].path, outcomes[0].status) == (str(gone), "refused")
    assert outcomes[0].reason == "cannot read: No such file or directory"
    assert [o.status for o in outcomes[1:]] == ["imported", "unchanged"]


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_file_changes_nothing(library, name, clock):
    imported(library, SKY_FILE)
    before = {ref.id: library.note(ref.id) for ref in library.iter_refs()}

    outcome = library.import_bytes(REFUSED[name][0], name)

    assert outcome.status == "refused"
    assert outcome.path == name
    assert outcome.reason
    assert {ref.id: library.note(ref.id) for ref in library.iter_refs()} == before
    assert library.export_text(SKY) == SKY_FILE


def test_refused_new_version_of_a_note_leaves_the_note_alone(library, clock):
    imported(library, SKY_FILE)
    before = library.find(SKY)
    broken = SKY_FILE.replace("A question", "A broken\x00question").encode("utf-8")

    outcome = library.import_bytes(broken, "sky.txt")

    assert outcome.status == "refused"
    assert "NUL" in outcome.reason
    assert library.find(SKY) == before
    assert library.revisions(before.id) == []
    assert library.export_text(SKY) == SKY_FILE


# -- a Sources list that does not pair up --------------------------------------------------

MISMATCH = (
    "Why do skies differ on other planets?\n"
    "Comparing atmospheres.\n"
    f"Mars differs, dust matters {SCATTER}, and so does Are Martian sunsets blue?\n"
    "Sources 1 note\n"
    "Only one summary for two citations."
)


def test_mismatched_file_imports_with_warning_and_links_only_known_notes(library):
    imported(library, SKY_FILE)  # makes SCATTER known (as a stub)
    count = library.count()

    outcome = library.import_bytes(MISMATCH.encode("utf-8"), "planets/mars.txt")

    assert outcome.status == "imported"
    assert len(outcome.warnings) == 1
    assert "planets/mars.txt" in outcome.warnings[0]
    assert "line 4" in outcome.warnings[0]
    assert library.count() == count + 1  # no stub for the unknown title
    assert library.find("Are Martian sunsets blue?") is None
    mars = library.find("Why do skies differ on other planets?")
    assert [s.target.title for s in library.sources(mars.id)] == [SCATTER]
    assert library.export_text("Why do skies differ on other planets?") == MISMATCH
    assert library.import_bytes(MISMATCH.encode("utf-8"), "mars.txt").status == "unchanged"
    assert library.check() == []


# -- a failed write rolls back -------------------------------------------------------------


def _failing_links(*_args, **_kwargs):
    raise sqlite3.OperationalError("disk I/O error")


def test_failed_write_into_an_empty_library_leaves_it_empty(
    library, sample_bytes, monkeypatch
):
    monkeypatch.setattr(NoteImporter, "replace_links", _failing_links)

    outcome = library.import_bytes(sample_bytes, "reasoning-transfer.txt")

    assert outcome.status == "refused"
    assert "disk I/O error" in outcome.reason
    assert library.count() == 0
    assert library.find(SAMPLE_TITLE) is None
    assert all(library.find(title) is None for title in SAMPLE_CITED)
    assert library.check() == []


def test_failed_write_of_a_new_version_keeps_the_old_note(
    library, sample_bytes, monkeypatch, clock
):
    library.import_bytes(sample_bytes, "reasoning-transfer.txt")
    before = {ref.id: library.note(ref.id) for ref in library.iter_refs()}
    note_id = library.find(SAMPLE_TITLE).id
    changed = sample_bytes.replace(b"This explores why the ability", b"This asks why the ability")
    monkeypatch.setattr(NoteImporter, "replace_links", _failing_links)

    outcome = library.import_bytes(changed, "reasoning-transfer.txt")

    assert outcome.status == "refused"
    assert "disk I/O error" in outcome.reason
    assert library.count() == 7
    assert {ref.id: library.note(ref.id) for ref in library.iter_refs()} == before
    assert library.revisions(note_id) == []
    assert library.export_text(SAMPLE_TITLE) == sample_bytes.decode("utf-8")
    assert library.check() == []


def test_import_works_again_after_a_failed_write(library, sample_bytes, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(NoteImporter, "replace_links", _failing_links)
        assert library.import_bytes(sample_bytes, "x.txt").status == "refused"

    outcome = library.import_bytes(sample_bytes, "x.txt")

    assert outcome.status == "imported"
    assert outcome.notes == 7
    assert library.count() == 7
    assert library.check() == []


def test_failed_write_in_a_folder_import_does_not_stop_the_others(
    library, tmp_path, monkeypatch
):
    write_note(tmp_path, "a.txt", "Why first?\nNo citations, no links to write.")
    write_note(tmp_path, "b.txt", SKY_FILE)
    original = NoteImporter.replace_links

    def fail_for_sky(self, source_id, targets):
        if targets:
            raise sqlite3.OperationalError("disk I/O error")
        return original(self, source_id, targets)

    monkeypatch.setattr(NoteImporter, "replace_links", fail_for_sky)

    outcomes = [o.status for o in library.import_paths([tmp_path])]

    assert outcomes == ["imported", "refused"]
    assert library.count() == 1
    assert library.find(SKY) is None
    assert library.find(SCATTER) is None
    assert library.check() == []


def test_changed_summary_line_is_kept_in_the_revision(library, clock):
    imported(library, SKY_FILE)
    changed = SKY_FILE.replace("Air absorbs little visible light.", "Air is nearly clear.")

    imported(library, changed)

    sky = library.find(SKY)
    assert library.export_text(SKY) == changed  # this part holds
    revisions = library.revisions(sky.id)
    assert len(revisions) == 1
    air = ("Is air really transparent?", "Air absorbs little visible light.")
    assert air in revisions[0].sources


def test_same_mismatched_file_again_adds_no_revision_with_identical_text(library, clock):
    imported(library, MISMATCH, "mars.txt")
    imported(library, "Does light scatter more at short wavelengths?\nOwn.\nBody.", "s.txt")

    library.import_bytes(MISMATCH.encode("utf-8"), "mars.txt")

    mars = library.find("Why do skies differ on other planets?")
    assert library.export_text(mars.title) == MISMATCH  # this part holds
    assert library.revisions(mars.id) == []
