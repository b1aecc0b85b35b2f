"""Pack records of whole objects, compressed in a worker process while the sync goes on.

Compressing is a fifth of a first sync (100,000 notes, one zlib stream each). Threads did
not help: each object's compression takes the GIL back from the thread rendering the next
notes, so they waited on each other. A worker process compresses a batch while the sync
renders the next; each record then carries its stored bytes (header and zlib stream, as
dulwich's own writer makes them), which the pack writer copies as they are: the pack is
byte for byte the one dulwich writes alone."""

from __future__ import annotations

import logging
import multiprocessing
import os
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from dulwich.object_format import ObjectFormat
from dulwich.objects import ObjectID, hex_to_sha
from dulwich.pack import UnpackedObject, pack_object_header

from notegui.core.import_files import die_with_parent

log = logging.getLogger("notegui")

WORKERS = min(3, (os.cpu_count() or 1) - 1)  # beside the process that renders; 0: none
PART = 2_000  # objects a worker compresses at once

Whole = tuple[int, bytes, bytes]  # (type number, content, id in hex)


class Compressor:
    """Compresses batches of objects, in worker processes once there is enough to do; the
    workers end with ``close``."""

    def __init__(self, level: int, object_format: ObjectFormat) -> None:
        self.level = level
        self.object_format = object_format
        self._pool: ProcessPoolExecutor | None = None

    def start(self, objects: Sequence[Whole]) -> Callable[[], list[UnpackedObject]]:
        """Start compressing ``objects``; the function returned gives their records, in
        order, once compressed (waiting for them)."""
        if WORKERS < 1 or len(objects) < PART:
            return lambda: self._records(objects, [_compress(_contents(objects), self.level)])
        pool = self._workers()
        started: list[Future[list[bytes]]] = [
            pool.submit(_compress, _contents(objects[start:start + PART]), self.level)
            for start in range(0, len(objects), PART)]

        def finish() -> list[UnpackedObject]:
            try:
                parts = [part.result() for part in started]
            except BrokenProcessPool as error:  # (a worker killed: do it here)
                log.warning("sync: compressing here, its worker process ended: %s", error)
                self.close()
                parts = [_compress(_contents(objects), self.level)]
            return self._records(objects, parts)

        return finish

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # "spawn": never fork a process that may hold Qt and SQLite state.
            self._pool = ProcessPoolExecutor(
                max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"),
                initializer=die_with_parent, initargs=(os.getpid(),))
        return self._pool

    def _records(self, objects: Sequence[Whole], parts: list[list[bytes]],
                 ) -> list[UnpackedObject]:
        compressed = (stream for part in parts for stream in part)
        records = []
        for (type_num, data, object_id), stream in zip(objects, compressed, strict=True):
            record = UnpackedObject(type_num, sha=hex_to_sha(ObjectID(object_id)))
            header = pack_object_header(type_num, None, len(data),
                                        object_format=self.object_format)
            record.comp_chunks = [bytes(header), stream]
            records.append(record)
        return records


def _contents(objects: Sequence[Whole]) -> list[bytes]:
    return [data for _type_num, data, _id in objects]


def _compress(contents: list[bytes], level: int) -> list[bytes]:
    """Run in a worker: each content as its own zlib stream."""
    return [zlib.compress(data, level) for data in contents]
