"""What an open library allows: reading and writing, reading only (and why), or reading a
library known to be damaged (and why). Crosses layers: the store finds it, the CLI and the
window say it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Health:
    damaged: str = ""  # what the check found ('' when nothing is known to be wrong)
    read_only: str = ""  # why the library cannot be written ('' when it can)
    checking: bool = False  # a check of a large library is still running
    notices: tuple[str, ...] = ()  # said once, at opening (a log file moved aside)

    @property
    def writable(self) -> bool:
        return not self.damaged and not self.read_only

    def refusal(self, path: object) -> str:
        """Why a write into the library at ``path`` is refused."""
        if self.damaged:
            return (f"{path} is damaged ({self.damaged}); it is open read-only so that "
                    "nothing is written into it. Restore a backup, or save what can be "
                    "read with 'notegui salvage NEW-FILE'")
        return f"{path} is read-only ({self.read_only}); nothing was written"
