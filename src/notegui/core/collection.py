"""Python's cyclic garbage collector held off while an import runs.

An import holds tens of thousands of parsed notes at once (their links wait for the whole
vault to be read), and the collector's passes go over every one of them again and again:
at 100,000 files they took a quarter of a CLI import's time (10 s of 43) and stalled the
window up to 170 ms each. An import makes no reference cycles worth collecting, and what
it holds is freed by reference counting when it ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic collection inside the block; as before after it (even if it raises)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
