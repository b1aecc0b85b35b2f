"""Push and fetch at 100,000 notes over a real ssh remote (tests/sshd.py: Debian's sshd
and git's upload-pack/receive-pack on 127.0.0.1), by hand:

    .venv/bin/python tests/stress/sync_transport_speed.py [--notes 100000]

A first push of every note, a first fetch of them into a second repository, then three
rounds of ten changed notes pushed by one and fetched by the other, and a fetch with
nothing new; seconds and peak memory for each."""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sync_repository_speed import note, path

from notegui.sync.repository import Repository
from sshd import SshServer, ssh_server

__all__ = ["ssh_server"]  # the fixture, used by name
NOTES = int(os.environ.get("NOTEGUI_SYNC_NOTES", "100000"))
AUTHOR = "bench <bench@notegui.invalid>"


def timed(name: str, started: float) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name:<40} {time.perf_counter() - started:7.2f} s   peak {peak:6.0f} MB", flush=True)


def test_transport_speed(
    ssh_server: SshServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_SSH_COMMAND", ssh_server.command())
    url = ssh_server.url
    print()
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        ids = one.write_blobs(note(number) for number in range(NOTES))
        tree = one.changed_tree(None, {path(n): blob for n, blob in enumerate(ids)})
        head = one.commit(tree, [], "first sync", AUTHOR)
        started = time.perf_counter()
        one.push(url, None, head)
        timed(f"first push of {NOTES:,} notes", started)
        started = time.perf_counter()
        assert two.fetch(url) == head
        timed(f"first fetch of {NOTES:,} notes", started)
        for round_ in range(3):
            changed = range(round_, NOTES, max(1, NOTES // 10))
            blobs = one.write_blobs(note(n) + b"\nedit %d\n" % round_ for n in changed)
            tree = one.changed_tree(head, dict(zip(map(path, changed), blobs, strict=True)))
            new = one.commit(tree, [head], "ten changes", AUTHOR)
            started = time.perf_counter()
            one.push(url, head, new)
            timed(f"push of ten changed notes ({round_ + 1})", started)
            started = time.perf_counter()
            assert two.fetch(url) == new
            timed(f"fetch of ten changed notes ({round_ + 1})", started)
            head = new
        started = time.perf_counter()
        assert two.fetch(url) == head
        timed("fetch with nothing new", started)


if __name__ == "__main__":
    if "--notes" in sys.argv:
        os.environ["NOTEGUI_SYNC_NOTES"] = sys.argv[sys.argv.index("--notes") + 1]
    sys.exit(
        pytest.main([__file__, "-q", "-s", "-p", "no:cacheprovider", "--basetemp=/tmp/sync-speed"])
    )
