"""Which note a vault's link leads to (core.vault.resolve), by Obsidian's rules: a path
when names clash, the shortest path, the note's own folder, aliases, case-insensitive."""

from __future__ import annotations

import pytest

from notegui.core.vault import LinkIndex, LinkRef, resolve

NOTES = [
    ("V/Home.md", "home", ("Start",)),
    ("V/Ideas.md", "ideas", ()),
    ("V/work/Ideas.md", "ideas", ("Job ideas",)),
    ("V/work/deep/Ideas.md", "ideas", ()),
    ("V/b/Only.md", "only", ()),
    ("V/a/x/Clash.md", "clash", ()),
    ("V/b/Clash.md", "clash", ()),
    ("V/My Project.md", "my project", ("Shared",)),
    ("V/other/Thing.md", "thing", ("Shared",)),
    ("V/lang.python.md", "lang.python", ()),
    ("V/Caf\u00e9.md", "caf\u00e9", ()),
    ("W/Home.md", "home", ()),  # (another vault: never a target from V)
    ("W/Only W.md", "only w", ()),
]
IMAGES = [("V/assets/img.png", "img.png"), ("V/other/img.png", "img.png"),
          ("V/assets/Photo 1.JPG", "photo 1.jpg")]


@pytest.fixture(scope="module")
def index() -> LinkIndex:
    built = LinkIndex()
    for path, name_key, aliases in NOTES:
        built.add_note(path, name_key, aliases)
    for path, name_key in IMAGES:
        built.add_attachment(path, name_key)
    return built


def wiki(target: str, **fields: object) -> LinkRef:
    return LinkRef(target, **fields)  # type: ignore[arg-type]


def markdown(target: str, **fields: object) -> LinkRef:
    return LinkRef(target, markdown=True, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("source", "ref", "expected"), [
    # 1. inside the note
    ("V/work/Ideas.md", wiki("", heading="Plan"), "V/work/Ideas.md"),
    # 2. markdown links: from the note's folder, decoded by the reader, '..' applied
    ("V/work/Ideas.md", markdown("../Home.md"), "V/Home.md"),
    ("V/work/Ideas.md", markdown("deep/Ideas.md"), "V/work/deep/Ideas.md"),
    ("V/work/deep/Ideas.md", markdown("../../My Project.md"), "V/My Project.md"),
    ("V/work/Ideas.md", markdown("../my project.MD", heading="Plan"), "V/My Project.md"),
    ("V/work/Ideas.md", markdown("../Home"), "V/Home.md"),  # (.md added)
    ("V/work/Ideas.md", markdown("/b/Only.md"), "V/b/Only.md"),  # (from the root)
    ("V/Home.md", markdown("../W/Home.md"), None),  # (never out of the vault)
    ("V/work/Ideas.md", markdown("./Missing.md"), None),
    ("V/Home.md", markdown("assets/img.png", embed=True), "V/assets/img.png"),
    # (not where it says, written without ./: by name, as Obsidian's shortest form)
    ("V/work/Ideas.md", markdown("Only.md"), "V/b/Only.md"),
    # 3. a path: from the root, else the shortest path ending with it
    ("V/Home.md", wiki("work/Ideas"), "V/work/Ideas.md"),
    ("V/Home.md", wiki("work/deep/ideas.md"), "V/work/deep/Ideas.md"),
    ("V/Home.md", wiki("deep/Ideas"), "V/work/deep/Ideas.md"),
    ("V/Home.md", wiki("x/Clash"), "V/a/x/Clash.md"),
    ("V/Home.md", wiki("b/clash"), "V/b/Clash.md"),
    ("V/Home.md", wiki("other/img.png", embed=True), "V/other/img.png"),
    ("V/Home.md", wiki("nowhere/Ideas"), None),
    ("V/work/deep/Ideas.md", wiki("../Ideas"), "V/work/Ideas.md"),
    # 4. a bare name: one → it; several → the source's folder, else the shortest path
    ("V/Home.md", wiki("ONLY"), "V/b/Only.md"),
    ("V/Home.md", wiki("Only.md"), "V/b/Only.md"),
    ("V/Home.md", wiki("Ideas"), "V/Ideas.md"),
    ("V/work/Ideas.md", wiki("Ideas"), "V/work/Ideas.md"),
    ("V/work/deep/Ideas.md", wiki("ideas", block="x1"), "V/work/deep/Ideas.md"),
    ("V/a/x/Clash.md", wiki("Clash"), "V/a/x/Clash.md"),
    ("V/Home.md", wiki("Clash"), "V/b/Clash.md"),  # (fewer segments)
    ("V/Home.md", wiki("lang.python"), "V/lang.python.md"),
    ("V/Home.md", wiki("Cafe\u0301"), "V/Caf\u00e9.md"),  # (NFC)
    ("V/Home.md", wiki("my  project"), "V/My Project.md"),  # (title_key: spaces)
    ("V/Home.md", wiki("img.png", embed=True), "V/assets/img.png"),
    ("V/Home.md", wiki("photo 1.jpg", embed=True), "V/assets/Photo 1.JPG"),
    # 5. an alias: of one note; several: the shortest path
    ("V/Ideas.md", wiki("start"), "V/Home.md"),
    ("V/Ideas.md", wiki("Job Ideas"), "V/work/Ideas.md"),
    ("V/Ideas.md", wiki("Shared"), "V/My Project.md"),
    # 6. nothing: a stub
    ("V/Home.md", wiki("Nowhere"), None),
    ("V/Home.md", wiki("Only W"), None),  # (another vault's note)
    ("W/Home.md", wiki("Ideas"), None),
    ("W/Only W.md", wiki("home"), "W/Home.md"),
])
def test_resolve(index: LinkIndex, source: str, ref: LinkRef, expected: str | None) -> None:
    assert resolve(index, source, ref) == expected


def test_an_index_of_many_same_named_notes_answers_at_once() -> None:
    """5,000 notes named index, one per folder: each links [[index]] (its own) and
    [[Home]]; the lookups do not scan the same-named list."""
    import time

    built = LinkIndex()
    built.add_note("V/Home.md", "home")
    for number in range(5_000):
        built.add_note(f"V/f{number}/index.md", "index")
    own, home = LinkRef("index"), LinkRef("Home")
    start = time.perf_counter()
    for _ in range(5_000):
        resolve(built, "V/Home.md", home)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    for number in range(5_000):
        assert resolve(built, f"V/f{number}/index.md", own) == f"V/f{number}/index.md"
    assert time.perf_counter() - start < 20 * floor + 0.05
