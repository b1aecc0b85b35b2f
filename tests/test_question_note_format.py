"""The question-note text format (shared/FORMAT.md), parser and writer only: no library.

Each test writes a small note inline and checks one rule: what becomes a citation, how
citations pair with the Sources list, what is refused, and that ``write`` gives back
exactly the text that ``parse`` read.
"""

from __future__ import annotations

import random

import pytest

from conftest import SAMPLE, SAMPLE_CITED
from notegui.core.domain import title_key
from notegui.core.formats.question_note import (
    NotANoteError,
    ParsedNote,
    body_to_text,
    cited_titles,
    parse,
    write,
)


def written(parsed: ParsedNote) -> str:
    """The note written back, as an export would write it."""
    return write(
        parsed.title, parsed.description, parsed.body, [c.summary for c in parsed.citations]
    )


def titles(parsed: ParsedNote) -> list[str]:
    return [c.title for c in parsed.citations]


def note(*body: str, sources: list[str] | None = None, title: str = "Why is the sky blue?",
         description: str = "A question about *light*.") -> str:
    """A note's text: title, description, body lines, and a Sources list if given."""
    lines = [title, description, *body]
    if sources is not None:
        lines.append(f"Sources {len(sources)} note" + ("" if len(sources) == 1 else "s"))
        lines.extend(sources)
    return "\n".join(lines)


# -- the reference sample -----------------------------------------------------------------


def test_sample_has_six_citations_paired_in_order_with_its_six_summaries():
    text = SAMPLE.read_bytes().decode("utf-8")
    summaries = text.split("\n")[-6:]

    parsed = parse(SAMPLE.read_bytes(), "reasoning-transfer.txt")

    assert parsed.title.startswith("Why does reasoning transfer across different numbers")
    assert parsed.description.startswith("This explores why the ability to *reason through*")
    assert titles(parsed) == SAMPLE_CITED
    assert [c.summary for c in parsed.citations] == summaries
    assert parsed.citations[0].summary.startswith("Analysis of 5 million pretraining documents")
    assert parsed.warnings == ()
    assert cited_titles(parsed.body) == SAMPLE_CITED
    assert "Sources" not in parsed.body


def test_sample_is_written_back_byte_for_byte():
    data = SAMPLE.read_bytes()
    assert written(parse(data)).encode("utf-8") == data.removesuffix(b"\n")


# -- what a citation looks like -----------------------------------------------------------


@pytest.mark.parametrize("after", [",", ".", ")"])
def test_citation_followed_by_the_sentences_own_punctuation(after):
    cited = "Does light scatter more at short wavelengths?"
    text = note(f"Blue light scatters more (a classic result {cited}{after} see below).",
                sources=["Rayleigh scattering grows with the inverse fourth power."])

    parsed = parse(text)

    assert titles(parsed) == [cited]
    assert parsed.citations[0].summary == "Rayleigh scattering grows with the inverse fourth power."
    assert parsed.warnings == ()
    assert written(parsed) == text


def test_citation_ending_the_paragraph():
    cited = "Why is the sunset red?"
    text = note(f"The same physics explains the evening sky {cited}", "A second paragraph.",
                sources=["Long paths through air remove the blue."])

    parsed = parse(text)

    assert titles(parsed) == [cited]
    assert written(parsed) == text


def test_citation_after_a_closing_emphasis_or_quote():
    text = note("It is *well known* Does ozone absorb ultraviolet light?, and 'settled' "
                "Is the stratosphere warmer than the troposphere?.",
                sources=["Ozone absorbs UV.", "The stratosphere warms with height."])

    assert titles(parse(text)) == [
        "Does ozone absorb ultraviolet light?",
        "Is the stratosphere warmer than the troposphere?",
    ]


def test_title_cited_twice_is_listed_once_with_one_summary():
    cited = "Does light scatter more at short wavelengths?"
    text = note(f"First mention {cited}, then again later {cited}.",
                f"And in a new paragraph too {cited}",
                sources=["Rayleigh scattering."])

    parsed = parse(text)

    assert text.split("\n")[-2] == "Sources 1 note"
    assert titles(parsed) == [cited]
    assert cited_titles(parsed.body) == [cited, cited, cited]
    assert parsed.warnings == ()
    assert written(parsed) == text


