"""The bits a large import keeps for each title key (store/importing/key_flags.py)."""

from notegui.store.importing.key_flags import KeyFlags


def test_each_flag_is_a_set_of_keys_sharing_one_entry_per_key() -> None:
    flags = KeyFlags()
    made, present = flags.flag(1), flags.flag(2)
    made.add("a")
    present.update(["a", "b"])
    assert "a" in made and "b" not in made and {"a", "b"} == set(present)
    assert (len(made), len(present), len(flags.bits)) == (1, 2, 2)
    present.clear()
    assert not present and "a" in made and list(flags.bits) == ["a"]
    made.discard("a")
    assert not flags.bits and not made


def test_a_batch_s_changes_are_undone_and_kept_ones_stay() -> None:
    flags = KeyFlags()
    made, sources = flags.flag(1), flags.flag(2)
    made.add("kept")
    flags.begin()
    sources.add("kept")
    made.add("new")
    sources.add("new")
    made.discard("kept")
    flags.undo()
    assert set(made) == {"kept"} and not sources and (len(made), len(sources)) == (1, 0)
    flags.begin()
    sources.add("kept")
    flags.keep()
    flags.undo()  # (nothing logged any more)
    assert set(sources) == {"kept"}


def test_a_key_is_held_once_whichever_string_names_it() -> None:
    flags = KeyFlags()
    first, second = "".join(["ti", "tle"]), "".join(["tit", "le"])
    assert first is not second
    flags.flag(1).add(first)
    flags.flag(2).add(second)
    assert len(flags.bits) == 1 and next(iter(flags.bits)) is first


def test_a_claim_keeps_the_first_file_s_place_beside_the_flags() -> None:
    flags = KeyFlags()
    made = flags.flag(1)
    made.add("a")
    assert flags.claim("a", 0) is None and flags.claim("a", 7) == 0
    assert flags.claim("b", 300) is None and flags.claim("b", 301) == 300
    flags.begin()
    made.discard("a")
    made.add("b")
    flags.undo()
    assert set(made) == {"a"} and flags.claim("a", 9) == 0 and flags.claim("b", 9) == 300
    made.clear()
    assert flags.claim("a", 9) == 0  # (the claim stays when its flags go)


def test_a_claim_made_during_a_batch_outlives_its_undo():
    flags = KeyFlags()
    made = flags.flag(1)
    flags.begin()
    made.add("why?")
    assert flags.claim("why?", 7) is None
    flags.undo()
    assert "why?" not in made
    assert flags.claim("why?", 9) == 7  # (the first file's claim is still known)
