"""The release workflow and what it publishes, checked without GitHub: the workflow parses,
runs on current runners with the Node 24 majors of the actions it uses and only their real
inputs, builds and smoke-tests every package, signs SHA256SUMS with the key whose public
half is in the repository and README, attests provenance; and the winget and Homebrew
manifests come out filled in with a release's checksums."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging_support import PACKAGING, load

ROOT = PACKAGING.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
build = load("build")
manifests = load("update_manifests")

#: The actions the workflow may use: their current majors (each runs on Node 24) and the
#: inputs their action.yml declares.
ACTIONS = {
    "actions/checkout": ("v6", {"repository", "ref", "token", "path", "fetch-depth",
                                "fetch-tags", "persist-credentials", "submodules", "lfs"}),
    "actions/setup-python": ("v6", {"python-version", "python-version-file", "cache",
                                    "architecture", "check-latest", "cache-dependency-path",
                                    "allow-prereleases"}),
    "actions/upload-artifact": ("v7", {"name", "path", "if-no-files-found", "retention-days",
                                       "compression-level", "overwrite",
                                       "include-hidden-files", "archive"}),
    "actions/download-artifact": ("v8", {"name", "artifact-ids", "path", "pattern",
                                         "merge-multiple", "github-token", "repository",
                                         "run-id", "skip-decompress", "digest-mismatch"}),
    "actions/attest-build-provenance": ("v4", {"subject-path", "subject-digest",
                                               "subject-name", "subject-checksums",
                                               "push-to-registry", "github-token"}),
}


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def scripts(workflow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def test_every_action_is_its_current_major_with_real_inputs(workflow: dict[str, Any]) -> None:
    used = [step for step in steps(workflow) if "uses" in step]
    assert used
    for step in used:
        name, _, version = step["uses"].partition("@")
        assert name in ACTIONS, f"{name} is not a known action"
        major, inputs = ACTIONS[name]
        assert version == major, f"{name}@{version}: the current major is {major}"
        assert set(step.get("with", {})) <= inputs, f"{name}: {set(step['with']) - inputs}"


def test_the_jobs_run_on_current_runners(workflow: dict[str, Any]) -> None:
    jobs = workflow["jobs"]
    assert jobs["linux"]["container"] == "ubuntu:22.04"  # (the glibc 2.35 floor)
    assert jobs["windows"]["runs-on"] == "windows-latest"
    runners = {entry["runner"]: entry["arch"]
               for entry in jobs["macos"]["strategy"]["matrix"]["include"]}
    assert runners == {"macos-14": "arm64", "macos-15-intel": "x86_64"}
    everything = WORKFLOW.read_text(encoding="utf-8")
    assert "macos-13" not in everything and "ubuntu-22.04" not in everything.replace(
        "container: ubuntu:22.04", "")


def test_every_package_is_built_smoke_tested_and_uploaded(workflow: dict[str, Any]) -> None:
    text = scripts(workflow)
    targets = set(re.findall(r"packaging/build\.py (\w+)", text))
    assert {"deb", "appimage", "windows", "macos"} <= targets
    for target in targets:  # (build.py's parser refuses a target it does not have)
        assert build.parse_args([target]).target == target
    for binary in ("/usr/bin/notegui", "dist/notegui-*-x86_64.AppImage",
                   '"$dir\\notegui-cli.exe"', "dist/notegui.app/Contents/MacOS/notegui"):
        assert f"smoke_test.py {binary}" in text, binary
    uploaded = "\n".join(str(step["with"]["path"]) for step in steps(workflow)
                         if step.get("uses", "").startswith("actions/upload-artifact"))
    for package in ("*.deb", "*.AppImage", "setup.exe", "*.dmg"):
        assert package in uploaded


def test_the_release_signs_its_checksums_and_attests_provenance(
        workflow: dict[str, Any]) -> None:
    release = workflow["jobs"]["release"]
    assert set(release["needs"]) == {"linux", "windows", "macos"}
    assert release["permissions"] == {"contents": "write", "id-token": "write",
                                      "attestations": "write"}
    text = "\n".join(step.get("run", "") for step in release["steps"])
    assert "sha256sum -- *.deb *.AppImage *.exe *.dmg > SHA256SUMS" in text
    assert "minisign -S" in text and "secrets.MINISIGN_SECRET_KEY" in WORKFLOW.read_text()
    assert "minisign -V -p ../packaging/minisign.pub -m SHA256SUMS" in text
    attest = next(step for step in release["steps"]
                  if step.get("uses", "").startswith("actions/attest-build-provenance"))
    assert attest["with"]["subject-path"].split() == [
        "artifacts/*.deb", "artifacts/*.AppImage", "artifacts/*.exe", "artifacts/*.dmg"]


def test_the_public_key_is_a_minisign_key_and_the_readme_gives_it() -> None:
    comment, key = (PACKAGING / "minisign.pub").read_text(encoding="utf-8").splitlines()
    assert comment.startswith("untrusted comment: minisign public key")
    raw = base64.b64decode(key)
    assert len(raw) == 42 and raw[:2] == b"Ed"  # (the Ed25519 algorithm, a key id, the key)
    assert key in (ROOT / "README.md").read_text(encoding="utf-8")
    assert key in (PACKAGING / "README.md").read_text(encoding="utf-8")


SUMS = """\
{a}  notegui_1.2.0_amd64.deb
{b}  notegui-1.2.0-x86_64.AppImage
{c}  notegui-1.2.0-setup.exe
{d}  notegui-1.2.0-arm64.dmg
{e}  notegui-1.2.0-x86_64.dmg
""".format(a="a" * 64, b="b" * 64, c="C" * 64, d="d" * 64, e="e" * 64)


def test_the_manifests_are_filled_in_from_the_release_checksums(tmp_path: Path) -> None:
    (tmp_path / "SHA256SUMS").write_text(SUMS)
    written = manifests.write_manifests("1.2.0", tmp_path / "SHA256SUMS", tmp_path / "out")
    assert sorted(path.name for path in written) == [
        "notegui.notegui.installer.yaml", "notegui.notegui.locale.en-US.yaml",
        "notegui.notegui.yaml", "notegui.rb"]
    installer = yaml.safe_load((tmp_path / "out/notegui.notegui.installer.yaml").read_text())
    assert installer["PackageVersion"] == "1.2.0"
    (entry,) = installer["Installers"]
    assert entry["InstallerSha256"] == "c" * 64
    assert entry["InstallerUrl"].endswith("/v1.2.0/notegui-1.2.0-setup.exe")
    assert installer["InstallerType"] == "nullsoft" and installer["Scope"] == "user"
    for name in ("notegui.notegui.yaml", "notegui.notegui.locale.en-US.yaml"):
        assert yaml.safe_load((tmp_path / "out" / name).read_text())["PackageVersion"] == "1.2.0"
    cask = (tmp_path / "out/notegui.rb").read_text()
    assert 'version "1.2.0"' in cask
    assert f'arm:   "{"d" * 64}"' in cask and f'intel: "{"e" * 64}"' in cask
    assert "@" not in cask.replace("#{", "")


def test_a_release_without_a_package_the_manifests_need_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "SHA256SUMS").write_text(
        "\n".join(line for line in SUMS.splitlines() if "arm64" not in line))
    code = manifests.main(["--version", "1.2.0", "--sums", str(tmp_path / "SHA256SUMS"),
                           "--out", str(tmp_path / "out")])
    assert code == 1
    assert "SHA256SUMS has no notegui-1.2.0-arm64.dmg" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_hardened_runtime_asks_only_what_a_pyinstaller_app_needs() -> None:
    import plistlib

    entitlements = plistlib.loads((PACKAGING / "macos" / "notegui.entitlements").read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True,
                            "com.apple.security.cs.disable-library-validation": True}
    assert "notegui.entitlements" in (PACKAGING / "README.md").read_text(encoding="utf-8")


def test_the_linux_release_installs_the_packages_that_hold_the_licences() -> None:
    """packaging/licences.py reads the C libraries' licences from these packages' copyright
    files; without one the release's build stops."""
    ci = (PACKAGING.parent / ".ci" / "run").read_text(encoding="utf-8")
    wanted = re.search(r'^LICENCE_SOURCES="([^"]+)"', ci, re.M)
    assert wanted is not None
    workflow = (PACKAGING.parent / ".github" / "workflows" / "release.yml").read_text(
        encoding="utf-8")
    linux = workflow.split("\n  windows:")[0]
    assert set(wanted.group(1).split()) <= set(re.findall(r"[\w.+-]+", linux))
