"""Annotations as a markdown digest and as W3C Web Annotation JSON-LD (and back)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from notegui.core.domain import HIGHLIGHT_COLORS, Annotation
from notegui.core.formats.annotation_export import (
    CSS_COLORS,
    DETACHED,
    FORMER_POSITION,
    W3C_CONTEXT,
    annotation_iri,
    from_w3c,
    to_markdown,
    to_w3c,
)
from notegui.core.formats.errors import FormatError

SKY = "Why is the sky blue?"
SEA = "why is the sea salty?"  # sorts after SKY's "W" only when case is ignored


def note(title: str, exact: str, start: int, **fields: object) -> Annotation:
    values: dict[str, object] = {
        "prefix": "before ", "suffix": " after", "comment": "", "color": "yellow",
        "created": "2024-05-01T10:00:00Z", "updated": "2024-05-02T11:30:00Z",
    }
    values.update(fields)
    return Annotation(title, exact, start=start, end=start + len(exact), **values)  # type: ignore[arg-type]


ANNOTATIONS = [
    note(SKY, "Rayleigh scattering", 40, comment="The short wavelengths scatter most.",
         color="blue"),
    note(SEA, "Rivers carry salt", 10, color="green"),
    note(SKY, "Light scatters", 5),
    note(SKY, "a sentence that is gone", 90, comment="Was this ever right?", detached=True,
         color="pink"),
]


# -- markdown --------------------------------------------------------------------------------


def test_markdown_groups_by_note_in_title_order_and_by_position():
    text = to_markdown(ANNOTATIONS)
    assert text.startswith("# Annotations\n")
    assert text.index(f"## {SEA}") < text.index(f"## {SKY}")  # "sea" < "sky", any case
    sky = text[text.index(f"## {SKY}"):]
    assert sky.index("> Light scatters") < sky.index("> Rayleigh scattering")
    assert sky.index("> Rayleigh scattering") < sky.index("> a sentence that is gone")
    assert text.count("## ") == 2


def test_markdown_quote_comment_colour_and_detached():
    text = to_markdown(ANNOTATIONS)
    block = text[text.index("> Rayleigh scattering"):]
    assert block.startswith(
        "> Rayleigh scattering\n\nThe short wavelengths scatter most.\n\n*blue highlight*\n"
    )
    assert "> Light scatters\n\n*yellow highlight*\n" in text
    assert f"*pink highlight* {DETACHED}" in text
    assert DETACHED == "(detached: its words are no longer in the note)"
    assert text.count("detached") == 1
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_markdown_quote_cannot_break_out_of_its_blockquote():
    quote = "first line\n\n# not a heading of the digest\r\rafter\u2029</blockquote><b>x"
    text = to_markdown([note(SKY, quote, 0, comment="mine")])
    quoted = text[text.index("> first line"):text.index("\nmine")].splitlines()
    assert quoted == [
        "> first line",
        ">",
        "> # not a heading of the digest",
        ">",
        "> after",
        "> \\</blockquote>\\<b>x",
    ]
    assert "\\<b>x\n\nmine\n" in text  # the comment is a paragraph after the quote
    assert "\r" not in text and "\u2029" not in text


def test_markdown_escapes_only_what_needs_it():
    text = to_markdown([note(SKY, "a < b, *really* [sic] 3 > 2 #1", 0)])
    assert "> a < b, *really* [sic] 3 > 2 #1\n" in text


def test_markdown_of_nothing():
    assert to_markdown([]) == "# Annotations\n\nNo annotations.\n"


# -- W3C --------------------------------------------------------------------------------------


def test_w3c_collection_structure():
    data = json.loads(to_w3c(ANNOTATIONS, generator="notegui 9.9"))
    assert data["@context"] == W3C_CONTEXT == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == 4
    page = data["first"]
    assert page["type"] == "AnnotationPage"
    assert page["partOf"] == data["id"] and data["last"] == page["id"]
    assert data["id"].startswith("urn:uuid:") and page["id"].startswith("urn:uuid:")
    items = page["items"]
    assert len(items) == 4
    assert [i["target"]["source"] for i in items] == [
        "notegui:note/why%20is%20the%20sea%20salty%3F",
        *["notegui:note/Why%20is%20the%20sky%20blue%3F"] * 3,
    ]
    for item in items:
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:")
        assert "@context" not in item  # the collection's applies
        assert item["generator"] == {"type": "Software", "name": "notegui 9.9"}
        assert item["created"] == "2024-05-01T10:00:00Z"
        assert item["modified"] == "2024-05-02T11:30:00Z"
    assert len({item["id"] for item in items}) == 4


def test_w3c_highlight_comment_selectors_and_colour():
    items = json.loads(to_w3c(ANNOTATIONS))["first"]["items"]
    rivers, light, rayleigh, gone = items
    assert light["motivation"] == "highlighting" and "body" not in light
    assert rayleigh["motivation"] == "commenting"
    assert rayleigh["body"] == {"type": "TextualBody", "value": "The short wavelengths "
                                "scatter most.", "format": "text/plain", "purpose": "commenting"}
    assert rayleigh["target"]["type"] == "SpecificResource"
    assert rayleigh["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": "Rayleigh scattering", "prefix": "before ",
         "suffix": " after"},
        {"type": "TextPositionSelector", "start": 40, "end": 59},
    ]
    assert rivers["target"]["styleClass"] == "green"
    assert rivers["stylesheet"] == {
        "type": "CssStylesheet", "value": f".green {{ background-color: {CSS_COLORS['green']}; }}"
    }
    # a detached annotation's old offsets no longer select its quote: only the quote is given
    assert [s["type"] for s in gone["target"]["selector"]] == ["TextQuoteSelector"]


def test_w3c_leaves_out_empty_prefix_and_suffix():
    whole = note(SKY, "All of it", 0, prefix="", suffix="")
    (item,) = json.loads(to_w3c([whole]))["first"]["items"]
    assert item["target"]["selector"][0] == {"type": "TextQuoteSelector", "exact": "All of it"}
    assert from_w3c(to_w3c([whole]), "x") == [whole]


def test_every_highlight_colour_has_css():
    assert set(CSS_COLORS) == set(HIGHLIGHT_COLORS)


def test_w3c_round_trip():
    attached = [a for a in ANNOTATIONS if not a.detached]
    back = from_w3c(to_w3c(attached), "x.jsonld")
    assert sorted(back, key=lambda a: (a.note_title, a.start)) == sorted(
        attached, key=lambda a: (a.note_title, a.start)
    )
    for colour in HIGHLIGHT_COLORS:
        one = replace(ANNOTATIONS[0], color=colour)
        assert from_w3c(to_w3c([one]), "x") == [one]


def test_w3c_round_trip_resets_ids_and_keeps_detachment():
    """A detached annotation comes back detached at its former offsets: no position
    selector is made up for it, and its id is the same."""
    stored = replace(ANNOTATIONS[3], id=7, note_id=3)
    (item,) = json.loads(to_w3c([stored]))["first"]["items"]
    assert item[FORMER_POSITION] == {"start": stored.start, "end": stored.end}
    (back,) = from_w3c(to_w3c([stored]), "x")
    assert back.id == 0 and back.note_id == 0 and back.detached is True
    assert (back.exact, back.comment, back.color) == (stored.exact, stored.comment, "pink")
    assert (back.start, back.end) == (stored.start, stored.end)
    assert to_w3c([back]) == to_w3c([stored])  # the same id, still no position selector
    # Another tool's annotation without a position: placed at 0, found by re-anchoring.
    del item[FORMER_POSITION]
    (other,) = from_w3c(json.dumps(item), "other.json")
    assert other.detached is False and (other.start, other.end) == (0, len(stored.exact))


def test_a_bad_former_position_names_the_field():
    (item,) = json.loads(to_w3c([ANNOTATIONS[3]]))["first"]["items"]
    item[FORMER_POSITION] = {"start": 5, "end": 2}
    with pytest.raises(FormatError, match=f"x: {FORMER_POSITION}: end 2 is before start 5"):
        from_w3c(json.dumps(item), "x")


def test_w3c_ids_are_stable_and_ignore_comment_and_colour():
    first = annotation_iri(ANNOTATIONS[0])
    assert first == annotation_iri(replace(ANNOTATIONS[0], comment="new", color="pink", id=9))
    assert first != annotation_iri(replace(ANNOTATIONS[0], start=41))
    assert to_w3c(ANNOTATIONS) == to_w3c(list(reversed(ANNOTATIONS)))


def test_w3c_unicode_title_and_text():
    one = note("Pourquoi le café est-il amer ? 日本", "naïve 🙂 text", 3, comment="très bien")
    text = to_w3c([one])
    assert "naïve 🙂 text" in text  # not \\u-escaped
    assert from_w3c(text, "x") == [one]


def test_reads_a_single_annotation_a_page_and_a_list():
    collection = json.loads(to_w3c(ANNOTATIONS[:2]))
    page = collection["first"]
    single = {"@context": W3C_CONTEXT, **page["items"][0]}
    assert from_w3c(json.dumps(single), "a.json") == [ANNOTATIONS[1]]
    assert len(from_w3c(json.dumps(page), "p.json")) == 2
    assert len(from_w3c(json.dumps(page["items"]), "l.json")) == 2


def test_reads_other_tools_shapes():
    """bodyValue, a body without purpose, a tag body, one selector object, no position."""
    item = {
        "id": "http://example.org/anno1", "type": "Annotation", "bodyValue": "Plain comment",
        "body": [{"type": "TextualBody", "value": "Another"},
                 {"type": "TextualBody", "value": "important", "purpose": "tagging"},
                 "http://example.org/elsewhere"],
        "target": [{"source": {"id": "notegui:note/Why%20is%20the%20sky%20blue%3F"},
                    "styleClass": ["emphasis", "purple"],
                    "selector": {"type": "TextQuoteSelector", "exact": "blue"}}],
    }
    (read,) = from_w3c(json.dumps(item), "other.json")
    assert read.note_title == SKY
    assert read.comment == "Plain comment\n\nAnother"
    assert read.color == "purple"
    assert (read.exact, read.prefix, read.suffix, read.start, read.end) == ("blue", "", "", 0, 4)
    assert (read.created, read.updated) == ("", "")


def test_empty_collection():
    assert from_w3c(to_w3c([]), "empty.json") == []
    assert json.loads(to_w3c([]))["total"] == 0


def bad(mutate: Callable[[dict[str, Any]], object]) -> str:
    document = json.loads(to_w3c(ANNOTATIONS))
    mutate(document)
    with pytest.raises(FormatError) as error:
        from_w3c(json.dumps(document), "annotations.jsonld")
    return str(error.value)


def item(n: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda d: d["first"]["items"][n]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: item(3)(d)["target"].update(selector=[{"type": "TextPositionSelector",
                                                          "start": 1, "end": 2}]),
         "first.items[3].target.selector: no TextQuoteSelector"),
        (lambda d: item(1)(d)["target"]["selector"][1].update(start=-1),
         "first.items[1].target.selector[1].start: expected a whole number >= 0, found -1"),
        (lambda d: item(1)(d)["target"]["selector"][1].update(end=1),
         "first.items[1].target.selector[1]: end 1 is before start 5"),
        (lambda d: item(0)(d)["target"]["selector"][0].pop("exact"),
         "first.items[0].target.selector[0].exact: expected a string, missing"),
        (lambda d: item(0)(d)["target"]["selector"][0].update(exact=""),
         "first.items[0].target.selector[0].exact: empty"),
        (lambda d: item(2)(d)["target"].update(source="http://example.org/page"),
         "first.items[2].target.source: expected \"notegui:note/<title>\" or "
         "\"notegui:vault/<path>\", found 'http://example.org/page'"),
        (lambda d: item(2)(d)["target"].update(source="notegui:vault/Index.md"),
         "first.items[2].target.source: 'Index.md' is not a path <vault>/<file> of a note"),
        (lambda d: item(2)(d)["target"].update(source="notegui:vault/notes/../x.md"),
         "first.items[2].target.source: 'notes/../x.md' is not a path <vault>/<file>"),
        (lambda d: item(2)(d).update(target="notegui:note/x"),
         "first.items[2].target: a whole document, not a span of text"),
        (lambda d: item(2)(d).update(target=[{}, {}]),
         "first.items[2].target: expected one target, found 2"),
        (lambda d: item(2)(d).pop("target"), "first.items[2].target: missing"),
        (lambda d: item(2)(d).update(type="Note"), 'first.items[2].type: expected "Annotation"'),
        (lambda d: item(2)(d)["body"].update(value=5),
         "first.items[2].body.value: expected a string, found 5"),
        (lambda d: item(0)(d).update(created=20240501),
         "first.items[0].created: expected a string, found 20240501"),
        (lambda d: d["first"].update(items={}), "first.items: expected a list of annotations"),
        (lambda d: d.update(first="http://example.org/page1"),
         "first: expected an embedded AnnotationPage"),
        (lambda d: d.update(type="Collection"),
         "type: expected AnnotationCollection, AnnotationPage or Annotation"),
        (lambda d: d["first"].update(next={"type": "AnnotationPage", "items": [7]}),
         "first.next.items[0]: expected an Annotation object"),
    ],
)
def test_bad_w3c_names_the_file_and_the_field(mutate, message):
    assert bad(mutate).startswith(f"annotations.jsonld: {message}")


def test_bad_json_names_the_file():
    with pytest.raises(FormatError, match=r"^notes\.json: not valid JSON at line 1, column 2"):
        from_w3c("{oops", "notes.json")
    with pytest.raises(FormatError, match=r"^notes\.json: top level: expected an "):
        from_w3c('"just a string"', "notes.json")
    with pytest.raises(FormatError, match="nested too deeply"):
        from_w3c("[" * 100_000, "notes.json")


def test_next_pages_are_read():
    document = json.loads(to_w3c(ANNOTATIONS[:1]))
    document["first"]["next"] = copy.deepcopy(json.loads(to_w3c(ANNOTATIONS[1:2]))["first"])
    assert [a.exact for a in from_w3c(json.dumps(document), "x")] == [
        ANNOTATIONS[0].exact, ANNOTATIONS[1].exact
    ]
