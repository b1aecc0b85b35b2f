"""A small library whose citations make a known graph, for the citation graph's tests.

    F -> A -> B -> D -> E        (X -> Y: X cites Y)
         A -> C -> S             (S: a stub, cited and never written)
    G, H: no links either way; G and A tagged "core"
"""

from __future__ import annotations

from notegui.store.library import SqliteLibrary

STUB = "What is the stub about?"
TITLES = {
    "A": "Why does A cite two notes?",
    "B": "How does B lead on?",
    "C": "Is C the one citing a stub?",
    "D": "Where does D go?",
    "E": "Is E the end of the chain?",
    "F": "Does F cite A?",
    "G": "Is G alone?",
    "H": "Is H alone too?",
}
CITES = {"A": ["B", "C"], "B": ["D"], "C": [], "D": ["E"], "E": [], "F": ["A"], "G": [],
         "H": []}


def make_graph_library(library: SqliteLibrary) -> dict[str, int]:
    """Write the notes above; their ids by letter (and "S" for the stub)."""
    ids: dict[str, int] = {}
    for letter in "EDCBAFGH":  # (cited notes first: none of them a stub)
        cited = " ".join(f"See [[{TITLES[other]}]]." for other in CITES[letter])
        extra = f" And [[{STUB}]]." if letter == "C" else ""
        ids[letter], _ = library.create_note(TITLES[letter], f"About {letter}.", "",
                                             f"Text of {letter}. {cited}{extra}")
    stub = library.find(STUB)
    assert stub is not None
    ids["S"] = stub.id
    library.set_tags(ids["A"], ["core"])
    library.set_tags(ids["G"], ["core"])
    return ids


def letters(ids: dict[str, int], found: list[int]) -> set[str]:
    by_id = {note_id: letter for letter, note_id in ids.items()}
    return {by_id[note_id] for note_id in found}