def test_title_cited_twice_with_different_case_and_spacing_counts_once():
    text = note("First Does light scatter more?, then Does  Light scatter more?.",
                sources=["Rayleigh scattering."])

    parsed = parse(text)

    assert titles(parsed) == ["Does light scatter more?"]
    assert parsed.warnings == ()
    assert written(parsed) == text


def test_several_titles_pair_with_summaries_in_order_of_first_citation():
    text = note("Here Why is B true?, there Does A hold?, and again Why is B true?.",
                "Last Can C happen?",
                sources=["about B", "about A", "about C"])

    parsed = parse(text)

    assert [(c.title, c.summary) for c in parsed.citations] == [
        ("Why is B true?", "about B"),
        ("Does A hold?", "about A"),
        ("Can C happen?", "about C"),
    ]


def test_sources_one_note_header():
    text = note("As shown in Does light scatter?.", sources=["One summary."])

    assert text.split("\n")[-2] == "Sources 1 note"
    parsed = parse(text)
    assert [(c.title, c.summary) for c in parsed.citations] == [
        ("Does light scatter?", "One summary.")
    ]
    assert written(parsed) == text


def test_note_without_sources_section_cites_nothing():
    text = note("Plain prose, with no citation at all.", "A second paragraph.")

    parsed = parse(text)

    assert parsed.citations == ()
    assert parsed.warnings == ()
    assert parsed.body == "Plain prose, with no citation at all.\nA second paragraph."
    assert written(parsed) == text


def test_title_only_and_title_with_description_only():
    # A note of a title alone is written with its (empty) description line: only a final
    # newline more, which FORMAT.md allows.
    assert written(parse("Why is the sky blue?")) == "Why is the sky blue?\n"
    text = "Why is the sky blue?\nJust a description."
    parsed = parse(text)
    assert parsed.citations == ()
    assert written(parsed) == text


def test_description_is_never_searched_for_citations():
    text = note("Body without citations.",
                description="Framing the question, a word Does this look like a title?")

    parsed = parse(text)

    assert parsed.citations == ()
    assert parsed.warnings == ()
    assert written(parsed) == text


# -- ordinary questions in prose are not citations -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Does this start a line?", id="start-of-line"),
        pytest.param("It ended there. Does a new sentence count?", id="after-period"),
        pytest.param("The question is: Does a colon count?", id="after-colon"),
        pytest.param("We ask; Does a semicolon count?", id="after-semicolon"),
        pytest.param("Really! Does an exclamation count?", id="after-exclamation"),
        pytest.param("Is it? Does a question mark count?", id="after-question-mark"),
        pytest.param("People ask Does this hold? and then move on.", id="more-words-follow"),
        pytest.param("The model asked Why not? several times.", id="more-words-follow-2"),
        pytest.param("We wonder why does this happen?", id="lowercase-interrogative"),
        pytest.param("We wonder what is going on?", id="lowercase-what"),
        pytest.param("Two spaces before  Does this count?", id="two-spaces-before"),
        pytest.param("A single word Why?", id="single-word"),
        pytest.param("The xWhy does this count?", id="inside-a-word"),
        pytest.param("Press UnDo twice, then count?", id="inside-a-word-2"),
    ],
)
def test_ordinary_question_in_prose_is_not_a_citation(line):
    text = note(line, "More prose.")

    parsed = parse(text)

    assert parsed.citations == ()
    assert cited_titles(parsed.body) == []
    assert parsed.warnings == ()
    assert written(parsed) == text


# -- code is never searched ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fence", "closing"), [("```", "```"), ("~~~", "~~~"), ("```python", "```"), ("~~~~", "~~~~")]
)
def test_fenced_code_block_with_title_like_questions_is_kept_exactly(fence, closing):
    code = [
        fence,
        "Does this start a line in code?",
        "x = 'a claim Does code count as a citation?'",
        "  indented Why is this kept?, with [[brackets]] and [\\[ too",
        "Sources 1 note",
        closing,
    ]
    text = note("Before the code.", *code, "After the code.")

    parsed = parse(text)

    assert parsed.citations == ()
    assert cited_titles(parsed.body) == []
    assert body_to_text(parsed.body) == "\n".join(["Before the code.", *code, "After the code."])
    assert written(parsed) == text


