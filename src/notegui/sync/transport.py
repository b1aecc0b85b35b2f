"""Fetching from and pushing to a remote git repository (docs/sync.md, "The git engine"):
a local path, file://, ssh:// or scp-style user@host:path, http(s)://. Only ``main`` moves.
Every failure is one SyncError naming the remote (never its password); nothing waits
forever: ssh has a connect timeout and an idle watchdog, http a socket timeout.

ssh runs the system's OpenSSH client, as git does (the agent, ~/.ssh/config, known_hosts),
honouring GIT_SSH_COMMAND and GIT_SSH. https logs in with what `git credential fill`
gives when git is installed (its helpers: the system keyring, a store); we keep nothing."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Set
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from urllib.request import url2pathname

from dulwich.client import (
    GitClient,
    HTTPProxyUnauthorized,
    HTTPUnauthorized,
    LocalGitClient,
    SSHGitClient,
    SSHVendor,
    SubprocessWrapper,
    Urllib3HttpGitClient,
)
from dulwich.errors import (
    ChecksumMismatch,
    GitProtocolError,
    HangupException,
    NotGitRepository,
    ObjectFormatException,
    SendPackError,
)
from dulwich.objects import ZERO_SHA, ObjectID
from dulwich.pack import UnpackedObject
from dulwich.refs import Ref

from notegui.core.sync_model import SyncError
from notegui.sync.repository import MAIN, TRACKING, Repository

CONNECT_TIMEOUT = 20  # seconds to reach a host
IDLE_TIMEOUT = 120  # seconds a remote may stay silent before we give up on it
CREDENTIAL_TIMEOUT = 120  # a credential helper may ask the user (a keyring's dialog)


class Rejected(SyncError):
    """The remote's main moved since the commit a push builds on: fetch and merge again."""

    def __init__(self, message: str) -> None:
        super().__init__("rejected", message)


def fetch(repository: Repository, url: str) -> bytes | None:
    """The remote's main commit, its objects fetched into ``repository`` and the tracking
    ref set to it; None for a remote without a main (empty)."""
    remote = _Remote(url)

    def wants(refs: Mapping[Ref, ObjectID], depth: int | None = None) -> list[ObjectID]:
        head = refs.get(MAIN)
        if head is None or head == ZERO_SHA or head in repository.dulwich.object_store:
            return []
        return [head]

    def run(client: GitClient, path: str) -> bytes | None:
        result = client.fetch(path, repository.dulwich, determine_wants=wants)
        head = (result.refs or {}).get(MAIN)
        return None if head is None or head == ZERO_SHA else head

    def copy(_client: GitClient, path: str) -> bytes | None:
        with Repository.open_existing(path) as source:
            head = source.ref(MAIN)
            if head is None or head == ZERO_SHA:
                return None
            if ObjectID(head) not in repository.dulwich.object_store:
                ours = repository.dulwich.refs.as_dict(Ref(b"refs")).values()
                repository.receive(source, source.ids_new_in(head, ours))
            return head

    head = remote.run(copy if remote.kind == "local" else run)
    if head is not None:
        repository.set_ref(TRACKING, head)
    return head


def push(repository: Repository, url: str, old: bytes | None, new: bytes) -> None:
    """Move the remote's main from ``old`` (None: it has none) to ``new``, sending the
    objects it lacks. Raises Rejected when its main is not ``old`` any more (the remote
    also refuses the update itself if it moves meanwhile)."""
    remote = _Remote(url)
    found: list[bytes | None] = []

    def update_refs(refs: dict[Ref, ObjectID]) -> dict[Ref, ObjectID]:
        current = refs.get(MAIN)
        current = None if current == ZERO_SHA else current
        found.append(current)
        if current != old:
            return {}  # nothing sent; reported as Rejected below
        return {MAIN: ObjectID(new)}

    def generate(
        have: Set[ObjectID], want: Set[ObjectID], *, ofs_delta: bool = False, progress: Any = None
    ) -> tuple[int, Iterator[UnpackedObject]]:
        return repository.pack_for_push(have, want)

    def run(client: GitClient, path: str) -> dict[bytes, str | None]:
        result = client.send_pack(path.encode("utf-8"), update_refs, generate)
        return dict(result.ref_status or {})

    def put(_client: GitClient, path: str) -> dict[bytes, str | None]:
        with Repository.open_existing(path) as target:
            if not target.dulwich.bare:
                return run(_client, path)  # (dulwich's push, as to any remote)
            current = target.ref(MAIN)
            found.append(None if current == ZERO_SHA else current)
            if found[-1] != old:
                return {}
            target.receive(repository, repository.ids_new_in(new, [old] if old else []))
            if not target.set_ref_if(MAIN, old, new):
                found.append(target.ref(MAIN))  # (moved meanwhile)
            return {}

    status = remote.run(put if remote.kind == "local" else run)
    if found and found[-1] != old:
        raise Rejected(f"{remote.shown}: the remote changed since the last fetch")
    refused = status.get(MAIN)
    if refused:
        raise Rejected(f"{remote.shown}: the remote refused the update ({refused})")
    repository.set_ref(MAIN, new)
    repository.set_ref(TRACKING, new)


