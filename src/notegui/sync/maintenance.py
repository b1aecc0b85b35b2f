"""Keeping the sync's local repository small (Repository.maintain): its loose objects
packed, trees as deltas of each other.

Every sync writes its changed folders' trees whole, as loose objects; at 100,000 notes the
top folder's tree is 3.9 MB (2.2 MB compressed), so each sync that changes a note there
added 2 MB. Successive versions of one folder differ in a few entries, so as deltas they
take a few hundred bytes, as `git gc` would store them. dulwich's own repack keeps
every object whole and in memory."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from dulwich.objects import ObjectID, Tree, hex_to_sha
from dulwich.pack import REF_DELTA, UnpackedObject

if TYPE_CHECKING:
    from notegui.sync.repository import Repository

MAINTAIN_BYTES = 32 * 2**20  # loose objects' size on disk that starts a packing
WINDOW = 3  # trees tried as bases for each (git's pack.window is 10)
MAX_DEPTH = 20  # deltas of deltas: reading one costs applying the chain (git's is 50)
MAX_OBJECTS = 20_000  # packed at once: memory stays bounded


def loose_objects(repository: Repository) -> list[tuple[bytes, int]]:
    """(id, size on disk) of every loose object."""
    objects = repository.path / "objects"
    found: list[tuple[bytes, int]] = []
    for folder in objects.glob("[0-9a-f][0-9a-f]"):
        with os.scandir(folder) as entries:
            for entry in entries:
                if len(entry.name) == 38 and not entry.name.startswith("tmp_"):
                    found.append(((folder.name + entry.name).encode("ascii"), entry.stat().st_size))
    return found


def pack_loose(repository: Repository, threshold: int = MAINTAIN_BYTES) -> bool:
    """Pack the loose objects when they take more than ``threshold`` bytes, then remove
    them (only once the pack is in place: a kill midway leaves them loose)."""
    loose = loose_objects(repository)
    if sum(size for _id, size in loose) <= threshold:
        return False
    ids = [object_id for object_id, _size in loose][:MAX_OBJECTS]
    objects = [(object_id, *repository.object_data(object_id)) for object_id in ids]
    records = list(_records(objects))
    repository.write_pack_records(len(records), iter(records))
    for object_id in ids:
        hexid = object_id.decode("ascii")
        path = repository.path / "objects" / hexid[:2] / hexid[2:]
        with contextlib.suppress(OSError):  # it stays loose as well: harmless
            path.unlink()
    return True


def _records(objects: list[tuple[bytes, int, bytes]]) -> Iterator[UnpackedObject]:
    """Blobs and commits whole; trees largest first, each as a delta of one of the WINDOW
    trees before it when that takes under half its size (git's heuristic: trees of
    similar sizes are likely versions of one folder)."""
    trees = sorted((o for o in objects if o[1] == Tree.type_num), key=lambda o: -len(o[2]))
    for object_id, type_num, data in objects:
        if type_num != Tree.type_num:
            raw = hex_to_sha(ObjectID(object_id))
            yield UnpackedObject(type_num, sha=raw, decomp_chunks=[data])
    depth: dict[bytes, int] = {}
    spans: dict[bytes, dict[bytes, tuple[int, bytes]]] = {}
    for position, (object_id, _type, data) in enumerate(trees):
        best: tuple[bytes, bytes] | None = None
        for base_id, _base_type, _base in trees[max(0, position - WINDOW) : position]:
            if depth[base_id] >= MAX_DEPTH:
                continue
            delta = tree_delta(spans[base_id], len(_base), data)
            if delta is None or len(delta) >= len(data) // 2:
                continue
            if best is None or len(delta) < len(best[1]):
                best = (base_id, delta)
        spans[object_id] = _entry_spans(data)
        if position >= WINDOW:  # only the window's are looked at again: memory stays flat
            spans.pop(trees[position - WINDOW][0], None)
        raw = hex_to_sha(ObjectID(object_id))
        if best is None:
            depth[object_id] = 0
            yield UnpackedObject(Tree.type_num, sha=raw, decomp_chunks=[data])
        else:
            base_id, delta = best
            depth[object_id] = depth[base_id] + 1
            yield UnpackedObject(
                REF_DELTA,
                delta_base=hex_to_sha(ObjectID(base_id)),
                sha=raw,
                decomp_chunks=[delta],
            )


def _entry_spans(tree: bytes) -> dict[bytes, tuple[int, bytes]]:
    """A tree's entries: name -> (offset, the entry's bytes)."""
    spans: dict[bytes, tuple[int, bytes]] = {}
    position, length = 0, len(tree)
    while position < length:
        space = tree.index(b" ", position)
        nul = tree.index(b"\0", space)
        end = nul + 21
        spans[tree[space + 1 : nul]] = (position, tree[position:end])
        position = end
    return spans


def tree_delta(
    base: dict[bytes, tuple[int, bytes]], base_size: int, target: bytes
) -> bytes | None:
    """A git delta turning the tree ``base`` (its entry spans) into ``target``: a copy of
    each run of entries the two share, in order, and the other entries inserted. Trees
    are sorted lists, so one pass finds what create_delta's search takes a second over
    (at 90,000 entries). None for a tree that cannot be read."""
    out = bytearray(_varint(base_size) + _varint(len(target)))
    pending = bytearray()
    run_start = run_end = -1
    try:
        spans = _entry_spans(target)
    except ValueError:
        return None
    if sum(len(entry) for _offset, entry in spans.values()) != len(target):
        return None  # a name twice: not a tree git would write
    for name, (_offset, entry) in spans.items():
        found = base.get(name)
        if found is not None and found[1] == entry:
            if found[0] == run_end:
                run_end += len(entry)
                continue
            _flush(out, pending, run_start, run_end)
            pending.clear()
            run_start, run_end = found[0], found[0] + len(entry)
        else:
            if run_start >= 0:
                _flush(out, pending, run_start, run_end)
                pending.clear()
                run_start = run_end = -1
            pending += entry
    _flush(out, pending, run_start, run_end)
    return bytes(out)


def _flush(out: bytearray, pending: bytearray, start: int, end: int) -> None:
    for position in range(0, len(pending), 127):
        chunk = pending[position : position + 127]
        out.append(len(chunk))
        out += chunk
    while start >= 0 and start < end:
        size = min(end - start, 0x10000)
        _copy(out, start, size)
        start += size


def _copy(out: bytearray, offset: int, size: int) -> None:
    """git's copy instruction: which offset and size bytes follow, then those bytes."""
    command, tail = 0x80, bytearray()
    for index in range(4):
        byte = (offset >> (8 * index)) & 0xFF
        if byte:
            command |= 1 << index
            tail.append(byte)
    if size != 0x10000:  # a size of 0 means 0x10000
        for index in range(3):
            byte = (size >> (8 * index)) & 0xFF
            if byte:
                command |= 0x10 << index
                tail.append(byte)
    out.append(command)
    out += tail


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)
