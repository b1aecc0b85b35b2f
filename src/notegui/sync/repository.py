"""The sync's local git repository (docs/sync.md, "The git engine"): a bare repository
beside the library file, read and written through dulwich's object store. Files are
blobs, folders trees, each sync a commit; no working tree is ever checked out (the library
is the working state). Ids are 40-character hex ``bytes``, as dulwich gives them."""

from __future__ import annotations

import os
import tempfile
import time
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from dulwich.diff_tree import tree_changes
from dulwich.errors import ChecksumMismatch, NotGitRepository, ObjectFormatException
from dulwich.objects import Blob, Commit, ObjectID, ShaFile, Tree
from dulwich.pack import full_unpacked_object, write_pack_data, write_pack_index
from dulwich.refs import Ref
from dulwich.repo import Repo

from notegui.core.sync_model import SyncError

FILE_MODE = 0o100644
EXECUTABLE_MODE = 0o100755
TREE_MODE = 0o040000
MAIN = Ref(b"refs/heads/main")
TRACKING = Ref(b"refs/remotes/origin/main")

# Fewer new objects than this go in as loose files (a sync of a few changed notes); more
# go in packs (the first sync writes one blob a note: 100,000 loose files take ~4x as long
# as packs, and leave git a directory of 100,000 files). A pack holds at most PACK_CHUNK
# objects so that memory stays bounded however many there are.
LOOSE_MAX = 64
PACK_CHUNK = 20_000
# zlib level 1: on small markdown files it is about twice as fast as git's default (6)
# for packs a few percent larger.
PACK_COMPRESSION = 1

_CORRUPT = (ChecksumMismatch, ObjectFormatException, zlib.error, KeyError)