def shown(url: str) -> str:
    """``url`` as messages show it: any password in it left out."""
    parts = urlsplit(url)
    if parts.scheme and parts.netloc and parts.password is not None:
        host = parts.netloc.rsplit("@", 1)[1]
        user = f"{parts.username}@" if parts.username else ""
        return urlunsplit(parts._replace(netloc=user + host))
    return url


# -- one remote ---------------------------------------------------------------------------


@dataclass
class _Login:
    username: str
    password: str
    fields: dict[str, str]  # what `git credential` was asked with, to approve or reject


class _Remote:
    """A remote URL turned into a dulwich client, and its errors into SyncErrors."""

    def __init__(self, url: str) -> None:
        if not url.strip():
            raise SyncError("not-set-up", "no remote is set")
        self.url = url
        self.shown = shown(url)
        self.kind = _kind(url)
        self.ssh = _WatchedSSH()
        if self.kind == "http" and urlsplit(url).password is not None:
            raise SyncError(
                "auth",
                f"{self.shown}: the remote URL holds a password; take it out and let a git "
                "credential helper or ssh log in (the library never keeps secrets)",
            )

    def run(self, operation: Callable[[GitClient, str], Any]) -> Any:
        login: _Login | None = None
        while True:
            client, path = self._client(login)
            try:
                result = operation(client, path)
            except HTTPUnauthorized:
                if login is not None:
                    _credential("reject", login.fields)
                    raise SyncError(
                        "auth", f"{self.shown}: the server refused the login"
                    ) from None
                login = self._login()
                continue
            except SyncError:
                raise
            except Exception as error:
                raise self._error(error) from None
            finally:
                client.close()
            if login is not None:
                _credential("approve", login.fields)
            return result

    def _client(self, login: _Login | None) -> tuple[GitClient, str]:
        if self.kind == "local":
            path = self.url
            if re.match(r"(?i)^file://", path):
                # As git reads it: %20 is a space, file:///C:/x a Windows drive.
                path = url2pathname(urlsplit(path).path)
            path = os.path.expanduser(path)
            if not os.path.exists(path):
                raise SyncError("unreachable", f"{self.shown}: no such folder")
            return LocalGitClient(), path
        if self.kind == "http":
            parts = urlsplit(self.url)
            base = urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[-1]))
            client = Urllib3HttpGitClient(
                base,
                username=login.username if login else None,
                password=login.password if login else None,
                timeout=CONNECT_TIMEOUT,
            )
            return client, parts.path
        host, port, user, path = _ssh_parts(self.url)
        return SSHGitClient(host, port=port, username=user, vendor=self.ssh), path

    def _login(self) -> _Login:
        parts = urlsplit(self.url)
        advice = "use an ssh URL or set up a git credential helper"
        if shutil.which("git") is None:
            raise SyncError("auth", f"{self.shown}: the server asks for a login; {advice}")
        fields = {
            "protocol": parts.scheme,
            "host": parts.netloc.rsplit("@", 1)[-1],
            "path": parts.path.lstrip("/"),
        }
        if parts.username:
            fields["username"] = parts.username
        answer = _credential("fill", fields)
        if not answer.get("username") or answer.get("password") is None:
            raise SyncError("auth", f"{self.shown}: no login for this server; {advice}")
        return _Login(answer["username"], answer["password"], answer)

    def _error(self, error: Exception) -> SyncError:
        """One line saying what went wrong, for the kinds the engine tells apart."""
        where = self.shown
        if self.ssh.timed_out:
            return SyncError(
                "unreachable", f"{where}: the remote did not answer for {IDLE_TIMEOUT} s"
            )
        if isinstance(error, NotGitRepository):
            return SyncError("not-a-repository", f"{where}: not a git repository")
        if isinstance(error, HTTPProxyUnauthorized):
            return SyncError("auth", f"{where}: the proxy refused the login")
        if isinstance(error, (ChecksumMismatch, ObjectFormatException, zlib.error)):
            return SyncError("corrupt", f"{where}: damaged data received ({error})")
        if isinstance(error, FileNotFoundError) and self.kind == "ssh":
            return SyncError("unreachable", f"{where}: no ssh program found to connect with")
        if isinstance(error, SendPackError):
            return SyncError("rejected", f"{where}: the remote refused the push ({_text(error)})")
        if isinstance(error, (HangupException, GitProtocolError, OSError)):
            return _classify(where, _text(error))
        return SyncError("unreachable", f"{where}: {type(error).__name__}: {_text(error)}")


