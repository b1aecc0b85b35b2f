"""The sync's local git repository (docs/sync.md, "The git engine"): a bare repository
beside the library file, read and written through dulwich's object store. Files are
blobs, folders trees, each sync a commit; no working tree is ever checked out (the library
is the working state). Ids are 40-character hex ``bytes``, as dulwich gives them.

Trees are handled as their raw entries (dulwich's compiled parse_tree and
sorted_tree_items) rather than as dulwich Tree objects: at 100,000 notes the top folder
holds 90,000 entries, and copying, diffing and writing it through Tree objects and
diff_tree.tree_changes took about a second each (tests/stress/sync_repository_speed.py)."""

from __future__ import annotations

import hashlib
import mmap
import os
import tempfile
import time
import zlib
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from dulwich.errors import ChecksumMismatch, NotGitRepository, ObjectFormatException
from dulwich.object_store import ObjectStoreGraphWalker
from dulwich.objects import (
    Blob,
    Commit,
    ObjectID,
    Tree,
    hex_to_sha,
    parse_tree,
)
from dulwich.pack import Pack, UnpackedObject, write_pack_data, write_pack_index
from dulwich.refs import Ref
from dulwich.repo import Repo

from notegui.core.sync_model import SyncError
from notegui.sync import compressing, sending
from notegui.sync.sending import Changed

FILE_MODE = 0o100644
EXECUTABLE_MODE = 0o100755
TREE_MODE = 0o040000
FILE_MODES = (FILE_MODE, EXECUTABLE_MODE)
MAIN = Ref(b"refs/heads/main")
TRACKING = Ref(b"refs/remotes/origin/main")

# Fewer new objects than this go in as loose files (a sync of a few changed notes); more
# go in packs (the first sync writes one blob a note: 100,000 loose files took 42 s, packs
# 9 s, and leave git a folder of 100,000 files). A pack holds at most PACK_CHUNK objects
# so that memory stays bounded however many there are.
LOOSE_MAX = 64
PACK_CHUNK = 20_000
# Blobs read before the packs' pages are given back: dulwich maps each pack, and a read maps
# the 64 KB around its object, so 2,000 notes read in any order held 130 MB.
READS_MAPPED = 256
LOOSE_COMPRESSION = 1  # git's core.looseCompression default: loose objects are short-lived
# Bytes of rebuilt delta bases dulwich keeps per pack (its default, 96 MB, is per pack: a
# remote git packed with deltas, read whole by a join, held several of them). A note's
# delta chain is short, so a small cache rebuilds about as fast.
DELTA_BASE_CACHE = 8 * 1024 * 1024

_CORRUPT = (ChecksumMismatch, ObjectFormatException, zlib.error, KeyError, ValueError)
_TYPE_NAMES = {Commit.type_num: b"commit", Tree.type_num: b"tree", Blob.type_num: b"blob"}
_TYPE_NUMS = {name: number for number, name in _TYPE_NAMES.items()} | {b"tag": 4}

Entry = tuple[bytes, int, bytes]  # one of a folder's entries: (name, mode, id)
_LISTED_MIN = 1_000  # entries of a folder worth keeping parsed
_LISTED_KEPT = 4  # such folders kept (each about 20 MB at 90,000 entries)


class _Repo(Repo):
    """dulwich's Repo, telling a remote it has what the tracking ref holds as well as its
    branches: a library that only ever received has no ``main`` of its own, and a fetch
    that claimed nothing was sent the whole repository again (20 s at 100,000 notes)."""

    def get_graph_walker(self, heads: list[ObjectID] | None = None) -> ObjectStoreGraphWalker:
        if heads is None:
            tips = set(self.refs.as_dict(Ref(b"refs")).values())
            heads = [tip for tip in tips if tip in self.object_store]
        return super().get_graph_walker(heads)


class _Raw(NamedTuple):
    """An object as git stores it: its type, its content and its id (hex)."""

    type_num: int
    data: bytes
    id: bytes


def _raw(type_num: int, data: bytes) -> _Raw:
    header = _TYPE_NAMES[type_num] + b" %d\0" % len(data)
    return _Raw(type_num, data, hashlib.sha1(header + data).hexdigest().encode("ascii"))


