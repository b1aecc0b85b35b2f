"""The sync's git layer (notegui.sync.repository and .transport): objects, trees and
commits in a bare repository, and fetch and push against remotes on disk, over a real
sshd and over http with git's credential helpers. System git is used only to check that
what we wrote is git's own format (any git host serves it)."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import threading
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from dulwich.objects import Blob, ObjectID, hex_to_sha
from dulwich.pack import UnpackedObject, write_pack_data
from dulwich.repo import Repo

from bare_remote import bare_remote
from notegui.core.sync_model import SyncError
from notegui.sync import compressing, transport
from notegui.sync import repository as repository_module
from notegui.sync.repository import Repository
from notegui.sync.transport import Rejected
from sshd import SshServer, ssh_server

__all__ = ["ssh_server"]  # the fixture, used by name

AUTHOR = "notegui <sync@notegui.invalid>"
needs_git = pytest.mark.skipif(
    shutil.which("git") is None, reason="system git checks the format (.ci/run installs it)"
)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    with Repository.open_or_init(tmp_path / "library.sqlite3.sync.git") as opened:
        yield opened


def snapshot(repo: Repository, files: dict[str, bytes], parent: bytes | None = None) -> bytes:
    """A commit holding ``files`` changed on top of ``parent``."""
    ids = repo.write_blobs(files.values())
    tree = repo.changed_tree(parent, dict(zip(files, ids, strict=True)))
    return repo.commit(tree, [parent] if parent else [], "sync", AUTHOR)


def contents(repo: Repository, commit: bytes) -> dict[str, bytes]:
    return {path: repo.read(blob) for path, blob in repo.tree(commit).items()}


def loose_path(repo: Repository, object_id: bytes) -> Path:
    hexid = object_id.decode()
    return repo.path / "objects" / hexid[:2] / hexid[2:]


# -- objects, trees, commits --------------------------------------------------------------


def test_blobs_are_gits_own_objects(repo: Repository) -> None:
    texts = [b"# A note?\n", b"", "café\r\n".encode(), b"# A note?\n"]
    ids = repo.write_blobs(texts)
    for text, blob in zip(texts, ids, strict=True):
        assert blob == hashlib.sha1(b"blob %d\0" % len(text) + text).hexdigest().encode()
        assert repo.read(blob) == text
    assert ids[0] == ids[3]


def test_files_and_folders_round_trip_through_a_commit(repo: Repository) -> None:
    files = {
        "Why is the sky blue?.md": b"# Why is the sky blue?\n",
        ".notegui/annotations/abc.json": b"{}",
        "vault/deep/er/note.md": b"body",
        "vault/image.png": bytes(range(256)),
    }
    commit = snapshot(repo, files)
    assert contents(repo, commit) == files
    reopened = Repository.open_or_init(repo.path)
    assert contents(reopened, commit) == files
    reopened.close()


def test_the_same_files_give_the_same_tree_whatever_the_order(repo: Repository) -> None:
    ids = repo.write_blobs([b"1", b"2", b"3"])
    first = repo.changed_tree(None, {"a": ids[0], "b": ids[1], "c": ids[2]})
    second = repo.changed_tree(None, {"c": ids[2], "b": ids[1], "a": ids[0]})
    assert first == second


def test_a_change_rewrites_only_the_folders_on_its_path(repo: Repository) -> None:
    before = snapshot(repo, {"keep/a.md": b"a", "keep/inner/b.md": b"b", "edit/sub/c.md": b"c"})
    # An unchanged folder is never read: its tree missing from the store changes nothing.
    kept = repo.dulwich[repo.dulwich[before].tree][b"keep"][1]
    loose_path(repo, kept).unlink()
    (blob,) = repo.write_blobs([b"c, edited"])
    tree = repo.changed_tree(before, {"edit/sub/c.md": blob})
    assert repo.dulwich[tree][b"keep"][1] == kept
    assert repo.dulwich[tree][b"edit"][1] != repo.dulwich[repo.dulwich[before].tree][b"edit"][1]


def test_deleting_the_last_file_of_a_folder_removes_the_folder(repo: Repository) -> None:
    before = snapshot(
        repo, {"a/b/only.md": b"x", "a/other.md": b"y", "solo/one.md": b"z", "top.md": b"t"}
    )
    tree = repo.changed_tree(before, {"a/b/only.md": None, "solo/one.md": None})
    after = repo.commit(tree, [before], "delete", AUTHOR)
    assert sorted(repo.tree(after)) == ["a/other.md", "top.md"]
    names = [entry.path for entry in repo.dulwich[tree].iteritems()]
    assert names == [b"a", b"top.md"]
    assert [entry.path for entry in repo.dulwich[repo.dulwich[tree][b"a"][1]].iteritems()] == [
        b"other.md"
    ]


def test_deleting_every_file_leaves_an_empty_tree(repo: Repository) -> None:
    before = snapshot(repo, {"x/y.md": b"1"})
    tree = repo.changed_tree(before, {"x/y.md": None, "not/there.md": None})
    assert repo.tree(repo.commit(tree, [before], "empty", AUTHOR)) == {}


def test_a_path_git_cannot_hold_is_refused(repo: Repository) -> None:
    (blob,) = repo.write_blobs([b"x"])
    for path in ("", "/abs.md", "a//b.md", "../up.md", "a/./b.md", ".git/config"):
        with pytest.raises(ValueError, match="not a file path"):
            repo.changed_tree(None, {path: blob})


def test_diff_lists_only_the_files_that_changed(repo: Repository) -> None:
    old = snapshot(repo, {"same.md": b"s", "edit.md": b"1", "gone/x.md": b"g", "v/keep.md": b"k"})
    (edited, added) = repo.write_blobs([b"2", b"new"])
    tree = repo.changed_tree(old, {"edit.md": edited, "gone/x.md": None, "v/new.md": added})
    new = repo.commit(tree, [old], "change", AUTHOR)
    old_files = repo.tree(old)
    assert repo.diff(old, new) == {
        "edit.md": (old_files["edit.md"], edited),
        "gone/x.md": (old_files["gone/x.md"], None),
        "v/new.md": (None, added),
    }
    # By comparing trees: an unchanged file's blob is never read.
    loose_path(repo, old_files["same.md"]).unlink()
    assert set(repo.diff(old, new)) == {"edit.md", "gone/x.md", "v/new.md"}
    assert repo.diff(new, new) == {}
    assert set(repo.diff(None, old)) == {"same.md", "edit.md", "gone/x.md", "v/keep.md"}


def test_many_blobs_go_in_a_pack_that_git_reads(repo: Repository) -> None:
    count = repository_module.LOOSE_MAX * 3
    texts = [f"note {number}\n".encode() * 20 for number in range(count)]
    ids = repo.write_blobs(texts)
    packs = list((repo.path / "objects" / "pack").glob("pack-*.pack"))
    assert len(packs) == 1 and packs[0].with_suffix(".idx").exists()
    loose = [p for p in (repo.path / "objects").iterdir() if len(p.name) == 2]
    assert loose == []
    assert [repo.read(blob) for blob in ids] == texts
    # Written again: nothing new is written.
    repo.write_blobs(texts)
    assert len(list((repo.path / "objects" / "pack").glob("pack-*.pack"))) == 1
    if shutil.which("git"):
        tree = repo.changed_tree(None, {f"n{number}.md": blob for number, blob in enumerate(ids)})
        commit = repo.commit(tree, [], "many", AUTHOR)
        repo.set_ref(repository_module.MAIN, commit)
        git(repo.path, "fsck", "--strict", "--no-dangling")
        assert git(repo.path, "show", "main:n7.md") == texts[7].decode()


def _resident_kb(pack: Path) -> int:
    """The resident pages of this process's mappings of ``pack`` (Linux's smaps)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if line[:1] in "0123456789abcdef" and "-" in line.split(" ")[0]:
            inside = line.endswith(str(pack))
        elif inside and line.startswith("Rss:"):
            total += int(line.split()[1])
    return total