class Repository:
    """A bare git repository: objects, the tracking ref and ``main``."""

    def __init__(self, repo: Repo, path: Path) -> None:
        self._repo = repo
        self.path = path

    @classmethod
    def open_or_init(cls, path: str | os.PathLike[str]) -> Repository:
        """The bare repository at ``path``, made (with its folder) if there is none."""
        where = Path(path)
        try:
            if where.exists() and any(where.iterdir()):
                repo = Repo(str(where))  # refuses a folder without objects/ and refs/
                if not repo.bare:
                    repo.close()
                    raise NotGitRepository(str(where))
            else:
                where.mkdir(parents=True, exist_ok=True)
                repo = Repo.init_bare(str(where))
                # HEAD names the branch we keep, so `git log` in the folder shows it.
                repo.refs.set_symbolic_ref(Ref(b"HEAD"), MAIN)
        except NotGitRepository:
            raise SyncError(
                "not-a-repository", f"{where}: the folder exists and is not a git repository"
            ) from None
        except NotADirectoryError:
            raise SyncError("not-a-repository", f"{where}: is a file, not a folder") from None
        except OSError as error:
            raise SyncError("corrupt", f"{where}: cannot open ({error.strerror})") from None
        return cls(repo, where)

    def close(self) -> None:
        self._repo.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def dulwich(self) -> Repo:
        """The dulwich repository, for the transport (fetch and push)."""
        return self._repo

    # -- refs ---------------------------------------------------------------------------

    def ref(self, name: bytes) -> bytes | None:
        """The commit a ref names, None when it does not exist."""
        try:
            return self._repo.refs[Ref(name)]
        except KeyError:
            return None

    def set_ref(self, name: bytes, commit: bytes) -> None:
        self._repo.refs[Ref(name)] = ObjectID(commit)

    # -- remotes (transport.py) ------------------------------------------------------------

    def fetch(self, url: str) -> bytes | None:
        """The remote's main commit with its objects fetched here; None for an empty
        remote. SyncError when it cannot be reached or read."""
        from notegui.sync import transport

        return transport.fetch(self, url)

    def push(self, url: str, old: bytes | None, new: bytes) -> None:
        """The remote's main moved from ``old`` to ``new``; transport.Rejected when it is
        not at ``old`` any more."""
        from notegui.sync import transport

        transport.push(self, url, old, new)

    # -- objects ------------------------------------------------------------------------

    def read(self, blob_id: bytes) -> bytes:
        """A blob's bytes."""
        blob = self._object(blob_id)
        if not isinstance(blob, Blob):
            raise SyncError("corrupt", f"{self.path}: {blob_id.decode()} is not a file")
        return blob.as_raw_string()

    def write_blobs(self, contents: Iterable[bytes]) -> list[bytes]:
        """Store each of ``contents`` as a blob; their ids, in order. Blobs already there
        are not written again; many new ones go in packs (LOOSE_MAX)."""
        ids: list[bytes] = []
        pending: list[ShaFile] = []
        seen: set[bytes] = set()
        for data in contents:
            blob = Blob.from_string(data)
            ids.append(blob.id)
            if blob.id not in seen:
                seen.add(blob.id)
                pending.append(blob)
                if len(pending) >= PACK_CHUNK:
                    self._write_objects(pending)
                    pending = []
        self._write_objects(pending)
        return ids

    def tree(self, commit: bytes | None) -> dict[str, bytes]:
        """Every file of a commit, path -> blob id (folders flattened with '/'). Symbolic
        links and submodules are left out: a note is a regular file."""
        if commit is None:
            return {}
        files: dict[str, bytes] = {}
        pending = [("", self._commit(commit).tree)]
        while pending:
            prefix, tree_id = pending.pop()
            for name, mode, sha in self._tree(tree_id).iteritems():
                path = prefix + name.decode("utf-8", "surrogateescape")
                if mode == TREE_MODE:
                    pending.append((path + "/", sha))
                elif mode in (FILE_MODE, EXECUTABLE_MODE):
                    files[path] = sha
        return files

    def changed_tree(self, tree_of: bytes | None, changes: Mapping[str, bytes | None]) -> bytes:
        """A new root tree: the tree of commit ``tree_of`` (None: empty) with each path of
        ``changes`` set to its blob id, or removed (None). Only the folders on changed
        paths are read and rewritten; a folder left empty is removed. Its id."""
        root = self._commit(tree_of).tree if tree_of is not None else None
        nested: dict[bytes, object] = {}
        for path, blob in changes.items():
            parts = _parts(path)
            level = nested
            for part in parts[:-1]:
                child = level.setdefault(part, {})
                if not isinstance(child, dict):  # a file replaced by a folder
                    child = level[part] = {}
                level = child
            level[parts[-1]] = blob
        written: list[ShaFile] = []
        tree = self._rewrite(root, nested, written)
        if tree is None:
            tree = Tree()
            written.append(tree)
        self._write_objects(written)
        return tree.id

    def commit(
        self, tree: bytes, parents: Iterable[bytes], message: str, author: str
    ) -> bytes:
        """A commit of ``tree`` (``author``: "Name <email>", also the committer), now."""
        commit = Commit()
        commit.tree = tree
        commit.parents = [ObjectID(parent) for parent in parents]
        commit.author = commit.committer = author.encode("utf-8")
        commit.commit_time = commit.author_time = int(time.time())
        offset = -time.altzone if time.localtime().tm_isdst > 0 else -time.timezone
        commit.commit_timezone = commit.author_timezone = offset
        commit.encoding = b"UTF-8"
        commit.message = message.encode("utf-8")
        self._write_objects([commit])
        return commit.id

    def diff(
        self, old_commit: bytes | None, new_commit: bytes
    ) -> dict[str, tuple[bytes | None, bytes | None]]:
        """The files that differ between two commits (old None: every file of the new one),
        path -> (old blob, new blob), None where absent; found by comparing trees, so
        unchanged folders are never opened."""
        old_tree = self._commit(old_commit).tree if old_commit is not None else None
        new_tree = self._commit(new_commit).tree
        changed: dict[str, tuple[bytes | None, bytes | None]] = {}
        try:
            for change in tree_changes(self._repo.object_store, old_tree, new_tree):
                for entry, side in ((change.old, 0), (change.new, 1)):
                    if entry is None or entry.path is None or entry.mode is None:
                        continue
                    if entry.mode not in (FILE_MODE, EXECUTABLE_MODE):
                        continue
                    path = entry.path.decode("utf-8", "surrogateescape")
                    pair = list(changed.get(path, (None, None)))
                    pair[side] = entry.sha
                    changed[path] = (pair[0], pair[1])
        except _CORRUPT as error:
            raise self._corrupt(error) from None
        return {path: pair for path, pair in changed.items() if pair[0] != pair[1]}

    # -- inside -------------------------------------------------------------------------

    def _rewrite(
        self, tree_id: bytes | None, changes: Mapping[bytes, object], written: list[ShaFile]
    ) -> Tree | None:
        """``tree_id`` with ``changes`` (name -> blob id, None, or a nested mapping) made;
        the new trees appended to ``written``. None when the result is empty."""
        tree = Tree()
        if tree_id is not None:
            copied = self._tree(tree_id).copy()
            assert isinstance(copied, Tree)
            tree = copied
        for name, change in changes.items():
            entry = tree[name] if name in tree else None  # noqa: SIM401 (a Tree has no get)
            if isinstance(change, dict):
                inner = entry[1] if entry is not None and entry[0] == TREE_MODE else None
                sub = self._rewrite(inner, change, written)
                if sub is None:
                    if entry is not None:
                        del tree[name]
                else:
                    tree[name] = (TREE_MODE, sub.id)
            elif change is None:
                if entry is not None:
                    del tree[name]
            else:
                assert isinstance(change, bytes)
                mode = entry[0] if entry is not None and entry[0] == EXECUTABLE_MODE else FILE_MODE
                tree[name] = (mode, ObjectID(change))
        if not len(tree):
            return None
        written.append(tree)
        return tree

    def _write_objects(self, objects: list[ShaFile]) -> None:
        store = self._repo.object_store
        fresh: dict[bytes, ShaFile] = {}
        for obj in objects:  # a pack must not hold an object twice, nor one already here
            if obj.id not in fresh and obj.id not in store:
                fresh[obj.id] = obj
        objects = list(fresh.values())
        if len(objects) < LOOSE_MAX:
            for obj in objects:
                store.add_object(obj)
            return
        for start in range(0, len(objects), PACK_CHUNK):
            self._write_pack(objects[start : start + PACK_CHUNK])

    def _write_pack(self, objects: list[ShaFile]) -> None:
        """One pack and its index, written beside and renamed in (the .idx last: a pack
        counts for git and dulwich only once its index is there). dulwich's add_objects
        reads the whole pack back to index it, which took two thirds of the time; the
        offsets and checksums the writer returns are the index."""
        store = self._repo.object_store
        pack_dir = store.pack_dir
        os.makedirs(pack_dir, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=pack_dir, prefix="tmp_pack_")
        try:
            with os.fdopen(handle, "wb") as out:
                entries, checksum = write_pack_data(
                    out.write,
                    (full_unpacked_object(obj) for obj in objects),
                    store.object_format,
                    num_records=len(objects),
                    compression_level=PACK_COMPRESSION,
                )
                out.flush()
                os.fsync(out.fileno())
            base = os.path.join(pack_dir, "pack-" + checksum.hex())
            index = temporary + ".idx"
            with open(index, "wb") as out:
                rows = sorted((sha, offset, crc) for sha, (offset, crc) in entries.items())
                write_pack_index(out, rows, checksum)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, base + ".pack")
            os.replace(index, base + ".idx")
        finally:
            for leftover in (temporary, temporary + ".idx"):
                if os.path.exists(leftover):
                    os.remove(leftover)
        store._update_pack_cache()  # dulwich finds new packs only when it lists the folder

    def _object(self, object_id: bytes) -> ShaFile:
        try:
            return self._repo.object_store[ObjectID(object_id)]
        except _CORRUPT as error:
            raise self._corrupt(error, object_id) from None

    def _commit(self, commit_id: bytes) -> Commit:
        commit = self._object(commit_id)
        if not isinstance(commit, Commit):
            raise SyncError("corrupt", f"{self.path}: {commit_id.decode()} is not a commit")
        return commit

    def _tree(self, tree_id: bytes) -> Tree:
        tree = self._object(tree_id)
        if not isinstance(tree, Tree):
            raise SyncError("corrupt", f"{self.path}: {tree_id.decode()} is not a folder")
        return tree

    def _corrupt(self, error: BaseException, object_id: bytes | None = None) -> SyncError:
        if isinstance(error, KeyError):
            missing = object_id.decode() if object_id else str(error).strip("'\"")
            return SyncError("corrupt", f"{self.path}: object {missing} is missing")
        return SyncError("corrupt", f"{self.path}: damaged object ({error})")


def _parts(path: str) -> list[bytes]:
    """A repository path's names; a path git could not hold is a programming error."""
    parts = path.split("/")
    if not path or any(part in ("", ".", "..", ".git") for part in parts):
        raise ValueError(f"not a file path in a repository: {path!r}")
    return [part.encode("utf-8", "surrogateescape") for part in parts]
