"""packaging/build.py as a packager runs it: ``version`` and ``depends`` on the build
machine's own Python 3.10 (Ubuntu 22.04's) before any venv, and ``deb`` reusing the bundle
``bundle`` made unless its sources changed since."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import PACKAGING, load

build = load("build")

# Python 3.10 as far as build.py can tell: no tomllib, no datetime.UTC (both 3.11).
AS_PYTHON_310 = """\
import datetime, runpy, sys
sys.modules["tomllib"] = None
del datetime.UTC
sys.argv = ["build.py", *sys.argv[1:]]
sys.path.insert(0, {packaging!r})
runpy.run_path({script!r}, run_name="__main__")
"""


def run_as_python_310(*args: str) -> subprocess.CompletedProcess[str]:
    code = AS_PYTHON_310.format(packaging=str(PACKAGING), script=str(PACKAGING / "build.py"))
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, check=False)


@pytest.mark.parametrize("name", ["build.py", "pyi_bundle.py", "deb_rules.py",
                                  "manpage.py", "completions.py", "licences.py"])
def test_the_build_scripts_are_python_310_syntax(name: str) -> None:
    ast.parse((PACKAGING / name).read_text(encoding="utf-8"), feature_version=(3, 10))


def test_version_runs_without_tomllib() -> None:
    result = run_as_python_310("version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == build.project_version()


def test_depends_runs_without_tomllib() -> None:
    result = run_as_python_310("depends")
    assert result.returncode == 0, result.stderr
    names = result.stdout.split()
    assert len(names) == len(build.DEPENDS) and "libxcb-cursor0" in names


def test_a_static_version_in_pyproject_is_read_too(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "pkg"\ndependencies = [\n    "a",\n]\nversion = "1.2.3"\n'
        '[tool.x]\nversion = "9"\n')
    assert build.project_version(tmp_path) == "1.2.3"


# --- a fresh bundle is reused -------------------------------------------------------------


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for name in build.BUNDLE_SOURCES:
        path = root / name if "." in Path(name).name else root / name / "module.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")
    return root


def finished_bundle(tmp_path: Path) -> object:
    layout = build.Layout(work=tmp_path / "work", out=tmp_path / "dist")
    (layout.bundle).mkdir(parents=True)
    (layout.bundle / "notegui").write_bytes(b"\x7fELF")
    layout.work.mkdir()
    layout.stamp.write_text(str(layout.bundle))
    return layout


def age(path: Path, seconds: float) -> None:
    moment = path.stat().st_mtime - seconds
    os.utime(path, (moment, moment))


def test_a_bundle_newer_than_its_sources_is_reused(sources: Path, tmp_path: Path) -> None:
    for path in sources.rglob("*"):
        age(path, 60)
    layout = finished_bundle(tmp_path)
    bundle, why = build.fresh_bundle(layout, sources)
    assert bundle == layout.bundle and "reusing" in why


def test_a_source_changed_after_the_bundle_rebuilds_it(sources: Path, tmp_path: Path) -> None:
    layout = finished_bundle(tmp_path)
    age(layout.stamp, 60)
    (sources / "src/module.py").write_text("x = 2\n")
    bundle, why = build.fresh_bundle(layout, sources)
    assert bundle is None and "older than src/module.py" in why


def test_caches_and_compiled_catalogues_do_not_count_as_changes(sources: Path,
                                                                 tmp_path: Path) -> None:
    for path in sources.rglob("*"):
        age(path, 60)
    layout = finished_bundle(tmp_path)
    age(layout.stamp, 30)
    (sources / "src/__pycache__").mkdir()
    (sources / "src/__pycache__/module.cpython-311.pyc").write_bytes(b"")
    (sources / "resources/notegui_de.qm").write_bytes(b"")
    assert build.fresh_bundle(layout, sources)[0] == layout.bundle


def test_a_bundle_left_unfinished_or_elsewhere_is_not_reused(sources: Path,
                                                             tmp_path: Path) -> None:
    layout = finished_bundle(tmp_path)
    layout.stamp.write_text(str(tmp_path / "another" / "notegui"))
    assert build.fresh_bundle(layout, sources)[0] is None
    layout.stamp.unlink()
    bundle, why = build.fresh_bundle(layout, sources)
    assert bundle is None and "no finished bundle" in why
