"""pyproject.toml lists notegui's packages by name (resources/ is mapped in from outside
src/): a package left off the list is missing from every wheel and installer, while the
tests, run from the source tree, still pass. Each package under src/ must be listed."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_of_the_source_tree_is_installed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    source = ROOT / "src"
    found = {".".join(init.parent.relative_to(source).parts)
             for init in source.rglob("__init__.py")}
    assert found - listed == set()