@pytest.mark.skipif(not Path("/proc/self/smaps").exists(), reason="Linux's smaps tells it")
def test_the_pages_of_packs_read_are_given_back_every_few_reads(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository_module, "READS_MAPPED", 100)
    texts = [f"note {number}\n".encode() * 400 for number in range(repository_module.LOOSE_MAX * 3)]
    ids = repo.write_blobs(texts)
    [pack] = (repo.path / "objects" / "pack").glob("pack-*.pack")
    assert [repo.read(blob) for blob in ids[:99]] == texts[:99]
    assert _resident_kb(pack) > 0  # (mapped by dulwich, and read)
    assert repo.read(ids[99]) == texts[99]
    assert _resident_kb(pack) == 0  # (the hundredth read gave them back)
    assert [repo.read(blob) for blob in ids] == texts  # (read again from the file)
    repo.let_go_of_read_pages()
    assert _resident_kb(pack) == 0


@needs_git
def test_reading_a_remote_git_packed_with_deltas_holds_a_bounded_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A remote that git packed stores most notes as deltas of others; rebuilding them
    keeps bases in a cache, which must not grow with the notes read (a join reads all)."""
    monkeypatch.setattr(repository_module, "DELTA_BASE_CACHE", 1024 * 1024)
    clone = tmp_path / "clone"
    clone.mkdir()
    shared = b"".join(b"line %d of a long note everyone quotes\n" % n for n in range(1800))
    texts = {f"note-{n}.md": shared + b"note %d\n" % n for n in range(150)}  # 10 MB
    for name, text in texts.items():
        (clone / name).write_bytes(text)
    git(clone, "init", "-q", "-b", "main")
    git(clone, "add", "-A")
    git(clone, "-c", "user.name=a", "-c", "user.email=a@b.invalid", "commit", "-qm", "all")
    git(clone, "repack", "-adq", "--depth=50", "--window=250")
    git(clone, "clone", "-q", "--bare", str(clone), str(tmp_path / "remote.git"))
    with Repository.open_or_init(tmp_path / "remote.git") as remote:
        files = remote.tree(remote.ref(b"refs/heads/main"))
        tracemalloc.start()
        try:
            read = {path: remote.read(blob) for path, blob in files.items()}
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert read == texts
    # (the texts read are held: 150 x 70 KB; the cache may add its 1 MB, not all again)
    assert peak < sum(map(len, texts.values())) + 3 * 1024 * 1024


def test_blobs_compressed_in_workers_make_the_pack_dulwich_would_write(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compressing, "WORKERS", 2)  # (spawned: they keep PART as it is)
    monkeypatch.setattr(compressing, "PART", 30)
    texts = [b"note %d\n" % number * (number % 50 + 1) for number in range(200)]
    ids = repo.write_blobs(texts)
    [pack] = (repo.path / "objects" / "pack").glob("pack-*.pack")
    serial = io.BytesIO()
    records = (UnpackedObject(Blob.type_num, sha=hex_to_sha(ObjectID(blob)), decomp_chunks=[text])
               for blob, text in zip(ids, texts, strict=True))
    write_pack_data(serial.write, records, repo.dulwich.object_store.object_format,
                    num_records=len(texts))
    assert pack.read_bytes() == serial.getvalue()
    assert [repo.read(blob) for blob in ids] == texts


def test_a_pack_is_split_so_memory_stays_bounded(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository_module, "PACK_CHUNK", 100)
    ids = repo.write_blobs(f"{number}".encode() for number in range(300))
    assert len(list((repo.path / "objects" / "pack").glob("pack-*.idx"))) == 3
    assert repo.read(ids[299]) == b"299"


def test_a_write_stopped_midway_leaves_no_pack_and_no_trace(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt  # as the process being stopped there

    monkeypatch.setattr(repository_module, "write_pack_index", killed)
    texts = [f"note {number}".encode() for number in range(repository_module.LOOSE_MAX * 2)]
    with pytest.raises(KeyboardInterrupt):
        repo.write_blobs(texts)
    assert list((repo.path / "objects" / "pack").iterdir()) == []
    monkeypatch.undo()
    ids = repo.write_blobs(texts)
    assert repo.read(ids[-1]) == texts[-1]


def test_a_killed_syncs_leftovers_are_removed_when_old(tmp_path: Path) -> None:
    where = tmp_path / "library.sqlite3.sync.git"
    Repository.open_or_init(where).close()
    pack_dir = where / "objects" / "pack"
    old, young = pack_dir / "tmp_pack_old", where / "objects" / "ab" / "tmp_obj_young"
    young.parent.mkdir()
    for leftover in (old, young):
        leftover.write_bytes(b"half written")
    os.utime(old, (1, 1))
    Repository.open_or_init(where).close()
    assert not old.exists()
    assert young.exists()  # perhaps another process's, still being written


def test_an_unknown_commit_is_a_corrupt_repository(repo: Repository) -> None:
    with pytest.raises(SyncError, match="missing") as raised:
        repo.tree(b"1" * 40)
    assert raised.value.kind == "corrupt"


def test_a_damaged_object_is_a_corrupt_repository(repo: Repository) -> None:
    commit = snapshot(repo, {"folder/a.md": b"a"})
    folder = repo.dulwich[repo.dulwich[commit].tree][b"folder"][1]
    damaged = loose_path(repo, folder)
    damaged.chmod(0o644)
    damaged.write_bytes(b"not zlib at all")
    with pytest.raises(SyncError, match=f"object {folder.decode()} is damaged") as raised:
        repo.tree(commit)
    assert raised.value.kind == "corrupt"


def test_a_folder_that_is_not_a_repository_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("mine")
    with pytest.raises(SyncError, match="not a git repository") as raised:
        Repository.open_or_init(tmp_path / "notes")
    assert raised.value.kind == "not-a-repository"
    assert (tmp_path / "notes" / "mine.txt").read_text() == "mine"


@needs_git
def test_git_log_shows_the_local_history(repo: Repository) -> None:
    first = snapshot(repo, {"a.md": b"a"})
    second = repo.commit(repo.changed_tree(first, {"a.md": None}), [first], "second", AUTHOR)
    repo.set_ref(repository_module.MAIN, second)
    assert git(repo.path, "log", "--format=%s %an").splitlines() == [
        "second notegui",
        "sync notegui",
    ]


# -- fetch and push on disk ----------------------------------------------------------------


@needs_git
@pytest.mark.parametrize("scheme", ["", "file://"])
def test_push_and_fetch_through_a_bare_repository(tmp_path: Path, scheme: str) -> None:
    remote = bare_remote(tmp_path / "the remote.git")
    url = scheme + (str(remote).replace(" ", "%20") if scheme else str(remote))
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        assert one.fetch(url) is None  # an empty remote
        first = snapshot(one, {"a.md": b"from one", "v/b.md": b"vault"})
        one.push(url, None, first)
        assert two.fetch(url) == first
        assert contents(two, first) == {"a.md": b"from one", "v/b.md": b"vault"}
        assert two.ref(repository_module.TRACKING) == first
        second = snapshot(two, {"a.md": b"from two"}, first)
        two.push(url, first, second)
        assert one.fetch(url) == second
        assert one.diff(first, second) == {
            "a.md": (one.tree(first)["a.md"], one.tree(second)["a.md"])
        }
    # Any git reads it: the history, and a clone's files.
    assert git(remote, "log", "--format=%s", "main").splitlines() == ["sync", "sync"]
    subprocess.run(["git", "clone", "-q", str(remote), str(tmp_path / "clone")], check=True)
    assert (tmp_path / "clone" / "a.md").read_bytes() == b"from two"


def pack_sizes(repo: Repository) -> list[int]:
    """The number of objects in each pack, newest last."""
    from dulwich.pack import load_pack_index

    indexes = sorted(
        (repo.path / "objects" / "pack").glob("*.idx"), key=lambda p: p.stat().st_mtime
    )
    sizes = []
    for path in indexes:
        index = load_pack_index(str(path), repo.dulwich.object_store.object_format)
        sizes.append(len(index))
        index.close()
    return sizes


@needs_git
def test_a_large_push_copies_stored_objects_that_git_accepts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from notegui.sync import sending

    monkeypatch.setattr(sending, "COPY_MIN", 10)
    remote = bare_remote(tmp_path / "remote.git")
    with Repository.open_or_init(tmp_path / "one.git") as one:
        files = {f"n{number}.md": f"note {number}\n".encode() * 9 for number in range(150)}
        first = snapshot(one, files)  # blobs in a pack, the tree and commit loose
        second = snapshot(one, {"v/extra.md": b"loose", "n3.md": b"edited"}, first)
        one.push(str(remote), None, second)
    git(remote, "fsck", "--strict", "--no-dangling")
    subprocess.run(["git", "clone", "-q", str(remote), str(tmp_path / "clone")], check=True)
    assert (tmp_path / "clone" / "n3.md").read_bytes() == b"edited"
    assert (tmp_path / "clone" / "n149.md").read_bytes() == files["n149.md"]


def test_a_fetch_asks_only_for_what_is_new(tmp_path: Path) -> None:
    url = str(bare_remote(tmp_path / "remote.git"))
    files = {f"n{number}.md": f"note {number}\n".encode() for number in range(300)}
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        first = snapshot(one, files)
        one.push(url, None, first)
        assert two.fetch(url) == first  # two only receives: it has no main of its own
        assert two.ref(repository_module.MAIN) is None
        second = snapshot(one, {"n1.md": b"changed", "n2.md": b"changed too"}, first)
        one.push(url, first, second)
        before = len(pack_sizes(two))
        assert two.fetch(url) == second
        new_packs = pack_sizes(two)[before:]
        # The new commit, its tree and the two blobs: not the 300 files again.
        assert sum(new_packs) <= 5, new_packs


@needs_git
def test_a_folder_remote_is_written_as_gits_receive_pack_would(tmp_path: Path) -> None:
    """A remote on this machine is read and written directly (no pack read back to index
    it): many objects arrive as a pack, a few as loose files, and git finds both sound."""
    remote = bare_remote(tmp_path / "remote.git")
    files = {f"n{number}.md": f"note {number}\n".encode() * 9 for number in range(150)}
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        first = snapshot(one, files)
        one.push(str(remote), None, first)
        assert two.fetch(str(remote)) == first
        second = snapshot(two, {"n7.md": b"edited", "v/new.md": b"new"}, first)
        packs = len(list((remote / "objects" / "pack").glob("*.pack")))
        two.push(str(remote), first, second)
        assert len(list((remote / "objects" / "pack").glob("*.pack"))) == packs
        assert one.fetch(str(remote)) == second
        assert contents(one, second)["v/new.md"] == b"new"
    for repository in (remote, tmp_path / "one.git", tmp_path / "two.git"):
        git(repository, "fsck", "--strict", "--no-dangling")
    assert git(remote, "log", "--format=%H", "main").split() == [
        second.decode(), first.decode()]


def test_a_folder_remote_moved_during_a_push_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another library's push landing between the check and the ref's update: the update
    is refused under git's lock (compare and swap), never written over the other's."""
    url = str(bare_remote(tmp_path / "remote.git"))
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        base = snapshot(one, {"a.md": b"base"})
        one.push(url, None, base)
        two.fetch(url)
        theirs = snapshot(two, {"a.md": b"two"}, base)
        mine = snapshot(one, {"a.md": b"one"}, base)
        receive = Repository.receive

        def meanwhile(target: Repository, source: Repository, ids: list[bytes]) -> None:
            receive(target, source, ids)
            if source is one:
                monkeypatch.setattr(Repository, "receive", receive)
                two.push(url, base, theirs)

        monkeypatch.setattr(Repository, "receive", meanwhile)
        with pytest.raises(Rejected):
            one.push(url, base, mine)
        assert one.fetch(url) == theirs
        assert one.ref(repository_module.MAIN) == base  # (never moved to the refused one)


