"""The AppStream metadata a software centre shows (and Flathub's linter reads): valid for
``appstreamcli validate --pedantic``, a short summary, the developer's id, the project's
addresses, release notes, and screenshots that are files of this repository."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from packaging_support import PACKAGING, load

build = load("build")
ROOT = PACKAGING.parent
RAW = "https://raw.githubusercontent.com/notegui/notegui/main/"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


@pytest.fixture
def metainfo(tmp_path: Path) -> Path:
    """The metainfo as build.py installs it (version and date filled in)."""
    path = tmp_path / f"{build.APP_ID}.metainfo.xml"
    path.write_text(build.metainfo("1.2.3"), encoding="utf-8")
    return path


def test_appstreamcli_pedantic_finds_no_warning_or_error(metainfo: Path) -> None:
    if not shutil.which("appstreamcli"):
        pytest.skip("needs appstreamcli (apt-get install appstream)")
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic",
                             "--format", "yaml", str(metainfo)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    severities = {line.split(":", 1)[1].strip() for line in result.stdout.splitlines()
                  if line.strip().startswith("severity:")}
    # (appstreamcli 0.16 reports AppStream 1.0's <developer> as an unknown tag: info only)
    assert severities <= {"info"}, result.stdout


def test_the_summary_developer_addresses_and_release_notes(metainfo: Path) -> None:
    root = ET.parse(metainfo).getroot()
    summary = root.findtext("summary") or ""
    assert 0 < len(summary) <= 35 and not summary.endswith(".")  # (Flathub's limits)
    assert not summary.lower().startswith("notegui")
    developer = root.find("developer")
    assert developer is not None and developer.get("id") and developer.findtext("name")
    urls = {url.get("type"): url.text for url in root.findall("url")}
    assert urls["homepage"].startswith("https://") and urls["bugtracker"].endswith("/issues")
    (release,) = root.findall("releases/release")
    assert release.get("version") == "1.2.3"
    assert release.findtext("description/p", "").strip()


def test_the_screenshots_are_files_of_this_repository_at_their_size(metainfo: Path) -> None:
    images = ET.parse(metainfo).getroot().findall("screenshots/screenshot/image")
    assert len(images) >= 1
    for image in images:
        assert image.text and image.text.startswith(RAW), image.text
        png = (ROOT / image.text.removeprefix(RAW)).read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (int(image.get("width", 0)),
                                                    int(image.get("height", 0)))


def test_it_names_the_file_types_notegui_opens(metainfo: Path) -> None:
    provided = [kind.text for kind in ET.parse(metainfo).getroot().findall(
        "provides/mediatype")]
    declared = [kind.get("type") for kind in ET.parse(
        PACKAGING / "linux" / "notegui-mime.xml").getroot().findall("m:mime-type", MIME_NS)]
    assert provided == declared