def test_citation_after_a_closed_fence_is_still_found():
    text = note("```", "a claim Does code count?", "```",
                "But prose does: see Does prose count?.", sources=["Prose counts."])

    parsed = parse(text)

    assert titles(parsed) == ["Does prose count?"]
    assert written(parsed) == text


def test_inline_code_with_title_like_question_is_not_a_citation():
    text = note("Call it as `f(claim Does code count?, 2)` or ``a ` Why is this?. b`` here.",
                "Then write `x Does inline code end here?`")

    parsed = parse(text)

    assert parsed.citations == ()
    assert cited_titles(parsed.body) == []
    assert written(parsed) == text


def test_inline_code_next_to_a_real_citation():
    text = note("Code `a Does code count?.` and a real one Does prose count?.",
                sources=["Prose counts."])

    parsed = parse(text)

    assert titles(parsed) == ["Does prose count?"]
    assert written(parsed) == text


# -- literal brackets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "A wiki link [[Other page]] stays text.",
        "A closing ]] alone, and an opening [[ alone.",
        "An escaped-looking [\\[ sequence and [\\\\[ too.",
        "Brackets around a question [[Does this cite?]] are text.",
        "Triple [[[ and ]]] and [ [ spaced.",
        "Ends with a bracket [",
        "Backslash before brackets \\[[ and [\\]",
    ],
)
def test_literal_double_brackets_survive_and_cite_nothing(line):
    text = note(line, "Second paragraph [[x]].")

    parsed = parse(text)

    assert parsed.citations == ()
    assert cited_titles(parsed.body) == []
    assert body_to_text(parsed.body) == f"{line}\nSecond paragraph [[x]]."
    assert written(parsed) == text


def test_literal_brackets_on_the_same_line_as_a_citation():
    text = note("See [[wiki]] and [\\[ then the claim Does light scatter?, and ]] after.",
                sources=["Scattering."])

    parsed = parse(text)

    assert titles(parsed) == ["Does light scatter?"]
    assert cited_titles(parsed.body) == ["Does light scatter?"]
    assert written(parsed) == text


# -- BOM and CRLF --------------------------------------------------------------------------


def test_bom_and_crlf_are_accepted_and_written_without_them():
    text = note("As shown in Does light scatter?.", "Second paragraph.",
                sources=["Scattering."])
    data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8") + b"\r\n"

    parsed = parse(data, "crlf.txt")

    assert parsed.title == "Why is the sky blue?"
    assert titles(parsed) == ["Does light scatter?"]
    assert parsed.citations[0].summary == "Scattering."
    out = written(parsed)
    assert out == text
    assert "\r" not in out
    assert not out.startswith("\ufeff")


def test_final_newline_is_accepted():
    text = note("As shown in Does light scatter?.", sources=["Scattering."])

    parsed = parse((text + "\n").encode("utf-8"))

    assert titles(parsed) == ["Does light scatter?"]
    assert written(parsed) == text


# -- Sources list that does not pair up ----------------------------------------------------

KNOWN = "Does light scatter more at short wavelengths?"
UNKNOWN = "Why is the ocean blue?"


def _is_known(key: str) -> bool:
    return key == title_key(KNOWN)


def test_too_many_summaries_warns_names_file_and_line_and_keeps_text():
    text = note(f"Scattering {KNOWN}, as usual.", sources=["Rayleigh.", "An extra line."])

    parsed = parse(text, "notes/sky.txt", is_known=_is_known)

    assert len(parsed.warnings) == 1
    assert "notes/sky.txt" in parsed.warnings[0]
    assert "line 4" in parsed.warnings[0]  # the "Sources 2 notes" line
    assert titles(parsed) == [KNOWN]
    assert written(parsed) == text


def test_too_few_summaries_links_only_known_titles():
    text = note(f"Scattering {KNOWN}, and the sea {UNKNOWN}", f"Again {KNOWN}.",
                sources=["Only one summary."])

    parsed = parse(text, "sky.txt", is_known=_is_known)

    assert len(parsed.warnings) == 1
    assert "sky.txt" in parsed.warnings[0]
    assert "line 5" in parsed.warnings[0]
    assert titles(parsed) == [KNOWN]
    assert cited_titles(parsed.body) == [KNOWN, KNOWN]
    assert written(parsed) == text


