"""What a large import knows of each title key, as bits of one dictionary.

An import of a million files kept four sets of title keys (made, sources, present,
summarized), each with its own table and, for keys met in different batches, its own copy
of the key's string (64 MB at 200,000 notes by tracemalloc, about 300 MB at a million),
and a copy of two of them before every batch (to undo a batch that failed). Here each key
is held once, with an int, and a batch's changes are logged so that they can be undone
instead of copied. The bits above ``CLAIM_SHIFT`` say which file of the import claimed the
key's note (import_claims.py): its place in the import's list of files, not a second
dictionary with a third copy of each key."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

CLAIM_SHIFT = 8  # (the flags use the bits below)


class KeyFlags:
    """Title key -> bits; each bit a set of keys (``flag``)."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}  # (read directly by loops over every citation)
        self._counts: dict[int, int] = {}
        self._log: list[tuple[str, int]] | None = None  # (key, its bits before), in order

    def flag(self, bit: int) -> KeySet:
        self._counts.setdefault(bit, 0)
        return KeySet(self, bit)

    def _set(self, key: str, bits: int, old: int, flag: int = 0) -> None:
        """``key``'s bits from ``old`` to ``bits`` (``flag``: the one flag they differ by,
        if so: its count is kept without looking at the others)."""
        if self._log is not None:
            self._log.append((key, old))
        if flag:
            self._counts[flag] += 1 if bits & flag else -1
        else:
            for bit in self._counts:
                self._counts[bit] += bool(bits & bit) - bool(old & bit)
        if bits:
            self.bits[key] = bits
        else:
            del self.bits[key]

    def claim(self, key: str, place: int) -> int | None:
        """Claim ``key`` for the file at ``place``; the place of the file that claimed it
        earlier, if one did. Not logged: a claim outlives a batch rolled back (the file
        is then written alone)."""
        bits = self.bits.get(key, 0)
        if bits >> CLAIM_SHIFT:
            return (bits >> CLAIM_SHIFT) - 1
        self.bits[key] = bits | (place + 1) << CLAIM_SHIFT
        return None

    def begin(self) -> None:
        """Log the changes from now on (one batch's), so that ``undo`` can take them back."""
        self._log = []

    def keep(self) -> None:
        """The changes logged stay: the log is dropped."""
        self._log = None

    def undo(self) -> None:
        """Take back the changes logged since ``begin``."""
        log, self._log = self._log or [], None
        flags = (1 << CLAIM_SHIFT) - 1
        for key, old in reversed(log):
            now = self.bits.get(key, 0)
            kept = (old & flags) | (now & ~flags)  # (a claim made meanwhile stays)
            if now != kept:
                self._set(key, kept, now)


class KeySet:
    """The keys with one bit, as a set (the operations an import uses)."""

    def __init__(self, flags: KeyFlags, bit: int) -> None:
        self._flags = flags
        self.bit = bit

    def __contains__(self, key: object) -> bool:
        return bool(self._flags.bits.get(key, 0) & self.bit)  # type: ignore[call-overload]

    def __len__(self) -> int:
        return self._flags._counts[self.bit]

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[str]:
        bit = self.bit
        return iter([key for key, bits in self._flags.bits.items() if bits & bit])

    def add(self, key: str) -> None:
        flags = self._flags
        bits = flags.bits.get(key, 0)
        if not bits & self.bit:
            flags._set(key, bits | self.bit, bits, self.bit)

    def update(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.add(key)

    def discard(self, key: str) -> None:
        flags = self._flags
        bits = flags.bits.get(key, 0)
        if bits & self.bit:
            flags._set(key, bits & ~self.bit, bits, self.bit)

    def clear(self) -> None:
        if len(self):
            for key in list(self):
                self.discard(key)