def test_a_push_over_a_moved_remote_is_rejected(tmp_path: Path) -> None:
    url = str(bare_remote(tmp_path / "remote.git"))
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        base = snapshot(one, {"a.md": b"base"})
        one.push(url, None, base)
        two.fetch(url)
        mine = snapshot(one, {"a.md": b"one"}, base)
        theirs = snapshot(two, {"a.md": b"two"}, base)
        two.push(url, base, theirs)
        with pytest.raises(Rejected, match="changed since the last fetch") as raised:
            one.push(url, base, mine)
        assert raised.value.kind == "rejected"
        with pytest.raises(Rejected):
            one.push(url, None, mine)  # it believed the remote empty
        assert one.fetch(url) == theirs  # the remote kept the other's commit
        merged = snapshot(one, {"b.md": b"one"}, theirs)
        one.push(url, theirs, merged)
        assert Repository.open_or_init(url).ref(repository_module.MAIN) == merged


def test_a_missing_remote_says_which(tmp_path: Path, repo: Repository) -> None:
    missing = tmp_path / "nowhere" / "remote.git"
    for url in (str(missing), f"file://{missing}"):
        with pytest.raises(SyncError) as raised:
            repo.fetch(url)
        assert raised.value.kind == "unreachable"
        assert str(raised.value) == f"{url}: no such folder"
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(SyncError, match="not a git repository") as raised:
        repo.fetch(str(plain))
    assert raised.value.kind == "not-a-repository"
    assert str(plain) in str(raised.value)


