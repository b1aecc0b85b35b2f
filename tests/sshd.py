"""A real ssh remote for the sync's tests: Debian's sshd (openssh-server, which .ci/run
installs with git, whose git-upload-pack and git-receive-pack serve the repository)
started on 127.0.0.1 on a free port with a throwaway host key and user key, serving a
bare repository. The client reaches it with GIT_SSH_COMMAND, as a user's setup would.

Use: ``from sshd import ssh_server`` and take ``ssh_server`` as a fixture argument."""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bare_remote import bare_remote

SSHD = "/usr/sbin/sshd"


@dataclass
class SshServer:
    port: int
    user: str
    key: Path  # the key the server accepts
    other_key: Path  # a key it does not
    remote: Path  # the bare repository it serves

    def command(self, key: Path | None = None) -> str:
        """A GIT_SSH_COMMAND that logs in with ``key`` (the accepted one by default) and
        nothing else: no agent, no ~/.ssh/config, no known_hosts."""
        return (
            f"ssh -F /dev/null -i {key or self.key} -p {self.port} -o IdentitiesOnly=yes "
            "-o IdentityAgent=none -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
        )

    @property
    def url(self) -> str:
        """The remote as scp-style user@host:path (the port comes from the command)."""
        return f"{self.user}@127.0.0.1:{self.remote}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _keygen(path: Path) -> None:
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "notegui-test", "-f", str(path)],
        check=True,
    )


@pytest.fixture
def ssh_server(tmp_path: Path) -> Iterator[SshServer]:
    for program in (SSHD, "ssh", "ssh-keygen", "git-upload-pack"):
        if shutil.which(program) is None and not Path(program).exists():
            pytest.skip(f"{program} is not installed (.ci/run installs openssh-server and git)")
    if os.geteuid() == 0:
        # sshd refuses to start without its privilege separation folder, which Debian
        # makes only when the service starts (it never does in a container).
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    home = tmp_path / "sshd"
    home.mkdir()
    _keygen(home / "host_key")
    _keygen(home / "user_key")
    _keygen(home / "other_key")
    (home / "authorized_keys").write_text((home / "user_key.pub").read_text())
    remote = bare_remote(tmp_path / "remote.git")
    port = _free_port()
    user = getpass.getuser()
    config = home / "sshd_config"
    config.write_text(
        f"Port {port}\n"
        "ListenAddress 127.0.0.1\n"
        f"HostKey {home / 'host_key'}\n"
        f"PidFile {home / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {home / 'authorized_keys'}\n"
        f"AllowUsers {user}\n"
        "PubkeyAuthentication yes\n"
        "PasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\n"
        "PermitRootLogin prohibit-password\n"
        # The keys sit under /tmp, whose mode StrictModes would refuse.
        "StrictModes no\n"
        "UsePAM no\n"
        "LogLevel ERROR\n"
    )
    log = home / "sshd.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", str(config)], stdout=out, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 15
        while True:
            if server.poll() is not None:
                pytest.skip(f"sshd did not start: {log.read_text(errors='replace').strip()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"sshd did not listen on {port}: {log.read_text()}")
                time.sleep(0.05)
        yield SshServer(port, user, home / "user_key", home / "other_key", remote)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