def _text(error: BaseException) -> str:
    """An exception's message on one line (ssh's stderr lines, joined)."""
    if isinstance(error, HangupException) and error.stderr_lines:
        lines = [line.decode("utf-8", "replace") for line in error.stderr_lines]
    else:
        lines = [str(arg.decode("utf-8", "replace") if isinstance(arg, bytes) else arg)
                 for arg in error.args] or [type(error).__name__]
    # ssh's notices ("Warning: Permanently added ... to the list of known hosts", newer
    # OpenSSH's "** WARNING: ... post-quantum ...") say nothing about what failed.
    lines = [line for line in lines if not re.match(r"\s*(Warning: Permanently added|\*\*)",
                                                   str(line))]
    joined = " ".join(line.strip() for line in lines if str(line).strip())
    return re.sub(r"\s+", " ", joined)[:300] or "the connection closed"


_AUTH = re.compile(
    r"permission denied|authentication failed|host key verification failed|"
    r"\b40[13]\b|forbidden|unauthorized|too many authentication failures",
    re.IGNORECASE,
)
_NOT_REPO = re.compile(
    r"does not appear to be a git repository|not a git repository|repository not found|"
    r"no such file or directory|\b404\b",
    re.IGNORECASE,
)
_NETWORK = re.compile(
    r"could not resolve|host name was not found|refused|unreachable|no route|timed out|"
    r"connection (closed|reset)|certificate|secure connection",
    re.IGNORECASE,
)


_URLLIB3 = (
    (r"Failed to resolve|NameResolution|Name or service not known|nodename nor servname",
     "the host name was not found"),
    (r"Connection refused", "connection refused"),
    (r"Network is unreachable|No route to host", "network unreachable"),
    (r"timed out|Timeout", "timed out"),
    (r"CERTIFICATE_VERIFY_FAILED|certificate verify failed", "its certificate is not trusted"),
    (r"SSL", "the secure connection failed"),
)


def _tidy(text: str) -> str:
    """urllib3's nested 'Max retries exceeded ... (Caused by ...)' in a few words."""
    if "Max retries exceeded" not in text and "Pool(" not in text:
        return text
    for pattern, said in _URLLIB3:
        if re.search(pattern, text, re.IGNORECASE):
            return said
    errno = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    return errno.group(1).strip() if errno else text


def _classify(where: str, text: str) -> SyncError:
    """ssh's and http's messages into kinds (ssh says everything on stderr)."""
    text = _tidy(text)
    if re.search(r"host key verification failed", text, re.IGNORECASE):
        return SyncError("auth", f"{where}: the server's host key does not match known_hosts")
    if _AUTH.search(text):
        return SyncError("auth", f"{where}: authentication refused ({text})")
    if _NETWORK.search(text):
        return SyncError("unreachable", f"{where}: cannot reach the remote ({text})")
    if _NOT_REPO.search(text):
        return SyncError("not-a-repository", f"{where}: not a git repository ({text})")
    return SyncError("unreachable", f"{where}: cannot reach the remote ({text})")


# -- the kinds of URL ---------------------------------------------------------------------


def _kind(url: str) -> str:
    """local, ssh or http, as git tells them: a scheme, else host:path is ssh unless a
    slash comes before the colon (a local path with a colon)."""
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*)://", url)
    if scheme:
        name = scheme.group(1).lower()
        if name == "file":
            return "local"
        if name in ("ssh", "git+ssh", "ssh+git"):
            return "ssh"
        if name in ("http", "https"):
            return "http"
        raise SyncError("unreachable", f"{shown(url)}: unsupported kind of remote ({name}://)")
    colon = url.find(":")
    slash = url.find("/")
    is_drive = sys.platform == "win32" and re.match(r"^[A-Za-z]:[\\/]", url)
    if colon > 0 and (slash == -1 or colon < slash) and not is_drive:
        return "ssh"
    return "local"


