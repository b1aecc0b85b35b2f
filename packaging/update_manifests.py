"""Fill in the winget and Homebrew manifests of a release from its SHA256SUMS:

    python packaging/update_manifests.py --version 1.2.0 --sums dist/SHA256SUMS --out manifests

writes ``manifests/`` with the three winget files (``packaging/winget/``) and the cask
(``packaging/homebrew/notegui.rb``), their ``@VERSION@`` and ``@SHA256_…@`` fields filled
in with the version and the checksums of the packages they download. The release workflow
runs it and attaches the results to the release; a maintainer submits them (see
packaging/README.md). Standard library only, Python 3.8+: it runs on any CI machine."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATES = (
    HERE / "winget" / "notegui.notegui.yaml",
    HERE / "winget" / "notegui.notegui.installer.yaml",
    HERE / "winget" / "notegui.notegui.locale.en-US.yaml",
    HERE / "homebrew" / "notegui.rb",
)
#: Each checksum field and the package (named for the version) whose checksum it takes.
PACKAGES = {
    "SHA256_SETUP": "notegui-{version}-setup.exe",
    "SHA256_ARM64": "notegui-{version}-arm64.dmg",
    "SHA256_X86_64": "notegui-{version}-x86_64.dmg",
}
SUM_LINE = re.compile(r"^([0-9a-fA-F]{64}) [ *](.+)$")


class ManifestError(Exception):
    """The manifests cannot be filled in; the message says why."""


def read_sums(text: str) -> dict[str, str]:
    """File name -> checksum, from ``sha256sum`` output."""
    sums = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        found = SUM_LINE.match(line)
        if found is None:
            raise ManifestError(f"line {number} is not a sha256sum line: {line!r}")
        sums[found.group(2)] = found.group(1).lower()
    return sums


def fields(version: str, sums: dict[str, str]) -> dict[str, str]:
    values = {"VERSION": version}
    for field, pattern in PACKAGES.items():
        name = pattern.format(version=version)
        if name not in sums:
            raise ManifestError(f"SHA256SUMS has no {name}: the manifests download it")
        values[field] = sums[name]
    return values


def fill(template: str, values: dict[str, str]) -> str:
    filled = re.sub(r"@([A-Z0-9_]+)@", lambda m: values.get(m.group(1), m.group(0)), template)
    left = sorted(set(re.findall(r"@[A-Z0-9_]+@", filled)))
    if left:
        raise ManifestError(f"no value for {', '.join(left)}")
    return filled


def write_manifests(version: str, sums_file: Path, out: Path) -> list[Path]:
    if not re.fullmatch(r"\d+(\.\d+)*([a-z]+\d*)?", version):
        raise ManifestError(f"{version!r} is not a version (1.2.0, 1.2rc1)")
    values = fields(version, read_sums(sums_file.read_text(encoding="utf-8")))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for template in TEMPLATES:
        target = out / template.name
        target.write_text(fill(template.read_text(encoding="utf-8"), values), encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", required=True, help="the release's version (1.2.0)")
    parser.add_argument("--sums", required=True, type=Path, help="the release's SHA256SUMS")
    parser.add_argument("--out", required=True, type=Path, help="the folder to write into")
    args = parser.parse_args(argv)
    try:
        for path in write_manifests(args.version, args.sums, args.out):
            print(f"wrote {path}")
    except (ManifestError, OSError) as error:
        print(f"update_manifests: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