class Repository:
    """A bare git repository: objects, the tracking ref and ``main``."""

    def __init__(self, repo: Repo, path: Path) -> None:
        repo.object_store.delta_base_cache_limit = DELTA_BASE_CACHE
        self._repo = repo
        self.path = path
        self._listings: OrderedDict[bytes, list[Entry]] = OrderedDict()
        self._reads = 0  # blobs read since the packs' pages were given back
        self._compressor: compressing.Compressor | None = None  # (made when first needed)

    @classmethod
    def open_or_init(cls, path: str | os.PathLike[str]) -> Repository:
        """The bare repository at ``path``, made (with its folder) if there is none."""
        where = Path(path)
        try:
            if where.exists() and any(where.iterdir()):
                repo: Repo = _Repo(str(where))  # refuses a folder without objects/ and refs/
                if not repo.bare:
                    repo.close()
                    raise NotGitRepository(str(where))
            else:
                where.mkdir(parents=True, exist_ok=True)
                repo = _Repo.init_bare(str(where))
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
        _remove_stale_temporaries(where)
        if repo.object_store.object_format.name != "sha1":
            repo.close()  # our ids are SHA-1 ones, as every git host's still are
            raise SyncError("not-a-repository", f"{where}: a SHA-256 repository is not supported")
        return cls(repo, where)

    def close(self) -> None:
        if self._compressor is not None:
            self._compressor.close()
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

    @classmethod
    def open_existing(cls, path: str | os.PathLike[str]) -> Repository:
        """A repository that must be there (a remote that is a folder on this machine);
        dulwich's NotGitRepository when it is not one."""
        return cls(Repo(str(path)), Path(path))

    def ids_new_in(self, want: bytes, have: Iterable[bytes]) -> list[bytes]:
        """The objects commit ``want`` reaches that the commits of ``have`` (those held
        here) do not: its new commits, and the trees and blobs each adds to its first
        parent's, found by comparing the two trees (unchanged folders never opened)."""
        return sending.objects_to_send(self._commit, self.compare, self._holds, set(have),
                                       {want})

    def _holds(self, commit: bytes) -> bool:
        return ObjectID(commit) in self._repo.object_store

    def receive(self, source: Repository, ids: list[bytes]) -> None:
        """Objects ``ids`` of ``source`` stored here, as git's receive-pack stores a push:
        a few as loose files, more in packs (their stored bytes copied, never compressed
        again). Used both ways with a remote that is a folder on this machine: dulwich's
        fetch from one scans the whole of its pack (7 s at 100,000 notes), its push reads
        the pack it wrote back to index it."""
        if len(ids) < LOOSE_MAX:
            for object_id in ids:
                self._receive_one(source, object_id)
            return
        for start in range(0, len(ids), PACK_CHUNK):
            part = ids[start : start + PACK_CHUNK]
            self.write_pack_records(len(part), sending.records(source.dulwich, part))

    def _receive_one(self, source: Repository, object_id: bytes) -> None:
        """One object of ``source`` stored here loose. A loose one there is checked
        (its content hashes to its id) and its file copied as it is: compressing the
        top folder's tree again took 0.1 s each way of a sync."""
        if self._stored(object_id, self._repo.object_store.packs):
            return
        loose = source._loose(object_id)
        if loose is None:
            self._write_loose(_Raw(*source._get(object_id), object_id))
        elif _raw(loose[0], loose[1]).id != object_id:
            raise source._corrupt(ValueError(), object_id)
        else:
            self._store_loose(object_id, loose[2])
        if object_id in source._listings:  # (read there to find what to send: not again)
            self._keep_listing(object_id, source._listings[object_id])

    def set_ref_if(self, name: bytes, old: bytes | None, new: bytes) -> bool:
        """Ref ``name`` moved from ``old`` (None: absent) to ``new``, under git's lock
        file; False when it was not at ``old``."""
        refs = self._repo.refs
        if old is None:
            return refs.add_if_new(Ref(name), ObjectID(new))
        return refs.set_if_equals(Ref(name), ObjectID(old), ObjectID(new))

    def pack_for_push(
        self, have: Set[bytes], want: Set[bytes]
    ) -> tuple[int, Iterator[UnpackedObject]]:
        """What a push of ``want`` sends to a remote holding ``have`` (sending.py): the
        count of objects and their pack records, as dulwich's send_pack takes them."""
        ids = sending.objects_to_send(self._commit, self.compare, self._holds, have, want)
        return len(ids), sending.records(self._repo, ids)

    def maintain(self) -> bool:
        """Pack the loose objects once they pass MAINTAIN_BYTES, each folder's tree as a
        delta of a similar one (maintenance.py); True when it packed. Each sync that
        changes a note at the top writes a new top folder tree (2 MB at 100,000 notes)."""
        from notegui.sync import maintenance

        return maintenance.pack_loose(self)

    # -- objects ------------------------------------------------------------------------

    def read(self, blob_id: bytes) -> bytes:
        """A blob's bytes."""
        type_num, data = self._get(blob_id)
        self._reads += 1
        if self._reads >= READS_MAPPED:
            self.let_go_of_read_pages()
        if type_num != Blob.type_num:
            raise SyncError("corrupt", f"{self.path}: {blob_id.decode()} is not a file")
        return data

    def let_go_of_read_pages(self) -> None:
        """The pages of the packs read so far given back (dulwich maps each pack; reading
        every blob of a join made the 180 MB of packs count as the process's memory). The
        next read of them comes from the system's file cache."""
        self._reads = 0
        if not hasattr(mmap, "MADV_DONTNEED"):  # (Windows: no madvise)
            return
        for pack in self._repo.object_store.packs:
            data = pack._data  # (None: never read, nothing mapped)
            contents = getattr(data, "_contents", None) if data is not None else None
            if isinstance(contents, mmap.mmap):
                contents.madvise(mmap.MADV_DONTNEED)

    def write_blobs(self, contents: Iterable[bytes]) -> list[bytes]:
        """Store each of ``contents`` as a blob; their ids, in order. Blobs already there
        are not written again; many new ones go in packs (LOOSE_MAX)."""
        ids: list[bytes] = []
        pending: list[_Raw] = []
        for data in contents:
            blob = _raw(Blob.type_num, bytes(data))
            ids.append(blob.id)
            pending.append(blob)
            if len(pending) >= PACK_CHUNK:
                self._write(pending)
                pending = []
        self._write(pending)
        return ids

    def start_blobs(self, contents: Sequence[bytes]) -> tuple[list[bytes], Callable[[], None]]:
        """``write_blobs`` for one batch held in memory, compressed on other threads while
        the caller goes on: their ids, and the function that stores them (it waits for the
        compressing; until it is called, the blobs are not in the repository)."""
        blobs = [_raw(Blob.type_num, bytes(data)) for data in contents]
        fresh = self._missing(blobs)
        if len(fresh) < LOOSE_MAX:
            return [blob.id for blob in blobs], lambda: self._write(fresh)
        compressor = self._compressing()
        started = [compressor.start(fresh[start:start + PACK_CHUNK])
                   for start in range(0, len(fresh), PACK_CHUNK)]

        def store_packs() -> None:
            for records_of in started:
                records = records_of()
                self.write_pack_records(len(records), iter(records))

        return [blob.id for blob in blobs], store_packs

    def tree(self, commit: bytes | None) -> dict[str, bytes]:
        """Every file of a commit, path -> blob id (folders flattened with '/'). Symbolic
        links and submodules are left out: a note is a regular file."""
        if commit is None:
            return {}
        files: dict[str, bytes] = {}
        pending = [("", self._commit(commit).tree)]
        while pending:
            prefix, tree_id = pending.pop()
            for name, mode, sha in self._listing(tree_id):
                path = prefix + name.decode("utf-8", "surrogateescape")
                if mode == TREE_MODE:
                    pending.append((path + "/", sha))
                elif mode in FILE_MODES:
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
        written: list[_Raw] = []
        tree = self._rewrite(root, nested, written)
        if tree is None:
            empty = _raw(Tree.type_num, b"")
            written.append(empty)
            tree = empty.id
        self._write(written)
        return tree

    def commit(
        self, tree: bytes, parents: Iterable[bytes], message: str, author: str
    ) -> bytes:
        """A commit of ``tree`` (``author``: "Name <email>", also the committer), now."""
        commit = Commit()
        commit.tree = ObjectID(tree)
        commit.parents = [ObjectID(parent) for parent in parents]
        commit.author = commit.committer = author.encode("utf-8")
        commit.commit_time = commit.author_time = int(time.time())
        offset = -time.altzone if time.localtime().tm_isdst > 0 else -time.timezone
        commit.commit_timezone = commit.author_timezone = offset
        commit.encoding = b"UTF-8"
        commit.message = message.encode("utf-8")
        self._write([_Raw(Commit.type_num, commit.as_raw_string(), commit.id)])
        return commit.id

    def diff(
        self, old_commit: bytes | None, new_commit: bytes
    ) -> dict[str, tuple[bytes | None, bytes | None]]:
        """The files that differ between two commits (old None: every file of the new one),
        path -> (old blob, new blob), None where absent; found by comparing trees, so
        unchanged folders and files are never opened."""
        old_tree = self._commit(old_commit).tree if old_commit is not None else None
        new_tree = self._commit(new_commit).tree
        changed: dict[str, tuple[bytes | None, bytes | None]] = {}
        pending: list[tuple[str, bytes | None, bytes | None]] = [("", old_tree, new_tree)]
        while pending:
            prefix, old_id, new_id = pending.pop()
            if old_id == new_id:
                continue
            entries: list[Changed]
            if new_id is None:
                assert old_id is not None
                entries = [(name, (mode, sha), None) for name, mode, sha in
                           self._listing(old_id)]
            else:
                entries = self.compare(old_id, new_id)
            for name, before, after in entries:
                path = prefix + name.decode("utf-8", "surrogateescape")
                old_sub = before[1] if before and before[0] == TREE_MODE else None
                new_sub = after[1] if after and after[0] == TREE_MODE else None
                if old_sub or new_sub:
                    pending.append((path + "/", old_sub, new_sub))
                old_blob = before[1] if before and before[0] in FILE_MODES else None
                new_blob = after[1] if after and after[0] in FILE_MODES else None
                if old_blob != new_blob:
                    changed[path] = (old_blob, new_blob)
        return changed

    # -- inside -------------------------------------------------------------------------

    def _rewrite(
        self, tree_id: bytes | None, changes: Mapping[bytes, object], written: list[_Raw]
    ) -> bytes | None:
        """``tree_id`` with ``changes`` (name -> blob id, None, or a nested mapping) made;
        the new trees appended to ``written``. Its id, None when it is left empty."""
        listing = self._listing(tree_id) if tree_id is not None else []
        found = _Finder(listing)
        made: dict[bytes, tuple[int, bytes] | None] = {}
        for name, change in changes.items():
            entry = found.get(name)
            if isinstance(change, dict):
                inner = entry[1] if entry is not None and entry[0] == TREE_MODE else None
                sub = self._rewrite(inner, change, written)
                made[name] = None if sub is None else (TREE_MODE, sub)
            elif change is None:
                made[name] = None
            else:
                assert isinstance(change, bytes)
                executable = entry is not None and entry[0] == EXECUTABLE_MODE
                made[name] = (EXECUTABLE_MODE if executable else FILE_MODE, change)
        if tree_id is not None and found.ordered is not None:
            spliced = self._spliced(tree_id, listing, found.ordered, made)
            if spliced is not None:
                data, new_listing = spliced
                if not new_listing:
                    return None
                tree = _raw(Tree.type_num, data)
                written.append(tree)
                self._keep_listing(tree.id, new_listing)
                return tree.id
        entries = {name: (mode, sha) for name, mode, sha in listing}
        for name, after in made.items():
            if after is None:
                entries.pop(name, None)
            else:
                entries[name] = after
        if not entries:
            return None
        # (written without dulwich's TreeEntry for each: a first sync's top folder holds
        # 100,000)
        listed = sorted(((name, mode, sha) for name, (mode, sha) in entries.items()), key=_order)
        tree = _raw(Tree.type_num, b"".join([_entry_bytes(entry) for entry in listed]))
        written.append(tree)
        return tree.id

    def _spliced(
        self, tree_id: bytes, listing: list[Entry], keys: list[bytes],
        made: Mapping[bytes, tuple[int, bytes] | None],
    ) -> tuple[bytes, list[Entry]] | None:
        """A large folder with a few entries changed, as its new bytes and listing: the
        stored bytes cut at the changed entries and the new ones put in (sorting and
        writing 90,000 entries again took 0.4 s). None when the stored bytes are not
        laid out as git writes them (then the folder is written whole)."""
        _, data = self._get(tree_id)
        # Each entry's bytes: mode in octal, space, name, NUL, 20-byte id. A mode written
        # longer than that (a leading 0) makes the sum differ: never shorter.
        offsets = list(accumulate(
            (len(name) + len(_mode_text(mode)) + 22 for name, mode, _ in listing), initial=0))
        if offsets[-1] != len(data):
            return None
        removed: set[int] = set()
        inserted: dict[int, list[Entry]] = {}
        for name, after in made.items():
            for key in (name, name + b"/"):
                at = bisect_left(keys, key)
                if at < len(keys) and keys[at] == key:
                    removed.add(at)
            if after is not None:
                entry = (name, after[0], after[1])
                inserted.setdefault(bisect_left(keys, _order(entry)), []).append(entry)
        pieces: list[bytes] = []
        new_listing: list[Entry] = []
        done = 0
        for at in sorted(removed | inserted.keys()):
            pieces.append(data[offsets[done]:offsets[at]])
            new_listing.extend(listing[done:at])
            for entry in sorted(inserted.get(at, ()), key=_order):
                pieces.append(_entry_bytes(entry))
                new_listing.append(entry)
            done = at + 1 if at in removed else at
        pieces.append(data[offsets[done]:])
        new_listing.extend(listing[done:])
        return b"".join(pieces), new_listing

    def object_data(self, object_id: bytes) -> tuple[int, bytes]:
        """Any object's type number and content, as git stores them."""
        return self._get(object_id)

    def _listing(self, tree_id: bytes) -> list[Entry]:
        """A folder's entries in git's order. The last few large ones are kept: a sync
        reads the top folder (90,000 entries at 100,000 notes) of the same commits again
        to list, diff, rewrite and push it."""
        listing = self._listings.get(tree_id)
        if listing is not None:
            self._listings.move_to_end(tree_id)
            return listing
        type_num, data = self._get(tree_id)
        if type_num != Tree.type_num:
            raise SyncError("corrupt", f"{self.path}: {tree_id.decode()} is not a folder")
        try:
            length = self._repo.object_store.object_format.oid_length
            listing = list(parse_tree(data, length))
        except _CORRUPT as error:
            raise self._corrupt(error, tree_id) from None
        self._keep_listing(tree_id, listing)
        return listing

    def _keep_listing(self, tree_id: bytes, listing: list[Entry]) -> None:
        if len(listing) >= _LISTED_MIN:
            self._listings[tree_id] = listing
            while len(self._listings) > _LISTED_KEPT:
                self._listings.popitem(last=False)

    def compare(self, old_id: bytes | None, new_id: bytes) -> list[Changed]:
        """The entries of folder ``new_id`` that differ from folder ``old_id``'s (None: an
        empty folder), as (name, before, after), before or after None where absent."""
        old = self._listing(old_id) if old_id is not None else []
        return compared(old, self._listing(new_id))

    def _get(self, object_id: bytes) -> tuple[int, bytes]:
        """An object's type and content. A loose one is read here: dulwich parses it
        into an object and serializes it back (0.02 s for the top folder's tree)."""
        loose = self._loose(object_id)
        if loose is not None:
            return loose[0], loose[1]
        try:
            return self._repo.object_store.get_raw(ObjectID(object_id))
        except _CORRUPT as error:
            raise self._corrupt(error, object_id) from None

    def _loose(self, object_id: bytes) -> tuple[int, bytes, bytes] | None:
        """A loose object's type, content and file bytes (compressed); None when the
        object is not loose here."""
        try:
            with open(self._loose_path(object_id), "rb") as handle:
                stored = handle.read()
        except OSError:
            return None
        try:
            header, _, content = zlib.decompress(stored).partition(b"\0")
            type_name, _, size = header.partition(b" ")
            type_num = _TYPE_NUMS[type_name]
            if int(size) != len(content):
                raise ValueError("wrong size")
        except (zlib.error, KeyError, ValueError):
            raise self._corrupt(ValueError(), object_id) from None
        return type_num, content, stored

    def _loose_path(self, object_id: bytes) -> str:
        hexid = object_id.decode("ascii")
        return os.path.join(self._repo.object_store.path, hexid[:2], hexid[2:])

    def _commit(self, commit_id: bytes) -> Commit:
        try:
            commit = self._repo.object_store[ObjectID(commit_id)]
        except _CORRUPT as error:
            raise self._corrupt(error, commit_id) from None
        if not isinstance(commit, Commit):
            raise SyncError("corrupt", f"{self.path}: {commit_id.decode()} is not a commit")
        return commit

    def _corrupt(self, error: BaseException, object_id: bytes) -> SyncError:
        if isinstance(error, KeyError):
            return SyncError("corrupt", f"{self.path}: object {object_id.decode()} is missing")
        return SyncError("corrupt", f"{self.path}: object {object_id.decode()} is damaged")

    def _write(self, objects: list[_Raw]) -> None:
        objects = self._missing(objects)
        if len(objects) < LOOSE_MAX:
            for obj in objects:
                self._write_loose(obj)
            return
        for start in range(0, len(objects), PACK_CHUNK):
            self._write_pack(objects[start : start + PACK_CHUNK])

    def _missing(self, objects: list[_Raw]) -> list[_Raw]:
        """``objects`` less those already stored and repeats (a pack holds each once).
        The packs are listed once for all; dulwich's ``in`` lists the pack folder and opens
        the loose file again for each object (40% of writing 100,000 blobs)."""
        packs = self._repo.object_store.packs
        fresh: dict[bytes, _Raw] = {}
        for obj in objects:
            if obj.id not in fresh and not self._stored(obj.id, packs):
                fresh[obj.id] = obj
        return list(fresh.values())

    def _stored(self, object_id: bytes, packs: Iterable[Pack]) -> bool:
        """Whether the object is in one of ``packs`` (the store's, listed by the caller)
        or loose here."""
        raw = hex_to_sha(ObjectID(object_id))
        return any(raw in pack for pack in packs) or os.path.exists(self._loose_path(object_id))

    def _write_loose(self, obj: _Raw) -> None:
        header = _TYPE_NAMES[obj.type_num] + b" %d\0" % len(obj.data)
        # One compress call: dulwich's add_object compresses a tree entry by entry.
        self._store_loose(obj.id, zlib.compress(header + obj.data, LOOSE_COMPRESSION))

    def _store_loose(self, object_id: bytes, stored: bytes) -> None:
        """One object's file (compressed), renamed in whole (a killed sync leaves at most
        a temporary file, which git gc removes)."""
        target = self._loose_path(object_id)
        folder = os.path.dirname(target)
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix="tmp_obj_")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(stored)
            os.chmod(temporary, 0o444)
            try:
                os.replace(temporary, target)
            except PermissionError:
                # Windows will not replace a read-only file: another writer put the same
                # object there first, which is as good.
                if not os.path.exists(target):
                    raise
                os.remove(temporary)
        except BaseException:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise

    def _write_pack(self, objects: list[_Raw]) -> None:
        records = self._compressing().start(objects)()
        self.write_pack_records(len(records), iter(records))

    def _compressing(self) -> compressing.Compressor:
        if self._compressor is None:
            store = self._repo.object_store
            self._compressor = compressing.Compressor(store.pack_compression_level,
                                                      store.object_format)
        return self._compressor

    def write_pack_records(self, count: int, records: Iterator[UnpackedObject]) -> None:
        """One pack of ``count`` records and its index, written beside and renamed in (the
        .idx last: a pack counts for git and dulwich only once its index is there).
        dulwich's add_objects reads the whole pack back to index it, which took two thirds
        of the time; the offsets and checksums the writer returns are the index. A delta
        record must follow its base (the writer makes it an offset delta)."""
        store = self._repo.object_store
        pack_dir = store.pack_dir
        os.makedirs(pack_dir, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=pack_dir, prefix="tmp_pack_")
        try:
            with os.fdopen(handle, "wb") as out:
                entries, checksum = write_pack_data(
                    out.write,
                    records,
                    store.object_format,
                    num_records=count,
                    compression_level=store.pack_compression_level,  # git's default
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
        store.packs  # noqa: B018 (listing the packs makes dulwich open the new one)


STALE_SECONDS = 3600


def _remove_stale_temporaries(where: Path) -> None:
    """Half-written objects and packs of a sync that was killed (tmp_obj_*, tmp_pack_*):
    never part of the repository, but a killed first sync leaves up to 20,000 notes' worth.
    Only old ones: a file this young may be another process's, still being written."""
    cutoff = time.time() - STALE_SECONDS
    objects = where / "objects"
    folders = [objects / "pack"]
    folders += [folder for folder in objects.glob("[0-9a-f][0-9a-f]") if folder.is_dir()]
    for folder in folders:
        for leftover in folder.glob("tmp_*"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except OSError:
                pass  # gone already, or not ours to remove: git gc will


_RUN = 128  # entries compared at once while two folders agree


def compared(old: list[Entry], new: list[Entry]) -> list[Changed]:
    """The entries that differ between two folders' listings, in git's order, as (name,
    before, after). Walked side by side, a run of equal entries at a time (compared in
    one step), so a folder of 90,000 entries with ten changed costs a few hundred steps.
    A folder out of git's order (made by another tool) still compares right: an entry
    met on both sides apart is matched up by name."""
    before: dict[bytes, tuple[int, bytes]] = {}
    after: dict[bytes, tuple[int, bytes]] = {}
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i : i + _RUN] == new[j : j + _RUN]:
            i += _RUN
            j += _RUN
            continue
        one, other = old[i], new[j]
        if one == other:
            i += 1
            j += 1
            continue
        one_key, other_key = _order(one), _order(other)
        if one_key <= other_key:
            before[one[0]] = (one[1], one[2])
            i += 1
        if other_key <= one_key:
            after[other[0]] = (other[1], other[2])
            j += 1
    before.update((name, (mode, sha)) for name, mode, sha in old[i:])
    after.update((name, (mode, sha)) for name, mode, sha in new[j:])
    return [(name, before.get(name), after.get(name)) for name in sorted(before.keys() | after)
            if before.get(name) != after.get(name)]


_MODE_TEXT = {mode: b"%o" % mode for mode in (FILE_MODE, EXECUTABLE_MODE, TREE_MODE, 0o120000,
                                               0o160000)}


def _mode_text(mode: int) -> bytes:
    """A mode as git writes it in a tree: octal, no leading 0."""
    return _MODE_TEXT.get(mode) or b"%o" % mode


def _entry_bytes(entry: Entry) -> bytes:
    """A folder's entry as a tree stores it: mode, space, name, NUL, the 20-byte id."""
    name, mode, sha = entry
    return _mode_text(mode) + b" " + name + b"\0" + hex_to_sha(ObjectID(sha))


class _Finder:
    """Looks up a few names in a folder's listing: by halves in a large one in git's
    order (``ordered``: its sort keys, None when it is small or out of order), else
    through a mapping of all its names."""

    def __init__(self, listing: list[Entry]) -> None:
        self.ordered: list[bytes] | None = None
        self._listing = listing
        self._names: dict[bytes, tuple[int, bytes]] | None = None
        if len(listing) >= _LISTED_MIN:
            keys = [_order(entry) for entry in listing]
            if all(map(bytes.__lt__, keys, keys[1:])):
                self.ordered = keys

    def get(self, name: bytes) -> tuple[int, bytes] | None:
        if self.ordered is None:
            if self._names is None:
                self._names = {name: (mode, sha) for name, mode, sha in self._listing}
            return self._names.get(name)
        for key in (name, name + b"/"):
            at = bisect_left(self.ordered, key)
            if at < len(self.ordered) and self.ordered[at] == key:
                return self._listing[at][1], self._listing[at][2]
        return None


def _order(entry: Entry) -> bytes:
    """Where an entry sorts in a git folder: a folder's name as if it ended with '/'."""
    return entry[0] + b"/" if entry[1] == TREE_MODE else entry[0]


def _parts(path: str) -> list[bytes]:
    """A repository path's names; a path git could not hold is a programming error."""
    parts = path.split("/")
    if not path or any(part in ("", ".", "..", ".git") for part in parts):
        raise ValueError(f"not a file path in a repository: {path!r}")
    return [part.encode("utf-8", "surrogateescape") for part in parts]