def _ssh_parts(url: str) -> tuple[str, int | None, str | None, str]:
    """host, port, user and path of ssh://user@host:port/path or user@host:path."""
    if "://" in url:
        parts = urlsplit(url)
        if not parts.hostname:
            raise SyncError("unreachable", f"{shown(url)}: no host in the URL")
        path = parts.path
        if path.startswith("/~"):
            path = path[1:]
        return parts.hostname, parts.port, parts.username, path
    where, path = url.split(":", 1)
    user, _, host = where.rpartition("@")
    return host, None, user or None, path


# -- ssh ----------------------------------------------------------------------------------


def ssh_program() -> list[str]:
    """The ssh program and its arguments, as git chooses it: GIT_SSH_COMMAND (a shell-like
    line), else GIT_SSH (a program alone), else ssh. For OpenSSH, options that keep a sync
    from waiting forever are added after the user's (ssh takes the first of each)."""
    line = os.environ.get("GIT_SSH_COMMAND")
    if line:
        args = shlex.split(line, posix=sys.platform != "win32")
    else:
        args = [os.environ.get("GIT_SSH") or "ssh"]
    program = os.path.basename(args[0]).lower()
    if program in ("ssh", "ssh.exe"):
        args += [
            "-o", f"ConnectTimeout={CONNECT_TIMEOUT}",
            "-o", "ServerAliveInterval=15",
            "-o", "ServerAliveCountMax=4",
            # Never a prompt: keys come from the agent or ~/.ssh, a sync runs unattended.
            "-o", "BatchMode=yes",
            # A host seen for the first time is remembered; a changed key is refused.
            "-o", "StrictHostKeyChecking=accept-new",
        ]
    return args


class _WatchedSSH(SSHVendor):
    """dulwich's SubprocessSSHVendor with git's choice of ssh program and a watchdog that
    kills ssh once the remote has been silent for IDLE_TIMEOUT (a hung server)."""

    def __init__(self) -> None:
        self.timed_out = False

    def run_command(
        self,
        host: str,
        command: bytes,
        username: str | None = None,
        port: int | None = None,
        password: str | None = None,
        key_filename: str | None = None,
        ssh_command: str | None = None,
        protocol_version: int | None = None,
    ) -> SubprocessWrapper:
        args = ssh_program()
        if port:
            args += ["-p", str(port)]
        if username:
            host = f"{username}@{host}"
        if host.startswith("-"):
            raise SyncError("unreachable", f"{host}: not a host name")
        if protocol_version:
            args += ["-o", f"SetEnv GIT_PROTOCOL=version={protocol_version}"]
        proc = subprocess.Popen(
            [*args, host, command.decode("utf-8", "surrogateescape")],
            bufsize=0,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        return _Watched(proc, self)


class _Watched(SubprocessWrapper):
    """A subprocess whose reads and writes count as signs of life."""

    def __init__(self, proc: subprocess.Popen[bytes], vendor: _WatchedSSH) -> None:
        super().__init__(proc)
        self._last = time.monotonic()
        read, write = self.read, self.write

        def watched_read(size: int | None = -1) -> bytes:
            data = read(size)
            self._last = time.monotonic()
            return data

        def watched_write(data: bytes) -> int | None:
            written = write(data)
            self._last = time.monotonic()
            return written

        self.read = watched_read
        self.write = watched_write  # type: ignore[assignment]
        self._vendor = vendor
        threading.Thread(target=self._watch, name="ssh-watchdog", daemon=True).start()

    def _watch(self) -> None:
        step = min(1.0, IDLE_TIMEOUT / 4)
        while self.proc.poll() is None:
            if time.monotonic() - self._last > IDLE_TIMEOUT:
                self._vendor.timed_out = True
                self.proc.kill()
                return
            time.sleep(step)


# -- https logins -------------------------------------------------------------------------


def _credential(action: str, fields: Mapping[str, str]) -> dict[str, str]:
    """`git credential fill|approve|reject`: git's helpers find, keep or forget a login.
    Never a terminal prompt (GIT_TERMINAL_PROMPT=0): a sync runs unattended."""
    given = "".join(f"{key}={value}\n" for key, value in fields.items()) + "\n"
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    try:
        done = subprocess.run(
            ["git", "credential", action],
            input=given.encode("utf-8"),
            capture_output=True,
            env=env,
            timeout=CREDENTIAL_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if done.returncode != 0:
        return {}
    answer: dict[str, str] = {}
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        key, sep, value = line.partition("=")
        if sep:
            answer[key] = value
    return answer
