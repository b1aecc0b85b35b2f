"""Helpers of the packaging tests (not a conftest.py: a second conftest module would
shadow tests/conftest.py, which other tests import by name).

The fast tests check the rules of packaging/ and run with the rest of the suite. The slow
ones (:data:`SLOW`) build the real installers (a minute or two) and run only when
``NOTEGUI_SLOW=1`` is set, as ``.ci/run`` does:

    NOTEGUI_SLOW=1 .venv/bin/python -m pytest tests/packaging

They need the packaging extra (``pip install -e '.[packaging]'``) and, on Debian, the
tools and libraries .ci/run installs (dpkg-deb, binutils, desktop-file-utils, appstream,
nsis, and the .deb's Depends)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
SLOW_ENV = "NOTEGUI_SLOW"


#: The marks of a slow test module: ``pytestmark = SLOW``.
SLOW = [pytest.mark.slow,
        pytest.mark.skipif(os.environ.get(SLOW_ENV) != "1",
                           reason=f"slow packaging test: run with {SLOW_ENV}=1")]


def load(name: str) -> ModuleType:
    """A module of packaging/ (not a package: build.py is run as a script)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # build.py imports pyi_bundle
    qualified = f"notegui_packaging_{name}"
    if qualified not in sys.modules:
        spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[qualified] = module
        spec.loader.exec_module(module)
    return sys.modules[qualified]