def test_mismatch_without_library_links_nothing_and_keeps_text():
    text = note(f"Scattering {KNOWN}, and the sea {UNKNOWN}", sources=["Only one."])

    parsed = parse(text, "sky.txt")

    assert parsed.warnings
    assert parsed.citations == ()
    assert cited_titles(parsed.body) == []
    assert written(parsed) == text


def test_citation_without_any_sources_list_warns_and_keeps_text():
    text = note(f"Scattering {KNOWN}, as usual.", "Last paragraph.")

    parsed = parse(text, "nosources.txt", is_known=_is_known)

    assert len(parsed.warnings) == 1
    assert "nosources.txt" in parsed.warnings[0]
    assert "line" in parsed.warnings[0]
    assert titles(parsed) == [KNOWN]
    assert written(parsed) == text


def test_is_known_receives_the_title_key():
    seen: list[str] = []
    text = note(f"Scattering Does  LIGHT Scatter?, and {UNKNOWN}")

    parse(text, "x.txt", is_known=lambda key: seen.append(key) or False)

    assert "does light scatter?" in seen


@pytest.mark.parametrize("header", ["Sources 2 notes", "Sources 1 notes"])
def test_sources_header_that_does_not_pair_up_warns(header):
    text = note("As shown in Does light scatter?.", header, "Scattering.")

    parsed = parse(text, "header.txt")

    assert written(parsed) == text
    assert parsed.warnings and parsed.warnings[0].startswith("header.txt line 4: ")
    assert header in parsed.warnings[0]


# -- refused files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        pytest.param(b"", ["empty"], id="empty"),
        pytest.param(b" \n\t\r\n  \n", ["empty"], id="whitespace-only"),
        pytest.param(b"\xef\xbb\xbf\r\n", ["empty"], id="bom-and-newline-only"),
        pytest.param(b"Why?\nDesc\x00ription", ["NUL", "offset 9"], id="nul-byte"),
        pytest.param(b"Why?\n\xff\xfe broken", ["UTF-8", "offset 5"], id="invalid-utf8"),
        pytest.param(b"Why?\nCaf\xc3", ["UTF-8", "offset 8"], id="truncated-utf8"),
        pytest.param(b"Not a question\nDesc", ["line 1", "?"], id="no-question-mark"),
        pytest.param(b"?\nDesc", ["line 1"], id="bare-question-mark"),
        pytest.param(b"\nWhy is the sky blue?\nDesc", ["line 1"], id="blank-first-line"),
        pytest.param(b"Why is this? Not sure\nDesc", ["line 1"], id="question-mid-line"),
    ],
)
def test_refused_input_raises_with_a_clear_message(data, words):
    with pytest.raises(NotANoteError) as raised:
        parse(data, "bad.txt")

    message = str(raised.value)
    for word in words:
        assert word in message


def test_utf16_file_is_refused_not_misread():
    with pytest.raises(NotANoteError):
        parse("Why is the sky blue?\nDesc".encode("utf-16"))


# -- round trip over many generated notes -------------------------------------------------

_CITABLE = [
    "Does light scatter more at short wavelengths?",
    "Why is the sunset red?",
    "How do clouds form?",
    "Can a prism split light?",
    "Is air really transparent?",
    "What makes the ocean look blue?",
]
_LEADS = ["as shown in", "see", "a study", "(and the result", "*notably*", "'quoted'",
          "in 2021", "the analysis"]
_AFTERS = ["", ",", ".", ")", "?"]  # "?" only when the question ends a paragraph: see below
_PROSE = [
    "Plain prose with *emphasis* and _underscores_.",
    "Numbers 7 and 700 \u2014 and a dash.",
    "A wiki link [[Some page]] stays text.",
    "Odd brackets ]] and [[ and [\\[ and [\\\\[ and [[[.",
    "Inline `f(code Does this count?, 1)` is code.",
    "Double ``code with ` tick Why is it?.`` too.",
    "Unicode \u00e9\u00e8 \u201cquotes\u201d and \u2018single\u2019.",
    "Trailing spaces   ",
    "",
]
_NOT_CITATIONS = [
    "Does this start the line?",
    "It ended. Does a new sentence count?",
    "The point: Does the colon count?",
    "People ask Does this hold? and move on.",
    "We wonder why does this happen?",
    "A single word Why?",
]
_FENCES = [
    ["```", "a claim Does code count?", "[[x]] [\\[", "```"],
    ["~~~python", "Does code count?", "Sources 1 note", "~~~"],
    ["````", "```", "still code Why?", "````"],
]


