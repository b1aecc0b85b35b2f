"""notegui export --format annotations-md / annotations-w3c, and annotations through the
library JSON: what a user gets on the command line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import write_note
from notegui.app import main
from notegui.core.anchoring import make_anchor
from notegui.core.domain import Annotation
from notegui.core.formats.annotation_export import DETACHED, W3C_CONTEXT, from_w3c
from notegui.store.library import SqliteLibrary

SKY = "Why is the sky blue?"
SEA = "Why is the sea salty?"
SKY_TEXT = "Light scatters in the air.\nRayleigh scattering favours short wavelengths."
SEA_TEXT = "Rivers carry salt to the sea.\nEvaporation leaves the salt behind."


def notegui(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def annotation(title: str, text: str, words: str, **fields: str) -> dict[str, object]:
    """An annotation as the library JSON carries it, anchored on ``words`` of ``text``."""
    start = text.index(words)
    anchor = make_anchor(text, start, start + len(words))
    return {"note": title, "exact": anchor.exact, "prefix": anchor.prefix,
            "suffix": anchor.suffix, "start": anchor.start, "end": anchor.end,
            "created": "2024-05-01T10:00:00Z", "updated": "2024-05-01T10:00:00Z", **fields}


@pytest.fixture
def annotated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A library of two notes with three annotations, added through a JSON import."""
    db = tmp_path / "lib.db"
    folder = tmp_path / "notes"
    write_note(folder, "sky.txt", f"{SKY}\n{SKY_TEXT}")
    write_note(folder, "sea.txt", f"{SEA}\n{SEA_TEXT}")
    assert notegui(capsys, "--db", db, "import", folder)[0] == 0
    code, out, _ = notegui(capsys, "--db", db, "export", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["annotations"] == []
    document["annotations"] = [
        annotation(SKY, SKY_TEXT, "Rayleigh scattering", color="blue",
                   comment="Short wavelengths scatter most.\nHence blue."),
        annotation(SKY, SKY_TEXT, "Light scatters"),
        annotation(SEA, SEA_TEXT, "Evaporation leaves the salt", color="green"),
    ]
    with_annotations = tmp_path / "annotated.json"
    with_annotations.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = notegui(capsys, "--db", db, "import", with_annotations)
    assert code == 0, out
    assert out.startswith(f"imported {with_annotations}")
    return db


def test_export_annotations_as_markdown(annotated, capsys):
    code, out, err = notegui(capsys, "--db", annotated, "export", "--format", "annotations-md")
    assert code == 0, err
    assert out.index(f"## {SEA}") < out.index(f"## {SKY}")
    sky = out[out.index(f"## {SKY}"):]
    assert sky.index("> Light scatters") < sky.index("> Rayleigh scattering")
    assert ("> Rayleigh scattering\n\nShort wavelengths scatter most.\nHence blue.\n\n"
            "*blue highlight*\n") in out
    assert "> Evaporation leaves the salt\n\n*green highlight*\n" in out
    assert DETACHED not in out


def test_export_annotations_as_w3c_to_a_file(annotated, tmp_path, capsys):
    target = tmp_path / "out" / "annotations.jsonld"
    code, out, err = notegui(capsys, "--db", annotated, "export", "--format",
                             "annotations-w3c", "-o", target)
    assert (code, out, err) == (0, "", "")
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["@context"] == W3C_CONTEXT and data["type"] == "AnnotationCollection"
    assert data["total"] == 3
    items = data["first"]["items"]
    assert [i["motivation"] for i in items] == ["highlighting", "highlighting", "commenting"]
    assert items[0]["generator"]["name"].startswith("notegui ")
    with SqliteLibrary(annotated) as library:
        stored = library.document().annotations
    assert from_w3c(target.read_text(encoding="utf-8"), str(target)) == [
        replace(a, id=0, note_id=0) for a in stored
    ]


def test_w3c_to_standard_output_and_the_out_abbreviation(annotated, tmp_path, capsys):
    code, out, _ = notegui(capsys, "--db", annotated, "export", "--format", "annotations-w3c")
    assert code == 0 and json.loads(out)["total"] == 3
    target = tmp_path / "a.md"
    code, _, _ = notegui(capsys, "--db", annotated, "export", "--format", "annotations-md",
                         "--out", target)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# Annotations\n")


def test_failed_annotation_export_keeps_the_old_file(annotated, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("keep me")
    code, _, err = notegui(capsys, "--db", annotated, "export", "--format", "annotations-md",
                           "-o", blocker / "x.md")
    assert code == 1 and f"cannot write {blocker / 'x.md'}" in err
    assert blocker.read_text() == "keep me"


def test_library_json_brings_annotations_back(annotated, tmp_path, capsys):
    exported = tmp_path / "library.json"
    assert notegui(capsys, "--db", annotated, "export", "--format", "json", "-o", exported)[0] == 0
    fresh = tmp_path / "fresh.db"
    code, out, _ = notegui(capsys, "--db", fresh, "import", exported)
    assert code == 0, out

    def comparable(db: Path) -> list[Annotation]:
        with SqliteLibrary(db) as library:
            return [replace(a, id=0, note_id=0) for a in library.document().annotations]

    before, after = comparable(annotated), comparable(fresh)
    assert len(after) == 3
    assert after == before
    # importing it again adds nothing twice
    code, out, _ = notegui(capsys, "--db", fresh, "import", exported)
    assert code == 0 and out.startswith(f"unchanged {exported}")
    assert comparable(fresh) == before


def test_empty_library_exports_empty_annotations(tmp_path, capsys):
    db = tmp_path / "empty.db"
    code, out, _ = notegui(capsys, "--db", db, "export", "--format", "annotations-md")
    assert (code, out) == (0, "# Annotations\n\nNo annotations.\n")
    code, out, _ = notegui(capsys, "--db", db, "export", "--format", "annotations-w3c")
    assert code == 0 and json.loads(out)["first"]["items"] == []


def test_export_help_lists_the_annotation_formats(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert "annotations-md" in out and "annotations-w3c" in out
    assert "W3C Web Annotation" in " ".join(out.split())
