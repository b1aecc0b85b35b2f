"""A git remote for the sync's tests: a bare repository as `git init --bare -b main` makes
it (made with dulwich: the tests' client side never needs git)."""

from __future__ import annotations

from pathlib import Path

from dulwich.repo import Repo


def bare_remote(path: Path) -> Path:
    repo = Repo.init_bare(str(path), mkdir=True)
    repo.refs.set_symbolic_ref(b"HEAD", b"refs/heads/main")
    repo.close()
    return path