def test_a_remote_url_is_shown_without_its_password() -> None:
    assert transport.shown("https://ann:s3cret@host.example/x.git") == (
        "https://ann@host.example/x.git"
    )
    assert transport.shown("https://:s3cret@host.example/x.git") == "https://host.example/x.git"
    assert transport.shown("git@host:x.git") == "git@host:x.git"


def test_a_password_in_the_url_is_refused_and_not_shown(repo: Repository) -> None:
    with pytest.raises(SyncError) as raised:
        repo.fetch("https://ann:s3cret@127.0.0.1:9/x.git")
    assert raised.value.kind == "auth"
    assert "s3cret" not in str(raised.value)
    assert "credential helper" in str(raised.value)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("/srv/notes.git", "local"),
        ("./a:b/notes.git", "local"),
        ("file:///srv/notes.git", "local"),
        ("git@example.com:me/notes.git", "ssh"),
        ("example.com:notes.git", "ssh"),
        ("ssh://me@example.com:2222/srv/notes.git", "ssh"),
        ("https://example.com/me/notes.git", "http"),
    ],
)
def test_remote_kinds_are_told_apart_as_git_does(url: str, kind: str) -> None:
    assert transport._kind(url) == kind


# -- ssh ------------------------------------------------------------------------------------


def test_ssh_honours_git_ssh_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_SSH_COMMAND", "ssh -i '/keys/my key' -p 2222")
    args = transport.ssh_program()
    assert args[:5] == ["ssh", "-i", "/keys/my key", "-p", "2222"]
    assert "BatchMode=yes" in args and any(a.startswith("ConnectTimeout=") for a in args)
    monkeypatch.delenv("GIT_SSH_COMMAND")
    monkeypatch.setenv("GIT_SSH", "/opt/plink")
    assert transport.ssh_program() == ["/opt/plink"]  # not OpenSSH: no options of ours


