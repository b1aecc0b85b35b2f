"""The layers of DESIGN.md hold: import-linter's contracts in pyproject.toml pass."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from conftest import ROOT


def test_import_contracts_hold():
    lint = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
            "lint_imports_command()"]
    result = subprocess.run(lint, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"]
    assert len(contracts) >= 4  # core, store, the import below the facade, gui
    assert f"{len(contracts)} kept, 0 broken" in result.stdout


def test_version_is_defined_once():
    from notegui import __version__

    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in pyproject
    assert f'version = "{__version__}"' not in pyproject
