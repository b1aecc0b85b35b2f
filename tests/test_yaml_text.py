"""Front matter written by yaml_text: its quick writer of the common values writes what
PyYAML's dumper writes, byte for byte, and every value reads back as it was."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from notegui.core.formats import yaml_text

_TEXT = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
    st.from_regex(r"[A-Za-zé][\w ,.'()?!/&+:#-]{0,15}", fullmatch=True),
    st.from_regex(r"[\w:.+-]{1,20}", fullmatch=True),
    st.from_regex(r"[0-9a-f]{32}", fullmatch=True),
    st.from_regex(r"[-?:#' \t.%@`!&*|>\[\]{},\"a-z]{1,8}", fullmatch=True),
    st.sampled_from(["yes", "No", "null", "2026-01-01", "2026-01-01T00:00:00Z", "1.5", "0x1f",
                     "1_000", "~", "12:30", "Why? yes", "a - b", "a: b", "a #b", "a#b", "a?",
                     "?a", "-a", "a'b", "'a", "!a", "&a", "Why (x)?", "e\u0301", "a ",
                     "- a", "-a", "? a", ": a", "a: b", "a:", "a :", "a #b", "---a", "...",
                     "a\tb", "\ufeffa", "a\x85b", "a\u2028b", "a\u2029", "It's *so*",
                     "50% off", "@home", "a, b",
                     "[x]", "{x}", "x]", "a ' b", "\U0010ffff", "\U0010fffe", "0abc",
                     "1 thing", "1e3", "0o17", "_a", "9"]))
_FIELDS = st.dictionaries(st.one_of(st.sampled_from(["title", "aliases", "notegui-id"]), _TEXT),
                          st.one_of(_TEXT, st.lists(_TEXT, max_size=3), st.just(True)),
                          max_size=5)


@settings(max_examples=4000, deadline=None)
@given(_FIELDS)
def test_the_quick_writer_writes_what_the_dumper_writes(fields: dict[str, Any]) -> None:
    written = yaml_text.dump(fields)
    assert written == yaml.dump(fields, Dumper=yaml_text._Dumper, allow_unicode=True,
                                sort_keys=False, default_flow_style=False, width=float("inf"))
    assert (yaml.safe_load(written) or {}) == fields