def test_a_hung_remote_is_given_up(monkeypatch: pytest.MonkeyPatch, repo: Repository) -> None:
    # An "ssh" that connects and then never says a word.
    silent = f"{sys.executable} -c 'import time; time.sleep(60)'"
    monkeypatch.setenv("GIT_SSH_COMMAND", silent)
    monkeypatch.setattr(transport, "IDLE_TIMEOUT", 0.5)
    with pytest.raises(SyncError, match="did not answer") as raised:
        repo.fetch("git@example.invalid:notes.git")
    assert raised.value.kind == "unreachable"
    assert "git@example.invalid:notes.git" in str(raised.value)


@pytest.mark.skipif(shutil.which("ssh") is None, reason="no ssh client")
def test_a_refused_ssh_connection_is_unreachable(repo: Repository) -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"ssh://nobody@127.0.0.1:{port}/notes.git"
    with pytest.raises(SyncError) as raised:
        repo.fetch(url)
    assert raised.value.kind == "unreachable"
    assert url in str(raised.value) and "refused" in str(raised.value)


def test_fetch_and_push_over_ssh(
    ssh_server: SshServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_SSH_COMMAND", ssh_server.command())
    scp_style = ssh_server.url
    with_scheme = f"ssh://{ssh_server.user}@127.0.0.1{ssh_server.remote}"
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        assert one.fetch(scp_style) is None
        first = snapshot(one, {"a.md": b"over ssh", "v/b.md": b"b"})
        one.push(scp_style, None, first)
        assert two.fetch(with_scheme) == first
        assert contents(two, first) == {"a.md": b"over ssh", "v/b.md": b"b"}
        second = snapshot(two, {"a.md": b"back"}, first)
        two.push(with_scheme, first, second)
        with pytest.raises(Rejected):
            one.push(scp_style, first, snapshot(one, {"c.md": b"late"}, first))
        assert one.fetch(scp_style) == second
    if shutil.which("git"):
        assert git(ssh_server.remote, "log", "--format=%s", "main").splitlines() == [
            "sync",
            "sync",
        ]


def test_a_wrong_ssh_key_is_an_auth_error(
    ssh_server: SshServer, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_SSH_COMMAND", ssh_server.command(ssh_server.other_key))
    with pytest.raises(SyncError) as raised:
        repo.fetch(ssh_server.url)
    assert raised.value.kind == "auth"
    assert ssh_server.url in str(raised.value)
    assert "Permission denied" in str(raised.value)
    assert "Warning" not in str(raised.value)  # ssh's known_hosts notice is left out


def test_a_missing_repository_over_ssh_says_so(
    ssh_server: SshServer, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_SSH_COMMAND", ssh_server.command())
    url = f"{ssh_server.user}@127.0.0.1:{ssh_server.remote.parent / 'nope.git'}"
    with pytest.raises(SyncError) as raised:
        repo.fetch(url)
    assert raised.value.kind == "not-a-repository"
    assert url in str(raised.value)


# -- http with git's credential helpers -----------------------------------------------------


class _HttpRemote:
    """A bare repository served over http by dulwich's smart-http WSGI app behind basic
    authentication, in a thread."""

    def __init__(self, remote: Path, user: str, password: str) -> None:
        import base64
        from wsgiref.simple_server import WSGIRequestHandler, make_server

        from dulwich.server import DictBackend
        from dulwich.web import make_wsgi_chain

        self.repo = Repo(str(remote))
        app = make_wsgi_chain(DictBackend({"/": self.repo}))
        expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

        def guarded(environ, start_response):  # type: ignore[no-untyped-def]
            if environ.get("HTTP_AUTHORIZATION") != expected:
                start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="x"')])
                return [b"login"]
            return app(environ, start_response)

        class Quiet(WSGIRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

        self.server = make_server("127.0.0.1", 0, guarded, handler_class=Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.repo.close()


@pytest.fixture
def http_remote(tmp_path: Path) -> Iterator[_HttpRemote]:
    served = _HttpRemote(bare_remote(tmp_path / "remote.git"), "ann", "right")
    yield served
    served.close()


def _helper(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, password: str) -> Path:
    """Git's configuration with a credential helper that answers ann/``password`` and
    records what git asks it to do (store or erase)."""
    log = tmp_path / "helper.log"
    helper = tmp_path / "helper.sh"
    helper.write_text(
        "#!/bin/sh\n"
        f'echo "$1" >> {log}\n'
        f'[ "$1" = get ] && printf "username=ann\\npassword={password}\\n"\n'
        "exit 0\n"
    )
    helper.chmod(0o755)
    config = tmp_path / "gitconfig"
    config.write_text(f"[credential]\n\thelper = {helper}\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return log


@needs_git
def test_https_logs_in_through_git_credential_helpers(
    http_remote: _HttpRemote, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = _helper(monkeypatch, tmp_path, "right")
    with Repository.open_or_init(tmp_path / "one.git") as one:
        assert one.fetch(http_remote.url) is None
        first = snapshot(one, {"a.md": b"over http"})
        one.push(http_remote.url, None, first)
    with Repository.open_or_init(tmp_path / "two.git") as two:
        assert two.fetch(http_remote.url) == first
        assert contents(two, first) == {"a.md": b"over http"}
    assert log.read_text().split().count("store") == 3  # git keeps what worked
    assert not any(tmp_path.glob("*.git/config-credentials"))


@needs_git
def test_a_refused_https_login_is_an_auth_error(
    http_remote: _HttpRemote, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repo: Repository
) -> None:
    log = _helper(monkeypatch, tmp_path, "wrong")
    with pytest.raises(SyncError) as raised:
        repo.fetch(http_remote.url)
    assert raised.value.kind == "auth"
    assert str(raised.value) == f"{http_remote.url}: the server refused the login"
    assert "erase" in log.read_text().split()  # git forgets a login that failed


def test_https_without_git_asks_for_ssh_or_a_helper(
    http_remote: _HttpRemote, monkeypatch: pytest.MonkeyPatch, repo: Repository
) -> None:
    monkeypatch.setattr(transport.shutil, "which", lambda name: None)
    with pytest.raises(SyncError) as raised:
        repo.fetch(http_remote.url)
    assert raised.value.kind == "auth"
    assert "ssh URL or set up a git credential helper" in str(raised.value)


# -- maintenance ----------------------------------------------------------------------------


def test_tree_deltas_rebuild_the_tree_exactly() -> None:
    import random

    from dulwich.objects import Blob, Tree
    from dulwich.pack import apply_delta

    from notegui.sync.maintenance import _entry_spans, tree_delta

    rng = random.Random(7)
    names = [f"note {number}.md".encode() for number in range(800)]
    tree = Tree()
    for name in names:
        tree.add(name, 0o100644, Blob.from_string(name).id)
    tree.add(b"vault", 0o040000, Blob.from_string(b"folder").id)
    base = tree.as_raw_string()
    for _ in range(5):
        for name in rng.sample(names, 12):
            tree.add(name, 0o100644, Blob.from_string(name + b" edited").id)
        for name in rng.sample([n for n in names if n in tree], 4):
            del tree[name]
        tree.add(f"new {rng.random()}.md".encode(), 0o100644, Blob.from_string(b"x").id)
        target = tree.as_raw_string()
        delta = tree_delta(_entry_spans(base), len(base), target)
        assert delta is not None and len(delta) < len(target) // 10
        assert b"".join(apply_delta(base, delta)) == target


def test_maintenance_packs_versions_of_a_folder_as_deltas(repo: Repository) -> None:
    from notegui.sync import maintenance

    files = {f"note {number}.md": f"{number}".encode() for number in range(1500)}
    commits = [snapshot(repo, files)]
    for version in range(8):
        edits = {f"note {version * 7 + n}.md": f"v{version}".encode() for n in range(3)}
        commits.append(snapshot(repo, edits, commits[-1]))
    repo.set_ref(repository_module.MAIN, commits[-1])
    trees = {commit: repo.tree(commit) for commit in commits}
    loose = sum(size for _id, size in maintenance.loose_objects(repo))
    packs_before = set((repo.path / "objects" / "pack").glob("*.pack"))

    assert not repo.maintain()  # far below the threshold: nothing done
    assert maintenance.pack_loose(repo, threshold=0)
    assert maintenance.loose_objects(repo) == []
    (new_pack,) = set((repo.path / "objects" / "pack").glob("*.pack")) - packs_before
    assert new_pack.stat().st_size < loose / 3
    reopened = Repository.open_or_init(repo.path)
    assert {commit: reopened.tree(commit) for commit in commits} == trees
    reopened.close()
    if shutil.which("git"):
        git(repo.path, "fsck", "--strict", "--no-dangling")
        assert len(git(repo.path, "log", "--format=%H").split()) == len(commits)


def test_two_folders_compare_as_their_entries_by_name_do() -> None:
    """The side-by-side walk finds exactly what a comparison by name finds: changed, added
    and removed entries, files and folders of one name, long equal runs, and a folder out
    of git's order."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from notegui.sync.repository import FILE_MODE, TREE_MODE, compared

    names = st.sampled_from([b"a", b"a.md", b"a-b", b"b", b"c", b"z"] +
                            [b"n%03d" % number for number in range(300)])
    entry = st.tuples(st.sampled_from([FILE_MODE, TREE_MODE]),
                      st.sampled_from([b"1" * 40, b"2" * 40]))

    def listing(folder: dict[bytes, tuple[int, bytes]], shuffled: bool) -> list:
        rows = [(name, mode, sha) for name, (mode, sha) in folder.items()]
        rows.sort(key=lambda row: row[0] + b"/" if row[1] == TREE_MODE else row[0])
        return rows[::-1] if shuffled else rows

    @settings(max_examples=300, deadline=None)
    @given(st.dictionaries(names, entry, max_size=300), st.dictionaries(names, entry),
           st.lists(names, max_size=20), st.booleans())
    def check(old: dict, changes: dict, gone: list, shuffled: bool) -> None:
        new = {**old, **changes}
        for name in gone:
            new.pop(name, None)
        expected = sorted((name, old.get(name), new.get(name)) for name in old.keys() | new
                          if old.get(name) != new.get(name))
        assert compared(listing(old, shuffled), listing(new, False)) == expected

    check()


def test_a_large_folder_changed_in_place_is_the_folder_written_whole(tmp_path: Path) -> None:
    """A large folder with a few entries changed is cut and spliced from its stored bytes:
    the tree is the very one the files written from nothing give (same id, so git agrees),
    whatever is changed: files edited, added, removed, a file made a folder and back."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from notegui.sync.repository import _LISTED_MIN

    base = {f"n{number:05d}.md": b"%040x" % number for number in range(_LISTED_MIN + 50)}
    names = st.sampled_from(["a", "a.md", "a-b", "n00007.md", "n00500.md", "zz.md", "k",
                             "k.md", "k/inner.md", "n00010.md/x.md", "sub/deep/y.md"])
    blob = st.sampled_from([b"1" * 40, b"2" * 40])

    with Repository.open_or_init(tmp_path / "r.git") as repo:
        start = repo.commit(repo.changed_tree(None, dict(base)), [], "base", AUTHOR)
        spliced_folders = spy_on_splices(repo)

        @settings(max_examples=150, deadline=None)
        @given(st.dictionaries(names, st.one_of(st.none(), blob), min_size=1, max_size=6))
        def check(changes: dict[str, bytes | None]) -> None:
            files = dict(base)
            for path, blob_id in changes.items():
                # (a file where a folder was, or the reverse, replaces it whole)
                for held in [held for held in files if held.startswith(path + "/")
                             or path.startswith(held + "/")]:
                    del files[held]
                if blob_id is None:
                    files.pop(path, None)
                else:
                    files[path] = blob_id
            made = {**{held: None for held in base.keys() - files.keys()},
                    **{path: files[path] for path in changes if path in files}}
            spliced = repo.changed_tree(start, made)
            assert spliced == repo.changed_tree(None, files)
            assert repo.tree(repo.commit(spliced, [start], "x", AUTHOR)) == files

        check()
        assert any(spliced is not None for spliced in spliced_folders)


def spy_on_splices(repo: Repository) -> list:
    """What each splice of a large folder gave (None: the folder was written whole)."""
    results: list = []
    splice = repo._spliced

    def spied(*args):  # type: ignore[no-untyped-def]
        results.append(splice(*args))
        return results[-1]

    repo._spliced = spied  # type: ignore[method-assign]
    return results


def test_a_large_folder_stored_unlike_git_is_written_whole(repo: Repository) -> None:
    """A folder another tool wrote with a mode git never writes ('040000') cannot be cut at
    the offsets git's layout gives: it is written whole, right."""
    from dulwich.objects import Tree

    from notegui.sync.repository import _LISTED_MIN, _raw

    entries = b"".join(b"100644 f%05d\0" % number + bytes(20) for number in range(_LISTED_MIN))
    inner = repo.changed_tree(None, {"x.md": b"3" * 40})
    odd = _raw(Tree.type_num, b"040000 d\0" + bytes.fromhex(inner.decode()) + entries)
    repo._write([odd])
    commit = repo.commit(odd.id, [], "odd", AUTHOR)
    spliced_folders = spy_on_splices(repo)
    changed = repo.changed_tree(commit, {"f00003": b"4" * 40})
    assert spliced_folders == [None]
    files = repo.tree(repo.commit(changed, [commit], "x", AUTHOR))
    assert files["f00003"] == b"4" * 40 and files["d/x.md"] == b"3" * 40
    assert len(files) == _LISTED_MIN + 1


def test_a_loose_object_of_a_folder_remote_that_is_not_what_it_is_named_is_refused(
    tmp_path: Path,
) -> None:
    """A remote's loose file is copied as it is only once its content hashes to its name:
    one swapped for another object's (a damaged disk, another tool) is refused, naming the
    remote and the object, and the library's repository takes nothing."""
    from notegui.core.sync_model import SyncError

    remote = bare_remote(tmp_path / "remote.git")
    with Repository.open_or_init(tmp_path / "one.git") as one, Repository.open_or_init(
        tmp_path / "two.git"
    ) as two:
        first = snapshot(one, {"a.md": b"a"})
        one.push(str(remote), None, first)
        assert two.fetch(str(remote)) == first
        second = snapshot(one, {"a.md": b"edited"}, first)
        one.push(str(remote), first, second)
        (blob,) = [sha for path, sha in one.tree(second).items() if path == "a.md"]
        other = snapshot(one, {"b.md": b"something else"})
        swapped = loose_path(one, one.tree(other)["b.md"]).read_bytes()
        target = loose_path(Repository.open_existing(remote), blob)
        target.chmod(0o644)
        target.write_bytes(swapped)
        with pytest.raises(SyncError) as refused:
            two.fetch(str(remote))
        assert refused.value.kind == "corrupt"
        assert str(remote) in str(refused.value) and blob.decode() in str(refused.value)
        assert not loose_path(two, blob).exists()
        assert two.ref(repository_module.TRACKING) == first



def test_a_compressing_worker_killed_midway_is_done_here_instead(
    repo: Repository, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(compressing, "WORKERS", 1)
    monkeypatch.setattr(compressing, "PART", 10)
    compressor = compressing.Compressor(-1, repo.dulwich.object_store.object_format)
    texts = [b"note %d\n" % number * 200 for number in range(40)]
    objects = [(Blob.type_num, text, hashlib.sha1(b"blob %d\0" % len(text) + text)
                .hexdigest().encode()) for text in texts]
    try:
        records_of = compressor.start(objects)
        pool = compressor._pool
        assert pool is not None
        for process in list(pool._processes.values()):  # (as the system's OOM killer would)
            process.kill()
            process.join()
        records = records_of()
    finally:
        compressor.close()
    assert [zlib.decompress(record.comp_chunks[1]) for record in records] == texts
    # (killed as it started, before it compressed anything: the records are this process's)
    assert "its worker process ended" in caplog.text
