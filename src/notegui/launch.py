"""The ``notegui`` command's entry point. Importing the app takes about 0.3 s; Ctrl+C in
that time would raise in the middle of an import (a traceback, or an import error that
says nothing). So the interrupt is noted from the first moment and acted on once notegui
can end cleanly: at once for a command, once the event loop runs for the window."""

from __future__ import annotations

import signal
from types import FrameType


class EarlyInterrupt:
    """Ctrl+C (SIGINT) noted, not raised, until ``release``. A SIGINT ignored by whoever
    started notegui (a job started in the background) stays ignored."""

    def __init__(self) -> None:
        self.pressed = False
        self._previous = signal.getsignal(signal.SIGINT)
        self._held = self._previous is not signal.SIG_IGN
        if self._held:
            signal.signal(signal.SIGINT, self._note)

    def _note(self, _number: int, _frame: FrameType | None) -> None:
        self.pressed = True

    def release(self) -> bool:
        """Python's own handling back (KeyboardInterrupt); whether Ctrl+C was pressed."""
        if self._held:
            signal.signal(signal.SIGINT, self._previous)
            self._held = False
        return self.pressed


def main(argv: list[str] | None = None) -> int:
    early = EarlyInterrupt()
    try:
        from notegui.app import main as run  # the imports that take the time
    except BaseException:
        early.release()
        raise
    return run(argv, early)