def _spelling(rng: random.Random, title: str) -> str:
    """The title as a citing file might write it: same key, other case or spacing."""
    choice = rng.randrange(4)
    if choice == 1:
        first, rest = title.split(" ", 1)
        return f"{first} {rest.upper()}"  # the interrogative stays capitalised, not upper
    if choice == 2:
        return title.replace(" ", "  ", 1)
    return title


def _generated_note(rng: random.Random) -> tuple[str, list[str], bool]:
    """A note's text, the distinct titles (by key) it cites in order, and whether its
    Sources list pairs up with them."""
    cited: dict[str, str] = {}
    body: list[str] = []
    for _ in range(rng.randint(0, 8)):
        kind = rng.randrange(5)
        if kind == 0:
            title = rng.choice(_CITABLE)
            spelt = _spelling(rng, title)
            after = rng.choice(_AFTERS[:-1])
            tail = rng.choice(["", " and more words."]) if after else ""
            body.append(f"{rng.choice(_PROSE[:3])} {rng.choice(_LEADS)} {spelt}{after}{tail}")
            cited.setdefault(title_key(title), spelt)
        elif kind == 1:
            body.append(rng.choice(_PROSE))
        elif kind == 2:
            body.append(rng.choice(_NOT_CITATIONS))
        elif kind == 3:
            body.extend(rng.choice(_FENCES))
        else:
            body.append(" ".join(rng.choice(_PROSE[:7]) for _ in range(rng.randint(1, 3))))
    if body and body[-1] == "":
        # A blank last line would read as the final newline; and see
        # test_trailing_blank_line_after_description_is_kept.
        body.append("The end.")
    lines = [
        rng.choice(["Why is the sky blue?", "how  does THIS work?", "Does a note cite?"]),
        rng.choice(["A description.", "", "Framing with *italics* Does this cite?"]),
        *body,
    ]
    sources = [f"Summary of {t}" for t in cited.values()]
    mode = rng.randrange(4)
    paired = bool(cited) and mode > 0
    if paired:
        lines.append(f"Sources {len(sources)} note" + ("" if len(sources) == 1 else "s"))
        lines.extend(sources)
    elif mode == 0 and rng.random() < 0.5:
        lines.extend(["Sources 3 notes", "one summary"])  # does not pair up
    return "\n".join(lines), list(cited), paired


@pytest.mark.parametrize("seed", range(10))
def test_write_parse_round_trip_over_generated_notes(seed):
    rng = random.Random(seed)
    for _ in range(300):
        text, cited_keys, paired = _generated_note(rng)
        parsed = parse(text, "generated.txt")
        assert written(parsed) == text, text
        assert written(parse(text + "\n")) == text, text
        crlf = b"\xef\xbb\xbf" + (text + "\n").replace("\n", "\r\n").encode("utf-8")
        assert written(parse(crlf)) == text, text
        if paired:
            assert parsed.warnings == (), text
            assert [title_key(c.title) for c in parsed.citations] == cited_keys, text
            assert all(c.summary is not None for c in parsed.citations)
        else:
            assert parsed.citations == (), text  # nothing is known without a library
            assert cited_titles(parsed.body) == [], text
        assert len(set(map(title_key, cited_titles(parsed.body)))) == len(parsed.citations)


@pytest.mark.parametrize("seed", range(3))
def test_generated_notes_with_a_matching_sources_list_link_every_citation(seed):
    rng = random.Random(1000 + seed)
    checked = 0
    for _ in range(300):
        text, cited_keys, paired = _generated_note(rng)
        if not paired:
            continue
        parsed = parse(text, "generated.txt")
        assert parsed.warnings == (), text
        assert [title_key(c.title) for c in parsed.citations] == cited_keys, text
        checked += 1
    assert checked > 50


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Why is the sky blue?\nA description.\n\n", id="after-description"),
        pytest.param("Why is the sky blue?\n\n", id="after-title"),
    ],
)
def test_trailing_blank_line_after_description_is_kept(text):
    assert written(parse(text)) == text.removesuffix("\n")
